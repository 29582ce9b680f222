import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { Treatment as TreatmentRecord } from '../../../../shared/schemas/aftercare';
import type { SessionInfo } from '../../../../shared/schemas/session';
import type { Role } from '../../../../shared/schemas/staff';
import { useApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { useNavigate } from '../../navigation';
import { procedureNameIn } from '../../procedureName';
import { TreatmentForm } from './TreatmentForm';
import { TreatmentView } from './TreatmentView';
import './treatments.css';

const TREATING = api['treatments.record'].access as readonly Role[];

/**
 * The treatment of one consultation: the record once saved (never edited; corrections and after photos are
 * added), or the form, offered only when the consent is fully signed, not withdrawn and not expired.
 */
export function Treatment({ session, consultationId }: { session: SessionInfo; consultationId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const consultation = useApi('consultations.get', { consultationId });
  const consent = useApi('consents.forConsultation', { consultationId });
  const existing = useApi('treatments.forConsultation', { consultationId });
  const [saved, setSaved] = useState<TreatmentRecord | null>(null);
  const treatment = saved ?? existing.value ?? null;
  const c = consultation.value?.consultation;
  const loading = consultation.state === 'loading' || consent.state === 'loading' || existing.state === 'loading';

  return (
    <section aria-labelledby="treatment-title" className="ac-page" data-testid="treatment-screen">
      <button type="button" className="btn btn--link back" onClick={() => navigate({ screen: 'consultation', consultationId })}>
        <Icon name="arrowLeft" size={16} />
        {t('aftercare.treatment.back')}
      </button>
      <h1 id="treatment-title">{t('aftercare.treatment.title')}</h1>
      {c ? (
        <p className="lead">
          <button type="button" className="btn btn--link" onClick={() => navigate({ screen: 'patient', patientId: c.patientId })}>
            {c.patientName}
          </button>{' '}
          · {treatment ? procedureNameIn(treatment, i18n.language) : c.procedureName} · {t('aftercare.treatment.operatingPhysician', { name: c.physicianName })}
        </p>
      ) : null}
      {loading ? <p className="muted">{t('common.loading')}</p> : null}
      <FormError error={consultation.error ?? consent.error ?? existing.error} />
      {!loading && c && treatment ? <TreatmentView session={session} treatment={treatment} onChanged={setSaved} /> : null}
      {!loading && c && !treatment ? (
        consent.value?.usableForTreatment ? (
          TREATING.includes(session.staff.role) ? (
            <TreatmentForm session={session} consultation={c} onSaved={setSaved} />
          ) : (
            <p className="notice notice--warning">{t('aftercare.treatment.roleCannotRecord')}</p>
          )
        ) : (
          <p className="notice notice--warning" data-testid="treatment-blocked">
            {consent.value === null || consent.value === undefined
              ? t('aftercare.errors.consentMissing')
              : consent.value.withdrawal
                ? t('aftercare.errors.consentWithdrawn')
                : consent.value.status !== 'fully_signed'
                  ? t('aftercare.errors.consentNotFullySigned')
                  : t('aftercare.errors.consentExpired')}
          </p>
        )
      ) : null}
    </section>
  );
}
