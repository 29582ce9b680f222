import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { ClockKind } from '../../../shared/clinic-calendar';
import type { CauseCategory, ComplaintCategory, ResolutionKind } from '../../../shared/schemas/complaint';
import { AttachmentRepository } from './attachments';
import type { LastSave } from '../edit-versions';
import type { CorrectionRecord } from '../treatments/repository';

type Channel = 'phone' | 'line' | 'in_person' | 'email' | 'online_review' | 'letter';
type Severity = 'low' | 'medium' | 'high' | 'critical';
export type StoredEntryKind = 'contact' | 'meeting' | 'explanation' | 'decision' | 'document' | 'records_provided' | 'note' | 'medical_accident' | 'records_request';

export interface ComplaintRecord {
  id: string;
  refNo: string;
  patientId: string | null;
  complainantName: string | null;
  consultationId: string | null;
  treatmentId: string | null;
  channel: Channel;
  category: ComplaintCategory;
  severity: Severity;
  receivedAt: string;
  patientSays: string;
  patientWants: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  closedBy: string | null;
  closingSummary: string | null;
  createdBy: string;
  createdAt: string;
}

/** A complaint with the names a list or a detail screen shows. */
export interface ComplaintRow extends ComplaintRecord {
  /** Edit version (migration 0200): bumped by every change of owner. */
  version: number;
  patientName: string | null;
  chartNo: string | null;
  createdByName: string;
  closedByName: string | null;
  ownerId: string | null;
  ownerName: string | null;
}

export interface ClockRecord {
  id: string;
  complaintId: string;
  kind: Exclude<ClockKind, 'incident_notification'>;
  startedAt: string;
  dueAt: string;
  sourceEntryId: string | null;
  metAt: string | null;
  metByEntryId: string | null;
}

/** A clock with its complaint's status and patient: what recomputing its deadline needs. */
export interface ClockOfComplaint extends ClockRecord {
  complaintStatus: 'open' | 'closed';
  patientId: string | null;
}

export interface EntryRecord {
  id: string;
  complaintId: string;
  kind: StoredEntryKind;
  occurredAt: string;
  summary: string;
  attachment: { fileName: string; mime: string; size: number; sha256: string } | null;
  staffName: string;
  createdAt: string;
}

export interface AssignmentRecord {
  id: string;
  ownerId: string;
  ownerName: string;
  assignedByName: string;
  at: string;
}

export interface ResolutionRecord {
  id: string;
  kind: ResolutionKind;
  amountTwd: number | null;
  description: string;
  decidedAt: string;
  staffName: string;
  createdAt: string;
}

export interface ReviewRecord {
  id: string;
  whatHappened: string;
  causes: { category: CauseCategory; detail: string }[];
  actions: { action: string; ownerId: string; ownerName: string; dueDate: string }[];
  staffName: string;
  createdAt: string;
}

const COMPLAINT_SELECT = `
  SELECT c.*, p.name_zh AS patient_name, p.chart_no, cb.name AS created_by_name, xb.name AS closed_by_name,
    (SELECT a.owner_id FROM complaint_assignments a WHERE a.complaint_id = c.id ORDER BY a.at DESC, a.rowid DESC LIMIT 1) AS owner_id,
    (SELECT s.name FROM complaint_assignments a JOIN staff s ON s.id = a.owner_id WHERE a.complaint_id = c.id ORDER BY a.at DESC, a.rowid DESC LIMIT 1) AS owner_name
  FROM complaints c
  LEFT JOIN patients p ON p.id = c.patient_id
  JOIN staff cb ON cb.id = c.created_by
  LEFT JOIN staff xb ON xb.id = c.closed_by`;

/** The deadline in force of a clock row `k`: the newest recomputation's (0150), else the one fixed when the clock started. */
const EFFECTIVE_DUE_AT = `COALESCE((SELECT r.due_at FROM complaint_clock_recomputations r WHERE r.clock_id = k.id ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1), k.due_at) AS due_at`;

type Raw = Record<string, string | number | null>;
const str = (v: string | number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));

