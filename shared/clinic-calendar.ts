/**
 * The clinic's calendar and the clocks that run on it. Pure: no I/O, time-zone data from the platform (Intl).
 *
 * - A calendar date is 'YYYY-MM-DD' as the clinic sees it (in its time zone, Asia/Taipei by default).
 * - A working day is Monday to Friday, except the holidays the administrator entered; a Saturday or Sunday the
 *   administrator entered as a make-up working day (補班日) counts as a working day.
 * - Deadlines are instants (UTC ISO strings): "within 24 hours" is 24 clock hours; "within N working days" ends at
 *   the end of the N-th working day after the day the clock started (the start day itself is not counted), in
 *   the clinic's time zone.
 */
import { dateInZone, isRealDate } from './dates';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export type CalendarDayKind = 'holiday' | 'workday';

/** Days the administrator entered: closures (holidays) and make-up working days on a weekend. */
export interface ClinicCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export function calendarFrom(entries: readonly { date: string; kind: CalendarDayKind }[]): ClinicCalendar {
  return {
    holidays: new Set(entries.filter((e) => e.kind === 'holiday').map((e) => e.date)),
    workdays: new Set(entries.filter((e) => e.kind === 'workday').map((e) => e.date)),
  };
}

export const EMPTY_CALENDAR: ClinicCalendar = { holidays: new Set(), workdays: new Set() };

function parts(date: string): [number, number, number] {
  if (!isRealDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return date.split('-').map(Number) as [number, number, number];
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `n` calendar days after (or before, when negative) `date`; month and year ends roll over. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  return fromUtcMs(Date.UTC(y, m - 1, d) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

export function isWeekend(date: string): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

export function isWorkingDay(date: string, calendar: ClinicCalendar): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.workdays.has(date)) return true;
  return !isWeekend(date);
}

/** The N-th working day after `date` (N >= 1; `date` itself never counts). */
export function addWorkingDays(date: string, n: number, calendar: ClinicCalendar): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number from 1: ${n}`);
  let d = date;
  let left = n;
  // A year of closures in a row would be a data error; stop rather than loop forever.
  for (let guard = 0; guard < 3700; guard++) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar) && --left === 0) return d;
  }
  throw new RangeError('no working day found within ten years');
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string, calendar: ClinicCalendar): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++;
  return count;
}

/** The wall clock of `timeZone` at an instant: year, month (1-12), day, hour (0-23), minute, second. */
export function wallClockParts(ms: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: value('year'), mo: value('month'), d: value('day'), h: value('hour'), mi: value('minute'), s: value('second') };
}

/** The time-zone offset (ms, local minus UTC) in force at an instant. */
export function offsetAt(ms: number, timeZone: string): number {
  const p = wallClockParts(ms, timeZone);
  return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which the clinic's wall clock shows `date` `time` (HH:MM[:SS.mmm]). In a zone with daylight
 * saving, a time skipped in spring moves forward by the length of the gap (02:30 becomes 03:30), and a time
 * repeated in autumn is its first occurrence. Asia/Taipei has had no daylight saving since 1979.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = parts(date);
  const tm = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/.exec(time);
  if (!tm) throw new RangeError(`not a time of day: ${time}`);
  const wall = Date.UTC(y, m - 1, d, Number(tm[1]), Number(tm[2]), Number(tm[3] ?? 0), Number(tm[4] ?? 0));
  // Two passes settle the offset on either side of a transition.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (second === first) return new Date(first);
  // Across a transition: prefer the earlier instant whose wall clock still reads the requested time.
  const candidates = [first, second].sort((a, b) => a - b);
  for (const c of candidates) if (c + offsetAt(c, timeZone) === wall) return new Date(c);
  return new Date(Math.max(first, second));
}

/** The first instant of the next calendar day in the zone, i.e. the end of `date` (exclusive). */
export function endOfDay(date: string, timeZone: string): Date {
  return zonedInstant(addDays(date, 1), '00:00', timeZone);
}

/** The kinds of clocks the clinic keeps. */
export type ClockKind = 'first_response' | 'accident_explanation' | 'records_copy' | 'incident_notification';

/** How long each clock runs. */
export const CLOCK_RULES: Record<ClockKind, { hours: number } | { workingDays: number }> = {
  /** A complaint gets a first response within 24 hours of receipt. */
  first_response: { hours: 24 },
  /** After a recorded medical accident: explanation and care within 5 working days. */
  accident_explanation: { workingDays: 5 },
  /** A patient's request for copies of their records: answered within 7 working days. */
  records_copy: { workingDays: 7 },
  /** A personal-data breach: notification within 72 hours of discovery. */
  incident_notification: { hours: 72 },
};

/** When a clock started at `startedAt` runs out, in the clinic's time zone and calendar. */
export function clockDeadline(kind: ClockKind, startedAt: Date, timeZone: string, calendar: ClinicCalendar): Date {
  const rule = CLOCK_RULES[kind];
  if ('hours' in rule) return new Date(startedAt.getTime() + rule.hours * HOUR_MS);
  const startDay = dateInZone(startedAt, timeZone);
  return endOfDay(addWorkingDays(startDay, rule.workingDays, calendar), timeZone);
}

/**
 * - `met`: answered in time; `met_late`: answered after the deadline;
 * - `running`: time left; `due_soon`: less than a quarter of the period (and at most a day) left;
 * - `breached`: the deadline passed with no answer;
 * - `stopped`: the case was closed before the deadline without the answer being needed (e.g. an incident that
 *   turned out not to require notification). A case closed after the deadline without an answer stays `breached`.
 */
export type ClockState = 'met' | 'met_late' | 'running' | 'due_soon' | 'breached' | 'stopped';

export interface ClockStatus {
  state: ClockState;
  /** Milliseconds to the deadline from now, or from the closing (negative once passed); null once met or stopped. */
  remainingMs: number | null;
}

export function clockStatus(clock: { startedAt: string; dueAt: string; metAt: string | null }, now: Date, closedAt: string | null = null): ClockStatus {
  const due = Date.parse(clock.dueAt);
  if (clock.metAt) return { state: Date.parse(clock.metAt) <= due ? 'met' : 'met_late', remainingMs: null };
  if (closedAt && Date.parse(closedAt) <= due) return { state: 'stopped', remainingMs: null };
  const remaining = due - (closedAt ? Date.parse(closedAt) : now.getTime());
  if (remaining < 0) return { state: 'breached', remainingMs: remaining };
  const period = due - Date.parse(clock.startedAt);
  const soon = Math.min(period / 4, DAY_MS);
  return { state: remaining <= soon ? 'due_soon' : 'running', remainingMs: remaining };
}

/** A duration as whole days, hours and minutes (for countdowns; the sign is dropped). */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** Where a follow-up visit stands on the clinic's calendar. */
export type DueState = 'upcoming' | 'due_today' | 'overdue';

export function dueState(dueDate: string, today: string): DueState {
  return dueDate > today ? 'upcoming' : dueDate === today ? 'due_today' : 'overdue';
}
