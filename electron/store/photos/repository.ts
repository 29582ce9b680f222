import type { PhotoMeta } from '../../../shared/schemas/consultation';
import type { CapturedAtSource, PhotoAngle, PhotoArea } from '../../../shared/schemas/photo';

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
