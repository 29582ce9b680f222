import { messages } from '../../../shared/i18n';
import type { Widen } from '../../../shared/i18n/widen';
import type { Locale } from '../../../shared/schemas/common';
import { consentDocumentEn, consentDocumentZhTW } from './consent-document';
import { evidencePdfEn, evidencePdfZhTW } from './evidence-pdf';
import { signedDocumentEn, signedDocumentZhTW } from './signed-document';

/**
 * What the PDFs print and no screen shows: kept beside the PDF code, out of the renderer's bundle. The type is
 * zh-TW's, widened: an English text missing (or extra) fails the type check.
 */
const printedZhTW = { consentDocument: consentDocumentZhTW, signedDocument: signedDocumentZhTW, evidencePdf: evidencePdfZhTW };
export type PdfWording = Widen<typeof printedZhTW>;

export const pdfWording: Record<Locale, PdfWording> = {
  'zh-TW': printedZhTW,
  en: { consentDocument: consentDocumentEn, signedDocument: signedDocumentEn, evidencePdf: evidencePdfEn },
};

/**
 * The consent document's words: the printed-only ones with the statements the reading mode shows on screen
 * before issue (shared/i18n), in one tree as the document reads them.
 */
export function consentDocumentWords(locale: Locale) {
  const printed = pdfWording[locale].consentDocument;
  const statements = messages[locale].consent.document;
  return {
    ...printed,
    kind: statements.kind,
    physicianStatement: { ...printed.physicianStatement, ...statements.physicianStatement },
    patientStatement: { ...printed.patientStatement, ...statements.patientStatement },
    anaesthesia: { ...printed.anaesthesia, ...statements.anaesthesia },
  };
}
export type ConsentDocumentWords = ReturnType<typeof consentDocumentWords>;

/** evidence.pdf's words, with the pack kinds' names the verify screen shows too (shared/i18n). */
export function evidencePdfWords(locale: Locale) {
  return { ...pdfWording[locale].evidencePdf, kinds: messages[locale].evidence.pdf.kinds };
}
export type EvidencePdfWords = ReturnType<typeof evidencePdfWords>;
