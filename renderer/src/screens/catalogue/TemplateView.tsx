import { useTranslation } from 'react-i18next';
import type { DisclosureTemplate } from '../../../../shared/schemas/catalogue';
import { useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormMessage';
import { formatDateTime } from '../../clinicTime';
import { CARE_SECTIONS, TEXT_SECTIONS } from './templateForm';

/** One version of an explanation sheet, read-only, as a dialog over the versions list. */
export function TemplateViewDialog({
  templateId,
  localeName,
  timeZone,
  onClose,
}: {
  templateId: string;
  localeName: string;
  timeZone: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const template = useApi('templates.get', { templateId });
  const tpl = template.value;
  return (
    <Dialog
      title={tpl ? t('catalogue.templates.viewTitle', { locale: localeName, version: tpl.version }) : t('common.loading')}
      onCancel={onClose}
      testId="template-view"
      className="dialog--sheet"
    >
      <FormError error={template.error} />
      {tpl ? (
        <>
          <p className="muted sheet__meta">
            {tpl.status === 'published' && tpl.publishedAt ? (
              <>
                <span>{t('catalogue.templates.readOnly')}</span>
                <span>
                  {/* The starter sheets were published by the set-up, not by a person. */}
                  {tpl.publishedByName
                    ? t('catalogue.templates.publishedBy', { name: tpl.publishedByName, time: formatDateTime(tpl.publishedAt, timeZone, i18n.language) })
                    : t('catalogue.templates.publishedOn', { time: formatDateTime(tpl.publishedAt, timeZone, i18n.language) })}
                </span>
              </>
            ) : (
              <span>{t('catalogue.templates.draft')}</span>
            )}
          </p>
          <TemplateContentView template={tpl} />
        </>
      ) : null}
      <div className="actions actions--end dialog__footer">
        <button type="button" className="btn btn--secondary" onClick={onClose} autoFocus>
          {t('catalogue.templates.closeView')}
        </button>
      </div>
    </Dialog>
  );
}

function TemplateContentView({ template }: { template: DisclosureTemplate }) {
  const { t } = useTranslation();
  const c = template.content;
  return (
    <article className="sheet" lang={template.locale}>
      <h3 className="sheet__title">{c.title}</h3>
      {TEXT_SECTIONS.map((k) => (
        <section key={k} className="sheet__section">
          <h4>{t(`catalogue.content.${k}`)}</h4>
          <p className="pre">{c[k]}</p>
        </section>
      ))}
      <section className="sheet__section">
        <h4>{t('catalogue.content.risks')}</h4>
        <ul className="sheet__risks">
          {c.risks.map((r) => (
            <li key={r.id}>
              <span className={`badge sev sev--${r.severity}`}>{t(`catalogue.severities.${r.severity}`)}</span>
              <span className="badge badge--muted">{t(`catalogue.frequencies.${r.frequency}`)}</span>
              <span>{r.text}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="sheet__section">
        <h4>{t('catalogue.content.alternatives')}</h4>
        <ul>
          {c.alternatives.map((a) => (
            <li key={a.id}>{a.text}</li>
          ))}
        </ul>
      </section>
      {c.contraindications.length > 0 ? (
        <section className="sheet__section">
          <h4>{t('catalogue.content.contraindications')}</h4>
          <ul>
            {c.contraindications.map((x) => (
              <li key={x.id}>
                {x.text}
                {x.flaggedBy.length > 0 ? (
                  <span className="sheet__flags">
                    {x.flaggedBy.map((f) => (
                      <span key={f} className="badge badge--muted">
                        {t(`catalogue.flagOptions.${f}`)}
                      </span>
                    ))}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {CARE_SECTIONS.map((k) => (
        <section key={k} className="sheet__section">
          <h4>{t(`catalogue.content.${k}`)}</h4>
          <p className="pre">{c[k]}</p>
        </section>
      ))}
      <section className="sheet__section">
        <h4>{t('catalogue.content.questions')}</h4>
        <ol className="sheet__questions">
          {c.comprehensionQuestions.map((q) => (
            <li key={q.id}>
              <p>
                {q.question} <span className="badge badge--muted">{t(`catalogue.topics.${q.topic}`)}</span>
              </p>
              <ol className="sheet__options">
                {q.options.map((o, i) => (
                  <li key={i} className={i === q.correctIndex ? 'sheet__option--correct' : undefined}>
                    {o}
                    {i === q.correctIndex ? <span className="visually-hidden"> ({t('catalogue.content.correct')})</span> : null}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
