/**
 * Helpers for the per-migration upgrade tests: a vault "made by the previous version" is an in-memory database
 * with every migration before N applied exactly as the vault applies them (electron/store/vault.ts `migrate`:
 * each migration in its own transaction, then `PRAGMA user_version` set to its number), opened with the same
 * connection pragmas that matter to migrations and triggers (foreign keys, recursive triggers).
 *
 * The insert helpers write rows with the columns each table has at the version under test; they take ids so a
 * test can name its patients and staff, and fill every other NOT NULL column with a value the CHECKs accept.
 */
import { createHash } from 'node:crypto';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS } from '../../electron/store/migrations';
import type { Migration } from '../../electron/store/migrations/types';

export type { Database };

/** A fixed moment, so rows written by the tests compare exactly. */
export const AT = '2026-03-02T01:00:00.000Z';
/** Where the audit chain starts (0020's trigger compares the first row with this). */
export const CHAIN_START = '0'.repeat(64);

export const sha256Hex = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** The connection settings of `openDatabase` that change how migrations and triggers behave; no key in memory. */
export function blankDatabase(): Database {
  const db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  // The vault turns this on so INSERT OR REPLACE fires DELETE triggers; migrations run under it.
  db.pragma('recursive_triggers = ON');
  return db;
}

export function migrationNumbered(version: number): Migration {
  const found = MIGRATIONS.find((m) => m.version === version);
  if (!found) throw new Error(`no shipped migration numbered ${version}`);
  return found;
}

/** Runs one migration the way the vault does: inside a transaction that also records the schema version. */
export function applyMigration(db: Database, version: number): void {
  const m = migrationNumbered(version);
  db.transaction(() => {
    m.up(db);
    db.pragma(`user_version = ${Number(m.version)}`);
  })();
}

/** A vault at `version`: every migration up to and including it (0 is a blank database). */
export function databaseAt(version: number): Database {
  if (version !== 0) migrationNumbered(version);
  const db = blankDatabase();
  for (const m of MIGRATIONS) if (m.version <= version) applyMigration(db, m.version);
  return db;
}

/** A vault made by the release before migration `version` shipped: every migration before it. */
export function databaseBefore(version: number): Database {
  const m = migrationNumbered(version);
  const previous = MIGRATIONS.slice(0, MIGRATIONS.indexOf(m)).at(-1);
  return databaseAt(previous ? previous.version : 0);
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function schemaObjects(db: Database, type: 'table' | 'index' | 'trigger'): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").all(type) as { name: string }[];
  return rows.map((r) => r.name);
}

export function columnNames(db: Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name);
}

export function foreignKeyViolations(db: Database): unknown[] {
  return db.pragma('foreign_key_check') as unknown[];
}

/** Every row of a table in a stable order (by every column, unless told), to compare before and after a migration. */
export function rowsOf(db: Database, table: string, orderBy?: string): Record<string, unknown>[] {
  const order = orderBy ?? columnNames(db, table).map((_, i) => i + 1).join(', ');
  return db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all() as Record<string, unknown>[];
}

