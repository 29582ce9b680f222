/**
 * Photos (issue 12, item 6): files travel as uploads, not inside the JSON body; each photo keeps its angle, area
 * and the capture time from its own Exif (read before the metadata is stripped); before and after photos are
 * compared by view. Through the router (the Electron path) and through the browser host's HTTP endpoint.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { acceptUpload } from '../../electron/services/uploads';
import { readCaptureTime } from '../../electron/services/photos/image-metadata';
import { PHOTO_UPLOAD_MAX_BYTES } from '../../shared/schemas/photo';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { asConsultant, asPhysician, fullySignedConsultation, treatmentInput } from '../support/aftercare-flow';
import { addStaff, ADULT } from '../support/consent-flow';
import { exifJpeg } from '../support/exif-jpeg';
import { CONSULTANT, PHYSICIAN } from '../support/staff';

const upload = (t: TestApp, bytes: Buffer) => {
  const r = acceptUpload(t.app, bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.uploadId;
};

describe('photos through the router: uploads, labels, Exif capture time, comparison', () => {
  let t: TestApp;
  let clock: ManualClock;
  let draftId: string;
  let signedConsultationId: string;
  let treatmentId: string;
  let visitId: string;

  beforeAll(async () => {
    clock = new ManualClock('2026-11-23T02:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    const { physicianId } = await addStaff(t);
    const signed = await fullySignedConsultation(t, clock, physicianId, { patient: { ...ADULT, chartNo: 'C0901' } });
    signedConsultationId = signed.consultation.consultation.id;
    await asPhysician(t);
    treatmentId = (await t.ok('treatments.record', treatmentInput(signed.consultation, clock))).id;
    const visit = (await t.ok('followUps.forTreatment', { treatmentId })).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0]!;
    visitId = visit.id;
    await asConsultant(t);
    const other = await t.ok('patients.create', { chartNo: 'C0902', nameZh: '陳怡君', sex: 'female', birthDate: '1991-04-02', phone: '0912-555-666' });
    const procedureId = (await t.ok('procedures.list', {}))[0]!.id;
    draftId = (await t.ok('consultations.start', { patientId: other.id, procedureId, physicianId })).consultation.id;
  });
  afterAll(() => t.dispose());

  it('stores a 4 MB photo sent as an upload, with its angle, area and the Exif capture time in the clinic zone', async () => {
    const file = exifJpeg({ dateTimeOriginal: '2026:11:20 14:05:09', padToBytes: 4 * 1024 * 1024 });
    expect(file.length).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    const uploadId = upload(t, file);
    const v = await t.ok('consultations.addPhoto', { consultationId: draftId, mime: 'image/jpeg', uploadId, angle: 'left_45', area: 'full_face', marketingConsent: false });
    const photo = v.consultation.photos.at(-1)!;
    // 14:05:09 in Taipei (UTC+8), as the camera wrote it, not the time it was filed.
    expect(photo).toMatchObject({ angle: 'left_45', area: 'full_face', capturedAt: '2026-11-20T06:05:09.000Z', capturedAtSource: 'file_metadata' });
    const stored = Buffer.from((await t.ok('photos.get', { photoId: photo.id })).dataBase64, 'base64');
    expect(stored.length).toBeLessThan(1024);
    expect(readCaptureTime('image/jpeg', stored)).toBeNull();
    // The upload is taken once: naming it again is refused and stores nothing.
    const again = await t.call('consultations.addPhoto', { consultationId: draftId, mime: 'image/jpeg', uploadId, angle: 'front', area: 'full_face', marketingConsent: false });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['uploadId'], messageKey: 'intake.errors.uploadNotFound' }] } });
    expect((await t.ok('consultations.get', { consultationId: draftId })).consultation.photos).toHaveLength(v.consultation.photos.length);
  });

  it('uses the offset the camera recorded, and falls back to the stated and then the received time', async () => {
    const withOffset = upload(t, exifJpeg({ dateTimeOriginal: '2026:11:21 09:00:00', offset: '+09:00' }));
    const a = (await t.ok('consultations.addPhoto', { consultationId: draftId, mime: 'image/jpeg', uploadId: withOffset, angle: 'front', area: 'nose', marketingConsent: false })).consultation.photos.at(-1)!;
    expect(a).toMatchObject({ capturedAt: '2026-11-21T00:00:00.000Z', capturedAtSource: 'file_metadata' });
    const stated = upload(t, exifJpeg());
    const b = (await t.ok('consultations.addPhoto', { consultationId: draftId, mime: 'image/jpeg', uploadId: stated, capturedAt: '2026-11-23T01:59:00.000Z', angle: 'front', area: 'nose', marketingConsent: false })).consultation.photos.at(-1)!;
    expect(b).toMatchObject({ capturedAt: '2026-11-23T01:59:00.000Z', capturedAtSource: 'stated' });
    // A camera clock in the future is not believed.
    const future = upload(t, exifJpeg({ dateTimeOriginal: '2030:01:01 00:00:00' }));
    const c = (await t.ok('consultations.addPhoto', { consultationId: draftId, mime: 'image/jpeg', uploadId: future, angle: 'front', area: 'nose', marketingConsent: false })).consultation.photos.at(-1)!;
    expect(c).toMatchObject({ capturedAt: clock.now().toISOString(), capturedAtSource: 'received' });
  });

  it('refuses both or neither file source, another staff member’s upload, and a file over one photo’s limit', async () => {
    const id = upload(t, exifJpeg());
    const both = await t.call('consultations.addPhoto', { consultationId: draftId, mime: 'image/jpeg', uploadId: id, dataBase64: exifJpeg().toString('base64'), marketingConsent: false });
    expect(both).toMatchObject({ ok: false, error: { issues: [{ messageKey: 'intake.errors.oneSource' }] } });
    const neither = await t.call('consultations.addPhoto', { consultationId: draftId, mime: 'image/jpeg', marketingConsent: false });
    expect(neither).toMatchObject({ ok: false, error: { issues: [{ messageKey: 'intake.errors.oneSource' }] } });
    await asPhysician(t);
    const foreign = await t.call('consultations.addPhoto', { consultationId: draftId, mime: 'image/jpeg', uploadId: id, marketingConsent: false });
    expect(foreign).toMatchObject({ ok: false, error: { issues: [{ messageKey: 'intake.errors.uploadNotFound' }] } });
    expect(acceptUpload(t.app, Buffer.alloc(PHOTO_UPLOAD_MAX_BYTES + 1))).toMatchObject({ ok: false, error: { messageKey: 'validation.photoTooLarge' } });
    await t.ok('session.signOut', {});
    expect(acceptUpload(t.app, exifJpeg())).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await asConsultant(t);
  });

  it('sets before photos beside the treatment’s and the follow-up’s after photos, by angle and area', async () => {
    await asConsultant(t);
    // The signed consultation's before photo was taken in the flow helper (unlabelled); add labelled ones after treatment.
    await asPhysician(t);
    await t.ok('treatments.addPhoto', { treatmentId, mime: 'image/jpeg', uploadId: upload(t, exifJpeg({ dateTimeOriginal: '2026:11:23 10:30:00' })), angle: 'front', area: 'full_face', marketingConsent: false });
    const visit = await t.ok('followUps.get', { visitId });
    clock.advance(Date.parse(`${visit.dueDate}T03:00:00.000Z`) - clock.now().getTime());
    await asPhysician(t);
    await t.ok('followUps.addPhoto', { visitId, mime: 'image/jpeg', uploadId: upload(t, exifJpeg()), angle: 'front', area: 'full_face', marketingConsent: false });
    await t.ok('treatments.addPhoto', { treatmentId, mime: 'image/jpeg', uploadId: upload(t, exifJpeg()), angle: 'right_45', area: 'full_face', marketingConsent: false });
    const cmp = await t.ok('photos.comparison', { consultationId: signedConsultationId });
    expect(cmp.treatmentId).toBe(treatmentId);
    const front = cmp.groups.find((g) => g.angle === 'front' && g.area === 'full_face')!;
    expect(front.after.map((p) => p.visitDay)).toEqual([null, visit.dayOffset]);
    expect(cmp.groups.map((g) => g.angle)).toEqual(['front', 'right_45', null]);
    expect(cmp.groups.at(-1)!.before.length).toBeGreaterThan(0);
    expect(cmp.groups.at(-1)!.after).toEqual([]);
  });
});

describe('the browser host takes photo files as a streamed upload', () => {
  let host: BrowserHost;
  let root: string;
  const call = async (channel: string, input: unknown) => {
    const r = await fetch(`${host.origin}/api`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-consentvault-token': host.token }, body: JSON.stringify({ channel, input }) });
    return (await r.json()) as { ok: boolean; value?: never; error?: { code: string; messageKey: string } };
  };
  const ok = async <T = Record<string, unknown>>(channel: string, input: unknown): Promise<T> => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  const send = (body: Buffer, headers: Record<string, string> = {}) =>
    fetch(`${host.origin}/api/upload`, { method: 'POST', headers: { 'content-type': 'image/jpeg', 'x-consentvault-token': host.token, ...headers }, body: new Uint8Array(body) });

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-upload-'));
    fs.mkdirSync(path.join(root, 'renderer'));
    fs.writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>test</title>');
    host = await startBrowserHost({ configDir: path.join(root, 'config'), rendererDir: path.join(root, 'renderer'), port: 0 });
    await ok('setup.createVault', { clinicName: '美麗人生醫美診所', timeZone: 'Asia/Taipei', vaultDir: path.join(root, 'vault'), adminName: ADMIN.name, adminPassword: ADMIN.password });
    if (host.app.session) await ok('session.signOut', {});
    await ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    await ok('staff.add', PHYSICIAN);
    await ok('staff.add', CONSULTANT);
  });
  afterAll(async () => {
    await host.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('stores a 4 MB phone photo that the 1 MiB JSON body could not carry', async () => {
    const physicianId = (await ok<{ id: string; role: string }[]>('staff.physicians', {}))[0]!.id;
    await ok('session.signOut', {});
    await ok('session.signIn', { loginId: CONSULTANT.name, password: CONSULTANT.password });
    const patient = await ok<{ id: string }>('patients.create', { chartNo: 'C0903', nameZh: '林佳蓉', sex: 'female', birthDate: '1990-01-02', phone: '0912-000-222' });
    const procedureId = (await ok<{ id: string }[]>('procedures.list', {}))[0]!.id;
    const consultationId = (await ok<{ consultation: { id: string } }>('consultations.start', { patientId: patient.id, procedureId, physicianId })).consultation.id;
    const file = exifJpeg({ dateTimeOriginal: '2026:05:04 08:09:10', padToBytes: 4 * 1024 * 1024 });
    // Inline, the photo is refused by the body limit, as staff saw it.
    const inline = await fetch(`${host.origin}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-consentvault-token': host.token },
      body: JSON.stringify({ channel: 'consultations.addPhoto', input: { consultationId, mime: 'image/jpeg', dataBase64: file.toString('base64'), marketingConsent: false } }),
    });
    expect(inline.status).toBe(413);
    const sent = await send(file);
    expect(sent.status).toBe(200);
    const receipt = (await sent.json()) as { ok: true; value: { uploadId: string; size: number } };
    expect(receipt.value.size).toBe(file.length);
    const v = await ok<{ consultation: { photos: { angle: string; capturedAt: string; capturedAtSource: string }[] } }>('consultations.addPhoto', {
      consultationId,
      mime: 'image/jpeg',
      uploadId: receipt.value.uploadId,
      angle: 'front',
      area: 'lips',
      marketingConsent: false,
    });
    expect(v.consultation.photos[0]).toMatchObject({ angle: 'front', capturedAt: '2026-05-04T00:09:10.000Z', capturedAtSource: 'file_metadata' });
  });

  it('guards the upload endpoint like the API: token, Origin, content type, size, method', async () => {
    expect((await send(exifJpeg(), { 'x-consentvault-token': 'f'.repeat(64) })).status).toBe(401);
    expect((await send(exifJpeg(), { origin: 'http://evil.example' })).status).toBe(403);
    expect((await send(exifJpeg(), { 'content-type': 'text/html' })).status).toBe(415);
    const big = await send(Buffer.alloc(PHOTO_UPLOAD_MAX_BYTES + 1024));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ ok: false, error: { messageKey: 'validation.photoTooLarge' } });
    expect((await fetch(`${host.origin}/api/upload`, { headers: { 'x-consentvault-token': host.token } })).status).toBe(405);
    await ok('session.signOut', {});
    expect(await (await send(exifJpeg())).json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
