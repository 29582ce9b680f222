import { describe, expect, it } from 'vitest';
import { consentDocumentWords, evidencePdfWords, pdfWording } from '../../electron/pdf/wording';
import { messages } from '../../shared/i18n';

/** Every string of a wording tree by its dotted path (array items by index). */
function leaves(node: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') out.set(path, node);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) for (const [p, s] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, s);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the PDF wording is complete in both languages', () => {
  const zh = leaves(pdfWording['zh-TW']);
  const en = leaves(pdfWording.en);

  it('has the same texts in zh-TW and en (every key, every list item)', () => {
    expect(zh.size).toBeGreaterThan(300);
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('has no empty text, and each text fills the same {{placeholders}} in both languages', () => {
    const empty = [...zh, ...en].filter(([, s]) => s.trim() === '').map(([p]) => p);
    expect(empty).toEqual([]);
    const mismatched = [...zh].filter(([p, s]) => placeholders(s).join() !== placeholders(en.get(p) ?? '').join()).map(([p]) => p);
    expect(mismatched).toEqual([]);
  });

  for (const locale of ['zh-TW', 'en'] as const) {
    it(`keeps each text in one place in ${locale}: the PDF's own words never shadow the shared ones they are read with`, () => {
      const printedDocument = leaves(pdfWording[locale].consentDocument);
      const sharedDocument = leaves(messages[locale].consent.document);
      expect([...sharedDocument.keys()].filter((k) => printedDocument.has(k))).toEqual([]);
      // Read together, the document has both: the statements the reading mode shows and the printed-only words.
      const document = leaves(consentDocumentWords(locale));
      expect(document.size).toBe(printedDocument.size + sharedDocument.size);
      expect(document.get('physicianStatement.items.0')).toBe(messages[locale].consent.document.physicianStatement.items[0]);
      expect(document.get('physicianStatement.heading')).toBe(pdfWording[locale].consentDocument.physicianStatement.heading);

      const printedEvidence = leaves(pdfWording[locale].evidencePdf);
      const sharedEvidence = leaves(messages[locale].evidence.pdf);
      expect([...sharedEvidence.keys()].filter((k) => printedEvidence.has(k))).toEqual([]);
      expect(leaves(evidencePdfWords(locale)).size).toBe(printedEvidence.size + sharedEvidence.size);
    });
  }
});
