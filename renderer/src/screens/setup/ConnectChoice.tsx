import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { callApi } from '../../api';
import { connectionMode } from '../../bridge';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { CertificateHowTo, Fingerprint } from '../seats/Fingerprint';

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
 * "Connect to the clinic's server": the desktop app pairs itself (its main process, setup.connectToServer, pins
 * the server's certificate); a browser opens the server's address itself and is paired on the page shown there.
 */
export function ConnectToServer({ onConnected }: { onConnected?: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [paired, setPaired] = useState<{ deviceName: string; certificateSha256: string | null } | null>(null);
  const address = serverAddress(typed);
  const desktop = connectionMode() === 'electron';
  const pair = async () => {
    if (!address) return;
    setBusy(true);
    setError(null);
    const r = await callApi('setup.connectToServer', { address, code });
    setBusy(false);
    if (r.ok) setPaired(r.value);
    else setError(r.error);
  };
  const issue = (field: string) => error?.issues?.find((i) => i.path[0] === field)?.messageKey;
  if (desktop && paired) {
    return (
      <section className="card connect-server" data-testid="connected-to-server">
        <p className="notice notice--success" role="status">
          {t('seats.pairing.paired')}
        </p>
        <p>{t('seats.pairing.pairedAs', { name: paired.deviceName, kind: t('seats.devices.kinds.desktop') })}</p>
        {paired.certificateSha256 ? (
          <>
            <p>{t('seats.pairing.compareFingerprint')}</p>
            <Fingerprint sha256={paired.certificateSha256} />
          </>
        ) : null}
        <div className="actions">
          <button type="button" className="btn btn--primary btn--large" onClick={onConnected}>
            {t('seats.pairing.continueSignIn')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="card connect-server" aria-labelledby="connect-server-title" data-testid="connect-to-server">
      <h2 id="connect-server-title" className="card__title">
        {desktop ? t('seats.connect.desktopTitle') : t('seats.connect.title')}
      </h2>
      <p>{t('seats.connect.intro')}</p>
      <Field label={t('seats.pairing.serverAddress')} hint={t('seats.connect.addressFormat')} error={typed.trim() && !address ? 'seats.connect.addressFormat' : undefined}>
        {(p) => <input {...p} className="mono" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('seats.connect.addressPlaceholder')} spellCheck={false} autoComplete="url" inputMode="url" />}
      </Field>
      {desktop ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void pair();
          }}
        >
          <Field label={t('seats.pairing.codeLabel')} error={issue('code')}>
            {(p) => <input {...p} className="mono" value={code} onChange={(e) => setCode(e.target.value)} maxLength={40} autoComplete="one-time-code" spellCheck={false} placeholder="ABCDE-23456" />}
          </Field>
          <FormActions error={error && !issue('code') ? error : null} className="actions" submitLabel={busy ? t('seats.pairing.pairing') : t('seats.pairing.submit')} submitDisabled={busy || !address || code.trim() === ''} />
        </form>
      ) : null}
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
