import { z } from 'zod';
import { isRealDate } from '../dates';
import { isValidTaiwanId, normalizeTaiwanId } from '../taiwan-id';
import { Id, IsoTime, Locale, requiredLine, text } from './common';
import { halfWidthString } from './typed-input';

export const Sex = z.enum(['female', 'male', 'other']);
export const PregnancyStatus = z.enum(['not_applicable', 'none', 'pregnant', 'breastfeeding', 'planning', 'unknown']);
export const SmokingStatus = z.enum(['never', 'former', 'current']);
/** Medicines that change bleeding, healing or the treatment plan: each is a risk flag on screening. */
export const RiskMedication = z.enum(['anticoagulant', 'antiplatelet', 'isotretinoin', 'immunosuppressant', 'systemic_steroid', 'photosensitising']);
export type RiskMedication = z.infer<typeof RiskMedication>;

// The same caps as requiredLine(20), after full-width letters and digits become half-width (Ａ００１ is A001).
export const ChartNo = halfWidthString()
  .max(40, { error: 'validation.tooLong' })
  .trim()
  .max(20, { error: 'validation.tooLong' })
  .refine((s) => s.length > 0, { error: 'validation.required' })
  .refine((s) => /^[A-Za-z0-9-]+$/.test(s), { error: 'validation.chartNoFormat' });
export const TaiwanId = z
  .string()
  .max(20, { error: 'validation.tooLong' })
  .transform(normalizeTaiwanId)
  .refine(isValidTaiwanId, { error: 'validation.taiwanId' });
export const Phone = halfWidthString()
  .max(40, { error: 'validation.tooLong' })
  .trim()
  .refine((s) => /^\+?[0-9][0-9 ()-]{5,24}$/.test(s), { error: 'validation.phone' });
export const BirthDate = z
  .string()
  .max(10, { error: 'validation.tooLong' })
  .refine(isRealDate, { error: 'validation.date' })
  .refine((s) => s >= '1900-01-01', { error: 'validation.birthDateTooEarly' })
  // Compared with the day after today in UTC so that every time zone's "today" is allowed.
  .refine((s) => s <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), { error: 'validation.birthDateFuture' });

export const Guardian = z
  .object({ name: requiredLine(40), relation: requiredLine(20), nationalId: TaiwanId, phone: Phone })
  .strict();
export type Guardian = z.infer<typeof Guardian>;

export const EmergencyContact = z.object({ name: requiredLine(40), relation: requiredLine(20), phone: Phone }).strict();

const optionalText = (max: number) => text(max).optional();

/** What staff type for a patient; the same shape for create and for edit. */
export const PatientFields = z
  .object({
    chartNo: ChartNo,
    nameZh: requiredLine(40),
    nameEn: optionalText(80),
    sex: Sex,
    birthDate: BirthDate,
    nationalId: TaiwanId.optional(),
    phone: Phone,
    email: z.email({ error: 'validation.email' }).max(254).optional(),
    lineId: optionalText(50),
    address: optionalText(200),
    emergencyContact: EmergencyContact.optional(),
    allergies: optionalText(1000),
    riskMedications: z.array(RiskMedication).max(6).default([]),
    medications: optionalText(1000),
    medicalHistory: optionalText(2000),
    priorProcedures: optionalText(2000),
    pregnancy: PregnancyStatus.default('unknown'),
    smoking: SmokingStatus.default('never'),
    keloidHistory: z.boolean().default(false),
    guardian: Guardian.optional(),
    preferredLocale: Locale.default('zh-TW'),
  })
  .strict();
export type PatientFields = z.infer<typeof PatientFields>;
export type PatientFieldsInput = z.input<typeof PatientFields>;

export const Patient = z
  .object({
    id: Id,
    chartNo: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    sex: Sex,
    birthDate: z.string(),
    nationalId: z.string().nullable(),
    phone: z.string(),
    email: z.string().nullable(),
    lineId: z.string().nullable(),
    address: z.string().nullable(),
    emergencyContact: EmergencyContact.nullable(),
    allergies: z.string().nullable(),
    riskMedications: z.array(RiskMedication),
    medications: z.string().nullable(),
    medicalHistory: z.string().nullable(),
    priorProcedures: z.string().nullable(),
    pregnancy: PregnancyStatus,
    smoking: SmokingStatus,
    keloidHistory: z.boolean(),
    guardian: Guardian.nullable(),
    preferredLocale: Locale,
    version: z.number().int().positive(),
    createdAt: IsoTime,
    updatedAt: IsoTime,
    /** Computed in the clinic's time zone when read. */
    age: z.number().int(),
    isMinor: z.boolean(),
  })
  .strict();
export type Patient = z.infer<typeof Patient>;

export const PatientSummary = z
  .object({
    id: Id,
    chartNo: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    sex: Sex,
    birthDate: z.string(),
    age: z.number().int(),
    phone: z.string(),
    consultationCount: z.number().int(),
    /** Set when the patient's records were destroyed after retention (issue 11): only the chart number is left. */
    destroyedAt: IsoTime.optional(),
  })
  .strict();
export type PatientSummary = z.infer<typeof PatientSummary>;

/** One earlier state of a patient record: who changed it, when, and what the fields were before. */
export const PatientRevision = z
  .object({
    version: z.number().int(),
    changedAt: IsoTime,
    changedById: Id,
    changedByName: z.string(),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }).strict()),
  })
  .strict();
export type PatientRevision = z.infer<typeof PatientRevision>;

export const PatientSearch = z
  .object({ query: halfWidthString().max(64, { error: 'validation.tooLong' }).trim(), limit: z.number().int().min(1).max(200).default(50) })
  .strict();

export const TimelineEntry = z
  .object({
    at: IsoTime,
    kind: z.enum(['patient_created', 'patient_updated', 'consultation', 'communication']),
    refId: z.string(),
    staffName: z.string().nullable(),
    summary: z.string(),
  })
  .strict();
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** The consultations on the patient page; consultation.ts narrows `status` to the workflow's states. */
export const PatientConsultation = z
  .object({
    id: Id,
    patientId: Id,
    /** The procedure's name in Chinese and in English; screens show the one of their language. */
    procedureName: z.string(),
    procedureNameEn: z.string(),
    consultantName: z.string(),
    physicianName: z.string(),
    status: z.string(),
    createdAt: IsoTime,
    disclosedAt: IsoTime.nullable(),
    coolingOffEndsAt: IsoTime.nullable(),
  })
  .strict();

export const PatientDetail = z
  .object({ patient: Patient, revisions: z.array(PatientRevision), consultations: z.array(PatientConsultation), timeline: z.array(TimelineEntry) })
  .strict();
export type PatientDetail = z.infer<typeof PatientDetail>;
