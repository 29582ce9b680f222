/**
 * Dates and times as the clinic reads and types them: the one formatting module for screens and printed forms.
 *
 * - zh-TW: 2026/12/02 and 14:05 (24-hour), never 上午/下午 or month/day/year.
 * - en: 2 Dec 2026 14:05: the month in letters, so 02/12 can never be read as 12 February or 2 December.
 * - Printed forms: 西元 2026/12/02, or 民國115年12月02日 when the clinic chooses 民國 dates (a clinic setting).
 *
 * Instants are UTC ISO strings shown in the clinic's time zone; calendar dates are 'YYYY-MM-DD'.
 */
import { toHalfWidth } from './fullwidth';
import { isRealDate } from './dates';

export type PrintedEra = 'gregorian' | 'roc';
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 民國 1 is 1912. */
export const ROC_OFFSET = 1911;

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function wallInZone(iso: string, timeZone: string): Wall | null {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
    const v = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
    return { y: v('year'), mo: v('month'), d: v('day'), h: v('hour') % 24, mi: v('minute'), s: v('second') };
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(y: number, mo: number, d: number, locale: string): string {
  return locale === 'en' ? `${d} ${MONTHS_EN[mo - 1]} ${y}` : `${y}/${pad(mo)}/${pad(d)}`;
}

/** Date and time to the minute (or second) in the clinic's zone: 2026/12/02 14:05, or 2 Dec 2026 14:05. */
export function formatDateTime(iso: string, timeZone: string, locale: string, withSeconds = false): string {
  const w = wallInZone(iso, timeZone);
  return w ? `${dateText(w.y, w.mo, w.d, locale)} ${pad(w.h)}:${pad(w.mi)}${withSeconds ? `:${pad(w.s)}` : ''}` : iso;
}

/** The calendar date of an instant in the clinic's zone: 2026/12/02, or 2 Dec 2026. */
export function formatDate(iso: string, timeZone: string, locale: string): string {
  const w = wallInZone(iso, timeZone);
  return w ? dateText(w.y, w.mo, w.d, locale) : iso;
}

/** A stored calendar date (YYYY-MM-DD, no zone) in the display style. */
export function formatCalendarDate(date: string, locale: string): string {
  if (!isRealDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dateText(y, m, d, locale);
}

/** A date on a printed form: 西元 2026/12/02, or 民國115年12月02日. */
export function formatPrintedDate(date: string, era: PrintedEra): string {
  if (!isRealDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (era === 'roc' && y > ROC_OFFSET) return `民國${y - ROC_OFFSET}年${pad(m)}月${pad(d)}日`;
  return `${y}/${pad(m)}/${pad(d)}`;
}

/** An instant on a printed form, in the clinic's zone: 2026/12/02 14:05, or 民國115年12月02日 14:05. */
export function formatPrintedDateTime(iso: string, timeZone: string, era: PrintedEra): string {
  const w = wallInZone(iso, timeZone);
  if (!w) return iso;
  return `${formatPrintedDate(`${w.y}-${pad(w.mo)}-${pad(w.d)}`, era)} ${pad(w.h)}:${pad(w.mi)}`;
}

/**
 * A date as staff type it: 2026/12/02, 2026-12-2, 2026.12.02, 2026年12月2日, in full-width digits too, or a 民國
 * date (115/12/02, 民國115年12月2日). 'YYYY-MM-DD', or null when it is not a real date.
 */
export function parseTypedDate(typed: string): string | null {
  const s = toHalfWidth(typed).trim().replace(/\s+/g, '');
  const m = /^(民國)?(\d{2,4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/.exec(s);
  if (!m) return null;
  let y = Number(m[2]);
  // Three digits (or 民國) is a 民國 year: 115 is 2026.
  if (m[1] || m[2]!.length <= 3) y += ROC_OFFSET;
  const date = `${String(y).padStart(4, '0')}-${pad(Number(m[3]))}-${pad(Number(m[4]))}`;
  return isRealDate(date) ? date : null;
}

/** A date and 24-hour time as typed ('2026/12/02 14:05'): 'YYYY-MM-DDTHH:mm', or null. */
export function parseTypedDateTime(typed: string): string | null {
  const s = toHalfWidth(typed).trim();
  const m = /^(.+?)[\sT]+(\d{1,2})[:：時](\d{2})分?$/.exec(s);
  if (!m) return null;
  const date = parseTypedDate(m[1]!);
  const h = Number(m[2]);
  const mi = Number(m[3]);
  if (!date || h > 23 || mi > 59) return null;
  return `${date}T${pad(h)}:${pad(mi)}`;
}

/** How a stored value shows in a typed field: '2026-12-02' as 2026/12/02, '2026-12-02T14:05' as 2026/12/02 14:05. */
export function typedFieldText(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!m) return value;
  return m[4] ? `${m[1]}/${m[2]}/${m[3]} ${m[4]}:${m[5]}` : `${m[1]}/${m[2]}/${m[3]}`;
}
