import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverReach, useServerReach } from '../connection';
import './server-banner.css';

/**
 * "The clinic's server cannot be reached", above every screen while it lasts, with the next retry counting
 * down. The screen underneath stays as it was (what was typed is kept) and goes on when the server is back.
 */
export function ServerBanner() {
  const { t } = useTranslation();
  const reach = useServerReach();
  const [now, setNow] = useState(() => Date.now());
  const unavailable = reach.state === 'unavailable';
  useEffect(() => {
    if (!unavailable) return;
    const id = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(id);
  }, [unavailable]);
  if (reach.state !== 'unavailable') return null;
  const seconds = Math.max(0, Math.ceil((reach.nextTryAt - now) / 1000));
  return (
    <div className="server-banner" role="alert" data-testid="server-unavailable">
      <span className="server-banner__text">{t('seats.errors.serverUnavailable')}</span>
      <span className="server-banner__retry">{t('seats.connection.retrying', { seconds })}</span>
      <button type="button" className="btn btn--secondary btn--small" onClick={() => serverReach.retryNow()}>
        {t('seats.connection.retryNow')}
      </button>
    </div>
  );
}
