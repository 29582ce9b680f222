import { describe, expect, it } from 'vitest';
import { attemptEscalates, failedAttemptsInARow, plannedVisits, redFlagsOf } from '../../shared/aftercare';
import haFiller from '../../electron/store/migrations/starter-catalogue/ha-filler.json' with { type: 'json' };
import type { FollowUpPlan } from '../../shared/schemas/catalogue';

const calm = { pain: 2, infectionSigns: false, fever: false, visionChange: false, skinColourChange: false, bleeding: 'none' as const };

describe('the follow-up plan', () => {
  it('the starter plan gives day 1 physician, day 7 nurse, day 14 physician and day 30 consultant visits', () => {
    const visits = plannedVisits(haFiller.followUpPlan as FollowUpPlan, '2026-11-23');
    expect(visits.map((v) => [v.id, v.role, v.dueDate])).toEqual([
      ['d1_physician', 'physician', '2026-11-24'],
      ['d7_nurse', 'nurse', '2026-11-30'],
      ['d14_physician', 'physician', '2026-12-07'],
      ['d30_consultant', 'consultant', '2026-12-23'],
    ]);
  });
  it('orders by day and rolls over month and year ends (calendar days: a day-1 call is due on a Sunday too)', () => {
    const plan: FollowUpPlan = [
      { id: 'd30', dayOffset: 30, role: 'consultant', method: 'phone', focus: '滿意度' },
      { id: 'd0', dayOffset: 0, role: 'nurse', method: 'visit', focus: '離院前' },
      { id: 'd1', dayOffset: 1, role: 'physician', method: 'phone', focus: '傷口' },
    ];
    expect(plannedVisits(plan, '2026-12-05').map((v) => v.dueDate)).toEqual(['2026-12-05', '2026-12-06', '2027-01-04']);
  });
});

describe('red flags', () => {
  it('none for an ordinary recovery', () => {
    expect(redFlagsOf(calm)).toEqual([]);
    expect(redFlagsOf({ ...calm, pain: 6, bleeding: 'spotting' })).toEqual([]);
  });
  it('infection signs, fever, pain of 7 or more, vision change, skin colour change, heavy bleeding', () => {
    expect(redFlagsOf({ ...calm, pain: 7 })).toEqual(['severe_pain']);
    expect(redFlagsOf({ pain: 9, infectionSigns: true, fever: true, visionChange: true, skinColourChange: true, bleeding: 'heavy' })).toEqual([
      'infection_signs',
      'fever',
      'severe_pain',
      'vision_change',
      'skin_colour_change',
      'heavy_bleeding',
    ]);
  });
});

describe('unreachable patients', () => {
  it('the third failed attempt in a row escalates, once', () => {
    expect(attemptEscalates([], 'no_answer')).toBe(false);
    expect(attemptEscalates(['no_answer'], 'busy')).toBe(false);
    expect(attemptEscalates(['no_answer', 'busy'], 'voicemail')).toBe(true);
    expect(attemptEscalates(['no_answer', 'busy', 'voicemail'], 'no_answer')).toBe(false);
    expect(attemptEscalates(['no_answer', 'busy'], 'reached')).toBe(false);
  });
  it('reaching the patient starts the count again', () => {
    expect(failedAttemptsInARow(['no_answer', 'no_answer', 'reached', 'busy'])).toBe(1);
    expect(attemptEscalates(['no_answer', 'no_answer', 'reached', 'busy', 'no_answer'], 'wrong_number')).toBe(true);
  });
});
