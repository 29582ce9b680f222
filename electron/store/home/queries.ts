import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/** A consultation that needs someone's hand: a signature, the end of a cooling-off period, a treatment. */
export interface WaitingConsultation {
  consultationId: string;
  consentId: string | null;
  patientId: string;
  patientName: string;
  chartNo: string;
  procedureName: string;
  procedureNameEn: string;
  at: string;
}

type Raw = { consultation_id: string; consent_id: string | null; patient_id: string; patient_name: string; chart_no: string; procedure_name: string; procedure_name_en: string; at: string };
const toRow = (r: Raw): WaitingConsultation => ({
  consultationId: r.consultation_id,
  consentId: r.consent_id,
  patientId: r.patient_id,
  patientName: r.patient_name,
  chartNo: r.chart_no,
  procedureName: r.procedure_name,
  procedureNameEn: r.procedure_name_en,
  at: r.at,
});

const COLUMNS = `c.id AS consultation_id, c.patient_id, p.name_zh AS patient_name, p.chart_no, pr.name_zh AS procedure_name, pr.name_en AS procedure_name_en`;
const JOINS = `JOIN patients p ON p.id = c.patient_id JOIN procedures pr ON pr.id = c.procedure_id`;
const NOT_WITHDRAWN = `NOT EXISTS (SELECT 1 FROM consent_withdrawals w WHERE w.consent_id = k.id)`;

/** Read-only queries for the Home screen over the consultation and consent records (never writes). */
export class HomeQueries {
  private readonly awaitingPhysicianStmt: Statement;
  private readonly coolingOffStmt: Statement;
  private readonly readyForTreatmentStmt: Statement;

  constructor(db: Database) {
    this.awaitingPhysicianStmt = db.prepare(`
      SELECT ${COLUMNS}, k.id AS consent_id, (SELECT MAX(s.signed_at) FROM consent_signatures s WHERE s.consent_id = k.id) AS at
      FROM consents k JOIN consultations c ON c.id = k.consultation_id ${JOINS}
      WHERE k.status = 'patient_signed' AND ${NOT_WITHDRAWN} AND (@physicianId IS NULL OR c.physician_id = @physicianId)
      ORDER BY at LIMIT 50`);
    this.coolingOffStmt = db.prepare(`
      SELECT ${COLUMNS}, (SELECT k.id FROM consents k WHERE k.consultation_id = c.id) AS consent_id, c.cooling_off_ends_at AS at
      FROM consultations c ${JOINS}
      WHERE c.status = 'disclosed' AND c.cooling_off_ends_at <= @until AND (@consultantId IS NULL OR c.consultant_id = @consultantId)
      ORDER BY c.cooling_off_ends_at LIMIT 50`);
    this.readyForTreatmentStmt = db.prepare(`
      SELECT ${COLUMNS}, k.id AS consent_id, k.fully_signed_at AS at
      FROM consultations c JOIN consents k ON k.consultation_id = c.id ${JOINS}
      WHERE c.status = 'fully_signed' AND k.expires_at > @now AND ${NOT_WITHDRAWN} AND (@physicianId IS NULL OR c.physician_id = @physicianId)
      ORDER BY k.fully_signed_at LIMIT 50`);
  }

  /** Consents the patient side has signed, waiting for the operating physician's countersignature. */
  awaitingPhysician(physicianId: string | null): WaitingConsultation[] {
    return (this.awaitingPhysicianStmt.all({ physicianId }) as Raw[]).map(toRow);
  }

  /** Disclosed consultations whose cooling-off period has ended or ends before `until`: the patient may sign. */
  coolingOffEnding(until: string, consultantId: string | null): WaitingConsultation[] {
    return (this.coolingOffStmt.all({ until, consultantId }) as Raw[]).map(toRow);
  }

  /** Fully signed, usable consents not yet treated. */
  readyForTreatment(now: string, physicianId: string | null): WaitingConsultation[] {
    return (this.readyForTreatmentStmt.all({ now, physicianId }) as Raw[]).map(toRow);
  }
}
