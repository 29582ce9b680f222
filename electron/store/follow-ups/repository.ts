import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { AttemptResult, Complication, EscalationKind, OutcomeFields, OutcomeRecordedWith, QualityFigureRow, RedFlag } from '../../../shared/schemas/aftercare';
import type { PhotoMeta } from '../../../shared/schemas/consultation';
import type { Role } from '../../../shared/schemas/staff';
import { type LastSave } from '../edit-versions';
import { PHOTO_COLUMNS, type PhotoRow, rowToPhoto } from '../photos/repository';
import { type CorrectionRecord } from '../treatments/repository';

type FollowUpRole = Exclude<Role, 'admin'>;
type Method = 'phone' | 'visit' | 'phone_or_visit' | 'message';

export interface VisitRecord {
  id: string;
  treatmentId: string;
  levelId: string;
  dayOffset: number;
  role: FollowUpRole;
  method: Method;
  focus: string;
  dueDate: string;
  assignedTo: string | null;
  doneAt: string | null;
  createdAt: string;
  /** Edit version (migration 0200): bumped by a change of assignee and by the outcome that marks the visit done. */
  version: number;
  updatedAt: string | null;
  /** Staff id; NULL on visits not changed since migration 0200. */
  updatedBy: string | null;
}

/** A visit with what a worklist shows about the patient, the treatment and the people. */
export interface VisitRow extends VisitRecord {
  consultationId: string;
  patientId: string;
  patientName: string;
  chartNo: string;
  phone: string | null;
  procedureName: string;
  procedureNameEn: string;
  performedAt: string;
  physicianId: string;
  physicianName: string;
  assignedToName: string | null;
  failedAttempts: number;
  openEscalations: EscalationKind[];
}

export interface AttemptRecord {
  id: string;
  visitId: string;
  at: string;
  method: Method;
  result: AttemptResult;
  note: string;
  staffName: string;
}

export interface OutcomeRecord extends OutcomeFields {
  visitId: string;
  redFlags: RedFlag[];
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
  recordedWith: OutcomeRecordedWith;
  contactAttemptId: string | null;
}

/** One procedure's outcome counts and sums (means are taken by the service, so totals can be combined). */
export type QualitySums = Omit<QualityFigureRow, 'meanPain' | 'meanSatisfaction'> & { painSum: number; satisfactionSum: number; satisfactionCount: number };

export interface EscalationRecord {
  id: string;
  visitId: string;
  kind: EscalationKind;
  physicianId: string;
  physicianName: string;
  redFlags: RedFlag[];
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  acknowledgementNote: string | null;
}

const VISIT_SELECT = `
  SELECT v.*, t.consultation_id, t.patient_id, t.performed_at, t.physician_id, p.name_zh AS patient_name, p.chart_no, p.phone,
    pr.name_zh AS procedure_name, pr.name_en AS procedure_name_en, ph.name AS physician_name, asg.name AS assigned_to_name,
    (SELECT COUNT(*) FROM follow_up_attempts f WHERE f.visit_id = v.id AND f.result <> 'reached'
       AND f.at > COALESCE((SELECT MAX(r.at) FROM follow_up_attempts r WHERE r.visit_id = v.id AND r.result = 'reached'), '')) AS failed_attempts,
    (SELECT group_concat(e.kind) FROM follow_up_escalations e WHERE e.visit_id = v.id AND e.acknowledged_at IS NULL) AS open_escalations
  FROM follow_up_visits v
  JOIN treatments t ON t.id = v.treatment_id
  JOIN patients p ON p.id = t.patient_id
  JOIN consultations c ON c.id = t.consultation_id
  JOIN procedures pr ON pr.id = c.procedure_id
  JOIN staff ph ON ph.id = t.physician_id
  LEFT JOIN staff asg ON asg.id = v.assigned_to`;

interface RawVisitRow {
  id: string;
  treatment_id: string;
  level_id: string;
  day_offset: number;
  role: string;
  method: string;
  focus: string;
  due_date: string;
  assigned_to: string | null;
  done_at: string | null;
  created_at: string;
  version: number;
  updated_at: string | null;
  updated_by: string | null;
  consultation_id: string;
  patient_id: string;
  performed_at: string;
  physician_id: string;
  patient_name: string;
  chart_no: string;
  phone: string | null;
  procedure_name: string;
  procedure_name_en: string;
  physician_name: string;
  assigned_to_name: string | null;
  failed_attempts: number;
  open_escalations: string | null;
}

