import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PatientFieldsInput } from '../../shared/schemas/patient';
import { ADMIN, makeTestApp, ManualClock } from '../support/app';
import { NURSE } from '../support/staff';

const PATIENT: PatientFieldsInput = { chartNo: 'M0001', nameZh: '張雅筑', sex: 'female', birthDate: '1992-07-01', phone: '0933-222-111' };

/** A JPEG whose APP1 segment carries GPS coordinates, as a phone screenshot of a LINE chat might. */
function jpegWithGps(): Buffer {
  const body = Buffer.from('Exif\0\0GPSLatitude=25.03N', 'latin1');
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, body.length + 2]), body]);
  const scanHeader = Buffer.from([0xff, 0xda, 0, 4, 1, 2]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, scanHeader, Buffer.from('pixels'), Buffer.from([0xff, 0xd9])]);
}

describe('the communications log', () => {
  let t: ReturnType<typeof makeTestApp>;
  let clock: ManualClock;
  let patientId: string;

  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T02:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    await t.ok('staff.add', NURSE);
    patientId = (await t.ok('patients.create', PATIENT)).id;
    await t.ok('session.signOut', {});
    await t.ok('session.signIn', { loginId: NURSE.name, password: NURSE.password });
  });

  it('logs a LINE message with who and when, shows it on the patient timeline, and audits it', async () => {
    const entry = await t.ok('communications.log', {
      patientId,
      channel: 'line',
      direction: 'inbound',
      occurredAt: '2026-11-23T01:30:00.000Z',
      summary: '病人詢問術後第三天仍有瘀青是否正常，已說明並約回診。',
    });
    expect(entry).toMatchObject({ channel: 'line', direction: 'inbound', staffName: NURSE.name, attachment: null, corrections: [] });
    expect(await t.ok('communications.list', { patientId })).toEqual([entry]);
    const detail = await t.ok('patients.get', { patientId });
    expect(detail.timeline.find((e) => e.kind === 'communication')).toMatchObject({ refId: entry.id, staffName: NURSE.name });
    const actions = t.app.vault!.audit.recent(10).map((e) => e.action);
    expect(actions).toContain('communication.logged');
  });

  it('keeps the original untouched and appends a correction beside it', async () => {
    const entry = await t.ok('communications.log', { patientId, channel: 'phone', direction: 'outbound', occurredAt: '2026-11-23T01:00:00.000Z', summary: '術後第一天電話關懷：疼痛 3 分。' });
    clock.advance(60_000);
    const corrected = await t.ok('communications.correct', { communicationId: entry.id, text: '更正：疼痛為 5 分，非 3 分。' });
    expect(corrected.summary).toBe(entry.summary);
    expect(corrected.corrections).toEqual([expect.objectContaining({ text: '更正：疼痛為 5 分，非 3 分。', staffName: NURSE.name, createdAt: '2026-11-23T02:01:00.000Z' })]);
    expect(() => t.app.vault!.db.prepare("UPDATE communications SET summary = 'x'").run()).toThrow(/immutable/);
    expect(() => t.app.vault!.db.prepare('DELETE FROM communications').run()).toThrow(/never deleted/);
    expect(() => t.app.vault!.db.prepare('DELETE FROM communication_corrections').run()).toThrow(/never deleted/);
  });

  it('stores an image attachment without its GPS metadata, with the SHA-256 of what was kept', async () => {
    const raw = jpegWithGps();
    const entry = await t.ok('communications.log', {
      patientId,
      channel: 'line',
      direction: 'inbound',
      occurredAt: '2026-11-23T01:00:00.000Z',
      summary: '病人傳來術後照片。',
      attachment: { fileName: 'line-photo.jpg', mime: 'image/jpeg', dataBase64: raw.toString('base64') },
    });
    const file = await t.ok('communications.attachment', { communicationId: entry.id });
    const kept = Buffer.from(file.dataBase64, 'base64');
    expect(kept.toString('latin1')).not.toContain('GPSLatitude');
    expect(entry.attachment).toEqual({ fileName: 'line-photo.jpg', mime: 'image/jpeg', size: kept.length, sha256: createHash('sha256').update(kept).digest('hex') });
  });

  it('refuses a future time, an empty summary, a fake PDF, a foreign consultation and an unknown patient, writing nothing', async () => {
    const base = { patientId, channel: 'email' as const, direction: 'outbound' as const, occurredAt: '2026-11-23T01:00:00.000Z', summary: '寄送術前須知。' };
    const before = t.app.vault!.audit.recent(1)[0]!.seq;
    const cases = [
      [{ ...base, occurredAt: '2026-11-23T03:00:00.000Z' }, 'occurredAt', 'validation.timeInFuture'],
      [{ ...base, summary: '   ' }, 'summary', 'validation.required'],
      [{ ...base, attachment: { fileName: 'x.pdf', mime: 'application/pdf' as const, dataBase64: Buffer.from('not a pdf').toString('base64') } }, 'attachment', 'validation.attachmentFormat'],
      [{ ...base, attachment: { fileName: '../x.txt', mime: 'text/plain' as const, dataBase64: Buffer.from('hi').toString('base64') } }, 'attachment', 'validation.invalidValue'],
      [{ ...base, consultationId: '00000000-0000-4000-8000-000000000000' }, 'consultationId', 'errors.consultationNotFound'],
    ] as const;
    for (const [input, field, key] of cases) {
      const r = await t.call('communications.log', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.issues?.[0]).toMatchObject({ path: expect.arrayContaining([field]), messageKey: key });
    }
    const unknown = await t.call('communications.log', { ...base, patientId: '00000000-0000-4000-8000-000000000000' });
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    expect(await t.ok('communications.list', { patientId })).toEqual([]);
    const written = t.app.vault!.audit.recent(50).filter((e) => e.seq > before).map((e) => e.action);
    expect(written).not.toContain('communication.logged');
  });
});
