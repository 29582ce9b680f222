import { useTranslation } from 'react-i18next';
import type { EscalationItem } from '../../../../shared/schemas/aftercare';
import { formatDateTime } from '../../clinicTime';
import { Icon } from '../../components/Icon';
import { joinList } from '../../lists';
import { useNavigate } from '../../navigation';
import { procedureNameIn } from '../../procedureName';
import './EscalationBanner.css';

/**
 * The operating physician's banner: red flags and unreachable patients waiting for them, until acknowledged.
 * Each opens the follow-up, where the physician acknowledges with what was done.
 */
export function EscalationBanner({ items, timeZone, clinicWide = false }: { items: readonly EscalationItem[]; timeZone: string; clinicWide?: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  if (items.length === 0) return null;
  return (
    <div className="escalation-banner" role="alert" data-testid="red-flag-banner">
      <h2 className="escalation-banner__title">
        <Icon name="warning" />
        {clinicWide ? t('aftercare.escalation.bannerTitleClinic', { count: items.length }) : t('aftercare.escalation.bannerTitle', { count: items.length })}
      </h2>
      <ul className="escalation-banner__list">
        {items.map((e) => (
          <li key={e.id} className={`escalation-banner__item escalation-banner__item--${e.kind}`}>
            <div>
              <strong>{e.patientName}</strong> <span className="mono">{e.chartNo}</span> · {procedureNameIn(e, i18n.language)}
              <div className="escalation-banner__what">
                {e.kind === 'red_flag' ? joinList(e.redFlags.map((f) => t(`aftercare.redFlags.${f}`))) : t('aftercare.escalationKinds.unreachable')}
                {e.phone ? <span className="muted"> · {e.phone}</span> : null}
                <span className="muted"> · {formatDateTime(e.createdAt, timeZone, i18n.language)}</span>
              </div>
            </div>
            <button type="button" className="btn btn--danger btn--small" onClick={() => navigate({ screen: 'followUp', visitId: e.visitId })}>
              {t('aftercare.escalation.open')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
