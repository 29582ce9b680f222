/**
 * Two seats editing one record (issue 14): the second save over a replaced version is a conflict naming who saved
 * and when, nothing of it is written, and a save at the right version works. Each seat is its own caller with its
 * own signed-in person, in one core.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { ADULT } from '../support/consent-flow';
import { conflictOf, seatIn } from '../support/seats';
import { CONSULTANT, PHYSICIAN, SECOND_ADMIN } from '../support/staff';

const SECOND_CONSULTANT = { name: '李佳穎', role: 'consultant', password: 'Consult-Two-2026', temporaryPassword: false } as const;

let t: TestApp;
let clock: ManualClock;
let physicianId: string;

/** A seat of its own (its own caller), with `who` signed in there. */
const seat = (name: string, who: { name: string; password: string }) => seatIn(t, name, who);

beforeEach(async () => {
  clock = new ManualClock('2026-11-23T01:00:00.000Z');
  t = makeTestApp({ clock });
  await t.setup();
  await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  physicianId = (await t.ok('staff.add', PHYSICIAN)).id;
  await t.ok('staff.add', CONSULTANT);
  await t.ok('staff.add', SECOND_CONSULTANT);
  await t.ok('staff.add', SECOND_ADMIN);
});

afterEach(() => t.dispose());

describe('two seats editing the same record', () => {
  it('a patient: the second save is refused naming the first saver and time, and the record keeps the first values', async () => {
    const room = await seat('Consultation room', CONSULTANT);
    const desk = await seat('Front desk', SECOND_CONSULTANT);
    const created = await room.ok('patients.create', ADULT);
    const atRoom = await room.ok('patients.get', { patientId: created.id });
    const atDesk = await desk.ok('patients.get', { patientId: created.id });

    clock.advance(60_000);
    await room.ok('patients.update', { patientId: created.id, expectedVersion: atRoom.patient.version, fields: { ...ADULT, phone: '0911-111-111' } });
    clock.advance(60_000);
    const refused = conflictOf(await desk.call('patients.update', { patientId: created.id, expectedVersion: atDesk.patient.version, fields: { ...ADULT, phone: '0922-222-222' } }));
    expect(refused).toMatchObject({ code: 'conflict', messageKey: 'errors.editedElsewhere', params: { by: CONSULTANT.name, at: '2026-11-23T01:01:00.000Z' } });

    const now = await desk.ok('patients.get', { patientId: created.id });
    expect(now.patient.phone).toBe('0911-111-111');
    const retried = await desk.ok('patients.update', { patientId: created.id, expectedVersion: now.patient.version, fields: { ...ADULT, phone: '0922-222-222' } });
    expect(retried.phone).toBe('0922-222-222');
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a consultation step: the second seat’s goals are refused and not written; a save at the version now held works', async () => {
    const room = await seat('Consultation room', CONSULTANT);
    const office = await seat('Office', SECOND_CONSULTANT);
    const patient = await room.ok('patients.create', ADULT);
    const procedure = (await room.ok('procedures.list', {}))[0]!;
    const started = await room.ok('consultations.start', { patientId: patient.id, procedureId: procedure.id, physicianId });
    const id = started.consultation.id;
    const loadedAtOffice = await office.ok('consultations.get', { consultationId: id });
    expect(loadedAtOffice.consultation.version).toBe(started.consultation.version);

    const first = { goals: '希望自然', assessment: '適合', expectedResult: '改善五成', cannotAchieve: '無法完全消除' };
    clock.advance(5 * 60_000);
    const saved = await room.ok('consultations.saveGoals', { consultationId: id, expectedVersion: started.consultation.version, goals: first });
    expect(saved.consultation.version).toBe(started.consultation.version + 1);
    const auditedBefore = (await t.ok('audit.recent', { limit: 1 }))[0]!.seq;

    clock.advance(60_000);
    const second = { goals: '希望明顯', assessment: '可', expectedResult: '改善八成', cannotAchieve: '無' };
    const refused = conflictOf(await office.call('consultations.saveGoals', { consultationId: id, expectedVersion: loadedAtOffice.consultation.version, goals: second }));
    expect(refused).toMatchObject({ code: 'conflict', messageKey: 'errors.editedElsewhere', params: { by: CONSULTANT.name, at: '2026-11-23T01:05:00.000Z' } });
    // Nothing of the refused save was written: not the goals, not an audit event.
    expect((await t.ok('audit.recent', { limit: 1 }))[0]!.seq).toBe(auditedBefore);
    const held = await office.ok('consultations.get', { consultationId: id });
    expect(held.consultation.goals).toEqual(first);

    // An action at another seat (a risk acknowledged) overwrites no typed text and does not make the form stale.
    const risk = held.template.risks[0]!;
    await room.ok('consultations.acknowledgeRisk', { consultationId: id, riskId: risk.id, method: 'consultant_tap' });
    const retried = await office.ok('consultations.saveGoals', { consultationId: id, expectedVersion: held.consultation.version, goals: second });
    expect(retried.consultation.goals).toEqual(second);
    expect(retried.consultation.version).toBe(held.consultation.version + 1);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a procedure: the second administrator’s change is refused naming the first, and the first change stays', async () => {
    const office = await seat('Office', SECOND_ADMIN);
    const [p] = await t.ok('procedures.list', {});
    const { id, active: _a, createdAt: _c, updatedAt: _u, version, publishedVersion: _pv, hasDraft: _hd, ...fields } = p!;
    clock.advance(60_000);
    const saved = await t.ok('procedures.save', { procedureId: id, expectedVersion: version, fields: { ...fields, coolingOffDays: 14 } });
    expect(saved.version).toBe(version + 1);
    clock.advance(60_000);
    const refused = conflictOf(await office.call('procedures.save', { procedureId: id, expectedVersion: version, fields: { ...fields, coolingOffDays: 3 } }));
    expect(refused).toMatchObject({ code: 'conflict', messageKey: 'errors.editedElsewhere', params: { by: ADMIN.name, at: '2026-11-23T01:01:00.000Z' } });
    expect((await office.ok('procedures.list', {})).find((x) => x.id === id)!.coolingOffDays).toBe(14);
    // A change of an existing procedure must say which version it was made on.
    const unversioned = await office.call('procedures.save', { procedureId: id, fields: { ...fields, coolingOffDays: 3 } });
    expect(!unversioned.ok && unversioned.error.issues?.[0]).toMatchObject({ path: ['expectedVersion'], messageKey: 'validation.required' });
    expect((await office.ok('procedures.save', { procedureId: id, expectedVersion: saved.version, fields: { ...fields, coolingOffDays: 3 } })).coolingOffDays).toBe(3);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });
});
