import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { AuditEvent } from '../../shared/schemas/audit';
import type { PhotoMeta } from '../../shared/schemas/consultation';
import type { EvidenceKind } from '../../shared/schemas/evidence';
import { rowToAuditEvent, type AuditRow } from './audit';
import { PHOTO_COLUMNS, type PhotoRow, rowToPhoto } from './photos';

export type ExportStatus = 'started' | 'done' | 'failed' | 'cancelled';

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
    status: r.status as ExportStatus,
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

  constructor(db: Database) {
    this.nextPackNoStmt = db.prepare('SELECT COALESCE(MAX(pack_no), 0) + 1 AS n FROM evidence_exports');
    this.insertStmt = db.prepare(
      `INSERT INTO evidence_exports (id, pack_no, patient_id, kind, scope, bates_prefix, file_name, status, started_at, started_by)
       VALUES (@id, @packNo, @patientId, @kind, @scope, @batesPrefix, @fileName, 'started', @startedAt, @startedBy)`,
    );
    this.finishStmt = db.prepare(
      `UPDATE evidence_exports SET status = @status, tag_manifest_sha256 = @tagManifestSha256, bytes = @bytes, pages = @pages,
       finished_at = @finishedAt WHERE id = @id AND status = 'started'`,
    );
    this.byIdStmt = db.prepare('SELECT * FROM evidence_exports WHERE id = ?');
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