function toVisitRow(r: RawVisitRow): VisitRow {
  return {
    id: r.id,
    treatmentId: r.treatment_id,
    levelId: r.level_id,
    dayOffset: r.day_offset,
    role: r.role as FollowUpRole,
    method: r.method as Method,
    focus: r.focus,
    dueDate: r.due_date,
    assignedTo: r.assigned_to,
    doneAt: r.done_at,
    createdAt: r.created_at,
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    consultationId: r.consultation_id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    chartNo: r.chart_no,
    phone: r.phone,
    procedureName: r.procedure_name,
    procedureNameEn: r.procedure_name_en,
    performedAt: r.performed_at,
    physicianId: r.physician_id,
    physicianName: r.physician_name,
    assignedToName: r.assigned_to_name,
    failedAttempts: r.failed_attempts,
    openEscalations: r.open_escalations ? [...new Set(r.open_escalations.split(','))] as EscalationKind[] : [],
  };
}

interface RawEscalation {
  id: string;
  visit_id: string;
  kind: string;
  physician_id: string;
  physician_name: string;
  red_flags: string;
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by_name: string | null;
  acknowledgement_note: string | null;
}

const toEscalation = (r: RawEscalation): EscalationRecord => ({
  id: r.id,
  visitId: r.visit_id,
  kind: r.kind as EscalationKind,
  physicianId: r.physician_id,
  physicianName: r.physician_name,
  redFlags: JSON.parse(r.red_flags) as RedFlag[],
  createdAt: r.created_at,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedByName: r.acknowledged_by_name,
  acknowledgementNote: r.acknowledgement_note,
});

const ESCALATION_SELECT = `
  SELECT e.*, ph.name AS physician_name, ack.name AS acknowledged_by_name
  FROM follow_up_escalations e JOIN staff ph ON ph.id = e.physician_id LEFT JOIN staff ack ON ack.id = e.acknowledged_by`;

const bool = (b: boolean) => (b ? 1 : 0);

