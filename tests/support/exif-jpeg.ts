/**
 * A real (8×8 grey, baseline) JPEG with an Exif APP1 that carries DateTimeOriginal (and OffsetTimeOriginal when
 * given), as a phone writes it, optionally padded with comment segments to a phone photo's size.
 */
function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}
const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u32 = (n: number) => Buffer.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);

/** Big-endian TIFF: IFD0 → Exif IFD with DateTimeOriginal ("YYYY:MM:DD HH:MM:SS") and optional OffsetTimeOriginal. */
export function exifTiff(dateTimeOriginal: string, offset?: string): Buffer {
  const dto = Buffer.from(`${dateTimeOriginal}\0`, 'latin1');
  const off = offset ? Buffer.from(`${offset}\0`, 'latin1') : null;
  const entries = off ? 2 : 1;
  const exifIfdAt = 8 + 2 + 12 + 4;
  const dataAt = exifIfdAt + 2 + entries * 12 + 4;
  const ifd0 = Buffer.concat([u16(1), u16(0x8769), u16(4), u32(1), u32(exifIfdAt), u32(0)]);
  const exifEntries = [Buffer.concat([u16(0x9003), u16(2), u32(dto.length), u32(dataAt)])];
  if (off) exifEntries.push(Buffer.concat([u16(0x9011), u16(2), u32(off.length), u32(dataAt + dto.length)]));
  const exifIfd = Buffer.concat([u16(entries), ...exifEntries, u32(0)]);
  return Buffer.concat([Buffer.from('MM\0*', 'latin1'), u32(8), ifd0, exifIfd, dto, ...(off ? [off] : [])]);
}

export function exifJpeg(opts: { dateTimeOriginal?: string; offset?: string; padToBytes?: number } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  parts.push(segment(0xe0, Buffer.concat([Buffer.from('JFIF\0', 'latin1'), Buffer.from([1, 2, 0]), u16(72), u16(72), Buffer.from([0, 0])])));
  if (opts.dateTimeOriginal) parts.push(segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(opts.dateTimeOriginal, opts.offset)])));
  const tail = [
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.concat([Buffer.from([8]), u16(8), u16(8), Buffer.from([1, 1, 0x11, 0])])),
    segment(0xc4, Buffer.concat([Buffer.from([0x00, 1]), Buffer.alloc(15), Buffer.from([0])])),
    segment(0xc4, Buffer.concat([Buffer.from([0x10, 1]), Buffer.alloc(15), Buffer.from([0])])),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    Buffer.from([0x3f]),
    Buffer.from([0xff, 0xd9]),
  ];
  let size = parts.reduce((n, p) => n + p.length, 0) + tail.reduce((n, p) => n + p.length, 0);
  // Comment segments (dropped with the metadata) stand in for a phone photo's megabytes of image data.
  while (opts.padToBytes && size < opts.padToBytes) {
    const chunk = Math.min(60_000, Math.max(1, opts.padToBytes - size - 4));
    parts.push(segment(0xfe, Buffer.alloc(chunk, 0x61)));
    size += chunk + 4;
  }
  return Buffer.concat([...parts, ...tail]);
}
