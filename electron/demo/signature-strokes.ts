import type { Stroke } from '../../shared/schemas/consent';

interface P {
  x: number;
  y: number;
}

/** Catmull-Rom through the control points, sampled about every `step` pixels. */
function spline(points: P[], step: number): P[] {
  const out: P[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[Math.min(points.length - 1, i + 2)]!;
    const n = Math.max(2, Math.ceil(Math.hypot(p2.x - p1.x, p2.y - p1.y) / step));
    for (let k = 0; k < n; k++) {
      const t = k / n;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (a: number, b: number, c: number, d: number) => 0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push({ x: f(p0.x, p1.x, p2.x, p3.x), y: f(p0.y, p1.y, p2.y, p3.y) });
    }
  }
  out.push(points[points.length - 1]!);
  return out;
}

/**
 * Plausible handwriting for demo and test signatures: two or three pen strokes (a family name, a given name,
 * sometimes an underline), each a run of letter-like humps with ascenders, descenders and a slant, sampled
 * every 8–16 ms as a pad would, with pressure where `withPressure` is set (a stylus). Deterministic for a
 * given `next()` source.
 */
export function syntheticSignatureStrokes(next: () => number, pad: { width: number; height: number }, withPressure = true): Stroke[] {
  const strokes: Stroke[] = [];
  const baseline = pad.height * (0.6 + (next() - 0.5) * 0.1);
  const xHeight = pad.height * (0.16 + next() * 0.08);
  const slant = 0.15 + next() * 0.25;
  let x = pad.width * (0.08 + next() * 0.08);
  const words = 2 + (next() < 0.35 ? 1 : 0);
  let t = 0;
  const emit = (controls: P[]) => {
    const path = spline(controls, 5);
    const stroke: Stroke = path.map((p, i) => {
      const u = i / Math.max(1, path.length - 1);
      t += 8 + Math.floor(next() * 9);
      const point = { x: round(clamp(p.x, 1, pad.width - 1)), y: round(clamp(p.y, 1, pad.height - 1)), t };
      return withPressure ? { ...point, pressure: round(0.3 + 0.45 * Math.sin(Math.PI * Math.min(1, u * 1.3)) + next() * 0.08) } : point;
    });
    strokes.push(stroke);
    t += 150 + Math.floor(next() * 300);
  };
  for (let w = 0; w < words && x < pad.width * 0.8; w++) {
    const controls: P[] = [];
    const letters = 2 + Math.floor(next() * 4);
    for (let l = 0; l < letters; l++) {
      const kind = next();
      const top = kind < 0.25 ? xHeight * 2.1 : kind < 0.4 ? xHeight * -0.2 : xHeight * (0.8 + next() * 0.4);
      const bottom = kind > 0.85 ? -xHeight * 1.1 : -next() * xHeight * 0.15;
      const width = xHeight * (0.5 + next() * 0.6);
      controls.push({ x: x + slant * top, y: baseline - top }, { x: x + width * 0.5 + slant * bottom, y: baseline - bottom });
      x += width;
    }
    controls.unshift({ x: controls[0]!.x - xHeight * 0.4, y: baseline + xHeight * 0.1 });
    emit(controls);
    x += xHeight * (0.8 + next() * 0.8);
  }
  if (next() < 0.5) {
    const y = baseline + xHeight * (0.7 + next() * 0.4);
    emit([
      { x: pad.width * 0.1, y: y + 4 },
      { x: pad.width * 0.4, y },
      { x: Math.min(pad.width * 0.9, x), y: y - 6 },
    ]);
  }
  return strokes;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number) => Math.round(v * 100) / 100;
