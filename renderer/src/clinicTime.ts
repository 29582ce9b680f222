/**
 * Times as the clinic sees them: the renderer's one module for them. Records store UTC instants; staff read and
 * type them in the clinic's time zone (session.timeZone), whatever zone this computer is set to.
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/date-format';
import { offsetAt, wallClockParts } from '../../shared/clinic-calendar';

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;



const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of an <input type="datetime-local">, in the clinic's zone: 'YYYY-MM-DDTHH:mm'. */
export function toWallTime(instant: Date | string, timeZone: string): string {
  const p = wallClockParts(new Date(instant).getTime(), timeZone);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}`;
}

/** A datetime-local value typed in the clinic's zone, as a stored UTC instant (ISO with milliseconds); null if malformed. */
export function wallTimeToIso(wall: string, timeZone: string): string | null {
  const m = WALL_TIME.exec(wall);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  // Two passes: the offset at the first guess can differ from the offset at the answer around a DST change.
  const guess = asUtc - offsetAt(asUtc, timeZone);
  const ms = asUtc - offsetAt(guess, timeZone);
  return new Date(ms).toISOString();
}

// One formatting module for screens and printed forms (shared/date-format.ts): yyyy/mm/dd and 24-hour time in
// zh-TW, 2 Dec 2026 14:05 in English.
export { formatCalendarDate, formatDate, formatDateTime } from '../../shared/date-format';

/** Formats a stored UTC instant in the clinic's time zone, to the second (shared/date-format.ts). */
export function formatInstant(iso: string, timeZone: string, locale: string): string {
  return formatDateTime(iso, timeZone, locale, true);
}

/** Formats stored instants in the clinic's time zone and the display language, to the second. */
export function useFormatTime(timeZone: string): (iso: string) => string {
  const { i18n } = useTranslation();
  return (iso: string) => formatInstant(iso, timeZone, i18n.language);
}

/** '2026-11-23 10:05' in the clinic's time zone (what the consent document prints too). */
export function formatInZone(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
