/**
 * Two seats editing one record, for the records migration 0200 versioned (issue 14): clinic settings, a staff
 * member, a consent template draft (and its publishing), the backup settings, a complaint's owner, and a
 * follow-up visit's assignee and outcome. Each time the second save is refused as edited elsewhere, naming who
 * saved first and when; nothing of it is written or audited; and the record keeps the first save.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { asAdmin, CALM_OUTCOME } from '../support/aftercare-flow';
import { conflictOf, seatIn, type SeatAt } from '../support/seats';
import { CONSULTANT, NURSE, PHYSICIAN, SECOND_ADMIN } from '../support/staff';
import { clinicWithTreatedPatient } from '../support/staffed-clinic';

const SECOND_NURSE = { name: '林怡君', role: 'nurse', password: 'Nurse-Two-2026', temporaryPassword: false } as const;

let t: TestApp;
let clock: ManualClock;

/** The audit chain's head: unchanged by a refused save. */
const auditHead = () => t.app.vault!.audit.head();

/** What a refusal says: the record was edited elsewhere, by `by`, at `at`. */
const editedElsewhere = (by: string, at: string) => ({ code: 'conflict', messageKey: 'errors.editedElsewhere', params: { by, at } });

afterEach(() => t.dispose());

describe('two administrators saving the same office record', () => {
  let physicianId: string;
  let front: SeatAt;
  let office: SeatAt;

  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T01:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    physicianId = (await t.ok('staff.add', PHYSICIAN)).id;
    await t.ok('staff.add', CONSULTANT);
    await t.ok('staff.add', SECOND_ADMIN);
    front = await seatIn(t, 'Front desk', ADMIN);
    office = await seatIn(t, 'Office', SECOND_ADMIN);
  });

  it('clinic settings: the office’s save is refused naming the front desk’s administrator, and the front desk’s values stay', async () => {
    const atFront = await front.ok('settings.get', {});
    const atOffice = await office.ok('settings.get', {});
    clock.advance(60_000);
    const saved = await front.ok('settings.update', { expectedVersion: atFront.version, clinicName: '晨光美學診所', idleLockMinutes: 15 });
    expect(saved.version).toBe(atFront.version + 1);

    const head = auditHead();
    clock.advance(60_000);
    const refused = conflictOf(await office.call('settings.update', { expectedVersion: atOffice.version, clinicName: '晨曦診所', idleLockMinutes: 30 }));
    expect(refused).toMatchObject(editedElsewhere(ADMIN.name, '2026-11-23T01:01:00.000Z'));
    expect(auditHead()).toEqual(head);
    expect(await office.ok('settings.get', {})).toMatchObject({ clinicName: '晨光美學診所', idleLockMinutes: 15, version: saved.version });

    // Made again over the settings as they are now, the change goes through.
    expect(await office.ok('settings.update', { expectedVersion: saved.version, clinicName: '晨曦診所' })).toMatchObject({ clinicName: '晨曦診所', version: saved.version + 1 });
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a staff member: the second change of the physician is refused naming the first administrator, with one revision kept', async () => {
    const listed = async (seat: SeatAt) => (await seat.ok('staff.list', { includeInactive: true })).find((m) => m.id === physicianId)!;
    const atFront = await listed(front);
    const atOffice = await listed(office);
    clock.advance(60_000);
    const changed = await front.ok('staff.update', { staffId: physicianId, expectedVersion: atFront.version, role: 'physician', licenceNo: PHYSICIAN.licenceNo, specialty: '皮膚科' });
    expect(changed.version).toBe(atFront.version + 1);

    const head = auditHead();
    clock.advance(60_000);
    const refused = conflictOf(
      await office.call('staff.update', { staffId: physicianId, expectedVersion: atOffice.version, role: 'physician', licenceNo: '醫字第099999號', specialty: PHYSICIAN.specialty }),
    );
    expect(refused).toMatchObject(editedElsewhere(ADMIN.name, '2026-11-23T01:01:00.000Z'));
    expect(auditHead()).toEqual(head);
    expect(await listed(office)).toMatchObject({ licenceNo: PHYSICIAN.licenceNo, specialty: '皮膚科', version: changed.version });
    expect(await office.ok('staff.history', { staffId: physicianId })).toHaveLength(1);

    const retried = await office.ok('staff.update', { staffId: physicianId, expectedVersion: changed.version, role: 'physician', licenceNo: '醫字第099999號', specialty: '皮膚科' });
    expect(retried).toMatchObject({ licenceNo: '醫字第099999號', version: changed.version + 1 });
  });

  it('a consent template draft: a second first draft, a save over a newer one and a stale publish are refused, naming who and when', async () => {
    const [procedure] = await front.ok('procedures.list', {});
    const procedureId = procedure!.id;
    const published = await front.ok('templates.current', { procedureId, locale: 'zh-TW' });
    const content = (limitations: string) => ({ ...published.content, limitations });
    const current = () => office.ok('templates.versions', { procedureId });

    // Both open the editor on the published version, with no draft yet; the front desk saves first.
    clock.advance(60_000);
    const draft = await front.ok('templates.saveDraft', { procedureId, locale: 'zh-TW', expectedDraft: null, content: content('前台的修訂') });
    expect(draft).toMatchObject({ status: 'draft', editVersion: 1 });
    let head = auditHead();
    clock.advance(60_000);
    const secondFirst = conflictOf(await office.call('templates.saveDraft', { procedureId, locale: 'zh-TW', expectedDraft: null, content: content('辦公室的修訂') }));
    expect(secondFirst).toMatchObject(editedElsewhere(ADMIN.name, '2026-11-23T01:01:00.000Z'));
    expect(auditHead()).toEqual(head);
    expect((await office.ok('templates.get', { templateId: draft.id })).content.limitations).toBe('前台的修訂');

    // The office loads the draft; the front desk saves it again before the office does.
    const loaded = await office.ok('templates.get', { templateId: draft.id });
    clock.advance(60_000);
    const again = await front.ok('templates.saveDraft', { procedureId, locale: 'zh-TW', expectedDraft: { templateId: draft.id, editVersion: draft.editVersion }, content: content('前台的第二次修訂') });
    expect(again).toMatchObject({ id: draft.id, version: draft.version, editVersion: 2 });
    head = auditHead();
    const overNewer = conflictOf(
      await office.call('templates.saveDraft', { procedureId, locale: 'zh-TW', expectedDraft: { templateId: loaded.id, editVersion: loaded.editVersion }, content: content('辦公室的修訂') }),
    );
    expect(overNewer).toMatchObject(editedElsewhere(ADMIN.name, '2026-11-23T01:03:00.000Z'));
    // Nor is the newer save published unseen from the version the office was shown.
    const stalePublish = conflictOf(await office.call('templates.publish', { templateId: draft.id, expectedEditVersion: loaded.editVersion }));
    expect(stalePublish).toMatchObject(editedElsewhere(ADMIN.name, '2026-11-23T01:03:00.000Z'));
    expect(auditHead()).toEqual(head);
    expect((await current()).find((v) => v.id === draft.id)).toMatchObject({ status: 'draft', editVersion: 2 });

    // The front desk publishes; the office's save over the draft it had is refused, naming the publisher.
    clock.advance(60_000);
    await front.ok('templates.publish', { templateId: draft.id, expectedEditVersion: again.editVersion });
    head = auditHead();
    const overPublished = conflictOf(
      await office.call('templates.saveDraft', { procedureId, locale: 'zh-TW', expectedDraft: { templateId: draft.id, editVersion: again.editVersion }, content: content('辦公室的修訂') }),
    );
    expect(overPublished).toMatchObject(editedElsewhere(ADMIN.name, '2026-11-23T01:04:00.000Z'));
    expect(auditHead()).toEqual(head);
    expect((await current()).filter((v) => v.locale === 'zh-TW' && v.status === 'draft')).toEqual([]);
    expect((await office.ok('templates.current', { procedureId, locale: 'zh-TW' })).content.limitations).toBe('前台的第二次修訂');
  });

  it('the backup settings: the office’s schedule is refused naming the front desk’s administrator, and the front desk’s stays', async () => {
    const atFront = (await front.ok('backups.overview', {})).settings;
    const atOffice = (await office.ok('backups.overview', {})).settings;
    const schedule = { destination: null, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 };
    clock.advance(60_000);
    const saved = await front.ok('backups.updateSettings', { expectedVersion: atFront.version, ...schedule, intervalHours: 8 });
    expect(saved).toMatchObject({ intervalHours: 8, version: atFront.version + 1 });

    const head = auditHead();
    clock.advance(60_000);
    const refused = conflictOf(await office.call('backups.updateSettings', { expectedVersion: atOffice.version, ...schedule, intervalHours: 2 }));
    expect(refused).toMatchObject(editedElsewhere(ADMIN.name, '2026-11-23T01:01:00.000Z'));
    expect(auditHead()).toEqual(head);
    expect((await office.ok('backups.overview', {})).settings).toMatchObject({ intervalHours: 8, version: saved.version });
    expect((await office.ok('backups.updateSettings', { expectedVersion: saved.version, ...schedule, intervalHours: 2 })).intervalHours).toBe(2);
  });

  it('a complaint’s owner: the office’s choice is refused naming the front desk’s administrator, and the first owner stays', async () => {
    const complaint = await front.ok('complaints.intake', {
      complainantName: '王先生',
      channel: 'phone',
      category: 'communication_service',
      severity: 'low',
      receivedAt: clock.now().toISOString(),
      patientSays: '候診超過一小時',
      patientWants: '希望改善預約安排',
    });
    const team = await front.ok('team.list', {});
    const consultantId = team.find((m) => m.name === CONSULTANT.name)!.id;
    const atOffice = await office.ok('complaints.get', { complaintId: complaint.id });
    clock.advance(60_000);
    const assigned = await front.ok('complaints.assign', { complaintId: complaint.id, expectedVersion: complaint.version, ownerId: consultantId });
    expect(assigned.version).toBe(complaint.version + 1);

    const head = auditHead();
    clock.advance(60_000);
    const refused = conflictOf(await office.call('complaints.assign', { complaintId: complaint.id, expectedVersion: atOffice.version, ownerId: physicianId }));
    expect(refused).toMatchObject(editedElsewhere(ADMIN.name, '2026-11-23T01:01:00.000Z'));
    expect(auditHead()).toEqual(head);
    const now = await office.ok('complaints.get', { complaintId: complaint.id });
    expect(now).toMatchObject({ ownerId: consultantId, ownerName: CONSULTANT.name, version: assigned.version });
    expect(now.timeline.filter((i) => i.kind === 'assigned')).toHaveLength(1);
    expect((await office.ok('complaints.assign', { complaintId: complaint.id, expectedVersion: assigned.version, ownerId: physicianId })).ownerName).toBe(PHYSICIAN.name);
  });
});

