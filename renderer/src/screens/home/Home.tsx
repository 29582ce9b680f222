import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { timeZoneLabel } from '../../timezones';
import { HomeToday } from './HomeToday';
import { FirstRunGuide, QuickActions } from './HomeStart';
import './home.css';

export function Home({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const cities = t('timeZones', { returnObjects: true }) as unknown as Record<string, string>;
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.greeting', { name: session.staff.name })}</h1>
      <p className="lead">{t('home.roleLine', { role: t(`roles.${session.staff.role}`) })}</p>
      <FirstRunGuide session={session} />
      <QuickActions />
      <HomeToday session={session} />
      <div className="card summary" data-testid="clinic-summary">
        <h2 className="card__title">{t('home.summaryTitle')}</h2>
        <dl className="summary__list">
          <div>
            <dt>{t('home.clinic')}</dt>
            <dd>{session.clinicName}</dd>
          </div>
          <div>
            <dt>{t('home.timeZone')}</dt>
            <dd>{timeZoneLabel(session.timeZone, i18n.language, cities[session.timeZone.replace('/', '_')])}</dd>
          </div>
          <div>
            <dt>{t('home.idleLock')}</dt>
            <dd>{t('home.idleLockValue', { count: session.idleLockMinutes })}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
