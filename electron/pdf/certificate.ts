import type { Locale } from '../../shared/schemas/common';
import type { ConsentForm, SignatureRole } from '../../shared/schemas/consent';
import { appendUpdate } from './append';
import { renderSignatureOverlay, type SignatureBox } from './stamps';
import { clinicTime, fill, groupDigits } from './format';
import { pdfWording } from './wording';
import { CONTENT_WIDTH, PAGE, PdfWriter } from './writer';

export interface CertificateSignature {
  form: ConsentForm;
  role: SignatureRole;
  signerName: string;
  licenceNo: string | null;
  signedAt: string;
  png: Buffer;
  strokes: number;
  points: number;
  strokesSha256: string;
  pngSha256: string;
  bindingSha256: string;
}

export interface CertificateData {
  consentId: string;
  consultationId: string;
  locale: Locale;
  timeZone: string;
  clinicName: string;
  title: string;
  issued: { sha256: string; size: number; pageCount: number; at: string };
  disclosedAt: string;
  coolingOffDays: number;
  coolingOffEndsAt: string;
  override: { physicianName: string; at: string; reason: string } | null;
  lockedAt: string;
  signatures: CertificateSignature[];
}

/** The signature certificate page(s) on their own (PDF/A-3b, same font), dated at the last signature. */
export async function renderCertificate(data: CertificateData): Promise<Buffer> {
  const m = pdfWording[data.locale].consentDocument;
  const c = m.certificate;
  const t = (iso: string) => clinicTime(iso, data.timeZone);
  const w = new PdfWriter({
    title: `${data.title} ${m.titles.certificate}`,
    subject: data.consentId,
    author: data.clinicName,
    keywords: `consent:${data.consentId} consultation:${data.consultationId} document:${data.issued.sha256}`,
    createdAt: new Date(data.lockedAt),
    lang: data.locale,
  });
  w.setHeader(data.clinicName, `${data.title} ${m.titles.certificate}`);
  w.newPage();
  w.title(m.titles.certificate, data.title);
  w.paragraph(fill(c.intro, { bytes: groupDigits(data.issued.size) }), { size: 9 });
  w.grid(
    [
      [c.consentId, data.consentId],
      [c.consultationId, data.consultationId],
      [c.issuedAt, t(data.issued.at)],
      [c.document, fill(c.documentValue, { pages: data.issued.pageCount, bytes: groupDigits(data.issued.size) })],
      [c.documentSha256, data.issued.sha256],
      [c.coolingOff, fill(m.coolingOff.period, { days: data.coolingOffDays, from: t(data.disclosedAt), until: t(data.coolingOffEndsAt) })],
      [c.override, data.override ? fill(c.overrideValue, { physician: data.override.physicianName, at: t(data.override.at), reason: data.override.reason }) : c.noOverride],
      [c.lockedAt, t(data.lockedAt)],
    ],
    1,
    8,
    130,
  );
  w.heading(c.signatures);
  const d = w.doc;
  const cardHeight = 112;
  for (const s of data.signatures) {
    w.ensureSpace(cardHeight + 6);
    const y = d.y;
    const x = PAGE.marginX;
    const imageWidth = 190;
    d.rect(x, y, CONTENT_WIDTH, cardHeight).lineWidth(0.5).strokeColor('#9a9a9a').stroke();
    const role = m.signatures.roles[s.role];
    const textWidth = CONTENT_WIDTH - imageWidth - 24;
    d.fillColor('#555555');
    w.line(fill(c.formRole, { form: c.forms[s.form], role }), x + 8, y + 7, { size: 8.5, width: textWidth });
    d.fillColor('#111111');
    w.line(s.signerName + (s.licenceNo ? ` ${fill(c.staff, { licence: s.licenceNo })}` : ''), x + 8, y + 21, { size: 8.5, width: textWidth, strong: true });
    w.line(fill(c.signedAt, { at: t(s.signedAt) }), x + 8, y + 37, { size: 9, width: textWidth });
    w.line(fill(c.strokes, { strokes: s.strokes, points: s.points }), x + 8, y + 51, { size: 9, width: textWidth });
    // The hashes are whole at this size (a cut one could not be checked); CONTENT_WIDTH leaves them room to spare.
    d.fillColor('#555555');
    w.line(`strokes SHA-256 ${s.strokesSha256}`, x + 8, y + 69, { size: 6.5, width: textWidth + imageWidth });
    w.line(`image SHA-256   ${s.pngSha256}`, x + 8, y + 79, { size: 6.5, width: textWidth + imageWidth });
    w.line(`binding SHA-256 ${s.bindingSha256}`, x + 8, y + 89, { size: 6.5, width: textWidth + imageWidth });
    const boxX = x + CONTENT_WIDTH - imageWidth - 8;
    d.rect(boxX, y + 6, imageWidth, 58).lineWidth(0.4).strokeColor('#c8c8c8').stroke();
    w.image(s.png, boxX + 3, y + 8, [imageWidth - 6, 54]);
    d.fillColor('#111111');
    d.x = PAGE.marginX;
    d.y = y + cardHeight + 6;
  }
  w.paragraph(c.closing, { size: 8.5, muted: true });
  const { bytes } = await w.finish(() => fill(m.footerFinal, { consultationId: data.consultationId, pages: data.issued.pageCount }));
  return bytes;
}

/**
 * The final PDF: the issued bytes untouched, then one incremental update that draws each signature (with its
 * time) in its box on the issued pages and appends the certificate page(s). Without recorded boxes (a consent
 * issued before boxes were recorded) the update holds the certificate alone.
 */
export async function renderFinalDocument(issued: Buffer, data: CertificateData, boxes: readonly SignatureBox[] = []): Promise<Buffer> {
  const overlay = await renderSignatureOverlay(boxes, data.signatures, { locale: data.locale, timeZone: data.timeZone, at: data.lockedAt });
  return appendUpdate(issued, { addition: await renderCertificate(data), ...(overlay ? { overlay } : {}) });
}