describe('two nurses at the same follow-up visit', () => {
  let visitId: string;
  let station: SeatAt;
  let room: SeatAt;

  beforeEach(async () => {
    const clinic = await clinicWithTreatedPatient();
    ({ t, clock } = clinic);
    await asAdmin(t);
    await t.ok('staff.add', SECOND_NURSE);
    visitId = (await t.ok('followUps.forTreatment', { treatmentId: clinic.treatmentId })).find((v) => v.role === 'nurse')!.id;
    // The nurse's visit is due: 10:00 in Taipei on its day.
    const due = (await t.ok('followUps.get', { visitId })).dueDate;
    clock.advance(Date.parse(`${due}T02:00:00.000Z`) - clock.now().getTime());
    station = await seatIn(t, 'Nurses’ station', NURSE);
    room = await seatIn(t, 'Treatment room', SECOND_NURSE);
  });

  it('taking it: the second nurse’s take is refused naming the first and when, and the visit stays the first nurse’s', async () => {
    const team = await station.ok('team.list', {});
    const idOf = (name: string) => team.find((m) => m.name === name)!.id;
    const atStation = await station.ok('followUps.get', { visitId });
    const atRoom = await room.ok('followUps.get', { visitId });
    clock.advance(60_000);
    const takenAt = clock.now().toISOString();
    const taken = await station.ok('followUps.assign', { visitId, expectedVersion: atStation.version, staffId: idOf(NURSE.name) });
    expect(taken).toMatchObject({ assignedToName: NURSE.name, version: atStation.version + 1 });

    const head = auditHead();
    clock.advance(60_000);
    const refused = conflictOf(await room.call('followUps.assign', { visitId, expectedVersion: atRoom.version, staffId: idOf(SECOND_NURSE.name) }));
    expect(refused).toMatchObject(editedElsewhere(NURSE.name, takenAt));
    expect(auditHead()).toEqual(head);
    expect(t.app.vault!.followUps.visit(visitId)).toMatchObject({ assignedTo: idOf(NURSE.name), version: taken.version });
  });

  it('its outcome: the second nurse’s outcome is refused naming the first and when, and the first outcome is the one kept', async () => {
    const atStation = await station.ok('followUps.get', { visitId });
    const atRoom = await room.ok('followUps.get', { visitId });
    await station.ok('followUps.logAttempt', { visitId, at: clock.now().toISOString(), method: 'phone', result: 'reached', note: '病人接聽' });
    clock.advance(5 * 60_000);
    const recordedAt = clock.now().toISOString();
    const done = await station.ok('followUps.recordOutcome', { visitId, expectedVersion: atStation.version, ...CALM_OUTCOME, pain: 2 });
    expect(done).toMatchObject({ done: true, version: atStation.version + 1, outcome: { pain: 2, recordedByName: NURSE.name } });

    const head = auditHead();
    clock.advance(60_000);
    const refused = conflictOf(await room.call('followUps.recordOutcome', { visitId, expectedVersion: atRoom.version, ...CALM_OUTCOME, pain: 6, notes: '病人說仍有腫脹' }));
    expect(refused).toMatchObject(editedElsewhere(NURSE.name, recordedAt));
    expect(auditHead()).toEqual(head);
    expect(t.app.vault!.followUps.outcome(visitId)).toMatchObject({ pain: 2, notes: CALM_OUTCOME.notes });
  });
});
