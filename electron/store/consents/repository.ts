import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Locale } from '../../../shared/schemas/common';
import type { ConsentForm, SignatureRole, StoredConsentStatus } from '../../../shared/schemas/consent';
import type { PrintedDateEra } from '../../../shared/schemas/settings';
import { chartNoKey } from '../patients/repository';

export interface ConsentRecord {
  id: string;
  consultationId: string;
  patientId: string;
  locale: Locale;
  forms: ConsentForm[];
  roles: SignatureRole[];
  status: StoredConsentStatus;
  documentSha256: string;
  issuedAt: string;
  issuedBy: string;
  finalSha256: string | null;
  fullySignedAt: string | null;
  expiresAt: string | null;
}

export interface SignatureRecord {
  id: string;
  consentId: string;
  form: ConsentForm;
  role: SignatureRole;
  signerName: string;
  staffId: string | null;
  documentSha256: string;
  strokes: string;
  strokesSha256: string;
  png: Buffer;
  pngSha256: string;
  bindingSha256: string;
  signedAt: string;
  recordedBy: string;
  /** The adopted signature this row applies (one tap per box), or null when drawn for this box alone. */
  adoptionId: string | null;
}

/** A signature box of the issued document: 1-based page, rectangle in PDF points from the page's lower left. */
export interface SignatureBoxRecord {
  form: ConsentForm;
  role: SignatureRole;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type IdentityDocumentKind = 'national_id' | 'resident_certificate' | 'passport';

/** A signature drawn once by one signer in one signing session, applied box by box. */
export interface AdoptionRecord {
  id: string;
  consentId: string;
  role: SignatureRole;
  signerName: string;
  staffId: string | null;
  documentSha256: string;
  strokes: string;
  strokesSha256: string;
  png: Buffer;
  pngSha256: string;
  identityKind: IdentityDocumentKind | null;
  identityNumber: string | null;
  sessionStartedAt: string;
  adoptedAt: string;
  recordedBy: string;
}

export interface OverrideRecord {
  id: string;
  consultationId: string;
  physicianId: string;
  reason: string;
  coolingOffEndsAt: string;
  at: string;
  recordedBy: string;
}

export interface WithdrawalRecord {
  id: string;
  consentId: string;
  reason: string;
  signerRole: 'patient' | 'guardian';
  signerName: string;
  strokes: string;
  strokesSha256: string;
  png: Buffer;
  pngSha256: string;
  bindingSha256: string;
  at: string;
  recordedBy: string;
}

export interface StoredDocument {
  sha256: string;
  bytes: Buffer;
  size: number;
  pageCount: number;
  createdAt: string;
}

/** A row of `consentvault consents list`. */
export interface ConsentListRow {
  id: string;
  consultationId: string;
  chartNo: string;
  patientName: string;
  procedureNameZh: string;
  procedureNameEn: string;
  status: StoredConsentStatus;
  withdrawn: boolean;
  documentSha256: string;
  finalSha256: string | null;
  issuedAt: string;
}

interface ConsentRow {
  id: string;
  consultation_id: string;
  patient_id: string;
  locale: string;
  forms: string;
  roles: string;
  status: string;
  document_sha256: string;
  issued_at: string;
  issued_by: string;
  final_sha256: string | null;
  fully_signed_at: string | null;
  expires_at: string | null;
}

function rowToConsent(r: ConsentRow): ConsentRecord {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    patientId: r.patient_id,
    locale: r.locale as Locale,
    forms: JSON.parse(r.forms) as ConsentForm[],
    roles: JSON.parse(r.roles) as SignatureRole[],
    status: r.status as StoredConsentStatus,
    documentSha256: r.document_sha256,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    finalSha256: r.final_sha256,
    fullySignedAt: r.fully_signed_at,
    expiresAt: r.expires_at,
  };
}

interface SignatureRow {
  id: string;
  consent_id: string;
  form: string;
  role: string;
  signer_name: string;
  staff_id: string | null;
  document_sha256: string;
  strokes: string;
  strokes_sha256: string;
  png: Buffer;
  png_sha256: string;
  binding_sha256: string;
  signed_at: string;
  recorded_by: string;
  adoption_id: string | null;
}

function rowToSignature(r: SignatureRow): SignatureRecord {
  return {
    id: r.id,
    consentId: r.consent_id,
    form: r.form as ConsentForm,
    role: r.role as SignatureRole,
    signerName: r.signer_name,
    staffId: r.staff_id,
    documentSha256: r.document_sha256,
    strokes: r.strokes,
    strokesSha256: r.strokes_sha256,
    png: r.png,
    pngSha256: r.png_sha256,
    bindingSha256: r.binding_sha256,
    signedAt: r.signed_at,
    recordedBy: r.recorded_by,
    adoptionId: r.adoption_id,
  };
}

