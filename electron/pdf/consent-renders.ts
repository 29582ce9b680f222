import { countPages } from './append';
import { renderFinalDocument, type CertificateData } from './certificate';
import { renderConsentDocument, type ConsentDocumentData } from './consent-document';
import { renderPatientCopy } from './patient-copy';
import type { SignatureBox } from './stamps';
import type { PlacedBox } from './writer';

/** The issued document as rendered: its bytes, page count and where each signature box was drawn. */
export interface RenderedConsent {
  bytes: Uint8Array;
  pageCount: number;
  boxes: PlacedBox[];
}

/** The final PDF and its page count (counted where it was rendered: reading a PDF back is work too). */
export interface RenderedFinal {
  bytes: Uint8Array;
  pageCount: number;
}

/** A document made on top of the issued bytes (the final PDF, the patient's copy). */
export interface SignedDocumentInput {
  issued: Uint8Array;
  data: CertificateData;
  boxes: SignatureBox[];
}

/**
 * The consent documents a call renders, as plain data in and out, so the same render runs in this thread or in
 * the job runner's warm worker (where Buffers arrive as Uint8Arrays): same input, same bytes, wherever it runs.
 */
export interface ConsentRenders {
  'pdf.consent': { input: ConsentDocumentData; result: RenderedConsent };
  'pdf.final': { input: SignedDocumentInput; result: RenderedFinal };
  'pdf.patientCopy': { input: SignedDocumentInput; result: Uint8Array };
}
export type ConsentRenderKind = keyof ConsentRenders;

/** A Buffer over the same bytes (a render's result arrives from the worker as a Uint8Array). */
export const asBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
const withBufferPngs = (data: CertificateData): CertificateData => ({ ...data, signatures: data.signatures.map((s) => ({ ...s, png: asBuffer(s.png) })) });

export const CONSENT_RENDERS: { [K in ConsentRenderKind]: (input: ConsentRenders[K]['input']) => Promise<ConsentRenders[K]['result']> } = {
  'pdf.consent': (data) => renderConsentDocument(data),
  'pdf.final': async (i) => {
    const bytes = await renderFinalDocument(asBuffer(i.issued), withBufferPngs(i.data), i.boxes);
    return { bytes, pageCount: await countPages(bytes) };
  },
  'pdf.patientCopy': (i) => renderPatientCopy(asBuffer(i.issued), withBufferPngs(i.data), i.boxes),
};
