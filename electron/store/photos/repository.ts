import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { PhotoMeta } from '../../../shared/schemas/consultation';
import type { CapturedAtSource, ComparisonPhoto, PhotoAngle, PhotoArea } from '../../../shared/schemas/photo';
import { AttachmentRepository } from '../complaints/attachments';

/** The columns every photo query selects (`photos ph` joined with `attachments a`), read by `rowToPhoto`. */
export const PHOTO_COLUMNS = `ph.id, ph.consultation_id, ph.kind, ph.sha256, a.mime, a.size, ph.captured_at, ph.captured_at_source, ph.angle, ph.area, ph.marketing_consent, ph.marketing_withdrawn_at, ph.created_at`;

export interface PhotoRow {
  id: string;
  consultation_id: string | null;
  kind: string;
  sha256: string;
  mime: string;
  size: number;
  captured_at: string;
  captured_at_source: string | null;
  angle: string | null;
  area: string | null;
  marketing_consent: number;
  marketing_withdrawn_at: string | null;
  created_at: string;
}

/** One photo row (before photos, after photos, follow-up photos alike) as the contract's PhotoMeta. */
export function rowToPhoto(r: PhotoRow): PhotoMeta {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    kind: r.kind as PhotoMeta['kind'],
    sha256: r.sha256,
    mime: r.mime,
    size: r.size,
    capturedAt: r.captured_at,
    capturedAtSource: r.captured_at_source as CapturedAtSource | null,
    angle: r.angle as PhotoAngle | null,
    area: r.area as PhotoArea | null,
    marketingConsent: r.marketing_consent === 1,
    marketingWithdrawnAt: r.marketing_withdrawn_at,
    createdAt: r.created_at,
  };
}

export interface NewPhoto {
  id: string;
  patientId: string;
  consultationId: string | null;
  kind: 'before' | 'after';
  sha256: string;
  mime: string;
  bytes: Buffer;
  capturedAt: string;
  capturedAtSource: CapturedAtSource;
  angle: PhotoAngle | null;
  area: PhotoArea | null;
  marketingConsent: boolean;
  createdAt: string;
  createdBy: string;
}

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

/** Clinical photos: before photos of a consultation, after photos of a treatment and of its follow-up visits. */
export class PhotoRepository {
  private readonly attachments: AttachmentRepository;
  private readonly insertStmt: Statement;
  private readonly forConsultationStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly withdrawMarketingStmt: Statement;
  private readonly comparisonStmt: Statement;

  constructor(db: Database) {
    this.attachments = new AttachmentRepository(db);
    this.insertStmt = db.prepare(
      `INSERT INTO photos (id, patient_id, consultation_id, kind, sha256, captured_at, captured_at_source, angle, area, marketing_consent, marketing_withdrawn_at, created_at, created_by)
       VALUES (@id, @patientId, @consultationId, @kind, @sha256, @capturedAt, @capturedAtSource, @angle, @area, @marketingConsent, NULL, @createdAt, @createdBy)`,
    );
    this.forConsultationStmt = db.prepare(`SELECT ${PHOTO_COLUMNS} FROM photos ph JOIN attachments a ON a.sha256 = ph.sha256 WHERE ph.consultation_id = ? ORDER BY ph.created_at`);
    this.byIdStmt = db.prepare(`SELECT ${PHOTO_COLUMNS}, ph.patient_id FROM photos ph JOIN attachments a ON a.sha256 = ph.sha256 WHERE ph.id = ?`);
    this.withdrawMarketingStmt = db.prepare('UPDATE photos SET marketing_withdrawn_at = ? WHERE id = ? AND marketing_consent = 1 AND marketing_withdrawn_at IS NULL');
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
  }

  /** Keeps the bytes once by their SHA-256 and files the photo. */
  add(p: NewPhoto): void {
    this.attachments.put(p.sha256, p.mime, p.bytes, p.createdAt);
    this.insertStmt.run({ ...p, marketingConsent: p.marketingConsent ? 1 : 0 });
  }

  /** The before photos of one consultation, oldest first. */
  forConsultation(consultationId: string): PhotoMeta[] {
    return (this.forConsultationStmt.all(consultationId) as PhotoRow[]).map(rowToPhoto);
  }

  get(id: string): (PhotoMeta & { patientId: string }) | null {
    const r = this.byIdStmt.get(id) as (PhotoRow & { patient_id: string }) | undefined;
    return r ? { ...rowToPhoto(r), patientId: r.patient_id } : null;
  }

  bytes(sha256: string): Buffer {
    return this.attachments.bytes(sha256);
  }

  withdrawMarketing(photoId: string, at: string): boolean {
    return this.withdrawMarketingStmt.run(at, photoId).changes === 1;
  }

  /** Every photo to set side by side for one consultation: its before photos, its treatment's after photos. */
  comparison(consultationId: string, treatmentId: string | null): ComparisonPhoto[] {
    return (this.comparisonStmt.all({ consultationId, treatmentId }) as ComparisonRow[]).map(toComparison);
  }
}
