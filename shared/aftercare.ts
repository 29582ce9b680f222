/**
 * Aftercare rules that both the main process (which enforces them) and the screens (which show them as the
 * nurse types) need: the follow-up plan's visits, red flags, and when an unreachable patient escalates. Pure.
 */
import { addDays } from './clinic-calendar';
import type { FollowUpPlan } from './schemas/catalogue';
import { type AttemptResult, FAILED_ATTEMPTS_TO_ESCALATE, type OutcomeFields, RED_FLAG_PAIN, type RedFlag } from './schemas/aftercare';

/** The visits a treatment on `treatedOn` (clinic date) creates: one per level, due `dayOffset` calendar days later. */
export function plannedVisits(plan: FollowUpPlan, treatedOn: string) {
  return [...plan]
    .sort((a, b) => a.dayOffset - b.dayOffset)
    .map((level) => ({ ...level, dueDate: addDays(treatedOn, level.dayOffset) }));
}

/**
 * Findings that go to the operating physician at once: signs of infection, fever, pain of 7 or more, a change in
 * vision (the warning sign of a filler in an artery, and of bleeding behind the eye after eyelid surgery), a change
 * in skin colour (blanching or a mottled purple pattern: blocked blood supply) and heavy bleeding.
 */
export function redFlagsOf(o: Pick<OutcomeFields, 'pain' | 'infectionSigns' | 'fever' | 'visionChange' | 'skinColourChange' | 'bleeding'>): RedFlag[] {
  const flags: RedFlag[] = [];
  if (o.infectionSigns) flags.push('infection_signs');
  if (o.fever) flags.push('fever');
  if (o.pain >= RED_FLAG_PAIN) flags.push('severe_pain');
  if (o.visionChange) flags.push('vision_change');
  if (o.skinColourChange) flags.push('skin_colour_change');
  if (o.bleeding === 'heavy') flags.push('heavy_bleeding');
  return flags;
}

export const isFailedAttempt = (result: AttemptResult) => result !== 'reached';

/** Failed attempts since the patient was last reached (oldest first in, count out). */
export function failedAttemptsInARow(results: readonly AttemptResult[]): number {
  let n = 0;
  for (const r of results) n = isFailedAttempt(r) ? n + 1 : 0;
  return n;
}

/** Escalate when this attempt makes the third failure in a row (once; further failures do not escalate again). */
export function attemptEscalates(previous: readonly AttemptResult[], next: AttemptResult): boolean {
  return isFailedAttempt(next) && failedAttemptsInARow([...previous, next]) === FAILED_ATTEMPTS_TO_ESCALATE;
}
