import { describe, expect, it } from 'vitest';
import type { Consultation } from '../../shared/schemas/consultation';
import {
  checklist,
  firstOpenRisk,
  formatTwd,
  lastAttempt,
  nextOpenRisk,
  parseAmount,
  readingSeconds,
  resumeStep,
  runningTotal,
  stepState,
  stepsToRevisit,
  topicsForStep,
  topicsToReexplain,
  TOPIC_STEP,
} from '../../renderer/src/screens/consultations/steps';

const AT = '2026-11-23T02:00:00.000Z';
const risk = (id: string) => ({ id, text: id, frequency: 'common' as const, severity: 'mild' as const });
const ack = (riskId: string) => ({ riskId, explainedAt: AT, acknowledgedAt: AT, method: 'consultant_tap' as const, questions: null, recordedByName: '張雅琪' });
const answer = (questionId: string, attempt: number, correct: boolean) => ({ questionId, attempt, chosenIndex: 0, correct, answeredAt: AT });
const QUESTIONS = [
  { id: 'q_duration', topic: 'expected_result' as const },
  { id: 'q_vascular', topic: 'risks' as const },
  { id: 'q_aftercare', topic: 'aftercare' as const },
];

describe('where a consultation (re)opens', () => {
  it('starts a new consultation at screening', () => {
    expect(resumeStep(['screening', 'goals', 'risks', 'alternatives', 'quote', 'comprehension'], 'draft')).toBe('screening');
  });

  it('resumes at the first step that still has a gap, skipping finished ones', () => {
    expect(resumeStep(['risks', 'quote', 'comprehension'], 'draft')).toBe('risks');
    expect(resumeStep(['flag_notes', 'comprehension'], 'draft')).toBe('screening');
    expect(resumeStep(['quote_acknowledgement', 'comprehension'], 'draft')).toBe('quote');
  });

  it('goes to the end when only the guardian is missing, or nothing is', () => {
    expect(resumeStep(['guardian'], 'draft')).toBe('disclose');
    expect(resumeStep([], 'draft')).toBe('disclose');
  });

  it('shows the disclosure summary of a disclosed consultation', () => {
    expect(resumeStep([], 'disclosed')).toBe('disclose');
  });
});

describe('the stepper marks', () => {
  const base = { gaps: [] as Consultation['gaps'], status: 'draft' as const, photos: [] as Consultation['photos'] };

  it('a step done when none of its gaps remain', () => {
    expect(stepState('screening', { ...base, gaps: ['goals'] })).toBe('done');
    expect(stepState('screening', { ...base, gaps: ['contraindication_notes'] })).toBe('todo');
    expect(stepState('quote', { ...base, gaps: ['quote_acknowledgement'] })).toBe('todo');
  });

  it('photos as optional until one is added', () => {
    expect(stepState('photos', base)).toBe('optional');
    expect(stepState('photos', { ...base, photos: [{} as Consultation['photos'][number]] })).toBe('done');
  });

  it('disclosure as done only once disclosed', () => {
    expect(stepState('disclose', base)).toBe('todo');
    expect(stepState('disclose', { ...base, status: 'disclosed' })).toBe('done');
  });
});

describe('the gap checklist', () => {
  const template = { contraindications: [{ id: 'pregnancy', text: 'x', flaggedBy: [] }] };

  it('counts flag and contraindication notes as missing while screening itself is missing', () => {
    const items = checklist({ gaps: ['screening', 'goals'], recordFlags: ['smoking'], status: 'draft' }, template);
    expect(items.find((i) => i.gap === 'flag_notes')).toEqual({ gap: 'flag_notes', done: false });
    expect(items.find((i) => i.gap === 'contraindication_notes')).toEqual({ gap: 'contraindication_notes', done: false });
    expect(items.find((i) => i.gap === 'risks')).toEqual({ gap: 'risks', done: true });
  });

  it('counts the quote acknowledgement as missing while there is no quote', () => {
    const items = checklist({ gaps: ['quote'], recordFlags: [], status: 'draft' }, template);
    expect(items.find((i) => i.gap === 'quote_acknowledgement')?.done).toBe(false);
  });

  it('lists flag notes, contraindications and the guardian only where they apply', () => {
    const adult = checklist({ gaps: [], recordFlags: [], status: 'draft' }, { contraindications: [] }).map((i) => i.gap);
    expect(adult).not.toContain('flag_notes');
    expect(adult).not.toContain('contraindication_notes');
    expect(adult).not.toContain('guardian');
    const minor = checklist({ gaps: ['guardian'], recordFlags: ['minor'], status: 'draft' }, template);
    expect(minor.find((i) => i.gap === 'guardian')).toEqual({ gap: 'guardian', done: false });
  });

  it('shows everything done once disclosed (the service reports no gaps then)', () => {
    expect(checklist({ gaps: [], recordFlags: ['minor'], status: 'disclosed' }, template).every((i) => i.done)).toBe(true);
  });
});

