/**
 * Photos into the evidence PDF without decoding them. pdfkit's PNG reader copies the image data byte by byte
 * into a JavaScript array (seconds and hundreds of MB for forty 2 MB photos); an opaque 8-bit, non-interlaced
 * PNG's IDAT stream is already what a PDF image with the PNG predictors holds, so it is passed through as is.
 * Other PNGs (alpha, palette, 16-bit, interlaced) and JPEGs are left to pdfkit.
 */

interface KitRef {
  end(chunk?: Buffer): void;
}
export interface ImageKit {
  ref(data?: Record<string, unknown>): KitRef;
  page: { xobjects: Record<string, unknown> };
  save(): unknown;
  restore(): unknown;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): unknown;
  addContent(data: string): unknown;
  openImage(png: Buffer): unknown;
  image(image: unknown, x: number, y: number, options: { fit: [number, number]; align: 'center'; valign: 'center' }): unknown;
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

export interface PassThroughPng {
  width: number;
  height: number;
  colors: 1 | 3;
  idat: Buffer;
}

/** The parts of a PNG that can go into a PDF unchanged, or null when it needs decoding. */
export function passThroughPng(png: Buffer): PassThroughPng | null {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) return null;
  let pos = 8;
  let header: { width: number; height: number; depth: number; color: number; interlace: number } | null = null;
  const idat: Buffer[] = [];
  while (pos + 12 <= png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (data.length !== len) return null;
    if (type === 'IHDR') header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8]!, color: data[9]!, interlace: data[12]! };
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'tRNS' || type === 'PLTE') return null;
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  if (!header || header.depth !== 8 || header.interlace !== 0 || (header.color !== 0 && header.color !== 2) || idat.length === 0) return null;
  // One IDAT chunk (as most encoders write a photo) is passed on as a view: no copy of a 2 MB photo.
  return { width: header.width, height: header.height, colors: header.color === 2 ? 3 : 1, idat: idat.length === 1 ? idat[0]! : Buffer.concat(idat) };
}

/** An image already in the PDF: drawn again, it is only named on the page, not written again. */
type PlacedImage = { passThrough: true; ref: KitRef; name: string; width: number; height: number } | { passThrough: false; image: unknown };

/**
 * The photos of one evidence PDF. Each photo's image data enters the file once, however often it is drawn (the
 * Photos section, then the before/after comparison): a heavy patient's PDF was twice its photos' size, and
 * every second copy was read from the vault again.
 */
export class PdfImages {
  private readonly placed = new Map<string, PlacedImage>();

  private readonly kit: ImageKit;

  constructor(kit: ImageKit) {
    this.kit = kit;
  }

  /** Draws the image `key` fitted and centred in the box; `read` gives its bytes the first time only. */
  draw(key: string, read: () => Buffer, x: number, y: number, box: [number, number]): void {
    const image = this.placed.get(key) ?? this.place(read());
    this.placed.set(key, image);
    const kit = this.kit;
    if (!image.passThrough) {
      kit.image(image.image, x, y, { fit: box, align: 'center', valign: 'center' });
      return;
    }
    const scale = Math.min(box[0] / image.width, box[1] / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    kit.page.xobjects[image.name] = image.ref;
    kit.save();
    kit.transform(w, 0, 0, -h, x + (box[0] - w) / 2, y + (box[1] - h) / 2 + h);
    kit.addContent(`/${image.name} Do`);
    kit.restore();
  }

  private place(png: Buffer): PlacedImage {
    const img = passThroughPng(png);
    // Other PNGs and JPEGs: pdfkit decodes them once and embeds them on first use.
    if (!img) return { passThrough: false, image: this.kit.openImage(png) };
    const ref = this.kit.ref({
      Type: 'XObject',
      Subtype: 'Image',
      Width: img.width,
      Height: img.height,
      BitsPerComponent: 8,
      ColorSpace: img.colors === 3 ? 'DeviceRGB' : 'DeviceGray',
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: img.colors, BitsPerComponent: 8, Columns: img.width },
    });
    ref.end(img.idat);
    return { passThrough: true, ref, name: `CvImg${this.placed.size + 1}`, width: img.width, height: img.height };
  }
}
