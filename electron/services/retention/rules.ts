import { ADULT_AGE, isRealDate } from '../../../shared/dates';

/** 醫療法 §70: records are kept at least seven years after the last entry. */
export const RETENTION_YEARS = 7;
/** 電子病歷製作及管理辦法 §16: the destruction log is kept at least five years. */
export const DESTRUCTION_LOG_YEARS = 5;

/**
 * The same calendar day `years` later. A 29 February that does not exist in the target year becomes 1 March, as
 * `ageOn` counts a leap-day birthday (someone born on 29 February turns 18 on 1 March in a common year): the
 * years are then complete, never short by a day.
 */
export function addYears(date: string, years: number): string {
  if (!isRealDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isRealDate(target) ? target : `${String(y + years).padStart(4, '0')}-03-01`;
}

/** The day a patient born on `birthDate` turns 18. */
export function adulthoodDate(birthDate: string): string {
  return addYears(birthDate, ADULT_AGE);
}

export interface RetentionDate {
  /** The first day the records may be destroyed: seven full years have passed since the last entry (and since 18). */
  date: string;
  basis: 'last_entry' | 'adulthood';
  adulthoodDate: string;
}

/**
 * Seven years after the last entry, and for someone who was a minor at any entry at least seven years after they
 * turned 18. The second is simply a floor: for a patient who was an adult at every entry it is earlier than the
 * first (the last entry was after their 18th birthday), so the later of the two is right for everyone.
 */
export function retentionDateOf(lastEntryDate: string, birthDate: string): RetentionDate {
  const adult = adulthoodDate(birthDate);
  const afterEntry = addYears(lastEntryDate, RETENTION_YEARS);
  const afterAdulthood = addYears(adult, RETENTION_YEARS);
  return afterAdulthood > afterEntry ? { date: afterAdulthood, basis: 'adulthood', adulthoodDate: adult } : { date: afterEntry, basis: 'last_entry', adulthoodDate: adult };
}

/**
 * The clinic's calendar day of a moment (an entry at 23:30 UTC on 31 December is already 1 January in Taipei),
 * with one formatter for a whole list: building one per patient is the slow part of Intl.
 */
export function clinicDay(timeZone: string): (at: string | Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (at) => format.format(typeof at === 'string' ? new Date(at) : at);
}

/** Past retention on `today` (the clinic's date): the retention date has come. */
export function isPastRetention(retentionDate: string, today: string): boolean {
  return today >= retentionDate;
}
