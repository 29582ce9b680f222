import { describe, expect, it } from 'vitest';
import { ageOn, dateInZone } from '../../shared/dates';
import { addYears, adulthoodDate, clinicDay, isPastRetention, retentionDateOf } from '../../electron/services/retention/rules';

describe('adding whole years to a calendar date', () => {
  it.each([
    ['2019-03-02', 7, '2026-03-02'],
    ['2019-01-31', 7, '2026-01-31'],
    ['2019-12-31', 7, '2026-12-31'],
    ['2019-02-28', 7, '2026-02-28'],
    // A leap day that does not exist seven years later: the years are complete on 1 March, never short by a day.
    ['2016-02-29', 7, '2023-03-01'],
    // …and stays 29 February when the target year has one.
    ['2016-02-29', 8, '2024-02-29'],
    ['2000-02-29', 100, '2100-03-01'],
    ['2024-03-01', 7, '2031-03-01'],
  ])('%s + %i years = %s', (from, years, expected) => {
    expect(addYears(from, years)).toBe(expected);
  });

  it('refuses something that is not a calendar date', () => {
    expect(() => addYears('2019-02-30', 7)).toThrow(RangeError);
    expect(() => addYears('', 7)).toThrow(RangeError);
  });
});

describe('turning 18 agrees with how ages are counted', () => {
  it.each([
    ['2008-02-29', '2026-03-01'],
    ['2008-03-01', '2026-03-01'],
    ['2007-12-31', '2025-12-31'],
    ['2008-01-31', '2026-01-31'],
  ])('born %s: 18 on %s, 17 the day before', (birth, adult) => {
    expect(adulthoodDate(birth)).toBe(adult);
    expect(ageOn(birth, adult)).toBe(18);
    const dayBefore = new Date(Date.parse(`${adult}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(ageOn(birth, dayBefore)).toBe(17);
  });
});

describe('the retention date', () => {
  it.each([
    // An adult: seven years after the last entry.
    { name: 'adult', last: '2019-03-02', birth: '1990-05-20', date: '2026-03-02', basis: 'last_entry' },
    { name: 'adult, last entry on a month end', last: '2019-01-31', birth: '1985-07-01', date: '2026-01-31', basis: 'last_entry' },
    { name: 'adult, last entry on a leap day', last: '2020-02-29', birth: '1985-07-01', date: '2027-03-01', basis: 'last_entry' },
    // A minor treated at 15: seven years after turning 18 is later than seven years after the entry.
    { name: 'minor at the last entry', last: '2020-06-01', birth: '2005-01-10', date: '2030-01-10', basis: 'adulthood' },
    // Born on a leap day: 18 on 1 March 2026, the records kept until 1 March 2033.
    { name: 'minor born on a leap day', last: '2023-05-05', birth: '2008-02-29', date: '2033-03-01', basis: 'adulthood' },
    // Treated as a minor, seen again as an adult: the later entry sets the date once it is past the adulthood floor.
    { name: 'seen again after turning 18', last: '2024-04-01', birth: '2004-08-15', date: '2031-04-01', basis: 'last_entry' },
    // The two rules land on the same day: the last entry is the 18th birthday itself.
    { name: 'last entry on the 18th birthday', last: '2022-09-09', birth: '2004-09-09', date: '2029-09-09', basis: 'last_entry' },
  ])('$name: $date ($basis)', ({ last, birth, date, basis }) => {
    const r = retentionDateOf(last, birth);
    expect(r.date).toBe(date);
    expect(r.basis).toBe(basis);
    expect(r.adulthoodDate).toBe(adulthoodDate(birth));
  });

  it('is past retention from the retention date itself, not the day before', () => {
    expect(isPastRetention('2026-03-02', '2026-03-01')).toBe(false);
    expect(isPastRetention('2026-03-02', '2026-03-02')).toBe(true);
    expect(isPastRetention('2026-03-02', '2027-01-01')).toBe(true);
  });
});

describe("the last entry's day is the clinic's", () => {
  it.each([
    // 23:30 UTC on 31 December is 07:30 on 1 January in Taipei: the retention clock starts from the new year.
    ['2018-12-31T23:30:00.000Z', 'Asia/Taipei', '2019-01-01'],
    ['2018-12-31T15:59:59.999Z', 'Asia/Taipei', '2018-12-31'],
    ['2018-12-31T16:00:00.000Z', 'Asia/Taipei', '2019-01-01'],
    ['2019-03-01T02:00:00.000Z', 'America/Los_Angeles', '2019-02-28'],
  ])('%s in %s is %s, as dateInZone says', (at, zone, day) => {
    expect(clinicDay(zone)(at)).toBe(day);
    expect(dateInZone(new Date(at), zone)).toBe(day);
  });

  it('moves the retention date by a whole year when the entry crosses midnight into the new year', () => {
    const day = clinicDay('Asia/Taipei');
    expect(retentionDateOf(day('2018-12-31T15:00:00.000Z'), '1990-01-01').date).toBe('2025-12-31');
    expect(retentionDateOf(day('2018-12-31T17:00:00.000Z'), '1990-01-01').date).toBe('2026-01-01');
  });
});
