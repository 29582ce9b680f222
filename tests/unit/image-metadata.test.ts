import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImageFormatError, stripJpegMetadata, stripPngMetadata } from '../../electron/services/photos/image-metadata';

function segment(marker: number, payload: string | Buffer): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'latin1') : payload;
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

function chunk(type: string, data: string): Buffer {
  const body = Buffer.from(data, 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
}

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
const SCAN = Buffer.concat([segment(0xda, 'scan-header'), Buffer.from('compressed-pixels-\xff\x00-more', 'latin1'), EOI]);

describe('photo metadata removal', () => {
  it('removes EXIF (with GPS), XMP, IPTC and comments from a JPEG and keeps JFIF, ICC, tables and pixels byte for byte', () => {
    const jfif = segment(0xe0, 'JFIF\0\x01\x02');
    const icc = segment(0xe2, 'ICC_PROFILE\0colour');
    const dqt = segment(0xdb, 'quant-table');
    const exif = segment(0xe1, 'Exif\0\0GPSLatitude=25.03N;GPSLongitude=121.56E');
    const xmp = segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>');
    const iptc = segment(0xed, 'Photoshop 3.0\0IPTC');
    const comment = segment(0xfe, 'taken at clinic room 3');
    const input = Buffer.concat([SOI, jfif, exif, icc, xmp, dqt, iptc, comment, SCAN]);
    const out = stripJpegMetadata(input);
    expect(out).toEqual(Buffer.concat([SOI, jfif, icc, dqt, SCAN]));
    expect(out.includes(Buffer.from('GPS'))).toBe(false);
    expect(out.includes(Buffer.from('xmpmeta'))).toBe(false);
  });

  it('removes text, time and EXIF chunks from a PNG and keeps the image chunks', () => {
    const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const ihdr = chunk('IHDR', 'header');
    const idat = chunk('IDAT', 'pixels');
    const iend = chunk('IEND', '');
    const input = Buffer.concat([sig, ihdr, chunk('tEXt', 'Author\0Dr Wang'), chunk('eXIf', 'GPS'), chunk('tIME', 'when'), idat, chunk('iTXt', 'x'), iend]);
    expect(stripPngMetadata(input)).toEqual(Buffer.concat([sig, ihdr, idat, iend]));
  });

  it('refuses files that are not what they claim or are truncated', () => {
    expect(() => stripJpegMetadata(Buffer.from('GIF89a'))).toThrow(ImageFormatError);
    expect(() => stripJpegMetadata(Buffer.concat([SOI, segment(0xe1, 'Exif').subarray(0, 5)]))).toThrow(ImageFormatError);
    expect(() => stripPngMetadata(Buffer.from('not a png at all'))).toThrow(ImageFormatError);
  });
});

/** A big-endian TIFF structure: header, then IFDs laid out one after another, offsets from the header. */
function ifdEntry(tag: number, type: number, count: number, valueOrOffset: Buffer | number): Buffer {
  const e = Buffer.alloc(12);
  e.writeUInt16BE(tag, 0);
  e.writeUInt16BE(type, 2);
  e.writeUInt32BE(count, 4);
  if (typeof valueOrOffset === 'number') e.writeUInt32BE(valueOrOffset, 8);
  else valueOrOffset.copy(e, 8);
  return e;
}

function ifd(entries: Buffer[], next = 0): Buffer {
  const head = Buffer.alloc(2);
  head.writeUInt16BE(entries.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(next);
  return Buffer.concat([head, ...entries, tail]);
}

const TIFF_HEADER = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]);
const ASCII = 2;
const LONG = 4;
const RATIONAL = 5;
const UNDEFINED = 7;

/** APP1 Exif whose IFD0 points (tag 0x8825) at a GPS IFD with latitude, longitude and a map datum. */
function exifWithGps(): Buffer {
  const gpsIfdOffset = 8 + 2 + 12 + 4;
  const gpsEntries = 5;
  const gpsDataOffset = gpsIfdOffset + 2 + gpsEntries * 12 + 4;
  const rational = (...pairs: number[]) => {
    const b = Buffer.alloc(pairs.length * 4);
    pairs.forEach((n, k) => b.writeUInt32BE(n, k * 4));
    return b;
  };
  const latitude = rational(25, 1, 2, 1, 1234, 100);
  const longitude = rational(121, 1, 33, 1, 5678, 100);
  const datum = Buffer.from('WGS-84 TAIPEI-101\0', 'latin1');
  const ifd0 = ifd([ifdEntry(0x8825, LONG, 1, gpsIfdOffset)]);
  const gps = ifd([
    ifdEntry(0x0001, ASCII, 2, Buffer.from('N\0\0\0', 'latin1')),
    ifdEntry(0x0002, RATIONAL, 3, gpsDataOffset),
    ifdEntry(0x0003, ASCII, 2, Buffer.from('E\0\0\0', 'latin1')),
    ifdEntry(0x0004, RATIONAL, 3, gpsDataOffset + 24),
    ifdEntry(0x0012, ASCII, datum.length, gpsDataOffset + 48),
  ]);
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), TIFF_HEADER, ifd0, gps, latitude, longitude, datum]));
}

