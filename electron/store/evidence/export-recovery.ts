import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditEntry } from '../audit/repository';
import { folderDevice, type EvidenceRepository, type ExportTempFile, type TempFileOutcome } from './repository';
import { processAlive } from '../vault-folder';

export interface RecoveryTarget {
  readonly evidence: EvidenceRepository;
  appendAudit(entry: AuditEntry): unknown;
  transaction<T>(fn: () => T): T;
}

const SYSTEM = { actorId: null, actorName: null, actorRole: null } as const;

/**
 * Another live process on this computer may still be writing it (the CLI while the app signs in, say). This
 * process's own exports are not: a job never outlives the open vault it started on (closing the vault cancels
 * it, and it cannot record its outcome on a later one), so an export of ours still 'started' at an open is dead.
 */
function ownedElsewhere(files: readonly ExportTempFile[]): boolean {
  return files.some((f) => f.ownerHost === os.hostname() && f.ownerPid !== process.pid && processAlive(f.ownerPid));
}

/** Removes one partial file; 'unreachable' when its folder is gone, another drive sits there, or it cannot be removed. */
function removeTempFile(file: string, device: string | null): TempFileOutcome {
  const now = folderDevice(path.dirname(file));
  if (now === null || (device !== null && now !== device)) return 'unreachable';
  try {
    fs.unlinkSync(file);
    return 'removed';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not_found' : 'unreachable';
  }
}

/**
 * At every open: an export still 'started' that nobody is writing was killed half-way (the app or the CLI
 * died, the session ended under it). Its hidden partial files hold patient records, so they are removed; the
 * export is marked abandoned and the chain says what became of each file. A file on a folder or drive that is
 * not there stays on record (the administrator's Home shows it) and is removed at a later open once it is back.
 */
export function recoverAbandonedExports(v: RecoveryTarget, at: string): void {
  for (const e of v.evidence.unfinishedExports()) {
    if (ownedElsewhere(e.tempFiles)) continue;
    const outcomes = e.tempFiles.map((f) => ({ path: f.path, kind: f.kind, outcome: removeTempFile(f.path, f.folderDevice) }));
    const pack = e.tempFiles.find((f) => f.kind === 'pack');
    const packFilePresent = pack ? fs.existsSync(path.join(path.dirname(pack.path), e.fileName)) : null;
    v.transaction(() => {
      v.evidence.abandonExport(e.id, at, outcomes);
      v.appendAudit({
        ...SYSTEM,
        at,
        action: 'evidence.export_abandoned',
        subjectType: 'evidence_pack',
        subjectId: e.id,
        details: {
          patientId: e.patientId,
          packNo: e.packNo,
          kind: e.kind,
          startedBy: e.startedBy,
          // Exports started before their temporary files were recorded have none listed.
          tempFilesRecorded: e.tempFiles.length > 0,
          tempFiles: outcomes.map((o) => ({ file: o.kind, outcome: o.outcome })),
          partialPackMayRemain: outcomes.some((o) => o.outcome === 'unreachable'),
          packFilePresent,
        },
      });
    });
  }
  for (const l of v.evidence.exportLeftovers()) {
    const outcome = removeTempFile(l.path, l.folderDevice);
    if (outcome === 'unreachable') continue;
    v.transaction(() => {
      v.evidence.clearLeftover(l.exportId, l.path, at);
      v.appendAudit({ ...SYSTEM, at, action: 'evidence.export_leftover_removed', subjectType: 'evidence_pack', subjectId: l.exportId, details: { packNo: l.packNo, file: l.kind, outcome } });
    });
  }
}
