import { z } from 'zod';
import { parseTypedNumber, toHalfWidth } from '../fullwidth';

/**
 * What staff type as a number, ID or phone number, taken at the boundary whether the IME was in full-width
 * mode or not: ５００ is 500, Ａ１２３４５６７８９ is A123456789. The renderer normalises as it goes too; this
 * makes the main process right for every caller (CLI, tests, a renderer that forgot).
 */

/** A string whose full-width letters, digits and signs become half-width before any other check. */
export function halfWidthString() {
  return z.string().overwrite(toHalfWidth);
}

/** A number that may also arrive as typed text ("１，５００", "NT$ 500"); text that is not a number fails the check. */
export function typedNumber<T extends z.ZodType<number>>(schema: T) {
  return z.preprocess((value: number | string) => (typeof value === 'string' ? parseTypedNumber(value) : value), schema);
}
