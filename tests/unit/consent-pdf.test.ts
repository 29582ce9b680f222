import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendPages, countPages } from '../../electron/pdf/append';
import { renderConsentDocument } from '../../electron/pdf/consent-document';
import { clinicTime, groupDigits } from '../../electron/pdf/format';
import { pngSize, strokesToPng } from '../../electron/pdf/signature-png';
import { syntheticSignatureStrokes } from '../../electron/demo/signature-strokes';
import { sampleConsentData } from '../support/consent-fixture';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('consent PDF rendering', () => {
  it('renders the same bytes for the same data (fixed dates and ID), as PDF/A-3b with the font subset', async () => {
    const data = sampleConsentData('zh-TW');
    const a = await renderConsentDocument(data);
    const b = await renderConsentDocument(data);
    expect(sha(a.bytes)).toBe(sha(b.bytes));
    expect(a.pageCount).toBeGreaterThanOrEqual(4);
    const head = a.bytes.subarray(0, 9).toString('latin1');
    expect(head).toBe('%PDF-1.7\n');
    const text = a.bytes.toString('latin1');
    expect(text).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(text).toContain('/OutputIntents');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHant-Regular/);
    const other = await renderConsentDocument({ ...data, issuedAt: '2026-11-23T02:00:00.001Z' });
    expect(sha(other.bytes)).not.toBe(sha(a.bytes));
  });

  it('appends pages as an incremental update: the original stays a byte-exact prefix', async () => {
    const issued = (await renderConsentDocument(sampleConsentData('en', { forms: ['procedure'], procedure: { name: 'Botulinum toxin', category: 'injectable', anaesthesia: 'none' } }))).bytes;
    const extra = (await renderConsentDocument(sampleConsentData('zh-TW'))).bytes;
    const merged = await appendPages(issued, extra);
    expect(merged.subarray(0, issued.length).equals(issued)).toBe(true);
    expect(await countPages(merged)).toBe((await countPages(issued)) + (await countPages(extra)));
    expect(sha(await appendPages(issued, extra))).toBe(sha(merged));
    expect(merged.subarray(issued.length).toString('latin1')).toMatch(/\/Prev \d+ >>\nstartxref\n\d+\n%%EOF\n$/);
  });
});

describe('signature pictures and document formats', () => {
  it('draws strokes into a PNG whose header reads back', () => {
    let s = 3;
    const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const strokes = syntheticSignatureStrokes(next, { width: 600, height: 200 });
    const png = strokesToPng(strokes, { width: 600, height: 200 });
    expect(pngSize(png)).toEqual({ width: 600, height: 200 });
    expect(strokesToPng(strokes, { width: 600, height: 200 }).equals(png)).toBe(true);
    expect(pngSize(Buffer.from('not a png at all, not even close......'))).toBeNull();
    const corrupt = Buffer.from(png);
    corrupt[20]! ^= 0xff;
    expect(pngSize(corrupt)).toBeNull();
  });

  it('formats times in the clinic zone and fees with grouping, independent of the machine locale', () => {
    expect(clinicTime('2026-11-23T16:30:00.000Z', 'Asia/Taipei')).toBe('2026-11-24 00:30 (Asia/Taipei)');
    expect(clinicTime('2026-11-23T16:30:00.000Z', 'Asia/Taipei', false)).toBe('2026-11-24 00:30');
    expect(groupDigits(1234567)).toBe('1,234,567');
    expect(groupDigits(0)).toBe('0');
  });
});

describe('appending a certificate made with the same font', () => {
  it('gives the appended subset its own tag, so readers cannot mix the two subsets up', async () => {
    const a = (await renderConsentDocument(sampleConsentData('zh-TW'))).bytes;
    const b = (await renderConsentDocument(sampleConsentData('en'))).bytes;
    const tags = (pdf: Buffer) => [...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/([A-Z]{6})\+NotoSansHant-Regular/g)].map((m) => m[1]))];
    expect(tags(a)).toEqual(tags(b));
    const merged = await appendPages(a, b);
    expect(tags(merged)).toHaveLength(2);
  });
});
