/**
 * Metadata stripping on every path that stores an image: before photos (consultation), after-treatment photos,
 * follow-up photos, communication attachments and complaint-entry attachments. For each path and each container
 * the stripper handles (JPEG: APP1 Exif and XMP, APP2 other than ICC, APP3–APP13 and APP15, COM, segments between
 * progressive scans, bytes after the end; PNG: eXIf, tEXt, zTXt, iTXt, tIME),
 * an image built here carries a unique marker in that one container; the bytes read back through the channels
 * must have lost the marker and the container, and kept the image itself (APP0 JFIF, APP2 ICC, APP14 Adobe,
 * tables, frame and scan; PNG header, colour chunks, pixel data) byte for byte.
 */
import { createHash, randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/errors';
import { encodePng } from '../../electron/pdf/signature-png';
import { makeTestApp, ManualClock, type TestApp } from '../support/app';
import { asPhysician, fullySignedConsultation, treatmentInput } from '../support/aftercare-flow';
import { addStaff } from '../support/consent-flow';

// ---------------------------------------------------------------------------------------------------------------
// JPEG, built segment by segment: a real 8×8 grey baseline image (one Huffman code each for DC 0 and EOB)
// ---------------------------------------------------------------------------------------------------------------

function segment(marker: number, payload: Buffer | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'latin1') : payload;
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}
const bytes = (...parts: (Buffer | string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
/** What must survive: JFIF, the ICC colour profile, Adobe's colour transform, tables, frame, scan. */
const JPEG_IMAGE = {
  head: [
    segment(0xe0, bytes('JFIF\0', [1, 2, 0], u16(72), u16(72), [0, 0])),
    segment(0xe2, bytes('ICC_PROFILE\0', [1, 1], 'colour-profile-kept')),
    segment(0xee, bytes('Adobe', [0, 100, 0, 0, 0, 0, 0])),
  ],
  body: [
    segment(0xdb, bytes([0], new Array<number>(64).fill(1))),
    segment(0xc0, bytes([8], u16(8), u16(8), [1, 1, 0x11, 0])),
    segment(0xc4, bytes([0x00, 1], new Array<number>(15).fill(0), [0])),
    segment(0xc4, bytes([0x10, 1], new Array<number>(15).fill(0), [0])),
    // Start of scan, then the entropy-coded data: DC difference 0, end of block, padded with 1-bits.
    segment(0xda, bytes([1, 1, 0x00, 0, 63, 0])),
    Buffer.from([0x3f]),
    EOI,
  ],
};
const cleanJpeg = () => Buffer.concat([SOI, ...JPEG_IMAGE.head, ...JPEG_IMAGE.body]);
/** The image with one metadata segment among the kept ones (after JFIF, where cameras put Exif). */
const jpegWith = (meta: Buffer) => Buffer.concat([SOI, JPEG_IMAGE.head[0]!, meta, ...JPEG_IMAGE.head.slice(1), ...JPEG_IMAGE.body]);

/** A big-endian TIFF with the marker as ImageDescription and a GPS IFD, as Exif carries it. */
function exifTiff(marker: string): Buffer {
  const text = Buffer.from(`${marker}\0`, 'latin1');
  // Header (8) + IFD0 with 2 entries (2 + 24 + 4) = 38; GPS IFD with 1 entry (2 + 12 + 4) = 18, at 38; text at 56.
  const ifd0 = bytes(u16(2), u16(0x010e), u16(2), u32(text.length), u32(56), u16(0x8825), u16(4), u32(1), u32(38), u32(0));
  const gps = bytes(u16(1), u16(0x0001), u16(2), u32(2), ['N'.charCodeAt(0), 0, 0, 0], u32(0));
  return bytes('MM', [0, 42], u32(8), ifd0, gps, text);
}
const xmpPacket = (marker: string) =>
  `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
  `<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="${marker}"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
/** Photoshop image resources with an IPTC caption (resource 0x0404, dataset 2:120). */
function photoshopIptc(marker: string): Buffer {
  const caption = Buffer.from(marker, 'latin1');
  const iptc = bytes([0x1c, 2, 120], u16(caption.length), caption);
  const padded = iptc.length % 2 ? Buffer.concat([iptc, Buffer.from([0])]) : iptc;
  return bytes('Photoshop 3.0\0', '8BIM', u16(0x0404), [0, 0], u32(iptc.length), padded);
}

interface Container {
  name: string;
  build: (marker: string) => Buffer;
}
const JPEG_CONTAINERS: Container[] = [
  { name: 'APP1 Exif (with a GPS IFD)', build: (m) => segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(m)])) },
  { name: 'APP1 XMP', build: (m) => segment(0xe1, bytes('http://ns.adobe.com/xap/1.0/\0', xmpPacket(m))) },
  { name: 'APP1 extended XMP', build: (m) => segment(0xe1, bytes('http://ns.adobe.com/xmp/extension/\0', '0123456789ABCDEF0123456789ABCDEF', u32(200), u32(0), xmpPacket(m))) },
  { name: 'APP2 FlashPix extension (an APP2 that is not the ICC profile)', build: (m) => segment(0xe2, bytes('FPXR\0', [0, 1], m)) },
  { name: 'APP3 (Kodak META)', build: (m) => segment(0xe3, bytes('META\0\0', m)) },
  { name: 'APP4 (vendor data)', build: (m) => segment(0xe4, bytes('SCALADO\0', m)) },
  { name: 'APP5 (Ricoh RMETA)', build: (m) => segment(0xe5, bytes('RMETA\0', m)) },
  { name: 'APP6 (GoPro / NITF)', build: (m) => segment(0xe6, bytes('GoPro\0', m)) },
  { name: 'APP7 (vendor data)', build: (m) => segment(0xe7, bytes('Qualcomm\0', m)) },
  { name: 'APP8 (SPIFF)', build: (m) => segment(0xe8, bytes('SPIFF\0', m)) },
  { name: 'APP9 (Media Jukebox)', build: (m) => segment(0xe9, bytes('Media Jukebox\0', m)) },
  { name: 'APP10 (vendor data)', build: (m) => segment(0xea, bytes('AROT\0', m)) },
  { name: 'APP11 (JPEG XT / JUMBF)', build: (m) => segment(0xeb, bytes('JP', [0, 0], m)) },
  { name: 'APP12 (Ducky / PictureInfo)', build: (m) => segment(0xec, bytes('Ducky', [0, 1, 0, 4], m)) },
  { name: 'APP13 Photoshop IPTC', build: (m) => segment(0xed, photoshopIptc(m)) },
  { name: 'APP15 (vendor data)', build: (m) => segment(0xef, bytes('GRAPHICCONVERTER\0', m)) },
  { name: 'COM comment', build: (m) => segment(0xfe, m) },
];

