import { describe, expect, it } from 'vitest';
import { keptByRotation } from '../../electron/services/backups/rotation';

const TZ = 'Asia/Taipei';
/** One backup a day at 10:00 Taipei (02:00 UTC), `days` days back from 2026-11-30, newest first. */
function daily(days: number): { id: string; takenAt: string }[] {
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(Date.UTC(2026, 10, 30 - i, 2));
    return { id: d.toISOString().slice(0, 10), takenAt: d.toISOString() };
  });
}

describe('rotation keeps N daily, M weekly and K monthly backups', () => {
  it('keeps the newest of each of the last N days', () => {
    const kept = keptByRotation(daily(10), { keepDaily: 3, keepWeekly: 0, keepMonthly: 0 }, TZ);
    expect([...kept].sort()).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
  });

  it('adds the newest of each of the last M weeks (Monday to Sunday, clinic calendar) and K months', () => {
    const kept = keptByRotation(daily(75), { keepDaily: 1, keepWeekly: 3, keepMonthly: 3 }, TZ);
    // 2026-11-30 is a Monday: its week, then the Sundays ending the two weeks before; then month ends.
    expect([...kept].sort()).toEqual(['2026-09-30', '2026-10-31', '2026-11-22', '2026-11-29', '2026-11-30']);
  });

  it('keeps every backup of the 24 hours before the newest (several a day on a schedule)', () => {
    const at = (h: number) => ({ id: `h${h}`, takenAt: new Date(Date.UTC(2026, 10, 30, h)).toISOString() });
    const kept = keptByRotation([at(0), at(4), at(8), { id: 'old', takenAt: '2026-11-20T02:00:00.000Z' }, { id: 'older', takenAt: '2026-11-19T02:00:00.000Z' }], { keepDaily: 2, keepWeekly: 0, keepMonthly: 0 }, TZ);
    expect([...kept].sort()).toEqual(['h0', 'h4', 'h8', 'old']);
  });

  it('never lets go of the newest verified backup, however the lists are ordered', () => {
    const list = daily(5).reverse();
    const kept = keptByRotation(list, { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 }, TZ);
    expect([...kept]).toEqual(['2026-11-30']);
    expect(keptByRotation([], { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 }, TZ).size).toBe(0);
  });
});
