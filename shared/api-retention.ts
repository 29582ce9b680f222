import { z } from 'zod';
import type { Channel } from './api';
import { Empty, Id } from './schemas/common';
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
} from './schemas/retention';
import type { Role } from './schemas/staff';

const ALL_STAFF = ['admin', 'physician', 'consultant', 'nurse'] as const satisfies readonly Role[];
const ADMIN = ['admin'] as const satisfies readonly Role[];

/** Retention dates, legal holds and destruction by two administrators (issue 11). */
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

export type RetentionChannel = keyof typeof retentionChannels;
