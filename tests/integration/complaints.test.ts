import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import { ComplaintCategory } from '../../shared/schemas/complaint';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { actAs, asAdmin, asConsultant, asNurse, asPhysician, rowCounts } from '../support/aftercare-flow';
import { addStaff } from '../support/consent-flow';
import { CONSULTANT, NURSE, PHYSICIAN } from '../support/staff';
import { clinicWithTreatedPatient } from '../support/staffed-clinic';

function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}
const HOUR = 3_600_000;

describe('complaints and their clocks', () => {
  let t: TestApp, clock: ManualClock, physicianId: string, patientId: string, treatmentId: string;
  beforeEach(async () => {
    ({ t, clock, physicianId, patientId, treatmentId } = await clinicWithTreatedPatient());
  });
  afterEach(() => t.dispose());

  /** Sets the clock to an instant and signs `who` in again. */
  async function at(iso: string, who: { name: string; password: string }) {
    clock.advance(Date.parse(iso) - clock.now().getTime());
    await actAs(t, who);
  }
  const intake = (over: Partial<In<'complaints.intake'>> = {}) =>
    t.ok('complaints.intake', {
      patientId,
      treatmentId,
      channel: 'line',
      category: 'complication',
      severity: 'high',
      receivedAt: clock.now().toISOString(),
      patientSays: '打完第三天左邊眼皮比較垂，很擔心會不會一直這樣。',
      patientWants: '希望醫師看診說明，必要時處理。',
      ...over,
    });
  const clock_ = <K extends { kind: string }>(c: { clocks: K[] }, kind: string) => c.clocks.find((k) => k.kind === kind);

  it('takes a complaint from intake to closure: 24-hour first response, owner, timeline, resolution, root cause', async () => {
    // Intake by a nurse on Thursday 26 November, 18:00 Taipei.
    await at('2026-11-26T10:00:00.000Z', NURSE);
    const c = await intake();
    expect(c).toMatchObject({ refNo: 'CP-2026-0001', status: 'open', patientName: '黃詩涵', consultationId: expect.any(String), treatmentId, ownerId: null, createdByName: NURSE.name });
    expect(clock_(c, 'first_response')).toMatchObject({ startedAt: '2026-11-26T10:00:00.000Z', dueAt: '2026-11-27T10:00:00.000Z', metAt: null, state: 'running' });
    expect(c.timeline.map((i) => i.kind)).toEqual(['received']);

    // 20 hours later the clock is due soon; the administrator assigns an owner.
    await at('2026-11-27T06:00:00.000Z', ADMIN);
    const list = await t.ok('complaints.list', { status: 'open', limit: 50 });
    expect(list[0]).toMatchObject({ id: c.id, nextDueAt: '2026-11-27T10:00:00.000Z' });
    expect(clock_(list[0]!, 'first_response')!).toMatchObject({ state: 'due_soon', remainingMs: 4 * HOUR });
    const team = await t.ok('team.list', {});
    const ownerId = team.find((m) => m.name === CONSULTANT.name)!.id;
    const assigned = await t.ok('complaints.assign', { complaintId: c.id, expectedVersion: list[0]!.version, ownerId });
    expect(assigned).toMatchObject({ ownerName: CONSULTANT.name, version: list[0]!.version + 1 });
    expect(err(await t.call('complaints.assign', { complaintId: c.id, expectedVersion: assigned.version, ownerId })).messageKey).toBe('aftercare.errors.alreadyOwner');

    // The owner sees it on Home by remaining time, and calls the patient: the first response, in time.
    await actAs(t, CONSULTANT);
    const home = await t.ok('home.today', {});
    expect(home.complaints.map((x) => x.refNo)).toEqual(['CP-2026-0001']);
    const responded = await t.ok('complaints.addEntry', { complaintId: c.id, kind: 'contact', occurredAt: '2026-11-27T05:30:00.000Z', summary: '致電病人，安排明日回診由醫師評估。' });
    expect(clock_(responded, 'first_response')).toMatchObject({ metAt: '2026-11-27T05:30:00.000Z', state: 'met', remainingMs: null });
    expect(responded.nextDueAt).toBeNull();
    // An entry never changes; a correction is appended beside it.
    const entry = responded.timeline.find((i) => i.kind === 'contact')!;
    const corrected = await t.ok('complaints.correctEntry', { entryId: entry.id, text: '更正：回診為後天上午。' });
    expect(corrected.timeline.find((i) => i.id === entry.id)!.corrections).toEqual([expect.objectContaining({ text: '更正：回診為後天上午。', staffName: CONSULTANT.name })]);
    expect(() => t.app.vault!.db.prepare("UPDATE complaint_entries SET summary = 'x' WHERE id = ?").run(entry.id)).toThrow(/never changes/);
    expect(() => t.app.vault!.db.prepare("UPDATE complaint_clocks SET met_at = NULL WHERE complaint_id = ?").run(c.id)).toThrow(/met only once/);

    // Resolutions: an amount where money changes hands, none for words; nothing written when wrong.
    await asAdmin(t);
    const before = rowCounts(t, ['complaint_resolutions', 'complaint_reviews']);
    const res = (kind: In<'complaints.addResolution'>['kind'], amountTwd: number | null) =>
      t.call('complaints.addResolution', { complaintId: c.id, kind, amountTwd, description: '說明眼皮下垂為暫時現象，約 4–6 週改善', decidedAt: clock.now().toISOString() });
    expect(err(await res('refund', null))).toMatchObject({ code: 'rule_violation', issues: [{ path: ['amountTwd'], messageKey: 'aftercare.errors.amountRequired' }] });
    expect(err(await res('compensation', 0)).messageKey).toBe('aftercare.errors.amountRequired');
    expect(err(await res('apology', 500)).messageKey).toBe('aftercare.errors.amountNotAllowed');
    expect(err(await res('refund', -5)).code).toBe('invalid_input');
    // No closing without a root cause (nor without a resolution).
    expect(err(await t.call('complaints.close', { complaintId: c.id, summary: '已處理' }))).toMatchObject({ code: 'rule_violation', messageKey: 'aftercare.errors.rootCauseRequired' });
    expect(rowCounts(t, ['complaint_resolutions', 'complaint_reviews'])).toEqual(before);

    await res('explanation', null).then((r) => expect(r.ok).toBe(true));
    const refunded = await t.ok('complaints.addResolution', { complaintId: c.id, kind: 'refund', amountTwd: 6000, description: '退還半數療程費用', decidedAt: clock.now().toISOString() });
    expect(refunded.resolutions.map((r) => [r.kind, r.amountTwd])).toEqual([['explanation', null], ['refund', 6000]]);
    expect(err(await t.call('complaints.close', { complaintId: c.id, summary: '已處理' })).messageKey).toBe('aftercare.errors.rootCauseRequired');
    const review = {
      complaintId: c.id,
      whatHappened: '注射眉間時劑量偏外側，造成暫時性眼瞼下垂；術前說明未強調此風險。',
      causes: [
        { category: 'technique', detail: '注射點距眉毛上緣不足 1 公分' },
        { category: 'communication', detail: '病人不記得說明過眼瞼下垂風險' },
      ],
      actions: [{ action: '修訂注射點位標準作業並全員訓練', ownerId: physicianId, dueDate: '2026-12-31' }],
    } satisfies In<'complaints.saveReview'>;
    expect(err(await t.call('complaints.saveReview', { ...review, actions: [{ ...review.actions[0]!, dueDate: '2026-11-01' }] })).issues).toEqual([
      { path: ['actions', 0, 'dueDate'], messageKey: 'aftercare.errors.dueDatePast' },
    ]);
    expect(err(await t.call('complaints.saveReview', { ...review, causes: [] })).code).toBe('invalid_input');
    const reviewed = await t.ok('complaints.saveReview', review);
    expect(reviewed.reviews).toEqual([expect.objectContaining({ causes: review.causes, actions: [expect.objectContaining({ ownerName: PHYSICIAN.name, dueDate: '2026-12-31' })] })]);

    const closed = await t.ok('complaints.close', { complaintId: c.id, summary: '病人接受說明與部分退費，三週後回診已改善。' });
    expect(closed).toMatchObject({ status: 'closed', closedByName: ADMIN.name, nextDueAt: null });
    expect(closed.timeline.map((i) => i.kind)).toEqual(['received', 'contact', 'assigned', 'resolution', 'resolution', 'review', 'closed']);
    // Closed is locked: the service and the database.
    expect(err(await t.call('complaints.addEntry', { complaintId: c.id, kind: 'note', occurredAt: clock.now().toISOString(), summary: '追加' })).messageKey).toBe('aftercare.errors.complaintClosed');
    expect(err(await t.call('complaints.close', { complaintId: c.id, summary: '再次結案' })).messageKey).toBe('aftercare.errors.complaintClosed');
    expect(() => t.app.vault!.db.prepare("UPDATE complaints SET severity = 'low' WHERE id = ?").run(c.id)).toThrow(/closed complaint is locked/);
    expect(() =>
      t.app.vault!.db.prepare("INSERT INTO complaint_resolutions (id, complaint_id, kind, amount_twd, description, decided_at, staff_id, created_at) VALUES ('r', ?, 'apology', NULL, 'x', 'x', ?, 'x')").run(c.id, physicianId),
    ).toThrow(/closed complaint is locked/);
    const actions = t.app.vault!.audit.recent(400).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['complaint.received', 'complaint.assigned', 'complaint.entry_added', 'complaint.entry_corrected', 'complaint.resolution_added', 'complaint.review_saved', 'complaint.closed']));
    expect(t.app.vault!.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('the first-response clock shows a breach, and a late response as met late', async () => {
    await asNurse(t);
    const c = await intake({ category: 'communication_service', severity: 'medium', channel: 'phone' });
    await at(new Date(Date.parse(c.receivedAt) + 25 * HOUR).toISOString(), NURSE);
    const late = await t.ok('complaints.get', { complaintId: c.id });
    expect(clock_(late, 'first_response')).toMatchObject({ state: 'breached', remainingMs: -HOUR });
    const answered = await t.ok('complaints.addEntry', { complaintId: c.id, kind: 'note', occurredAt: clock.now().toISOString(), summary: '內部備註：待主管回覆' });
    expect(clock_(answered, 'first_response')!.state).toBe('breached'); // a note is not a response
    const met = await t.ok('complaints.addEntry', { complaintId: c.id, kind: 'meeting', occurredAt: clock.now().toISOString(), summary: '與病人面談' });
    expect(clock_(met, 'first_response')).toMatchObject({ state: 'met_late', metAt: clock.now().toISOString() });
    expect(err(await t.call('complaints.addEntry', { complaintId: c.id, kind: 'note', occurredAt: '2026-11-01T00:00:00.000Z', summary: '早於受理' })).issues).toEqual([
      { path: ['occurredAt'], messageKey: 'aftercare.errors.beforeReceived' },
    ]);
  });

  it('a medical accident: explanation and care within 5 working days, on the clinic’s calendar with its holidays', async () => {
    // The administrator enters the clinic's closures: Monday 30 November (clinic anniversary) and a make-up Saturday.
    await asAdmin(t);
    await t.ok('calendar.add', { date: '2026-11-30', kind: 'holiday', name: '院慶休診' });
    await t.ok('calendar.add', { date: '2026-12-05', kind: 'workday', name: '補班' });
    expect(err(await t.call('calendar.add', { date: '2026-12-02', kind: 'workday', name: '補班' })).messageKey).toBe('aftercare.errors.workdayOnWeekendOnly');
    expect(err(await t.call('calendar.add', { date: '2026-11-30', kind: 'holiday', name: '重複' })).messageKey).toBe('aftercare.errors.dateTaken');
    expect((await t.ok('calendar.list', { from: '2026-11-01', to: '2026-12-31' })).map((d) => [d.date, d.kind])).toEqual([['2026-11-30', 'holiday'], ['2026-12-05', 'workday']]);
    await asNurse(t);
    expect(err(await t.call('calendar.add', { date: '2026-12-25', kind: 'holiday', name: '行憲紀念日' })).code).toBe('forbidden');

    // Friday 27 November, 15:00 Taipei.
    await at('2026-11-27T07:00:00.000Z', NURSE);
    const c = await intake();
    expect(err(await t.call('complaints.recordAccident', { complaintId: c.id, occurredAt: '2026-11-24T02:30:00.000Z', summary: '疑似注射後眼瞼下垂' })).code).toBe('forbidden');
    await asPhysician(t);
    const acc = await t.ok('complaints.recordAccident', { complaintId: c.id, occurredAt: '2026-11-24T02:30:00.000Z', summary: '注射後眼瞼下垂，判定為醫療事故，啟動關懷小組。' });
    // Working days after Friday: Tue 1, Wed 2, Thu 3, Fri 4, Sat 5 (make-up) -> ends at midnight Taipei on the 5th.
    expect(clock_(acc, 'accident_explanation')).toMatchObject({ dueAt: '2026-12-05T16:00:00.000Z', state: 'running' });
    expect(acc.medicalAccident).toBe(true);
    expect(err(await t.call('complaints.recordAccident', { complaintId: c.id, occurredAt: '2026-11-24T02:30:00.000Z', summary: '再登錄' })).code).toBe('conflict');
    // A holiday entered later does not move a running clock.
    await asAdmin(t);
    await t.ok('calendar.add', { date: '2026-12-03', kind: 'holiday', name: '臨時休診' });
    expect(clock_(await t.ok('complaints.get', { complaintId: c.id }), 'accident_explanation')!.dueAt).toBe('2026-12-05T16:00:00.000Z');
    await t.ok('calendar.remove', { date: '2026-12-03' });
    expect(err(await t.call('calendar.remove', { date: '2026-12-03' })).code).toBe('not_found');

    // The patient asks for copies of the records on Monday 30 November (a holiday): 7 working days from the next one.
    await at('2026-11-30T03:00:00.000Z', NURSE);
    const req = await t.ok('complaints.recordRecordsRequest', { complaintId: c.id, requestedAt: clock.now().toISOString(), summary: '病人申請病歷、照片與同意書複本。' });
    // Tue 1, Wed 2, Thu 3, Fri 4, Sat 5 (make-up), Mon 7, Tue 8.
    expect(clock_(req, 'records_copy')).toMatchObject({ dueAt: '2026-12-08T16:00:00.000Z', state: 'running' });

    // An explanation meets the accident clock (and, being a response, the first-response clock); records handed over meet theirs.
    await at('2026-12-02T06:00:00.000Z', PHYSICIAN);
    const explained = await t.ok('complaints.addEntry', { complaintId: c.id, kind: 'explanation', occurredAt: clock.now().toISOString(), summary: '醫師與病人及家屬面談說明原因與後續照護。' });
    expect(clock_(explained, 'accident_explanation')).toMatchObject({ state: 'met' });
    expect(clock_(explained, 'first_response')).toMatchObject({ state: 'met_late' });
    expect(clock_(explained, 'records_copy')).toMatchObject({ state: 'running' });
    await at('2026-12-09T02:00:00.000Z', NURSE);
    const handed = await t.ok('complaints.addEntry', { complaintId: c.id, kind: 'records_provided', occurredAt: clock.now().toISOString(), summary: '已交付病歷複本（共 14 頁）與照片光碟。' });
    expect(clock_(handed, 'records_copy')).toMatchObject({ state: 'met_late' });
    // By when it happened: the accident (on the 24th) comes before the complaint about it.
    expect(handed.timeline.map((i) => i.kind)).toEqual(['medical_accident', 'received', 'records_request', 'explanation', 'records_provided']);
  });

  it('intake from any staff for every category; a complaint names its patient or who made it', async () => {
    for (const [i, who] of [NURSE, CONSULTANT, PHYSICIAN, ADMIN, NURSE].entries()) {
      await actAs(t, who);
      const category = ComplaintCategory.options[i]!;
      expect((await intake({ category, treatmentId: undefined })).category).toBe(category);
    }
    await asConsultant(t);
    expect(err(await t.call('complaints.intake', { channel: 'online_review', category: 'billing_contract', severity: 'low', receivedAt: clock.now().toISOString(), patientSays: 'Google 評論：收費不透明', patientWants: '' })).issues).toEqual([
      { path: ['complainantName'], messageKey: 'aftercare.errors.complainantRequired' },
    ]);
    const anon = await t.ok('complaints.intake', {
      complainantName: 'Google 使用者 Amy',
      channel: 'online_review',
      category: 'device_drug',
      severity: 'medium',
      receivedAt: clock.now().toISOString(),
      patientSays: '懷疑使用的玻尿酸不是原廠',
      patientWants: '公開產品來源',
    });
    expect(anon).toMatchObject({ patientId: null, complainantName: 'Google 使用者 Amy', refNo: 'CP-2026-0006' });
    expect(err(await t.call('complaints.intake', { patientId, channel: 'phone', category: 'complication', severity: 'low', receivedAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString(), patientSays: '未來', patientWants: '' })).issues).toEqual([
      { path: ['receivedAt'], messageKey: 'validation.timeInFuture' },
    ]);
    // A complaint about a treatment cannot have come in before the treatment.
    expect(err(await t.call('complaints.intake', { patientId, treatmentId, channel: 'phone', category: 'complication', severity: 'low', receivedAt: '2026-11-23T00:00:00.000Z', patientSays: '太早', patientWants: '' })).issues).toEqual([
      { path: ['receivedAt'], messageKey: 'aftercare.errors.beforeTreatment' },
    ]);
    const list = await t.ok('complaints.list', { status: 'all', limit: 50 });
    expect(new Set(list.map((c) => c.category))).toEqual(new Set(ComplaintCategory.options));
    // Resolutions, reviews and closure are the administrator's.
    expect(err(await t.call('complaints.close', { complaintId: anon.id, summary: 'x' })).code).toBe('forbidden');
  });
});

describe('privacy-incident register', () => {
  let t: TestApp;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T02:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    await addStaff(t);
  });
  afterEach(() => t.dispose());

  it('anyone reports; the 72-hour clock runs from discovery; closing needs the notification or the reason none was due', async () => {
    await asNurse(t);
    const report = {
      whatHappened: '櫃台將含 12 位病人姓名與電話的預約表誤傳至錯誤的 LINE 群組。',
      peopleAffected: 12,
      dataKinds: ['identity', 'contact'],
      occurredAt: '2026-11-22T09:00:00.000Z',
      discoveredAt: '2026-11-23T01:00:00.000Z',
      containment: '已收回訊息並請群組成員刪除。',
    } satisfies In<'incidents.report'>;
    expect(err(await t.call('incidents.report', { ...report, occurredAt: '2026-11-23T01:30:00.000Z' })).issues).toEqual([{ path: ['occurredAt'], messageKey: 'aftercare.errors.occurredAfterDiscovery' }]);
    const i = await t.ok('incidents.report', report);
    expect(i).toMatchObject({ refNo: 'PI-2026-001', reportedByName: NURSE.name, status: 'open', clock: { kind: 'incident_notification', dueAt: '2026-11-26T01:00:00.000Z', state: 'running' } });
    expect(err(await t.call('incidents.list', { status: 'open', limit: 10 })).code).toBe('forbidden');

    await asAdmin(t);
    expect((await t.ok('home.today', {})).incidents.map((x) => x.refNo)).toEqual(['PI-2026-001']);
    await t.ok('incidents.addUpdate', { incidentId: i.id, text: '已確認群組成員皆已刪除。' });
    expect(err(await t.call('incidents.close', { incidentId: i.id, summary: '結案' })).issues).toEqual([{ path: ['noNotificationReason'], messageKey: 'aftercare.errors.notificationOrReason' }]);
    clock.advance(80 * HOUR);
    await asAdmin(t);
    expect((await t.ok('incidents.get', { incidentId: i.id })).clock.state).toBe('breached');
    const notified = await t.ok('incidents.recordNotification', { incidentId: i.id, notifiedAt: clock.now().toISOString(), authority: '臺北市政府衛生局', patientsNotified: true, note: '逐一電話致歉並寄發書面通知' });
    expect(notified.clock.state).toBe('met_late');
    expect(err(await t.call('incidents.recordNotification', { incidentId: i.id, notifiedAt: clock.now().toISOString(), authority: 'x', patientsNotified: false, note: '' })).code).toBe('conflict');
    const closed = await t.ok('incidents.close', { incidentId: i.id, summary: '改用加密檔案傳送預約表並完成全員訓練。' });
    expect(closed).toMatchObject({ status: 'closed', closedByName: ADMIN.name, updates: [expect.objectContaining({ text: '已確認群組成員皆已刪除。' })] });
    expect(err(await t.call('incidents.addUpdate', { incidentId: i.id, text: '追加' })).messageKey).toBe('aftercare.errors.incidentClosed');
    expect(() => t.app.vault!.db.prepare("UPDATE privacy_incidents SET people_affected = 1 WHERE id = ?").run(i.id)).toThrow(/never changes/);

    // An incident that turned out not to need notification closes with the reason.
    const other = await t.ok('incidents.report', { ...report, peopleAffected: null, whatHappened: '一台筆電遺失（全碟加密）', dataKinds: ['medical_record'], occurredAt: null, discoveredAt: clock.now().toISOString() });
    const done = await t.ok('incidents.close', { incidentId: other.id, summary: '筆電已尋回', noNotificationReason: '全碟加密且已尋回，無資料外洩' });
    expect(done.updates.map((u) => u.text)).toEqual(['全碟加密且已尋回，無資料外洩']);
    expect(done.clock).toMatchObject({ state: 'stopped', remainingMs: null });
    expect(t.app.vault!.audit.recent(100).map((e) => e.action)).toEqual(expect.arrayContaining(['privacy_incident.reported', 'privacy_incident.notified', 'privacy_incident.closed']));
  });
});
