import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Out } from '../../shared/api';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { actAs, asAdmin, asConsultant, asPhysician, fullySignedConsultation, treatmentInput } from '../support/aftercare-flow';
import { addStaff, ADULT, disclosedConsultation, MINOR } from '../support/consent-flow';
import { SECOND_ADMIN } from '../support/staff';
import { errorOf } from '../support/vault-files';

const YEAR_MS = 366 * 86_400_000;
const TEXT_PDF = Buffer.from('%PDF-1.4\n% shared leaflet\n').toString('base64');

describe('retention dates', () => {
  let t: TestApp;
  let clock: ManualClock;
  beforeEach(async () => {
    // 2018-05-10 10:00 in Taipei.
    clock = new ManualClock('2018-05-10T02:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    await asAdmin(t);
  });
  afterEach(() => t.dispose());

  const retention = (patientId: string) => t.ok('retention.forPatient', { patientId });

  it('gives an adult seven years after the last entry, and moves with a later entry', async () => {
    const p = await t.ok('patients.create', ADULT);
    const first = await retention(p.id);
    expect(first).toMatchObject({ status: 'retained', basis: 'last_entry', retentionDate: '2025-05-10', lastEntry: { kind: 'registration', date: '2018-05-10' } });

    // A call logged a year later, in the evening: 23:30 UTC is already the next day in Taipei.
    clock.advance(Date.parse('2019-05-12T01:00:00.000Z') - clock.now().getTime());
    await actAs(t, ADMIN);
    const at = new Date(Date.parse('2019-05-11T23:30:00.000Z'));
    await t.ok('communications.log', { patientId: p.id, channel: 'phone', direction: 'inbound', occurredAt: at.toISOString(), summary: '詢問術後保養' });
    expect(await retention(p.id)).toMatchObject({ retentionDate: '2026-05-12', lastEntry: { kind: 'communication', date: '2019-05-12' } });
  });

  it('keeps a minor’s records at least seven years after they turn 18', async () => {
    const p = await t.ok('patients.create', MINOR);
    // Born 2010-06-01: 18 on 2028-06-01, so not before 2035-06-01 although the last entry was in 2018.
    expect(await retention(p.id)).toMatchObject({ status: 'retained', basis: 'adulthood', adulthoodDate: '2028-06-01', retentionDate: '2035-06-01' });
  });

  it('lists patients past retention, and holds them for an admin hold, an open complaint or an open privacy incident', async () => {
    const adult = await t.ok('patients.create', ADULT);
    const minor = await t.ok('patients.create', MINOR);
    const complained = await t.ok('patients.create', { ...ADULT, chartNo: 'C0003', nameZh: '陳怡君', phone: '0912-000-555' });
    await t.ok('complaints.intake', {
      patientId: complained.id,
      channel: 'phone',
      category: 'communication_service',
      severity: 'low',
      receivedAt: clock.now().toISOString(),
      patientSays: '等候時間太久',
      patientWants: '改善',
    });
    clock.advance(8 * YEAR_MS);
    await actAs(t, ADMIN);

    const overview = await t.ok('retention.overview', {});
    expect(overview.due.map((d) => d.chartNo)).toEqual(['C0001', 'C0003']);
    expect(overview.due.find((d) => d.chartNo === 'C0003')!.holds.map((h) => h.kind)).toEqual(['complaint']);
    expect((await retention(adult.id)).status).toBe('past_retention');
    expect((await retention(minor.id)).status).toBe('retained');
    expect((await retention(complained.id)).status).toBe('held');
    expect(errorOf(await t.call('retention.propose', { patientIds: [complained.id] })).messageKey).toBe('retention.errors.held');
    expect(errorOf(await t.call('retention.propose', { patientIds: [minor.id] })).messageKey).toBe('retention.errors.notPastRetention');

    // An admin hold, with its reason; released with another.
    const held = await t.ok('retention.placeHold', { patientId: adult.id, reason: '病人提起訴訟，法院調閱中' });
    expect(held.status).toBe('held');
    expect(held.holds).toMatchObject([{ kind: 'admin', reason: '病人提起訴訟，法院調閱中', placedByName: ADMIN.name }]);
    expect(errorOf(await t.call('retention.propose', { patientIds: [adult.id] })).messageKey).toBe('retention.errors.held');
    const released = await t.ok('retention.releaseHold', { holdId: held.holds[0]!.id, reason: '訴訟已判決確定' });
    expect(released).toMatchObject({ status: 'past_retention', holds: [] });
    expect(errorOf(await t.call('retention.releaseHold', { holdId: held.holds[0]!.id, reason: '再一次' })).messageKey).toBe('retention.errors.holdReleased');

    // An open privacy incident holds everyone: the register names no patients.
    const incident = await t.ok('incidents.report', {
      whatHappened: '櫃檯電腦遭竊',
      peopleAffected: null,
      dataKinds: ['identity'],
      occurredAt: null,
      discoveredAt: clock.now().toISOString(),
      containment: '已報警',
    });
    expect((await retention(adult.id)).holds.map((h) => h.kind)).toEqual(['privacy_incident']);
    expect((await t.ok('retention.overview', {})).clinicHolds).toHaveLength(1);
    expect(errorOf(await t.call('retention.propose', { patientIds: [adult.id] })).messageKey).toBe('retention.errors.held');
    await t.ok('incidents.close', { incidentId: incident.id, summary: '電腦已加密，無外洩', noNotificationReason: '資料已加密' });

    // A proposal is one per patient, all or none.
    expect(errorOf(await t.call('retention.propose', { patientIds: [adult.id, complained.id] })).messageKey).toBe('retention.errors.held');
    expect(t.app.vault!.db.prepare('SELECT COUNT(*) AS n FROM destruction_proposals').get()).toEqual({ n: 0 });
    const [proposal] = await t.ok('retention.propose', { patientIds: [adult.id] });
    expect(proposal).toMatchObject({ chartNo: 'C0001', status: 'pending', proposedByName: ADMIN.name, retentionDate: '2025-05-10' });
    expect((await retention(adult.id)).status).toBe('proposed');
    expect(errorOf(await t.call('retention.propose', { patientIds: [adult.id] })).messageKey).toBe('retention.errors.alreadyProposed');
    const withdrawn = await t.ok('retention.withdrawProposal', { proposalId: proposal!.id, reason: '院長要求再保存一年' });
    expect(withdrawn.status).toBe('withdrawn');

    const actions = t.app.vault!.audit.recent(100).map((e) => e.action);
    for (const a of ['retention.hold_placed', 'retention.hold_released', 'retention.destruction_proposed', 'retention.proposal_withdrawn', 'retention.overview_viewed']) {
      expect(actions).toContain(a);
    }
    // Typed reasons are kept as keyed hashes only.
    const placed = t.app.vault!.audit.recent(100).find((e) => e.action === 'retention.hold_placed')!;
    expect(JSON.stringify(placed.details)).not.toContain('訴訟');
  });
});

describe('destruction', () => {
  let t: TestApp;
  let clock: ManualClock;
  let physicianId: string;
  beforeEach(async () => {
    clock = new ManualClock('2018-05-10T02:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    ({ physicianId } = await addStaff(t));
  });
  afterEach(() => t.dispose());

  const count = (sql: string, ...params: unknown[]) => (t.app.vault!.db.prepare(sql).get(...params) as { n: number }).n;

  /** A patient with a fully signed consent, photos, a treatment with its follow-up plan and a communication with a file. */
  async function richPatient(): Promise<{ patientId: string; consent: Out<'consents.get'> }> {
    const { consultation, consent } = await fullySignedConsultation(t, clock, physicianId);
    const patientId = consultation.consultation.patientId;
    await t.ok('communications.log', {
      patientId,
      channel: 'line',
      direction: 'outbound',
      occurredAt: clock.now().toISOString(),
      summary: '傳送術後衛教單',
      attachment: { fileName: 'aftercare.pdf', mime: 'application/pdf', dataBase64: TEXT_PDF },
    });
    await asPhysician(t);
    await t.ok('treatments.record', treatmentInput(consultation, clock));
    return { patientId, consent };
  }

  it('needs a second administrator with their own password, removes the records and keeps the chain verifiable', async () => {
    const { patientId, consent } = await richPatient();
    // Another patient shares the photo's bytes and the leaflet: content-addressed files they still use stay.
    await actAs(t, { name: '張雅琪', password: 'Consult-Pass-2026' });
    const other = await disclosedConsultation(t, physicianId, { patient: { ...ADULT, chartNo: 'C0009', nameZh: '吳美華', phone: '0912-000-999' } });
    await t.ok('communications.log', {
      patientId: other.consultation.patientId,
      channel: 'email',
      direction: 'outbound',
      occurredAt: clock.now().toISOString(),
      summary: '同一份衛教單',
      attachment: { fileName: 'aftercare.pdf', mime: 'application/pdf', dataBase64: TEXT_PDF },
    });
    const otherConsents = count('SELECT COUNT(*) AS n FROM consents WHERE patient_id <> ?', patientId);

    clock.advance(8 * YEAR_MS);
    await asAdmin(t);
    await t.ok('staff.add', SECOND_ADMIN);
    const [proposal] = await t.ok('retention.propose', { patientIds: [patientId] });

    // The proposer cannot confirm their own proposal.
    expect(errorOf(await t.call('retention.confirmDestruction', { proposalIds: [proposal!.id], password: ADMIN.password })).messageKey).toBe('retention.errors.secondAdminRequired');

    // The second administrator, with a wrong password: refused, nothing destroyed, the failure audited.
    await actAs(t, SECOND_ADMIN);
    const wrong = errorOf(await t.call('retention.confirmDestruction', { proposalIds: [proposal!.id], password: 'not-my-password' }));
    expect(wrong.code).toBe('invalid_credentials');
    expect(count('SELECT COUNT(*) AS n FROM consents WHERE patient_id = ?', patientId)).toBe(1);
    expect(t.app.vault!.audit.recent(5).map((e) => e.action)).toContain('retention.destruction_password_failed');

    const documentBytes = t.app.vault!.consents.document(consent.documentSha256)!.bytes.length;
    const outcome = await t.ok('retention.confirmDestruction', { proposalIds: [proposal!.id], password: SECOND_ADMIN.password });
    const d = outcome.destructions[0]!;
    expect(d).toMatchObject({ chartNo: 'C0001', proposedByName: ADMIN.name, approvedByName: SECOND_ADMIN.name, method: 'sqlite_secure_delete', destroyedAt: outcome.destroyedAt });
    expect(d.place.clinic).toBe('美麗人生醫美診所');
    expect(d.place.vaultId).toBe(t.app.vault!.id);
    expect(d.place.machine.length).toBeGreaterThan(0);
    expect(d.keepUntil > outcome.destroyedAt.slice(0, 10)).toBe(true);
    expect(d.counts).toMatchObject({ consents: 1, consent_documents: 2, consultations: 1, treatments: 1, communications: 1, patients: 1 });
    expect(d.counts.consent_signatures).toBeGreaterThan(0);
    expect(d.counts.follow_up_visits).toBeGreaterThan(0);
    // The tombstone keeps the destroyed documents' hashes.
    expect(d.documents).toContainEqual({ kind: 'consent_document', recordId: consent.documentSha256, parentId: consent.id, sha256: consent.documentSha256, bytes: documentBytes });
    expect(d.documents.some((x) => x.kind === 'signature')).toBe(true);
    expect(d.documents.some((x) => x.kind === 'photo')).toBe(true);
    expect(d.auditEventsKept).toBeGreaterThan(10);

    // Gone from every table; the shared files the other patient still uses stay; the other patient's records are untouched.
    for (const table of ['consultations', 'consents', 'communications', 'treatments', 'photos', 'patient_revisions']) {
      expect(count(`SELECT COUNT(*) AS n FROM ${table} WHERE patient_id = ?`, patientId)).toBe(0);
    }
    expect(count('SELECT COUNT(*) AS n FROM consent_documents WHERE sha256 = ?', consent.documentSha256)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM consent_signatures WHERE consent_id = ?', consent.id)).toBe(0);
    const leaflet = count("SELECT COUNT(*) AS n FROM attachments WHERE mime = 'application/pdf'");
    expect(leaflet).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM photos p JOIN attachments a ON a.sha256 = p.sha256 WHERE p.patient_id = ?', other.consultation.patientId)).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM consents WHERE patient_id <> ?', patientId)).toBe(otherConsents);
    const stub = t.app.vault!.db.prepare('SELECT chart_no, name_zh, phone, birth_date, national_id, allergies FROM patients WHERE id = ?').get(patientId);
    expect(stub).toEqual({ chart_no: 'C0001', name_zh: '', phone: '', birth_date: '', national_id: null, allergies: null });

    // The chain still verifies, and the destroyed consent's events are reported as destroyed, not missing.
    const verified = await t.ok('audit.verify', {});
    expect(verified.ok).toBe(true);
    expect(verified.records.problems).toEqual([]);
    expect(verified.records.destroyed).toBeGreaterThan(0);
    expect(t.app.vault!.audit.recent(10).map((e) => e.action)).toContain('retention.destroyed');

    // Found by chart number only, marked destroyed; its clinical content refused; no pack, with the record.
    const found = await t.ok('patients.search', { query: 'C0001', limit: 10 });
    expect(found).toMatchObject([{ id: patientId, chartNo: 'C0001', nameZh: '', destroyedAt: outcome.destroyedAt }]);
    expect(await t.ok('patients.search', { query: '黃詩涵', limit: 10 })).toEqual([]);
    const opened = errorOf(await t.call('patients.get', { patientId }));
    expect(opened).toMatchObject({ code: 'rule_violation', messageKey: 'retention.errors.patientDestroyed', params: { chartNo: 'C0001', approvedBy: SECOND_ADMIN.name } });
    const pack = errorOf(await t.call('evidence.preview', { patientId, scope: { type: 'patient' }, kind: 'lawyer', locale: 'zh-TW' }));
    expect(pack).toMatchObject({ code: 'rule_violation', messageKey: 'retention.errors.packOfDestroyedPatient', params: { chartNo: 'C0001', proposedBy: ADMIN.name, proposalId: proposal!.id } });
    expect(errorOf(await t.call('communications.log', { patientId, channel: 'phone', direction: 'inbound', occurredAt: clock.now().toISOString(), summary: '再來電' })).messageKey).toBe(
      'retention.errors.patientDestroyed',
    );
    const tomb = await t.ok('retention.forPatient', { patientId });
    expect(tomb).toMatchObject({ status: 'destroyed', retentionDate: null, destruction: { proposalId: proposal!.id, chartNo: 'C0001' } });
    expect((await t.ok('retention.log', { limit: 10 })).map((l) => l.chartNo)).toEqual(['C0001']);
    expect(errorOf(await t.call('retention.confirmDestruction', { proposalIds: [proposal!.id], password: SECOND_ADMIN.password })).messageKey).toBe('retention.errors.proposalNotPending');

    // After signing out and in again (a checkpoint in between), the chain still verifies.
    await actAs(t, ADMIN);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('destroys a patient whose consent was printed with 民國 dates and whose complaint clock was recomputed, leaving no row of theirs', async () => {
    await asAdmin(t);
    await t.ok('settings.setPrintedDates', { era: 'roc' });
    await asConsultant(t);
    const { consultation, consent } = await fullySignedConsultation(t, clock, physicianId);
    const patientId = consultation.consultation.patientId;

    // Monday 4 June 2018, 10:00 in Taipei: a records request starts its 7-working-day clock.
    clock.advance(Date.parse('2018-06-04T02:00:00.000Z') - clock.now().getTime());
    await asAdmin(t);
    const complaint = await t.ok('complaints.intake', {
      patientId,
      channel: 'phone',
      category: 'communication_service',
      severity: 'low',
      receivedAt: clock.now().toISOString(),
      patientSays: '要求調閱病歷。',
      patientWants: '病歷影本。',
    });
    await t.ok('complaints.recordRecordsRequest', { complaintId: complaint.id, requestedAt: clock.now().toISOString(), summary: '病人要求病歷影本。' });
    // A typhoon day declared after the clock started: its deadline moves only when an administrator recomputes it.
    await t.ok('calendar.add', { date: '2018-06-05', kind: 'holiday', name: '颱風假' });
    await t.ok('complaints.recomputeClock', { complaintId: complaint.id, kind: 'records_copy', reason: '政府公告颱風假，重算期限' });
    // Closed, so the complaint no longer holds the records.
    await t.ok('complaints.addResolution', { complaintId: complaint.id, kind: 'explanation', amountTwd: null, description: '已提供病歷影本', decidedAt: clock.now().toISOString() });
    await t.ok('complaints.saveReview', {
      complaintId: complaint.id,
      whatHappened: '病人不清楚調閱病歷的流程。',
      causes: [{ category: 'communication', detail: '櫃台未主動說明調閱流程' }],
      actions: [{ action: '櫃台張貼調閱病歷流程', ownerId: physicianId, dueDate: '2018-07-31' }],
    });
    await t.ok('complaints.close', { complaintId: complaint.id, summary: '已提供病歷影本，病人無其他要求。' });

    const clockIds = (t.app.vault!.db.prepare('SELECT id FROM complaint_clocks WHERE complaint_id = ?').all(complaint.id) as { id: string }[]).map((k) => k.id);
    const eraRows = () => count('SELECT COUNT(*) AS n FROM consent_printed_eras WHERE consent_id = ?', consent.id);
    const recomputations = () =>
      count(`SELECT COUNT(*) AS n FROM complaint_clock_recomputations WHERE clock_id IN (SELECT value FROM json_each(?))`, JSON.stringify(clockIds));
    expect(t.app.vault!.db.prepare('SELECT era FROM consent_printed_eras WHERE consent_id = ?').get(consent.id)).toEqual({ era: 'roc' });
    expect(recomputations()).toBe(1);

    clock.advance(8 * YEAR_MS);
    await asAdmin(t);
    await t.ok('staff.add', SECOND_ADMIN);
    const [proposal] = await t.ok('retention.propose', { patientIds: [patientId] });
    await actAs(t, SECOND_ADMIN);
    const outcome = await t.ok('retention.confirmDestruction', { proposalIds: [proposal!.id], password: SECOND_ADMIN.password });
    expect(outcome.destructions[0]!.counts).toMatchObject({ consent_printed_eras: 1, complaint_clock_recomputations: 1, consents: 1, complaints: 1 });

    expect(eraRows()).toBe(0);
    expect(recomputations()).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM complaint_clocks WHERE complaint_id = ?', complaint.id)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM complaints WHERE patient_id = ?', patientId)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM consents WHERE patient_id = ?', patientId)).toBe(0);
    const verified = await t.ok('audit.verify', {});
    expect(verified.ok).toBe(true);
    expect(verified.records.problems).toEqual([]);
  });

  it('lets the database delete protected rows only through an approved destruction, and never changes the record of one', async () => {
    const { patientId, consent } = await richPatient();
    const db = () => t.app.vault!.db;
    // No approval: every guarded table refuses, as before.
    expect(() => db().prepare('DELETE FROM consent_signatures WHERE consent_id = ?').run(consent.id)).toThrow(/never deleted/);
    expect(() => db().prepare('DELETE FROM consent_documents WHERE sha256 = ?').run(consent.documentSha256)).toThrow(/never deleted/);
    expect(() => db().prepare('DELETE FROM communications WHERE patient_id = ?').run(patientId)).toThrow(/never deleted/);
    expect(() => db().prepare('DELETE FROM treatments WHERE patient_id = ?').run(patientId)).toThrow(/never deleted/);
    // An approval needs a standing proposal by another administrator.
    expect(() => db().prepare("INSERT INTO destruction_approvals VALUES ('x', ?, (SELECT id FROM staff LIMIT 1), '2026-01-01T00:00:00.000Z')").run(patientId)).toThrow();

    clock.advance(8 * YEAR_MS);
    await asAdmin(t);
    await t.ok('staff.add', SECOND_ADMIN);
    const [proposal] = await t.ok('retention.propose', { patientIds: [patientId] });
    await actAs(t, SECOND_ADMIN);
    await t.ok('retention.confirmDestruction', { proposalIds: [proposal!.id], password: SECOND_ADMIN.password });

    // The record of the destruction and its approval cannot be changed or removed, and the path is closed again.
    for (const sql of [
      'DELETE FROM destruction_approvals',
      "UPDATE destruction_approvals SET approved_at = '2020-01-01T00:00:00.000Z'",
      'DELETE FROM destruction_tombstones',
      "UPDATE destruction_tombstones SET counts = '{}'",
      'DELETE FROM destruction_log',
      "UPDATE destruction_log SET approved_by_name = 'someone'",
      'DELETE FROM destroyed_records',
      'DELETE FROM destruction_proposals',
    ]) {
      expect(() => db().prepare(sql).run(), sql).toThrow();
    }
    expect(() => db().prepare("UPDATE patients SET name_zh = '回來了' WHERE id = ?").run(patientId)).toThrow(/destroyed/);
    expect(() =>
      db()
        .prepare("INSERT INTO communications (id, patient_id, channel, direction, occurred_at, summary, staff_id, created_at) VALUES ('c1', ?, 'phone', 'inbound', 'x', 'y', (SELECT id FROM staff LIMIT 1), 'x')")
        .run(patientId),
    ).toThrow(/destroyed/);
    expect(count('SELECT COUNT(*) AS n FROM audit_events')).toBeGreaterThan(0);
    expect(() => db().prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });
});
