import { z } from 'zod';
import { Id, IsoTime, text } from './common';
import { BODY_IMAGE_QUESTIONS, ConsultationStatus } from './consultation';
import { Password } from './staff';

/**
 * A risk flag of a consultation, carried from the screening to the physician's countersign checklist, the
 * treatment form, the patient banner and the nurse's "ready for treatment" list.
 * - `record`: a fact of the patient's record (medicines, pregnancy, allergies, …), addressed in writing by the consultant;
 * - `contraindication`: a contraindication of the explanation sheet answered "present";
 * - `body_image`: any "yes" in the body-image screen ("physician to assess").
 */
export const FlagKind = z.enum(['record', 'contraindication', 'body_image']);
export type FlagKind = z.infer<typeof FlagKind>;

/** Kinds the operating physician must assess in writing before countersigning. */
export const PHYSICIAN_ASSESSES: readonly FlagKind[] = ['contraindication', 'body_image'];

export const FlagAssessment = z.object({ text: z.string(), physicianName: z.string(), at: IsoTime }).strict();
export type FlagAssessment = z.infer<typeof FlagAssessment>;

export const ConsultationFlag = z
  .object({
    kind: FlagKind,
    /** The record flag, the contraindication's id, or `body_image`. */
    key: z.string(),
    /** The contraindication's text as the sheet words it (empty for the other kinds, which the locale names). */
    label: z.string(),
    /** What the consultant wrote about it at the screening. */
    consultantNote: z.string(),
    /** For `body_image`: the questions answered "yes". */
    bodyImageAnswers: z.array(z.enum(BODY_IMAGE_QUESTIONS)),
    /** Whether the operating physician must assess it in writing before countersigning. */
    needsAssessment: z.boolean(),
    assessment: FlagAssessment.nullable(),
  })
  .strict();
export type ConsultationFlag = z.infer<typeof ConsultationFlag>;

/** The flags of one consultation, with where it stands. */
export const ConsultationFlags = z
  .object({
    consultationId: Id,
    patientId: Id,
    procedureName: z.string(),
    procedureNameEn: z.string(),
    status: ConsultationStatus,
    physicianId: Id,
    physicianName: z.string(),
    flags: z.array(ConsultationFlag),
    /** Flags the physician must assess that have no assessment yet. */
    awaitingAssessment: z.number().int(),
  })
  .strict();
export type ConsultationFlags = z.infer<typeof ConsultationFlags>;

/** A flag as a chip in a list (Home's "ready for treatment", awaiting the physician). */
export const FlagChip = z.object({ kind: FlagKind, key: z.string(), label: z.string(), assessed: z.boolean(), needsAssessment: z.boolean() }).strict();
export type FlagChip = z.infer<typeof FlagChip>;

/** The operating physician's written assessment of flags, authenticated with their password (the consultant's session may be the one signed in). */
export const AssessFlagsInput = z
  .object({
    consultationId: Id,
    physicianId: Id,
    password: Password,
    assessments: z
      .array(
        z
          .object({
            kind: FlagKind,
            key: z.string().min(1).max(60),
            text: text(2000).refine((s) => s.length > 0, { error: 'validation.required' }),
          })
          .strict(),
      )
      .min(1, { error: 'validation.required' })
      .max(40),
  })
  .strict();
export type AssessFlagsInput = z.infer<typeof AssessFlagsInput>;
