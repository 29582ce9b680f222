import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairingCodeIssued } from '../../../../shared/schemas/seats';
import { formatDateTime } from '../../clinicTime';

/** How long a pairing code is valid (issue 14: ten minutes, five tries); the countdown shows the exact time. */
const CODE_VALID_MINUTES = 10;

/** XXXXX-XXXXX, as the device's pairing page accepts it (with or without the dash). */
export function groupedCode(code: string): string {
  return code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

/** m:ss left until `expiresAt`; null once it has passed. */
export function timeLeft(expiresAt: string, now: number): string | null {
  const ms = Date.parse(expiresAt) - now;
  if (!(ms > 0)) return null;
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The one-time code just created: shown big, once, with its countdown; gone when the administrator is done. */
export function PairingCodeCard({ issued, timeZone, onDone }: { issued: PairingCodeIssued; timeZone: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  const left = timeLeft(issued.expiresAt, now);
  return (
    <div className="pairing-code" data-testid="pairing-code-card" data-expired={left === null}>
      <p className="pairing-code__for">
        {issued.deviceName} · {t(`seats.devices.kinds.${issued.kind}`)}
      </p>
      <p className="pairing-code__label">{t('seats.pairing.codeTitle')}</p>
      <p className={`pairing-code__code mono ${left === null ? 'pairing-code__code--expired' : ''}`} data-testid="pairing-code">
        {groupedCode(issued.code)}
      </p>
      {left !== null ? (
        <>
          <p className="pairing-code__left" data-testid="pairing-code-left" role="timer">
            {t('seats.pairing.expiresIn', { time: left })}
          </p>
          <p className="muted pairing-code__hint">{t('seats.pairing.codeHint', { minutes: CODE_VALID_MINUTES, tries: issued.tries })}</p>
          <p className="muted pairing-code__hint">{t('seats.pairing.expiresAt', { time: formatDateTime(issued.expiresAt, timeZone, i18n.language) })}</p>
        </>
      ) : (
        <p className="notice notice--warning">{t('seats.pairing.expired')}</p>
      )}
      <div className="actions">
        <button type="button" className="btn btn--primary" onClick={onDone}>
          {t('seats.pairing.done')}
        </button>
      </div>
    </div>
  );
}
