import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../shared/schemas/patient';
import type { ConsultationView } from '../../../../shared/schemas/consultation';
import { useApi } from '../../api';
import { translateKey } from '../../i18n';
import { useNavigate } from '../../navigation';
import { procedureNameFor, statusBadgeKey } from './status';
import { checklist, topicsToReexplain } from './steps';
import { useFormatTime } from '../../clinicTime';

/** Who, what and by whom: patient, procedure, operating physician, explanation-sheet version and status. */
export function ConsultationHeader({
  view,
  patient,
  physicianSpecialty,
  timeZone,
}: {
  view: ConsultationView;
  patient: Patient | null;
  physicianSpecialty: string | null;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatTime(timeZone);
  const c = view.consultation;
  const procedures = useApi('procedures.list', { includeInactive: true });
  const [now] = useState(() => Date.now());
  const minor = patient?.isMinor ?? c.recordFlags.includes('minor');
  return (
    <header className="consult-header" data-testid="consultation-header">
      <div className="consult-header__top">
        <div className="consult-header__who">
          <p className="eyebrow">{t('consultation.title')}</p>
          <h1 className="consult-header__name" data-testid="consultation-patient">
            {c.patientName}
          </h1>
          <p className="consult-header__patient-facts">
            {patient ? <span>{t('consultation.header.chartNo', { chartNo: patient.chartNo })}</span> : null}
            {patient ? <span>{t('consultation.header.age', { age: patient.age })}</span> : null}
            {minor ? <span className="badge badge--warning">{t('consultation.header.minor')}</span> : null}
            {c.bodyImageFlag ? <span className="badge badge--danger">{t('consultation.header.bodyImageFlag')}</span> : null}
          </p>
        </div>
        <div className="consult-header__side">
          <span className={`badge consult-status consult-status--${c.status}`} data-testid="consultation-status" data-status={c.status}>
            {translateKey(statusBadgeKey(c, now))}
          </span>
          <button type="button" className="btn btn--link" onClick={() => navigate({ screen: 'patient', patientId: c.patientId })}>
            {t('consultation.backToPatient')}
          </button>
        </div>
      </div>
      <dl className="consult-facts">
        <div>
          <dt>{t('consultation.header.procedure')}</dt>
          <dd data-testid="consultation-procedure">{procedureNameFor(c, procedures.state === 'ok' ? procedures.value : null, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('consultation.header.physician')}</dt>
          <dd data-testid="consultation-physician">
            {physicianSpecialty ? t('consultation.header.physicianWithSpecialty', { name: c.physicianName, specialty: physicianSpecialty }) : c.physicianName}
          </dd>
        </div>
        <div>
          <dt>{t('consultation.header.consultant')}</dt>
          <dd>
            {c.consultantName}
            <span className="muted consult-facts__sub">{t('consultation.header.startedAt', { at: format(c.createdAt) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('consultation.header.template')}</dt>
          <dd data-testid="consultation-template">{t('consultation.header.templateVersion', { version: c.templateVersion, locale: t(`consultation.locales.${c.locale}`) })}</dd>
        </div>
      </dl>
    </header>
  );
}

/** Every requirement for disclosure, done or still missing; always visible beside the steps. */
export function GapChecklist({ view }: { view: ConsultationView }) {
  const { t } = useTranslation();
  const items = checklist(view.consultation, view.template, topicsToReexplain(view.consultation, view.template.comprehensionQuestions));
  const done = items.filter((i) => i.done).length;
  return (
    <section className="gap-checklist" aria-labelledby="gap-checklist-title" data-testid="gap-checklist">
      <h2 id="gap-checklist-title" className="gap-checklist__title">
        {t('consultation.checklist.title')}
      </h2>
      <p className={done === items.length ? 'gap-checklist__progress status-text' : 'gap-checklist__progress'}>
        {done === items.length ? t('consultation.checklist.allDone') : t('consultation.checklist.progress', { done, total: items.length })}
      </p>
      <ul className="gap-checklist__list">
        {items.map((item) => (
          <li key={item.gap} className={item.done ? 'gap-item gap-item--done' : 'gap-item gap-item--todo'} data-gap={item.gap} data-done={item.done} data-reexplain={item.reexplain ? 'true' : undefined}>
            <span className="gap-item__mark" aria-hidden="true">
              {item.done ? '✓' : item.reexplain ? '↻' : '○'}
            </span>
            <span>
              {t(`consultation.checklist.items.${item.gap}`)}
              {item.reexplain ? <span className="gap-item__again">{t('workday.checklistReexplain')}</span> : null}
            </span>
            <span className="visually-hidden"> ({item.done ? t('consultation.checklist.done') : t('consultation.checklist.todo')})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
