import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { PairingCode } from '../../../../shared/schemas/seats';
import { pairThisBrowser, type PairedHere } from '../../bridge';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { LanguageToggle } from '../../components/LanguageToggle';
import { CertificateHowTo, Fingerprint } from './Fingerprint';
import './seats.css';

/**
 * The only screen a browser the clinic server does not know can reach: this device's name and the one-time code
 * an administrator created. Once paired, the server's certificate fingerprint is shown for comparison with the
 * server's own screen, and the device goes on to sign in (a signing tablet to its waiting screen).
 */
export function PairThisDevice({ revoked, onPaired }: { revoked: boolean; onPaired: (kind: PairedHere['kind']) => void }) {
  const { t } = useTranslation();
  const [deviceName, setDeviceName] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [paired, setPaired] = useState<PairedHere | null>(null);

  const submit = async () => {
    setError(null);
    const checked = PairingCode.safeParse(code);
    if (!checked.success) return setCodeError(checked.error.issues[0]?.message ?? 'seats.errors.codeFormat');
    setCodeError(undefined);
    setBusy(true);
    const r = await pairThisBrowser(checked.data, deviceName);
    setBusy(false);
    if (r.ok) setPaired(r.value);
    else if (r.error.messageKey === 'seats.errors.codeFormat') setCodeError(r.error.messageKey);
    else setError(r.error);
  };

  return (
    <div className="page pair-page" data-testid="pair-this-device">
      <header className="page__header">
        <div>
          <p className="eyebrow">{t('app.name')}</p>
          <h1>{t('seats.pairing.pageTitle')}</h1>
          <p className="muted">{t('seats.pairing.pageIntro')}</p>
        </div>
        <div className="page__header-side">
          <LanguageToggle />
        </div>
      </header>
      {paired ? (
        <section className="card" data-testid="paired">
          <p className="notice notice--success" role="status">
            {t('seats.pairing.paired')}
          </p>
          <p>{t('seats.pairing.pairedAs', { name: paired.deviceName, kind: t(`seats.devices.kinds.${paired.kind}`) })}</p>
          {paired.certificateSha256 ? (
            <>
              <p>{t('seats.pairing.compareFingerprint')}</p>
              <Fingerprint sha256={paired.certificateSha256} hint={t('seats.pairing.fingerprintBrowser')} />
              <CertificateHowTo />
            </>
          ) : null}
          <div className="actions">
            <button type="button" className="btn btn--primary btn--large" onClick={() => onPaired(paired.kind)} data-testid="paired-continue">
              {paired.kind === 'tablet' ? t('seats.pairing.continueTablet') : t('seats.pairing.continueSignIn')}
            </button>
          </div>
        </section>
      ) : (
        <form
          className="card"
          noValidate
          aria-label={t('seats.pairing.pageTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {revoked ? <p className="notice notice--warning">{t('seats.pairing.revokedNotice')}</p> : null}
          <Field label={t('seats.pairing.codeLabel')} error={codeError} className="pair-page__code">
            {(p) => <input {...p} value={code} onChange={(e) => setCode(e.target.value)} maxLength={40} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} autoFocus placeholder="ABCDE-23456" />}
          </Field>
          <Field label={t('seats.pairing.deviceNameLabel')}>
            {(p) => <input {...p} value={deviceName} onChange={(e) => setDeviceName(e.target.value)} maxLength={60} autoComplete="off" />}
          </Field>
          <FormActions error={error} submitLabel={busy ? t('seats.pairing.pairing') : t('seats.pairing.submit')} submitClassName="btn btn--primary btn--large" submitDisabled={busy || code.trim() === ''} submitTestId="pair-submit" />
          <CertificateHowTo />
        </form>
      )}
    </div>
  );
}
