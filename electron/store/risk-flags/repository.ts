import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { FlagKind } from '../../../shared/schemas/risk-flags';

export interface FlagAssessmentRecord {
  id: string;
  consultationId: string;
  kind: FlagKind;
  key: string;
  assessment: string;
  physicianId: string;
  physicianName: string;
  assessedAt: string;
}

type Raw = { id: string; consultation_id: string; flag_kind: string; flag_key: string; assessment: string; physician_id: string; physician_name: string; assessed_at: string };
const toRecord = (r: Raw): FlagAssessmentRecord => ({
  id: r.id,
  consultationId: r.consultation_id,
  kind: r.flag_kind as FlagKind,
  key: r.flag_key,
  assessment: r.assessment,
  physicianId: r.physician_id,
  physicianName: r.physician_name,
  assessedAt: r.assessed_at,
});

/** The operating physician's written assessments of a consultation's risk flags (append-only; triggers in 0130). */
export class FlagAssessmentRepository {
  private readonly insertStmt: Statement;
  private readonly forConsultationStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare(`INSERT INTO consultation_flag_assessments (id, consultation_id, flag_kind, flag_key, assessment, physician_id, assessed_at, recorded_by)
      VALUES (@id, @consultationId, @kind, @key, @assessment, @physicianId, @assessedAt, @recordedBy)`);
    this.forConsultationStmt = db.prepare(`SELECT a.*, s.name AS physician_name FROM consultation_flag_assessments a JOIN staff s ON s.id = a.physician_id
      WHERE a.consultation_id = ? ORDER BY a.assessed_at, a.flag_kind, a.flag_key`);
  }

  add(a: Omit<FlagAssessmentRecord, 'physicianName'> & { recordedBy: string }): void {
    this.insertStmt.run(a);
  }

  forConsultation(consultationId: string): FlagAssessmentRecord[] {
    return (this.forConsultationStmt.all(consultationId) as Raw[]).map(toRecord);
  }
}
