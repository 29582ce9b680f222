import { z } from 'zod';
import { Id, IsoTime, Locale, requiredLine, text } from './common';
import { EditVersion } from './edit-version';
import { RiskMedication } from './patient';
import { Role } from './staff';

export const ProcedureCategory = z.enum(['surgical', 'injectable', 'energy_device', 'other']);
export type ProcedureCategory = z.infer<typeof ProcedureCategory>;
export const Anaesthesia = z.enum(['none', 'topical', 'local', 'sedation', 'general']);
export type Anaesthesia = z.infer<typeof Anaesthesia>;

/** Surgery waits 14 days by default; everything else at least 1 (never treated on the day of the explanation). */
export const DEFAULT_COOLING_OFF_DAYS: Record<ProcedureCategory, number> = { surgical: 14, injectable: 1, energy_device: 1, other: 1 };
export const MIN_COOLING_OFF_DAYS = 1;

/** A stable identifier inside a template (risk, question, contraindication): lower-case words joined by '_' or '-'. */
export const ItemId = z
  .string()
  .max(64, { error: 'validation.tooLong' })
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'validation.itemId' });

export const FollowUpLevel = z
  .object({
    id: ItemId,
    dayOffset: z.number().int().min(0).max(365),
    role: Role.exclude(['admin']),
    method: z.enum(['phone', 'visit', 'phone_or_visit', 'message']),
    focus: requiredLine(200),
  })
  .strict();
export const FollowUpPlan = z.array(FollowUpLevel).min(1).max(10);
export type FollowUpPlan = z.infer<typeof FollowUpPlan>;

export const RiskFrequency = z.enum(['common', 'uncommon', 'rare', 'very_rare']);
export const RiskSeverity = z.enum(['mild', 'moderate', 'severe']);
export const Risk = z.object({ id: ItemId, text: requiredLine(600), frequency: RiskFrequency, severity: RiskSeverity }).strict();
export type Risk = z.infer<typeof Risk>;

/** A reason not to treat, or to treat with care; `flaggedBy` ties it to facts in the patient's record. */
export const Contraindication = z
  .object({
    id: ItemId,
    text: requiredLine(300),
    flaggedBy: z
      .array(z.union([RiskMedication, z.enum(['pregnancy', 'breastfeeding', 'smoking', 'keloid', 'minor'])]))
      .max(8)
      .default([]),
  })
  .strict();
export type Contraindication = z.infer<typeof Contraindication>;

export const ComprehensionTopic = z.enum(['purpose', 'expected_result', 'limitations', 'risks', 'alternatives', 'aftercare', 'pre_op']);
export type ComprehensionTopic = z.infer<typeof ComprehensionTopic>;
export const ComprehensionQuestion = z
  .object({
    id: ItemId,
    question: requiredLine(300),
    options: z.array(requiredLine(200)).min(2).max(5),
    correctIndex: z.number().int().min(0).max(4),
    topic: ComprehensionTopic,
  })
  .strict()
  .refine((q) => q.correctIndex < q.options.length, { error: 'validation.correctIndex', path: ['correctIndex'] });

export const Alternative = z.object({ id: ItemId, text: requiredLine(400) }).strict();

/** The explanation sheet of one procedure in one language. A published version never changes. */
export const TemplateContent = z
  .object({
    title: requiredLine(120),
    purpose: text(2000).pipe(z.string().min(1, { error: 'validation.required' })),
    howItIsDone: text(3000).pipe(z.string().min(1, { error: 'validation.required' })),
    expectedResult: text(2000).pipe(z.string().min(1, { error: 'validation.required' })),
    recoveryTimeline: text(2000).pipe(z.string().min(1, { error: 'validation.required' })),
    limitations: text(2000).pipe(z.string().min(1, { error: 'validation.required' })),
    risks: z.array(Risk).min(1).max(40),
    alternatives: z.array(Alternative).min(1).max(10),
    aftercare: text(3000).pipe(z.string().min(1, { error: 'validation.required' })),
    preOpInstructions: text(3000).pipe(z.string().min(1, { error: 'validation.required' })),
    contraindications: z.array(Contraindication).max(30),
    comprehensionQuestions: z.array(ComprehensionQuestion).min(3).max(5),
  })
  .strict()
  .superRefine((c, ctx) => {
    const unique = (ids: string[], path: string) => {
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: [path], message: 'validation.duplicateItemId' });
    };
    unique(c.risks.map((r) => r.id), 'risks');
    unique(c.alternatives.map((a) => a.id), 'alternatives');
    unique(c.contraindications.map((a) => a.id), 'contraindications');
    unique(c.comprehensionQuestions.map((a) => a.id), 'comprehensionQuestions');
    if (!c.alternatives.some((a) => a.id === 'no_treatment')) {
      ctx.addIssue({ code: 'custom', path: ['alternatives'], message: 'validation.noTreatmentAlternative' });
    }
  });