// ---------------------------------------------------------------------------------------------------------------
// PNG: a real 4×4 image from the app's own encoder, with colour chunks that must stay
// ---------------------------------------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([Buffer.from(u32(data.length)), typeAndData, Buffer.from(u32(zlib.crc32(typeAndData)))]);
}
function pngChunks(png: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 8; i < png.length; ) {
    const end = i + 12 + png.readUInt32BE(i);
    out.push(png.subarray(i, end));
    i = end;
  }
  return out;
}
const chunkType = (c: Buffer) => c.toString('latin1', 4, 8);
const [IHDR, IDAT, IEND] = pngChunks(encodePng(4, 4, new Uint8Array(64).map((_, i) => (i * 37) % 256))) as [Buffer, Buffer, Buffer];
const GAMA = pngChunk('gAMA', Buffer.from(u32(45455)));
const SRGB = pngChunk('sRGB', Buffer.from([0]));
const cleanPng = () => Buffer.concat([PNG_SIGNATURE, IHDR, SRGB, GAMA, IDAT, IEND]);
const pngWith = (meta: Buffer) => Buffer.concat([PNG_SIGNATURE, IHDR, SRGB, meta, GAMA, IDAT, IEND]);

/** A distinctive last-modified time (2026-11-23 10:17:42); tIME holds no text, so its bytes are the marker. */
const TIME_BYTES = Buffer.from([...u16(2026), 11, 23, 10, 17, 42]);
const PNG_CONTAINERS: (Container & { markerBytes?: Buffer })[] = [
  { name: 'eXIf', build: (m) => pngChunk('eXIf', exifTiff(m)) },
  { name: 'tEXt', build: (m) => pngChunk('tEXt', bytes('Comment\0', m)) },
  // zTXt: the marker both in the keyword (plain) and in the compressed text.
  { name: 'zTXt', build: (m) => pngChunk('zTXt', Buffer.concat([Buffer.from(`${m.slice(0, 60)}\0\0`, 'latin1'), zlib.deflateSync(Buffer.from(m, 'latin1'))])) },
  { name: 'iTXt (XMP)', build: (m) => pngChunk('iTXt', bytes('XML:com.adobe.xmp\0', [0, 0], '\0\0', Buffer.from(xmpPacket(m), 'utf8'))) },
  { name: 'tIME', build: () => pngChunk('tIME', TIME_BYTES), markerBytes: TIME_BYTES },
];

