import { groupForComparison } from '../../shared/photo-comparison';
import type { ComparisonPhoto } from '../../shared/schemas/photo';
import { fill } from '../pdf/format';
import { CONTENT_WIDTH, PAGE } from '../pdf/writer';
import type { PdfRun } from './evidence-pdf-run';

const CELL_GAP = 12;
const CELL_W = (CONTENT_WIDTH - CELL_GAP) / 2;
const CELL_H = 180;

const ids = (record: Record<string, unknown>, key: string): string[] => (Array.isArray(record[key]) ? (record[key] as unknown[]).filter((x): x is string => typeof x === 'string') : []);

/**
 * The core of an "effect not as expected" dispute, on paper: per consultation, each view (angle and area) with the
 * before photos on the left and the after photos (treatment day, follow-up visits) on the right, row by row, in
 * capture order; a view photographed only before (or only after) shows an empty cell that says so. The photos
 * themselves are the same files as in the Photos section (already in the pack): drawn again here from the same
 * image objects, neither packed nor written into the PDF again.
 */
export async function renderComparison(r: PdfRun): Promise<void> {
  const { w, s, m, words } = r;
  const p = m.intake.photos;
  const d = w.doc;
  const treatments = s.records.treatments;
  const visits = s.records.followUps;
  const byId = new Map(s.records.photos.map((ph) => [ph.id, ph]));
  let drawn = 0;
  for (const c of s.records.consultations) {
    if (r.stop()) return;
    const treatment = treatments.find((t) => t.consultationId === c.id);
    const visitDay = new Map<string, number | null>();
    if (treatment) {
      for (const id of ids(treatment, 'photoIds')) visitDay.set(id, null);
      for (const v of visits.filter((x) => x.treatmentId === treatment.id)) for (const id of ids(v, 'photoIds')) visitDay.set(id, typeof v.dayOffset === 'number' ? v.dayOffset : null);
    }
    const photos: ComparisonPhoto[] = s.records.photos
      .filter((ph) => ph.consultationId === c.id || visitDay.has(ph.id))
      .map((ph) => ({ id: ph.id, kind: ph.kind, angle: ph.angle, area: ph.area, capturedAt: ph.capturedAt, capturedAtSource: ph.capturedAtSource, mime: ph.mime, sha256: ph.sha256, visitDay: visitDay.get(ph.id) ?? null }));
    const groups = groupForComparison(photos).filter((g) => g.before.length > 0 || g.after.length > 0);
    if (!groups.some((g) => g.after.length > 0)) continue;
    w.subheading(fill(words.scopes.consultation, { procedure: s.locale === 'en' ? c.procedureNameEn : c.procedureNameZh, id: c.id }));
    for (const g of groups) {
      const label = [g.angle ? p.angles[g.angle] : p.unlabelled, g.area ? p.areas[g.area] : null].filter(Boolean).join(' · ');
      w.ensureSpace(CELL_H + 60);
      w.paragraph(label, { size: 11 });
      const rows = Math.max(g.before.length, g.after.length);
      for (let i = 0; i < rows; i++) {
        if (r.stop()) return;
        w.ensureSpace(CELL_H + 40);
        const y = d.y;
        const cells: [ComparisonPhoto | undefined, number, string][] = [
          [g.before[i], PAGE.marginX, p.before],
          [g.after[i], PAGE.marginX + CELL_W + CELL_GAP, p.after],
        ];
        for (const [photo, x, side] of cells) {
          const entry = photo ? s.files.find((f) => f.path === byId.get(photo.id)?.file) : undefined;
          if (photo && entry) {
            r.images.draw(entry.path, () => r.bytes(entry.source), x, y, [CELL_W, CELL_H]);
            const when = photo.kind === 'before' ? p.before : photo.visitDay === null ? p.atTreatment : fill(p.visitDay, { day: photo.visitDay });
            const source = photo.capturedAtSource ? ` (${p.sources[photo.capturedAtSource]})` : '';
            d.fontSize(8).fillColor('#333333').text(`${when} · ${r.t(photo.capturedAt)}${source}\nSHA-256 ${photo.sha256.slice(0, 16)}…`, x, y + CELL_H + 3, { width: CELL_W });
            drawn++;
          } else {
            d.rect(x, y, CELL_W, CELL_H).lineWidth(0.5).dash(3, { space: 3 }).strokeColor('#9a9a9a').stroke().undash();
            d.fontSize(9).fillColor('#666666').text(`${side}: ${p.missing}`, x + 8, y + CELL_H / 2 - 5, { width: CELL_W - 16, align: 'center' });
          }
        }
        d.x = PAGE.marginX;
        d.y = y + CELL_H + 30;
        await w.drain(r.stop);
      }
      w.gap(8);
    }
  }
  if (drawn === 0) w.paragraph(words.none, { muted: true });
}
