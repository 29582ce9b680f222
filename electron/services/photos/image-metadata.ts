/**
 * Removes metadata (EXIF with GPS, XMP, IPTC, comments, text chunks) from JPEG and PNG files without
 * re-encoding the image, so the stored photo's pixels are exactly what was captured.
 */
export class ImageFormatError extends Error {}

const JPEG_DROP = new Set<number>([0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xef, 0xfe]);
const APP2 = 0xe2;
const ICC_PROFILE = Buffer.from('ICC_PROFILE\0', 'latin1');

/** Markers that stand alone, without a length: TEM and RST0–RST7. */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * Index of the marker that ends the entropy-coded data starting at `from`. Inside a scan 0xFF00 is a stuffed
 * data byte and RST0–RST7 are restart markers that belong to the scan; any other marker ends it.
 */
function endOfScan(input: Buffer, from: number): number {
  let i = from;
  for (;;) {
    i = input.indexOf(0xff, i);
    if (i < 0 || i + 1 >= input.length) throw new ImageFormatError('truncated JPEG scan');
    const next = input[i + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
      i += 2;
      continue;
    }
    return i;
  }
}

/**
 * Keeps the first image only, up to its end-of-image marker: a phone's multi-picture JPEG (MPF, CIPA DC-007)
 * appends further complete JPEGs with their own EXIF and GPS after it, and trailing bytes can hide anything.
 * Scans are walked rather than copied to the end, so tables between progressive scans are kept and the
 * segments after the last scan are still seen. Kept segments and scan data are copied byte for byte.
 */
