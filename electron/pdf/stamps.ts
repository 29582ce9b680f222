import PDFDocument from 'pdfkit';
import type { Locale } from '../../shared/schemas/common';
import type { ConsentForm, SignatureRole } from '../../shared/schemas/consent';
import type { PageOverlay } from './append';
import { cjkFontBytes } from './fonts';
import { clinicTime, fill } from './format';
import { pdfWording } from './wording';
import { drawLine, PAGE, type PlacedBox } from './writer';

/** A signature box of the issued document (1-based page; rectangle in PDF points from the page's lower left). */
export type SignatureBox = PlacedBox;

export interface BoxSignature {
  form: ConsentForm;
  role: SignatureRole;
  png: Buffer;
  signedAt: string;
}

const INK = '#102a6e';

/**
 * Where a signature goes inside its box, as drawn by PdfWriter.signatureBoxes: the label and the printed name
 * take the box's top left, the dashed signing line sits 14 pt above its bottom edge. The picture fills the
 * space above the line to the right of the name; the time of signing goes under the line. Top-left coordinates.
 */
export function stampLayout(box: SignatureBox, pageHeight = PAGE.height) {
  const top = pageHeight - box.y - box.height;
  const left = box.x + box.width * 0.36;
  return {
    image: { x: left, y: top + 12, width: box.x + box.width - 6 - left, height: box.height - 12 - 15 },
    time: { x: box.x + 6, y: top + box.height - 11.5, width: box.width - 12, height: 9 },
  };
}

/**
 * The signatures drawn in their boxes, one transparent overlay page per page of the issued document that has a
 * signed box (pdfkit, the same embedded CJK font, fixed dates: the same signatures give the same bytes). The
 * overlay is drawn onto those pages by the final PDF's incremental update; the issued bytes stay untouched.
 */
export async function renderSignatureOverlay(
  boxes: readonly SignatureBox[],
  signatures: readonly BoxSignature[],
  opts: { locale: Locale; timeZone: string; at: string },
): Promise<PageOverlay | null> {
  const placed = boxes
    .map((box) => ({ box, sig: signatures.find((s) => s.form === box.form && s.role === box.role) }))
    .filter((p): p is { box: SignatureBox; sig: BoxSignature } => p.sig !== undefined);
  if (placed.length === 0) return null;
  const pages = [...new Set(placed.map((p) => p.box.page))].sort((a, b) => a - b);
  const label = pdfWording[opts.locale].signedDocument.stampSignedAt;
  const at = new Date(opts.at);
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: 0, autoFirstPage: false, pdfVersion: '1.7', info: { Producer: 'ConsentVault (pdfkit)', Creator: 'ConsentVault', CreationDate: at, ModDate: at } });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFontBytes());
  for (const page of pages) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    doc.font('cjk');
    for (const { box, sig } of placed.filter((p) => p.box.page === page)) {
      const l = stampLayout(box);
      doc.image(sig.png, l.image.x, l.image.y, { fit: [l.image.width, l.image.height], align: 'center', valign: 'center' });
      doc.fillColor(INK);
      drawLine(doc, fill(label, { at: clinicTime(sig.signedAt, opts.timeZone) }), l.time.x, l.time.y, { size: 7, width: l.time.width, align: 'right' });
    }
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), onPages: pages.map((p) => p - 1) };
}