function toComplaintRow(r: Raw): ComplaintRow {
  return {
    id: String(r.id),
    refNo: String(r.ref_no),
    patientId: str(r.patient_id),
    complainantName: str(r.complainant_name),
    consultationId: str(r.consultation_id),
    treatmentId: str(r.treatment_id),
    channel: r.channel as Channel,
    category: r.category as ComplaintCategory,
    severity: r.severity as Severity,
    receivedAt: String(r.received_at),
    patientSays: String(r.patient_says),
    patientWants: String(r.patient_wants),
    status: r.status as 'open' | 'closed',
    closedAt: str(r.closed_at),
    closedBy: str(r.closed_by),
    closingSummary: str(r.closing_summary),
    createdBy: String(r.created_by),
    createdAt: String(r.created_at),
    version: Number(r.version),
    patientName: str(r.patient_name),
    chartNo: str(r.chart_no),
    createdByName: String(r.created_by_name),
    closedByName: str(r.closed_by_name),
    ownerId: str(r.owner_id),
    ownerName: str(r.owner_name),
  };
}

const toClock = (r: Raw): ClockRecord => ({
  id: String(r.id),
  complaintId: String(r.complaint_id),
  kind: r.kind as ClockRecord['kind'],
  startedAt: String(r.started_at),
  dueAt: String(r.due_at),
  sourceEntryId: str(r.source_entry_id),
  metAt: str(r.met_at),
  metByEntryId: str(r.met_by_entry_id),
});

