import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, type PDFRef } from 'pdf-lib';

function serialize(obj: PDFObject): Buffer {
  const buf = Buffer.alloc(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return buf;
}

/** The byte offset after the last `startxref`: where the original cross-reference section begins. */
function lastXrefOffset(pdf: Buffer): number {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw new Error('not a PDF with a classic trailer');
  return Number(m[1]);
}

function idHex(obj: PDFObject | undefined, index: number): string | null {
  if (!(obj instanceof PDFArray)) return null;
  const el = obj.get(index);
  return el instanceof PDFHexString ? el.asString() : null;
}

const FONT_NAME_KEYS = [PDFName.of('BaseFont'), PDFName.of('FontName')];
const SUBSET = /^([A-Z]{6})\+(.+)$/;

/** Subset tags ("ABCDEF+" before a font name) used in a document's font dictionaries. */
function subsetTags(doc: PDFDocument): Set<string> {
  const tags = new Set<string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    for (const key of FONT_NAME_KEYS) {
      const name = obj.get(key);
      const m = name instanceof PDFName ? SUBSET.exec(name.decodeText()) : null;
      if (m) tags.add(m[1]!);
    }
  }
  return tags;
}

/**
 * Two different subsets of one font must not share a tag, or a reader that caches fonts by name could draw the
 * appended pages with the original's glyphs: give the addition's colliding subsets fresh (deterministic) tags.
 */
function retagCollidingSubsets(original: PDFDocument, addition: PDFDocument): void {
  const taken = subsetTags(original);
  const renamed = new Map<string, string>();
  const fresh = (tag: string) => {
    let next = tag;
    do next = [...next].map((c) => String.fromCharCode(((c.charCodeAt(0) - 65 + 7) % 26) + 65)).join('');
    while (taken.has(next));
    taken.add(next);
    return next;
  };
  for (const [, obj] of addition.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    for (const key of FONT_NAME_KEYS) {
      const name = obj.get(key);
      const m = name instanceof PDFName ? SUBSET.exec(name.decodeText()) : null;
      if (!m || (!renamed.has(m[1]!) && !taken.has(m[1]!))) continue;
      const tag = renamed.get(m[1]!) ?? fresh(m[1]!);
      renamed.set(m[1]!, tag);
      obj.set(key, PDFName.of(`${tag}+${m[2]!}`));
    }
  }
}

/** Overlay pages to draw on top of pages of the original: `onPages[i]` is the 0-based original page of overlay page i. */
export interface PageOverlay {
  pdf: Buffer;
  onPages: number[];
}

/**
 * Appends the pages of `addition` to `original` as a PDF incremental update: the original bytes stay a
 * byte-for-byte prefix of the result, so anyone can check that the signed document was not touched
 * (`head -c SIZE final.pdf | sha256sum`). Only the page tree node that gains the pages and the new objects
 * are written after the original `%%EOF`. Deterministic: the same inputs give the same bytes.
 */
export async function appendPages(original: Buffer, addition: Buffer): Promise<Buffer> {
  return appendUpdate(original, { addition });
}

/**
 * One incremental update: optionally draws overlay pages (the signatures in their boxes) onto existing pages,
 * each as a Form XObject in a content stream appended to the page (the page's own streams are wrapped in q/Q,
 * never rewritten), then appends the pages of `addition`. Only the objects that change (the touched page
 * dictionaries, their resources, the page tree) and the new ones are written after the original `%%EOF`, with
 * a classic cross-reference section chained by /Prev: a later update (a PDF signature over the whole file)
 * can follow it the same way. The catalog is left alone, so that update can add /AcroForm to it.
 */
export async function appendUpdate(original: Buffer, update: { overlay?: PageOverlay; addition: Buffer }): Promise<Buffer> {
  const addition = update.addition;
  const doc = await PDFDocument.load(original, { updateMetadata: false });
  const before = new Map<string, Buffer>();
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) before.set(ref.tag, serialize(obj));
  if (update.overlay && update.overlay.onPages.length > 0) {
    const overlay = await PDFDocument.load(update.overlay.pdf, { updateMetadata: false });
    retagCollidingSubsets(doc, overlay);
    const targets = doc.getPages();
    const embedded = await doc.embedPdf(overlay, update.overlay.onPages.map((_, i) => i));
    embedded.forEach((page, i) => {
      const target = targets[update.overlay!.onPages[i]!];
      if (!target) throw new Error(`the original has no page ${update.overlay!.onPages[i]! + 1}`);
      target.drawPage(page, { x: 0, y: 0, width: target.getWidth(), height: target.getHeight() });
    });
    await doc.flush();
  }
  const extra = await PDFDocument.load(addition, { updateMetadata: false });
  retagCollidingSubsets(doc, extra);
  const pages = await doc.copyPages(extra, extra.getPageIndices());
  for (const page of pages) doc.addPage(page);

  const changed: [PDFRef, Buffer][] = [];
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    const bytes = serialize(obj);
    const prev = before.get(ref.tag);
    if (!prev || !prev.equals(bytes)) changed.push([ref, bytes]);
  }
  changed.sort((a, b) => a[0].objectNumber - b[0].objectNumber);

  const head = original[original.length - 1] === 0x0a ? original : Buffer.concat([original, Buffer.from('\n')]);
  const parts: Buffer[] = [head];
  let offset = head.length;
  const offsets: [number, number, number][] = [];
  for (const [ref, bytes] of changed) {
    const open = Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1');
    const close = Buffer.from('\nendobj\n', 'latin1');
    offsets.push([ref.objectNumber, ref.generationNumber, offset]);
    parts.push(open, bytes, close);
    offset += open.length + bytes.length + close.length;
  }

  const xrefAt = offset;
  let xref = 'xref\n';
  for (let i = 0; i < offsets.length; ) {
    let j = i;
    while (j + 1 < offsets.length && offsets[j + 1]![0] === offsets[j]![0] + 1) j++;
    xref += `${offsets[i]![0]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets[k]![2]).padStart(10, '0')} ${String(offsets[k]![1]).padStart(5, '0')} n \n`;
    i = j + 1;
  }
  const info = doc.context.trailerInfo;
  const firstId = idHex(info.ID, 0) ?? createHash('md5').update(original).digest('hex');
  const secondId = createHash('sha256').update(addition).update(update.overlay?.pdf ?? Buffer.alloc(0)).digest('hex').slice(0, 32);
  const root = info.Root ? ` /Root ${info.Root.toString()}` : '';
  const infoRef = info.Info ? ` /Info ${info.Info.toString()}` : '';
  const trailer =
    `trailer\n<< /Size ${doc.context.largestObjectNumber + 1}${root}${infoRef} /ID [<${firstId}> <${secondId}>] /Prev ${lastXrefOffset(original)} >>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  parts.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(parts);
}

/** Pages in a PDF (as any reader counts them). */
export async function countPages(pdf: Buffer): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}
