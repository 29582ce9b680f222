import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { AuditEvent } from '../../../shared/schemas/audit';
import type { PhotoMeta } from '../../../shared/schemas/consultation';
import type { EvidenceKind } from '../../../shared/schemas/evidence';
import { rowToAuditEvent, type AuditRow } from '../audit/repository';
import { PHOTO_COLUMNS, type PhotoRow, rowToPhoto } from '../photos/repository';

/** 'abandoned': found still 'started' at an open with nobody writing it (stored as 'failed' plus an abandonment row). */
export type ExportStatus = 'started' | 'done' | 'failed' | 'cancelled' | 'abandoned';

export interface ExportRecord {
  id: string;
  packNo: number;
  patientId: string;
  kind: EvidenceKind;
  /** The scope as canonical JSON. */
  scope: string;
  batesPrefix: string;
  fileName: string;
  status: ExportStatus;
  tagManifestSha256: string | null;
  bytes: number | null;
  pages: number | null;
  startedAt: string;
  startedBy: string;
  finishedAt: string | null;
}

interface ExportRow {
  id: string;
  pack_no: number;
  patient_id: string;
  kind: string;
  scope: string;
  bates_prefix: string;
  file_name: string;
  status: string;
  tag_manifest_sha256: string | null;
  bytes: number | null;
  pages: number | null;
  started_at: string;
  started_by: string;
  finished_at: string | null;
  abandoned_at: string | null;
}

/** The hidden partial files of one export: the pack itself and the evidence PDF drawn beside it. */
export type TempFileKind = 'pack' | 'pdf';
/** What became of a temporary file at recovery: removed now, already gone, or on a folder or drive not there. */
export type TempFileOutcome = 'removed' | 'not_found' | 'unreachable';

export interface ExportTempFile {
  exportId: string;
  path: string;
  kind: TempFileKind;
  ownerHost: string;
  ownerPid: number;
  /** The folder's device when the export started: another device there now means another drive. */
  folderDevice: string | null;
}

/** An export still 'started', with what is needed to tell whether anybody is still writing it. */
export interface UnfinishedExport {
  id: string;
  packNo: number;
  patientId: string;
  kind: EvidenceKind;
  fileName: string;
  startedBy: string;
  tempFiles: ExportTempFile[];
}

/** A partial pack that could not be removed because its folder or drive was not there. */
export interface ExportLeftover {
  exportId: string;
  packNo: number;
  path: string;
  kind: TempFileKind;
  folderDevice: string | null;
  abandonedAt: string;
}

interface TempFileRow {
  export_id: string;
  path: string;
  file_kind: string;
  owner_host: string;
  owner_pid: number;
  folder_device: string | null;
}
const rowToTempFile = (r: TempFileRow): ExportTempFile => ({
  exportId: r.export_id,
  path: r.path,
  kind: r.file_kind as TempFileKind,
  ownerHost: r.owner_host,
  ownerPid: r.owner_pid,
  folderDevice: r.folder_device,
});

/** The folder's device id as text (bigint: Windows volume serials and Linux device numbers can be large), or null. */
export function folderDevice(dir: string): string | null {
  try {
    return fs.statSync(dir, { bigint: true }).dev.toString();
  } catch {
    return null;
  }
}

function rowToExport(r: ExportRow): ExportRecord {
  return {
    id: r.id,
    packNo: r.pack_no,
    patientId: r.patient_id,
    kind: r.kind as EvidenceKind,
    scope: r.scope,
    batesPrefix: r.bates_prefix,
    fileName: r.file_name,
    status: r.abandoned_at ? 'abandoned' : (r.status as ExportStatus),
    tagManifestSha256: r.tag_manifest_sha256,
    bytes: r.bytes,
    pages: r.pages,
    startedAt: r.started_at,
    startedBy: r.started_by,
    finishedAt: r.finished_at,
  };
}

/** Photo metadata with the patient it belongs to (photos may come without a consultation). */
export type PatientPhoto = PhotoMeta & { patientId: string };

