import { z } from 'zod';
import { Id, IsoTime } from '../schemas/common';
import { EditVersion } from '../schemas/edit-version';
import {
    AlternativesInput,
    ComprehensionResult,
    ConsultationView,
    FeeQuote,
    GoalsInput,
    Note,
    PhotoUpload,
    ReadingSection,
    ScreeningInput
} from '../schemas/consultation';
import { ALL_STAFF, type Channel, CONSULTING } from './channel';

/** The consultations channels: what each takes, returns and who may call it. */
export const consultationsChannels = {
  'consultations.start': {
    input: z.object({ patientId: Id, procedureId: Id, physicianId: Id }).strict(),
    output: ConsultationView,
    access: CONSULTING,
  },
  'consultations.get': { input: z.object({ consultationId: Id }).strict(), output: ConsultationView, access: ALL_STAFF },
  'consultations.saveScreening': {
    input: z.object({ consultationId: Id, expectedVersion: EditVersion, screening: ScreeningInput }).strict(),
    output: ConsultationView,
    access: CONSULTING,
  },
  'consultations.saveGoals': { input: z.object({ consultationId: Id, expectedVersion: EditVersion, goals: GoalsInput }).strict(), output: ConsultationView, access: CONSULTING },
  'consultations.addPhoto': { input: PhotoUpload, output: ConsultationView, access: CONSULTING },
  'consultations.acknowledgeRisk': {
    input: z
      .object({
        consultationId: Id,
        riskId: z.string().max(64),
        questions: Note.optional(),
        method: z.enum(['consultant_tap', 'patient_reading_mode']),
        explainedAt: IsoTime.optional(),
      })
      .strict(),
    output: ConsultationView,
    access: CONSULTING,
  },
  'consultations.recordReading': {
    input: z.object({ consultationId: Id, section: ReadingSection, seconds: z.number().int().min(0).max(3600) }).strict(),
    output: z.object({ readingSeconds: z.record(z.string(), z.number().int()) }).strict(),
    access: CONSULTING,
  },
  'consultations.saveAlternatives': {
    input: z.object({ consultationId: Id, expectedVersion: EditVersion, alternatives: AlternativesInput }).strict(),
    output: ConsultationView,
    access: CONSULTING,
  },
  'consultations.saveQuote': { input: z.object({ consultationId: Id, expectedVersion: EditVersion, quote: FeeQuote }).strict(), output: ConsultationView, access: CONSULTING },
  /** `totalTwd`: the total the patient was shown; refused when the saved quote's total differs. */
  'consultations.acknowledgeQuote': { input: z.object({ consultationId: Id, totalTwd: z.number().int().min(0).optional() }).strict(), output: ConsultationView, access: CONSULTING },
  'consultations.answerComprehension': {
    input: z
      .object({
        consultationId: Id,
        answers: z.array(z.object({ questionId: z.string().max(64), chosenIndex: z.number().int().min(0).max(4) }).strict()).min(1).max(5),
      })
      .strict(),
    output: ConsultationView.extend({ result: ComprehensionResult }).strict(),
    access: CONSULTING,
  },
  'consultations.disclose': { input: z.object({ consultationId: Id }).strict(), output: ConsultationView, access: CONSULTING },
} as const satisfies Record<string, Channel>;
