import { z } from 'zod';
import { Id, IsoTime, Locale, text } from './common';
import { ComprehensionTopic, ItemId, PriceItemKind, TemplateContent } from './catalogue';
import { PatientConsultation } from './patient';
import { typedNumber } from './typed-input';
import { CapturedAtSource, PHOTO_UPLOAD_MAX_BYTES, PhotoAngle, PhotoArea } from './photo';

/**
 * draft -> disclosed (every risk acknowledged, comprehension passed, quote acknowledged, guardian for a minor)
 * -> [cooling-off, derived from time] -> patient_signed -> fully_signed -> treated -> follow_up -> closed;
 * withdrawn is reachable before treatment.
 */
export const ConsultationStatus = z.enum(['draft', 'disclosed', 'patient_signed', 'fully_signed', 'treated', 'follow_up', 'closed', 'withdrawn']);
export type ConsultationStatus = z.infer<typeof ConsultationStatus>;

/** Facts in the patient's record that must be addressed in writing before disclosure. */
export const RecordFlag = z.enum([
  'anticoagulant',
  'antiplatelet',
  'isotretinoin',
  'immunosuppressant',
  'systemic_steroid',
  'photosensitising',
  'pregnancy',
  'breastfeeding',
  'smoking',
  'keloid',
  'minor',
  'allergies',
]);
export type RecordFlag = z.infer<typeof RecordFlag>;

/** A short body-image screen (BDD-style questions); any "yes" flags the case for the physician. */
export const BODY_IMAGE_QUESTIONS = ['preoccupied', 'distress', 'avoidance', 'repeatedProcedures'] as const;
export const BodyImageScreen = z
  .object({
    preoccupied: z.boolean(),
    distress: z.boolean(),
    avoidance: z.boolean(),
    repeatedProcedures: z.boolean(),
  })
  .strict();
export type BodyImageScreen = z.infer<typeof BodyImageScreen>;

export const Note = text(2000);

export const ScreeningInput = z
  .object({
    contraindications: z
      .array(z.object({ id: ItemId, present: z.boolean(), note: Note.optional() }).strict())
      .max(30),
    flagNotes: z.array(z.object({ flag: RecordFlag, note: Note }).strict()).max(12),
    bodyImage: BodyImageScreen,
  })
  .strict();
export type ScreeningInput = z.infer<typeof ScreeningInput>;

export const GoalsInput = z
  .object({ goals: Note, assessment: Note, expectedResult: Note, cannotAchieve: Note })
  .strict();
export type GoalsInput = z.infer<typeof GoalsInput>;

/** The same kinds as a procedure's price list, so its lines become quote lines as they are. */
export const QuoteItemKind = PriceItemKind;
export const QuoteItem = z
  .object({
    kind: QuoteItemKind,
    description: text(200).refine((s) => s.length > 0, { error: 'validation.required' }),
    amountTwd: typedNumber(z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(0, { error: 'validation.amountNegative' }).max(10_000_000, { error: 'validation.tooBig' })),
  })
  .strict();
export const FeeQuote = z
  .object({
    items: z.array(QuoteItem).min(1).max(30),
    revisionPolicy: text(1000).refine((s) => s.length > 0, { error: 'validation.required' }),
    refundPolicy: text(1000).refine((s) => s.length > 0, { error: 'validation.required' }),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (!q.items.some((i) => i.kind === 'procedure')) ctx.addIssue({ code: 'custom', path: ['items'], message: 'validation.quoteNeedsProcedure' });
  });
export type FeeQuote = z.infer<typeof FeeQuote>;

export const AlternativesInput = z
  .object({
    discussed: z.array(z.object({ id: ItemId, note: Note.optional() }).strict()).min(1).max(10),
    preOpInstructionsGiven: z.literal(true, { error: 'validation.preOpRequired' }),
  })
  .strict();

export const ReadingSection = z.enum(['purpose', 'how_it_is_done', 'expected_result', 'limitations', 'risks', 'alternatives', 'aftercare', 'pre_op', 'quote']);

export const RiskAcknowledgement = z
  .object({
    riskId: ItemId,
    explainedAt: IsoTime,
    acknowledgedAt: IsoTime,
    method: z.enum(['consultant_tap', 'patient_reading_mode']),
    questions: z.string().nullable(),
    recordedByName: z.string(),
  })
  .strict();
export type RiskAcknowledgement = z.infer<typeof RiskAcknowledgement>;

export const ComprehensionAnswer = z
  .object({ questionId: ItemId, attempt: z.number().int(), chosenIndex: z.number().int(), correct: z.boolean(), answeredAt: IsoTime })
  .strict();

