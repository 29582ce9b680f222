import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/errors';
import type { ManualClock, TestApp } from '../support/app';
import { actAs, asConsultant, asNurse, DAY_MS, fullySignedConsultation, rowCounts, treatmentInput } from '../support/aftercare-flow';
import { afterCoolingOff, disclosedConsultation, ink, photoPng, SECOND_PHYSICIAN } from '../support/consent-flow';
import { CONSULTANT, NURSE, PHYSICIAN } from '../support/staff';
import { staffedClinic } from '../support/staffed-clinic';

function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

const TABLES = ['treatments', 'treatment_products', 'follow_up_visits', 'aftercare_photos', 'photos'];

describe('treatment records', () => {
  let t: TestApp, clock: ManualClock, physicianId: string, otherPhysicianId: string;
  beforeEach(async () => {
    ({ t, clock, physicianId, otherPhysicianId } = await staffedClinic());
  });
  afterEach(() => t.dispose());

  const auditActions = () => t.app.vault!.audit.recent(300).map((e) => e.action);

  it('records a treatment on a fully signed consent, creates the plan’s visits and moves the consultation to treated', async () => {
    const { consultation: c, consent } = await fullySignedConsultation(t, clock, physicianId);
    expect(consent.status).toBe('fully_signed');
    clock.advance(2 * 3_600_000);
    await asNurse(t);
    const nurseId = t.app.session!.staff.id;
    const performedAt = new Date(clock.now().getTime() - 45 * 60_000).toISOString();
    const tr = await t.ok('treatments.record', treatmentInput(c, clock, { performedAt, assistantIds: [nurseId], anaesthesia: 'topical', anaesthesiaDetails: '表面麻醉藥膏 20 分鐘' }));
    expect(tr).toMatchObject({
      consultationId: c.consultation.id,
      consentId: consent.id,
      physicianId,
      physicianName: PHYSICIAN.name,
      assistants: [{ id: nurseId, name: NURSE.name }],
      performedAt,
      anaesthesia: 'topical',
      recordedByName: NURSE.name,
      corrections: [],
    });
    expect(tr.products).toEqual([{ kind: 'drug', name: 'A 型肉毒桿菌素', brand: 'Botox', lot: 'C1234A', serialNo: null, expiryDate: '2028-03-31', quantity: '24 U' }]);
    expect((await t.ok('consultations.get', { consultationId: c.consultation.id })).consultation.status).toBe('treated');

    // Botulinum toxin's starter plan: day 1 physician, day 7 nurse, day 14 physician, day 30 consultant (clinic dates).
    const visits = await t.ok('followUps.forTreatment', { treatmentId: tr.id });
    const treatedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(new Date(performedAt));
    expect(treatedOn).toBe('2026-11-24');
    expect(visits.map((v) => [v.levelId, v.role, v.dueDate, v.assignedToName])).toEqual([
      ['d1_physician', 'physician', '2026-11-25', PHYSICIAN.name],
      ['d7_nurse', 'nurse', '2026-12-01', null],
      ['d14_physician', 'physician', '2026-12-08', PHYSICIAN.name],
      ['d30_consultant', 'consultant', '2026-12-24', CONSULTANT.name],
    ]);
    expect(visits.every((v) => v.dueState === 'upcoming' && !v.done)).toBe(true);

    // After photos (same rules as before photos); a correction is appended, the record never changes.
    const withPhoto = await t.ok('treatments.addPhoto', { treatmentId: tr.id, mime: 'image/png', dataBase64: photoPng(), marketingConsent: false });
    expect(withPhoto.photos).toHaveLength(1);
    expect(withPhoto.photos[0]).toMatchObject({ kind: 'after', consultationId: null });
    const corrected = await t.ok('treatments.correct', { treatmentId: tr.id, text: '更正：魚尾紋兩側各 3 U。' });
    expect(corrected.corrections).toEqual([expect.objectContaining({ text: '更正：魚尾紋兩側各 3 U。', staffName: NURSE.name })]);
    expect(corrected.intraOpNotes).toBe(tr.intraOpNotes);
    // The before photos of the consultation are not mixed with the after photos.
    expect((await t.ok('consultations.get', { consultationId: c.consultation.id })).consultation.photos.every((p) => p.kind === 'before')).toBe(true);

    const db = t.app.vault!.db;
    expect(() => db.prepare("UPDATE treatments SET intra_op_notes = 'x' WHERE id = ?").run(tr.id)).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM treatments WHERE id = ?').run(tr.id)).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE treatment_products SET lot = 'X' WHERE treatment_id = ?").run(tr.id)).toThrow(/never changes/);
    expect(() => db.prepare("UPDATE follow_up_visits SET due_date = '2030-01-01' WHERE treatment_id = ?").run(tr.id)).toThrow(/keeps its plan/);
    expect(auditActions()).toEqual(expect.arrayContaining(['treatment.recorded', 'treatment.photo_added', 'treatment.corrected']));
    const recorded = t.app.vault!.audit.recent(300).find((e) => e.action === 'treatment.recorded')!;
    expect(recorded.details).toMatchObject({ consentId: consent.id, products: [{ brand: 'Botox', lot: 'C1234A' }] });

    // Treated: the consent can no longer be withdrawn (the service, and the database).
    await asConsultant(t);
    expect(err(await t.call('consents.withdraw', { consentId: consent.id, reason: '病人改變心意', signerRole: 'patient', ink: ink() })).messageKey).toBe('consent.errors.notWithdrawable');
    expect(err(await t.call('treatments.record', treatmentInput(c, clock)))).toMatchObject({ code: 'forbidden' });
    await asNurse(t);
    expect(err(await t.call('treatments.record', treatmentInput(c, clock)))).toMatchObject({ code: 'conflict', messageKey: 'aftercare.errors.alreadyTreated' });
  });

  it('refuses a treatment on a missing, unsigned, withdrawn or expired consent, and writes nothing', async () => {
    // Disclosed, no consent issued.
    const disclosed = await disclosedConsultation(t, physicianId);
    await afterCoolingOff(t, clock, disclosed);
    // Issued, signed only by the patient.
    const half = await disclosedConsultation(t, physicianId, { patient: { chartNo: 'C0101', nameZh: '陳怡君', sex: 'female', birthDate: '1990-01-01', phone: '0912-000-101' } });
    await afterCoolingOff(t, clock, half);
    const halfConsent = await t.ok('consents.issue', { consultationId: half.consultation.id });
    await t.ok('consents.sign', { consentId: halfConsent.id, form: 'procedure', role: 'patient', documentSha256: halfConsent.documentSha256, ink: ink() });
    // Fully signed, then withdrawn.
    const { consultation: gone, consent: goneConsent } = await fullySignedConsultation(t, clock, physicianId, {
      patient: { chartNo: 'C0102', nameZh: '林佳蓉', sex: 'female', birthDate: '1988-02-02', phone: '0912-000-102' },
    });
    await t.ok('consents.withdraw', { consentId: goneConsent.id, reason: '家人反對，決定暫不進行', signerRole: 'patient', ink: ink() });
    // Fully signed, used after its 90 days.
    const { consultation: old } = await fullySignedConsultation(t, clock, physicianId, {
      patient: { chartNo: 'C0103', nameZh: '張家豪', sex: 'male', birthDate: '1985-03-03', phone: '0912-000-103' },
    });

    await asNurse(t);
    const before = rowCounts(t, TABLES);
    expect(err(await t.call('treatments.record', treatmentInput(disclosed, clock)))).toMatchObject({ code: 'rule_violation', messageKey: 'aftercare.errors.consentMissing' });
    expect(err(await t.call('treatments.record', treatmentInput(half, clock)))).toMatchObject({ code: 'rule_violation', messageKey: 'aftercare.errors.consentNotFullySigned' });
    expect(err(await t.call('treatments.record', treatmentInput(gone, clock)))).toMatchObject({ code: 'rule_violation', messageKey: 'aftercare.errors.consentWithdrawn' });
    clock.advance(91 * DAY_MS);
    await actAs(t, NURSE);
    expect(err(await t.call('treatments.record', treatmentInput(old, clock)))).toMatchObject({ code: 'rule_violation', messageKey: 'aftercare.errors.consentExpired' });
    expect(rowCounts(t, TABLES)).toEqual(before);
    for (const v of [disclosed, half, gone, old]) expect((await t.ok('consultations.get', { consultationId: v.consultation.id })).consultation.status).not.toBe('treated');

    // The database refuses too, whatever the service might do.
    const db = t.app.vault!.db;
    expect(() =>
      db
        .prepare(
          `INSERT INTO treatments (id, consultation_id, consent_id, patient_id, physician_id, performed_at, assistant_ids, anaesthesia, intra_op_notes, recorded_by, created_at)
           VALUES ('x', ?, ?, ?, ?, '2026-12-01T00:00:00.000Z', '[]', 'none', '', ?, '2026-12-01T00:00:00.000Z')`,
        )
        .run(gone.consultation.id, goneConsent.id, gone.consultation.patientId, physicianId, physicianId),
    ).toThrow(/fully signed consent that was not withdrawn/);
  });

  it('holds the record to the consent: operating physician, time, assistants, traceable unexpired products', async () => {
    const { consultation: c, consent } = await fullySignedConsultation(t, clock, physicianId);
    await asNurse(t);
    const before = rowCounts(t, TABLES);
    const issue = async (over: Parameters<typeof treatmentInput>[2]) => err(await t.call('treatments.record', treatmentInput(c, clock, over)));

    expect(await issue({ physicianId: otherPhysicianId })).toMatchObject({ code: 'rule_violation', issues: [{ path: ['physicianId'], messageKey: 'aftercare.errors.notOperatingPhysician' }] });
    expect((await issue({ performedAt: new Date(clock.now().getTime() + 3_600_000).toISOString() })).issues).toEqual([{ path: ['performedAt'], messageKey: 'validation.timeInFuture' }]);
    const beforeSigned = new Date(Date.parse(consent.fullySignedAt!) - 60_000).toISOString();
    expect((await issue({ performedAt: beforeSigned })).issues).toEqual([{ path: ['performedAt'], messageKey: 'aftercare.errors.beforeConsent' }]);
    expect((await issue({ assistantIds: [physicianId] })).issues?.[0]).toMatchObject({ path: ['assistantIds', 0], messageKey: 'aftercare.errors.duplicateAssistant' });
    expect((await issue({ assistantIds: ['3f0c2a4e-8b1d-4c6a-9e2f-1a2b3c4d5e6f'] })).issues?.[0]).toMatchObject({ path: ['assistantIds', 0], messageKey: 'aftercare.errors.unknownStaff' });
    const drug = { kind: 'drug' as const, name: '玻尿酸', brand: 'Juvederm' };
    expect((await issue({ products: [{ ...drug, expiryDate: '2028-01-01' }] })).issues).toEqual([{ path: ['products', 0, 'lot'], messageKey: 'aftercare.errors.lotRequired' }]);
    expect((await issue({ products: [{ ...drug, lot: 'L1' }] })).issues).toEqual([{ path: ['products', 0, 'expiryDate'], messageKey: 'aftercare.errors.expiryRequired' }]);
    expect((await issue({ products: [{ ...drug, lot: 'L1', expiryDate: '2026-11-20' }] })).issues).toEqual([{ path: ['products', 0, 'expiryDate'], messageKey: 'aftercare.errors.productExpired' }]);
    expect((await issue({ products: [{ kind: 'device', name: '超音波探頭', brand: 'Ulthera' }] })).issues?.[0]?.messageKey).toBe('aftercare.errors.lotRequired');
    expect((await issue({ intraOpNotes: 'x'.repeat(5000) })).code).toBe('invalid_input');
    expect(rowCounts(t, TABLES)).toEqual(before);

    // A consumable needs neither lot nor expiry; another physician may still assist.
    const ok = await t.ok('treatments.record', treatmentInput(c, clock, { assistantIds: [otherPhysicianId], products: [{ kind: 'consumable', name: '30G 針頭', brand: 'TSK' }] }));
    expect(ok.assistants.map((a) => a.name)).toEqual([SECOND_PHYSICIAN.name]);
  });

  it('a treatment in the small hours is dated by the clinic’s calendar, not UTC', async () => {
    const { consultation: c } = await fullySignedConsultation(t, clock, physicianId);
    // The evening of 24 November in UTC is already 25 November in Taipei.
    clock.advance(Date.parse('2026-11-24T18:00:00.000Z') - clock.now().getTime());
    await actAs(t, PHYSICIAN);
    const tr = await t.ok('treatments.record', treatmentInput(c, clock, { performedAt: '2026-11-24T17:30:00.000Z' }));
    const visits = await t.ok('followUps.forTreatment', { treatmentId: tr.id });
    expect(visits[0]).toMatchObject({ levelId: 'd1_physician', dueDate: '2026-11-26' });
  });
});
