import type { Consultation } from '../../../../shared/schemas/consultation';

/**
 * What the status badge says. A disclosed consultation waits out its cooling-off period; once the end has
 * passed it is no longer "in cooling-off" (it may be signed), whatever day the screen was opened.
 */
export function statusBadgeKey(c: Pick<Consultation, 'status' | 'coolingOffEndsAt'>, now: number): string {
  if (c.status === 'disclosed' && c.coolingOffEndsAt && Date.parse(c.coolingOffEndsAt) <= now) return 'workday.status.disclosedCoolingOffEnded';
  return `consultation.status.${c.status}`;
}

/** The procedure's name in the language the staff member reads the screen in (the record keeps both). */
export function procedureNameFor(c: Pick<Consultation, 'procedureId' | 'procedureName'>, procedures: readonly { id: string; nameZh: string; nameEn: string }[] | null, language: string): string {
  const p = procedures?.find((x) => x.id === c.procedureId);
  if (!p) return c.procedureName;
  return language === 'en' ? p.nameEn : p.nameZh;
}