function statements(db: Database) {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    insertVisit: p(`INSERT INTO follow_up_visits (id, treatment_id, level_id, day_offset, role, method, focus, due_date, assigned_to, done_at, created_at)
      VALUES (@id, @treatmentId, @levelId, @dayOffset, @role, @method, @focus, @dueDate, @assignedTo, NULL, @createdAt)`),
    visit: p(`${VISIT_SELECT} WHERE v.id = ?`),
    forTreatment: p(`${VISIT_SELECT} WHERE v.treatment_id = ? ORDER BY v.due_date, v.day_offset`),
    openUpTo: p(`${VISIT_SELECT} WHERE v.done_at IS NULL AND v.due_date <= ? ORDER BY v.due_date, p.name_zh`),
    openMineUpTo: p(`${VISIT_SELECT} WHERE v.done_at IS NULL AND v.due_date <= @until
      AND (v.assigned_to = @staffId OR (v.assigned_to IS NULL AND v.role = @role)) ORDER BY v.due_date, p.name_zh`),
    assign: p(`UPDATE follow_up_visits SET assigned_to = @staffId, version = @version + 1, updated_at = @at, updated_by = @by
      WHERE id = @id AND done_at IS NULL AND version = @version`),
    markDone: p(`UPDATE follow_up_visits SET done_at = @at, version = @version + 1, updated_at = @at, updated_by = @by
      WHERE id = @id AND done_at IS NULL AND version = @version`),
    countOpen: p('SELECT COUNT(*) AS n FROM follow_up_visits WHERE treatment_id = ? AND done_at IS NULL'),
    insertAttempt: p(`INSERT INTO follow_up_attempts (id, visit_id, at, method, result, note, staff_id, created_at)
      VALUES (@id, @visitId, @at, @method, @result, @note, @staffId, @createdAt)`),
    attempts: p(`SELECT f.id, f.visit_id, f.at, f.method, f.result, f.note, s.name AS staff_name FROM follow_up_attempts f
      JOIN staff s ON s.id = f.staff_id WHERE f.visit_id = ? ORDER BY f.at, f.created_at`),
    insertOutcome: p(`INSERT INTO follow_up_outcomes (visit_id, pain, swelling, bruising, bleeding, infection_signs, fever, numbness, asymmetry,
      vision_change, skin_colour_change, satisfaction, notes, complication_type, complication_severity, complication_management, red_flags,
      recorded_by, recorded_at)
      VALUES (@visitId, @pain, @swelling, @bruising, @bleeding, @infectionSigns, @fever, @numbness, @asymmetry, @visionChange,
      @skinColourChange, @satisfaction, @notes, @complicationType, @complicationSeverity, @complicationManagement, @redFlags,
      @recordedBy, @recordedAt)`),
    // An outcome without a provenance row cannot come from this version (it always writes one): read it as the old form's.
    outcome: p(`SELECT o.*, s.name AS recorded_by_name, COALESCE(pv.form, 'prefilled_defaults') AS recorded_with, pv.contact_attempt_id
      FROM follow_up_outcomes o JOIN staff s ON s.id = o.recorded_by LEFT JOIN follow_up_outcome_provenance pv ON pv.visit_id = o.visit_id
      WHERE o.visit_id = ?`),
    insertProvenance: p(`INSERT INTO follow_up_outcome_provenance (visit_id, form, contact_attempt_id, marked_at) VALUES (?, 'blank_form', ?, ?)`),
    // Per procedure over outcomes recorded in [from, to); @exclude = 1 leaves the pre-filled ones out.
    qualityFigures: p(`SELECT pr.id AS procedure_id, pr.name_zh AS procedure_name, pr.name_en AS procedure_name_en,
        COUNT(*) AS outcomes,
        SUM(CASE WHEN COALESCE(pv.form, 'prefilled_defaults') = 'prefilled_defaults' THEN 1 ELSE 0 END) AS prefilled,
        SUM(CASE WHEN o.red_flags <> '[]' THEN 1 ELSE 0 END) AS with_red_flags,
        SUM(CASE WHEN o.complication_type IS NOT NULL THEN 1 ELSE 0 END) AS with_complication,
        SUM(o.pain) AS pain_sum,
        SUM(o.satisfaction) AS satisfaction_sum, COUNT(o.satisfaction) AS satisfaction_count
      FROM follow_up_outcomes o
      JOIN follow_up_visits v ON v.id = o.visit_id
      JOIN treatments t ON t.id = v.treatment_id
      JOIN consultations c ON c.id = t.consultation_id
      JOIN procedures pr ON pr.id = c.procedure_id
      LEFT JOIN follow_up_outcome_provenance pv ON pv.visit_id = o.visit_id
      WHERE o.recorded_at >= @from AND o.recorded_at < @to
        AND (@exclude = 0 OR COALESCE(pv.form, 'prefilled_defaults') <> 'prefilled_defaults')
      GROUP BY pr.id ORDER BY pr.name_zh`),
    prefilledInPeriod: p(`SELECT COUNT(*) AS n FROM follow_up_outcomes o LEFT JOIN follow_up_outcome_provenance pv ON pv.visit_id = o.visit_id
      WHERE o.recorded_at >= @from AND o.recorded_at < @to AND COALESCE(pv.form, 'prefilled_defaults') = 'prefilled_defaults'`),
    insertOutcomeCorrection: p('INSERT INTO follow_up_outcome_corrections (id, visit_id, text, staff_id, created_at) VALUES (?, ?, ?, ?, ?)'),
    outcomeCorrections: p(`SELECT k.id, k.text, s.name AS staff_name, k.created_at FROM follow_up_outcome_corrections k
      JOIN staff s ON s.id = k.staff_id WHERE k.visit_id = ? ORDER BY k.created_at`),
    insertEscalation: p(`INSERT INTO follow_up_escalations (id, visit_id, kind, physician_id, red_flags, created_at)
      VALUES (@id, @visitId, @kind, @physicianId, @redFlags, @createdAt)`),
    escalation: p(`${ESCALATION_SELECT} WHERE e.id = ?`),
    escalationsForVisit: p(`${ESCALATION_SELECT} WHERE e.visit_id = ? ORDER BY e.created_at`),
    openEscalations: p(`${ESCALATION_SELECT} WHERE e.acknowledged_at IS NULL ORDER BY e.created_at`),
    openEscalationsFor: p(`${ESCALATION_SELECT} WHERE e.acknowledged_at IS NULL AND e.physician_id = ? ORDER BY e.created_at`),
    acknowledge: p(`UPDATE follow_up_escalations SET acknowledged_at = ?, acknowledged_by = ?, acknowledgement_note = ?
      WHERE id = ? AND acknowledged_at IS NULL`),
    visitPhotos: p(`SELECT ${PHOTO_COLUMNS} FROM aftercare_photos l JOIN photos ph ON ph.id = l.photo_id JOIN attachments a ON a.sha256 = ph.sha256
      WHERE l.visit_id = ? ORDER BY ph.created_at`),
  };
}

