/**
 * Removes metadata (EXIF with GPS, XMP, IPTC, comments, text chunks) from JPEG and PNG files without
 * re-encoding the image, so the stored photo's pixels are exactly what was captured.
 */
export class ImageFormatError extends Error {}

const JPEG_DROP = new Set<number>([0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xef, 0xfe]);

export function stripJpegMetadata(input: Buffer): Buffer {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== 0xd8) throw new ImageFormatError('not a JPEG');
  const parts: Buffer[] = [input.subarray(0, 2)];
  let i = 2;
  while (i < input.length) {
    if (input[i] !== 0xff) throw new ImageFormatError('corrupt JPEG marker');
    const marker = input[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xda) {
      parts.push(input.subarray(i)); // start of scan: the rest is image data
      return Buffer.concat(parts);
    }
    if (marker === 0xd9) {
      parts.push(input.subarray(i, i + 2));
      return Buffer.concat(parts);
    }
    if (i + 4 > input.length) throw new ImageFormatError('truncated JPEG');
    const length = input.readUInt16BE(i + 2);
    const end = i + 2 + length;
    if (length < 2 || end > input.length) throw new ImageFormatError('truncated JPEG segment');
    // APP1 (EXIF/XMP), APP3–APP15 except APP14 (Adobe colour transform), and comments are dropped;
    // APP0 (JFIF) and APP2 (ICC colour profile) are kept so colours stay right.
    if (!JPEG_DROP.has(marker)) parts.push(input.subarray(i, end));
    i = end;
  }
  throw new ImageFormatError('JPEG without image data');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROP = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

export function stripPngMetadata(input: Buffer): Buffer {
  if (input.length < 8 || !input.subarray(0, 8).equals(PNG_SIGNATURE)) throw new ImageFormatError('not a PNG');
  const parts: Buffer[] = [PNG_SIGNATURE];
  let i = 8;
  while (i < input.length) {
    if (i + 12 > input.length) throw new ImageFormatError('truncated PNG');
    const length = input.readUInt32BE(i);
    const type = input.toString('latin1', i + 4, i + 8);
    const end = i + 12 + length;
    if (end > input.length) throw new ImageFormatError('truncated PNG chunk');
    if (!PNG_DROP.has(type)) parts.push(input.subarray(i, end));
    i = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  throw new ImageFormatError('PNG without IEND');
}

export function stripImageMetadata(mime: 'image/jpeg' | 'image/png', input: Buffer): Buffer {
  return mime === 'image/jpeg' ? stripJpegMetadata(input) : stripPngMetadata(input);
}
