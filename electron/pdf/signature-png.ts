import zlib from 'node:zlib';
import type { Stroke } from '../../shared/schemas/consent';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const crc = zlib.crc32(bytes.subarray(12, 29));
  if (crc !== bytes.readUInt32BE(29) || width === 0 || height === 0) return null;
  return { width, height };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA image as PNG (8-bit, no filtering, deflated); deterministic. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Draws strokes as a transparent PNG with dark-blue ink, the line thicker where the pen pressed harder
 * (or moved slower, when the device gives no pressure): the picture the CLI's demo data and tests use, and a
 * check that strokes and picture describe the same signature.
 */
export function strokesToPng(strokes: readonly Stroke[], pad: { width: number; height: number }, ink: { r: number; g: number; b: number } = { r: 16, g: 42, b: 110 }): Buffer {
  const width = Math.max(1, Math.round(pad.width));
  const height = Math.max(1, Math.round(pad.height));
  const alpha = new Float32Array(width * height);
  const plot = (x0: number, y0: number, x1: number, y1: number, r0: number, r1: number) => {
    const minX = Math.max(0, Math.floor(Math.min(x0, x1) - Math.max(r0, r1) - 1));
    const maxX = Math.min(width - 1, Math.ceil(Math.max(x0, x1) + Math.max(r0, r1) + 1));
    const minY = Math.max(0, Math.floor(Math.min(y0, y1) - Math.max(r0, r1) - 1));
    const maxY = Math.min(height - 1, Math.ceil(Math.max(y0, y1) + Math.max(r0, r1) + 1));
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len2 = dx * dx + dy * dy;
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX; x <= maxX; x++) {
        const px = x + 0.5;
        const py = y + 0.5;
        const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
        const d = Math.hypot(px - (x0 + u * dx), py - (y0 + u * dy));
        const r = r0 + (r1 - r0) * u;
        const a = Math.max(0, Math.min(1, r + 0.5 - d));
        const i = y * width + x;
        if (a > alpha[i]!) alpha[i] = a;
      }
    }
  };
  const radius = (p: Stroke[number], prev: Stroke[number] | undefined) => {
    if (p.pressure !== undefined && p.pressure > 0) return 0.8 + 1.8 * p.pressure;
    if (!prev) return 1.6;
    const v = Math.hypot(p.x - prev.x, p.y - prev.y) / Math.max(1, p.t - prev.t);
    return Math.max(0.9, Math.min(2.2, 2.4 - v * 0.9));
  };
  for (const stroke of strokes) {
    let prevR = 1.6;
    stroke.forEach((p, i) => {
      const prev = stroke[i - 1];
      const r = radius(p, prev);
      if (prev) plot(prev.x, prev.y, p.x, p.y, prevR, r);
      else plot(p.x, p.y, p.x, p.y, r, r);
      prevR = r;
    });
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < alpha.length; i++) {
    const a = alpha[i]!;
    if (a <= 0) continue;
    rgba[i * 4] = ink.r;
    rgba[i * 4 + 1] = ink.g;
    rgba[i * 4 + 2] = ink.b;
    rgba[i * 4 + 3] = Math.round(a * 255);
  }
  return encodePng(width, height, rgba);
}
