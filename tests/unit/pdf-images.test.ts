import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { PdfImages, passThroughPng, type ImageKit } from '../../electron/evidence/pdf-image';
import { encodePng } from '../../electron/pdf/signature-png';

/** An opaque 8-bit RGB PNG, the kind a clinic camera gives and the evidence PDF passes through undecoded. */
function rgbPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height, 0x7f);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function pdfOf(draw: (images: PdfImages, doc: PDFKit.PDFDocument) => void): Promise<string> {
  const doc = new PDFDocument({ compress: false, autoFirstPage: true });
  const parts: Buffer[] = [];
  doc.on('data', (c: Buffer) => parts.push(c));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  draw(new PdfImages(doc as unknown as ImageKit), doc);
  doc.end();
  await ended;
  return Buffer.concat(parts).toString('latin1');
}

const imageObjects = (pdf: string) => pdf.match(/\/Subtype \/Image/g)?.length ?? 0;

describe('evidence PDF images: each photo in the file once', () => {
  it('writes a photo drawn in the Photos section and again in the comparison as one image object', async () => {
    const png = rgbPng(40, 30);
    expect(passThroughPng(png)).not.toBeNull();
    let reads = 0;
    const read = () => {
      reads++;
      return png;
    };
    const pdf = await pdfOf((images, doc) => {
      images.draw('photos/a.png', read, 50, 50, [200, 150]);
      doc.addPage();
      images.draw('photos/a.png', read, 50, 50, [100, 80]);
      images.draw('photos/b.png', () => rgbPng(20, 20), 200, 50, [100, 80]);
    });
    expect(reads).toBe(1);
    expect(imageObjects(pdf)).toBe(2);
    // Both pages name the shared image.
    expect(pdf.match(/\/CvImg1 Do/g)?.length).toBe(2);
  });

  it('decodes a PNG pdfkit must read (with alpha) once too, however often it is drawn', async () => {
    const png = encodePng(8, 8, new Uint8Array(8 * 8 * 4).fill(180));
    expect(passThroughPng(png)).toBeNull();
    let reads = 0;
    const pdf = await pdfOf((images, doc) => {
      for (let i = 0; i < 3; i++) {
        images.draw('photos/alpha.png', () => (reads++, png), 50, 50, [100, 100]);
        doc.addPage();
      }
    });
    expect(reads).toBe(1);
    // pdfkit writes an image with alpha as the colour image and its soft mask.
    expect(imageObjects(pdf)).toBe(2);
  });
});
