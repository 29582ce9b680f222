import { createHash } from 'node:crypto';
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  PDFStream,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';

/** pdfkit's indirect object, as far as this module uses it. */
interface KitRef {
  end(chunk?: Buffer): void;
  toString(): string;
}
type KitValue = string | number | boolean | null | Buffer | KitRef | KitValue[] | { [key: string]: KitValue };

export interface PdfKitLike {
  ref(data?: Record<string, unknown>): KitRef;
}

export interface EmbeddedPage {
  ref: KitRef;
  width: number;
  height: number;
}

const SUBSET = /^([A-Z]{6})\+(.+)$/;
const FONT_NAME_KEYS = new Set(['BaseFont', 'FontName']);

/** A deterministic six-letter subset tag, different from pdfkit's own (which derives from the font's id). */
function freshTag(seed: string, taken: Set<string>): string {
  for (let i = 0; ; i++) {
    const h = createHash('sha256').update(`${seed}:${i}`).digest();
    const tag = [...h.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
    if (!taken.has(tag)) {
      taken.add(tag);
      return tag;
    }
  }
}

/**
 * Copies the pages of a PDF (the exact signed consent) into a pdfkit document as form XObjects: their content
 * streams, fonts and images are carried over object by object, so the evidence PDF shows the very pages that
 * were signed, as vectors. Font subsets get tags of their own, so no reader mixes them up with the evidence
 * PDF's subset of the same font.
 */
export class PdfPageCopier {
  private readonly copied = new Map<string, KitRef>();
  private readonly tags = new Map<string, string>();
  private readonly kit: PdfKitLike;
  private readonly source: PDFDocument;
  private readonly seed: string;
  private readonly takenTags: Set<string>;

  private constructor(kit: PdfKitLike, source: PDFDocument, seed: string, takenTags: Set<string>) {
    this.kit = kit;
    this.source = source;
    this.seed = seed;
    this.takenTags = takenTags;
  }

  /** `takenTags`: subset tags already in use in the target (shared across copiers). */
  static async load(kit: PdfKitLike, bytes: Buffer, takenTags: Set<string>): Promise<PdfPageCopier> {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    return new PdfPageCopier(kit, source, createHash('sha256').update(bytes).digest('hex'), takenTags);
  }

  get pageCount(): number {
    return this.source.getPageCount();
  }

  private name(n: PDFName): string {
    return n.asString().slice(1);
  }

  private retag(value: string): string {
    const m = SUBSET.exec(value);
    if (!m) return value;
    let tag = this.tags.get(m[1]!);
    if (!tag) {
      tag = freshTag(`${this.seed}:${m[1]}`, this.takenTags);
      this.tags.set(m[1]!, tag);
    }
    return `${tag}+${m[2]}`;
  }

  private dict(d: PDFDict, skip: ReadonlySet<string> = new Set()): Record<string, KitValue> {
    const out: Record<string, KitValue> = {};
    for (const [key, value] of d.entries()) {
      const k = this.name(key);
      if (skip.has(k)) continue;
      out[k] = FONT_NAME_KEYS.has(k) && value instanceof PDFName ? this.retag(this.name(value)) : this.value(value);
    }
    return out;
  }

  private value(v: PDFObject): KitValue {
    if (v instanceof PDFRef) return this.indirect(v);
    if (v instanceof PDFDict) return this.dict(v);
    if (v instanceof PDFArray) return v.asArray().map((x) => this.value(x));
    if (v instanceof PDFName) return this.name(v);
    if (v instanceof PDFNumber) return v.asNumber();
    if (v instanceof PDFString || v instanceof PDFHexString) return Buffer.from(v.asBytes());
    if (v instanceof PDFBool) return v.asBoolean();
    if (v instanceof PDFStream) throw new Error('a direct stream object cannot be copied');
    return null;
  }

  private indirect(ref: PDFRef): KitRef {
    const known = this.copied.get(ref.tag);
    if (known) return known;
    const obj = this.source.context.lookup(ref);
    if (obj instanceof PDFRawStream) {
      // Register before converting the dictionary: a stream's dictionary may point back at it.
      const target = this.kit.ref({});
      this.copied.set(ref.tag, target);
      Object.assign((target as unknown as { data: Record<string, unknown> }).data, this.dict(obj.dict, new Set(['Length'])));
      // pdfkit decides at creation whether to deflate: the copied data already carries its own filter.
      (target as unknown as { compress: boolean }).compress = !obj.dict.has(PDFName.of('Filter')) && (target as unknown as { compress: boolean }).compress;
      target.end(Buffer.from(obj.contents));
      return target;
    }
    if (obj instanceof PDFStream) throw new Error(`unsupported stream ${obj.constructor.name}`);
    const target = this.kit.ref({});
    this.copied.set(ref.tag, target);
    const converted = obj === undefined ? null : this.value(obj);
    (target as unknown as { data: unknown }).data = converted;
    target.end();
    return target;
  }

  /** Page `index` (0-based) as a form XObject with the page's own content and resources. */
  page(index: number): EmbeddedPage {
    const page: PDFPage = this.source.getPage(index);
    const box = page.getMediaBox();
    const contents = page.node.Contents();
    const streams: PDFObject[] = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    const parts: Buffer[] = [];
    for (const s of streams) {
      const stream = s instanceof PDFRef ? this.source.context.lookup(s) : s;
      if (!(stream instanceof PDFRawStream)) throw new Error('unsupported page content');
      parts.push(Buffer.from(decodePDFRawStream(stream).decode()), Buffer.from('\n'));
    }
    const resources = page.node.Resources();
    const group = page.node.get(PDFName.of('Group'));
    const form = this.kit.ref({
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [box.x, box.y, box.x + box.width, box.y + box.height],
      Resources: resources ? this.dict(resources) : {},
      ...(group ? { Group: this.value(group) } : {}),
    });
    form.end(Buffer.concat(parts));
    return { ref: form, width: box.width, height: box.height };
  }
}
