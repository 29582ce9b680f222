import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';

/**
 * An RGB PNG of noise: incompressible, so `bytes` is close to its size (a stand-in for a clinical photo).
 * `level` is the deflate level of its image data (0 is fastest to make, for benchmarks that need hundreds of MB).
 */
export function noisePng(bytes: number, level = 1): Buffer {
  const side = Math.ceil(Math.sqrt(bytes / 3));
  const raw = Buffer.alloc((side * 3 + 1) * side);
  const noise = randomBytes(side * 3 * side);
  for (let y = 0; y < side; y++) noise.copy(raw, y * (side * 3 + 1) + 1, y * side * 3, (y + 1) * side * 3);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level })), chunk('IEND', Buffer.alloc(0))]);
}