/** A baseline single-component image: tables, frame, restart interval, one scan with a stuffed byte and a restart marker. */
function baselineImage(scanData: Buffer): { tables: Buffer; scan: Buffer } {
  const dqt = segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]));
  const sof0 = segment(0xc0, Buffer.from([8, 0, 16, 0, 16, 1, 1, 0x11, 0]));
  const dht = segment(0xc4, Buffer.concat([Buffer.from([0x00]), Buffer.from([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]), Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])]));
  const dri = segment(0xdd, Buffer.from([0, 1]));
  const sos = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  return { tables: Buffer.concat([dqt, sof0, dht, dri]), scan: Buffer.concat([sos, scanData]) };
}

/** APP2 MPF index IFD (CIPA DC-007) naming two images; offsets count from the MPF TIFF header. */
function mpfIndex(firstSize: number, secondOffset: number, secondSize: number): Buffer {
  const entries = Buffer.alloc(32);
  entries.writeUInt32BE(0x20030000, 0); // representative image, baseline primary
  entries.writeUInt32BE(firstSize, 4);
  entries.writeUInt32BE(0, 8);
  entries.writeUInt32BE(0x00020002, 16); // large thumbnail / disparity image
  entries.writeUInt32BE(secondSize, 20);
  entries.writeUInt32BE(secondOffset, 24);
  const index = ifd([ifdEntry(0xb000, UNDEFINED, 4, Buffer.from('0100', 'latin1')), ifdEntry(0xb001, LONG, 1, 2), ifdEntry(0xb002, UNDEFINED, 32, 8 + 2 + 3 * 12 + 4)]);
  return segment(0xe2, Buffer.concat([Buffer.from('MPF\0', 'latin1'), TIFF_HEADER, index, entries]));
}

/** A phone's multi-picture JPEG: the first image with an MPF index, then a second complete JPEG with its own GPS Exif. */
function multiPictureJpeg(): { file: Buffer; firstImageKept: Buffer; firstScan: Buffer } {
  const firstScanData = Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0x9a, 0xff, 0x00, 0xbc]);
  const first = baselineImage(firstScanData);
  const second = baselineImage(Buffer.from([0x21, 0x43, 0xff, 0x00, 0x65, 0xff, 0xd1, 0x87]));
  const secondImage = Buffer.concat([SOI, exifWithGps(), second.tables, second.scan, EOI]);
  const exif = exifWithGps();
  const mpfLength = mpfIndex(0, 0, 0).length;
  const firstSize = SOI.length + exif.length + mpfLength + first.tables.length + first.scan.length + EOI.length;
  const mpfTiffAt = SOI.length + exif.length + 4 + 4; // marker, length, "MPF\0"
  const mpf = mpfIndex(firstSize, firstSize - mpfTiffAt, secondImage.length);
  const file = Buffer.concat([SOI, exif, mpf, first.tables, first.scan, EOI, secondImage]);
  return { file, firstImageKept: Buffer.concat([SOI, first.tables, first.scan, EOI]), firstScan: first.scan };
}