/**
 * What evidence packs read beyond the other repositories (every photo of a patient, the audit events of a
 * scope) and the export records themselves.
 */
export class EvidenceRepository {
  private readonly nextPackNoStmt: Statement;
  private readonly insertStmt: Statement;
  private readonly finishStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly photosStmt: Statement;
  private readonly auditStmt: Statement;
  private readonly insertTempStmt: Statement;
  private readonly unfinishedStmt: Statement;
  private readonly tempFilesStmt: Statement;
  private readonly abandonStmt: Statement;
  private readonly tempOutcomeStmt: Statement;
  private readonly leftoversStmt: Statement;
  private readonly clearLeftoverStmt: Statement;

  constructor(db: Database) {
    this.insertTempStmt = db.prepare(
      `INSERT INTO evidence_export_temp_files (export_id, path, file_kind, owner_host, owner_pid, folder_device)
       VALUES (@exportId, @path, @kind, @ownerHost, @ownerPid, @folderDevice)`,
    );
    this.unfinishedStmt = db.prepare("SELECT id, pack_no, patient_id, kind, file_name, started_by FROM evidence_exports WHERE status = 'started' ORDER BY pack_no");
    this.tempFilesStmt = db.prepare('SELECT * FROM evidence_export_temp_files WHERE export_id = ? ORDER BY file_kind');
    this.abandonStmt = db.prepare('INSERT INTO evidence_export_abandonments (export_id, abandoned_at) VALUES (?, ?)');
    this.tempOutcomeStmt = db.prepare('UPDATE evidence_export_temp_files SET recovery = @outcome, recovered_at = @at WHERE export_id = @exportId AND path = @path AND recovery IS NULL');
    this.leftoversStmt = db.prepare(
      `SELECT t.export_id, e.pack_no, t.path, t.file_kind, t.folder_device, t.recovered_at
       FROM evidence_export_temp_files t JOIN evidence_exports e ON e.id = t.export_id
       WHERE t.recovery = 'unreachable' AND t.cleared_at IS NULL ORDER BY e.pack_no, t.file_kind`,
    );
    this.clearLeftoverStmt = db.prepare("UPDATE evidence_export_temp_files SET cleared_at = @at WHERE export_id = @exportId AND path = @path AND recovery = 'unreachable' AND cleared_at IS NULL");
    this.nextPackNoStmt = db.prepare('SELECT COALESCE(MAX(pack_no), 0) + 1 AS n FROM evidence_exports');
    this.insertStmt = db.prepare(
      `INSERT INTO evidence_exports (id, pack_no, patient_id, kind, scope, bates_prefix, file_name, status, started_at, started_by)
       VALUES (@id, @packNo, @patientId, @kind, @scope, @batesPrefix, @fileName, 'started', @startedAt, @startedBy)`,
    );
    this.finishStmt = db.prepare(
      `UPDATE evidence_exports SET status = @status, tag_manifest_sha256 = @tagManifestSha256, bytes = @bytes, pages = @pages,
       finished_at = @finishedAt WHERE id = @id AND status = 'started'`,
    );
    this.byIdStmt = db.prepare(
      'SELECT e.*, a.abandoned_at FROM evidence_exports e LEFT JOIN evidence_export_abandonments a ON a.export_id = e.id WHERE e.id = ?',
    );
    this.photosStmt = db.prepare(
      `SELECT ${PHOTO_COLUMNS}, ph.patient_id
       FROM photos ph JOIN attachments a ON a.sha256 = ph.sha256 WHERE ph.patient_id = ? ORDER BY ph.captured_at, ph.id`,
    );
    // Events whose subject is one of the scope's records, or whose details name one of its anchors (the patient,
    // or the consultation and its consent): searches that listed the patient, photos and files opened, ...
    this.auditStmt = db.prepare(
      `SELECT * FROM audit_events a
       WHERE a.subject_id IN (SELECT value FROM json_each(@ids))
          OR EXISTS (SELECT 1 FROM json_each(@anchors) j WHERE instr(a.details, j.value) > 0)
       ORDER BY a.seq`,
    );
  }

