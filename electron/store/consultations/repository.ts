import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Locale } from '../../../shared/schemas/common';
import type {
  AlternativesInput,
  ConsultationStatus,
  ConsultationSummary,
  FeeQuote,
  GoalsInput,
  RiskAcknowledgement,
  ScreeningInput,
} from '../../../shared/schemas/consultation';
import type { z } from 'zod';
import { AttachmentRepository } from '../complaints/attachments';

type Alternatives = z.infer<typeof AlternativesInput>;

export interface ConsultationRecord {
  id: string;
  patientId: string;
  consultantId: string;
  physicianId: string;
  procedureId: string;
  templateId: string;
  locale: Locale;
  status: ConsultationStatus;
  screening: ScreeningInput | null;
  goals: GoalsInput | null;
  alternatives: Alternatives | null;
  quote: FeeQuote | null;
  quoteTotalTwd: number | null;
  quoteAcknowledgedAt: string | null;
  comprehensionPassedAt: string | null;
  coolingOffDays: number;
  disclosedAt: string | null;
  coolingOffEndsAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every save; a save over another version is refused (issue 14). */
  version: number;
  /** Who saved last (NULL on rows not saved since migration 0190). */
  updatedBy: string | null;
}

interface ConsultationRow {
  id: string;
  patient_id: string;
  consultant_id: string;
  physician_id: string;
  procedure_id: string;
  template_id: string;
  locale: string;
  status: string;
  screening: string | null;
  goals: string | null;
  alternatives: string | null;
  quote: string | null;
  quote_total_twd: number | null;
  quote_acknowledged_at: string | null;
  comprehension_passed_at: string | null;
  cooling_off_days: number;
  disclosed_at: string | null;
  cooling_off_ends_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  updated_by: string | null;
}

const json = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));

function rowToConsultation(r: ConsultationRow): ConsultationRecord {
  return {
    id: r.id,
    patientId: r.patient_id,
    consultantId: r.consultant_id,
    physicianId: r.physician_id,
    procedureId: r.procedure_id,
    templateId: r.template_id,
    locale: r.locale as Locale,
    status: r.status as ConsultationStatus,
    screening: json<ScreeningInput>(r.screening),
    goals: json<GoalsInput>(r.goals),
    alternatives: json<Alternatives>(r.alternatives),
    quote: json<FeeQuote>(r.quote),
    quoteTotalTwd: r.quote_total_twd,
    quoteAcknowledgedAt: r.quote_acknowledged_at,
    comprehensionPassedAt: r.comprehension_passed_at,
    coolingOffDays: r.cooling_off_days,
    disclosedAt: r.disclosed_at,
    coolingOffEndsAt: r.cooling_off_ends_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    updatedBy: r.updated_by,
  };
}

export class ConsultationRepository {
  private readonly insertStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly saveStmt: Statement;
  private readonly forPatientStmt: Statement;
  private readonly countForPatientStmt: Statement;
  private readonly insertAckStmt: Statement;
  private readonly acksStmt: Statement;
  private readonly insertReadingStmt: Statement;
  private readonly readingStmt: Statement;
  private readonly insertAnswerStmt: Statement;
  private readonly answersStmt: Statement;
  private readonly maxAttemptStmt: Statement;
  private readonly attachments: AttachmentRepository;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO consultations (id, patient_id, consultant_id, physician_id, procedure_id, template_id, locale, status, cooling_off_days, created_at, updated_at)
       VALUES (@id, @patientId, @consultantId, @physicianId, @procedureId, @templateId, @locale, 'draft', @coolingOffDays, @at, @at)`,
    );
    this.byIdStmt = db.prepare('SELECT * FROM consultations WHERE id = ?');
    this.saveStmt = db.prepare(
      `UPDATE consultations SET physician_id = @physicianId, status = @status, screening = @screening, goals = @goals, alternatives = @alternatives,
       quote = @quote, quote_total_twd = @quoteTotalTwd, quote_acknowledged_at = @quoteAcknowledgedAt,
       comprehension_passed_at = @comprehensionPassedAt, cooling_off_days = @coolingOffDays, disclosed_at = @disclosedAt,
       cooling_off_ends_at = @coolingOffEndsAt, updated_at = @updatedAt, updated_by = @updatedBy, version = @nextVersion
       WHERE id = @id AND version = @version`,
    );
    this.forPatientStmt = db.prepare(
      `SELECT c.id, c.patient_id, p.name_zh AS procedure_name, p.name_en AS procedure_name_en, cs.name AS consultant_name, ph.name AS physician_name, c.status,
       c.created_at, c.disclosed_at, c.cooling_off_ends_at
       FROM consultations c JOIN procedures p ON p.id = c.procedure_id JOIN staff cs ON cs.id = c.consultant_id
       JOIN staff ph ON ph.id = c.physician_id WHERE c.patient_id = ? ORDER BY c.created_at DESC`,
    );
    this.countForPatientStmt = db.prepare('SELECT COUNT(*) AS n FROM consultations WHERE patient_id = ?');
    this.insertAckStmt = db.prepare(
      `INSERT INTO risk_acknowledgements (consultation_id, risk_id, explained_at, acknowledged_at, method, questions, recorded_by)
       VALUES (@consultationId, @riskId, @explainedAt, @acknowledgedAt, @method, @questions, @recordedBy)`,
    );
    this.acksStmt = db.prepare(
      `SELECT a.risk_id, a.explained_at, a.acknowledged_at, a.method, a.questions, s.name AS recorded_by_name
       FROM risk_acknowledgements a JOIN staff s ON s.id = a.recorded_by WHERE a.consultation_id = ? ORDER BY a.acknowledged_at`,
    );
    this.insertReadingStmt = db.prepare('INSERT INTO reading_times (consultation_id, section, seconds, recorded_at) VALUES (?, ?, ?, ?)');
    this.readingStmt = db.prepare('SELECT section, SUM(seconds) AS seconds FROM reading_times WHERE consultation_id = ? GROUP BY section');
    this.insertAnswerStmt = db.prepare(
      `INSERT INTO comprehension_answers (consultation_id, question_id, attempt, chosen_index, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.answersStmt = db.prepare(
      'SELECT question_id, attempt, chosen_index, correct, answered_at FROM comprehension_answers WHERE consultation_id = ? ORDER BY attempt, question_id',
    );
    this.maxAttemptStmt = db.prepare('SELECT COALESCE(MAX(attempt), 0) AS n FROM comprehension_answers WHERE consultation_id = ?');
    this.attachments = new AttachmentRepository(db);
  }

