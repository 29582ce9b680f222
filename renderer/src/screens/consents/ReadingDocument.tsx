import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messages } from '../../../../shared/i18n/index';
import type { ApiError } from '../../../../shared/errors';
import type { Locale } from '../../../../shared/schemas/common';
import { callApi, useApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { base64ToBytes } from '../../files';
import { PdfPages } from './PdfPages';

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));

/**
 * The consent document in the patient's reading mode, in the sheet's language: the issued PDF itself once the
 * consent is issued (the bytes the signatures bind to), before that the statements the consent will make.
 */
export function ReadingDocument({ consultationId, procedureId, locale, quoteTotalTwd }: { consultationId: string; procedureId: string; locale: Locale; quoteTotalTwd: number | null }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(locale);
  const consent = useApi('consents.forConsultation', { consultationId });
  const procedures = useApi('procedures.list', { includeInactive: true });
  const [pdf, setPdf] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const consentId = consent.state === 'ok' ? (consent.value?.id ?? null) : null;

  useEffect(() => {
    if (!consentId) return;
    let live = true;
    void callApi('consents.document', { consentId }).then((r) => {
      if (!live) return;
      if (r.ok) setPdf(base64ToBytes(r.value.dataBase64));
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [consentId]);

  if (consent.state === 'error') return <FormError error={consent.error} />;
  if (error) return <FormError error={error} />;
  if (consent.state === 'loading' || procedures.state === 'loading') return <p className="muted">{t('consent.signing.loading')}</p>;
  if (consentId) {
    return (
      <div className="reading-document" data-testid="reading-document" data-issued="true">
        <p className="muted">{t('signaturePlacement.reading.issued')}</p>
        {pdf ? <PdfPages bytes={pdf} testId="reading-pdf" title={t('signaturePlacement.viewer.readingTitle')} /> : <p className="muted">{t('consent.signing.viewer.rendering')}</p>}
      </div>
    );
  }

  const procedure = procedures.state === 'ok' ? procedures.value.find((p) => p.id === procedureId) : undefined;
  const d = messages[locale].consent.document;
  const kind = d.kind[procedure?.category === 'surgical' ? 'surgical' : 'treatment'];
  const params = { kind, total: quoteTotalTwd === null ? '—' : quoteTotalTwd.toLocaleString('en-US'), questions: d.physicianStatement.noQuestions };
  const anaesthesia = procedure && procedure.anaesthesia !== 'none';
  return (
    <div className="reading-document" data-testid="reading-document" data-issued="false">
      <p className="notice">{t('signaturePlacement.reading.preview')}</p>
      <h4 className="reading__subtitle">{t('signaturePlacement.reading.physicianHeading')}</h4>
      <ol className="reading__list reading-document__items">
        {d.physicianStatement.items.map((s, i) => (
          <li key={i}>{fill(s, params)}</li>
        ))}
      </ol>
      <h4 className="reading__subtitle">{t('signaturePlacement.reading.patientHeading')}</h4>
      <ol className="reading__list reading-document__items">
        {d.patientStatement.items.map((s, i) => (
          <li key={i}>{fill(s, params)}</li>
        ))}
      </ol>
      <p>{fill(d.patientStatement.conclusion, params)}</p>
      {anaesthesia ? (
        <>
          <h4 className="reading__subtitle">{t('signaturePlacement.reading.anaesthesiaHeading')}</h4>
          <ol className="reading__list reading-document__items">
            {d.anaesthesia.patientItems.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
          <p>{d.anaesthesia.conclusion}</p>
        </>
      ) : null}
    </div>
  );
}