export type TemplateContent = z.infer<typeof TemplateContent>;
export type TemplateContentInput = z.input<typeof TemplateContent>;

/** What a quote line is for (the fee quote uses the same kinds). */
export const PriceItemKind = z.enum(['procedure', 'anaesthesia', 'materials', 'follow_up', 'possible_extra', 'other']);
export const PriceAmountTwd = z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(0, { error: 'validation.amountNegative' }).max(10_000_000, { error: 'validation.tooBig' });
export const PriceItem = z.object({ kind: PriceItemKind, description: requiredLine(200), amountTwd: PriceAmountTwd }).strict();
export type PriceItem = z.infer<typeof PriceItem>;
/** A named set of quote lines sold together (e.g. three sessions), offered instead of the standard lines. */
export const PricePackage = z.object({ id: ItemId, name: requiredLine(120), items: z.array(PriceItem).min(1).max(30) }).strict();
export type PricePackage = z.infer<typeof PricePackage>;
/** The standard quote lines and packages of a procedure: where a fee quote starts (it stays editable). */
export const PriceList = z
  .object({ items: z.array(PriceItem).max(30), packages: z.array(PricePackage).max(10) })
  .strict()
  .superRefine((p, ctx) => {
    if (new Set(p.packages.map((k) => k.id)).size !== p.packages.length) ctx.addIssue({ code: 'custom', path: ['packages'], message: 'validation.duplicateItemId' });
  });
export type PriceList = z.infer<typeof PriceList>;
export const EMPTY_PRICE_LIST: PriceList = { items: [], packages: [] };

export const ProcedureFields = z
  .object({
    code: ItemId,
    nameZh: requiredLine(80),
    nameEn: requiredLine(120),
    category: ProcedureCategory,
    anaesthesia: Anaesthesia,
    witnessRequired: z.boolean(),
    coolingOffDays: z.number().int().min(MIN_COOLING_OFF_DAYS, { error: 'validation.coolingOffMin' }).max(90),
    followUpPlan: FollowUpPlan,
    /** Left out: unchanged on an edit, empty for a new procedure. */
    priceList: PriceList.optional(),
  })
  .strict();
export type ProcedureFields = z.infer<typeof ProcedureFields>;

/** `version`: bumped by every save; the procedure form sends back the one it loaded (issue 14). */
export const Procedure = ProcedureFields.extend({ priceList: PriceList, id: Id, active: z.boolean(), createdAt: IsoTime, updatedAt: IsoTime, version: z.number().int().positive() }).strict();
export type Procedure = z.infer<typeof Procedure>;

export const TemplateStatus = z.enum(['draft', 'published']);
export const DisclosureTemplate = z
  .object({
    id: Id,
    procedureId: Id,
    locale: Locale,
    version: z.number().int().positive(),
    status: TemplateStatus,
    content: TemplateContent,
    createdAt: IsoTime,
    publishedAt: IsoTime.nullable(),
    publishedByName: z.string().nullable(),
    /** Counts the saves of a draft over itself (issue 14); `version` numbers the template's versions. */
    editVersion: EditVersion,
  })
  .strict();
export type DisclosureTemplate = z.infer<typeof DisclosureTemplate>;

export const TemplateVersionInfo = z
  .object({
    id: Id,
    locale: Locale,
    version: z.number().int(),
    status: TemplateStatus,
    createdAt: IsoTime,
    publishedAt: IsoTime.nullable(),
    contentSha256: z.string(),
    editVersion: EditVersion,
  })
  .strict();
export type TemplateVersionInfo = z.infer<typeof TemplateVersionInfo>;

/** A procedure with the state of its templates, for the catalogue list and the consultation's procedure picker. */
export const ProcedureListItem = Procedure.extend({
  publishedVersion: z.object({ 'zh-TW': z.number().int().nullable(), en: z.number().int().nullable() }).strict(),
  hasDraft: z.boolean(),
}).strict();
export type ProcedureListItem = z.infer<typeof ProcedureListItem>;