interface AdoptionRow {
  id: string;
  consent_id: string;
  role: string;
  signer_name: string;
  staff_id: string | null;
  document_sha256: string;
  strokes: string;
  strokes_sha256: string;
  png: Buffer;
  png_sha256: string;
  identity_kind: string | null;
  identity_number: string | null;
  session_started_at: string;
  adopted_at: string;
  recorded_by: string;
}

function rowToAdoption(r: AdoptionRow): AdoptionRecord {
  return {
    id: r.id,
    consentId: r.consent_id,
    role: r.role as SignatureRole,
    signerName: r.signer_name,
    staffId: r.staff_id,
    documentSha256: r.document_sha256,
    strokes: r.strokes,
    strokesSha256: r.strokes_sha256,
    png: r.png,
    pngSha256: r.png_sha256,
    identityKind: r.identity_kind as IdentityDocumentKind | null,
    identityNumber: r.identity_number,
    sessionStartedAt: r.session_started_at,
    adoptedAt: r.adopted_at,
    recordedBy: r.recorded_by,
  };
}

/** All SQL about consents, their documents, signatures, overrides and withdrawals. */
export interface ConsentRecordEvent {
  seq: number;
  action: string;
  consentId: string;
  details: Record<string, unknown>;
}

export class ConsentRepository {
  private readonly insertDocStmt: Statement;
  private readonly docStmt: Statement;
  private readonly insertStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly byConsultationStmt: Statement;
  private readonly setStatusStmt: Statement;
  private readonly lockStmt: Statement;
  private readonly insertSigStmt: Statement;
  private readonly sigsStmt: Statement;
  private readonly insertOverrideStmt: Statement;
  private readonly overrideStmt: Statement;
  private readonly insertWithdrawalStmt: Statement;
  private readonly withdrawalStmt: Statement;
  private readonly listStmt: Statement;
  private readonly listForChartStmt: Statement;
  private readonly auditStmt: Statement;
  private readonly recordEventsStmt: Statement;
  private readonly insertBoxStmt: Statement;
  private readonly boxesStmt: Statement;
  private readonly insertAdoptionStmt: Statement;
  private readonly adoptionStmt: Statement;
  private readonly eraStmt: Statement;
  private readonly insertEraStmt: Statement;

