import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In, Out } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import { isAccessAction, type AuditEvent } from '../../shared/schemas/audit';
import { migration0130 } from '../../electron/store/migrations/0130-clinic-safety';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { actAs, CALM_OUTCOME, asAdmin, asNurse, asPhysician, fullySignedConsultation, rowCounts, treatmentInput } from '../support/aftercare-flow';
import { addStaff, afterCoolingOff, disclosedConsultation, ink } from '../support/consent-flow';
import { CONSULTANT, NURSE, PHYSICIAN } from '../support/staff';
import { staffedClinic } from '../support/staffed-clinic';
import { visitVersion } from '../support/edit-versions';

function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}


type Visit = Out<'followUps.forTreatment'>[number];

describe('follow-up outcomes rest on a contact, and the old form’s outcomes are marked', () => {
  let t: TestApp;
  let clock: ManualClock;
  let visits: Visit[];

  beforeEach(async () => {
    // Monday 23 November 2026, 10:00 in Taipei.
    clock = new ManualClock('2026-11-23T02:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    const { physicianId } = await addStaff(t);
    const { consultation } = await fullySignedConsultation(t, clock, physicianId);
    await asPhysician(t);
    const tr = await t.ok('treatments.record', treatmentInput(consultation, clock));
    visits = await t.ok('followUps.forTreatment', { treatmentId: tr.id });
  });
  afterEach(() => t.dispose());

  const visit = (level: string) => visits.find((v) => v.levelId === level)!;
  async function on(date: string, who: { name: string; password: string }) {
    clock.advance(Date.parse(`${date}T02:00:00.000Z`) - clock.now().getTime());
    await actAs(t, who);
  }
  const attempt = (visitId: string, method: In<'followUps.logAttempt'>['method'], result: In<'followUps.logAttempt'>['result']) =>
    t.ok('followUps.logAttempt', { visitId, at: clock.now().toISOString(), method, result, note: '' });

  it('a nurse cannot complete a day-7 outcome without a contact; a call not answered is no contact; an in-person visit is', async () => {
    await on('2026-12-01', NURSE);
    const d7 = visit('d7_nurse');
    const tables = ['follow_up_outcomes', 'follow_up_outcome_provenance'];
    const before = rowCounts(t, tables);
    expect(err(await t.call('followUps.recordOutcome', { visitId: d7.id, expectedVersion: visitVersion(t, d7.id), ...CALM_OUTCOME }))).toMatchObject({ code: 'rule_violation', messageKey: 'safety.outcome.contactFirst' });
    await attempt(d7.id, 'phone', 'no_answer');
    expect(err(await t.call('followUps.recordOutcome', { visitId: d7.id, expectedVersion: visitVersion(t, d7.id), ...CALM_OUTCOME })).messageKey).toBe('safety.outcome.contactFirst');
    expect(rowCounts(t, tables)).toEqual(before);
    expect((await t.ok('followUps.get', { visitId: d7.id })).done).toBe(false);
    // The database refuses it too.
    expect(() =>
      t.app.vault!.db
        .prepare(`INSERT INTO follow_up_outcomes (visit_id, pain, swelling, bruising, bleeding, infection_signs, fever, numbness, asymmetry, vision_change,
          skin_colour_change, satisfaction, notes, red_flags, recorded_by, recorded_at) VALUES (?, 1, 'none', 'none', 'none', 0, 0, 0, 0, 0, 0, NULL, '', '[]', ?, ?)`)
        .run(d7.id, t.app.session!.staff.id, clock.now().toISOString()),
    ).toThrow(/needs a successful contact/);

    const seen = await attempt(d7.id, 'visit', 'reached');
    const contactId = seen.attempts.at(-1)!.id;
    const done = await t.ok('followUps.recordOutcome', { visitId: d7.id, expectedVersion: visitVersion(t, d7.id), ...CALM_OUTCOME });
    expect(done).toMatchObject({ done: true, outcome: { recordedWith: 'blank_form', contactAttemptId: contactId } });
    const event = t.app.vault!.audit.recent(10).find((e) => e.action === 'follow_up.outcome_recorded')!;
    expect(event.details).toMatchObject({ contactAttemptId: contactId, contactMethod: 'visit' });
    // How an outcome was recorded never changes.
    const db = t.app.vault!.db;
    expect(() => db.prepare("UPDATE follow_up_outcome_provenance SET form = 'prefilled_defaults' WHERE visit_id = ?").run(d7.id)).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM follow_up_outcome_provenance WHERE visit_id = ?').run(d7.id)).toThrow(/never deleted/);
  });

  it('outcomes saved before the form changed are marked as pre-filled by the migration, shown, and flagged or left out of the quality figures', async () => {
    await on('2026-11-25', PHYSICIAN);
    const d1 = visit('d1_physician');
    await attempt(d1.id, 'phone', 'reached');
    await t.ok('followUps.recordOutcome', { visitId: d1.id, expectedVersion: visitVersion(t, d1.id), ...CALM_OUTCOME, pain: 3 });

    // The vault as the previous version left it (without 0130), then the migration as an upgrade runs it.
    const db = t.app.vault!.db;
    const patientId = (await t.ok('followUps.get', { visitId: d1.id })).patientId;
    const named = () => (db.prepare('SELECT seq FROM audit_event_patients WHERE patient_id = ? ORDER BY seq').all(patientId) as { seq: number }[]).map((r) => r.seq);
    const byTrigger = named();
    expect(byTrigger.length).toBeGreaterThan(10);
    db.transaction(() => {
      db.exec(`DROP TABLE follow_up_outcome_provenance; DROP TRIGGER follow_up_outcomes_need_contact; DROP TABLE consultation_flag_assessments;
        DROP TRIGGER audit_events_name_patients; DROP TABLE audit_event_patients;
        DROP INDEX audit_events_action_seq; DROP INDEX audit_events_actor_seq; DROP INDEX audit_events_at;`);
      migration0130.up(db);
    })();
    expect(named()).toEqual(byTrigger);

    const old = await t.ok('followUps.get', { visitId: d1.id });
    expect(old.outcome).toMatchObject({ recordedWith: 'prefilled_defaults', contactAttemptId: null, pain: 3 });

    await on('2026-12-01', NURSE);
    const d7 = visit('d7_nurse');
    await attempt(d7.id, 'phone', 'reached');
    await t.ok('followUps.recordOutcome', { visitId: d7.id, expectedVersion: visitVersion(t, d7.id), ...CALM_OUTCOME, pain: 5, satisfaction: 2 });

    await asPhysician(t);
    const period = { from: '2026-11-01', to: '2026-12-31' };
    const included = await t.ok('followUps.qualityFigures', { ...period, prefilled: 'include' });
    expect(included).toMatchObject({ prefilledInPeriod: 1, total: { outcomes: 2, prefilled: 1, meanPain: 4, meanSatisfaction: 3 } });
    const excluded = await t.ok('followUps.qualityFigures', { ...period, prefilled: 'exclude' });
    expect(excluded).toMatchObject({ prefilledInPeriod: 1, total: { outcomes: 1, prefilled: 0, meanPain: 5, meanSatisfaction: 2 } });
    expect(excluded.byProcedure).toHaveLength(1);
    expect(err(await t.call('followUps.qualityFigures', { from: '2026-12-31', to: '2026-11-01', prefilled: 'include' })).issues).toEqual([{ path: ['to'], messageKey: 'validation.dateRangeOrder' }]);
    await asNurse(t);
    expect(err(await t.call('followUps.qualityFigures', { ...period, prefilled: 'include' })).code).toBe('forbidden');
  });
});

describe('risk flags travel to the physician, the treatment and the patient banner', () => {
  let t: TestApp, clock: ManualClock, physicianId: string;
  beforeEach(async () => {
    ({ t, clock, physicianId } = await staffedClinic());
  });
  afterEach(() => t.dispose());

  it('a body-image flag and an answered contraindication block countersigning until the physician assesses them in writing', async () => {
    const c = await disclosedConsultation(t, physicianId, { bodyImageYes: true, contraindicationPresent: true });
    const consultationId = c.consultation.id;
    const flags = await t.ok('riskFlags.forConsultation', { consultationId });
    expect(flags.flags.map((f) => [f.kind, f.needsAssessment, f.assessment])).toEqual([
      ['record', false, null],
      ['contraindication', true, null],
      ['body_image', true, null],
    ]);
    expect(flags.flags.find((f) => f.kind === 'body_image')!.bodyImageAnswers).toEqual(['preoccupied', 'repeatedProcedures']);
    expect(flags.awaitingAssessment).toBe(2);
    const contraindication = flags.flags.find((f) => f.kind === 'contraindication')!;
    expect(contraindication).toMatchObject({ consultantNote: '三個月前曾施打，間隔已足夠' });
    expect(contraindication.label.length).toBeGreaterThan(0);

    await afterCoolingOff(t, clock, c);
    const v = await t.ok('consents.issue', { consultationId });
    for (const form of v.forms) await t.ok('consents.sign', { consentId: v.id, form, role: 'patient', documentSha256: v.documentSha256, ink: ink() });
    const list = await t.ok('consents.checklist', { consentId: v.id });
    expect(list.ready).toBe(false);
    expect(list.items.find((i) => i.id === 'risk_flags')).toEqual({ id: 'risk_flags', ok: false, required: true, detail: { assessed: 0, total: 2 } });
    const signatures = rowCounts(t, ['consent_signatures']);
    const sign = (form: (typeof v.forms)[number]) => t.call('consents.sign', { consentId: v.id, form, role: 'physician', documentSha256: v.documentSha256, ink: ink(), physicianId, password: PHYSICIAN.password });
    const blocked = err(await sign(v.forms[0]!));
    expect(blocked).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.checklistIncomplete' });
    expect(blocked.issues).toEqual([{ path: ['checklist', 'risk_flags'], messageKey: 'consent.checklist.risk_flags' }]);
    expect(rowCounts(t, ['consent_signatures'])).toEqual(signatures);

    // The physician's Home shows the flags on the consent waiting for them.
    await asPhysician(t);
    const waiting = (await t.ok('home.today', {})).awaitingPhysician.find((w) => w.consultationId === consultationId)!;
    expect(waiting.flags.filter((f) => f.needsAssessment).map((f) => [f.kind, f.assessed])).toEqual([
      ['contraindication', false],
      ['body_image', false],
    ]);
    await actAs(t, CONSULTANT);

    // A wrong password, an unknown flag, a blank text: refused, nothing written.
    const assess = (over: Partial<In<'riskFlags.assess'>>) =>
      t.call('riskFlags.assess', { consultationId, physicianId, password: PHYSICIAN.password, assessments: [{ kind: 'body_image', key: 'body_image', text: '已親自面談，期待合理，無身體臆形症表現' }], ...over });
    const before = rowCounts(t, ['consultation_flag_assessments']);
    expect(err(await assess({ password: 'not-the-password' }))).toMatchObject({ code: 'invalid_credentials', issues: [{ path: ['password'], messageKey: 'consent.errors.physicianPasswordWrong' }] });
    expect(t.app.vault!.audit.recent(3).map((e) => e.action)).toContain('risk_flags.assess_password_failed');
    expect(err(await assess({ assessments: [{ kind: 'contraindication', key: 'no_such_item', text: '已評估' }] })).issues).toEqual([{ path: ['assessments', 0, 'key'], messageKey: 'safety.flags.unknownFlag' }]);
    expect(err(await assess({ assessments: [{ kind: 'body_image', key: 'body_image', text: '   ' }] })).code).toBe('invalid_input');
    expect(rowCounts(t, ['consultation_flag_assessments'])).toEqual(before);

    // One at a time; the checklist waits for both.
    expect((await t.ok('riskFlags.assess', { consultationId, physicianId, password: PHYSICIAN.password, assessments: [{ kind: 'body_image', key: 'body_image', text: '已親自面談，期待合理' }] })).awaitingAssessment).toBe(1);
    expect((await t.ok('consents.checklist', { consentId: v.id })).items.find((i) => i.id === 'risk_flags')).toMatchObject({ ok: false, detail: { assessed: 1, total: 2 } });
    expect(err(await assess({})).issues).toEqual([{ path: ['assessments', 0, 'key'], messageKey: 'safety.flags.alreadyAssessed' }]);
    const done = await t.ok('riskFlags.assess', { consultationId, physicianId, password: PHYSICIAN.password, assessments: [{ kind: 'contraindication', key: contraindication.key, text: '間隔足夠，可施作' }] });
    expect(done.awaitingAssessment).toBe(0);
    expect(done.flags.find((f) => f.kind === 'contraindication')!.assessment).toMatchObject({ text: '間隔足夠，可施作', physicianName: PHYSICIAN.name });
    // The text is in the record, never in the audit trail.
    const assessed = t.app.vault!.audit.recent(20).filter((e) => e.action === 'risk_flags.assessed');
    expect(assessed).toHaveLength(2);
    expect(JSON.stringify(assessed.map((e) => e.details))).not.toContain('間隔足夠');
    expect(() => t.app.vault!.db.prepare("UPDATE consultation_flag_assessments SET assessment = 'x'").run()).toThrow(/never changes/);

    expect((await t.ok('consents.checklist', { consentId: v.id })).ready).toBe(true);
    for (const form of v.forms) await t.ok('consents.sign', { consentId: v.id, form, role: 'physician', documentSha256: v.documentSha256, ink: ink(), physicianId, password: PHYSICIAN.password });

    // The nurse's "ready for treatment" list and the patient banner carry them, with the assessment.
    await asNurse(t);
    const ready = (await t.ok('home.today', {})).readyForTreatment.find((w) => w.consultationId === consultationId)!;
    expect(ready.flags.map((f) => [f.kind, f.assessed])).toEqual([
      ['record', false],
      ['contraindication', true],
      ['body_image', true],
    ]);
    const banner = await t.ok('riskFlags.forPatient', { patientId: c.consultation.patientId });
    expect(banner).toHaveLength(1);
    expect(banner[0]).toMatchObject({ consultationId, status: 'fully_signed', awaitingAssessment: 0 });
  });

  it('a consultation without a contraindication or body-image flag needs no assessment; a draft cannot be assessed', async () => {
    const c = await disclosedConsultation(t, physicianId);
    const flags = await t.ok('riskFlags.forConsultation', { consultationId: c.consultation.id });
    expect(flags.flags.map((f) => f.key)).toEqual(['allergies']);
    expect(flags.awaitingAssessment).toBe(0);
    await afterCoolingOff(t, clock, c);
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    expect((await t.ok('consents.checklist', { consentId: v.id })).items.find((i) => i.id === 'risk_flags')).toMatchObject({ ok: true, required: false });

    const p = await t.ok('patients.create', { chartNo: 'C0009', nameZh: '趙美華', sex: 'female', birthDate: '1990-01-01', phone: '0912-000-999' });
    const procedure = (await t.ok('procedures.list', {})).find((x) => x.code === 'botulinum_toxin')!;
    const draft = await t.ok('consultations.start', { patientId: p.id, procedureId: procedure.id, physicianId });
    expect(err(await t.call('riskFlags.assess', { consultationId: draft.consultation.id, physicianId, password: PHYSICIAN.password, assessments: [{ kind: 'body_image', key: 'body_image', text: '評估' }] }))).toMatchObject({
      code: 'rule_violation',
      messageKey: 'safety.flags.notDisclosed',
    });
  });
});

describe('handing the screen back from the patient', () => {
  let t: TestApp;
  let consultationId: string;

  beforeEach(async () => {
    t = makeTestApp({ clock: new ManualClock('2026-11-23T02:00:00.000Z') });
    await t.setup();
    const { physicianId } = await addStaff(t);
    const p = await t.ok('patients.create', { chartNo: 'C0001', nameZh: '黃詩涵', sex: 'female', birthDate: '1994-03-08', phone: '0912-000-111' });
    const procedure = (await t.ok('procedures.list', {})).find((x) => x.code === 'botulinum_toxin')!;
    consultationId = (await t.ok('consultations.start', { patientId: p.id, procedureId: procedure.id, physicianId })).consultation.id;
  });
  afterEach(() => t.dispose());

  it('needs the signed-in staff member’s password, refuses a wrong one (audited), and locks out like sign-in', async () => {
    const handBack = (password: string) => t.call('session.handBack', { password, view: 'reading_mode', consultationId });
    expect(err(await handBack('Patient-Guess-1'))).toMatchObject({ code: 'invalid_credentials', issues: [{ path: ['password'], messageKey: 'safety.handBack.wrongPassword' }] });
    expect(t.app.vault!.audit.recent(1)[0]).toMatchObject({ action: 'patient_view.hand_back_failed', subjectType: 'consultation', subjectId: consultationId });
    expect(await t.ok('session.handBack', { password: CONSULTANT.password, view: 'reading_mode', consultationId })).toEqual({ ok: true });
    expect(t.app.vault!.audit.recent(1)[0]).toMatchObject({ action: 'patient_view.handed_back', details: { view: 'reading_mode' } });
    // Another person's password does not hand the screen back.
    expect(err(await handBack(ADMIN.password)).code).toBe('invalid_credentials');
    for (let i = 0; i < 4; i += 1) expect(err(await handBack(`Patient-Guess-${i}`)).code).toBe('invalid_credentials');
    const locked = err(await handBack(CONSULTANT.password));
    expect(locked.code).toBe('locked');
    expect(t.app.vault!.audit.recent(1)[0]).toMatchObject({ action: 'patient_view.hand_back_refused', details: { reason: 'locked_out' } });
  });
});

describe('the audit trail answers "who looked at this patient?"', () => {
  let t: TestApp;
  let clock: ManualClock;
  let a: Out<'patients.create'>;
  let b: Out<'patients.create'>;

  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T02:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    await addStaff(t);
    a = await t.ok('patients.create', { chartNo: 'C0101', nameZh: '黃詩涵', sex: 'female', birthDate: '1994-03-08', phone: '0912-000-111' });
    b = await t.ok('patients.create', { chartNo: 'C0102', nameZh: '林雅文', sex: 'female', birthDate: '1991-05-08', phone: '0912-000-222' });
    for (let i = 0; i < 3; i += 1) await t.ok('patients.get', { patientId: a.id });
    await t.ok('patients.search', { query: '黃詩' });
    await t.ok('patients.get', { patientId: b.id });
    clock.advance(86_400_000);
    await asNurse(t);
    await t.ok('patients.get', { patientId: a.id });
    await t.ok('patients.search', { query: 'C010' });
    await asAdmin(t);
  });
  afterEach(() => t.dispose());

  /** Every event naming the patient, found by reading the whole chain: what the filter must agree with. */
  const naming = (events: AuditEvent[], id: string) =>
    events.filter((e) => (e.subjectType === 'patient' && e.subjectId === id) || e.details.patientId === id || (Array.isArray(e.details.resultIds) && e.details.resultIds.includes(id)));

  it('finds every view of one patient and nothing else, by staff, action and date, page by page', async () => {
    const all = t.app.vault!.audit.recent(5000);
    const expected = naming(all, a.id).filter((e) => isAccessAction(e.action)).map((e) => e.seq);
    expect(expected.length).toBe(6); // opened four times, found by two searches
    const views = await t.ok('audit.search', { patientId: a.id, viewsOnly: true, limit: 200 });
    expect(views.items.map((i) => i.event.seq)).toEqual(expected);
    expect(views.total).toBe(expected.length);
    expect(views.items.every((i) => i.patients[0]!.id === a.id)).toBe(true);
    const search = views.items.find((i) => i.event.action === 'patient.searched' && i.patientCount === 2)!;
    expect(search.patients.map((p) => p.chartNo)).toEqual(['C0101', 'C0102']);

    // Everything that names the patient (views and changes; asking about the patient is such an event too),
    // and not patient B's own view.
    const chain = naming(t.app.vault!.audit.recent(5000), a.id).map((e) => e.seq);
    expect(t.app.vault!.audit.event(chain[0]!)).toMatchObject({ action: 'audit.searched', details: { patientId: a.id, viewsOnly: true } });
    const everything = await t.ok('audit.search', { patientId: a.id, limit: 200 });
    expect(everything.items.map((i) => i.event.seq)).toEqual(chain);
    expect(everything.items.some((i) => i.event.action === 'patient.viewed' && i.event.subjectId === b.id)).toBe(false);

    const nurseId = (await t.ok('staff.list', { includeInactive: true })).find((s) => s.name === NURSE.name)!.id;
    const byNurse = await t.ok('audit.search', { patientId: a.id, actorId: nurseId, action: 'patient.viewed' });
    expect(byNurse.items.map((i) => [i.event.actorName, i.event.action])).toEqual([[NURSE.name, 'patient.viewed']]);
    expect((await t.ok('audit.search', { patientId: a.id, action: 'patient.viewed' })).total).toBe(4);
    // Clinic days: the first day has the consultant's three views, the second the nurse's.
    expect((await t.ok('audit.search', { patientId: a.id, action: 'patient.viewed', from: '2026-11-23', to: '2026-11-23' })).total).toBe(3);
    expect((await t.ok('audit.search', { patientId: a.id, action: 'patient.viewed', from: '2026-11-24' })).total).toBe(1);
    expect((await t.ok('audit.search', { patientId: a.id, from: '2026-11-30' })).total).toBe(0);
    expect(err(await t.call('audit.search', { from: '2026-11-24', to: '2026-11-23' })).issues).toEqual([{ path: ['to'], messageKey: 'validation.dateRangeOrder' }]);

    // Paging through the whole trail: every event once, newest first; only the first page is recorded as a search.
    const searchedBefore = t.app.vault!.audit.recent(5000).filter((e) => e.action === 'audit.searched').length;
    const seen: number[] = [];
    let before: number | undefined;
    let total: number | null = null;
    do {
      const page = await t.ok('audit.search', { limit: 7, ...(before ? { before } : {}) });
      // The count as the first page saw it (asking adds an event after it, which later counts include).
      total ??= page.total;
      seen.push(...page.items.map((i) => i.event.seq));
      before = page.nextBefore ?? undefined;
    } while (before);
    expect(seen).toEqual([...seen].sort((x, y) => y - x));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(t.app.vault!.audit.recent(5000).filter((e) => e.action === 'audit.searched').length).toBe(searchedBefore + 1);

    const detail = await t.ok('audit.event', { seq: search.event.seq });
    expect(detail.patients.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(err(await t.call('audit.event', { seq: 999_999 })).code).toBe('not_found');
    expect(err(await t.call('audit.search', { patientId: '3f0c2a4e-8b1d-4c6a-9e2f-1a2b3c4d5e6f' })).code).toBe('not_found');
    await asNurse(t);
    expect(err(await t.call('audit.search', { patientId: a.id })).code).toBe('forbidden');
  });

  it('exports the filtered trail as CSV with local times, labels and patients, and records the export', async () => {
    const views = naming(t.app.vault!.audit.recent(5000), a.id).filter((e) => isAccessAction(e.action));
    const csv = await t.ok('audit.exportCsv', { patientId: a.id, viewsOnly: true, lang: 'zh-TW' });
    expect(csv).toMatchObject({ rows: views.length, truncated: false });
    expect(csv.fileName).toMatch(/^audit-\d{12}-C0101\.csv$/);
    expect(csv.csv.startsWith('\uFEFFseq,time_local,time_utc,actor,actor_role,action,action_label,')).toBe(true);
    const lines = csv.csv.trim().split('\r\n');
    expect(lines).toHaveLength(views.length + 1);
    // Oldest first, as a register reads; the first view at 10:00 Taipei.
    expect(lines[1]).toMatch(/^\d+,2026-11-23 10:00:00,2026-11-23T02:00:00\.000Z,張雅琪,諮詢師,patient\.viewed,/);
    expect(lines.filter((l) => l.includes('黃詩涵 (C0101)'))).toHaveLength(views.length);
    expect(t.app.vault!.audit.recent(1)[0]).toMatchObject({ action: 'audit.exported', details: { patientId: a.id, rows: views.length } });
  });
});
