import { z } from 'zod';
import { isRealDate } from '../dates';
import { Anaesthesia, FollowUpLevel, ProcedureCategory } from './catalogue';
import { Id, IsoTime, requiredLine, text } from './common';
import { PhotoFileFields, PhotoMeta } from './consultation';
import { EditVersion } from './edit-version';

/** A calendar date as the clinic sees it. */
export const CalendarDate = z
  .string()
  .max(10, { error: 'validation.date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine(isRealDate, { error: 'validation.date' })
  .refine((s) => s >= '2000-01-01' && s <= '2100-12-31', { error: 'validation.date' });

const requiredText = (max: number) => text(max).refine((s) => s.length > 0, { error: 'validation.required' });
export const Note = text(4000);

// ---------------------------------------------------------------------------------------------------------------
// Treatment record
// ---------------------------------------------------------------------------------------------------------------

/** What was used, for traceability when a device or drug is questioned. */
export const ProductKind = z.enum(['drug', 'device', 'implant', 'consumable']);
export type ProductKind = z.infer<typeof ProductKind>;

export const TreatmentProduct = z
  .object({
    kind: ProductKind,
    name: requiredLine(120),
    brand: requiredLine(120),
    /** Lot or batch number; required for drugs, devices and implants (checked by the service). */
    lot: text(60).optional(),
    serialNo: text(60).optional(),
    expiryDate: CalendarDate.optional(),
    /** As written on the chart: "1.0 mL", "50 U", "2 支". */
    quantity: text(40).optional(),
  })
  .strict();
export type TreatmentProduct = z.infer<typeof TreatmentProduct>;

export const NewTreatment = z
  .object({
    consultationId: Id,
    /** When the procedure was performed (not when it was typed in); never in the future. */
    performedAt: IsoTime,
    /** Must be the consent's operating physician. */
    physicianId: Id,
    assistantIds: z.array(Id).max(10),
    anaesthesia: Anaesthesia,
    anaesthesiaDetails: text(500).optional(),
    products: z.array(TreatmentProduct).max(30),
    intraOpNotes: Note,
  })
  .strict();
export type NewTreatment = z.infer<typeof NewTreatment>;

export const Correction = z.object({ id: Id, text: z.string(), staffName: z.string(), createdAt: IsoTime }).strict();
export type Correction = z.infer<typeof Correction>;

export const Treatment = z
  .object({
    id: Id,
    consultationId: Id,
    consentId: Id,
    patientId: Id,
    patientName: z.string(),
    chartNo: z.string(),
    procedureName: z.string(),
    procedureNameEn: z.string(),
    procedureCategory: ProcedureCategory,
    performedAt: IsoTime,
    physicianId: Id,
    physicianName: z.string(),
    assistants: z.array(z.object({ id: Id, name: z.string() }).strict()),
    anaesthesia: Anaesthesia,
    anaesthesiaDetails: z.string().nullable(),
    products: z.array(
      TreatmentProduct.extend({ lot: z.string().nullable(), serialNo: z.string().nullable(), expiryDate: z.string().nullable(), quantity: z.string().nullable() }).strict(),
    ),
    intraOpNotes: z.string(),
    recordedByName: z.string(),
    createdAt: IsoTime,
    photos: z.array(PhotoMeta),
    corrections: z.array(Correction),
  })
  .strict();
export type Treatment = z.infer<typeof Treatment>;

/** An after photo: the same rules as before photos (JPEG or PNG, metadata removed in the main process). */
export const AftercarePhotoUpload = z.object(PhotoFileFields).strict();

export const CorrectionInput = requiredText(2000);

// ---------------------------------------------------------------------------------------------------------------
// Follow-up
// ---------------------------------------------------------------------------------------------------------------

export const FollowUpRole = FollowUpLevel.shape.role;
export const FollowUpMethod = FollowUpLevel.shape.method;
export type FollowUpMethod = z.infer<typeof FollowUpMethod>;

/** What a call or visit attempt came to; anything but `reached` is a failed attempt. */
export const AttemptResult = z.enum(['reached', 'no_answer', 'busy', 'voicemail', 'wrong_number', 'message_only']);
export type AttemptResult = z.infer<typeof AttemptResult>;
export const FAILED_ATTEMPTS_TO_ESCALATE = 3;

export const Grade = z.enum(['none', 'mild', 'moderate', 'severe']);
export type Grade = z.infer<typeof Grade>;
export const Bleeding = z.enum(['none', 'spotting', 'heavy']);

export const ComplicationType = z.enum([
  'haematoma',
  'infection',
  'vascular_occlusion',
  'nodule',
  'scarring',
  'asymmetry',
  'nerve_injury',
  'allergic_reaction',
  'burn',
  'implant_problem',
  'other',
]);
export type ComplicationType = z.infer<typeof ComplicationType>;
export const ComplicationSeverity = z.enum(['mild', 'moderate', 'severe']);
export type ComplicationSeverity = z.infer<typeof ComplicationSeverity>;

export const Complication = z
  .object({ type: ComplicationType, severity: ComplicationSeverity, management: requiredText(2000) })
  .strict();
export type Complication = z.infer<typeof Complication>;

/** The outcome form; the same fields at every level, so later dashboards compare like with like. */
export const OutcomeFields = z
  .object({
    pain: z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(0, { error: 'validation.tooSmall' }).max(10, { error: 'validation.tooBig' }),
    swelling: Grade,
    bruising: Grade,
    bleeding: Bleeding,
    infectionSigns: z.boolean(),
    fever: z.boolean(),
    numbness: z.boolean(),
    asymmetry: z.boolean(),
    visionChange: z.boolean(),
    skinColourChange: z.boolean(),
    /** 1–5; optional (a day-1 call about the wound need not ask). */
    satisfaction: z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(1, { error: 'validation.tooSmall' }).max(5, { error: 'validation.tooBig' }).nullable(),
    notes: Note,
    complication: Complication.nullable(),
  })
  .strict();
export type OutcomeFields = z.infer<typeof OutcomeFields>;

/** Findings that go to the operating physician at once, with a banner until acknowledged. */
export const RedFlag = z.enum(['infection_signs', 'fever', 'severe_pain', 'vision_change', 'skin_colour_change', 'heavy_bleeding']);
export type RedFlag = z.infer<typeof RedFlag>;
export const RED_FLAG_PAIN = 7;

export const EscalationKind = z.enum(['red_flag', 'unreachable']);
export type EscalationKind = z.infer<typeof EscalationKind>;

export const Escalation = z
  .object({
    id: Id,
    visitId: Id,
    kind: EscalationKind,
    physicianId: Id,
    physicianName: z.string(),
    redFlags: z.array(RedFlag),
    createdAt: IsoTime,
    acknowledgedAt: IsoTime.nullable(),
    acknowledgedByName: z.string().nullable(),
    acknowledgementNote: z.string().nullable(),
  })
  .strict();
export type Escalation = z.infer<typeof Escalation>;

export const Attempt = z
  .object({ id: Id, at: IsoTime, method: FollowUpMethod, result: AttemptResult, note: z.string(), staffName: z.string() })
  .strict();
export type Attempt = z.infer<typeof Attempt>;

/**
 * How an outcome was recorded: `prefilled_defaults` marks every outcome saved with the old form, which selected
 * normal findings before anyone was asked (it cannot be told from a real one); `blank_form` is an outcome recorded
 * after a contact, every finding chosen by the person recording it.
 */
export const OutcomeRecordedWith = z.enum(['prefilled_defaults', 'blank_form']);
export type OutcomeRecordedWith = z.infer<typeof OutcomeRecordedWith>;

export const Outcome = OutcomeFields.extend({
  redFlags: z.array(RedFlag),
  recordedAt: IsoTime,
  recordedByName: z.string(),
  corrections: z.array(Correction),
  recordedWith: OutcomeRecordedWith,
  /** The attempt that reached the patient (a call or an in-person visit); null for the old form's outcomes. */
  contactAttemptId: Id.nullable(),
}).strict();
export type Outcome = z.infer<typeof Outcome>;

export const DueState = z.enum(['upcoming', 'due_today', 'overdue']);

/** A visit in a worklist: who, what, when, and where it stands. */
export const VisitSummary = z
  .object({
    id: Id,
    treatmentId: Id,
    consultationId: Id,
    patientId: Id,
    patientName: z.string(),
    chartNo: z.string(),
    phone: z.string().nullable(),
    procedureName: z.string(),
    procedureNameEn: z.string(),
    performedAt: IsoTime,
    levelId: z.string(),
    dayOffset: z.number().int(),
    role: FollowUpRole,
    method: FollowUpMethod,
    focus: z.string(),
    dueDate: z.string(),
    dueState: DueState,
    /** Days past the due date (0 unless overdue). */
    daysOverdue: z.number().int(),
    assignedToId: Id.nullable(),
    assignedToName: z.string().nullable(),
    physicianId: Id,
    physicianName: z.string(),
    done: z.boolean(),
    failedAttempts: z.number().int(),
    openEscalations: z.array(EscalationKind),
    /** Bumped by a change of assignee and by the outcome: what followUps.assign and recordOutcome name (issue 14). */
    version: EditVersion,
  })
  .strict();
export type VisitSummary = z.infer<typeof VisitSummary>;

export const VisitDetail = VisitSummary.extend({
  attempts: z.array(Attempt),
  outcome: Outcome.nullable(),
  escalations: z.array(Escalation),
  photos: z.array(PhotoMeta),
}).strict();
export type VisitDetail = z.infer<typeof VisitDetail>;

export const Worklist = z
  .object({
    today: z.string(),
    dueToday: z.array(VisitSummary),
    overdue: z.array(VisitSummary),
    upcoming: z.array(VisitSummary),
  })
  .strict();
export type Worklist = z.infer<typeof Worklist>;

/** A red flag or unreachable patient waiting for the operating physician, with enough to act on it. */
export const EscalationItem = Escalation.extend({
  patientId: Id,
  patientName: z.string(),
  chartNo: z.string(),
  phone: z.string().nullable(),
  procedureName: z.string(),
  procedureNameEn: z.string(),
  dueDate: z.string(),
  levelId: z.string(),
}).strict();
export type EscalationItem = z.infer<typeof EscalationItem>;

export const WorklistScope = z.enum(['mine', 'all']);

// ---------------------------------------------------------------------------------------------------------------
// Quality figures over follow-up outcomes
// ---------------------------------------------------------------------------------------------------------------

export const QualityFiguresInput = z
  .object({
    /** Clinic calendar days of the outcome's recording, both included. */
    from: CalendarDate,
    to: CalendarDate,
    /** Outcomes recorded with the old pre-filled form: counted (and flagged) or left out. */
    prefilled: z.enum(['include', 'exclude']),
  })
  .strict()
  .refine((f) => f.from <= f.to, { error: 'validation.dateRangeOrder', path: ['to'] });

export const QualityFigureRow = z
  .object({
    procedureId: Id.nullable(),
    procedureName: z.string(),
    procedureNameEn: z.string(),
    outcomes: z.number().int(),
    /** Of `outcomes`, how many were recorded with pre-filled defaults (0 when they are left out). */
    prefilled: z.number().int(),
    withRedFlags: z.number().int(),
    withComplication: z.number().int(),
    meanPain: z.number().nullable(),
    meanSatisfaction: z.number().nullable(),
  })
  .strict();
export type QualityFigureRow = z.infer<typeof QualityFigureRow>;

export const QualityFigures = z
  .object({
    from: z.string(),
    to: z.string(),
    prefilled: z.enum(['include', 'exclude']),
    /** Pre-filled outcomes in the period, whether counted or left out. */
    prefilledInPeriod: z.number().int(),
    total: QualityFigureRow,
    byProcedure: z.array(QualityFigureRow),
  })
  .strict();
export type QualityFigures = z.infer<typeof QualityFigures>;

/** What importing the government's office calendar did. */
export const CalendarImportResult = z
  .object({
    from: z.string(),
    to: z.string(),
    rows: z.number().int(),
    added: z.number().int(),
    holidays: z.number().int(),
    workdays: z.number().int(),
    /** Dates already on the clinic calendar (entered by hand or imported before): left as they are. */
    kept: z.array(z.string()),
  })
  .strict();
export type CalendarImportResult = z.infer<typeof CalendarImportResult>;
