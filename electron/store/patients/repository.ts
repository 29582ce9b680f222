import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Guardian, PatientFields, PatientRevision, RiskMedication } from '../../../shared/schemas/patient';
import type { Locale } from '../../../shared/schemas/common';

/** A patient as stored, without the fields computed at read time (age). */
export interface PatientRecord {
  id: string;
  chartNo: string;
  nameZh: string;
  nameEn: string | null;
  sex: PatientFields['sex'];
  birthDate: string;
  nationalId: string | null;
  phone: string;
  email: string | null;
  lineId: string | null;
  address: string | null;
  emergencyContact: NonNullable<PatientFields['emergencyContact']> | null;
  allergies: string | null;
  riskMedications: RiskMedication[];
  medications: string | null;
  medicalHistory: string | null;
  priorProcedures: string | null;
  pregnancy: PatientFields['pregnancy'];
  smoking: PatientFields['smoking'];
  keloidHistory: boolean;
  guardian: Guardian | null;
  preferredLocale: Locale;
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface PatientRow {
  id: string;
  chart_no: string;
  name_zh: string;
  name_en: string | null;
  sex: string;
  birth_date: string;
  national_id: string | null;
  phone: string;
  email: string | null;
  line_id: string | null;
  address: string | null;
  emergency_contact: string | null;
  allergies: string | null;
  risk_medications: string;
  medications: string | null;
  medical_history: string | null;
  prior_procedures: string | null;
  pregnancy: string;
  smoking: string;
  keloid_history: number;
  guardian: string | null;
  preferred_locale: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PatientSummaryRecord {
  id: string;
  chartNo: string;
  nameZh: string;
  nameEn: string | null;
  sex: PatientFields['sex'];
  birthDate: string;
  phone: string;
}

function rowToPatient(r: PatientRow): PatientRecord {
  return {
    id: r.id,
    chartNo: r.chart_no,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    sex: r.sex as PatientRecord['sex'],
    birthDate: r.birth_date,
    nationalId: r.national_id,
    phone: r.phone,
    email: r.email,
    lineId: r.line_id,
    address: r.address,
    emergencyContact: r.emergency_contact ? (JSON.parse(r.emergency_contact) as PatientRecord['emergencyContact']) : null,
    allergies: r.allergies,
    riskMedications: JSON.parse(r.risk_medications) as RiskMedication[],
    medications: r.medications,
    medicalHistory: r.medical_history,
    priorProcedures: r.prior_procedures,
    pregnancy: r.pregnancy as PatientRecord['pregnancy'],
    smoking: r.smoking as PatientRecord['smoking'],
    keloidHistory: r.keloid_history === 1,
    guardian: r.guardian ? (JSON.parse(r.guardian) as Guardian) : null,
    preferredLocale: r.preferred_locale as Locale,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function rowToSummary(r: PatientRow): PatientSummaryRecord {
  return { id: r.id, chartNo: r.chart_no, nameZh: r.name_zh, nameEn: r.name_en, sex: r.sex as PatientRecord['sex'], birthDate: r.birth_date, phone: r.phone };
}

export function chartNoKey(chartNo: string): string {
  return chartNo.normalize('NFKC').trim().toUpperCase();
}
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Every 1- and 2-character piece of the names: the index for queries too short for trigrams. */
function nameGrams(p: { nameZh: string; nameEn: string | null }): string[] {
  const grams = new Set<string>();
  for (const name of [p.nameZh, p.nameEn ?? '']) {
    const chars = [...name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ')];
    chars.forEach((c, i) => {
      if (c.trim()) grams.add(c);
      const pair = c + (chars[i + 1] ?? '');
      if (pair.length === 2 && pair.trim().length === 2) grams.add(pair);
    });
  }
  return [...grams];
}

/** The text the trigram index searches: names, chart number, phone (as typed and digits only), ID. */
function searchBody(p: { nameZh: string; nameEn: string | null; chartNo: string; phone: string; nationalId: string | null }): string {
  return [p.nameZh, p.nameEn ?? '', p.chartNo, p.phone, phoneDigits(p.phone), p.nationalId ?? ''].join(' ').normalize('NFKC').toLowerCase();
}

function toColumns(p: PatientRecord) {
  return {
    id: p.id,
    chartNo: p.chartNo,
    chartNoKey: chartNoKey(p.chartNo),
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    sex: p.sex,
    birthDate: p.birthDate,
    nationalId: p.nationalId,
    phone: p.phone,
    phoneDigits: phoneDigits(p.phone),
    email: p.email,
    lineId: p.lineId,
    address: p.address,
    emergencyContact: p.emergencyContact ? JSON.stringify(p.emergencyContact) : null,
    allergies: p.allergies,
    riskMedications: JSON.stringify(p.riskMedications),
    medications: p.medications,
    medicalHistory: p.medicalHistory,
    priorProcedures: p.priorProcedures,
    pregnancy: p.pregnancy,
    smoking: p.smoking,
    keloidHistory: p.keloidHistory ? 1 : 0,
    guardian: p.guardian ? JSON.stringify(p.guardian) : null,
    preferredLocale: p.preferredLocale,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export class PatientRepository {
  private readonly insertStmt: Statement;
  private readonly updateStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly byChartStmt: Statement;
  private readonly byNationalIdStmt: Statement;
  private readonly insertRevisionStmt: Statement;
  private readonly revisionsStmt: Statement;
  private readonly insertSearchStmt: Statement;
  private readonly deleteSearchStmt: Statement;
  private readonly searchKeyStmt: Statement;
  private readonly insertGramStmt: Statement;
  private readonly deleteGramsStmt: Statement;
  private readonly gramSearchStmt: Statement;
  private readonly ftsSearchStmt: Statement;
  private readonly exactSearchStmt: Statement;
  private readonly recentStmt: Statement;
  private readonly countStmt: Statement;
  private readonly createdByStmt: Statement;

  constructor(db: Database) {
    const cols = `id, chart_no, chart_no_key, name_zh, name_en, sex, birth_date, national_id, phone, phone_digits, email, line_id,
      address, emergency_contact, allergies, risk_medications, medications, medical_history, prior_procedures, pregnancy, smoking,
      keloid_history, guardian, preferred_locale, version, created_at, created_by, updated_at`;
    this.insertStmt = db.prepare(
      `INSERT INTO patients (${cols}) VALUES (@id, @chartNo, @chartNoKey, @nameZh, @nameEn, @sex, @birthDate, @nationalId, @phone,
       @phoneDigits, @email, @lineId, @address, @emergencyContact, @allergies, @riskMedications, @medications, @medicalHistory,
       @priorProcedures, @pregnancy, @smoking, @keloidHistory, @guardian, @preferredLocale, @version, @createdAt, @createdBy, @updatedAt)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE patients SET chart_no = @chartNo, chart_no_key = @chartNoKey, name_zh = @nameZh, name_en = @nameEn, sex = @sex,
       birth_date = @birthDate, national_id = @nationalId, phone = @phone, phone_digits = @phoneDigits, email = @email,
       line_id = @lineId, address = @address, emergency_contact = @emergencyContact, allergies = @allergies,
       risk_medications = @riskMedications, medications = @medications, medical_history = @medicalHistory,
       prior_procedures = @priorProcedures, pregnancy = @pregnancy, smoking = @smoking, keloid_history = @keloidHistory,
       guardian = @guardian, preferred_locale = @preferredLocale, version = @version, updated_at = @updatedAt
       WHERE id = @id AND version = @version - 1`,
    );
    this.byIdStmt = db.prepare('SELECT * FROM patients WHERE id = ?');
    this.byChartStmt = db.prepare('SELECT * FROM patients WHERE chart_no_key = ?');
    this.byNationalIdStmt = db.prepare('SELECT * FROM patients WHERE national_id = ?');
    this.insertRevisionStmt = db.prepare(
      'INSERT INTO patient_revisions (patient_id, version, changed_at, changed_by, changes) VALUES (?, ?, ?, ?, ?)',
    );
    this.revisionsStmt = db.prepare(
      `SELECT r.version, r.changed_at, r.changed_by, s.name AS changed_by_name, r.changes FROM patient_revisions r
       JOIN staff s ON s.id = r.changed_by WHERE r.patient_id = ? ORDER BY r.version DESC`,
    );
    this.insertSearchStmt = db.prepare('INSERT INTO patient_search (patient_id, body) VALUES (?, ?)');
    this.deleteSearchStmt = db.prepare('DELETE FROM patient_search WHERE rowid = (SELECT search_rowid FROM patient_search_keys WHERE patient_id = ?)');
    this.searchKeyStmt = db.prepare('INSERT OR REPLACE INTO patient_search_keys (patient_id, search_rowid) VALUES (?, ?)');
    this.insertGramStmt = db.prepare('INSERT OR IGNORE INTO patient_name_grams (gram, patient_id) VALUES (?, ?)');
    this.deleteGramsStmt = db.prepare('DELETE FROM patient_name_grams WHERE patient_id = ?');
    this.gramSearchStmt = db.prepare(
      `SELECT p.* FROM patient_name_grams g JOIN patients p ON p.id = g.patient_id WHERE g.gram = ? ORDER BY p.name_zh, p.chart_no LIMIT ?`,
    );
    this.ftsSearchStmt = db.prepare(
      `SELECT p.* FROM patient_search s JOIN patients p ON p.id = s.patient_id WHERE patient_search MATCH ? ORDER BY p.name_zh, p.chart_no LIMIT ?`,
    );
    this.exactSearchStmt = db.prepare(
      `SELECT * FROM patients WHERE chart_no_key = @q OR phone_digits = @digits OR national_id = @q ORDER BY name_zh LIMIT @limit`,
    );
    this.recentStmt = db.prepare('SELECT * FROM patients ORDER BY updated_at DESC LIMIT ?');
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM patients');
    this.createdByStmt = db.prepare('SELECT s.name FROM patients p JOIN staff s ON s.id = p.created_by WHERE p.id = ?');
  }

  private index(p: PatientRecord): void {
    this.deleteSearchStmt.run(p.id);
    this.deleteGramsStmt.run(p.id);
    const { lastInsertRowid } = this.insertSearchStmt.run(p.id, searchBody(p));
    this.searchKeyStmt.run(p.id, lastInsertRowid);
    for (const g of nameGrams(p)) this.insertGramStmt.run(g, p.id);
  }

  insert(p: PatientRecord, createdBy: string): void {
    this.insertStmt.run({ ...toColumns(p), createdBy });
    this.index(p);
  }

  /** Saves a new version and the revision describing what changed; false when someone saved in between. */
  update(p: PatientRecord, changedBy: string, changes: PatientRevision['changes']): boolean {
    const r = this.updateStmt.run(toColumns(p));
    if (r.changes !== 1) return false;
    this.insertRevisionStmt.run(p.id, p.version, p.updatedAt, changedBy, JSON.stringify(changes));
    this.index(p);
    return true;
  }

  get(id: string): PatientRecord | null {
    const r = this.byIdStmt.get(id) as PatientRow | undefined;
    return r ? rowToPatient(r) : null;
  }

  getByChartNo(chartNo: string): PatientRecord | null {
    const r = this.byChartStmt.get(chartNoKey(chartNo)) as PatientRow | undefined;
    return r ? rowToPatient(r) : null;
  }

  getByNationalId(nationalId: string): PatientRecord | null {
    const r = this.byNationalIdStmt.get(nationalId) as PatientRow | undefined;
    return r ? rowToPatient(r) : null;
  }

  revisions(id: string): { version: number; changedAt: string; changedById: string; changedByName: string; changes: PatientRevision['changes'] }[] {
    return (this.revisionsStmt.all(id) as { version: number; changed_at: string; changed_by: string; changed_by_name: string; changes: string }[]).map((r) => ({
      version: r.version,
      changedAt: r.changed_at,
      changedById: r.changed_by,
      changedByName: r.changed_by_name,
      changes: JSON.parse(r.changes) as PatientRevision['changes'],
    }));
  }

  /**
   * Any part of a name, chart number, phone or ID. 1–2 characters: the name-gram index (plus exact chart or
   * phone); 3 or more: the trigram index. Empty: the most recently updated.
   */
  search(query: string, limit: number): PatientSummaryRecord[] {
    const q = query.normalize('NFKC').trim().toLowerCase();
    if (!q) return (this.recentStmt.all(limit) as PatientRow[]).map(rowToSummary);
    const chars = [...q];
    const rows: PatientRow[] =
      chars.length < 3
        ? [
            ...(this.exactSearchStmt.all({ q: q.toUpperCase(), digits: phoneDigits(q) || '-', limit }) as PatientRow[]),
            ...(this.gramSearchStmt.all(q, limit) as PatientRow[]),
          ]
        : (this.ftsSearchStmt.all(`"${q.replace(/"/g, '""')}"`, limit) as PatientRow[]);
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).slice(0, limit).map(rowToSummary);
  }

  createdByName(id: string): string | null {
    return (this.createdByStmt.get(id) as { name: string } | undefined)?.name ?? null;
  }

  count(): number {
    return (this.countStmt.get() as { n: number }).n;
  }

  /** Bulk insert for the demo generator and benchmarks (inside the caller's transaction). */
  insertMany(patients: PatientRecord[], createdBy: string): void {
    for (const p of patients) this.insert(p, createdBy);
  }
}