export const PhotoMeta = z
  .object({
    id: Id,
    consultationId: Id.nullable(),
    kind: z.enum(['before', 'after']),
    sha256: z.string(),
    mime: z.string(),
    size: z.number().int(),
    capturedAt: IsoTime,
    /** Null for photos stored before the source was kept (migration 0150). */
    capturedAtSource: CapturedAtSource.nullable(),
    angle: PhotoAngle.nullable(),
    area: PhotoArea.nullable(),
    marketingConsent: z.boolean(),
    marketingWithdrawnAt: IsoTime.nullable(),
    createdAt: IsoTime,
  })
  .strict();
export type PhotoMeta = z.infer<typeof PhotoMeta>;

/** What must still happen before the consultation can be disclosed (shown as a checklist; empty = ready). */
export const DisclosureGap = z.enum([
  'screening',
  'flag_notes',
  'contraindication_notes',
  'goals',
  'risks',
  'alternatives',
  'quote',
  'quote_acknowledgement',
  'comprehension',
  'guardian',
]);
export type DisclosureGap = z.infer<typeof DisclosureGap>;

export const Consultation = z
  .object({
    id: Id,
    patientId: Id,
    patientName: z.string(),
    consultantId: Id,
    consultantName: z.string(),
    physicianId: Id,
    physicianName: z.string(),
    /** Printed beside the physician's name on the consent; kept here so a deactivated physician still shows it. */
    physicianSpecialty: z.string().nullable(),
    physicianLicenceNo: z.string().nullable(),
    procedureId: Id,
    procedureName: z.string(),
    templateId: Id,
    templateVersion: z.number().int(),
    locale: Locale,
    status: ConsultationStatus,
    screening: ScreeningInput.nullable(),
    /** Facts in the patient record that this consultation must address. */
    recordFlags: z.array(RecordFlag),
    bodyImageFlag: z.boolean(),
    goals: GoalsInput.nullable(),
    alternatives: AlternativesInput.nullable(),
    quote: FeeQuote.nullable(),
    quoteTotalTwd: z.number().int().nullable(),
    quoteAcknowledgedAt: IsoTime.nullable(),
    riskAcknowledgements: z.array(RiskAcknowledgement),
    readingSeconds: z.record(z.string(), z.number().int()),
    comprehensionAnswers: z.array(ComprehensionAnswer),
    comprehensionPassedAt: IsoTime.nullable(),
    photos: z.array(PhotoMeta),
    gaps: z.array(DisclosureGap),
    coolingOffDays: z.number().int(),
    disclosedAt: IsoTime.nullable(),
    coolingOffEndsAt: IsoTime.nullable(),
    createdAt: IsoTime,
    updatedAt: IsoTime,
    /** The edit version the screen loaded: a step's save sends it back (issue 14). */
    version: z.number().int().positive(),
  })
  .strict();
export type Consultation = z.infer<typeof Consultation>;

export const ConsultationView = z.object({ consultation: Consultation, template: TemplateContent }).strict();
export type ConsultationView = z.infer<typeof ConsultationView>;

/** The patient page's row, with the status narrowed to the workflow's states. */
export const ConsultationSummary = PatientConsultation.extend({ status: ConsultationStatus }).strict();
export type ConsultationSummary = z.infer<typeof ConsultationSummary>;

export const ComprehensionResult = z
  .object({
    passed: z.boolean(),
    wrong: z.array(z.object({ questionId: ItemId, topic: ComprehensionTopic }).strict()),
  })
  .strict();

export const PHOTO_MAX_BYTES = PHOTO_UPLOAD_MAX_BYTES;
/**
 * The file of a photo channel: `uploadId` of bytes sent ahead (the renderer, any size up to one photo's), or
 * `dataBase64` inline (the CLI and small files; the browser host's JSON body limit applies). Exactly one.
 */
export const PhotoFileFields = {
  mime: z.enum(['image/jpeg', 'image/png']),
  uploadId: Id.optional(),
  /** base64 of the file as picked or captured; metadata is removed in the main process. */
  dataBase64: z.base64().max(Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 4, { error: 'validation.photoTooLarge' }).optional(),
  /** Used when the file carries no capture time of its own (a camera capture in the app). */
  capturedAt: IsoTime.optional(),
  angle: PhotoAngle.optional(),
  area: PhotoArea.optional(),
  marketingConsent: z.boolean(),
};
export const PhotoUpload = z.object({ consultationId: Id, ...PhotoFileFields }).strict();
