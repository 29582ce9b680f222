import { appendUpdate } from './append';
import type { CertificateData } from './certificate';
import { clinicTime, fill } from './format';
import { renderSignatureOverlay, type SignatureBox } from './stamps';
import { pdfWording } from './wording';
import { PdfWriter } from './writer';

/** The plain summary that ends the patient's copy: who signed which form and when; no hashes, no stroke data. */
export async function renderPatientSummary(data: CertificateData): Promise<Buffer> {
  const m = pdfWording[data.locale];
  const p = m.signedDocument.patientCopy;
  const roles = m.consentDocument.signatures.roles;
  const forms = m.consentDocument.certificate.forms;
  const t = (iso: string) => clinicTime(iso, data.timeZone);
  const w = new PdfWriter({ title: `${data.title} ${p.title}`, subject: data.consentId, author: data.clinicName, keywords: `consent:${data.consentId} patient-copy`, createdAt: new Date(data.lockedAt), lang: data.locale });
  w.setHeader(data.clinicName, `${data.title} ${p.title}`);
  w.newPage();
  w.title(p.title, data.title);
  w.paragraph(p.intro);
  w.grid(
    [
      [p.clinic, data.clinicName],
      [p.consent, data.consentId],
      [p.fullySignedAt, t(data.lockedAt)],
    ],
    1,
    8,
    110,
  );
  w.table(
    [
      { header: p.columns.form, width: 0.3 },
      { header: p.columns.role, width: 0.24 },
      { header: p.columns.name, width: 0.2 },
      { header: p.columns.at, width: 0.26 },
    ],
    data.signatures.map((s) => [forms[s.form], roles[s.role], s.signerName, clinicTime(s.signedAt, data.timeZone, false)]),
  );
  w.paragraph(p.closing, { size: 9.5 });
  const { bytes } = await w.finish(() => fill(p.footer, { consultationId: data.consultationId }));
  return bytes;
}

/**
 * The patient's copy: the issued bytes, then one update with the signatures in their boxes and the summary
 * page instead of the certificate (same shape as the final PDF, so its first bytes are still the issued ones).
 */
export async function renderPatientCopy(issued: Buffer, data: CertificateData, boxes: readonly SignatureBox[]): Promise<Buffer> {
  const overlay = await renderSignatureOverlay(boxes, data.signatures, { locale: data.locale, timeZone: data.timeZone, at: data.lockedAt });
  return appendUpdate(issued, { addition: await renderPatientSummary(data), ...(overlay ? { overlay } : {}) });
}
