import { PhotoAngle, PhotoArea, type ComparisonGroup, type ComparisonPhoto } from './schemas/photo';

const ANGLE_ORDER = PhotoAngle.options;
const AREA_ORDER = PhotoArea.options;
const rank = <T extends string>(order: readonly T[], v: T | null): number => (v === null ? order.length : order.indexOf(v));

/**
 * Groups photos by the view they show (angle, then area), each group's before and after photos in capture order.
 * Groups come in a fixed order (front first, unlabelled last), so a comparison reads the same on screen and in
 * the evidence PDF. Groups with only before or only after photos are kept: a missing after photo of a view is
 * itself a fact in a dispute.
 */
export function groupForComparison(photos: readonly ComparisonPhoto[]): ComparisonGroup[] {
  const groups = new Map<string, ComparisonGroup>();
  for (const p of photos) {
    const key = `${p.angle ?? ''}|${p.area ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { angle: p.angle, area: p.area, before: [], after: [] }));
    (p.kind === 'before' ? g.before : g.after).push(p);
  }
  const byTime = (a: ComparisonPhoto, b: ComparisonPhoto) => (a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : a.id < b.id ? -1 : 1);
  return [...groups.values()]
    .map((g) => ({ ...g, before: [...g.before].sort(byTime), after: [...g.after].sort(byTime) }))
    .sort((a, b) => rank(ANGLE_ORDER, a.angle) - rank(ANGLE_ORDER, b.angle) || rank(AREA_ORDER, a.area) - rank(AREA_ORDER, b.area));
}
