import { weekday, addDays } from '../../../shared/clinic-calendar';
import { dateInZone } from '../../../shared/dates';

export interface RotationRule {
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
}

/** The Monday of the clinic-calendar week a date falls in: one key per week. */
function weekOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/**
 * Which verified backups rotation keeps: every one of the 24 hours before the newest (the schedule may make several
 * a day), the newest of each of the last N days that have a backup, of the last M weeks and of the last K months
 * (clinic calendar), and always the newest verified one whatever the settings say. Everything else may go. Pure:
 * the caller removes folders and records it.
 */
export function keptByRotation(verified: readonly { id: string; takenAt: string }[], rule: RotationRule, timeZone: string): Set<string> {
  const newestFirst = [...verified].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const keep = new Set<string>();
  const newest = newestFirst[0];
  if (newest) {
    const since = Date.parse(newest.takenAt) - 86_400_000;
    for (const b of newestFirst) if (Date.parse(b.takenAt) > since) keep.add(b.id);
  }
  const bucket = (n: number, keyOf: (date: string) => string) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      if (seen.size >= n) break;
      const k = keyOf(dateInZone(new Date(b.takenAt), timeZone));
      if (seen.has(k)) continue;
      seen.add(k);
      keep.add(b.id);
    }
  };
  bucket(rule.keepDaily, (d) => d);
  bucket(rule.keepWeekly, weekOf);
  bucket(rule.keepMonthly, (d) => d.slice(0, 7));
  return keep;
}

/** A copy that failed verification stays visible this long after a newer verified backup, then rotation removes it. */
export const FAILED_KEPT_DAYS = 30;
