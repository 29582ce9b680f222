import { z } from 'zod';
import type { Channel } from './api';
import { QualityFigures, QualityFiguresInput } from './schemas/aftercare';
import { AuditCsv, AuditCsvRequest, AuditListItem, AuditPage, AuditSearch } from './schemas/audit';
import { Ack, Id } from './schemas/common';
import { AssessFlagsInput, ConsultationFlags } from './schemas/risk-flags';
import { Password, type Role } from './schemas/staff';

const ALL_STAFF = ['admin', 'physician', 'consultant', 'nurse'] as const satisfies readonly Role[];
const ADMIN = ['admin'] as const satisfies readonly Role[];
/** Those who run the signing screen, where the operating physician assesses the flags (as on consents.sign). */
const AT_SIGNING = ['consultant', 'physician', 'admin'] as const satisfies readonly Role[];

/**
 * Clinic safety (issue 12): quality figures that can leave out pre-filled outcomes, risk flags that travel to the
 * physician, the treatment and the patient banner, handing the screen back from the patient, and the audit trail
 * that answers "who looked at this patient?".
 */
export const safetyChannels = {
  /** Outcomes per procedure over a period; the old form's pre-filled outcomes counted and flagged, or left out. */
  'followUps.qualityFigures': { input: QualityFiguresInput, output: QualityFigures, access: ['physician', 'admin'] as const satisfies readonly Role[] },

  'riskFlags.forConsultation': { input: z.object({ consultationId: Id }).strict(), output: ConsultationFlags, access: ALL_STAFF },
  /** The patient's consultations still under way (not closed or withdrawn) that carry a flag. */
  'riskFlags.forPatient': { input: z.object({ patientId: Id }).strict(), output: z.array(ConsultationFlags), access: ALL_STAFF },
  /** The operating physician's written assessment, with their password (the same lockout as sign-in). */
  'riskFlags.assess': { input: AssessFlagsInput, output: ConsultationFlags, access: AT_SIGNING },

  /**
   * The staff member takes the screen back from the patient (reading mode, the tablet signing view): their own
   * password, checked by the main process with the sign-in lockout. A wrong one keeps the patient view.
   */
  'session.handBack': {
    input: z.object({ password: Password, view: z.enum(['reading_mode', 'tablet_signing']), consultationId: Id }).strict(),
    output: Ack,
    access: ALL_STAFF,
  },

  /** The trail filtered by patient, staff member, action and clinic days, newest first, a page at a time. */
  'audit.search': { input: AuditSearch, output: AuditPage, access: ADMIN },
  /** One event in full, with every patient it names. */
  'audit.event': { input: z.object({ seq: z.number().int().positive() }).strict(), output: AuditListItem, access: ADMIN },
  /** The filtered trail as CSV (UTF-8 with BOM, for Excel); the export is itself recorded. */
  'audit.exportCsv': { input: AuditCsvRequest, output: AuditCsv, access: ADMIN },
  /** Every action the trail holds, for the filter. */
  'audit.actions': { input: z.object({}).strict(), output: z.array(z.string()), access: ADMIN },
} as const satisfies Record<string, Channel>;

export type SafetyChannel = keyof typeof safetyChannels;
