import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { CalendarDayKind } from '../../shared/clinic-calendar';
import type { PrintedDateEra } from '../../shared/schemas/settings';
import type { ComparisonPhoto } from '../../shared/schemas/photo';

interface ComparisonRow {
  id: string;
  kind: string;
  angle: string | null;
  area: string | null;
  captured_at: string;
  captured_at_source: string | null;
  mime: string;
  sha256: string;
  visit_day: number | null;
}

const toComparison = (r: ComparisonRow): ComparisonPhoto => ({
  id: r.id,
  kind: r.kind as ComparisonPhoto['kind'],
  angle: r.angle as ComparisonPhoto['angle'],
  area: r.area as ComparisonPhoto['area'],
  capturedAt: r.captured_at,
  capturedAtSource: r.captured_at_source as ComparisonPhoto['capturedAtSource'],
  mime: r.mime,
  sha256: r.sha256,
  visitDay: r.visit_day,
});

export interface ClockRow {
  id: string;
  complaintId: string;
  kind: 'first_response' | 'accident_explanation' | 'records_copy';
  startedAt: string;
  /** The deadline in force: the newest recomputation's, else the one fixed when the clock started. */
  dueAt: string;
  metAt: string | null;
  complaintStatus: string;
  patientId: string | null;
}

/** Queries for photo comparison, the office-calendar import, clock recomputation and the printed-date era (0150). */
export class IntakeQueries {
  private readonly comparisonStmt: Statement;
  private readonly importDayStmt: Statement;
  private readonly clockStmt: Statement;
  private readonly recomputeStmt: Statement;
  private readonly eraStmt: Statement;
  private readonly setEraStmt: Statement;
  private readonly consentEraStmt: Statement;
  private readonly insertConsentEraStmt: Statement;

  constructor(db: Database) {
    // Before photos of the consultation; after photos of its treatment and of the treatment's follow-up visits.
    this.comparisonStmt = db.prepare(
      `SELECT ph.id, ph.kind, ph.angle, ph.area, ph.captured_at, ph.captured_at_source, a.mime, ph.sha256, NULL AS visit_day
         FROM photos ph JOIN attachments a ON a.sha256 = ph.sha256 WHERE ph.consultation_id = @consultationId
       UNION ALL
       SELECT ph.id, ph.kind, ph.angle, ph.area, ph.captured_at, ph.captured_at_source, a.mime, ph.sha256, v.day_offset AS visit_day
         FROM aftercare_photos l JOIN photos ph ON ph.id = l.photo_id JOIN attachments a ON a.sha256 = ph.sha256
         LEFT JOIN follow_up_visits v ON v.id = l.visit_id
        WHERE l.treatment_id = @treatmentId`,
    );
    this.importDayStmt = db.prepare(
      `INSERT INTO clinic_calendar (date, kind, name, created_by, created_at, source) VALUES (@date, @kind, @name, @createdBy, @createdAt, 'imported')
       ON CONFLICT (date) DO NOTHING`,
    );
    this.clockStmt = db.prepare(
      `SELECT k.id, k.complaint_id, k.kind, k.started_at, k.met_at, c.status AS complaint_status, c.patient_id,
              COALESCE((SELECT r.due_at FROM complaint_clock_recomputations r WHERE r.clock_id = k.id ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1), k.due_at) AS due_at
         FROM complaint_clocks k JOIN complaints c ON c.id = k.complaint_id WHERE k.complaint_id = ? AND k.kind = ?`,
    );
    this.recomputeStmt = db.prepare(
      `INSERT INTO complaint_clock_recomputations (id, clock_id, previous_due_at, due_at, reason, staff_id, created_at)
       VALUES (@id, @clockId, @previousDueAt, @dueAt, @reason, @staffId, @createdAt)`,
    );
    this.eraStmt = db.prepare('SELECT printed_date_era FROM clinic_settings WHERE id = 1');
    this.setEraStmt = db.prepare('UPDATE clinic_settings SET printed_date_era = ?, updated_at = ? WHERE id = 1');
    this.consentEraStmt = db.prepare('SELECT era FROM consent_printed_eras WHERE consent_id = ?');
    this.insertConsentEraStmt = db.prepare('INSERT INTO consent_printed_eras (consent_id, era) VALUES (?, ?)');
  }

  comparisonPhotos(consultationId: string, treatmentId: string | null): ComparisonPhoto[] {
    return (this.comparisonStmt.all({ consultationId, treatmentId }) as ComparisonRow[]).map(toComparison);
  }

  /** Adds an imported day unless the date is already on the calendar; true when it was added. */
  importDay(d: { date: string; kind: CalendarDayKind; name: string; createdBy: string; createdAt: string }): boolean {
    return this.importDayStmt.run(d).changes === 1;
  }

  clock(complaintId: string, kind: string): ClockRow | null {
    const r = this.clockStmt.get(complaintId, kind) as Record<string, string | null> | undefined;
    if (!r) return null;
    return {
      id: String(r.id),
      complaintId: String(r.complaint_id),
      kind: r.kind as ClockRow['kind'],
      startedAt: String(r.started_at),
      dueAt: String(r.due_at),
      metAt: r.met_at ?? null,
      complaintStatus: String(r.complaint_status),
      patientId: r.patient_id ?? null,
    };
  }

  recompute(r: { id: string; clockId: string; previousDueAt: string; dueAt: string; reason: string; staffId: string; createdAt: string }): void {
    this.recomputeStmt.run(r);
  }

  printedDateEra(): PrintedDateEra {
    const r = this.eraStmt.get() as { printed_date_era: string } | undefined;
    return r?.printed_date_era === 'roc' ? 'roc' : 'gregorian';
  }

  setPrintedDateEra(era: PrintedDateEra, at: string): void {
    this.setEraStmt.run(era, at);
  }

  /** The era a consent was issued with (西元 when none was recorded: every consent before 0150). */
  consentEra(consentId: string): PrintedDateEra {
    const r = this.consentEraStmt.get(consentId) as { era: string } | undefined;
    return r?.era === 'roc' ? 'roc' : 'gregorian';
  }

  recordConsentEra(consentId: string, era: PrintedDateEra): void {
    this.insertConsentEraStmt.run(consentId, era);
  }
}

/** The deadline in force of a clock row, for the complaint repository's clock queries. */
export const EFFECTIVE_DUE_AT = `COALESCE((SELECT r.due_at FROM complaint_clock_recomputations r WHERE r.clock_id = k.id ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1), k.due_at) AS due_at`;
