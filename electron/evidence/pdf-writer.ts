import type { Readable } from 'node:stream';
import { CONTENT_WIDTH, PAGE, PdfWriter, type DocumentMeta } from '../pdf/writer';

const MUTED = '#555555';
const RULE = '#9a9a9a';
/** How much finished PDF may wait in memory for the ZIP before rendering pauses. */
const HIGH_WATER = 4 * 1024 * 1024;

/**
 * The consent writer's layout (embedded CJK font, PDF/A-3b, headings, grids, tables), streamed instead of
 * collected: the evidence PDF holds every photo, so its bytes go to the ZIP as they are made.
 */
export class StreamingPdfWriter extends PdfWriter {
  constructor(meta: DocumentMeta) {
    super(meta);
    // PdfWriter gathers the file in memory for consents (a few hundred KB); an evidence PDF is piped instead.
    this.doc.removeAllListeners('data');
    this.doc.removeAllListeners('end');
    this.doc.removeAllListeners('error');
    this.doc.pause();
  }

  get stream(): Readable {
    return this.doc as unknown as Readable;
  }

  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  get bottomY(): number {
    return PAGE.height - PAGE.marginBottom;
  }

  /** Yields until the ZIP has taken what was rendered so far (bounded memory), or `stop()` says to give up. */
  async drain(stop: () => boolean): Promise<void> {
    while ((this.doc as unknown as Readable).readableLength > HIGH_WATER && !stop()) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** A muted line of small print (captions, hashes). */
  note(text: string, size = 8): void {
    const d = this.doc;
    d.fontSize(size);
    this.ensureSpace(d.heightOfString(text, { width: CONTENT_WIDTH }) + 2);
    d.fillColor(MUTED).text(text, PAGE.marginX, d.y, { width: CONTENT_WIDTH, lineGap: 1 });
    d.fillColor('#111111');
  }

  /**
   * Draws the running footer on every page: `left` (the Bates number) and `right` ("page N of M"), then ends the
   * document. The caller waits for the stream to finish.
   */
  end(footer: (page: number, total: number) => { left: string; right: string }): number {
    const d = this.doc;
    const range = d.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      d.switchToPage(i);
      const bottom = d.page.margins.bottom;
      d.page.margins.bottom = 0;
      const y = PAGE.height - PAGE.marginBottom + 22;
      const f = footer(i - range.start + 1, range.count);
      d.moveTo(PAGE.marginX, y - 6).lineTo(PAGE.width - PAGE.marginX, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
      d.fillColor('#111111');
      this.line(f.left, PAGE.marginX, y, { size: 8, width: CONTENT_WIDTH / 2 });
      d.fillColor(MUTED);
      this.line(f.right, PAGE.marginX + CONTENT_WIDTH / 2, y, { size: 7.5, width: CONTENT_WIDTH / 2, align: 'right' });
      d.page.margins.bottom = bottom;
    }
    d.end();
    return range.count;
  }
}
