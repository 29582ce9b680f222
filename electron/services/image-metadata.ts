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
