import { useTranslation } from 'react-i18next';

/** The certificate's SHA-256 in four lines of eight bytes, large enough to compare across a room. */
export function Fingerprint({ sha256, hint }: { sha256: string; hint?: string }) {
  const bytes = sha256.split(':');
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 8) lines.push(bytes.slice(i, i + 8).join(':'));
  return (
    <div className="fingerprint">
      <code className="fingerprint__value" data-testid="certificate-sha256" aria-label={sha256}>
        {lines.map((line) => (
          <span key={line} className="fingerprint__line">
            {line}
          </span>
        ))}
      </code>
      {hint ? <p className="muted fingerprint__hint">{hint}</p> : null}
    </div>
  );
}

/** How to trust the clinic's own certificate on a tablet (Chromium, Safari), and why the fingerprint matters. */
export function CertificateHowTo({ open = false }: { open?: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="trust-howto" open={open} data-testid="trust-certificate">
      <summary>{t('seats.trustCertificate.title')}</summary>
      <p>{t('seats.trustCertificate.intro')}</p>
      <ul>
        <li>{t('seats.trustCertificate.chromium')}</li>
        <li>{t('seats.trustCertificate.safari')}</li>
      </ul>
      <p className="notice notice--warning">{t('seats.trustCertificate.compare')}</p>
    </details>
  );
}
