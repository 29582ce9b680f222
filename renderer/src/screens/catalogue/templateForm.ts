import type { z } from 'zod';
import type {
  ComprehensionTopic,
  Contraindication,
  RiskFrequency,
  RiskSeverity,
  TemplateContent,
  TemplateContentInput,
} from '../../../../shared/schemas/catalogue';
import type { IssuePath } from '../../fieldIssues';
import type { Rename } from '../patients/nestedForm';

type Frequency = z.infer<typeof RiskFrequency>;
type Severity = z.infer<typeof RiskSeverity>;
type Flag = Contraindication['flaggedBy'][number];

/**
 * The explanation sheet as the editor holds it. Item identifiers are kept as `itemId` (react-hook-form's lists
 * use `id` for their own keys); answer options are objects so they can be a list of their own.
 */
export interface TemplateFormValues {
  title: string;
  purpose: string;
  howItIsDone: string;
  expectedResult: string;
  recoveryTimeline: string;
  limitations: string;
  risks: { itemId: string; text: string; frequency: Frequency; severity: Severity }[];
  alternatives: { itemId: string; text: string }[];
  aftercare: string;
  preOpInstructions: string;
  contraindications: { itemId: string; text: string; flaggedBy: Flag[] }[];
  comprehensionQuestions: {
    itemId: string;
    question: string;
    options: { text: string }[];
    /** The chosen radio's value. */
    correctIndex: string;
    topic: ComprehensionTopic;
  }[];
}

export const TEXT_SECTIONS = ['purpose', 'howItIsDone', 'expectedResult', 'recoveryTimeline', 'limitations'] as const;
export const CARE_SECTIONS = ['aftercare', 'preOpInstructions'] as const;
export const NO_TREATMENT = 'no_treatment';
export const MIN_QUESTIONS = 3;
export const MAX_QUESTIONS = 5;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 5;

/** A fresh identifier for a new item: stable once saved (acknowledgements and answers refer to it). */
export function newItemId(prefix: string, random: () => number = Math.random): string {
  return `${prefix}_${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}

export function blankQuestion(): TemplateFormValues['comprehensionQuestions'][number] {
  return { itemId: newItemId('q'), question: '', options: [{ text: '' }, { text: '' }, { text: '' }], correctIndex: '0', topic: 'risks' };
}

/** A first version: every required part present but empty, "no treatment" already among the alternatives. */
export function blankTemplate(): TemplateFormValues {
  return {
    title: '',
    purpose: '',
    howItIsDone: '',
    expectedResult: '',
    recoveryTimeline: '',
    limitations: '',
    risks: [{ itemId: newItemId('risk'), text: '', frequency: 'common', severity: 'mild' }],
    alternatives: [{ itemId: NO_TREATMENT, text: '' }],
    aftercare: '',
    preOpInstructions: '',
    contraindications: [],
    comprehensionQuestions: [blankQuestion(), blankQuestion(), blankQuestion()],
  };
}

export function fromContent(c: TemplateContent): TemplateFormValues {
  return {
    title: c.title,
    purpose: c.purpose,
    howItIsDone: c.howItIsDone,
    expectedResult: c.expectedResult,
    recoveryTimeline: c.recoveryTimeline,
    limitations: c.limitations,
    risks: c.risks.map(({ id, ...r }) => ({ itemId: id, ...r })),
    alternatives: c.alternatives.map(({ id, text }) => ({ itemId: id, text })),
    aftercare: c.aftercare,
    preOpInstructions: c.preOpInstructions,
    contraindications: c.contraindications.map(({ id, text, flaggedBy }) => ({ itemId: id, text, flaggedBy: [...flaggedBy] })),
    comprehensionQuestions: c.comprehensionQuestions.map((q) => ({
      itemId: q.id,
      question: q.question,
      options: q.options.map((text) => ({ text })),
      correctIndex: String(q.correctIndex),
      topic: q.topic,
    })),
  };
}

export function toContent(v: TemplateFormValues): TemplateContentInput {
  return {
    title: v.title,
    purpose: v.purpose,
    howItIsDone: v.howItIsDone,
    expectedResult: v.expectedResult,
    recoveryTimeline: v.recoveryTimeline,
    limitations: v.limitations,
    risks: v.risks.map(({ itemId, ...r }) => ({ id: itemId, ...r })),
    alternatives: v.alternatives.map(({ itemId, text }) => ({ id: itemId, text })),
    aftercare: v.aftercare,
    preOpInstructions: v.preOpInstructions,
    // A checkbox group with nothing ticked reads as `false` rather than an empty list.
    contraindications: v.contraindications.map(({ itemId, text, flaggedBy }) => ({
      id: itemId,
      text,
      flaggedBy: Array.isArray(flaggedBy) ? flaggedBy : [],
    })),
    comprehensionQuestions: v.comprehensionQuestions.map((q) => ({
      id: q.itemId,
      question: q.question,
      options: q.options.map((o) => o.text),
      correctIndex: Number(q.correctIndex),
      topic: q.topic,
    })),
  };
}

/**
 * Issue paths into the editor: saveDraft nests the sheet under `content`; an item's (generated) identifier is
 * reported on the item; an answer option's text sits in `{ text }`.
 */
export const templateRename: Rename = (path: IssuePath) => {
  const p = path[0] === 'content' ? path.slice(1) : [...path];
  if (p[p.length - 1] === 'id') return p.slice(0, -1);
  if (p[0] === 'comprehensionQuestions' && p[2] === 'options' && typeof p[3] === 'number') return [...p.slice(0, 4), 'text'];
  return p;
};
