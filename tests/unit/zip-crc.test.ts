import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import '../../electron/evidence/zip-writer';

/** The byte-at-a-time CRC-32 the zip writer replaced, written out here as the reference (RFC 1952's algorithm). */
function referenceCrc32(buf: Buffer, previous = 0): number {
  let crc = ~previous;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

describe('ZIP CRC-32: yazl uses zlib.crc32, with the same results', () => {
  const yazlCrc = createRequire(import.meta.url)('buffer-crc32') as { unsigned(buf: Buffer, previous?: number): number };

  it('answers the known CRC of "123456789" and of nothing', () => {
    expect(yazlCrc.unsigned(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(yazlCrc.unsigned(Buffer.alloc(0))).toBe(0);
  });

  it('matches the reference on random data, whole and chained chunk by chunk as yazl streams it', () => {
    const data = randomBytes(70_001);
    expect(yazlCrc.unsigned(data)).toBe(referenceCrc32(data));
    let chained = 0;
    for (let i = 0; i < data.length; i += 4096) chained = yazlCrc.unsigned(data.subarray(i, i + 4096), chained);
    expect(chained).toBe(referenceCrc32(data));
    expect(chained).toBe(zlib.crc32(data));
  });
});
