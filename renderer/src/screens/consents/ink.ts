import type { SignatureInk, Stroke } from '../../../../shared/schemas/consent';

/** One point as signature_pad records it (CSS pixels of the pad, epoch milliseconds, pointer pressure). */
export interface PadPoint {
  x: number;
  y: number;
  time: number;
  pressure?: number;
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Turns signature_pad's point groups into the stroke record the main process keeps: times relative to the first
 * point, coordinates clamped to the pad, and pressure only where the device reports it (a mouse reports a
 * constant 0 or 0.5, which says nothing).
 */
export function toStrokes(groups: readonly { points: readonly PadPoint[] }[], pad: { width: number; height: number }): Stroke[] {
  const all = groups.flatMap((g) => g.points);
  if (all.length === 0) return [];
  const t0 = Math.min(...all.map((p) => p.time));
  const pressures = new Set(all.map((p) => p.pressure ?? 0));
  const real = [...pressures].some((p) => p !== 0 && p !== 0.5);
  const clamp = (v: number, hi: number) => round(Math.min(hi, Math.max(0, v)));
  return groups
    .map((g) =>
      g.points.map((p) => {
        const point = { x: clamp(p.x, pad.width), y: clamp(p.y, pad.height), t: Math.max(0, Math.round(p.time - t0)) };
        return real && p.pressure !== undefined ? { ...point, pressure: round(Math.min(1, Math.max(0, p.pressure))) } : point;
      }),
    )
    .filter((s) => s.length > 0);
}

export function toInk(groups: readonly { points: readonly PadPoint[] }[], pad: { width: number; height: number }, pngDataUrl: string): SignatureInk {
  return {
    pad: { width: Math.round(pad.width), height: Math.round(pad.height) },
    strokes: toStrokes(groups, pad),
    pngBase64: pngDataUrl.replace(/^data:image\/png;base64,/, ''),
  };
}
