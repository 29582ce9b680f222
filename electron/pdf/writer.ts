import PDFDocument from 'pdfkit';
import type { ConsentForm, SignatureRole } from '../../shared/schemas/consent';
import { cjkFontBytes } from './fonts';

/** A4 in points, with room for the running header and footer. */
export const PAGE = { width: 595.28, height: 841.89, marginX: 50, marginTop: 64, marginBottom: 62 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
const INK = '#111111';
const MUTED = '#555555';
const RULE = '#9a9a9a';
const SHADE = '#eeeeee';

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  /** Fixed creation time (the issue time), so the same content renders to the same bytes. */
  createdAt: Date;
  lang: string;
}

export interface TableColumn {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** Where a signature box was drawn: 1-based page, rectangle in PDF user space (points from the lower left). */
export interface PlacedBox {
  form: ConsentForm;
  role: SignatureRole;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Room that signatureBoxes() needs for `count` boxes and its note (to keep a statement's last lines with them). */
export function signatureBoxesHeight(count: number): number {
  return 66 * Math.ceil(count / 2) + 30;
}

/** Where one line of text goes: its font size and box width, its alignment in the box, faux bold or not. */
export interface LineBox {
  size: number;
  width: number;
  align?: 'left' | 'right' | 'center';
  strong?: boolean;
}

/** A line as fitted to its box: the text shown (whole, or cut with an ellipsis) and its width. */
export interface FittedLine {
  text: string;
  width: number;
}

/**
 * One line of text in a box: aligned, cut with an ellipsis when it would not fit, never wrapped. Why by hand:
 * pdfkit 0.20 wraps any text given a `width`, `lineBreak: false` notwithstanding (that option only stops it taking
 * the page's width), so a long name in a signature box or a long section title ran onto the lines below; and its
 * line wrapper is slow for lines drawn on every page. `fitted` keeps the fitting of lines drawn again and again (the
 * running header). Returns the width drawn.
 */
export function drawLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, box: LineBox, fitted?: Map<string, FittedLine>): number {
  doc.fontSize(box.size);
  const key = `${box.size}\u0000${box.width}\u0000${text}`;
  let fit = fitted?.get(key);
  if (!fit) {
    // A line break inside would start a second line.
    const shown = fitToWidth(doc, text.replace(/[\r\n]+/g, ' '), box.width);
    fit = { text: shown, width: doc.widthOfString(shown) };
    fitted?.set(key, fit);
  }
  const dx = box.align === 'right' ? box.width - fit.width : box.align === 'center' ? (box.width - fit.width) / 2 : 0;
  if (box.strong) strokedText(doc, fit.text, x + dx, y, { lineBreak: false });
  else doc.text(fit.text, x + dx, y, { lineBreak: false });
  return fit.width;
}

/** Faux bold: fill and stroke the outline (one font weight keeps the embedded font small). */
function strokedText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions): void {
  doc.save();
  doc.lineWidth(0.35).strokeColor(INK);
  doc.text(text, x, y, { ...options, fill: true, stroke: true });
  doc.restore();
}

/** `text` as it fits in `width` at the current font size: whole, or cut with an ellipsis. */
export function fitToWidth(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = Math.max(1, Math.floor((text.length * width) / doc.widthOfString(text)));
  while (cut > 1 && doc.widthOfString(`${text.slice(0, cut)}…`) > width) cut--;
  return `${text.slice(0, cut)}…`;
}

/**
 * pdfkit with the embedded CJK font, PDF/A-3b metadata, buffered pages (for "page X of Y" footers) and the few
 * layout pieces the consent forms need: headings, paragraphs, numbered statements, label/value grids, tables
 * that break across pages with their header repeated, and signature boxes.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private header: { left: string; right: string } = { left: '', right: '' };
  /** Every signature box drawn so far, for the signatures to be placed in at signing. */
  readonly boxes: PlacedBox[] = [];

