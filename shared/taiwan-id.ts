/**
 * Taiwan national ID (身分證字號) and resident certificate (居留證) numbers, with their check digit.
 * - national ID: letter + 1|2 + 8 digits, e.g. A123456789
 * - new resident certificate (2021+): letter + 8|9 + 8 digits
 * - old resident certificate: letter + A–D + 8 digits
 */
const LETTER_CODES: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1];

export type TaiwanIdKind = 'national_id' | 'resident_certificate';

export function normalizeTaiwanId(raw: string): string {
  return raw.normalize('NFKC').trim().toUpperCase();
}

/** The kind of a valid number, or null when the format or the check digit is wrong. */
export function taiwanIdKind(raw: string): TaiwanIdKind | null {
  const id = normalizeTaiwanId(raw);
  const m = /^([A-Z])([A-Z0-9])(\d{8})$/.exec(id);
  if (!m) return null;
  const [, letter, second, rest] = m as unknown as [string, string, string, string];
  let secondDigit: number;
  let kind: TaiwanIdKind;
  if (second === '1' || second === '2') {
    secondDigit = Number(second);
    kind = 'national_id';
  } else if (second === '8' || second === '9') {
    secondDigit = Number(second);
    kind = 'resident_certificate';
  } else if (/[A-D]/.test(second)) {
    secondDigit = LETTER_CODES[second]! % 10;
    kind = 'resident_certificate';
  } else {
    return null;
  }
  const code = LETTER_CODES[letter]!;
  const digits = [secondDigit, ...rest.slice(0, 7).split('').map(Number)];
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  digits.forEach((d, i) => (sum += d * WEIGHTS[i]!));
  sum += Number(rest[7]);
  return sum % 10 === 0 ? kind : null;
}

export function isValidTaiwanId(raw: string): boolean {
  return taiwanIdKind(raw) !== null;
}

/** Builds a valid number from a letter, the sex/kind digit and 7 digits (synthetic data and tests). */
export function makeTaiwanId(letter: string, second: '1' | '2' | '8' | '9', sevenDigits: string): string {
  const code = LETTER_CODES[letter]!;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  [Number(second), ...sevenDigits.split('').map(Number)].forEach((d, i) => (sum += d * WEIGHTS[i]!));
  const check = (10 - (sum % 10)) % 10;
  return `${letter}${second}${sevenDigits}${check}`;
}
