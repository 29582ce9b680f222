import type { Stroke } from './schemas/consent';

export interface InkExtent {
  strokes: number;
  points: number;
  width: number;
  height: number;
  /** Total length of the drawn lines, in pad pixels. */
  length: number;
}

/** How much was drawn: point count, bounding box and line length. */
export function inkExtent(strokes: readonly Stroke[]): InkExtent {
  let points = 0;
  let length = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let drawn = 0;
  for (const stroke of strokes) {
    if (stroke.length === 0) continue;
    drawn++;
    stroke.forEach((p, i) => {
      points++;
      minX = Math.min(minX, p.x);
      maxX = Math.max(maxX, p.x);
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
      const prev = stroke[i - 1];
      if (prev) length += Math.hypot(p.x - prev.x, p.y - prev.y);
    });
  }
  return points === 0 ? { strokes: 0, points: 0, width: 0, height: 0, length: 0 } : { strokes: drawn, points, width: maxX - minX, height: maxY - minY, length };
}

/**
 * Whether ink counts as a signature: anything is drawn ('empty' otherwise), and it is more than a dot or a
 * tick: spans at least 4% of the pad's width (and 12 px) with 40 px of line ('too_small' otherwise).
 */
export function judgeSignature(strokes: readonly Stroke[], padWidth: number): 'ok' | 'empty' | 'too_small' {
  const e = inkExtent(strokes);
  if (e.points === 0) return 'empty';
  const span = Math.max(e.width, e.height);
  if (span < Math.max(12, padWidth * 0.04) || e.length < 40) return 'too_small';
  return 'ok';
}
