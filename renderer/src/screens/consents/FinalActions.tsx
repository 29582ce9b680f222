import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { ConsentView } from '../../../../shared/schemas/consent';
import { callApi } from '../../api';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { formatInZone } from '../../clinicTime';
import { pagesForPrint, PRINT_DPI } from './pdf';
import { base64ToBytes, saveFile } from '../../files';
import './final-actions.css';

/**
 * The final PDF (issued bytes + signatures in their boxes + certificate): download and print it, or hand the
 * patient their copy (the signed pages in their language and a plain summary, no audit detail); each audited.
 * Printing draws the PDF's own pages at 300 dpi at the paper's size (the browser's print dialog takes images).
 */
export function FinalActions({ consent, timeZone }: { consent: ConsentView; timeZone: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<'printed' | 'saved' | null>(null);
  const [printPages, setPrintPages] = useState<{ url: string; widthMm: number; heightMm: number }[] | null>(null);

  const run = async (kind: 'save' | 'patient_copy' | 'print') => {
    setBusy(true);
    setError(null);
    setDone(null);
    const r = kind === 'patient_copy' ? await callApi('consents.patientCopy', { consentId: consent.id }) : await callApi('consents.finalDocument', { consentId: consent.id });
    if (!r.ok) {
      setBusy(false);
      return setError(r.error);
    }
    const bytes = base64ToBytes(r.value.dataBase64);
    if (kind === 'print') {
      const pages = await pagesForPrint(bytes, PRINT_DPI);
      setPrintPages(pages);
      await Promise.all(pages.map((p) => new Promise((resolve) => {
        const img = new Image();
        img.onload = img.onerror = resolve;
        img.src = p.url;
      })));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      window.print();
      setPrintPages(null);
      for (const p of pages) URL.revokeObjectURL(p.url);
    } else {
      saveFile(bytes, r.value.fileName, 'application/pdf');
    }
    const audit = await callApi('consents.recordPrint', { consentId: consent.id, kind });
    setBusy(false);
    if (!audit.ok) return setError(audit.error);
    setDone(kind === 'print' ? 'printed' : 'saved');
  };

  return (
    <section className="card signing__final" data-testid="final-actions">
      <h2 className="card__title">{t('consent.signing.final.title')}</h2>
      <p className="muted">{t('consent.signing.final.intro')}</p>
      <dl className="signing__facts">
        <dt>{t('consent.signing.final.sha256')}</dt>
        <dd className="mono signing__hash" data-testid="final-sha256">
          {consent.finalSha256}
        </dd>
        {consent.fullySignedAt ? <dd>{t('consent.signing.final.lockedAt', { at: formatInZone(consent.fullySignedAt, timeZone) })}</dd> : null}
        {consent.expiresAt && consent.status === 'fully_signed' ? <dd>{t('consent.signing.final.expiresAt', { at: formatInZone(consent.expiresAt, timeZone) })}</dd> : null}
      </dl>
      <div className="actions">
        <button type="button" className="btn btn--primary" onClick={() => void run('save')} disabled={busy} data-testid="final-download">
          {t('consent.signing.final.download')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={() => void run('print')} disabled={busy} title={t('signaturePlacement.final.printHint')} data-testid="final-print">
          {t('consent.signing.final.print')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={() => void run('patient_copy')} disabled={busy} title={t('signaturePlacement.final.patientCopyHint')} data-testid="final-patient-copy">
          {t('consent.signing.final.patientCopy')}
        </button>
      </div>
      {busy ? <p className="muted">{t('consent.signing.final.preparing')}</p> : null}
      <FormError error={error} />
      <FormSuccess>{done ? t(`consent.signing.final.${done}`) : null}</FormSuccess>
      {printPages
        ? createPortal(
            <div className="print-area print-only signing-print">
              {printPages.map((p, i) => (
                <img key={i} src={p.url} alt="" className="signing-print__page" data-dpi={PRINT_DPI} style={{ width: `${p.widthMm}mm`, height: `${p.heightMm}mm` }} />
              ))}
            </div>,
            document.body,
          )
        : null}
    </section>
  );
}
