import { z } from 'zod';
import {
    AftercarePhotoUpload,
    CorrectionInput,
    NewTreatment,
    Treatment
} from '../schemas/aftercare';
import { Id } from '../schemas/common';
import { ALL_STAFF, type Channel, TREATING } from './channel';

/** The treatments channels: what each takes, returns and who may call it. */
export const treatmentsChannels = {
  /** Only on a fully signed, not withdrawn consent, by the consent's operating physician; creates the follow-up visits. */
  'treatments.record': { input: NewTreatment, output: Treatment, access: TREATING },
  'treatments.get': { input: z.object({ treatmentId: Id }).strict(), output: Treatment, access: ALL_STAFF },
  'treatments.forConsultation': { input: z.object({ consultationId: Id }).strict(), output: Treatment.nullable(), access: ALL_STAFF },
  'treatments.addPhoto': { input: AftercarePhotoUpload.extend({ treatmentId: Id }).strict(), output: Treatment, access: TREATING },
  'treatments.correct': { input: z.object({ treatmentId: Id, text: CorrectionInput }).strict(), output: Treatment, access: TREATING },
} as const satisfies Record<string, Channel>;
