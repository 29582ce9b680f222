/**
 * Full-width to half-width for what staff type as numbers, IDs and phone numbers. A Zhuyin or Cangjie input
 * method in full-width mode types ５００ and Ａ１２３ (U+FF01–U+FF5E, the ideographic space U+3000); the clinic
 * means 500 and A123. Only those forms are changed: Chinese text stays exactly as typed (NFKC would also rewrite
 * compatibility ideographs and ligatures, which is not ours to do to a name).
 */
const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Hyphen look-alikes typed in phone numbers and IDs (U+2010 hyphen, U+2011 non-breaking hyphen, U+2212 minus). */
const EXTRA: Readonly<Record<string, string>> = { '\u2010': '-', '\u2011': '-', '\u2212': '-' };

export function toHalfWidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const cp = ch.codePointAt(0)!;
    if (cp >= FULLWIDTH_FIRST && cp <= FULLWIDTH_LAST) out += String.fromCodePoint(cp - FULLWIDTH_OFFSET);
    else if (cp === IDEOGRAPHIC_SPACE) out += ' ';
    else out += EXTRA[ch] ?? ch;
  }
  return out;
}

/** For z.preprocess: strings are normalised, anything else passes through for the schema to judge. */
export function halfWidthIfString(value: unknown): unknown {
  return typeof value === 'string' ? toHalfWidth(value) : value;
}

/**
 * A typed amount or count as a number: full-width digits, thousands separators (1,500 / １，５００), a leading
 * NT$ and spaces are accepted; anything else is NaN (so the form says "not a number" instead of dropping it).
 */
export function parseTypedNumber(typed: string): number {
  const s = toHalfWidth(typed).replace(/[,\s]/g, '').replace(/^NT\$/i, '').replace(/元$/, '');
  if (s === '' || !/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}
