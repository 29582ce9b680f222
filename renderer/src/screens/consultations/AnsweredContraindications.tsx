import { useTranslation } from 'react-i18next';
import type { ConsultationView } from '../../../../shared/schemas/consultation';
import './contraindications.css';

/** The contraindications screening found present, with their notes: what the disclosure is given with. */
export function answeredContraindications(view: ConsultationView): { id: string; text: string; note: string | null }[] {
  const present = view.consultation.screening?.contraindications.filter((c) => c.present) ?? [];
  return present.map((p) => ({
    id: p.id,
    text: view.template.contraindications.find((c) => c.id === p.id)?.text ?? p.id,
    note: p.note?.trim() ? p.note : null,
  }));
}

/**
 * Shown at disclosure (before and after): a contraindication answered "yes" is not a tick in a list, it is why
 * the physician must assess before treatment, and the consultant must see it before disclosing.
 */
export function AnsweredContraindications({ view }: { view: ConsultationView }) {
  const { t } = useTranslation();
  const items = answeredContraindications(view);
  if (items.length === 0) return null;
  return (
    <div className="notice notice--warning answered-ci" role="note" data-testid="answered-contraindications">
      <p className="answered-ci__title">{t('workday.contraindications.title', { count: items.length })}</p>
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <strong>{i.text}</strong>
            {i.note ? <span className="answered-ci__note">{t('workday.contraindications.note', { note: i.note })}</span> : null}
          </li>
        ))}
      </ul>
      <p className="answered-ci__consequence">{t('workday.contraindications.consequence')}</p>
    </div>
  );
}
