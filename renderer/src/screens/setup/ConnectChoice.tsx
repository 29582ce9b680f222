import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionMode } from '../../bridge';
import { Field } from '../../components/Field';
import { CertificateHowTo } from '../seats/Fingerprint';

export type ComputerRole = 'keepsVault' | 'connect';

/**
 * The first question at first start (issue 14): this computer keeps the clinic's vault (today's set-up, chosen
 * unless changed) or connects to the clinic's server that keeps it elsewhere.
 */
export function ConnectChoice({ role, onChoose }: { role: ComputerRole; onChoose: (role: ComputerRole) => void }) {
  const { t } = useTranslation();
  const option = (value: ComputerRole, title: string, hint: string) => (
    <label className={`choice-card ${role === value ? 'choice-card--chosen' : ''}`}>
      <input type="radio" name="computer-role" value={value} checked={role === value} onChange={() => onChoose(value)} />
      <span>
        <strong className="choice-card__title">{title}</strong>
        <span className="choice-card__hint muted">{hint}</span>
      </span>
    </label>
  );
  return (
    <fieldset className="connect-choice" data-testid="connect-choice">
      <legend className="connect-choice__question">{t('seats.firstStart.question')}</legend>
      <div className="connect-choice__options">
        {option('keepsVault', t('seats.firstStart.keepsVault'), t('seats.firstStart.keepsVaultHint'))}
        {option('connect', t('seats.firstStart.connect'), t('seats.firstStart.connectHint'))}
      </div>
    </fieldset>
  );
}

/** An address a seat can open: https (the server is HTTPS off this computer) with a host and maybe a port. */
export function serverAddress(typed: string): string | null {
  const text = typed.trim();
  if (!text) return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    return url.protocol === 'https:' && url.hostname && !url.username && !url.password ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * "Connect to the clinic's server": a browser opens the server's address itself and is paired on the page the
 * server shows there. (The desktop app cannot pair by itself yet: it says so and shows the same steps.)
 */
export function ConnectToServer() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const address = serverAddress(typed);
  const desktop = connectionMode() === 'electron';
  return (
    <section className="card connect-server" aria-labelledby="connect-server-title" data-testid="connect-to-server">
      <h2 id="connect-server-title" className="card__title">
        {desktop ? t('seats.connect.desktopTitle') : t('seats.connect.title')}
      </h2>
      <p>{t('seats.connect.intro')}</p>
      <Field label={t('seats.pairing.serverAddress')} hint={t('seats.connect.addressFormat')} error={typed.trim() && !address ? 'seats.connect.addressFormat' : undefined}>
        {(p) => <input {...p} className="mono" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('seats.connect.addressPlaceholder')} spellCheck={false} autoComplete="url" inputMode="url" />}
      </Field>
      {desktop ? <p className="notice notice--warning">{t('seats.connect.desktopNotYet')}</p> : null}
      <h3>{t('seats.connect.browserTitle')}</h3>
      <p>{t('seats.connect.browserSteps')}</p>
      <ol className="connect-server__steps">
        <li>{t('seats.connect.step1')}</li>
        <li>{t('seats.connect.step2')}</li>
        <li>{t('seats.connect.step3')}</li>
      </ol>
      {address && !desktop ? (
        <div className="actions">
          <a className="btn btn--primary btn--large" href={address} rel="noreferrer" data-testid="open-server-address">
            {t('seats.connect.open')}
          </a>
          <span className="mono">{address}</span>
        </div>
      ) : null}
      <CertificateHowTo />
    </section>
  );
}
