import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { AuditAction } from '../../../shared/schemas/audit-actions';
import { canonicalJson } from '../../../shared/canonical-json';
import type { AuditEvent, AuditVerification } from '../../../shared/schemas/audit';

/** The hash chain's own verdict; audit verify adds the records and checkpoint comparisons. */
export type ChainVerification = Omit<AuditVerification, 'records' | 'checkpoint'>;
import type { Role } from '../../../shared/schemas/staff';
import { sha256Hex } from '../../domain/hash';

/** The seat an event came from, as the audit trail keeps it. */
export interface AuditSeat {
  deviceId: string;
  name: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: Role | null;
  /** New events only name listed actions; events read back keep whatever name they were written with. */
  action: AuditAction;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  /** The seat the event came from (hash format 2); null only for events no seat caused (set-up, replays). */
  seat?: AuditSeat | null;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
  seat_id: string | null;
  seat_name: string | null;
}

/**
 * The hashed body of an event: everything but the hashes themselves. Format 1 (every event before migration 0180,
 * and any without a seat) has no seat; format 2 adds `v: 2` and the seat, so a seat cannot be removed or changed
 * without breaking the hash, and older events verify unchanged.
 */
export function auditEventHash(prevHash: string, event: Omit<AuditEvent, 'hash' | 'prevHash'>): string {
  const body = {
    seq: event.seq,
    at: event.at,
    actorId: event.actorId,
    actorName: event.actorName,
    actorRole: event.actorRole,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    details: event.details,
  };
  const seat = event.seat ?? null;
  return sha256Hex(prevHash + canonicalJson(seat ? { ...body, v: 2, seat: { deviceId: seat.deviceId, name: seat.name } } : body));
}

export function rowToAuditEvent(r: AuditRow): AuditEvent {
  let details: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(r.details);
    details = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    details = { unparsable: r.details };
  }
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role as Role | null,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details,
    seat: r.seat_id !== null && r.seat_id !== undefined ? { deviceId: r.seat_id, name: r.seat_name ?? '' } : null,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** A filter over the trail; instants for the time range (the service turns clinic days into them). */
export interface AuditQuery {
  patientId?: string | undefined;
  actorId?: string | undefined;
  /** Only these actions (null: any). */
  actions?: readonly string[] | null | undefined;
  fromAt?: string | undefined;
  toAt?: string | undefined;
  /** Older than this sequence number (the next page). */
  before?: number | undefined;
}

/** A patient an event names, as the trail shows it. */
export interface AuditPatient {
  seq: number;
  id: string;
  name: string;
  chartNo: string;
}

export class AuditRepository {
  private readonly db: Database;
  /** Prepared filters, one per combination of clauses (at most 64). */
  private readonly filterStmts = new Map<string, Statement>();
  private readonly actionsStmt: Statement;
  private readonly eventStmt: Statement;
  // Prepared on first use: the table comes with migration 0130, which may run after this repository exists.
  private patientsOfStmt: Statement | null = null;
  private readonly insertStmt: Statement;
  private readonly headStmt: Statement;
  private readonly recentStmt: Statement;
  private readonly countStmt: Statement;
  private readonly pageStmt: Statement;
  private readonly hashAtStmt: Statement;
  private readonly typedTextStmt: Statement;