function statements(db: Database) {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    countRefs: p('SELECT COUNT(*) AS n FROM complaints WHERE ref_no LIKE ?'),
    insert: p(`INSERT INTO complaints (id, ref_no, patient_id, complainant_name, consultation_id, treatment_id, channel, category, severity,
      received_at, patient_says, patient_wants, status, created_by, created_at)
      VALUES (@id, @refNo, @patientId, @complainantName, @consultationId, @treatmentId, @channel, @category, @severity,
      @receivedAt, @patientSays, @patientWants, 'open', @createdBy, @createdAt)`),
    get: p(`${COMPLAINT_SELECT} WHERE c.id = ?`),
    list: p(`${COMPLAINT_SELECT} WHERE (@status = 'all' OR c.status = @status) ORDER BY c.received_at DESC LIMIT @limit`),
    forPatient: p(`${COMPLAINT_SELECT} WHERE c.patient_id = ? ORDER BY c.received_at DESC`),
    close: p(`UPDATE complaints SET status = 'closed', closed_at = @at, closed_by = @by, closing_summary = @summary WHERE id = @id AND status = 'open'`),
    insertAssignment: p('INSERT INTO complaint_assignments (id, complaint_id, owner_id, assigned_by, at) VALUES (?, ?, ?, ?, ?)'),
    bumpVersion: p(`UPDATE complaints SET version = @version + 1 WHERE id = @id AND status = 'open' AND version = @version`),
    lastAssignment: p('SELECT assigned_by, at FROM complaint_assignments WHERE complaint_id = ? ORDER BY at DESC, rowid DESC LIMIT 1'),
    assignments: p(`SELECT a.id, a.owner_id, o.name AS owner_name, b.name AS assigned_by_name, a.at FROM complaint_assignments a
      JOIN staff o ON o.id = a.owner_id JOIN staff b ON b.id = a.assigned_by WHERE a.complaint_id = ? ORDER BY a.at, a.rowid`),
    insertEntry: p(`INSERT INTO complaint_entries (id, complaint_id, kind, occurred_at, summary, attachment_sha256, attachment_name, staff_id, created_at)
      VALUES (@id, @complaintId, @kind, @occurredAt, @summary, @attachmentSha256, @attachmentName, @staffId, @createdAt)`),
    entry: p(`SELECT e.*, s.name AS staff_name, a.mime AS attachment_mime, a.size AS attachment_size FROM complaint_entries e
      JOIN staff s ON s.id = e.staff_id LEFT JOIN attachments a ON a.sha256 = e.attachment_sha256 WHERE e.id = ?`),
    entries: p(`SELECT e.*, s.name AS staff_name, a.mime AS attachment_mime, a.size AS attachment_size FROM complaint_entries e
      JOIN staff s ON s.id = e.staff_id LEFT JOIN attachments a ON a.sha256 = e.attachment_sha256 WHERE e.complaint_id = ? ORDER BY e.occurred_at, e.created_at`),
    insertCorrection: p('INSERT INTO complaint_entry_corrections (id, entry_id, text, staff_id, created_at) VALUES (?, ?, ?, ?, ?)'),
    corrections: p(`SELECT k.id, k.entry_id, k.text, s.name AS staff_name, k.created_at FROM complaint_entry_corrections k
      JOIN staff s ON s.id = k.staff_id JOIN complaint_entries e ON e.id = k.entry_id WHERE e.complaint_id = ? ORDER BY k.created_at`),
    insertClock: p(`INSERT INTO complaint_clocks (id, complaint_id, kind, started_at, due_at, source_entry_id, met_at, met_by_entry_id)
      VALUES (@id, @complaintId, @kind, @startedAt, @dueAt, @sourceEntryId, NULL, NULL)`),
    // due_at is the deadline in force: an administrator's recomputation (0150) overrides the one fixed at the start.
    clocks: p(`SELECT k.*, ${EFFECTIVE_DUE_AT} FROM complaint_clocks k WHERE k.complaint_id = ? ORDER BY k.started_at, k.kind`),
    openComplaintClocks: p(`SELECT k.*, ${EFFECTIVE_DUE_AT} FROM complaint_clocks k JOIN complaints c ON c.id = k.complaint_id WHERE c.status = 'open' ORDER BY k.started_at`),
    clockOfComplaint: p(`SELECT k.*, c.status AS complaint_status, c.patient_id, ${EFFECTIVE_DUE_AT}
      FROM complaint_clocks k JOIN complaints c ON c.id = k.complaint_id WHERE k.complaint_id = ? AND k.kind = ?`),
    insertRecomputation: p(`INSERT INTO complaint_clock_recomputations (id, clock_id, previous_due_at, due_at, reason, staff_id, created_at)
      VALUES (@id, @clockId, @previousDueAt, @dueAt, @reason, @staffId, @createdAt)`),
    meetClock: p('UPDATE complaint_clocks SET met_at = ?, met_by_entry_id = ? WHERE id = ? AND met_at IS NULL'),
    insertResolution: p(`INSERT INTO complaint_resolutions (id, complaint_id, kind, amount_twd, description, decided_at, staff_id, created_at)
      VALUES (@id, @complaintId, @kind, @amountTwd, @description, @decidedAt, @staffId, @createdAt)`),
    resolutions: p(`SELECT r.*, s.name AS staff_name FROM complaint_resolutions r JOIN staff s ON s.id = r.staff_id WHERE r.complaint_id = ? ORDER BY r.created_at`),
    insertReview: p('INSERT INTO complaint_reviews (id, complaint_id, what_happened, staff_id, created_at) VALUES (?, ?, ?, ?, ?)'),
    insertCause: p('INSERT INTO complaint_review_causes (review_id, position, category, detail) VALUES (?, ?, ?, ?)'),
    insertAction: p('INSERT INTO complaint_review_actions (review_id, position, action, owner_id, due_date) VALUES (?, ?, ?, ?, ?)'),
    reviews: p(`SELECT r.id, r.what_happened, s.name AS staff_name, r.created_at FROM complaint_reviews r JOIN staff s ON s.id = r.staff_id
      WHERE r.complaint_id = ? ORDER BY r.created_at`),
    causes: p('SELECT category, detail FROM complaint_review_causes WHERE review_id = ? ORDER BY position'),
    actions: p(`SELECT a.action, a.owner_id, s.name AS owner_name, a.due_date FROM complaint_review_actions a JOIN staff s ON s.id = a.owner_id
      WHERE a.review_id = ? ORDER BY a.position`),
  };
}

/** Complaints: intake, owner, timeline (with corrections), clocks, resolutions, root-cause reviews, closure. */
export class ComplaintRepository {
  private readonly s: ReturnType<typeof statements>;
  private readonly attachments: AttachmentRepository;

  constructor(db: Database) {
    this.s = statements(db);
    this.attachments = new AttachmentRepository(db);
  }

