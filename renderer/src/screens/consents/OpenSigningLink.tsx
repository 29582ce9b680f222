import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../navigation';
import './signing.css';

/** The way from a disclosed consultation to its consent and signing screen. */
export function OpenSigningLink({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="actions signing-link">
      <button type="button" className="btn btn--primary" onClick={() => navigate({ screen: 'signing', consultationId })} data-testid="open-signing">
        {t('consent.signing.open')}
      </button>
    </div>
  );
}