/** Follow-up visits, their attempts, outcomes (with corrections) and escalations. */
export class FollowUpRepository {
  private readonly s: ReturnType<typeof statements>;

  constructor(db: Database) {
    this.s = statements(db);
  }

  insertVisit(v: Omit<VisitRecord, 'doneAt' | 'version' | 'updatedAt' | 'updatedBy'>): void {
    this.s.insertVisit.run(v);
  }

  visit(id: string): VisitRow | null {
    const r = this.s.visit.get(id) as RawVisitRow | undefined;
    return r ? toVisitRow(r) : null;
  }

  forTreatment(treatmentId: string): VisitRow[] {
    return (this.s.forTreatment.all(treatmentId) as RawVisitRow[]).map(toVisitRow);
  }

  /** Open visits due on or before `until`: everyone's, or one person's (assigned to them, or unassigned for their role). */
  open(until: string, who: { staffId: string; role: Role } | null): VisitRow[] {
    const rows = who ? this.s.openMineUpTo.all({ until, staffId: who.staffId, role: who.role }) : this.s.openUpTo.all(until);
    return (rows as RawVisitRow[]).map(toVisitRow);
  }

  /** Gives the open visit to `staffId` over the version it was read at; false when another change replaced it. */
  assign(visitId: string, version: number, staffId: string | null, change: { by: string; at: string }): boolean {
    return this.s.assign.run({ id: visitId, version, staffId, ...change }).changes === 1;
  }

  /** Marks the open visit done over the version it was read at; false when another change replaced it. */
  markDone(visitId: string, version: number, change: { by: string; at: string }): boolean {
    return this.s.markDone.run({ id: visitId, version, ...change }).changes === 1;
  }

  /** The visit's edit version, and who changed it last and when (issue 14). */
  lastSave(visitId: string): LastSave | null {
    const v = this.visit(visitId);
    return v ? { version: v.version, updatedAt: v.updatedAt, updatedBy: v.updatedBy } : null;
  }

  openCountForTreatment(treatmentId: string): number {
    return (this.s.countOpen.get(treatmentId) as { n: number }).n;
  }

  addAttempt(a: { id: string; visitId: string; at: string; method: Method; result: AttemptResult; note: string; staffId: string; createdAt: string }): void {
    this.s.insertAttempt.run(a);
  }

  attempts(visitId: string): AttemptRecord[] {
    return (this.s.attempts.all(visitId) as { id: string; visit_id: string; at: string; method: string; result: string; note: string; staff_name: string }[]).map((r) => ({
      id: r.id,
      visitId: r.visit_id,
      at: r.at,
      method: r.method as Method,
      result: r.result as AttemptResult,
      note: r.note,
      staffName: r.staff_name,
    }));
  }

  /** The outcome and the contact it rests on (a reached attempt of this visit; the database checks it). */
  addOutcome(o: OutcomeFields & { visitId: string; redFlags: RedFlag[]; recordedBy: string; recordedAt: string; contactAttemptId: string }): void {
    this.insertOutcomeRow(o);
    this.s.insertProvenance.run(o.visitId, o.contactAttemptId, o.recordedAt);
  }

  private insertOutcomeRow(o: OutcomeFields & { visitId: string; redFlags: RedFlag[]; recordedBy: string; recordedAt: string }): void {
    this.s.insertOutcome.run({
      visitId: o.visitId,
      pain: o.pain,
      swelling: o.swelling,
      bruising: o.bruising,
      bleeding: o.bleeding,
      infectionSigns: bool(o.infectionSigns),
      fever: bool(o.fever),
      numbness: bool(o.numbness),
      asymmetry: bool(o.asymmetry),
      visionChange: bool(o.visionChange),
      skinColourChange: bool(o.skinColourChange),
      satisfaction: o.satisfaction,
      notes: o.notes,
      complicationType: o.complication?.type ?? null,
      complicationSeverity: o.complication?.severity ?? null,
      complicationManagement: o.complication?.management ?? null,
      redFlags: JSON.stringify(o.redFlags),
      recordedBy: o.recordedBy,
      recordedAt: o.recordedAt,
    });
  }