describe('multi-picture and progressive JPEGs', () => {
  it('keeps only the first picture of a multi-picture JPEG, so the second picture’s GPS Exif and the MPF index are gone', () => {
    const { file, firstImageKept, firstScan } = multiPictureJpeg();
    expect(file.includes(Buffer.from('TAIPEI-101'))).toBe(true);
    const out = stripJpegMetadata(file);
    expect(out).toEqual(firstImageKept);
    for (const leak of ['Exif', 'MPF\0', 'TAIPEI-101', 'WGS-84']) expect(out.includes(Buffer.from(leak, 'latin1'))).toBe(false);
    expect(out.includes(Buffer.from([0x88, 0x25]))).toBe(false);
    expect(out.includes(Buffer.from([0xff, 0xd8]), 2)).toBe(false);
    expect(out.subarray(-2)).toEqual(EOI);
    expect(out.subarray(out.length - 2 - firstScan.length, out.length - 2)).toEqual(firstScan);
  });

  it('keeps every scan of a progressive JPEG and the tables between them, and drops a comment between scans and bytes after the end', () => {
    const jfif = segment(0xe0, 'JFIF\0\x01\x02');
    const icc = segment(0xe2, 'ICC_PROFILE\0\x01\x01colour');
    const flashPix = segment(0xe2, 'FPXR\0\x00extension');
    const dqt = segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 2)]));
    const sof2 = segment(0xc2, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
    const dhtDc = segment(0xc4, Buffer.concat([Buffer.from([0x00]), Buffer.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Buffer.from([0])]));
    const dhtAc = segment(0xc4, Buffer.concat([Buffer.from([0x10]), Buffer.from([0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Buffer.from([0, 1])]));
    const dcScan = Buffer.concat([segment(0xda, Buffer.from([1, 1, 0x00, 0, 0, 0x01])), Buffer.from([0xaa, 0xff, 0x00, 0xbb])]);
    const acScan = Buffer.concat([segment(0xda, Buffer.from([1, 1, 0x00, 1, 63, 0x01])), Buffer.from([0xcc, 0xff, 0xd7, 0xdd, 0xff, 0x00])]);
    const comment = segment(0xfe, 'second pass by room 3 camera');
    const input = Buffer.concat([SOI, jfif, icc, flashPix, dqt, sof2, dhtDc, dcScan, comment, dhtAc, acScan, EOI, Buffer.from('trailing-bytes GPS', 'latin1')]);
    const out = stripJpegMetadata(input);
    expect(out).toEqual(Buffer.concat([SOI, jfif, icc, dqt, sof2, dhtDc, dcScan, dhtAc, acScan, EOI]));
    expect(out.includes(Buffer.from('FPXR'))).toBe(false);
  });

  it('refuses a JPEG cut off inside a scan, one with no scan, and one with a second start-of-image inside the first', () => {
    const { tables, scan } = baselineImage(Buffer.from([1, 2, 0xff, 0x00, 3]));
    expect(() => stripJpegMetadata(Buffer.concat([SOI, tables, scan]))).toThrow(ImageFormatError);
    expect(() => stripJpegMetadata(Buffer.concat([SOI, tables, scan, Buffer.from([0xff])]))).toThrow(ImageFormatError);
    expect(() => stripJpegMetadata(Buffer.concat([SOI, tables, EOI]))).toThrow(ImageFormatError);
    expect(() => stripJpegMetadata(Buffer.concat([SOI, tables, SOI, scan, EOI]))).toThrow(ImageFormatError);
    expect(() => stripJpegMetadata(Buffer.concat([SOI, tables, Buffer.from('junk')]))).toThrow(ImageFormatError);
  });
});

describe('PNG edges', () => {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it('drops whatever follows IEND, such as an appended second file', () => {
    const image = Buffer.concat([sig, chunk('IHDR', 'header'), chunk('IDAT', 'pixels'), chunk('IEND', '')]);
    const appended = Buffer.concat([sig, chunk('IHDR', 'header'), chunk('eXIf', 'GPS 25.03N'), chunk('IEND', '')]);
    expect(stripPngMetadata(Buffer.concat([image, appended]))).toEqual(image);
    expect(stripPngMetadata(Buffer.concat([image, Buffer.from('garbage')]))).toEqual(image);
  });

  it('refuses a truncated PNG, one without IEND, one not starting with IHDR and one with a corrupt chunk type', () => {
    const ihdr = chunk('IHDR', 'header');
    const idat = chunk('IDAT', 'pixels');
    const whole = Buffer.concat([sig, ihdr, idat, chunk('IEND', '')]);
    expect(() => stripPngMetadata(whole.subarray(0, whole.length - 3))).toThrow(ImageFormatError);
    expect(() => stripPngMetadata(Buffer.concat([sig, ihdr, idat]))).toThrow(ImageFormatError);
    expect(() => stripPngMetadata(Buffer.concat([sig, idat, ihdr, chunk('IEND', '')]))).toThrow(ImageFormatError);
    expect(() => stripPngMetadata(Buffer.concat([sig, ihdr, chunk('ID\0T', 'pixels'), chunk('IEND', '')]))).toThrow(ImageFormatError);
    expect(() => stripPngMetadata(Buffer.concat([sig, ihdr, chunk('IEND', '')]))).toThrow(ImageFormatError);
  });
});

describe('metadata removal without an image library', () => {
  it('works on the bytes alone: the stripper imports nothing and the app depends on no image decoder', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../electron/services/photos/image-metadata.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    for (const decoder of ['sharp', 'jimp', 'canvas', 'image-js', 'jpeg-js', 'pngjs', 'exiftool-vendored', 'piexifjs']) expect(names).not.toContain(decoder);
  });
});