  constructor(meta: DocumentMeta) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
      bufferPages: true,
      autoFirstPage: false,
      pdfVersion: '1.7',
      subset: 'PDF/A-3b',
      lang: meta.lang,
      displayTitle: true,
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Author: meta.author,
        Keywords: meta.keywords,
        Creator: 'ConsentVault',
        Producer: 'ConsentVault (pdfkit)',
        CreationDate: meta.createdAt,
        ModDate: meta.createdAt,
      },
    });
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.registerFont('cjk', cjkFontBytes());
    this.doc.font('cjk');
    this.doc.on('pageAdded', () => this.drawHeader());
  }

  /** The running header of the pages that follow (clinic name, form title). */
  setHeader(left: string, right: string): void {
    this.header = { left, right };
  }

  private drawHeader(): void {
    const d = this.doc;
    const { x, y } = { x: d.x, y: d.y };
    d.save();
    d.fillColor(MUTED);
    const top = PAGE.marginTop - 30;
    // One line each: a long title is cut with an ellipsis rather than wrapped into the rule.
    this.line(this.header.left, PAGE.marginX, top, { size: 8, width: CONTENT_WIDTH * 0.4 });
    this.line(this.header.right, PAGE.marginX + CONTENT_WIDTH * 0.4, top, { size: 8, width: CONTENT_WIDTH * 0.6, align: 'right' });
    d.moveTo(PAGE.marginX, top + 13).lineTo(PAGE.width - PAGE.marginX, top + 13).lineWidth(0.5).strokeColor(RULE).stroke();
    d.restore();
    d.fillColor(INK).fontSize(10);
    d.x = x;
    d.y = y;
  }

  private readonly fitted = new Map<string, FittedLine>();

  /** One line of text in a box (drawLine), its fitting kept for the document. Returns the width drawn. */
  line(text: string, x: number, y: number, box: LineBox): number {
    return drawLine(this.doc, text, x, y, box, this.fitted);
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = PAGE.marginX;
    this.doc.y = PAGE.marginTop;
  }

  private get bottom(): number {
    return PAGE.height - PAGE.marginBottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  gap(points = 6): void {
    this.doc.y += points;
  }

  title(text: string, subtitle?: string): void {
    const d = this.doc;
    this.ensureSpace(60);
    d.fillColor(INK).fontSize(17);
    this.strong(text, PAGE.marginX, d.y, { width: CONTENT_WIDTH, align: 'center' });
    if (subtitle) d.fontSize(9.5).fillColor(MUTED).text(subtitle, { width: CONTENT_WIDTH, align: 'center' });
    d.fillColor(INK);
    this.gap(10);
  }

  heading(text: string): void {
    const d = this.doc;
    this.ensureSpace(48);
    this.gap(4);
    const y = d.y;
    d.rect(PAGE.marginX, y, CONTENT_WIDTH, 19).fill(SHADE);
    d.fillColor(INK);
    this.line(text, PAGE.marginX + 6, y + 3.5, { size: 11.5, width: CONTENT_WIDTH - 12, strong: true });
    d.x = PAGE.marginX;
    d.y = y + 25;
  }

  subheading(text: string): void {
    const d = this.doc;
    this.ensureSpace(36);
    d.fontSize(10.5).fillColor(INK);
    this.strong(text, PAGE.marginX, d.y, { width: CONTENT_WIDTH });
    this.gap(2);
  }

  paragraph(text: string, opts: { size?: number; muted?: boolean; indent?: number } = {}): void {
    const d = this.doc;
    const size = opts.size ?? 10;
    const indent = opts.indent ?? 0;
    const width = CONTENT_WIDTH - indent;
    d.fontSize(size);
    this.ensureSpace(Math.min(d.heightOfString(text, { width, lineGap: 2 }), size * 3));
    d.fillColor(opts.muted ? MUTED : INK).text(text, PAGE.marginX + indent, d.y, { width, lineGap: 2 });
    d.fillColor(INK);
    this.gap(4);
  }

  /** "1." + hanging text, as in the ministry's statements. */
  numbered(items: string[], size = 10): void {
    const d = this.doc;
    const labelWidth = 18;
    items.forEach((item, i) => {
      d.fontSize(size);
      const h = d.heightOfString(item, { width: CONTENT_WIDTH - labelWidth, lineGap: 2 });
      this.ensureSpace(Math.min(h, size * 3));
      const y = d.y;
      d.fillColor(INK);
      this.line(`${i + 1}.`, PAGE.marginX, y, { size, width: labelWidth });
      d.text(item, PAGE.marginX + labelWidth, y, { width: CONTENT_WIDTH - labelWidth, lineGap: 2 });
      this.gap(3);
    });
  }

  /** Label/value pairs in two columns of pairs, boxed. */
  grid(pairs: [string, string][], columns: 1 | 2 = 2, trailingGap = 8, labelWidth = 78): void {
    const d = this.doc;
    const cellWidth = CONTENT_WIDTH / columns;
    d.fontSize(9.5);
    for (let i = 0; i < pairs.length; i += columns) {
      const row = pairs.slice(i, i + columns);
      const height = Math.max(...row.map(([l, v]) => Math.max(d.heightOfString(v || ' ', { width: cellWidth - labelWidth - 10 }), d.heightOfString(l || ' ', { width: labelWidth - 8 })))) + 8;
      this.ensureSpace(height);
      const y = d.y;
      row.forEach(([label, value], c) => {
        const x = PAGE.marginX + c * cellWidth;
        d.rect(x, y, labelWidth, height).fill(SHADE);
        d.rect(x, y, cellWidth, height).lineWidth(0.5).strokeColor(RULE).stroke();
        d.fillColor(MUTED).text(label, x + 4, y + 4, { width: labelWidth - 8 });
        d.fillColor(INK).text(value || ' ', x + labelWidth + 5, y + 4, { width: cellWidth - labelWidth - 10 });
      });
      d.x = PAGE.marginX;
      d.y = y + height;
    }
    this.gap(trailingGap);
  }

  /** A ruled table; rows never split, and the header row repeats on each new page. */
  table(columns: TableColumn[], rows: string[][], opts: { size?: number; footer?: string[] } = {}): void {
    const d = this.doc;
    const size = opts.size ?? 9;
    const widths = columns.map((c) => c.width * CONTENT_WIDTH);
    const pad = 4;
    const measure = (cells: string[]) => Math.max(...cells.map((cell, i) => d.heightOfString(cell || ' ', { width: widths[i]! - 2 * pad, lineGap: 1 }))) + 2 * pad;
    // Each row is measured once (a measurement is a full line-wrapping pass over every cell).
    const drawRow = (cells: string[], shade: boolean, h: number) => {
      d.fontSize(size);
      const y = d.y;
      let x = PAGE.marginX;
      cells.forEach((cell, i) => {
        const w = widths[i]!;
        if (shade) d.rect(x, y, w, h).fill(SHADE);
        d.rect(x, y, w, h).lineWidth(0.5).strokeColor(RULE).stroke();
        d.fillColor(INK).text(cell || ' ', x + pad, y + pad, { width: w - 2 * pad, align: columns[i]!.align ?? 'left', lineGap: 1 });
        x += w;
      });
      d.x = PAGE.marginX;
      d.y = y + h;
    };
    const header = columns.map((c) => c.header);
    d.fontSize(size);
    const headerH = measure(header);
    this.ensureSpace(headerH + measure(rows[0] ?? header));
    drawRow(header, true, headerH);
    for (const row of rows) {
      d.fontSize(size);
      const h = measure(row);
      if (d.y + h > this.bottom) {
        this.newPage();
        drawRow(header, true, headerH);
      }
      drawRow(row, false, h);
    }
    if (opts.footer) {
      d.fontSize(size);
      const h = measure(opts.footer);
      this.ensureSpace(h);
      drawRow(opts.footer, true, h);
    }
    this.gap(8);
  }

  /**
   * Boxes where each signer's electronic signature belongs. This document is never re-rendered: each box's page
   * and rectangle are recorded (`boxes`), and the signature is drawn into it by the final PDF's incremental update.
   */
  signatureBoxes(boxes: { label: string; name: string; role: SignatureRole }[], note: string, form: ConsentForm): void {
    const d = this.doc;
    const perRow = 2;
    const w = (CONTENT_WIDTH - 12) / perRow;
    const h = 58;
    this.ensureSpace(signatureBoxesHeight(boxes.length));
    // Layout only ever adds pages at the end, so the page being drawn is the last one.
    const page = d.bufferedPageRange().start + d.bufferedPageRange().count;
    for (let i = 0; i < boxes.length; i += perRow) {
      const y = d.y;
      boxes.slice(i, i + perRow).forEach((box, c) => {
        const x = PAGE.marginX + c * (w + 12);
        d.rect(x, y, w, h).lineWidth(0.75).strokeColor(RULE).stroke();
        // pdfkit draws from the top left; PDF user space (and a later signature widget's /Rect) from the bottom left.
        this.boxes.push({ form, role: box.role, page, x: round2(x), y: round2(PAGE.height - y - h), width: round2(w), height: h });
        d.fillColor(MUTED);
        this.line(box.label, x + 6, y + 5, { size: 8.5, width: w - 12 });
        d.fillColor(INK);
        this.line(box.name, x + 6, y + 19, { size: 10, width: w - 12 });
        d.moveTo(x + 6, y + h - 14).lineTo(x + w - 6, y + h - 14).lineWidth(0.5).dash(2, { space: 2 }).stroke().undash();
      });
      d.x = PAGE.marginX;
      d.y = y + h + 8;
    }
    this.paragraph(note, { size: 8.5, muted: true });
  }

  image(png: Buffer, x: number, y: number, fit: [number, number]): void {
    this.doc.image(png, x, y, { fit, align: 'center', valign: 'center' });
  }

  /** Faux bold text that may wrap (titles); one-line boxes use `line` with `strong`. */
  strong(text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions): void {
    strokedText(this.doc, text, x, y, options);
  }

  /** Writes "footer(page, total)" at the foot of every page, then finishes the file. */
  async finish(footer: (page: number, total: number) => string): Promise<{ bytes: Buffer; pageCount: number }> {
    const d = this.doc;
    const range = d.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      d.switchToPage(i);
      const bottom = d.page.margins.bottom;
      d.page.margins.bottom = 0;
      const y = PAGE.height - PAGE.marginBottom + 22;
      d.moveTo(PAGE.marginX, y - 6).lineTo(PAGE.width - PAGE.marginX, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
      d.fillColor(MUTED);
      this.line(footer(i - range.start + 1, range.count), PAGE.marginX, y, { size: 7.5, width: CONTENT_WIDTH, align: 'center' });
      d.page.margins.bottom = bottom;
    }
    d.end();
    await this.done;
    return { bytes: Buffer.concat(this.chunks), pageCount: range.count };
  }
}