  outcome(visitId: string): OutcomeRecord | null {
    const r = this.s.outcome.get(visitId) as Record<string, string | number | null> | undefined;
    if (!r) return null;
    const complication: Complication | null = r.complication_type
      ? { type: r.complication_type as Complication['type'], severity: r.complication_severity as Complication['severity'], management: String(r.complication_management) }
      : null;
    return {
      visitId,
      pain: Number(r.pain),
      swelling: r.swelling as OutcomeFields['swelling'],
      bruising: r.bruising as OutcomeFields['bruising'],
      bleeding: r.bleeding as OutcomeFields['bleeding'],
      infectionSigns: r.infection_signs === 1,
      fever: r.fever === 1,
      numbness: r.numbness === 1,
      asymmetry: r.asymmetry === 1,
      visionChange: r.vision_change === 1,
      skinColourChange: r.skin_colour_change === 1,
      satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
      notes: String(r.notes),
      complication,
      redFlags: JSON.parse(String(r.red_flags)) as RedFlag[],
      recordedBy: String(r.recorded_by),
      recordedByName: String(r.recorded_by_name),
      recordedAt: String(r.recorded_at),
      recordedWith: r.recorded_with as OutcomeRecordedWith,
      contactAttemptId: r.contact_attempt_id === null ? null : String(r.contact_attempt_id),
    };
  }

  /** Outcome figures per procedure for outcomes recorded in [from, to) (instants), and the pre-filled ones among all of the period. */
  qualityFigures(from: string, to: string, excludePrefilled: boolean): { rows: QualitySums[]; prefilledInPeriod: number } {
    type Raw = {
      procedure_id: string;
      procedure_name: string;
      procedure_name_en: string;
      outcomes: number;
      prefilled: number;
      with_red_flags: number;
      with_complication: number;
      pain_sum: number;
      satisfaction_sum: number | null;
      satisfaction_count: number;
    };
    const raw = this.s.qualityFigures.all({ from, to, exclude: excludePrefilled ? 1 : 0 }) as Raw[];
    return {
      rows: raw.map((r) => ({
        procedureId: r.procedure_id,
        procedureName: r.procedure_name,
        procedureNameEn: r.procedure_name_en,
        outcomes: r.outcomes,
        prefilled: r.prefilled,
        withRedFlags: r.with_red_flags,
        withComplication: r.with_complication,
        painSum: r.pain_sum,
        satisfactionSum: r.satisfaction_sum ?? 0,
        satisfactionCount: r.satisfaction_count,
      })),
      prefilledInPeriod: (this.s.prefilledInPeriod.get({ from, to }) as { n: number }).n,
    };
  }

  addOutcomeCorrection(id: string, visitId: string, text: string, staffId: string, at: string): void {
    this.s.insertOutcomeCorrection.run(id, visitId, text, staffId, at);
  }

  outcomeCorrections(visitId: string): CorrectionRecord[] {
    return (this.s.outcomeCorrections.all(visitId) as { id: string; text: string; staff_name: string; created_at: string }[]).map((r) => ({
      id: r.id,
      text: r.text,
      staffName: r.staff_name,
      createdAt: r.created_at,
    }));
  }

  addEscalation(e: { id: string; visitId: string; kind: EscalationKind; physicianId: string; redFlags: RedFlag[]; createdAt: string }): void {
    this.s.insertEscalation.run({ ...e, redFlags: JSON.stringify(e.redFlags) });
  }

  escalation(id: string): EscalationRecord | null {
    const r = this.s.escalation.get(id) as RawEscalation | undefined;
    return r ? toEscalation(r) : null;
  }

  escalationsForVisit(visitId: string): EscalationRecord[] {
    return (this.s.escalationsForVisit.all(visitId) as RawEscalation[]).map(toEscalation);
  }

  /** Unacknowledged escalations: one physician's, or everyone's. */
  openEscalations(physicianId: string | null): EscalationRecord[] {
    const rows = physicianId ? this.s.openEscalationsFor.all(physicianId) : this.s.openEscalations.all();
    return (rows as RawEscalation[]).map(toEscalation);
  }

  acknowledge(id: string, at: string, staffId: string, note: string): boolean {
    return this.s.acknowledge.run(at, staffId, note, id).changes === 1;
  }

  visitPhotos(visitId: string): PhotoMeta[] {
    return (this.s.visitPhotos.all(visitId) as PhotoRow[]).map(rowToPhoto);
  }
}