export function stripJpegMetadata(input: Buffer): Buffer {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== 0xd8) throw new ImageFormatError('not a JPEG');
  const parts: Buffer[] = [input.subarray(0, 2)];
  let scans = 0;
  let i = 2;
  while (i < input.length) {
    if (input[i] !== 0xff) throw new ImageFormatError('corrupt JPEG marker');
    if (i + 1 >= input.length) throw new ImageFormatError('truncated JPEG');
    const marker = input[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      if (scans === 0) throw new ImageFormatError('JPEG without image data');
      parts.push(input.subarray(i, i + 2));
      return Buffer.concat(parts); // everything after the first image's end is dropped
    }
    if (marker === 0x00 || marker === 0xd8) throw new ImageFormatError('corrupt JPEG marker');
    if (isStandalone(marker)) {
      parts.push(input.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (i + 4 > input.length) throw new ImageFormatError('truncated JPEG');
    const length = input.readUInt16BE(i + 2);
    const end = i + 2 + length;
    if (length < 2 || end > input.length) throw new ImageFormatError('truncated JPEG segment');
    if (marker === 0xda) {
      const scanEnd = endOfScan(input, end);
      parts.push(input.subarray(i, scanEnd)); // scan header and its entropy-coded data
      scans += 1;
      i = scanEnd;
      continue;
    }
    // APP1 (EXIF/XMP), APP3–APP15 except APP14 (Adobe colour transform), and comments are dropped;
    // APP0 (JFIF) is kept, and of APP2 only the ICC colour profile (not the MPF index of further
    // pictures, nor FlashPix extensions of EXIF), so colours stay right.
    const keep = marker === APP2 ? input.subarray(i + 4, end).subarray(0, ICC_PROFILE.length).equals(ICC_PROFILE) : !JPEG_DROP.has(marker);
    if (keep) parts.push(input.subarray(i, end));
    i = end;
  }
  throw new ImageFormatError(scans === 0 ? 'JPEG without image data' : 'JPEG without end of image');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROP = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/** Keeps the image up to IEND and drops the text, time and EXIF chunks; bytes after IEND are dropped too. */
export function stripPngMetadata(input: Buffer): Buffer {
  if (input.length < 8 || !input.subarray(0, 8).equals(PNG_SIGNATURE)) throw new ImageFormatError('not a PNG');
  const parts: Buffer[] = [PNG_SIGNATURE];
  let sawImageData = false;
  let i = 8;
  while (i < input.length) {
    if (i + 12 > input.length) throw new ImageFormatError('truncated PNG');
    const length = input.readUInt32BE(i);
    const type = input.toString('latin1', i + 4, i + 8);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) throw new ImageFormatError('corrupt PNG chunk');
    if (i === 8 && type !== 'IHDR') throw new ImageFormatError('PNG without IHDR first');
    const end = i + 12 + length;
    if (end > input.length) throw new ImageFormatError('truncated PNG chunk');
    if (type === 'IDAT') sawImageData = true;
    if (!PNG_DROP.has(type)) parts.push(input.subarray(i, end));
    i = end;
    if (type === 'IEND') {
      if (!sawImageData) throw new ImageFormatError('PNG without image data');
      return Buffer.concat(parts);
    }
  }
  throw new ImageFormatError('PNG without IEND');
}

export function stripImageMetadata(mime: 'image/jpeg' | 'image/png', input: Buffer): Buffer {
  return mime === 'image/jpeg' ? stripJpegMetadata(input) : stripPngMetadata(input);
}

/** When the picture was taken, as the camera wrote it: local wall time, with its UTC offset when the file says. */
export interface CaptureTime {
  date: string;
  time: string;
  /** '+08:00' from OffsetTimeOriginal (Exif 2.31), or null: then the time is read in the clinic's zone. */
  offset: string | null;
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const TAG_EXIF_IFD = 0x8769;
const TAG_DATETIME_ORIGINAL = 0x9003;
const TAG_DATETIME_DIGITIZED = 0x9004;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
const TYPE_ASCII = 2;
const TYPE_LONG = 4;
const EXIF_DATETIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const EXIF_OFFSET = /^[+-](?:0\d|1[0-4]):[0-5]\d$/;

/** Reads IFD entries of a TIFF block (Exif), every offset checked against the block: hostile files give nothing. */
function readTiffCaptureTime(tiff: Buffer): CaptureTime | null {
  if (tiff.length < 8) return null;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return null;

  const entries = (ifd: number): Map<number, { type: number; count: number; at: number }> => {
    const out = new Map<number, { type: number; count: number; at: number }>();
    if (ifd < 8 || ifd + 2 > tiff.length) return out;
    const n = u16(ifd);
    for (let k = 0; k < n && k < 512; k++) {
      const e = ifd + 2 + k * 12;
      if (e + 12 > tiff.length) break;
      out.set(u16(e), { type: u16(e + 2), count: u32(e + 4), at: e + 8 });
    }
    return out;
  };
  const ascii = (entry: { type: number; count: number; at: number } | undefined): string | null => {
    if (!entry || entry.type !== TYPE_ASCII || entry.count === 0 || entry.count > 64) return null;
    const start = entry.count <= 4 ? entry.at : u32(entry.at);
    if (start + entry.count > tiff.length) return null;
    return tiff.toString('latin1', start, start + entry.count).replace(/\0+$/, '').trim();
  };

  const ifd0 = entries(u32(4));
  const pointer = ifd0.get(TAG_EXIF_IFD);
  if (!pointer || pointer.type !== TYPE_LONG) return null;
  const exif = entries(u32(pointer.at));
  const taken = ascii(exif.get(TAG_DATETIME_ORIGINAL)) ?? ascii(exif.get(TAG_DATETIME_DIGITIZED));
  const m = taken ? EXIF_DATETIME.exec(taken) : null;
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const time = `${m[4]}:${m[5]}:${m[6]}`;
  // A camera with an unset clock writes 0000:00:00 00:00:00; reject anything that is not a real moment.
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (y < 1990 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const offset = ascii(exif.get(TAG_OFFSET_TIME_ORIGINAL));
  return { date, time, offset: offset && EXIF_OFFSET.test(offset) ? offset : null };
}

/** The Exif TIFF block of a JPEG (APP1 "Exif") before the first scan, or null. */
function jpegExif(input: Buffer): Buffer | null {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== 0xd8) return null;
  let i = 2;
  while (i + 4 <= input.length) {
    if (input[i] !== 0xff) return null;
    const marker = input[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null;
    if (isStandalone(marker)) {
      i += 2;
      continue;
    }
    const length = input.readUInt16BE(i + 2);
    const end = i + 2 + length;
    if (length < 2 || end > input.length) return null;
    if (marker === 0xe1 && input.subarray(i + 4, i + 10).equals(EXIF_HEADER)) return input.subarray(i + 10, end);
    i = end;
  }
  return null;
}

/** The eXIf chunk of a PNG (a TIFF block, as in JPEG) before the image data, or null. */
function pngExif(input: Buffer): Buffer | null {
  if (input.length < 8 || !input.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  let i = 8;
  while (i + 12 <= input.length) {
    const length = input.readUInt32BE(i);
    const type = input.toString('latin1', i + 4, i + 8);
    const end = i + 12 + length;
    if (length > 0x7fffffff || end > input.length) return null;
    if (type === 'eXIf') return input.subarray(i + 8, i + 8 + length);
    if (type === 'IEND') return null;
    i = end;
  }
  return null;
}

/**
 * The capture time the camera recorded (Exif DateTimeOriginal, else DateTimeDigitized), read from the file as
 * received, before `stripImageMetadata` removes it with the GPS position and everything else. Null when the file
 * has none or it is malformed; never throws.
 */
export function readCaptureTime(mime: 'image/jpeg' | 'image/png', input: Buffer): CaptureTime | null {
  try {
    const tiff = mime === 'image/jpeg' ? jpegExif(input) : pngExif(input);
    return tiff ? readTiffCaptureTime(tiff) : null;
  } catch {
    return null;
  }
}
