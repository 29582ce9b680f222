import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Anaesthesia } from '../../../shared/schemas/catalogue';
import type { PhotoMeta } from '../../../shared/schemas/consultation';
import type { ProductKind } from '../../../shared/schemas/aftercare';
import { PHOTO_COLUMNS, type PhotoRow, rowToPhoto } from '../photos/repository';

export interface ProductRecord {
  kind: ProductKind;
  name: string;
  brand: string;
  lot: string | null;
  serialNo: string | null;
  expiryDate: string | null;
  quantity: string | null;
}

export interface TreatmentRecord {
  id: string;
  consultationId: string;
  consentId: string;
  patientId: string;
  physicianId: string;
  performedAt: string;
  assistantIds: string[];
  anaesthesia: Anaesthesia;
  anaesthesiaDetails: string | null;
  intraOpNotes: string;
  recordedBy: string;
  createdAt: string;
}

export interface CorrectionRecord {
  id: string;
  text: string;
  staffName: string;
  createdAt: string;
}

interface TreatmentRow {
  id: string;
  consultation_id: string;
  consent_id: string;
  patient_id: string;
  physician_id: string;
  performed_at: string;
  assistant_ids: string;
  anaesthesia: string;
  anaesthesia_details: string | null;
  intra_op_notes: string;
  recorded_by: string;
  created_at: string;
}

interface ProductRow {
  kind: string;
  name: string;
  brand: string;
  lot: string | null;
  serial_no: string | null;
  expiry_date: string | null;
  quantity: string | null;
}


function rowToTreatment(r: TreatmentRow): TreatmentRecord {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    consentId: r.consent_id,
    patientId: r.patient_id,
    physicianId: r.physician_id,
    performedAt: r.performed_at,
    assistantIds: JSON.parse(r.assistant_ids) as string[],
    anaesthesia: r.anaesthesia as Anaesthesia,
    anaesthesiaDetails: r.anaesthesia_details,
    intraOpNotes: r.intra_op_notes,
    recordedBy: r.recorded_by,
    createdAt: r.created_at,
  };
}

/** Treatment records: the record, its products (by lot, for traceability), corrections and after photos. */
export class TreatmentRepository {
  private readonly insertStmt: Statement;
  private readonly insertProductStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly byConsultationStmt: Statement;
  private readonly productsStmt: Statement;
  private readonly insertCorrectionStmt: Statement;
  private readonly correctionsStmt: Statement;
  private readonly linkPhotoStmt: Statement;
  private readonly photosStmt: Statement;
  private readonly forPatientStmt: Statement;
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
    this.insertStmt = db.prepare(`
      INSERT INTO treatments (id, consultation_id, consent_id, patient_id, physician_id, performed_at, assistant_ids, anaesthesia,
        anaesthesia_details, intra_op_notes, recorded_by, created_at)
      VALUES (@id, @consultationId, @consentId, @patientId, @physicianId, @performedAt, @assistantIds, @anaesthesia,
        @anaesthesiaDetails, @intraOpNotes, @recordedBy, @createdAt)`);
    this.insertProductStmt = db.prepare(`
      INSERT INTO treatment_products (treatment_id, position, kind, name, brand, lot, serial_no, expiry_date, quantity)
      VALUES (@treatmentId, @position, @kind, @name, @brand, @lot, @serialNo, @expiryDate, @quantity)`);
    this.byIdStmt = db.prepare('SELECT * FROM treatments WHERE id = ?');
    this.byConsultationStmt = db.prepare('SELECT * FROM treatments WHERE consultation_id = ?');
    this.forPatientStmt = db.prepare('SELECT * FROM treatments WHERE patient_id = ? ORDER BY performed_at DESC');
    this.productsStmt = db.prepare('SELECT kind, name, brand, lot, serial_no, expiry_date, quantity FROM treatment_products WHERE treatment_id = ? ORDER BY position');
    this.insertCorrectionStmt = db.prepare('INSERT INTO treatment_corrections (id, treatment_id, text, staff_id, created_at) VALUES (?, ?, ?, ?, ?)');
    this.correctionsStmt = db.prepare(
      'SELECT k.id, k.text, s.name AS staff_name, k.created_at FROM treatment_corrections k JOIN staff s ON s.id = k.staff_id WHERE k.treatment_id = ? ORDER BY k.created_at',
    );
    this.linkPhotoStmt = db.prepare('INSERT INTO aftercare_photos (photo_id, treatment_id, visit_id) VALUES (?, ?, ?)');
    this.photosStmt = db.prepare(
      `SELECT ${PHOTO_COLUMNS} FROM aftercare_photos l JOIN photos ph ON ph.id = l.photo_id JOIN attachments a ON a.sha256 = ph.sha256
       WHERE l.treatment_id = ? AND l.visit_id IS NULL ORDER BY ph.created_at`,
    );
  }

  insert(t: TreatmentRecord, products: ProductRecord[]): void {
    this.db.transaction(() => {
      this.insertStmt.run({ ...t, assistantIds: JSON.stringify(t.assistantIds) });
      products.forEach((p, position) => this.insertProductStmt.run({ treatmentId: t.id, position, ...p }));
    })();
  }

  get(id: string): TreatmentRecord | null {
    const r = this.byIdStmt.get(id) as TreatmentRow | undefined;
    return r ? rowToTreatment(r) : null;
  }

  forConsultation(consultationId: string): TreatmentRecord | null {
    const r = this.byConsultationStmt.get(consultationId) as TreatmentRow | undefined;
    return r ? rowToTreatment(r) : null;
  }

  forPatient(patientId: string): TreatmentRecord[] {
    return (this.forPatientStmt.all(patientId) as TreatmentRow[]).map(rowToTreatment);
  }

  products(treatmentId: string): ProductRecord[] {
    return (this.productsStmt.all(treatmentId) as ProductRow[]).map((r) => ({
      kind: r.kind as ProductKind,
      name: r.name,
      brand: r.brand,
      lot: r.lot,
      serialNo: r.serial_no,
      expiryDate: r.expiry_date,
      quantity: r.quantity,
    }));
  }

  addCorrection(id: string, treatmentId: string, text: string, staffId: string, at: string): void {
    this.insertCorrectionStmt.run(id, treatmentId, text, staffId, at);
  }

  corrections(treatmentId: string): CorrectionRecord[] {
    return (this.correctionsStmt.all(treatmentId) as { id: string; text: string; staff_name: string; created_at: string }[]).map((r) => ({
      id: r.id,
      text: r.text,
      staffName: r.staff_name,
      createdAt: r.created_at,
    }));
  }

  /** Ties a stored photo to the treatment (after photo) or to one of its follow-up visits. */
  linkPhoto(photoId: string, treatmentId: string, visitId: string | null): void {
    this.linkPhotoStmt.run(photoId, treatmentId, visitId);
  }

  photos(treatmentId: string): PhotoMeta[] {
    return (this.photosStmt.all(treatmentId) as PhotoRow[]).map(rowToPhoto);
  }
}