  nextPackNo(): number {
    return (this.nextPackNoStmt.get() as { n: number }).n;
  }

  insertExport(e: Pick<ExportRecord, 'id' | 'packNo' | 'patientId' | 'kind' | 'scope' | 'batesPrefix' | 'fileName' | 'startedAt' | 'startedBy'>): void {
    this.insertStmt.run(e);
  }

  /** Records how a started export ended; false when it had already ended. */
  finishExport(f: { id: string; status: Exclude<ExportStatus, 'started'>; tagManifestSha256: string | null; bytes: number | null; pages: number | null; finishedAt: string }): boolean {
    return this.finishStmt.run(f).changes === 1;
  }

  /**
   * Records where a starting export will write its partial files (in the starting call's transaction, before
   * any is created), and which process writes them, so a crash can be cleaned up at the next open.
   */
  recordTempFiles(exportId: string, files: Record<TempFileKind, string>): void {
    for (const [kind, file] of Object.entries(files) as [TempFileKind, string][]) {
      this.insertTempStmt.run({ exportId, path: file, kind, ownerHost: os.hostname(), ownerPid: process.pid, folderDevice: folderDevice(path.dirname(file)) });
    }
  }

  unfinishedExports(): UnfinishedExport[] {
    type Row = { id: string; pack_no: number; patient_id: string; kind: string; file_name: string; started_by: string };
    return (this.unfinishedStmt.all() as Row[]).map((r) => ({
      id: r.id,
      packNo: r.pack_no,
      patientId: r.patient_id,
      kind: r.kind as EvidenceKind,
      fileName: r.file_name,
      startedBy: r.started_by,
      tempFiles: (this.tempFilesStmt.all(r.id) as TempFileRow[]).map(rowToTempFile),
    }));
  }

  /** Ends an export nobody is writing: 'failed' with an abandonment row, and what became of each partial file. */
  abandonExport(id: string, at: string, outcomes: readonly { path: string; outcome: TempFileOutcome }[]): void {
    this.abandonStmt.run(id, at);
    for (const o of outcomes) this.tempOutcomeStmt.run({ exportId: id, path: o.path, outcome: o.outcome, at });
    this.finishExport({ id, status: 'failed', tagManifestSha256: null, bytes: null, pages: null, finishedAt: at });
  }

  /** Partial packs left on a folder or drive that was not there when their export was abandoned. */
  exportLeftovers(): ExportLeftover[] {
    type Row = { export_id: string; pack_no: number; path: string; file_kind: string; folder_device: string | null; recovered_at: string };
    return (this.leftoversStmt.all() as Row[]).map((r) => ({
      exportId: r.export_id,
      packNo: r.pack_no,
      path: r.path,
      kind: r.file_kind as TempFileKind,
      folderDevice: r.folder_device,
      abandonedAt: r.recovered_at,
    }));
  }

  /** A leftover partial pack is gone now (removed once its drive was back): no more notice. */
  clearLeftover(exportId: string, file: string, at: string): void {
    this.clearLeftoverStmt.run({ exportId, path: file, at });
  }

  getExport(id: string): ExportRecord | null {
    const r = this.byIdStmt.get(id) as ExportRow | undefined;
    return r ? rowToExport(r) : null;
  }

  patientPhotos(patientId: string): PatientPhoto[] {
    return (this.photosStmt.all(patientId) as (PhotoRow & { patient_id: string })[]).map((r) => ({ ...rowToPhoto(r), patientId: r.patient_id }));
  }

  /** The audit events about these records (by subject) or mentioning these anchor IDs (in their details). */
  auditEventsFor(ids: readonly string[], anchors: readonly string[]): AuditEvent[] {
    return (this.auditStmt.all({ ids: JSON.stringify(ids), anchors: JSON.stringify(anchors) }) as AuditRow[]).map(rowToAuditEvent);
  }
}