  constructor(db: Database) {
    this.insertDocStmt = db.prepare('INSERT INTO consent_documents (sha256, bytes, size, page_count, created_at) VALUES (?, ?, ?, ?, ?)');
    this.docStmt = db.prepare('SELECT sha256, bytes, size, page_count, created_at FROM consent_documents WHERE sha256 = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO consents (id, consultation_id, patient_id, locale, forms, roles, status, document_sha256, issued_at, issued_by)
       VALUES (@id, @consultationId, @patientId, @locale, @forms, @roles, 'issued', @documentSha256, @issuedAt, @issuedBy)`,
    );
    this.byIdStmt = db.prepare('SELECT * FROM consents WHERE id = ?');
    this.byConsultationStmt = db.prepare('SELECT * FROM consents WHERE consultation_id = ?');
    this.setStatusStmt = db.prepare('UPDATE consents SET status = ? WHERE id = ?');
    this.lockStmt = db.prepare(
      "UPDATE consents SET status = 'fully_signed', final_sha256 = @finalSha256, fully_signed_at = @at, expires_at = @expiresAt WHERE id = @id",
    );
    this.insertSigStmt = db.prepare(
      `INSERT INTO consent_signatures (id, consent_id, form, role, signer_name, staff_id, document_sha256, strokes, strokes_sha256, png, png_sha256,
       binding_sha256, signed_at, recorded_by, adoption_id)
       VALUES (@id, @consentId, @form, @role, @signerName, @staffId, @documentSha256, @strokes, @strokesSha256, @png, @pngSha256, @bindingSha256,
       @signedAt, @recordedBy, @adoptionId)`,
    );
    this.insertBoxStmt = db.prepare(
      'INSERT INTO consent_signature_boxes (consent_id, form, role, page, x, y, width, height) VALUES (@consentId, @form, @role, @page, @x, @y, @width, @height)',
    );
    this.boxesStmt = db.prepare('SELECT form, role, page, x, y, width, height FROM consent_signature_boxes WHERE consent_id = ? ORDER BY page, y DESC, x');
    this.insertAdoptionStmt = db.prepare(
      `INSERT INTO consent_signature_adoptions (id, consent_id, role, signer_name, staff_id, document_sha256, strokes, strokes_sha256, png, png_sha256,
       identity_kind, identity_number, session_started_at, adopted_at, recorded_by)
       VALUES (@id, @consentId, @role, @signerName, @staffId, @documentSha256, @strokes, @strokesSha256, @png, @pngSha256, @identityKind,
       @identityNumber, @sessionStartedAt, @adoptedAt, @recordedBy)`,
    );
    this.adoptionStmt = db.prepare('SELECT * FROM consent_signature_adoptions WHERE id = ?');
    this.sigsStmt = db.prepare('SELECT * FROM consent_signatures WHERE consent_id = ? ORDER BY signed_at, rowid');
    this.insertOverrideStmt = db.prepare(
      `INSERT INTO cooling_off_overrides (id, consultation_id, physician_id, reason, cooling_off_ends_at, at, recorded_by)
       VALUES (@id, @consultationId, @physicianId, @reason, @coolingOffEndsAt, @at, @recordedBy)`,
    );
    this.overrideStmt = db.prepare('SELECT * FROM cooling_off_overrides WHERE consultation_id = ?');
    this.insertWithdrawalStmt = db.prepare(
      `INSERT INTO consent_withdrawals (id, consent_id, reason, signer_role, signer_name, strokes, strokes_sha256, png, png_sha256, binding_sha256, at, recorded_by)
       VALUES (@id, @consentId, @reason, @signerRole, @signerName, @strokes, @strokesSha256, @png, @pngSha256, @bindingSha256, @at, @recordedBy)`,
    );
    this.withdrawalStmt = db.prepare('SELECT * FROM consent_withdrawals WHERE consent_id = ?');
    const listSql = `SELECT c.id, c.consultation_id, p.chart_no, p.name_zh, pr.name_zh AS procedure_name_zh, pr.name_en AS procedure_name_en, c.status,
       (w.id IS NOT NULL) AS withdrawn, c.document_sha256, c.final_sha256, c.issued_at
       FROM consents c JOIN patients p ON p.id = c.patient_id JOIN consultations k ON k.id = c.consultation_id
       JOIN procedures pr ON pr.id = k.procedure_id LEFT JOIN consent_withdrawals w ON w.consent_id = c.id`;
    this.listStmt = db.prepare(`${listSql} ORDER BY c.issued_at DESC, c.id LIMIT ?`);
    this.auditStmt = db.prepare("SELECT seq, action, details FROM audit_events WHERE subject_type = 'consent' AND subject_id = ? ORDER BY seq");
    this.recordEventsStmt = db.prepare(
      `SELECT seq, action, subject_id, details FROM audit_events
       WHERE subject_type = 'consent' AND action IN ('consent.issued', 'consent.signed', 'consent.fully_signed', 'consent.withdrawn') AND seq > ?
       ORDER BY seq LIMIT ?`,
    );
    this.listForChartStmt = db.prepare(`${listSql} WHERE p.chart_no_key = ? ORDER BY c.issued_at DESC, c.id LIMIT ?`);
    this.eraStmt = db.prepare('SELECT era FROM consent_printed_eras WHERE consent_id = ?');
    this.insertEraStmt = db.prepare('INSERT INTO consent_printed_eras (consent_id, era) VALUES (?, ?)');
  }

  putDocument(sha256: string, bytes: Buffer, pageCount: number, at: string): void {
    this.insertDocStmt.run(sha256, bytes, bytes.length, pageCount, at);
  }

  document(sha256: string): StoredDocument | null {
    const r = this.docStmt.get(sha256) as { sha256: string; bytes: Buffer; size: number; page_count: number; created_at: string } | undefined;
    return r ? { sha256: r.sha256, bytes: r.bytes, size: r.size, pageCount: r.page_count, createdAt: r.created_at } : null;
  }

  insert(c: { id: string; consultationId: string; patientId: string; locale: Locale; forms: ConsentForm[]; roles: SignatureRole[]; documentSha256: string; issuedAt: string; issuedBy: string }): void {
    this.insertStmt.run({ ...c, forms: JSON.stringify(c.forms), roles: JSON.stringify(c.roles) });
  }

  get(id: string): ConsentRecord | null {
    const r = this.byIdStmt.get(id) as ConsentRow | undefined;
    return r ? rowToConsent(r) : null;
  }

  forConsultation(consultationId: string): ConsentRecord | null {
    const r = this.byConsultationStmt.get(consultationId) as ConsentRow | undefined;
    return r ? rowToConsent(r) : null;
  }

  setStatus(id: string, status: Exclude<StoredConsentStatus, 'fully_signed'>): void {
    this.setStatusStmt.run(status, id);
  }

  /** The last signature is in: the final PDF is stored and the consent is locked from here on. */
  lock(id: string, finalSha256: string, at: string, expiresAt: string): void {
    this.lockStmt.run({ id, finalSha256, at, expiresAt });
  }

  addSignature(s: SignatureRecord): void {
    this.insertSigStmt.run(s);
  }

  signatures(consentId: string): SignatureRecord[] {
    return (this.sigsStmt.all(consentId) as SignatureRow[]).map(rowToSignature);
  }

  /** The issued document's signature boxes, recorded in the transaction. */
  addBoxes(consentId: string, boxes: readonly SignatureBoxRecord[]): void {
    for (const b of boxes) this.insertBoxStmt.run({ consentId, ...b });
  }

  boxes(consentId: string): SignatureBoxRecord[] {
    return (this.boxesStmt.all(consentId) as { form: string; role: string; page: number; x: number; y: number; width: number; height: number }[]).map((r) => ({
      ...r,
      form: r.form as ConsentForm,
      role: r.role as SignatureRole,
    }));
  }

  addAdoption(a: AdoptionRecord): void {
    this.insertAdoptionStmt.run(a);
  }

  adoption(id: string): AdoptionRecord | null {
    const r = this.adoptionStmt.get(id) as AdoptionRow | undefined;
    return r ? rowToAdoption(r) : null;
  }

  addOverride(o: OverrideRecord): void {
    this.insertOverrideStmt.run(o);
  }

  override(consultationId: string): OverrideRecord | null {
    const r = this.overrideStmt.get(consultationId) as
      | { id: string; consultation_id: string; physician_id: string; reason: string; cooling_off_ends_at: string; at: string; recorded_by: string }
      | undefined;
    return r
      ? { id: r.id, consultationId: r.consultation_id, physicianId: r.physician_id, reason: r.reason, coolingOffEndsAt: r.cooling_off_ends_at, at: r.at, recordedBy: r.recorded_by }
      : null;
  }

  addWithdrawal(w: WithdrawalRecord): void {
    this.insertWithdrawalStmt.run(w);
  }

  withdrawal(consentId: string): WithdrawalRecord | null {
    const r = this.withdrawalStmt.get(consentId) as
      | { id: string; consent_id: string; reason: string; signer_role: string; signer_name: string; strokes: string; strokes_sha256: string; png: Buffer; png_sha256: string; binding_sha256: string; at: string; recorded_by: string }
      | undefined;
    return r
      ? {
          id: r.id,
          consentId: r.consent_id,
          reason: r.reason,
          signerRole: r.signer_role as WithdrawalRecord['signerRole'],
          signerName: r.signer_name,
          strokes: r.strokes,
          strokesSha256: r.strokes_sha256,
          png: r.png,
          pngSha256: r.png_sha256,
          bindingSha256: r.binding_sha256,
          at: r.at,
          recordedBy: r.recorded_by,
        }
      : null;
  }

  /** The audit trail's own record of this consent (hash-chained, so a cross-check for the stored hashes). */
  auditEvents(consentId: string): { seq: number; action: string; details: Record<string, unknown> }[] {
    return (this.auditStmt.all(consentId) as { seq: number; action: string; details: string }[]).map((r) => ({ seq: r.seq, action: r.action, details: JSON.parse(r.details) as Record<string, unknown> }));
  }

  /** The chain's events that name a consent record (issue, signature, final document, withdrawal), a page at a time. */
  recordEvents(afterSeq: number, limit: number): ConsentRecordEvent[] {
    return (this.recordEventsStmt.all(afterSeq, limit) as { seq: number; action: string; subject_id: string; details: string }[]).map((r) => ({
      seq: r.seq,
      action: r.action,
      consentId: r.subject_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
  }

  /** The era a consent was issued with (西元 when none was recorded: every consent before 0150). */
  printedEra(consentId: string): PrintedDateEra {
    const r = this.eraStmt.get(consentId) as { era: string } | undefined;
    return r?.era === 'roc' ? 'roc' : 'gregorian';
  }

  recordPrintedEra(consentId: string, era: PrintedDateEra): void {
    this.insertEraStmt.run(consentId, era);
  }

  list(opts: { chartNo?: string; limit: number }): ConsentListRow[] {
    const rows = (opts.chartNo ? this.listForChartStmt.all(chartNoKey(opts.chartNo), opts.limit) : this.listStmt.all(opts.limit)) as {
      id: string; consultation_id: string; chart_no: string; name_zh: string; procedure_name_zh: string; procedure_name_en: string; status: string;
      withdrawn: number; document_sha256: string; final_sha256: string | null; issued_at: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      consultationId: r.consultation_id,
      chartNo: r.chart_no,
      patientName: r.name_zh,
      procedureNameZh: r.procedure_name_zh,
      procedureNameEn: r.procedure_name_en,
      status: r.status as StoredConsentStatus,
      withdrawn: r.withdrawn === 1,
      documentSha256: r.document_sha256,
      finalSha256: r.final_sha256,
      issuedAt: r.issued_at,
    }));
  }
}