  /** The next reference number of the year, e.g. CP-2026-0007. */
  nextRefNo(year: string): string {
    const n = (this.s.countRefs.get(`CP-${year}-%`) as { n: number }).n + 1;
    return `CP-${year}-${String(n).padStart(4, '0')}`;
  }

  insert(c: Omit<ComplaintRecord, 'status' | 'closedAt' | 'closedBy' | 'closingSummary'>): void {
    this.s.insert.run(c);
  }

  get(id: string): ComplaintRow | null {
    const r = this.s.get.get(id) as Raw | undefined;
    return r ? toComplaintRow(r) : null;
  }

  list(status: 'open' | 'closed' | 'all', limit: number): ComplaintRow[] {
    return (this.s.list.all({ status, limit }) as Raw[]).map(toComplaintRow);
  }

  forPatient(patientId: string): ComplaintRow[] {
    return (this.s.forPatient.all(patientId) as Raw[]).map(toComplaintRow);
  }

  close(id: string, at: string, by: string, summary: string): boolean {
    return this.s.close.run({ id, at, by, summary }).changes === 1;
  }

  /**
   * Gives the open complaint a new owner over the version it was read at; false (and nothing written) when another
   * change of owner replaced that version.
   */
  assign(id: string, complaintId: string, version: number, ownerId: string, assignedBy: string, at: string): boolean {
    if (this.s.bumpVersion.run({ id: complaintId, version }).changes !== 1) return false;
    this.s.insertAssignment.run(id, complaintId, ownerId, assignedBy, at);
    return true;
  }

  /** The complaint's edit version, and who changed its owner last and when (the assignment). */
  lastSave(complaintId: string): LastSave | null {
    const c = this.get(complaintId);
    if (!c) return null;
    const a = this.s.lastAssignment.get(complaintId) as { assigned_by: string; at: string } | undefined;
    return { version: c.version, updatedAt: a?.at ?? null, updatedBy: a?.assigned_by ?? null };
  }

  assignments(complaintId: string): AssignmentRecord[] {
    return (this.s.assignments.all(complaintId) as Raw[]).map((r) => ({
      id: String(r.id),
      ownerId: String(r.owner_id),
      ownerName: String(r.owner_name),
      assignedByName: String(r.assigned_by_name),
      at: String(r.at),
    }));
  }

  addEntry(e: { id: string; complaintId: string; kind: StoredEntryKind; occurredAt: string; summary: string; attachment: { fileName: string; mime: string; sha256: string; bytes: Buffer } | null; staffId: string; createdAt: string }): void {
    if (e.attachment) this.attachments.put(e.attachment.sha256, e.attachment.mime, e.attachment.bytes, e.createdAt);
    this.s.insertEntry.run({
      id: e.id,
      complaintId: e.complaintId,
      kind: e.kind,
      occurredAt: e.occurredAt,
      summary: e.summary,
      attachmentSha256: e.attachment?.sha256 ?? null,
      attachmentName: e.attachment?.fileName ?? null,
      staffId: e.staffId,
      createdAt: e.createdAt,
    });
  }

  entry(id: string): EntryRecord | null {
    const r = this.s.entry.get(id) as Raw | undefined;
    return r ? toEntry(r) : null;
  }

  entries(complaintId: string): EntryRecord[] {
    return (this.s.entries.all(complaintId) as Raw[]).map(toEntry);
  }

  attachmentBytes(sha256: string): Buffer {
    return this.attachments.bytes(sha256);
  }

  addCorrection(id: string, entryId: string, text: string, staffId: string, at: string): void {
    this.s.insertCorrection.run(id, entryId, text, staffId, at);
  }

  /** Corrections of every entry of a complaint, by entry. */
  corrections(complaintId: string): Map<string, CorrectionRecord[]> {
    const out = new Map<string, CorrectionRecord[]>();
    for (const r of this.s.corrections.all(complaintId) as Raw[]) {
      const list = out.get(String(r.entry_id)) ?? [];
      list.push({ id: String(r.id), text: String(r.text), staffName: String(r.staff_name), createdAt: String(r.created_at) });
      out.set(String(r.entry_id), list);
    }
    return out;
  }