describe('wrong comprehension answers', () => {
  it('send each topic back to the step that explains it', () => {
    expect(TOPIC_STEP.risks).toBe('risks');
    expect(TOPIC_STEP.expected_result).toBe('goals');
    expect(TOPIC_STEP.limitations).toBe('goals');
    expect(TOPIC_STEP.pre_op).toBe('alternatives');
    expect(TOPIC_STEP.aftercare).toBe('alternatives');
  });

  it('revisit each step once, in the order of the consultation', () => {
    expect(stepsToRevisit(['aftercare', 'risks', 'pre_op', 'purpose'])).toEqual(['goals', 'risks', 'alternatives']);
    expect(topicsForStep('alternatives', ['aftercare', 'risks', 'pre_op'])).toEqual(['aftercare', 'pre_op']);
  });

  it('are read from the latest attempt only, and forgotten once the check passes', () => {
    const answers = [answer('q_duration', 1, false), answer('q_vascular', 1, true), answer('q_duration', 2, true), answer('q_vascular', 2, false)];
    expect(lastAttempt(answers).attempt).toBe(2);
    expect(topicsToReexplain({ comprehensionAnswers: answers, comprehensionPassedAt: null, status: 'draft' }, QUESTIONS)).toEqual(['risks']);
    expect(topicsToReexplain({ comprehensionAnswers: answers, comprehensionPassedAt: AT, status: 'draft' }, QUESTIONS)).toEqual([]);
  });

  it('ask for nothing before the first attempt', () => {
    expect(lastAttempt([])).toEqual({ attempt: 0, answers: [] });
    expect(topicsToReexplain({ comprehensionAnswers: [], comprehensionPassedAt: null, status: 'draft' }, QUESTIONS)).toEqual([]);
  });
});

describe('fees in New Taiwan dollars', () => {
  it('are shown as NT$ with thousands separators and no decimals', () => {
    expect(formatTwd(18000)).toBe('NT$18,000');
    expect(formatTwd(0)).toBe('NT$0');
    expect(formatTwd(1234567)).toBe('NT$1,234,567');
    expect(formatTwd(999.6)).toBe('NT$1,000');
  });

  it('accept typed amounts with separators, and report empty or non-numbers as NaN for the schema to explain', () => {
    expect(parseAmount('18,000')).toBe(18000);
    expect(parseAmount(' NT$500 ')).toBe(500);
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount('')).toBeNaN();
    expect(parseAmount('abc')).toBeNaN();
  });

  it('keep a running total that skips rows not filled in yet', () => {
    expect(runningTotal(['18,000', '', '2500', 'x', '-5'])).toBe(20500);
  });
});

describe('one risk at a time', () => {
  const risks = ['bruising', 'swelling', 'infection', 'vision_loss'].map(risk);

  it('opens at the first risk not yet acknowledged', () => {
    expect(firstOpenRisk(risks, [ack('bruising'), ack('swelling')])).toBe(2);
    expect(firstOpenRisk(risks, risks.map((r) => ack(r.id)))).toBe(0);
  });

  it('moves on to the next open risk, wrapping round, and stops when all are acknowledged', () => {
    expect(nextOpenRisk(risks, new Set(['bruising', 'infection']), 0)).toBe(1);
    expect(nextOpenRisk(risks, new Set(['swelling', 'infection', 'vision_loss']), 3)).toBe(0);
    expect(nextOpenRisk(risks, new Set(risks.map((r) => r.id)), 1)).toBeNull();
  });
});

describe('reading time', () => {
  it('is whole seconds within the channel range', () => {
    expect(readingSeconds(0, 1_499)).toBe(1);
    expect(readingSeconds(5_000, 1_000)).toBe(0);
    expect(readingSeconds(0, 2 * 3600 * 1000)).toBe(3600);
  });
});
