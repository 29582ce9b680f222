import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  calendarFrom,
  clockDeadline,
  clockStatus,
  daysBetween,
  dueState,
  EMPTY_CALENDAR,
  endOfDay,
  isWorkingDay,
  splitDuration,
  weekday,
  workingDaysBetween,
  zonedInstant,
} from '../../shared/clinic-calendar';

const TAIPEI = 'Asia/Taipei';
/** Holidays an administrator would enter for autumn 2026 and spring 2027 (National Day falls on a Saturday). */
const CLINIC = calendarFrom([
  { date: '2026-10-09', kind: 'holiday' },
  { date: '2026-10-10', kind: 'holiday' },
  { date: '2027-01-01', kind: 'holiday' },
  { date: '2026-05-01', kind: 'holiday' },
  // Lunar New Year 2027 with a make-up working day on the Saturday before.
  { date: '2027-02-05', kind: 'holiday' },
  { date: '2027-02-08', kind: 'holiday' },
  { date: '2027-02-09', kind: 'holiday' },
  { date: '2027-02-10', kind: 'holiday' },
  { date: '2027-01-30', kind: 'workday' },
]);
const at = (iso: string) => new Date(iso);

describe('calendar dates', () => {
  it('adds days across month, year and leap-day ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-23', 30)).toBe('2026-12-23');
    expect(daysBetween('2026-11-23', '2026-12-23')).toBe(30);
    expect(daysBetween('2026-12-23', '2026-11-23')).toBe(-30);
  });

  it('knows the weekday and refuses what is not a date', () => {
    expect(weekday('2026-11-23')).toBe(1);
    expect(weekday('2026-03-08')).toBe(0);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => weekday('23/11/2026')).toThrow(RangeError);
  });

  it('a working day is a weekday that is not a holiday, or a make-up working day', () => {
    expect(isWorkingDay('2026-11-23', EMPTY_CALENDAR)).toBe(true);
    expect(isWorkingDay('2026-11-28', EMPTY_CALENDAR)).toBe(false);
    expect(isWorkingDay('2026-10-09', CLINIC)).toBe(false);
    expect(isWorkingDay('2027-01-30', CLINIC)).toBe(true); // a Saturday, entered as 補班日
    expect(isWorkingDay('2027-01-31', CLINIC)).toBe(false);
  });

  it('counts working days after a date, skipping weekends and holidays', () => {
    expect(addWorkingDays('2026-11-27', 1, EMPTY_CALENDAR)).toBe('2026-11-30'); // Friday -> Monday
    expect(addWorkingDays('2026-11-23', 5, EMPTY_CALENDAR)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-28', 1, EMPTY_CALENDAR)).toBe('2026-11-30'); // from a Saturday
    expect(addWorkingDays('2026-09-30', 7, CLINIC)).toBe('2026-10-12'); // National Day bridge
    expect(addWorkingDays('2026-04-30', 5, CLINIC)).toBe('2026-05-08'); // month end + Labour Day
    expect(addWorkingDays('2026-12-30', 2, CLINIC)).toBe('2027-01-04'); // year end + New Year's Day
    expect(addWorkingDays('2027-01-28', 2, CLINIC)).toBe('2027-01-30'); // the make-up Saturday counts
    expect(addWorkingDays('2027-02-04', 1, CLINIC)).toBe('2027-02-11'); // Lunar New Year closure
    expect(workingDaysBetween('2026-11-23', '2026-11-30', EMPTY_CALENDAR)).toBe(5);
    expect(workingDaysBetween('2026-11-30', '2026-11-23', EMPTY_CALENDAR)).toBe(0);
    expect(() => addWorkingDays('2026-11-23', 0, EMPTY_CALENDAR)).toThrow(RangeError);
  });
});