export function countOf(db: Database, table: string, where = '1', ...params: unknown[]): number {
  return (db.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`).get(...params) as { n: number }).n;
}

/** Whether SQLite would use `index` for `query` (the plan names it). */
export function planUses(db: Database, query: string, index: string, ...params: unknown[]): boolean {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[];
  return plan.some((p) => p.detail.includes(index));
}

// ---------------------------------------------------------------------------------------------------------------
// 0010: the clinic and its staff

export const TEAM = {
  admin: 'staff-admin-lin',
  secondAdmin: 'staff-admin-chen',
  physician: 'staff-dr-wang',
  consultant: 'staff-consultant-huang',
  nurse: 'staff-nurse-tsai',
} as const;

export function addClinicSettings(db: Database, clinicName = '晨光美學診所'): void {
  db.prepare(
    `INSERT INTO clinic_settings (id, vault_id, clinic_name, time_zone, idle_lock_minutes, created_at, updated_at)
     VALUES (1, 'vault-7f3a', ?, 'Asia/Taipei', 10, ?, ?)`,
  ).run(clinicName, AT, AT);
}

export interface StaffRow {
  id: string;
  name: string;
  role: 'admin' | 'physician' | 'consultant' | 'nurse';
  active?: boolean;
}

/**
 * A staff member as the app of that version wrote one: before 0160 the sign-in key is the normalised name
 * (`name_key`); from 0160 it is the normalised login id (`login_key`, with `login_id`).
 */
export function addStaff(db: Database, s: StaffRow, loginId = s.name): void {
  const physician = s.role === 'physician';
  const params = {
    id: s.id,
    name: s.name,
    key: (columnNames(db, 'staff').includes('login_key') ? loginId : s.name).normalize('NFKC').trim().toLowerCase(),
    role: s.role,
    licenceNo: physician ? '醫字第031245號' : null,
    specialty: physician ? '整形外科' : null,
    active: s.active === false ? 0 : 1,
    at: AT,
  };
  if (columnNames(db, 'staff').includes('login_key')) {
    db.prepare(
      `INSERT INTO staff (id, name, login_key, login_id, role, licence_no, specialty, active, created_at, password_change_required)
       VALUES (@id, @name, @key, @loginId, @role, @licenceNo, @specialty, @active, @at, 0)`,
    ).run({ ...params, loginId });
  } else {
    db.prepare(
      `INSERT INTO staff (id, name, name_key, role, licence_no, specialty, active, created_at)
       VALUES (@id, @name, @key, @role, @licenceNo, @specialty, @active, @at)`,
    ).run(params);
  }
}

/** The clinic settings row and a team of five: two administrators, a physician, a consultant and a nurse. */
export function addClinicTeam(db: Database): void {
  addClinicSettings(db);
  addStaff(db, { id: TEAM.admin, name: 'Lin Admin', role: 'admin' });
  addStaff(db, { id: TEAM.secondAdmin, name: 'Chen Admin', role: 'admin' });
  addStaff(db, { id: TEAM.physician, name: '王醫師', role: 'physician' });
  addStaff(db, { id: TEAM.consultant, name: '黃諮詢師', role: 'consultant' });
  addStaff(db, { id: TEAM.nurse, name: '蔡護理師', role: 'nurse' });
}

// ---------------------------------------------------------------------------------------------------------------
// 0020: the audit trail

export interface AuditRow {
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  details?: Record<string, unknown>;
  actorId?: string | null;
}

/**
 * Appends an event linked to the chain head. The hash is a SHA-256 over the link and the body, not the app's
 * exact canonical form (that lives in electron/store/audit.ts): the schema only checks the link and uniqueness.
 */
export function appendAuditEvent(db: Database, e: AuditRow): number {
  const head = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? CHAIN_START;
  const details = JSON.stringify(e.details ?? {});
  const row = {
    seq,
    at: AT,
    actorId: e.actorId === undefined ? TEAM.admin : e.actorId,
    actorName: e.actorId === null ? null : 'Lin Admin',
    actorRole: e.actorId === null ? null : 'admin',
    action: e.action,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId ?? null,
    details,
    prevHash,
  };
  db.prepare(
    `INSERT INTO audit_events (seq, at, actor_id, actor_name, actor_role, action, subject_type, subject_id, details, prev_hash, hash)
     VALUES (@seq, @at, @actorId, @actorName, @actorRole, @action, @subjectType, @subjectId, @details, @prevHash, @hash)`,
  ).run({ ...row, hash: sha256Hex(prevHash + JSON.stringify(row)) });
  return seq;
}

// ---------------------------------------------------------------------------------------------------------------
// 0030: patients

export interface PatientRow {
  id: string;
  chartNo: string;
  nameZh: string;
  nameEn?: string | null;
  phone?: string;
  createdBy?: string;
}

export function addPatient(db: Database, p: PatientRow): void {
  const phone = p.phone ?? '0912-345-678';
  db.prepare(
    `INSERT INTO patients (id, chart_no, chart_no_key, name_zh, name_en, sex, birth_date, national_id, phone, phone_digits, email, line_id, address,
       emergency_contact, allergies, risk_medications, medications, medical_history, prior_procedures, pregnancy, smoking, keloid_history, guardian,
       preferred_locale, version, created_at, created_by, updated_at)
     VALUES (@id, @chartNo, @chartNoKey, @nameZh, @nameEn, 'female', '1990-05-17', NULL, @phone, @phoneDigits, NULL, NULL, NULL,
       NULL, 'penicillin', '[]', NULL, NULL, NULL, 'no', 'never', 0, NULL, 'zh-TW', 1, @at, @createdBy, @at)`,
  ).run({
    id: p.id,
    chartNo: p.chartNo,
    chartNoKey: p.chartNo.toLowerCase(),
    nameZh: p.nameZh,
    nameEn: p.nameEn ?? null,
    phone,
    phoneDigits: phone.replace(/\D/g, ''),
    createdBy: p.createdBy ?? TEAM.consultant,
    at: AT,
  });
}

/**
 * The patient's search rows as the patient store writes them: one full-text row (chart number, names, phone) and
 * every 1- and 2-character piece of the Chinese name; from 0061 also the key to the full-text row.
 */
export function indexPatient(db: Database, p: PatientRow): number {
  const body = [p.chartNo, p.nameZh, p.nameEn ?? '', (p.phone ?? '0912-345-678').replace(/\D/g, '')].join(' ');
  const rowid = Number(db.prepare('INSERT INTO patient_search (patient_id, body) VALUES (?, ?)').run(p.id, body).lastInsertRowid);
  const chars = [...p.nameZh];
  const grams = new Set([...chars, ...chars.slice(0, -1).map((c, i) => c + chars[i + 1]!)]);
  for (const gram of grams) db.prepare('INSERT OR IGNORE INTO patient_name_grams (gram, patient_id) VALUES (?, ?)').run(gram, p.id);
  if (schemaObjects(db, 'table').includes('patient_search_keys')) {
    db.prepare('INSERT OR REPLACE INTO patient_search_keys (patient_id, search_rowid) VALUES (?, ?)').run(p.id, rowid);
  }
  return rowid;
}

export const PATIENT_MEI: PatientRow = { id: 'patient-chen-mei', chartNo: 'A000123', nameZh: '陳美玲', nameEn: 'Chen Mei-ling', phone: '0912-345-678' };
export const PATIENT_YU: PatientRow = { id: 'patient-lin-yu', chartNo: 'A000124', nameZh: '林宜蓁', nameEn: 'Lin Yi-chen', phone: '0987-654-321' };

// ---------------------------------------------------------------------------------------------------------------
// 0040: the catalogue

/** A starter procedure (seeded by 0040) and its published zh-TW template. */
export function starterProcedure(db: Database, code: string): { procedureId: string; templateId: string; coolingOffDays: number } {
  const row = db
    .prepare(
      `SELECT p.id AS procedureId, t.id AS templateId, p.cooling_off_days AS coolingOffDays FROM procedures p
       JOIN disclosure_templates t ON t.procedure_id = p.id AND t.locale = 'zh-TW' AND t.status = 'published'
       WHERE p.code = ?`,
    )
    .get(code) as { procedureId: string; templateId: string; coolingOffDays: number } | undefined;
  if (!row) throw new Error(`no starter procedure ${code}`);
  return row;
}

export function firstStarterCode(db: Database): string {
  return (db.prepare('SELECT code FROM procedures ORDER BY rowid LIMIT 1').get() as { code: string }).code;
}

// ---------------------------------------------------------------------------------------------------------------
// 0050: consultations, attachments, photos

export type ConsultationStatus = 'draft' | 'disclosed' | 'patient_signed' | 'fully_signed' | 'treated' | 'follow_up' | 'closed' | 'withdrawn';

export function addConsultation(db: Database, c: { id: string; patientId: string; status?: ConsultationStatus; code?: string }): void {
  const p = starterProcedure(db, c.code ?? firstStarterCode(db));
  const status = c.status ?? 'draft';
  const disclosed = status !== 'draft';
  db.prepare(
    `INSERT INTO consultations (id, patient_id, consultant_id, physician_id, procedure_id, template_id, locale, status, screening, goals, alternatives,
       quote, quote_total_twd, quote_acknowledged_at, comprehension_passed_at, cooling_off_days, disclosed_at, cooling_off_ends_at, created_at, updated_at)
     VALUES (@id, @patientId, @consultant, @physician, @procedureId, @templateId, 'zh-TW', @status, @screening, '眼皮鬆弛，希望自然雙眼皮', NULL,
       NULL, 68000, NULL, @passed, @days, @disclosedAt, @endsAt, @at, @at)`,
  ).run({
    id: c.id,
    patientId: c.patientId,
    consultant: TEAM.consultant,
    physician: TEAM.physician,
    procedureId: p.procedureId,
    templateId: p.templateId,
    status,
    screening: JSON.stringify({ anticoagulant: false, pregnancy: false }),
    passed: disclosed ? AT : null,
    days: p.coolingOffDays,
    disclosedAt: disclosed ? AT : null,
    endsAt: disclosed ? '2026-03-05T01:00:00.000Z' : null,
    at: AT,
  });
}

export function addAttachment(db: Database, text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const sha = sha256Hex(bytes);
  db.prepare('INSERT INTO attachments (sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)').run(sha, 'image/jpeg', bytes.length, bytes, AT);
  return sha;
}

export function addPhoto(db: Database, p: { id: string; patientId: string; consultationId: string | null; kind: 'before' | 'after' }): string {
  const sha = addAttachment(db, `jpeg bytes of ${p.id}`);
  db.prepare(
    `INSERT INTO photos (id, patient_id, consultation_id, kind, sha256, captured_at, marketing_consent, marketing_withdrawn_at, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?, ?)`,
  ).run(p.id, p.patientId, p.consultationId, p.kind, sha, '2026-03-01T09:30:00.000Z', AT, TEAM.nurse);
  return sha;
}

// ---------------------------------------------------------------------------------------------------------------
// 0060: communications

export function addCommunication(db: Database, c: { id: string; patientId: string; summary?: string }): void {
  db.prepare(
    `INSERT INTO communications (id, patient_id, consultation_id, channel, direction, occurred_at, summary, attachment_sha256, attachment_name, staff_id, created_at)
     VALUES (?, ?, NULL, 'line', 'inbound', ?, ?, NULL, NULL, ?, ?)`,
  ).run(c.id, c.patientId, AT, c.summary ?? '詢問術後冰敷時間', TEAM.consultant, AT);
}

// ---------------------------------------------------------------------------------------------------------------
// 0070: consents

export function addConsentDocument(db: Database, text: string): string {
  const bytes = Buffer.from(`%PDF-1.7 ${text}`, 'utf8');
  const sha = sha256Hex(bytes);
  db.prepare('INSERT INTO consent_documents (sha256, bytes, size, page_count, created_at) VALUES (?, ?, ?, 3, ?)').run(sha, bytes, bytes.length, AT);
  return sha;
}

export interface ConsentRow {
  id: string;
  consultationId: string;
  patientId: string;
  forms?: readonly ('procedure' | 'anaesthesia')[];
  roles?: readonly ('patient' | 'guardian' | 'witness' | 'physician')[];
}

/** An issued consent and its document; returns the document's SHA-256. */
export function issueConsent(db: Database, c: ConsentRow): string {
  const sha = addConsentDocument(db, `issued consent ${c.id}`);
  db.prepare(
    `INSERT INTO consents (id, consultation_id, patient_id, locale, forms, roles, status, document_sha256, issued_at, issued_by)
     VALUES (?, ?, ?, 'zh-TW', ?, ?, 'issued', ?, ?, ?)`,
  ).run(c.id, c.consultationId, c.patientId, JSON.stringify(c.forms ?? ['procedure']), JSON.stringify(c.roles ?? ['patient', 'physician']), sha, AT, TEAM.consultant);
  return sha;
}

export interface SignatureRow {
  id: string;
  consentId: string;
  role: 'patient' | 'guardian' | 'witness' | 'physician';
  documentSha256: string;
  form?: 'procedure' | 'anaesthesia';
  signerName?: string;
}

export const strokesOf = (signer: string): string => JSON.stringify([[{ x: 10, y: 20, t: 0 }, { x: 40, y: 25, t: 80 }], [{ x: 12, y: 30, t: 200, signer }]]);
export const pngOf = (signer: string): Buffer => Buffer.from(`\x89PNG signature of ${signer}`, 'utf8');

export function addSignature(db: Database, s: SignatureRow): void {
  const signer = s.signerName ?? (s.role === 'physician' ? '王醫師' : '陳美玲');
  const strokes = strokesOf(signer);
  const png = pngOf(signer);
  db.prepare(
    `INSERT INTO consent_signatures (id, consent_id, form, role, signer_name, staff_id, document_sha256, strokes, strokes_sha256, png, png_sha256,
       binding_sha256, signed_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.id, s.consentId, s.form ?? 'procedure', s.role, signer, s.role === 'physician' ? TEAM.physician : null, s.documentSha256,
    strokes, sha256Hex(strokes), png, sha256Hex(png), sha256Hex(`${s.documentSha256}:${sha256Hex(strokes)}`), AT, TEAM.consultant,
  );
}

/** The patient and physician sign, and the final PDF locks the consent. */
export function signConsentFully(db: Database, consentId: string, documentSha256: string): string {
  addSignature(db, { id: `${consentId}-sig-patient`, consentId, role: 'patient', documentSha256 });
  addSignature(db, { id: `${consentId}-sig-physician`, consentId, role: 'physician', documentSha256 });
  const finalSha = addConsentDocument(db, `final consent ${consentId}`);
  db.prepare(`UPDATE consents SET status = 'fully_signed', final_sha256 = ?, fully_signed_at = ? WHERE id = ?`).run(finalSha, AT, consentId);
  return finalSha;
}

/** A consultation whose consent is fully signed: what a treatment needs. Returns the ids. */
export function addSignedConsultation(db: Database, patientId: string, name: string): { consultationId: string; consentId: string } {
  const consultationId = `consultation-${name}`;
  const consentId = `consent-${name}`;
  addConsultation(db, { id: consultationId, patientId, status: 'disclosed' });
  const sha = issueConsent(db, { id: consentId, consultationId, patientId });
  signConsentFully(db, consentId, sha);
  return { consultationId, consentId };
}

// ---------------------------------------------------------------------------------------------------------------
// 0080: aftercare

export function addTreatment(db: Database, t: { id: string; consultationId: string; consentId: string; patientId: string }): void {
  db.prepare(
    `INSERT INTO treatments (id, consultation_id, consent_id, patient_id, physician_id, performed_at, assistant_ids, anaesthesia, anaesthesia_details,
       intra_op_notes, recorded_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'local', '2% lidocaine 3 mL', '縫線6-0，出血少量', ?, ?)`,
  ).run(t.id, t.consultationId, t.consentId, t.patientId, TEAM.physician, '2026-03-01T02:00:00.000Z', JSON.stringify([TEAM.nurse]), TEAM.physician, AT);
}

export function addFollowUpVisit(db: Database, v: { id: string; treatmentId: string; levelId: string; dueDate: string; dayOffset?: number }): void {
  db.prepare(
    `INSERT INTO follow_up_visits (id, treatment_id, level_id, day_offset, role, method, focus, due_date, assigned_to, done_at, created_at)
     VALUES (?, ?, ?, ?, 'nurse', 'phone', '腫脹、疼痛、傷口', ?, ?, NULL, ?)`,
  ).run(v.id, v.treatmentId, v.levelId, v.dayOffset ?? 1, v.dueDate, TEAM.nurse, AT);
}

export type AttemptResult = 'reached' | 'no_answer' | 'busy' | 'voicemail' | 'wrong_number' | 'message_only';

export function addFollowUpAttempt(db: Database, a: { id: string; visitId: string; result: AttemptResult }): void {
  db.prepare(
    `INSERT INTO follow_up_attempts (id, visit_id, at, method, result, note, staff_id, created_at) VALUES (?, ?, ?, 'phone', ?, '', ?, ?)`,
  ).run(a.id, a.visitId, AT, a.result, TEAM.nurse, AT);
}

export function addFollowUpOutcome(db: Database, visitId: string, pain = 2): void {
  db.prepare(
    `INSERT INTO follow_up_outcomes (visit_id, pain, swelling, bruising, bleeding, infection_signs, fever, numbness, asymmetry, vision_change,
       skin_colour_change, satisfaction, notes, complication_type, complication_severity, complication_management, red_flags, recorded_by, recorded_at)
     VALUES (?, ?, 'mild', 'none', 'none', 0, 0, 0, 0, 0, 0, 4, '恢復良好', NULL, NULL, NULL, '[]', ?, ?)`,
  ).run(visitId, pain, TEAM.nurse, AT);
}

/** A treated patient: consultation, fully signed consent, treatment and its day-1 follow-up visit (due before AT). */
export function addTreatedPatient(db: Database, patientId: string, name: string): { consultationId: string; consentId: string; treatmentId: string; visitId: string } {
  const signed = addSignedConsultation(db, patientId, name);
  const treatmentId = `treatment-${name}`;
  const visitId = `visit-${name}-d1`;
  addTreatment(db, { id: treatmentId, ...signed, patientId });
  addFollowUpVisit(db, { id: visitId, treatmentId, levelId: 'd1', dueDate: '2026-03-02' });
  return { ...signed, treatmentId, visitId };
}

export function addComplaint(db: Database, c: { id: string; refNo: string; patientId: string | null; severity?: 'low' | 'medium' | 'high' | 'critical' }): void {
  db.prepare(
    `INSERT INTO complaints (id, ref_no, patient_id, complainant_name, consultation_id, treatment_id, channel, category, severity, received_at, patient_says,
       patient_wants, status, closed_at, closed_by, closing_summary, created_by, created_at)
     VALUES (?, ?, ?, ?, NULL, NULL, 'phone', 'outcome_expectation', ?, ?, '雙眼皮寬度不對稱', '希望免費修整', 'open', NULL, NULL, NULL, ?, ?)`,
  ).run(c.id, c.refNo, c.patientId, c.patientId ? null : '匿名來電者', c.severity ?? 'medium', AT, TEAM.consultant, AT);
}

export function addComplaintEntry(db: Database, e: { id: string; complaintId: string; kind?: string }): void {
  db.prepare(
    `INSERT INTO complaint_entries (id, complaint_id, kind, occurred_at, summary, attachment_sha256, attachment_name, staff_id, created_at)
     VALUES (?, ?, ?, ?, '已致電說明', NULL, NULL, ?, ?)`,
  ).run(e.id, e.complaintId, e.kind ?? 'contact', AT, TEAM.consultant, AT);
}

export function addComplaintClock(db: Database, k: { id: string; complaintId: string; kind?: 'first_response' | 'accident_explanation' | 'records_copy'; metByEntryId?: string }): void {
  db.prepare(
    `INSERT INTO complaint_clocks (id, complaint_id, kind, started_at, due_at, source_entry_id, met_at, met_by_entry_id)
     VALUES (?, ?, ?, ?, '2026-03-09T01:00:00.000Z', NULL, ?, ?)`,
  ).run(k.id, k.complaintId, k.kind ?? 'first_response', AT, k.metByEntryId ? AT : null, k.metByEntryId ?? null);
}

/** What 0080 demands before a complaint may close: a resolution and a root-cause review. */
export function resolveAndReviewComplaint(db: Database, complaintId: string): void {
  db.prepare(
    `INSERT INTO complaint_resolutions (id, complaint_id, kind, amount_twd, description, decided_at, staff_id, created_at)
     VALUES (?, ?, 'free_revision', NULL, '三個月後免費修整', ?, ?, ?)`,
  ).run(`${complaintId}-resolution`, complaintId, AT, TEAM.physician, AT);
  db.prepare(`INSERT INTO complaint_reviews (id, complaint_id, what_happened, staff_id, created_at) VALUES (?, ?, '術前未充分說明不對稱風險', ?, ?)`).run(
    `${complaintId}-review`, complaintId, TEAM.admin, AT,
  );
}

export function closeComplaint(db: Database, complaintId: string): void {
  db.prepare(`UPDATE complaints SET status = 'closed', closed_at = ?, closed_by = ?, closing_summary = '病人接受修整方案' WHERE id = ?`).run(AT, TEAM.admin, complaintId);
}

export function addCalendarDay(db: Database, date: string, name: string, kind: 'holiday' | 'workday' = 'holiday'): void {
  db.prepare('INSERT INTO clinic_calendar (date, kind, name, created_by, created_at) VALUES (?, ?, ?, ?, ?)').run(date, kind, name, TEAM.admin, AT);
}

export function addPrivacyIncident(db: Database, id: string, status: 'open' | 'closed' = 'open'): void {
  const closed = status === 'closed';
  db.prepare(
    `INSERT INTO privacy_incidents (id, ref_no, what_happened, people_affected, data_kinds, occurred_at, discovered_at, containment, due_at, reported_by,
       created_at, status, closed_at, closed_by, closing_summary)
     VALUES (?, ?, '櫃台電腦未鎖定', 0, '["contact"]', NULL, ?, '已鎖定電腦', '2026-03-05T01:00:00.000Z', ?, ?, ?, ?, ?, ?)`,
  ).run(id, `PI-${id}`, AT, TEAM.admin, AT, status, closed ? AT : null, closed ? TEAM.admin : null, closed ? '未外洩' : null);
}

// ---------------------------------------------------------------------------------------------------------------
// 0090: evidence exports

export function addEvidenceExport(db: Database, e: { id: string; packNo: number; patientId: string; status: 'started' | 'done' | 'failed' | 'cancelled' }): void {
  const done = e.status === 'done';
  db.prepare(
    `INSERT INTO evidence_exports (id, pack_no, patient_id, kind, scope, bates_prefix, file_name, status, tag_manifest_sha256, bytes, pages, started_at,
       started_by, finished_at)
     VALUES (?, ?, ?, 'lawyer', '{"all":true}', 'CV', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id, e.packNo, e.patientId, `CV-${String(e.packNo).padStart(4, '0')}.zip`, e.status, done ? sha256Hex(e.id) : null, done ? 48213 : null,
    done ? 17 : null, AT, TEAM.admin, e.status === 'started' ? null : AT,
  );
}
