import { describe, expect, it } from 'vitest';
import { ImageFormatError, stripJpegMetadata, stripPngMetadata } from '../../electron/services/image-metadata';

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
