import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNavigate } from '../../navigation';
import { GAP_STEP } from './steps';
import { StepFrame, type StepProps } from './StepFrame';
import { useFormatTime } from '../../clinicTime';
import { AnsweredContraindications } from './AnsweredContraindications';

/**
 * The end of the consultation: what is still missing (each with a way to it), the guardian a minor needs, and
 * "Disclose", offered only when nothing is missing. Once disclosed: when, and when the cooling-off period ends.
 */
export function DiscloseStep({ view, editable, timeZone, onSaved, onOpen }: StepProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatTime(timeZone);
  const c = view.consultation;
  const [confirming, setConfirming] = useState(false);

  if (c.status !== 'draft') {
    return (
      <StepFrame step="disclose">
        <AnsweredContraindications view={view} />
        <div className="disclosed" data-testid="disclosed">
          <p className="disclosed__title">✓ {t('consultation.disclose.disclosedTitle')}</p>
          <dl className="disclosed__facts">
            <div>
              <dt>{t('consultation.disclose.disclosedAt')}</dt>
              <dd data-testid="disclosed-at">{c.disclosedAt ? format(c.disclosedAt) : '—'}</dd>
            </div>
            <div className="disclosed__cooling">
              <dt>{t('consultation.disclose.coolingOffEnds')}</dt>
              <dd data-testid="cooling-off-ends">{c.coolingOffEndsAt ? format(c.coolingOffEndsAt) : '—'}</dd>
            </div>
          </dl>
          <p>{t('consultation.disclose.coolingOffNote', { days: c.coolingOffDays })}</p>
        </div>
        {c.bodyImageFlag ? <p className="notice notice--warning">{t('consultation.disclose.bodyImageReminder')}</p> : null}
      </StepFrame>
    );
  }

  const ready = c.gaps.length === 0;
  const guardian = c.gaps.includes('guardian');
  return (
    <StepFrame step="disclose" intro={t('consultation.disclose.intro')}>
      <AnsweredContraindications view={view} />
      {guardian ? (
        <div className="notice notice--error guardian" role="alert" data-testid="guardian-gap">
          <p className="reexplain__title">{t('consultation.disclose.guardianTitle')}</p>
          <p>{t('consultation.disclose.guardianBody')}</p>
          <button type="button" className="btn btn--secondary" onClick={() => navigate({ screen: 'patient', patientId: c.patientId })}>
            {t('consultation.disclose.openPatient')}
          </button>
        </div>
      ) : null}
      {ready ? (
        <p className="notice notice--success" data-testid="disclose-ready">
          {t('consultation.disclose.ready')}
        </p>
      ) : (
        <div className="card consult-card" id="disclose-missing" data-testid="disclose-missing">
          <p className="consult-card__title">{t('consultation.disclose.notReady', { count: c.gaps.length })}</p>
          <ul className="gap-list">
            {c.gaps.map((gap) => (
              <li key={gap} data-gap={gap}>
                <span>{t(`gaps.${gap}`)}</span>
                {gap !== 'guardian' ? (
                  <button type="button" className="btn btn--link" onClick={() => onOpen(GAP_STEP[gap])}>
                    {t('consultation.disclose.goToStep', { step: t(`consultation.steps.${GAP_STEP[gap]}`) })}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      )}
      {c.bodyImageFlag ? <p className="notice notice--warning">{t('consultation.disclose.bodyImageReminder')}</p> : null}
      {editable ? (
        <div className="actions actions--end consult-step__actions">
          <button
            type="button"
            className="btn btn--primary btn--large"
            disabled={!ready}
            aria-describedby={ready ? undefined : 'disclose-missing'}
            onClick={() => setConfirming(true)}
            data-testid="disclose"
          >
            {t('consultation.disclose.submit')}
          </button>
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDisclose
          consultationId={c.id}
          days={c.coolingOffDays}
          onCancel={() => setConfirming(false)}
          onDone={(v) => {
            setConfirming(false);
            onSaved(v);
          }}
        />
      ) : null}
    </StepFrame>
  );
}

function ConfirmDisclose({ consultationId, days, onCancel, onDone }: { consultationId: string; days: number; onCancel: () => void; onDone: StepProps['onSaved'] }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('consultation.disclose.confirmTitle')}
      testId="confirm-disclose"
      confirmLabel={t('consultation.disclose.confirm')}
      action={() => callApi('consultations.disclose', { consultationId })}
      onDone={onDone}
      onCancel={onCancel}
    >
      <p>{t('consultation.disclose.confirmBody', { days })}</p>
    </ConfirmDialog>
  );
}
