import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarFrom, clockDeadline } from '../../shared/clinic-calendar';
import { parseGovCalendar } from '../../shared/gov-calendar';

const SAMPLE = fs.readFileSync(path.join(__dirname, '../fixtures/gov-office-calendar-115.csv'), 'utf8');
const HEADER = '西元日期,星期,是否放假,備註';

function parsed() {
  const r = parseGovCalendar(SAMPLE);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r;
}

describe('the government office calendar (行政院人事行政總處 辦公日曆表) is imported', () => {
  it('reads the whole year of the sample file, with its BOM and CRLF lines', () => {
    const r = parsed();
    expect(r).toMatchObject({ from: '2026-01-01', to: '2026-12-31', rows: 365 });
  });

  it('keeps weekday holidays (lunar new year, observed days) and weekend make-up working days, nothing else', () => {
    const days = parsed().days;
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get('2026-02-16')).toEqual({ date: '2026-02-16', kind: 'holiday', name: '除夕' });
    expect(byDate.get('2026-02-17')).toEqual({ date: '2026-02-17', kind: 'holiday', name: '春節' });
    expect(byDate.get('2026-02-20')).toEqual({ date: '2026-02-20', kind: 'holiday', name: '補假' });
    expect(byDate.get('2026-06-19')).toMatchObject({ kind: 'holiday', name: '端午節' });
    expect(byDate.get('2026-09-25')).toMatchObject({ kind: 'holiday', name: '中秋節' });
    expect(byDate.get('2026-02-07')).toEqual({ date: '2026-02-07', kind: 'workday', name: '補行上班' });
    // A weekend day off (28 Feb, a Saturday) is what the calendar assumes already; an ordinary Monday too.
    expect(byDate.has('2026-02-28')).toBe(false);
    expect(byDate.has('2026-02-09')).toBe(false);
    expect(days.filter((d) => d.kind === 'workday')).toHaveLength(1);
  });

  it('puts the 5- and 7-working-day clocks on the right day across the lunar new year', () => {
    const calendar = calendarFrom(parsed().days);
    // Started Friday 13 Feb 2026: 16–20 Feb are off and Friday 27 Feb is 和平紀念日補假, so the 5th working day is 2 Mar.
    expect(addWorkingDays('2026-02-13', 5, calendar)).toBe('2026-03-02');
    expect(addWorkingDays('2026-02-13', 7, calendar)).toBe('2026-03-04');
    // Without the import the same clock would end on 20 Feb, in the middle of the holiday.
    expect(addWorkingDays('2026-02-13', 5, calendarFrom([]))).toBe('2026-02-20');
    // The make-up Saturday counts: started Thursday 5 Feb, the 2nd working day is Saturday 7 Feb.
    expect(addWorkingDays('2026-02-05', 2, calendar)).toBe('2026-02-07');
    const due = clockDeadline('accident_explanation', new Date('2026-02-13T02:00:00.000Z'), 'Asia/Taipei', calendar);
    expect(due.toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });

  it('accepts unquoted and quoted fields and blank lines at the end', () => {
    const r = parseGovCalendar(`${HEADER}\n20260101,四,2,"開國紀念日"\n20260102,五,0,\n\n`);
    expect(r).toMatchObject({ ok: true, rows: 2, days: [{ date: '2026-01-01', kind: 'holiday', name: '開國紀念日' }] });
  });

  it.each([
    ['another file’s header', 'date,weekday,holiday,note\n20260101,四,2,', { kind: 'header' }],
    ['a date that is not a day', `${HEADER}\n20260230,一,2,`, { kind: 'row', line: 2, reason: 'date' }],
    ['a weekday that does not match the date', `${HEADER}\n20260101,五,2,`, { kind: 'row', line: 2, reason: 'weekday' }],
    ['a flag other than 0 or 2', `${HEADER}\n20260101,四,1,`, { kind: 'row', line: 2, reason: 'holiday_flag' }],
    ['the same date twice', `${HEADER}\n20260101,四,2,\n20260101,四,2,`, { kind: 'row', line: 3, reason: 'duplicate' }],
    ['too many columns', `${HEADER}\n20260101,四,2,元旦,x`, { kind: 'row', line: 2, reason: 'columns' }],
    ['no dates at all', `${HEADER}\n`, { kind: 'empty' }],
  ])('refuses the whole file for %s', (_what, csv, problem) => {
    expect(parseGovCalendar(csv)).toEqual({ ok: false, problem });
  });
});
