import { z } from 'zod';
import { EscalationItem, VisitSummary } from './aftercare';
import { BackupHomeStatus } from './backup';
import { Id, IsoTime } from './common';
import { ComplaintSummary, IncidentView } from './complaint';
import { FlagChip } from './risk-flags';
import { Role } from './staff';

/** A consultation waiting for someone: a countersignature, the end of a cooling-off period, a treatment. */
export const WaitingItem = z
  .object({
    consultationId: Id,
    consentId: Id.nullable(),
    patientId: Id,
    patientName: z.string(),
    chartNo: z.string(),
    procedureName: z.string(),
    procedureNameEn: z.string(),
    at: IsoTime,
    /** The consultation's risk flags, so they travel to whoever treats or countersigns. */
    flags: z.array(FlagChip),
  })
  .strict();
export type WaitingItem = z.infer<typeof WaitingItem>;

/**
 * A partial evidence pack (patient records) an interrupted export left on a folder or drive that could not be
 * reached: the administrator should delete it once the drive is back.
 */
export const ExportLeftover = z
  .object({ exportId: Id, packNo: z.number().int().positive(), path: z.string(), abandonedAt: IsoTime })
  .strict();
export type ExportLeftover = z.infer<typeof ExportLeftover>;

/** What needs the signed-in person today; each list is empty where the role has nothing of that kind. */
export const HomeToday = z
  .object({
    today: z.string(),
    awaitingPhysician: z.array(WaitingItem),
    coolingOffEnding: z.array(WaitingItem),
    readyForTreatment: z.array(WaitingItem),
    followUpsDueToday: z.array(VisitSummary),
    followUpsOverdue: z.array(VisitSummary),
    escalations: z.array(EscalationItem),
    complaints: z.array(ComplaintSummary),
    incidents: z.array(IncidentView),
    /** Administrators only. */
    exportLeftovers: z.array(ExportLeftover),
    /** Administrators only: the last verified backup's age and place, and a failure after it (issue 11). */
    backup: BackupHomeStatus.nullable(),
  })
  .strict();
export type HomeToday = z.infer<typeof HomeToday>;

/** Colleagues, for assigning work (assistants in a treatment, an owner, a follow-up visit). */
export const TeamMember = z.object({ id: Id, name: z.string(), role: Role }).strict();
export type TeamMember = z.infer<typeof TeamMember>;