describe('wall-clock times in a time zone', () => {
  it('Asia/Taipei is UTC+8 all year (no daylight saving)', () => {
    expect(zonedInstant('2026-11-23', '00:00', TAIPEI).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(zonedInstant('2026-07-01', '09:30', TAIPEI).toISOString()).toBe('2026-07-01T01:30:00.000Z');
    expect(endOfDay('2026-12-31', TAIPEI).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('New York across daylight saving: the spring gap moves forward, the autumn repeat takes the first', () => {
    expect(zonedInstant('2026-03-07', '00:00', 'America/New_York').toISOString()).toBe('2026-03-07T05:00:00.000Z');
    expect(zonedInstant('2026-03-09', '00:00', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(zonedInstant('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // The day DST starts is 23 hours long; the day it ends, 25.
    expect(endOfDay('2026-03-08', 'America/New_York').getTime() - endOfDay('2026-03-07', 'America/New_York').getTime()).toBe(23 * 3_600_000);
    expect(endOfDay('2026-11-01', 'America/New_York').getTime() - endOfDay('2026-10-31', 'America/New_York').getTime()).toBe(25 * 3_600_000);
  });

  it('Auckland (UTC+13 in summer) and UTC', () => {
    expect(zonedInstant('2027-01-01', '00:00', 'Pacific/Auckland').toISOString()).toBe('2026-12-31T11:00:00.000Z');
    expect(zonedInstant('2026-07-01', '00:00', 'Pacific/Auckland').toISOString()).toBe('2026-06-30T12:00:00.000Z');
    expect(zonedInstant('2026-11-23', '12:00', 'UTC').toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });
});

describe('clock deadlines', () => {
  it('first response: 24 clock hours from receipt, weekends included', () => {
    expect(clockDeadline('first_response', at('2026-11-27T10:00:00.000Z'), TAIPEI, CLINIC).toISOString()).toBe('2026-11-28T10:00:00.000Z');
    expect(clockDeadline('incident_notification', at('2026-11-27T10:00:00.000Z'), TAIPEI, CLINIC).toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });

  it('a medical accident: the end of the 5th working day after the day it was recorded, in the clinic', () => {
    // Monday 09:00 in Taipei -> Tue, Wed, Thu, Fri, Mon -> the end of Monday 30 November, Taipei time.
    expect(clockDeadline('accident_explanation', at('2026-11-23T01:00:00.000Z'), TAIPEI, CLINIC).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    // 01:30 on Monday in Taipei is still Sunday in UTC: the clinic's date decides.
    expect(clockDeadline('accident_explanation', at('2026-11-22T17:30:00.000Z'), TAIPEI, CLINIC).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    // 23:00 on Friday: counting starts on Monday.
    expect(clockDeadline('accident_explanation', at('2026-11-27T15:00:00.000Z'), TAIPEI, CLINIC).toISOString()).toBe('2026-12-04T16:00:00.000Z');
    // Labour Day and the month end.
    expect(clockDeadline('accident_explanation', at('2026-04-30T02:00:00.000Z'), TAIPEI, CLINIC).toISOString()).toBe('2026-05-08T16:00:00.000Z');
  });

  it('record copies: 7 working days, skipping the holidays the administrator entered', () => {
    expect(clockDeadline('records_copy', at('2026-09-30T03:00:00.000Z'), TAIPEI, CLINIC).toISOString()).toBe('2026-10-12T16:00:00.000Z');
    expect(clockDeadline('records_copy', at('2026-09-30T03:00:00.000Z'), TAIPEI, EMPTY_CALENDAR).toISOString()).toBe('2026-10-09T16:00:00.000Z');
    // Lunar New Year 2027: Feb 5 and Feb 8–10 closed.
    expect(clockDeadline('records_copy', at('2027-02-03T03:00:00.000Z'), TAIPEI, CLINIC).toISOString()).toBe('2027-02-18T16:00:00.000Z');
  });

  it('a clinic in another time zone ends its days at its own midnight, daylight saving included', () => {
    // Monday 2 March 10:00 in New York -> 5 working days -> Monday 9 March, which ends at 04:00Z (EDT).
    expect(clockDeadline('accident_explanation', at('2026-03-02T15:00:00.000Z'), 'America/New_York', EMPTY_CALENDAR).toISOString()).toBe('2026-03-10T04:00:00.000Z');
    // Friday 23:30 in Auckland is Friday 10:30 UTC; the 5th working day after is the next Friday.
    expect(clockDeadline('accident_explanation', at('2026-11-27T10:30:00.000Z'), 'Pacific/Auckland', EMPTY_CALENDAR).toISOString()).toBe('2026-12-04T11:00:00.000Z');
  });
});

describe('clock state', () => {
  const clock = { startedAt: '2026-11-23T01:00:00.000Z', dueAt: '2026-11-24T01:00:00.000Z', metAt: null };
  it('running, due soon in the last quarter, breached after the deadline', () => {
    expect(clockStatus(clock, at('2026-11-23T02:00:00.000Z'))).toEqual({ state: 'running', remainingMs: 23 * 3_600_000 });
    expect(clockStatus(clock, at('2026-11-23T19:00:00.000Z')).state).toBe('due_soon');
    expect(clockStatus(clock, at('2026-11-24T01:00:00.000Z'))).toEqual({ state: 'due_soon', remainingMs: 0 });
    expect(clockStatus(clock, at('2026-11-24T01:00:00.001Z'))).toEqual({ state: 'breached', remainingMs: -1 });
  });
  it('met in time or late, whatever the time now', () => {
    expect(clockStatus({ ...clock, metAt: '2026-11-23T20:00:00.000Z' }, at('2026-12-01T00:00:00.000Z'))).toEqual({ state: 'met', remainingMs: null });
    expect(clockStatus({ ...clock, metAt: '2026-11-24T03:00:00.000Z' }, at('2026-11-24T04:00:00.000Z'))).toEqual({ state: 'met_late', remainingMs: null });
  });
  it('a week-long clock is due soon only in its last day', () => {
    const week = { startedAt: '2026-11-23T01:00:00.000Z', dueAt: '2026-11-30T16:00:00.000Z', metAt: null };
    expect(clockStatus(week, at('2026-11-29T15:00:00.000Z')).state).toBe('running');
    expect(clockStatus(week, at('2026-11-29T17:00:00.000Z')).state).toBe('due_soon');
  });
  it('splits durations for countdowns and places visits on the calendar', () => {
    expect(splitDuration(26 * 3_600_000 + 5 * 60_000)).toEqual({ days: 1, hours: 2, minutes: 5 });
    expect(splitDuration(-90 * 60_000)).toEqual({ days: 0, hours: 1, minutes: 30 });
    expect(dueState('2026-11-24', '2026-11-23')).toBe('upcoming');
    expect(dueState('2026-11-23', '2026-11-23')).toBe('due_today');
    expect(dueState('2026-11-22', '2026-11-23')).toBe('overdue');
  });
});

describe('clocks of closed cases', () => {
  const clock = { startedAt: '2026-11-23T01:00:00.000Z', dueAt: '2026-11-26T01:00:00.000Z', metAt: null };
  it('closed before the deadline without the answer: stopped; after it: breached as of the closing', () => {
    expect(clockStatus(clock, new Date('2026-12-30T00:00:00.000Z'), '2026-11-24T01:00:00.000Z')).toEqual({ state: 'stopped', remainingMs: null });
    expect(clockStatus(clock, new Date('2026-12-30T00:00:00.000Z'), '2026-11-26T03:00:00.000Z')).toEqual({ state: 'breached', remainingMs: -2 * 3_600_000 });
    expect(clockStatus({ ...clock, metAt: '2026-11-25T00:00:00.000Z' }, new Date('2026-12-30T00:00:00.000Z'), '2026-11-27T00:00:00.000Z').state).toBe('met');
  });
});