// ---------------------------------------------------------------------------------------------------------------
// The upload paths, each returning the bytes as stored (read back through the channels) and their recorded hash
// ---------------------------------------------------------------------------------------------------------------

type Mime = 'image/jpeg' | 'image/png';
interface Stored {
  bytes: Buffer;
  sha256: string;
}
interface UploadPath {
  name: string;
  upload: (mime: Mime, data: Buffer) => Promise<Stored>;
  /** The raw answer, to see refusals. */
  attempt: (mime: string, data: Buffer) => Promise<ApiResult<unknown>>;
  formatError: string;
}

let t: TestApp;
const ids = { consultationId: '', treatmentId: '', visitId: '', patientId: '', complaintId: '', complaintReceivedAt: '' };

async function photoBytes(photoId: string): Promise<Stored> {
  const p = await t.ok('photos.get', { photoId });
  return { bytes: Buffer.from(p.dataBase64, 'base64'), sha256: p.sha256 };
}
const newest = <P extends { id: string }>(before: readonly P[], after: readonly P[]) => {
  const seen = new Set(before.map((p) => p.id));
  const added = after.filter((p) => !seen.has(p.id));
  expect(added).toHaveLength(1);
  return added[0]!;
};
const photoInput = (mime: string, data: Buffer) => ({ mime: mime as Mime, dataBase64: data.toString('base64'), marketingConsent: false });
const attachmentInput = (mime: string, data: Buffer) => ({ fileName: mime === 'image/png' ? 'line-screenshot.png' : 'letter-photo.jpg', mime: mime as Mime, dataBase64: data.toString('base64') });

const PATHS: UploadPath[] = [
  {
    name: 'consultation (before) photo',
    formatError: 'validation.photoFormat',
    attempt: (mime, data) => t.call('consultations.addPhoto', { consultationId: ids.consultationId, ...photoInput(mime, data) }),
    async upload(mime, data) {
      const before = (await t.ok('consultations.get', { consultationId: ids.consultationId })).consultation.photos;
      const after = (await t.ok('consultations.addPhoto', { consultationId: ids.consultationId, ...photoInput(mime, data) })).consultation.photos;
      return photoBytes(newest(before, after).id);
    },
  },
  {
    name: 'after-treatment photo',
    formatError: 'validation.photoFormat',
    attempt: (mime, data) => t.call('treatments.addPhoto', { treatmentId: ids.treatmentId, ...photoInput(mime, data) }),
    async upload(mime, data) {
      const before = (await t.ok('treatments.get', { treatmentId: ids.treatmentId })).photos;
      const after = (await t.ok('treatments.addPhoto', { treatmentId: ids.treatmentId, ...photoInput(mime, data) })).photos;
      return photoBytes(newest(before, after).id);
    },
  },
  {
    name: 'follow-up visit photo',
    formatError: 'validation.photoFormat',
    attempt: (mime, data) => t.call('followUps.addPhoto', { visitId: ids.visitId, ...photoInput(mime, data) }),
    async upload(mime, data) {
      const before = (await t.ok('followUps.get', { visitId: ids.visitId })).photos;
      const after = (await t.ok('followUps.addPhoto', { visitId: ids.visitId, ...photoInput(mime, data) })).photos;
      return photoBytes(newest(before, after).id);
    },
  },
  {
    name: 'communication attachment',
    formatError: 'validation.attachmentFormat',
    attempt: (mime, data) => t.call('communications.log', { patientId: ids.patientId, channel: 'line', direction: 'inbound', occurredAt: new Date(0).toISOString(), summary: '病人傳來術後照片。', attachment: attachmentInput(mime, data) }),
    async upload(mime, data) {
      const logged = await t.ok('communications.log', { patientId: ids.patientId, channel: 'line', direction: 'inbound', occurredAt: '2026-11-20T02:00:00.000Z', summary: '病人傳來術後照片。', attachment: attachmentInput(mime, data) });
      const a = await t.ok('communications.attachment', { communicationId: logged.id });
      expect(a.mime).toBe(mime);
      return { bytes: Buffer.from(a.dataBase64, 'base64'), sha256: logged.attachment!.sha256 };
    },
  },
  {
    name: 'complaint entry attachment',
    formatError: 'validation.attachmentFormat',
    attempt: (mime, data) => t.call('complaints.addEntry', { complaintId: ids.complaintId, kind: 'document', occurredAt: ids.complaintReceivedAt, summary: '病人提供的照片。', attachment: attachmentInput(mime, data) }),
    async upload(mime, data) {
      const before = (await t.ok('complaints.get', { complaintId: ids.complaintId })).timeline;
      const summary = `病人提供的照片 ${randomUUID()}`;
      const after = (await t.ok('complaints.addEntry', { complaintId: ids.complaintId, kind: 'document', occurredAt: ids.complaintReceivedAt, summary, attachment: attachmentInput(mime, data) })).timeline;
      const entry = newest(before, after.filter((i) => i.summary === summary));
      const a = await t.ok('complaints.attachment', { entryId: entry.id });
      return { bytes: Buffer.from(a.dataBase64, 'base64'), sha256: entry.attachment!.sha256 };
    },
  },
];

