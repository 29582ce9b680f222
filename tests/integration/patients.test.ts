import { beforeEach, describe, expect, it } from 'vitest';
import type { PatientFieldsInput } from '../../shared/schemas/patient';
import { ADMIN, makeTestApp, ManualClock } from '../support/app';

const base: PatientFieldsInput = {
  chartNo: 'A000123',
  nameZh: '陳怡君',
  nameEn: 'Chen Yi-Chun',
  sex: 'female',
  birthDate: '1990-05-17',
  nationalId: 'A223456781',
  phone: '0912-345-678',
};

describe('patients', () => {
  let t: ReturnType<typeof makeTestApp>;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T02:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  });

  it('creates a patient and finds them by a 2-character given name, 3+ characters, chart number, phone and ID', async () => {
    const p = await t.ok('patients.create', base);
    await t.ok('patients.create', { ...base, chartNo: 'A000124', nameZh: '林志明', nameEn: 'Lin Chih-Ming', nationalId: undefined, phone: '0922-111-222' });
    const ids = async (query: string) => (await t.ok('patients.search', { query })).map((s) => s.id);
    expect(await ids('怡君')).toEqual([p.id]);
    expect(await ids('陳怡君')).toEqual([p.id]);
    expect(await ids('yi-chun')).toEqual([p.id]);
    expect(await ids('a000123')).toEqual([p.id]);
    expect(await ids('345678')).toEqual([p.id]);
    expect(await ids('A223456781')).toEqual([p.id]);
    expect(await ids('王')).toEqual([]);
  });

  it('rejects a bad ID check digit, a future birth date and a malformed phone as field errors, writing nothing', async () => {
    const r = await t.call('patients.create', { ...base, nationalId: 'A223456782', birthDate: '2030-01-01', phone: 'call me' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.issues?.map((i) => [i.path[0], i.messageKey])).toEqual(
      expect.arrayContaining([
        ['nationalId', 'validation.taiwanId'],
        ['birthDate', 'validation.birthDateFuture'],
        ['phone', 'validation.phone'],
      ]),
    );
    expect(await t.ok('patients.search', { query: '' })).toEqual([]);
  });

  it('refuses a second patient with the same chart number or ID on that field', async () => {
    await t.ok('patients.create', base);
    const dupChart = await t.call('patients.create', { ...base, chartNo: 'a000123', nationalId: undefined });
    expect(!dupChart.ok && dupChart.error.issues?.[0]).toMatchObject({ path: ['chartNo'], messageKey: 'errors.chartNoTaken' });
    const dupId = await t.call('patients.create', { ...base, chartNo: 'B1' });
    expect(!dupId.ok && dupId.error.issues?.[0]).toMatchObject({ path: ['nationalId'], messageKey: 'errors.nationalIdTaken' });
  });

  it('keeps the previous values of an edit with who changed them and when', async () => {
    const p = await t.ok('patients.create', base);
    clock.advance(60_000);
    const edited = await t.ok('patients.update', { patientId: p.id, expectedVersion: 1, fields: { ...base, phone: '0933-000-111', allergies: 'Lidocaine' } });
    expect(edited.version).toBe(2);
    const detail = await t.ok('patients.get', { patientId: p.id });
    expect(detail.revisions).toHaveLength(1);
    expect(detail.revisions[0]).toMatchObject({ version: 2, changedByName: ADMIN.name, changedAt: '2026-11-23T02:01:00.000Z' });
    expect(detail.revisions[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'phone', from: '0912-345-678', to: '0933-000-111' },
        { field: 'allergies', from: null, to: 'Lidocaine' },
      ]),
    );
    const stale = await t.call('patients.update', { patientId: p.id, expectedVersion: 1, fields: base });
    expect(!stale.ok && stale.error.code).toBe('conflict');
  });

  it('finds a renamed patient only by the new name, with exactly one search entry per patient', async () => {
    const p = await t.ok('patients.create', base);
    await t.ok('patients.create', { ...base, chartNo: 'A000200', nameZh: '林志明', nameEn: 'Lin Chih-Ming', nationalId: undefined, phone: '0922-111-222' });
    await t.ok('patients.update', { patientId: p.id, expectedVersion: 1, fields: { ...base, nameZh: '陳佳穎', nameEn: 'Chen Chia-Ying' } });
    await t.ok('patients.update', { patientId: p.id, expectedVersion: 2, fields: { ...base, nameZh: '陳佳穎', nameEn: 'Chen Chia-Ying', phone: '0955-123-456' } });
    const ids = async (query: string) => (await t.ok('patients.search', { query })).map((s) => s.id);
    expect(await ids('怡君')).toEqual([]);
    expect(await ids('yi-chun')).toEqual([]);
    expect(await ids('佳穎')).toEqual([p.id]);
    expect(await ids('chia-ying')).toEqual([p.id]);
    expect(await ids('0912345')).toEqual([]);
    expect(await ids('123456')).toEqual([p.id]);
    const db = t.app.vault!.db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM patient_search').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM patient_search_keys').get()).toEqual({ n: 2 });
  });

  it('records who opened which patient', async () => {
    const p = await t.ok('patients.create', base);
    await t.ok('patients.get', { patientId: p.id });
    const events = await t.ok('audit.recent', { limit: 5 });
    expect(events[0]).toMatchObject({ action: 'patient.viewed', subjectType: 'patient', subjectId: p.id, actorName: ADMIN.name });
  });

  it('computes age and minor status on the clinic calendar (Asia/Taipei)', async () => {
    // 2026-11-23T02:00Z is 10:00 on the 23rd in Taipei: an 18th birthday that day makes an adult.
    const adult = await t.ok('patients.create', { ...base, chartNo: 'M1', nationalId: undefined, birthDate: '2008-11-23' });
    expect(adult).toMatchObject({ age: 18, isMinor: false });
    const minor = await t.ok('patients.create', { ...base, chartNo: 'M2', nationalId: undefined, birthDate: '2008-11-24' });
    expect(minor).toMatchObject({ age: 17, isMinor: true });
  });
});
