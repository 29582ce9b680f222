/**
 * One-line boxes in the PDFs (signature box names, headings, the certificate's lines, the table of contents):
 * pdfkit 0.20 wraps any text given a width, even with `lineBreak: false`, so these are fitted by hand
 * (`drawLine`). What is drawn is read back with poppler's `pdftotext -bbox`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_WIDTH, PAGE, PdfWriter } from '../../electron/pdf/writer';

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Every word pdftotext finds on page 1, with its box in points from the top left. */
async function wordsOf(draw: (w: PdfWriter) => void): Promise<Word[]> {
  const w = new PdfWriter({ title: 't', subject: 's', author: 'a', keywords: 'k', createdAt: new Date('2026-12-04T00:00:00Z'), lang: 'zh-TW' });
  w.setHeader('', '');
  w.newPage();
  draw(w);
  const { bytes } = await w.finish(() => '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-pdf-line-'));
  try {
    fs.writeFileSync(path.join(dir, 'line.pdf'), bytes);
    const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', path.join(dir, 'line.pdf'), '-'], { encoding: 'utf8' });
    return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      text: m[4]!,
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const LONG_NAME = 'Dr. Alexandrina Montgomery-Featherstonehaugh 整形外科專科醫師 王大明 Extraordinarily Long';

describe('one line of text in a box', () => {
  it('a text too long for its box stays on one line, cut with an ellipsis inside the box', async () => {
    const words = await wordsOf((w) => w.line(LONG_NAME, 100, 200, { size: 10, width: 150 }));
    expect(words.length).toBeGreaterThan(0);
    expect(new Set(words.map((x) => Math.round(x.yMin))).size).toBe(1);
    expect(Math.min(...words.map((x) => x.xMin))).toBeGreaterThanOrEqual(100 - 0.5);
    expect(Math.max(...words.map((x) => x.xMax))).toBeLessThanOrEqual(250 + 0.5);
    expect(words.at(-1)!.text.endsWith('…')).toBe(true);
  });

  it('a text that fits is drawn whole, right-aligned to the box edge when asked', async () => {
    const words = await wordsOf((w) => w.line('2026-12-04 09:30 簽署', 100, 200, { size: 9, width: 200, align: 'right' }));
    expect(words.map((x) => x.text).join(' ')).toBe('2026-12-04 09:30 簽署');
    expect(Math.max(...words.map((x) => x.xMax))).toBeCloseTo(300, 0);
  });

  it('a line break inside the text does not start a second line', async () => {
    const words = await wordsOf((w) => w.line('第一行\n第二行', 100, 200, { size: 10, width: 300 }));
    expect(words.map((x) => x.text).join(' ')).toBe('第一行 第二行');
    expect(new Set(words.map((x) => Math.round(x.yMin))).size).toBe(1);
  });

  it('a long heading and a long name in a signature box stay inside their boxes: nothing runs onto the lines below', async () => {
    const words = await wordsOf((w) => {
      w.heading(`${LONG_NAME} ${LONG_NAME}`);
      w.signatureBoxes([{ label: '手術醫師 Surgeon', name: LONG_NAME, role: 'physician' }, { label: '病人 Patient', name: '林小姐', role: 'patient' }], '', 'procedure');
    });
    const rows = new Set(words.filter((x) => x.text.includes('Alexandrina') || x.text.includes('Featherstonehaugh') || x.text.endsWith('…')).map((x) => Math.round(x.yMin)));
    // One row for the heading, one for the box's name.
    expect(rows.size).toBe(2);
    const boxWidth = (CONTENT_WIDTH - 12) / 2;
    const inFirstBox = words.filter((x) => x.xMin < PAGE.marginX + boxWidth && Math.round(x.yMin) === Math.max(...rows));
    expect(Math.max(...inFirstBox.map((x) => x.xMax))).toBeLessThanOrEqual(PAGE.marginX + boxWidth - 6 + 0.5);
  });
});
