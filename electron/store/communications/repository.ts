import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Communication, CommunicationChannel, CommunicationDirection } from '../../../shared/schemas/communication';
import { AttachmentRepository } from '../complaints/attachments';

export interface NewCommunicationRecord {
  id: string;
  patientId: string;
  consultationId: string | null;
  channel: CommunicationChannel;
  direction: CommunicationDirection;
  occurredAt: string;
  summary: string;
  attachment: { fileName: string; mime: string; sha256: string; bytes: Buffer } | null;
  staffId: string;
  createdAt: string;
}

interface CommunicationRow {
  id: string;
  patient_id: string;
  consultation_id: string | null;
  channel: string;
  direction: string;
  occurred_at: string;
  summary: string;
  attachment_sha256: string | null;
  attachment_name: string | null;
  attachment_mime: string | null;
  attachment_size: number | null;
  staff_id: string;
  staff_name: string;
  created_at: string;
}

interface CorrectionRow {
  id: string;
  communication_id: string;
  text: string;
  staff_name: string;
  created_at: string;
}

const SELECT = `
  SELECT c.*, s.name AS staff_name, a.mime AS attachment_mime, a.size AS attachment_size
  FROM communications c
  JOIN staff s ON s.id = c.staff_id
  LEFT JOIN attachments a ON a.sha256 = c.attachment_sha256`;

/** The communications log. Rows are append-only (triggers refuse UPDATE and DELETE); corrections sit beside them. */
export class CommunicationRepository {
  private readonly attachments: AttachmentRepository;
  private readonly insertStmt: Statement;
  private readonly insertCorrectionStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly forPatientStmt: Statement;
  private readonly correctionsForPatientStmt: Statement;
  private readonly correctionsStmt: Statement;
  private readonly countStmt: Statement;

  constructor(db: Database) {
    this.attachments = new AttachmentRepository(db);
    this.insertStmt = db.prepare(`
      INSERT INTO communications (id, patient_id, consultation_id, channel, direction, occurred_at, summary,
        attachment_sha256, attachment_name, staff_id, created_at)
      VALUES (@id, @patientId, @consultationId, @channel, @direction, @occurredAt, @summary,
        @attachmentSha256, @attachmentName, @staffId, @createdAt)`);
    this.insertCorrectionStmt = db.prepare(
      'INSERT INTO communication_corrections (id, communication_id, text, staff_id, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.byIdStmt = db.prepare(`${SELECT} WHERE c.id = ?`);
    this.forPatientStmt = db.prepare(`${SELECT} WHERE c.patient_id = ? ORDER BY c.occurred_at DESC, c.created_at DESC`);
    const correctionSelect = `
      SELECT k.id, k.communication_id, k.text, s.name AS staff_name, k.created_at
      FROM communication_corrections k JOIN staff s ON s.id = k.staff_id`;
    this.correctionsStmt = db.prepare(`${correctionSelect} WHERE k.communication_id = ? ORDER BY k.created_at`);
    this.correctionsForPatientStmt = db.prepare(
      `${correctionSelect} JOIN communications c ON c.id = k.communication_id WHERE c.patient_id = ? ORDER BY k.created_at`,
    );
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM communications WHERE patient_id = ?');
  }

  insert(r: NewCommunicationRecord): void {
    if (r.attachment) this.attachments.put(r.attachment.sha256, r.attachment.mime, r.attachment.bytes, r.createdAt);
    this.insertStmt.run({
      id: r.id,
      patientId: r.patientId,
      consultationId: r.consultationId,
      channel: r.channel,
      direction: r.direction,
      occurredAt: r.occurredAt,
      summary: r.summary,
      attachmentSha256: r.attachment?.sha256 ?? null,
      attachmentName: r.attachment?.fileName ?? null,
      staffId: r.staffId,
      createdAt: r.createdAt,
    });
  }

  addCorrection(id: string, communicationId: string, text: string, staffId: string, createdAt: string): void {
    this.insertCorrectionStmt.run(id, communicationId, text, staffId, createdAt);
  }

  get(id: string): Communication | null {
    const row = this.byIdStmt.get(id) as CommunicationRow | undefined;
    return row ? toCommunication(row, this.correctionsStmt.all(id) as CorrectionRow[]) : null;
  }

  forPatient(patientId: string): Communication[] {
    const corrections = new Map<string, CorrectionRow[]>();
    for (const k of this.correctionsForPatientStmt.all(patientId) as CorrectionRow[]) {
      corrections.set(k.communication_id, [...(corrections.get(k.communication_id) ?? []), k]);
    }
    return (this.forPatientStmt.all(patientId) as CommunicationRow[]).map((r) => toCommunication(r, corrections.get(r.id) ?? []));
  }

  countForPatient(patientId: string): number {
    return (this.countStmt.get(patientId) as { n: number }).n;
  }

  attachmentBytes(sha256: string): Buffer {
    return this.attachments.bytes(sha256);
  }
}

function toCommunication(r: CommunicationRow, corrections: CorrectionRow[]): Communication {
  return {
    id: r.id,
    patientId: r.patient_id,
    consultationId: r.consultation_id,
    channel: r.channel as CommunicationChannel,
    direction: r.direction as CommunicationDirection,
    occurredAt: r.occurred_at,
    summary: r.summary,
    staffId: r.staff_id,
    staffName: r.staff_name,
    createdAt: r.created_at,
    attachment:
      r.attachment_sha256 && r.attachment_name
        ? { fileName: r.attachment_name, mime: r.attachment_mime ?? 'application/octet-stream', size: r.attachment_size ?? 0, sha256: r.attachment_sha256 }
        : null,
    corrections: corrections.map((k) => ({ id: k.id, text: k.text, staffName: k.staff_name, createdAt: k.created_at })),
  };
}
