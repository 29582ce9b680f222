import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In, Out } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import { ADMIN, type ManualClock, type TestApp } from '../support/app';
import { actAs, CALM_OUTCOME, asAdmin, asConsultant, asNurse, asPhysician, rowCounts } from '../support/aftercare-flow';
import { photoPng, SECOND_PHYSICIAN } from '../support/consent-flow';
import { CONSULTANT, NURSE, PHYSICIAN } from '../support/staff';
import { clinicWithTreatedPatient } from '../support/staffed-clinic';
import { visitVersion } from '../support/edit-versions';

function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

type Visit = Out<'followUps.forTreatment'>[number];

describe('three-level follow-up', () => {
  let t: TestApp, clock: ManualClock, physicianId: string, visits: Visit[], treatmentId: string, consultationId: string;
  beforeEach(async () => {
    ({ t, clock, physicianId, consultationId, treatmentId } = await clinicWithTreatedPatient());
    visits = await t.ok('followUps.forTreatment', { treatmentId });
  });
  afterEach(() => t.dispose());

  const visit = (level: string) => visits.find((v) => v.levelId === level)!;
  /** Moves the clock to 10:00 Taipei on a date and signs `who` in again (the idle lock would otherwise hold). */
  async function on(date: string, who: { name: string; password: string }) {
    clock.advance(Date.parse(`${date}T02:00:00.000Z`) - clock.now().getTime());
    await actAs(t, who);
  }
  const auditActions = () => t.app.vault!.audit.recent(400).map((e) => e.action);
  const outcome = (visitId: string, over: Partial<In<'followUps.recordOutcome'>> = {}) =>
    t.call('followUps.recordOutcome', { visitId, expectedVersion: visitVersion(t, visitId), ...CALM_OUTCOME, ...over });
  /** An outcome rests on a contact: a call that reached the patient, logged first. */
  const reached = (visitId: string) => t.ok('followUps.logAttempt', { visitId, at: clock.now().toISOString(), method: 'phone', result: 'reached', note: '' });

  it('an outcome only on a due visit; the first outcome starts follow-up, the last closes the consultation', async () => {
    expect(visits.map((v) => v.dueDate)).toEqual(['2026-11-25', '2026-12-01', '2026-12-08', '2026-12-24']);
    const d1 = visit('d1_physician');
    const before = rowCounts(t, ['follow_up_outcomes', 'follow_up_attempts']);
    expect(err(await outcome(d1.id))).toMatchObject({ code: 'rule_violation', messageKey: 'aftercare.errors.visitNotDue', params: { due: '2026-11-25' } });
    expect(err(await t.call('followUps.logAttempt', { visitId: d1.id, at: clock.now().toISOString(), method: 'phone', result: 'reached', note: '' })).messageKey).toBe('aftercare.errors.visitNotDue');
    expect(rowCounts(t, ['follow_up_outcomes', 'follow_up_attempts'])).toEqual(before);
    // The DB refuses an outcome before the visit is due, too.
    expect(() =>
      t.app.vault!.db
        .prepare(`INSERT INTO follow_up_outcomes (visit_id, pain, swelling, bruising, bleeding, infection_signs, fever, numbness, asymmetry, vision_change,
          skin_colour_change, satisfaction, notes, red_flags, recorded_by, recorded_at) VALUES (?, 1, 'none', 'none', 'none', 0, 0, 0, 0, 0, 0, NULL, '', '[]', ?, '2026-11-23T02:00:00.000Z')`)
        .run(visits[3]!.id, physicianId),
    ).toThrow(/not due yet|needs a successful contact/); // (either trigger may refuse it first)

    await on('2026-11-25', PHYSICIAN);
    const wl = await t.ok('followUps.worklist', { scope: 'mine', upcomingDays: 14 });
    expect(wl.dueToday.map((v) => v.levelId)).toEqual(['d1_physician']);
    expect(wl.upcoming.map((v) => v.levelId)).toEqual(['d14_physician']);
    await t.ok('followUps.logAttempt', { visitId: d1.id, at: clock.now().toISOString(), method: 'phone', result: 'reached', note: '病人接聽' });
    const done = await t.ok('followUps.recordOutcome', { visitId: d1.id, expectedVersion: visitVersion(t, d1.id), ...CALM_OUTCOME, pain: 3 });
    expect(done).toMatchObject({ done: true, outcome: { pain: 3, redFlags: [], recordedByName: PHYSICIAN.name, corrections: [] }, escalations: [] });
    expect(err(await outcome(d1.id))).toMatchObject({ code: 'conflict', messageKey: 'aftercare.errors.outcomeExists' });
    expect((await t.ok('consultations.get', { consultationId })).consultation.status).toBe('follow_up');

    // Saved outcomes never change; a correction is appended.
    const fixed = await t.ok('followUps.correctOutcome', { visitId: d1.id, text: '更正：疼痛為 2 分。' });
    expect(fixed.outcome).toMatchObject({ pain: 3, corrections: [{ text: '更正：疼痛為 2 分。', staffName: PHYSICIAN.name }] });
    const db = t.app.vault!.db;
    expect(() => db.prepare('UPDATE follow_up_outcomes SET pain = 0 WHERE visit_id = ?').run(d1.id)).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM follow_up_attempts WHERE visit_id = ?').run(d1.id)).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE follow_up_visits SET assigned_to = NULL WHERE id = ?').run(d1.id)).toThrow(/done visit is locked/);

    // The rest, each on its day, by its role.
    await on('2026-12-01', NURSE);
    await reached(visit('d7_nurse').id);
    await t.ok('followUps.recordOutcome', { visitId: visit('d7_nurse').id, expectedVersion: visitVersion(t, visit('d7_nurse').id), ...CALM_OUTCOME });
    await on('2026-12-08', PHYSICIAN);
    await reached(visit('d14_physician').id);
    await t.ok('followUps.recordOutcome', { visitId: visit('d14_physician').id, expectedVersion: visitVersion(t, visit('d14_physician').id), ...CALM_OUTCOME, satisfaction: 5 });
    await on('2026-12-24', CONSULTANT);
    const wlc = await t.ok('followUps.worklist', { scope: 'mine', upcomingDays: 14 });
    expect(wlc.dueToday.map((v) => [v.levelId, v.assignedToName])).toEqual([['d30_consultant', CONSULTANT.name]]);
    await reached(visit('d30_consultant').id);
    await t.ok('followUps.recordOutcome', { visitId: visit('d30_consultant').id, expectedVersion: visitVersion(t, visit('d30_consultant').id), ...CALM_OUTCOME, satisfaction: 3, notes: '對效果大致滿意，期待再淡一點' });
    expect((await t.ok('consultations.get', { consultationId })).consultation.status).toBe('closed');
    expect(auditActions()).toEqual(expect.arrayContaining(['follow_up.outcome_recorded', 'follow_up.outcome_corrected', 'follow_up.attempt_logged']));
  });

  it('a red flag escalates at once to the operating physician, with a banner until acknowledged', async () => {
    await on('2026-12-01', NURSE);
    const d7 = visit('d7_nurse');
    const nurseList = await t.ok('followUps.worklist', { scope: 'mine', upcomingDays: 14 });
    expect(nurseList.dueToday.map((v) => v.id)).toEqual([d7.id]);
    const taken = await t.ok('followUps.assign', { visitId: d7.id, expectedVersion: d7.version, staffId: t.app.session!.staff.id });
    expect(taken.assignedToName).toBe(NURSE.name);
    await reached(d7.id);
    const r = await t.ok('followUps.recordOutcome', {
      visitId: d7.id,
      expectedVersion: taken.version,
      ...CALM_OUTCOME,
      pain: 8,
      fever: true,
      skinColourChange: true,
      complication: { type: 'infection', severity: 'moderate', management: '已請病人今日回診，醫師評估是否使用抗生素' },
    });
    expect(r.outcome!.redFlags).toEqual(['fever', 'severe_pain', 'skin_colour_change']);
    expect(r.escalations).toEqual([expect.objectContaining({ kind: 'red_flag', physicianId, physicianName: PHYSICIAN.name, acknowledgedAt: null })]);
    expect(auditActions()).toContain('follow_up.escalated');

    // The physician sees it at once (Home and the escalation list); a nurse or consultant sees none of theirs.
    await asPhysician(t);
    const home = await t.ok('home.today', {});
    expect(home.escalations).toEqual([expect.objectContaining({ kind: 'red_flag', visitId: d7.id, patientName: '黃詩涵', redFlags: ['fever', 'severe_pain', 'skin_colour_change'] })]);
    const mine = await t.ok('followUps.escalations', { scope: 'mine' });
    expect(mine).toHaveLength(1);

    // Only the operating physician acknowledges (not another physician); with what was done.
    await actAs(t, SECOND_PHYSICIAN);
    expect(await t.ok('followUps.escalations', { scope: 'mine' })).toEqual([]);
    expect(err(await t.call('followUps.acknowledge', { escalationId: mine[0]!.id, note: '我看過了' }))).toMatchObject({ code: 'rule_violation', messageKey: 'aftercare.errors.notYourEscalation' });
    await asNurse(t);
    expect(err(await t.call('followUps.acknowledge', { escalationId: mine[0]!.id, note: '已通知' })).code).toBe('forbidden');
    await asPhysician(t);
    expect(err(await t.call('followUps.acknowledge', { escalationId: mine[0]!.id, note: '' })).code).toBe('invalid_input');
    const ack = await t.ok('followUps.acknowledge', { escalationId: mine[0]!.id, note: '已致電病人，今日下午回診，開立口服抗生素。' });
    expect(ack).toMatchObject({ acknowledgedByName: PHYSICIAN.name, acknowledgementNote: '已致電病人，今日下午回診，開立口服抗生素。' });
    expect((await t.ok('home.today', {})).escalations).toEqual([]);
    expect(err(await t.call('followUps.acknowledge', { escalationId: mine[0]!.id, note: '再次確認' })).code).toBe('conflict');
    expect(() => t.app.vault!.db.prepare("UPDATE follow_up_escalations SET acknowledgement_note = 'x' WHERE id = ?").run(mine[0]!.id)).toThrow(/acknowledged once/);
  });

  it('three failed attempts in a row escalate an unreachable patient; no answer counts', async () => {
    await on('2026-11-25', PHYSICIAN);
    const d1 = visit('d1_physician');
    const attempt = (result: In<'followUps.logAttempt'>['result'], minutes: number) =>
      t.ok('followUps.logAttempt', { visitId: d1.id, at: new Date(clock.now().getTime() - minutes * 60_000).toISOString(), method: 'phone', result, note: '' });
    await attempt('no_answer', 120);
    await attempt('reached', 100); // reached, but cut off: the count starts again
    await attempt('no_answer', 60);
    let v = await attempt('busy', 30);
    expect(v).toMatchObject({ failedAttempts: 2, escalations: [] });
    v = await attempt('voicemail', 5);
    expect(v.failedAttempts).toBe(3);
    expect(v.escalations).toEqual([expect.objectContaining({ kind: 'unreachable', redFlags: [], physicianId })]);
    expect(v.openEscalations).toEqual(['unreachable']);
    v = await attempt('no_answer', 1);
    expect(v.escalations).toHaveLength(1); // escalated once
    expect(v.attempts.map((a) => a.result)).toEqual(['no_answer', 'reached', 'no_answer', 'busy', 'voicemail', 'no_answer']);
    expect(err(await t.call('followUps.logAttempt', { visitId: d1.id, at: new Date(clock.now().getTime() + 3_600_000).toISOString(), method: 'phone', result: 'busy', note: '' })).issues).toEqual([
      { path: ['at'], messageKey: 'validation.timeInFuture' },
    ]);

    // The administrator sees every open escalation; overdue visits show on the worklist the next day.
    await on('2026-11-26', ADMIN);
    const adminHome = await t.ok('home.today', {});
    expect(adminHome.escalations.map((e) => e.kind)).toEqual(['unreachable']);
    expect(adminHome.followUpsOverdue).toEqual([expect.objectContaining({ levelId: 'd1_physician', daysOverdue: 1, failedAttempts: 4, openEscalations: ['unreachable'] })]);
  });

  it('worklists per role and person; staff take visits of their own role only', async () => {
    await on('2026-12-02', NURSE);
    const nurse = await t.ok('followUps.worklist', { scope: 'mine', upcomingDays: 14 });
    expect(nurse.overdue.map((v) => [v.levelId, v.daysOverdue])).toEqual([['d7_nurse', 1]]);
    expect(nurse.dueToday).toEqual([]);
    expect(nurse.upcoming).toEqual([]);
    const all = await t.ok('followUps.worklist', { scope: 'all', upcomingDays: 30 });
    expect(all.overdue.map((v) => v.levelId)).toEqual(['d1_physician', 'd7_nurse']);
    expect(all.upcoming.map((v) => v.levelId)).toEqual(['d14_physician', 'd30_consultant']);

    // A nurse cannot take a physician's visit, nor give one to someone else.
    const physicianIdSelf = physicianId;
    expect(err(await t.call('followUps.assign', { visitId: visit('d1_physician').id, expectedVersion: visit('d1_physician').version, staffId: t.app.session!.staff.id })).messageKey).toBe('aftercare.errors.wrongRoleForVisit');
    expect(err(await t.call('followUps.assign', { visitId: visit('d7_nurse').id, expectedVersion: visit('d7_nurse').version, staffId: physicianIdSelf })).messageKey).toBe('aftercare.errors.assignSelfOnly');
    // The administrator gives the nurse's visit to the nurse.
    await asAdmin(t);
    const team = await t.ok('team.list', {});
    const nurseId = team.find((m) => m.name === NURSE.name)!.id;
    const given = await t.ok('followUps.assign', { visitId: visit('d7_nurse').id, expectedVersion: visit('d7_nurse').version, staffId: nurseId });
    expect(given.assignedToName).toBe(NURSE.name);
    expect(err(await t.call('followUps.assign', { visitId: visit('d7_nurse').id, expectedVersion: given.version, staffId: team.find((m) => m.name === CONSULTANT.name)!.id })).messageKey).toBe(
      'aftercare.errors.wrongRoleForVisit',
    );

    // The consultant's Home: no follow-ups due yet; the physician's: the overdue day-1 call.
    await asConsultant(t);
    const consultantHome = await t.ok('home.today', {});
    expect([...consultantHome.followUpsDueToday, ...consultantHome.followUpsOverdue]).toEqual([]);
    await asPhysician(t);
    expect((await t.ok('home.today', {})).followUpsOverdue.map((v) => v.levelId)).toEqual(['d1_physician']);
  });

  it('follow-up photos follow the before-photo rules; visits not due take none', async () => {
    const d7 = visit('d7_nurse');
    await asNurse(t);
    expect(err(await t.call('followUps.addPhoto', { visitId: d7.id, mime: 'image/png', dataBase64: photoPng(), marketingConsent: false })).messageKey).toBe('aftercare.errors.visitNotDue');
    await on('2026-12-01', NURSE);
    const bad = err(await t.call('followUps.addPhoto', { visitId: d7.id, mime: 'image/jpeg', dataBase64: Buffer.from('not a jpeg at all').toString('base64'), marketingConsent: false }));
    expect(bad.issues).toEqual([{ path: ['dataBase64'], messageKey: 'validation.photoFormat' }]);
    const v = await t.ok('followUps.addPhoto', { visitId: d7.id, mime: 'image/png', dataBase64: photoPng(), marketingConsent: true });
    expect(v.photos).toEqual([expect.objectContaining({ kind: 'after', marketingConsent: true })]);
    // Not among the treatment's own after photos.
    expect((await t.ok('treatments.get', { treatmentId })).photos).toEqual([]);
  });
});
