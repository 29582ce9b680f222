import { useTranslation } from 'react-i18next';
import type { ConsultationStatus } from '../../../../shared/schemas/consultation';
import { Icon } from '../../components/Icon';
import { useNavigate } from '../../navigation';

const AFTER_SIGNING: readonly ConsultationStatus[] = ['fully_signed', 'treated', 'follow_up', 'closed'];

/** From a fully signed consultation: record the treatment; once treated: open its record and follow-up. */
export function OpenTreatmentLink({ consultationId, status }: { consultationId: string; status: ConsultationStatus }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!AFTER_SIGNING.includes(status)) return null;
  return (
    <div className="actions">
      <button type="button" className={status === 'fully_signed' ? 'btn btn--primary' : 'btn btn--secondary'} onClick={() => navigate({ screen: 'treatment', consultationId })} data-testid="open-treatment">
        <Icon name="clipboard" />
        {status === 'fully_signed' ? t('aftercare.treatment.record') : t('aftercare.treatment.open')}
      </button>
    </div>
  );
}
