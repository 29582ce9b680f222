import { z } from 'zod';
import { Empty, Id } from '../schemas/common';
import { EvidencePreview, EvidenceRequest, ExportInput, ExportStatus, HostFileInfo, VerifySource } from '../schemas/evidence';
import { JobRef } from '../schemas/jobs';
import { ADMIN, ALL_STAFF, type Channel } from './channel';

/** The evidence channels: what each takes, returns and who may call it. */
export const evidenceChannels = {
  /** Evidence packs (issue 5). What a pack for this patient and scope would hold. */
  'evidence.preview': { input: EvidenceRequest, output: EvidencePreview, access: ADMIN },
  /** Starts writing a pack in the background; `evidence.progress` reports it, `evidence.cancel` stops it. */
  'evidence.startExport': {
    input: ExportInput,
    output: z.object({ jobId: Id, packId: Id, packNo: z.number().int().positive() }).strict(),
    access: ADMIN,
  },
  'evidence.progress': { input: z.object({ jobId: Id }).strict(), output: ExportStatus, access: ADMIN },
  'evidence.cancel': { input: z.object({ jobId: Id }).strict(), output: ExportStatus, access: ADMIN },
  /**
   * Checks a pack offline: every role may (a pack handed back by a lawyer, a patient's copy). The check runs in the
   * job runner, off the request path; `jobs.status` reports it and gives the result, `jobs.cancel` stops it.
   */
  'evidence.startVerify': { input: z.object({ source: VerifySource }).strict(), output: JobRef, access: ALL_STAFF },
  'evidence.hostInfo': { input: Empty, output: HostFileInfo, access: ALL_STAFF },
  /** Native save dialog (Electron); null in the browser host, where the path is typed. */
  'evidence.chooseDestination': {
    input: z.object({ suggestedName: z.string().max(200) }).strict(),
    output: z.object({ path: z.string().nullable() }).strict(),
    access: ADMIN,
  },
  'evidence.choosePack': { input: Empty, output: z.object({ path: z.string().nullable() }).strict(), access: ALL_STAFF },
} as const satisfies Record<string, Channel>;
