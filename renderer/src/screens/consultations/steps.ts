import { parseTypedNumber } from '../../../../shared/fullwidth';
import type { ComprehensionTopic, Risk, TemplateContent } from '../../../../shared/schemas/catalogue';
import type { Consultation, ConsultationStatus, DisclosureGap, RiskAcknowledgement } from '../../../../shared/schemas/consultation';

/** The consultation's steps in the order they are held; the header and the gap checklist sit above them all. */
export const STEPS = ['screening', 'goals', 'photos', 'risks', 'alternatives', 'quote', 'comprehension', 'disclose'] as const;
export type StepId = (typeof STEPS)[number];

/** Where each disclosure gap is dealt with. The guardian is recorded on the patient; its explanation sits at the end. */
export const GAP_STEP: Record<DisclosureGap, StepId> = {
  screening: 'screening',
  flag_notes: 'screening',
  contraindication_notes: 'screening',
  goals: 'goals',
  risks: 'risks',
  alternatives: 'alternatives',
  quote: 'quote',
  quote_acknowledgement: 'quote',
  comprehension: 'comprehension',
  guardian: 'disclose',
};

/**
 * Where a wrong comprehension answer sends the flow back to: the step whose reference text explains the topic
 * (purpose, expected result and limitations beside the goals; pre-op and aftercare beside the alternatives).
 */
export const TOPIC_STEP: Record<ComprehensionTopic, StepId> = {
  purpose: 'goals',
  expected_result: 'goals',
  limitations: 'goals',
  risks: 'risks',
  alternatives: 'alternatives',
  aftercare: 'alternatives',
  pre_op: 'alternatives',
};

/** The step a (re)opened consultation starts at: the first one with a gap; a finished or disclosed one shows the end. */
export function resumeStep(gaps: readonly DisclosureGap[], status: ConsultationStatus): StepId {
  if (status !== 'draft') return 'disclose';
  return STEPS.find((s) => gaps.some((g) => GAP_STEP[g] === s)) ?? 'disclose';
}

export type StepState = 'done' | 'todo' | 'optional';

/** Done/not done for the stepper, from the gaps (photos are optional; disclosure is done once disclosed). */
export function stepState(step: StepId, c: Pick<Consultation, 'gaps' | 'status' | 'photos'>): StepState {
  if (step === 'photos') return c.photos.length > 0 ? 'done' : 'optional';
  if (step === 'disclose') return c.status === 'draft' ? 'todo' : 'done';
  return c.gaps.some((g) => GAP_STEP[g] === step) ? 'todo' : 'done';
}

export function nextStep(step: StepId): StepId {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]!;
}

/** The steps to revisit after wrong answers, each once, in the order of the consultation. */
export function stepsToRevisit(topics: readonly ComprehensionTopic[]): StepId[] {
  const wanted = new Set(topics.map((t) => TOPIC_STEP[t]));
  return STEPS.filter((s) => wanted.has(s));
}

/** The topics of the wrong answers that a step explains. */
export function topicsForStep(step: StepId, topics: readonly ComprehensionTopic[]): ComprehensionTopic[] {
  return [...new Set(topics.filter((t) => TOPIC_STEP[t] === step))];
}

export interface ChecklistItem {
  gap: DisclosureGap;
  done: boolean;
  /** A wrong comprehension answer sends the consultation back here: not done, whatever was ticked before. */
  reexplain?: boolean;
}

/**
 * Every requirement that applies to this consultation, done or not. The service reports flag and contraindication
 * notes only once screening exists, and the acknowledgement only once a quote exists: those count as not done
 * while their parent is missing. Flags, contraindications and the guardian appear only where they apply.
 */
export function checklist(
  c: Pick<Consultation, 'gaps' | 'recordFlags' | 'status'>,
  template: Pick<TemplateContent, 'contraindications'>,
  /** The topics to explain again (topicsToReexplain): the checklist and the stepper then say the same. */
  reexplain: readonly ComprehensionTopic[] = [],
): ChecklistItem[] {
  const missing = new Set(c.gaps);
  const noScreening = missing.has('screening');
  const noQuote = missing.has('quote');
  const items: ChecklistItem[] = [{ gap: 'screening', done: !noScreening }];
  if (c.recordFlags.length > 0) items.push({ gap: 'flag_notes', done: !noScreening && !missing.has('flag_notes') });
  if (template.contraindications.length > 0) {
    items.push({ gap: 'contraindication_notes', done: !noScreening && !missing.has('contraindication_notes') });
  }
  for (const gap of ['goals', 'risks', 'alternatives', 'quote'] as const) items.push({ gap, done: !missing.has(gap) });
  items.push({ gap: 'quote_acknowledgement', done: !noQuote && !missing.has('quote_acknowledgement') });
  items.push({ gap: 'comprehension', done: !missing.has('comprehension') });
  if (c.recordFlags.includes('minor') || missing.has('guardian')) items.push({ gap: 'guardian', done: !missing.has('guardian') });
  if (c.status !== 'draft') return items.map((i) => ({ ...i, done: true }));
  const again = new Set(stepsToRevisit(reexplain));
  return items.map((i) => (again.has(GAP_STEP[i.gap]) && i.gap !== 'quote_acknowledgement' && i.gap !== 'quote' ? { ...i, done: false, reexplain: true } : i));
}

