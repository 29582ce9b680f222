import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Risk } from '../../../../shared/schemas/catalogue';
import type { RiskAcknowledgement } from '../../../../shared/schemas/consultation';
import { callApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { applyServerError, contractResolver, rootError, useFormError } from '../../forms';
import { TextArea } from './Choice';
import { firstOpenRisk, nextOpenRisk, riskToReexplain } from './steps';
import { ReadingMode } from './ReadingMode';
import { Prose, StepFrame, type StepProps } from './StepFrame';
import { useFormatTime } from '../../clinicTime';

/** One risk at a time: text, how often, how severe, the patient's questions, then the patient's acknowledgement. */
export function RisksStep(props: StepProps) {
  const { view, editable, timeZone, onSaved, onContinue } = props;
  const { t } = useTranslation();
  const { consultation: c, template } = view;
  const risks = template.risks;
  // Explaining again after a wrong answer opens the risk that answer was about, not the first one.
  const [index, setIndex] = useState(() => riskToReexplain(risks, template.comprehensionQuestions, c) ?? firstOpenRisk(risks, c.riskAcknowledgements));
  const [reading, setReading] = useState(false);
  const acks = new Map(c.riskAcknowledgements.map((a) => [a.riskId, a]));
  const risk = risks[index]!;
  const allDone = risks.every((r) => acks.has(r.id));

  return (
    <StepFrame step="risks" intro={t('consultation.risks.intro')}>
      <div className="risk-toolbar">
        <p className="risk-progress" aria-label={t('consultation.risks.progressLabel', { current: index + 1, total: risks.length })} data-testid="risk-progress">
          <span className="risk-progress__count">{t('consultation.risks.progress', { current: index + 1, total: risks.length })}</span>
          <span className="muted">{t('consultation.risks.acknowledgedCount', { count: acks.size, total: risks.length })}</span>
        </p>
        <div className="risk-toolbar__reading">
          <button type="button" className="btn btn--secondary" onClick={() => setReading(true)} data-testid="open-reading-mode">
            {t('consultation.risks.readingMode')}
          </button>
          <span className="field__hint">{t('consultation.risks.readingModeHint')}</span>
        </div>
      </div>
      <ol className="risk-dots" aria-hidden="true">
        {risks.map((r, i) => (
          <li key={r.id} className={['risk-dots__dot', acks.has(r.id) ? 'risk-dots__dot--done' : '', r.severity === 'severe' ? 'risk-dots__dot--severe' : '', i === index ? 'risk-dots__dot--current' : ''].join(' ')} />
        ))}
      </ol>

      <RiskCard
        key={risk.id}
        risk={risk}
        ack={acks.get(risk.id)}
        consultationId={c.id}
        editable={editable}
        timeZone={timeZone}
        onAcknowledged={(next) => {
          onSaved(next);
          const done = new Set(next.consultation.riskAcknowledgements.map((a) => a.riskId));
          setIndex((i) => nextOpenRisk(risks, done, i) ?? i);
        }}
      />

      <div className="actions actions--between">
        <button type="button" className="btn btn--secondary" onClick={() => setIndex((i) => i - 1)} disabled={index === 0}>
          {t('consultation.risks.previousRisk')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={() => setIndex((i) => i + 1)} disabled={index === risks.length - 1}>
          {t('consultation.risks.nextRisk')}
        </button>
      </div>
      {allDone ? (
        <div className="notice notice--success" role="status" data-testid="risks-all-acknowledged">
          {t('consultation.risks.allAcknowledged')}
        </div>
      ) : null}
      {allDone || !editable ? (
        <div className="actions actions--end consult-step__actions">
          <button type="button" className="btn btn--primary btn--large" onClick={onContinue}>
            {t('consultation.next')}
          </button>
        </div>
      ) : null}
      {reading ? (
        <ReadingMode
          view={view}
          editable={editable}
          onSaved={onSaved}
          onExit={(latest) => {
            setReading(false);
            setIndex(firstOpenRisk(risks, latest.consultation.riskAcknowledgements));
          }}
        />
      ) : null}
    </StepFrame>
  );
}

interface AckForm {
  questions: string;
}

function RiskCard({
  risk,
  ack,
  consultationId,
  editable,
  timeZone,
  onAcknowledged,
}: {
  risk: Risk;
  ack: RiskAcknowledgement | undefined;
  consultationId: string;
  editable: boolean;
  timeZone: string;
  onAcknowledged: StepProps['onSaved'];
}) {
  const { t } = useTranslation();
  const format = useFormatTime(timeZone);
  // When this risk was put in front of the patient: its "explained at" time.
  const [shownAt] = useState(() => new Date().toISOString());
  const { formError, setFormError } = useFormError();
  const toInput = (v: AckForm) => ({
    consultationId,
    riskId: risk.id,
    method: 'consultant_tap' as const,
    explainedAt: shownAt,
    ...(v.questions.trim() ? { questions: v.questions } : {}),
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AckForm>({ defaultValues: { questions: '' }, resolver: contractResolver('consultations.acknowledgeRisk', toInput, ['questions']) });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('consultations.acknowledgeRisk', toInput(v));
    if (r.ok) onAcknowledged(r.value);
    else setFormError(applyServerError(r.error, ['questions'], setError));
  });

  const severe = risk.severity === 'severe';
  return (
    <article className={`card risk-card risk-card--${risk.severity}`} data-testid="risk-card" data-risk={risk.id} data-severity={risk.severity}>
      {severe ? (
        <p className="risk-card__severe" role="note">
          <span aria-hidden="true">⚠ </span>
          {t('consultation.risks.severeBadge')}
        </p>
      ) : null}
      <Prose text={risk.text} className="risk-card__text" />
      <dl className="risk-card__facts">
        <div>
          <dt>{t('consultation.risks.frequency')}</dt>
          <dd>
            <span className={`freq freq--${risk.frequency}`}>{t(`consultation.risks.frequencies.${risk.frequency}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('consultation.risks.severity')}</dt>
          <dd>
            <span className={`sev sev--${risk.severity}`}>{t(`consultation.risks.severities.${risk.severity}`)}</span>
          </dd>
        </div>
      </dl>
      {ack ? (
        <div className="risk-card__ack" data-testid="risk-acknowledged">
          <p className="status-text">
            ✓ {t('consultation.risks.acknowledgedAt', { at: format(ack.acknowledgedAt), method: t(`consultation.risks.methods.${ack.method}`), by: ack.recordedByName })}
          </p>
          <p className="muted">{ack.questions ? t('consultation.risks.questionsRecorded', { text: ack.questions }) : t('consultation.risks.noQuestions')}</p>
        </div>
      ) : editable ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="form risk-card__form">
          <TextArea label={t('consultation.risks.questions')} hint={t('consultation.risks.questionsHint')} registration={register('questions')} error={errors.questions?.message} rows={2} />
          <FormError error={formError ?? rootError(errors)} />
          <button type="submit" className="btn btn--primary btn--large btn--wide" disabled={isSubmitting}>
            {isSubmitting ? t('consultation.saving') : t('consultation.risks.acknowledge')}
          </button>
        </form>
      ) : null}
    </article>
  );
}