beforeAll(async () => {
  // Monday 23 November 2026, 10:00 in Taipei.
  const clock = new ManualClock('2026-11-23T02:00:00.000Z');
  t = makeTestApp({ clock });
  await t.setup();
  const { physicianId } = await addStaff(t);
  const { consultation } = await fullySignedConsultation(t, clock, physicianId);
  await asPhysician(t);
  ids.treatmentId = (await t.ok('treatments.record', treatmentInput(consultation, clock))).id;
  ids.patientId = consultation.consultation.patientId;
  // The first follow-up visit, on the day it is due.
  const visit = (await t.ok('followUps.forTreatment', { treatmentId: ids.treatmentId })).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0]!;
  ids.visitId = visit.id;
  clock.advance(Date.parse(`${visit.dueDate}T02:00:00.000Z`) - clock.now().getTime());
  await asPhysician(t);
  // A consultation still in draft (before photos are taken then), for another patient.
  const other = await t.ok('patients.create', { chartNo: 'C0301', nameZh: '陳怡君', sex: 'female', birthDate: '1991-04-02', phone: '0912-555-666' });
  const procedureId = (await t.ok('procedures.list', {}))[0]!.id;
  ids.consultationId = (await t.ok('consultations.start', { patientId: other.id, procedureId, physicianId })).consultation.id;
  ids.complaintReceivedAt = clock.now().toISOString();
  ids.complaintId = (
    await t.ok('complaints.intake', {
      patientId: ids.patientId,
      channel: 'line',
      category: 'outcome_expectation',
      severity: 'low',
      receivedAt: ids.complaintReceivedAt,
      patientSays: '眉毛兩側高度好像不一樣，附上照片。',
      patientWants: '希望醫師看一下。',
    })
  ).id;
});
afterAll(() => t.dispose());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const marker = (path: string, container: string) => `CVMARK-${path.replace(/\W+/g, '')}-${container.replace(/\W+/g, '')}-${randomUUID()}`;
/** Not there as Latin-1 / UTF-8, nor as UTF-16 (some XMP writers use it). */
function expectGone(stored: Buffer, m: string | Buffer) {
  const forms = typeof m === 'string' ? [Buffer.from(m, 'latin1'), Buffer.from(m, 'utf16le'), zlib.deflateSync(Buffer.from(m, 'latin1'))] : [m];
  for (const f of forms) expect(stored.includes(f)).toBe(false);
}