/** "NT$18,000": whole New Taiwan dollars with thousands separators, the way clinics print quotes. */
export function formatTwd(amount: number): string {
  const whole = Math.round(Math.abs(amount));
  const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 && whole > 0 ? '-' : ''}NT$${digits}`;
}

/** A typed amount ("18,000", " 500 ") as a number; NaN when empty or not a number (the schema then says why). */
export function parseAmount(typed: string): number {
  // Full-width digits (５００) from a Zhuyin IME are the same amount, not a row left out of the total.
  return parseTypedNumber(typed);
}

/** The running total of the rows typed so far, ignoring rows without a valid amount yet. */
/** Rows whose amount is typed but is not a whole, non-negative number: shown, never silently left out. */
export function uncountedRows(amounts: readonly string[]): number {
  return amounts.filter((a) => a.trim() !== '' && !(Number.isFinite(parseAmount(a)) && parseAmount(a) >= 0)).length;
}

export function runningTotal(amounts: readonly string[]): number {
  return amounts.map(parseAmount).reduce((sum, n) => (Number.isFinite(n) && n >= 0 ? sum + Math.round(n) : sum), 0);
}

/** Character pairs of a text (letters and digits only): Chinese has no spaces to split words at. */
function bigrams(text: string): Set<string> {
  const s = text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/**
 * The risk a wrong answer was about, to open when explaining again: questions name a topic, not a risk, so the
 * risk whose text shares the most with the question and its right answer. Null when no risk question was
 * missed or none shares anything.
 */
export function riskToReexplain(
  risks: readonly Pick<Risk, 'text'>[],
  questions: readonly { id: string; topic: ComprehensionTopic; question: string; options: readonly string[]; correctIndex: number }[],
  c: Pick<Consultation, 'comprehensionAnswers' | 'comprehensionPassedAt' | 'status'>,
): number | null {
  if (c.status !== 'draft' || c.comprehensionPassedAt) return null;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const missed = lastAttempt(c.comprehensionAnswers)
    .answers.filter((a) => !a.correct)
    .map((a) => byId.get(a.questionId))
    .find((q) => q?.topic === 'risks');
  if (!missed) return null;
  const asked = bigrams(`${missed.question} ${missed.options[missed.correctIndex] ?? ''}`);
  let best: number | null = null;
  let bestScore = 0;
  risks.forEach((r, i) => {
    const score = [...bigrams(r.text)].filter((g) => asked.has(g)).length;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** The risk to show first: the first one not yet acknowledged (or the first, when all are). */
export function firstOpenRisk(risks: readonly Risk[], acks: readonly RiskAcknowledgement[]): number {
  const done = new Set(acks.map((a) => a.riskId));
  const i = risks.findIndex((r) => !done.has(r.id));
  return i === -1 ? 0 : i;
}

/** After acknowledging risk `from`, the next one still open (wrapping round), or null when all are done. */
export function nextOpenRisk(risks: readonly Risk[], acknowledged: ReadonlySet<string>, from: number): number | null {
  for (let k = 1; k <= risks.length; k++) {
    const i = (from + k) % risks.length;
    if (!acknowledged.has(risks[i]!.id)) return i;
  }
  return null;
}

/** Whole seconds spent reading between two instants, within the channel's 0–3600 range. */
export function readingSeconds(fromMs: number, toMs: number): number {
  return Math.min(3600, Math.max(0, Math.round((toMs - fromMs) / 1000)));
}

type Answer = Consultation['comprehensionAnswers'][number];

/** The latest comprehension attempt's answers (attempt 0 and none when never answered). */
export function lastAttempt(answers: readonly Answer[]): { attempt: number; answers: Answer[] } {
  const attempt = answers.reduce((max, a) => Math.max(max, a.attempt), 0);
  return { attempt, answers: answers.filter((a) => a.attempt === attempt) };
}

/**
 * The topics to explain again: those of the wrong answers in the latest attempt, while the check is not passed.
 * Derived from what is stored, so a paused consultation reopens with the same notices.
 */
export function topicsToReexplain(
  c: Pick<Consultation, 'comprehensionAnswers' | 'comprehensionPassedAt' | 'status'>,
  questions: readonly { id: string; topic: ComprehensionTopic }[],
): ComprehensionTopic[] {
  if (c.status !== 'draft' || c.comprehensionPassedAt) return [];
  const topicOf = new Map(questions.map((q) => [q.id, q.topic]));
  const topics = lastAttempt(c.comprehensionAnswers)
    .answers.filter((a) => !a.correct)
    .map((a) => topicOf.get(a.questionId))
    .filter((topic): topic is ComprehensionTopic => topic !== undefined);
  return [...new Set(topics)];
}