  insert(c: { id: string; patientId: string; consultantId: string; physicianId: string; procedureId: string; templateId: string; locale: Locale; coolingOffDays: number; at: string }): void {
    this.insertStmt.run(c);
  }

  get(id: string): ConsultationRecord | null {
    const r = this.byIdStmt.get(id) as ConsultationRow | undefined;
    return r ? rowToConsultation(r) : null;
  }

  /**
   * Writes the record over the version it was read at (false when that version was replaced). `nextVersion`: the
   * version it becomes; a step's save bumps it, an action in the same transaction as its read keeps it.
   */
  save(c: ConsultationRecord, nextVersion: number = c.version): boolean {
    return this.saveStmt.run({
      ...c,
      nextVersion,
      screening: c.screening ? JSON.stringify(c.screening) : null,
      goals: c.goals ? JSON.stringify(c.goals) : null,
      alternatives: c.alternatives ? JSON.stringify(c.alternatives) : null,
      quote: c.quote ? JSON.stringify(c.quote) : null,
    }).changes === 1;
  }

  forPatient(patientId: string): ConsultationSummary[] {
    return (
      this.forPatientStmt.all(patientId) as {
        id: string; patient_id: string; procedure_name: string; procedure_name_en: string; consultant_name: string; physician_name: string; status: string;
        created_at: string; disclosed_at: string | null; cooling_off_ends_at: string | null;
      }[]
    ).map((r) => ({
      id: r.id,
      patientId: r.patient_id,
      procedureName: r.procedure_name,
      procedureNameEn: r.procedure_name_en,
      consultantName: r.consultant_name,
      physicianName: r.physician_name,
      status: r.status as ConsultationStatus,
      createdAt: r.created_at,
      disclosedAt: r.disclosed_at,
      coolingOffEndsAt: r.cooling_off_ends_at,
    }));
  }

  countForPatient(patientId: string): number {
    return (this.countForPatientStmt.get(patientId) as { n: number }).n;
  }

  addAcknowledgement(a: { consultationId: string; riskId: string; explainedAt: string; acknowledgedAt: string; method: RiskAcknowledgement['method']; questions: string | null; recordedBy: string }): void {
    this.insertAckStmt.run(a);
  }

  acknowledgements(consultationId: string): RiskAcknowledgement[] {
    return (
      this.acksStmt.all(consultationId) as { risk_id: string; explained_at: string; acknowledged_at: string; method: string; questions: string | null; recorded_by_name: string }[]
    ).map((r) => ({
      riskId: r.risk_id,
      explainedAt: r.explained_at,
      acknowledgedAt: r.acknowledged_at,
      method: r.method as RiskAcknowledgement['method'],
      questions: r.questions,
      recordedByName: r.recorded_by_name,
    }));
  }

  addReadingTime(consultationId: string, section: string, seconds: number, at: string): void {
    this.insertReadingStmt.run(consultationId, section, seconds, at);
  }

  readingSeconds(consultationId: string): Record<string, number> {
    return Object.fromEntries((this.readingStmt.all(consultationId) as { section: string; seconds: number }[]).map((r) => [r.section, r.seconds]));
  }

  /** Records one attempt at the whole questionnaire; returns the attempt number. */
  addComprehensionAttempt(consultationId: string, answers: { questionId: string; chosenIndex: number; correct: boolean }[], at: string): number {
    const attempt = (this.maxAttemptStmt.get(consultationId) as { n: number }).n + 1;
    for (const a of answers) this.insertAnswerStmt.run(consultationId, a.questionId, attempt, a.chosenIndex, a.correct ? 1 : 0, at);
    return attempt;
  }

  comprehensionAnswers(consultationId: string) {
    return (this.answersStmt.all(consultationId) as { question_id: string; attempt: number; chosen_index: number; correct: number; answered_at: string }[]).map((r) => ({
      questionId: r.question_id,
      attempt: r.attempt,
      chosenIndex: r.chosen_index,
      correct: r.correct === 1,
      answeredAt: r.answered_at,
    }));
  }

  attachmentBytes(sha256: string): Buffer {
    return this.attachments.bytes(sha256);
  }
}
