/** Calendar dates (YYYY-MM-DD) as the clinic sees them, computed with the platform's time-zone data. */

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Today's date in a time zone, e.g. '2026-11-23' in Asia/Taipei while it is still the 22nd in UTC. */
/** One formatter per zone: making an Intl.DateTimeFormat costs far more than using one (a search formats every row). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function dateInZone(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** Whole years from a birth date to a calendar date (birthday on 29 Feb counts from 1 Mar in other years). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

export const ADULT_AGE = 18;

export function isMinorOn(birthDate: string, onDate: string): boolean {
  return ageOn(birthDate, onDate) < ADULT_AGE;
}