describe.each(PATHS.map((p) => [p.name, p] as const))('%s', (_name, path) => {
  it.each(JPEG_CONTAINERS.map((c) => [c.name, c] as const))('a JPEG loses its %s and keeps JFIF, ICC, Adobe, tables and scan byte for byte', async (_c, container) => {
    const m = marker(path.name, container.name);
    const input = jpegWith(container.build(m));
    expect(input.includes(Buffer.from(m, 'latin1'))).toBe(true);
    const stored = await path.upload('image/jpeg', input);
    expectGone(stored.bytes, m);
    expect(stored.bytes.equals(cleanJpeg())).toBe(true);
    expect(stored.sha256).toBe(sha(stored.bytes));
  });

  it.each(PNG_CONTAINERS.map((c) => [c.name, c] as const))('a PNG loses its %s chunk and keeps the header, colour chunks and pixel data byte for byte', async (_c, container) => {
    const m = marker(path.name, container.name);
    const input = pngWith(container.build(m));
    const stored = await path.upload('image/png', input);
    expectGone(stored.bytes, container.markerBytes ?? m);
    expect(pngChunks(stored.bytes).map(chunkType)).toEqual(['IHDR', 'sRGB', 'gAMA', 'IDAT', 'IEND']);
    expect(stored.bytes.equals(cleanPng())).toBe(true);
    expect(stored.sha256).toBe(sha(stored.bytes));
  });

  it('an image carrying every container at once comes out as the bare image (JPEG and PNG)', async () => {
    const jm = JPEG_CONTAINERS.map((c) => marker(path.name, c.name));
    const jpeg = Buffer.concat([SOI, JPEG_IMAGE.head[0]!, ...JPEG_CONTAINERS.map((c, i) => c.build(jm[i]!)), ...JPEG_IMAGE.head.slice(1), ...JPEG_IMAGE.body]);
    const storedJpeg = await path.upload('image/jpeg', jpeg);
    for (const m of jm) expectGone(storedJpeg.bytes, m);
    expect(storedJpeg.bytes.equals(cleanJpeg())).toBe(true);
    const pm = PNG_CONTAINERS.map((c) => marker(path.name, c.name));
    const png = Buffer.concat([PNG_SIGNATURE, IHDR, SRGB, ...PNG_CONTAINERS.map((c, i) => c.build(pm[i]!)), GAMA, IDAT, IEND]);
    const storedPng = await path.upload('image/png', png);
    for (const [i, m] of pm.entries()) expectGone(storedPng.bytes, PNG_CONTAINERS[i]!.markerBytes ?? m);
    expect(storedPng.bytes.equals(cleanPng())).toBe(true);
  });

  it('a progressive JPEG loses metadata between its scans and bytes after its end, and keeps the tables between scans', async () => {
    const m = marker(path.name, 'progressive');
    const kept = {
      head: [JPEG_IMAGE.head[0]!, JPEG_IMAGE.body[0]!, segment(0xc2, bytes([8], u16(8), u16(8), [1, 1, 0x11, 0])), JPEG_IMAGE.body[2]!],
      firstScan: [segment(0xda, bytes([1, 1, 0x00, 0, 0, 0x01])), Buffer.from([0x12, 0x34])],
      tables: [JPEG_IMAGE.body[3]!],
      secondScan: [segment(0xda, bytes([1, 1, 0x00, 1, 63, 0x01])), Buffer.from([0x56, 0x78])],
    };
    const input = Buffer.concat([
      SOI,
      ...kept.head,
      ...kept.firstScan,
      segment(0xfe, `${m}-comment`),
      ...kept.tables,
      JPEG_CONTAINERS[0]!.build(`${m}-exif`),
      ...kept.secondScan,
      EOI,
      Buffer.from(`${m}-trailer`, 'latin1'),
    ]);
    const stored = await path.upload('image/jpeg', input);
    expectGone(stored.bytes, m);
    expect(stored.bytes.equals(Buffer.concat([SOI, ...kept.head, ...kept.firstScan, ...kept.tables, ...kept.secondScan, EOI]))).toBe(true);
  });

  it('a PNG loses whatever follows its IEND chunk', async () => {
    const m = marker(path.name, 'png-trailer');
    const stored = await path.upload('image/png', Buffer.concat([cleanPng(), pngChunk('tEXt', bytes('Comment\0', m)), Buffer.from(m, 'latin1')]));
    expectGone(stored.bytes, m);
    expect(stored.bytes.equals(cleanPng())).toBe(true);
  });

  it('an image without metadata is stored exactly as sent', async () => {
    expect((await path.upload('image/jpeg', cleanJpeg())).bytes.equals(cleanJpeg())).toBe(true);
    expect((await path.upload('image/png', cleanPng())).bytes.equals(cleanPng())).toBe(true);
  });

  it('an image declared as the other image type is refused, not stored unstripped', async () => {
    const withExif = jpegWith(JPEG_CONTAINERS[0]!.build(marker(path.name, 'mislabelled')));
    const r = await path.attempt('image/png', withExif);
    expect(r.ok ? null : { code: r.error.code, messageKey: r.error.issues?.[0]?.messageKey }).toEqual({ code: 'invalid_input', messageKey: path.formatError });
    const r2 = await path.attempt('image/jpeg', pngWith(PNG_CONTAINERS[1]!.build(marker(path.name, 'mislabelled'))));
    expect(r2.ok ? null : r2.error.issues?.[0]?.messageKey).toBe(path.formatError);
  });
});

describe.each(PATHS.filter((p) => p.name.endsWith('attachment')).map((p) => [p.name, p] as const))('%s declared as a document', (_name, path) => {
  it.each(['application/pdf', 'text/plain'])('a JPEG or PNG declared as %s is refused, so it cannot skip the stripping', async (mime) => {
    for (const image of [jpegWith(JPEG_CONTAINERS[0]!.build(marker(path.name, mime))), pngWith(PNG_CONTAINERS[1]!.build(marker(path.name, mime)))]) {
      const r = await path.attempt(mime, image);
      expect(r.ok ? null : r.error.issues?.[0]?.messageKey).toBe('validation.attachmentFormat');
    }
  });
});
