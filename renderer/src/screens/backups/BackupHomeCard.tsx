import { useTranslation } from 'react-i18next';
import { BACKUP_STALE_AFTER_DAYS, type BackupHomeStatus } from '../../../../shared/schemas/backup';
import { useNavigate } from '../../navigation';
import { formatDateTime } from '../../clinicTime';
import { ageOf } from './sizes-and-ages';
import './backups.css';

/** The administrator's Home: the age and place of the last verified backup; red after 3 days; a failure in plain words. */
export function BackupHomeCard({ status, timeZone }: { status: BackupHomeStatus; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const age = status.lastVerifiedAt ? ageOf(status.lastVerifiedAt, new Date()) : null;
  return (
    <section className={`card backup-home${status.stale ? ' backup-home--stale' : ''}`} data-testid="home-backup" data-stale={status.stale} role={status.stale ? 'alert' : 'status'}>
      <h2 className="card__title">{t('backups.home.title')}</h2>
      {!status.configured ? <p className="backup-home__age">{t('backups.home.notConfigured')}</p> : null}
      {status.lastVerifiedAt && age ? (
        <>
          <p className="backup-home__age">
            {t('backups.home.lastVerified', { age: t(`backups.age.${age.unit}`, { count: age.count }), at: formatDateTime(status.lastVerifiedAt, timeZone, i18n.language) })}
          </p>
          <p className="small">
            {t('backups.home.where')}
            <code className="mono backups__path">{status.lastVerifiedPath}</code>
          </p>
        </>
      ) : status.configured ? (
        <p className="backup-home__age">{t('backups.home.none')}</p>
      ) : null}
      {status.stale && status.lastVerifiedAt ? <p className="backup-home__age">{t('backups.home.stale', { days: BACKUP_STALE_AFTER_DAYS })}</p> : null}
      {status.lastFailure ? (
        <p className="notice notice--error" data-testid="home-backup-failure">
          {t('backups.home.failed', { at: formatDateTime(status.lastFailure.at, timeZone, i18n.language), reason: t(`backups.failures.${status.lastFailure.failure}`) })}
        </p>
      ) : null}
      <button type="button" className="btn btn--secondary btn--small" onClick={() => navigate({ screen: 'backups' })}>
        {t('backups.home.open')}
      </button>
    </section>
  );
}
