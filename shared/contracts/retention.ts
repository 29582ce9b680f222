import { z } from 'zod';
import { Empty, Id } from '../schemas/common';
import {
    ConfirmDestructionInput,
    DestructionOutcome,
    DestructionRecord,
    PatientRetention,
    PlaceHoldInput,
    ProposalView,
    ProposeInput,
    ReleaseHoldInput,
    RetentionOverview,
    WithdrawProposalInput,
} from '../schemas/retention';
import { ADMIN, ALL_STAFF, type Channel } from './channel';

/** The retention channels: what each takes, returns and who may call it. */
export const retentionChannels = {
  /** The patient's retention date, holds, pending proposal, or the destruction record once destroyed. */
  'retention.forPatient': { input: z.object({ patientId: Id }).strict(), output: PatientRetention, access: ALL_STAFF },
  /** Patients past retention (with their holds), pending proposals, recent destructions. */
  'retention.overview': { input: Empty, output: RetentionOverview, access: ADMIN },
  'retention.placeHold': { input: PlaceHoldInput, output: PatientRetention, access: ADMIN },
  'retention.releaseHold': { input: ReleaseHoldInput, output: PatientRetention, access: ADMIN },
  /** One proposal per patient; only past retention and not held. */
  'retention.propose': { input: ProposeInput, output: z.array(ProposalView), access: ADMIN },
  'retention.withdrawProposal': { input: WithdrawProposalInput, output: ProposalView, access: ADMIN },
  /** A second administrator (not the proposer) confirms with their own password; the records are destroyed at once. */
  'retention.confirmDestruction': { input: ConfirmDestructionInput, output: DestructionOutcome, access: ADMIN },
  /** The destruction log, newest first (kept at least five years: never deleted). */
  'retention.log': { input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(), output: z.array(DestructionRecord), access: ADMIN },
} as const satisfies Record<string, Channel>;