  addClock(c: Omit<ClockRecord, 'metAt' | 'metByEntryId'>): void {
    this.s.insertClock.run(c);
  }

  clocks(complaintId: string): ClockRecord[] {
    return (this.s.clocks.all(complaintId) as Raw[]).map(toClock);
  }

  /** Every clock of every open complaint, by complaint. */
  openComplaintClocks(): Map<string, ClockRecord[]> {
    const out = new Map<string, ClockRecord[]>();
    for (const c of (this.s.openComplaintClocks.all() as Raw[]).map(toClock)) out.set(c.complaintId, [...(out.get(c.complaintId) ?? []), c]);
    return out;
  }

  /** One clock of a complaint by kind, with the deadline in force. */
  clock(complaintId: string, kind: ClockRecord['kind']): ClockOfComplaint | null {
    const r = this.s.clockOfComplaint.get(complaintId, kind) as Raw | undefined;
    return r ? { ...toClock(r), complaintStatus: r.complaint_status as ClockOfComplaint['complaintStatus'], patientId: str(r.patient_id) } : null;
  }

  /** A new deadline for a running clock; the one it replaces is kept with it. */
  recompute(r: { id: string; clockId: string; previousDueAt: string; dueAt: string; reason: string; staffId: string; createdAt: string }): void {
    this.s.insertRecomputation.run(r);
  }

  meetClock(clockId: string, at: string, entryId: string): boolean {
    return this.s.meetClock.run(at, entryId, clockId).changes === 1;
  }

  addResolution(r: { id: string; complaintId: string; kind: ResolutionKind; amountTwd: number | null; description: string; decidedAt: string; staffId: string; createdAt: string }): void {
    this.s.insertResolution.run(r);
  }

  resolutions(complaintId: string): ResolutionRecord[] {
    return (this.s.resolutions.all(complaintId) as Raw[]).map((r) => ({
      id: String(r.id),
      kind: r.kind as ResolutionKind,
      amountTwd: r.amount_twd === null ? null : Number(r.amount_twd),
      description: String(r.description),
      decidedAt: String(r.decided_at),
      staffName: String(r.staff_name),
      createdAt: String(r.created_at),
    }));
  }

  addReview(r: { id: string; complaintId: string; whatHappened: string; causes: { category: CauseCategory; detail: string }[]; actions: { action: string; ownerId: string; dueDate: string }[]; staffId: string; createdAt: string }): void {
    this.s.insertReview.run(r.id, r.complaintId, r.whatHappened, r.staffId, r.createdAt);
    r.causes.forEach((c, i) => this.s.insertCause.run(r.id, i, c.category, c.detail));
    r.actions.forEach((a, i) => this.s.insertAction.run(r.id, i, a.action, a.ownerId, a.dueDate));
  }

  reviews(complaintId: string): ReviewRecord[] {
    return (this.s.reviews.all(complaintId) as Raw[]).map((r) => ({
      id: String(r.id),
      whatHappened: String(r.what_happened),
      causes: (this.s.causes.all(r.id) as Raw[]).map((c) => ({ category: c.category as CauseCategory, detail: String(c.detail) })),
      actions: (this.s.actions.all(r.id) as Raw[]).map((a) => ({ action: String(a.action), ownerId: String(a.owner_id), ownerName: String(a.owner_name), dueDate: String(a.due_date) })),
      staffName: String(r.staff_name),
      createdAt: String(r.created_at),
    }));
  }
}

function toEntry(r: Raw): EntryRecord {
  return {
    id: String(r.id),
    complaintId: String(r.complaint_id),
    kind: r.kind as StoredEntryKind,
    occurredAt: String(r.occurred_at),
    summary: String(r.summary),
    attachment:
      r.attachment_sha256 && r.attachment_name
        ? { fileName: String(r.attachment_name), mime: String(r.attachment_mime ?? 'application/octet-stream'), size: Number(r.attachment_size ?? 0), sha256: String(r.attachment_sha256) }
        : null,
    staffName: String(r.staff_name),
    createdAt: String(r.created_at),
  };
}
