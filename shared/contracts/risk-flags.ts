import { z } from 'zod';
import { Id } from '../schemas/common';
import { AssessFlagsInput, ConsultationFlags } from '../schemas/risk-flags';
import { ALL_STAFF, AT_SIGNING, type Channel } from './channel';

/** The risk-flags channels: what each takes, returns and who may call it. */
export const riskFlagsChannels = {
  'riskFlags.forConsultation': { input: z.object({ consultationId: Id }).strict(), output: ConsultationFlags, access: ALL_STAFF },
  /** The patient's consultations still under way (not closed or withdrawn) that carry a flag. */
  'riskFlags.forPatient': { input: z.object({ patientId: Id }).strict(), output: z.array(ConsultationFlags), access: ALL_STAFF },
  /** The operating physician's written assessment, with their password (the same lockout as sign-in). */
  'riskFlags.assess': { input: AssessFlagsInput, output: ConsultationFlags, access: AT_SIGNING },
} as const satisfies Record<string, Channel>;