  constructor(db: Database) {
    this.db = db;
    // audit_events_action_seq (0130) answers this without reading the events.
    this.actionsStmt = db.prepare('SELECT DISTINCT action FROM audit_events ORDER BY action');
    this.eventStmt = db.prepare('SELECT * FROM audit_events WHERE seq = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO audit_events (seq, at, actor_id, actor_name, actor_role, action, subject_type, subject_id, details, prev_hash, hash, seat_id, seat_name)
       VALUES (@seq, @at, @actorId, @actorName, @actorRole, @action, @subjectType, @subjectId, @details, @prevHash, @hash, @seatId, @seatName)`,
    );
    this.headStmt = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
    this.recentStmt = db.prepare('SELECT * FROM audit_events ORDER BY seq DESC LIMIT ?');
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM audit_events');
    this.pageStmt = db.prepare('SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.hashAtStmt = db.prepare('SELECT hash FROM audit_events WHERE seq = ?');
    // Details are stored as canonical JSON, so a keyed hash appears as the quoted string "<64 hex>" wherever it is
    // kept (queryHash, reasonHash, …). A scan, not an index: this is an administrator's occasional question.
    this.typedTextStmt = db.prepare(`SELECT * FROM audit_events WHERE instr(details, '"' || ? || '"') > 0 ORDER BY seq DESC LIMIT ?`);
  }

  head(): { seq: number; hash: string } | null {
    return (this.headStmt.get() as { seq: number; hash: string } | undefined) ?? null;
  }

  /** Appends one event to the chain; call inside the write's transaction. */
  append(entry: AuditEntry): AuditEvent {
    const head = this.head();
    const seq = (head?.seq ?? 0) + 1;
    const prevHash = head?.hash ?? GENESIS_HASH;
    // Round-trip the details through JSON so the hash covers exactly what is stored.
    const details = JSON.parse(JSON.stringify(entry.details)) as Record<string, unknown>;
    const seat = entry.seat ?? null;
    const event = { ...entry, seq, details, seat };
    const hash = auditEventHash(prevHash, event);
    this.insertStmt.run({ ...event, details: canonicalJson(details), prevHash, hash, seatId: seat?.deviceId ?? null, seatName: seat?.name ?? null });
    return { ...event, prevHash, hash };
  }

  /** The stored hash of event `seq`, for comparing with a checkpoint. */
  hashAt(seq: number): string | null {
    return (this.hashAtStmt.get(seq) as { hash: string } | undefined)?.hash ?? null;
  }

  recent(limit: number): AuditEvent[] {
    return (this.recentStmt.all(limit) as AuditRow[]).map(rowToAuditEvent);
  }

  /** The newest events whose details hold this keyed hash of typed text (see Vault.typedTextHash). */
  withTypedTextHash(hash: string, limit: number): AuditEvent[] {
    if (!/^[0-9a-f]{64}$/.test(hash)) return [];
    return (this.typedTextStmt.all(hash, limit) as AuditRow[]).map(rowToAuditEvent);
  }

  count(): number {
    return (this.countStmt.get() as { n: number }).n;
  }

  /**
   * The WHERE clause of a filter over the indexes of 0130: audit_event_patients (patient, seq) for the patient,
   * (actor_id, seq) and (action, seq) for staff and action, (at) for the days; newest first by the primary key.
   */
  private filtered(q: AuditQuery, select: string, tail: string): Statement {
    const where: string[] = [];
    if (q.patientId) where.push('e.seq IN (SELECT ap.seq FROM audit_event_patients ap WHERE ap.patient_id = @patientId)');
    if (q.actorId) where.push('e.actor_id = @actorId');
    if (q.actions) where.push('e.action IN (SELECT value FROM json_each(@actions))');
    if (q.fromAt) where.push('e.at >= @fromAt');
    if (q.toAt) where.push('e.at < @toAt');
    if (q.before) where.push('e.seq < @before');
    const sql = `SELECT ${select} FROM audit_events e${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ${tail}`;
    let stmt = this.filterStmts.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.filterStmts.set(sql, stmt);
    }
    return stmt;
  }

  private static params(q: AuditQuery, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const p: Record<string, unknown> = { ...extra };
    if (q.patientId) p.patientId = q.patientId;
    if (q.actorId) p.actorId = q.actorId;
    if (q.actions) p.actions = JSON.stringify(q.actions);
    if (q.fromAt) p.fromAt = q.fromAt;
    if (q.toAt) p.toAt = q.toAt;
    if (q.before) p.before = q.before;
    return p;
  }

  /** Events matching the filter, newest first. */
  search(q: AuditQuery, limit: number): AuditEvent[] {
    return (this.filtered(q, 'e.*', 'ORDER BY e.seq DESC LIMIT @limit').all(AuditRepository.params(q, { limit })) as AuditRow[]).map(rowToAuditEvent);
  }

  /** How many events match the filter (ignoring `before`). */
  countMatching(q: AuditQuery): number {
    const all = { ...q, before: undefined };
    return (this.filtered(all, 'COUNT(*) AS n', '').get(AuditRepository.params(all)) as { n: number }).n;
  }

  /** Every action the trail holds. */
  actions(): string[] {
    return (this.actionsStmt.all() as { action: string }[]).map((r) => r.action);
  }

  event(seq: number): AuditEvent | null {
    const r = this.eventStmt.get(seq) as AuditRow | undefined;
    return r ? rowToAuditEvent(r) : null;
  }

  /** The patients each of these events names (patients since removed from the records are left out). */
  patientsOf(seqs: readonly number[]): AuditPatient[] {
    if (seqs.length === 0) return [];
    this.patientsOfStmt ??= this.db.prepare(`SELECT ap.seq, p.id, p.name_zh, p.chart_no FROM audit_event_patients ap JOIN patients p ON p.id = ap.patient_id
      WHERE ap.seq IN (SELECT value FROM json_each(?)) ORDER BY ap.seq, p.chart_no`);
    return (this.patientsOfStmt.all(JSON.stringify(seqs)) as { seq: number; id: string; name_zh: string; chart_no: string }[]).map((r) => ({
      seq: r.seq,
      id: r.id,
      name: r.name_zh,
      chartNo: r.chart_no,
    }));
  }

  /** Recomputes the whole chain in pages and names the first event that does not fit. */
  verifyChain(): ChainVerification {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    let after = 0;
    for (;;) {
      const rows = this.pageStmt.all(after, 5000) as AuditRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const event = rowToAuditEvent(row);
        const brk = (reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap'): ChainVerification => ({
          ok: false,
          checked,
          headSeq: null,
          headHash: null,
          firstBreak: { seq: row.seq, reason },
        });
        if (row.seq !== expectedSeq) return brk('sequence_gap');
        if (row.prev_hash !== prevHash) return brk('prev_hash_mismatch');
        if (auditEventHash(prevHash, event) !== row.hash) return brk('hash_mismatch');
        prevHash = row.hash;
        expectedSeq += 1;
        checked += 1;
        after = row.seq;
      }
    }
    return { ok: true, checked, headSeq: checked > 0 ? expectedSeq - 1 : null, headHash: checked > 0 ? prevHash : null, firstBreak: null };
  }
}
