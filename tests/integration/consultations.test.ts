import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Out } from '../../shared/api';
import type { PatientFieldsInput } from '../../shared/schemas/patient';
import { ADMIN, makeTestApp, ManualClock } from '../support/app';
import { CONSULTANT, NURSE, PHYSICIAN } from '../support/staff';

const ADULT: PatientFieldsInput = { chartNo: 'C0001', nameZh: '黃詩涵', sex: 'female', birthDate: '1994-03-08', phone: '0912-000-111' };
type View = Out<'consultations.get'>;

describe('the pre-op consultation', () => {
  let t: ReturnType<typeof makeTestApp>;
  let clock: ManualClock;
  let physicianId: string;

  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T02:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    physicianId = (await t.ok('staff.add', PHYSICIAN)).id;
    await t.ok('staff.add', CONSULTANT);
    await t.ok('staff.add', NURSE);
    await t.ok('session.signOut', {});
    await t.ok('session.signIn', { loginId: CONSULTANT.name, password: CONSULTANT.password });
  });

  async function start(patient: PatientFieldsInput = ADULT, category = 'injectable'): Promise<View> {
    const p = await t.ok('patients.create', patient);
    const procedure = (await t.ok('procedures.list', {})).find((x) => x.category === category)!;
    return t.ok('consultations.start', { patientId: p.id, procedureId: procedure.id, physicianId });
  }

  /** Every step done right, up to (not including) disclosure. */
  async function completeSteps(v: View): Promise<View> {
    const id = v.consultation.id;
    const tpl = v.template;
    await t.ok('consultations.saveScreening', {
      consultationId: id, expectedVersion: v.consultation.version + 0,
      screening: {
        contraindications: tpl.contraindications.map((k) => ({ id: k.id, present: false })),
        flagNotes: v.consultation.recordFlags.map((flag) => ({ flag, note: '已與病人討論並記錄' })),
        bodyImage: { preoccupied: false, distress: false, avoidance: false, repeatedProcedures: false },
      },
    });
    await t.ok('consultations.saveGoals', {
      consultationId: id, expectedVersion: v.consultation.version + 1,
      goals: { goals: '希望法令紋變淺', assessment: '中度法令紋，皮膚彈性尚可', expectedResult: '改善約五至七成，維持 9–12 個月', cannotAchieve: '無法完全消除，也無法取代拉皮手術' },
    });
    for (const r of tpl.risks) await t.ok('consultations.acknowledgeRisk', { consultationId: id, riskId: r.id, method: 'consultant_tap' });
    await t.ok('consultations.saveAlternatives', { consultationId: id, expectedVersion: v.consultation.version + 2, alternatives: { discussed: [{ id: 'no_treatment' }], preOpInstructionsGiven: true } });
    await t.ok('consultations.saveQuote', {
      consultationId: id, expectedVersion: v.consultation.version + 3,
      quote: {
        items: [
          { kind: 'procedure', description: '玻尿酸注射 1 cc', amountTwd: 18000 },
          { kind: 'follow_up', description: '兩週回診', amountTwd: 0 },
        ],
        revisionPolicy: '兩週內免費補打 0.2 cc 以內',
        refundPolicy: '未施打前可全額退費',
      },
    });
    await t.ok('consultations.acknowledgeQuote', { consultationId: id });
    const answers = tpl.comprehensionQuestions.map((q) => ({ questionId: q.id, chosenIndex: q.correctIndex }));
    return t.ok('consultations.answerComprehension', { consultationId: id, answers });
  }

  it('walks a consultation from draft to disclosed, with the cooling-off end shown', async () => {
    const v = await start();
    expect(v.consultation.status).toBe('draft');
    expect(v.consultation.gaps).toEqual(expect.arrayContaining(['screening', 'goals', 'risks', 'alternatives', 'quote', 'comprehension']));
    const ready = await completeSteps(v);
    expect(ready.consultation.gaps).toEqual([]);
    expect(ready.consultation.quoteTotalTwd).toBe(18000);
    expect(ready.consultation.riskAcknowledgements).toHaveLength(v.template.risks.length);
    clock.advance(5 * 60_000);
    const disclosed = await t.ok('consultations.disclose', { consultationId: v.consultation.id });
    expect(disclosed.consultation).toMatchObject({ status: 'disclosed', disclosedAt: '2026-11-23T02:05:00.000Z', coolingOffDays: 1, coolingOffEndsAt: '2026-11-24T02:05:00.000Z' });
    const after = await t.call('consultations.saveGoals', { consultationId: v.consultation.id, expectedVersion: v.consultation.version, goals: { goals: 'x', assessment: 'x', expectedResult: 'x', cannotAchieve: 'x' } });
    expect(!after.ok && after.error.messageKey).toBe('errors.consultationNotEditable');
    expect(() => t.app.vault!.db.prepare("UPDATE consultations SET goals = '{}' WHERE id = ?").run(v.consultation.id)).toThrow(/cannot change what was disclosed/);
    const events = (await t.call('audit.recent', { limit: 1 })) as { ok: boolean };
    expect(events.ok).toBe(false); // consultants do not read the audit trail
  });

  it('refuses disclosure while steps are missing, listing each gap, and changes nothing', async () => {
    const v = await start();
    const r = await t.call('consultations.disclose', { consultationId: v.consultation.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'rule_violation', messageKey: 'errors.disclosureIncomplete' });
    expect(r.error.issues?.map((i) => i.messageKey)).toEqual(expect.arrayContaining(['gaps.risks', 'gaps.quote', 'gaps.comprehension']));
    expect((await t.ok('consultations.get', { consultationId: v.consultation.id })).consultation.status).toBe('draft');
  });

  it('blocks a minor without a guardian even when every other step is done', async () => {
    const v = await start({ ...ADULT, chartNo: 'C0002', birthDate: '2010-01-01' });
    expect(v.consultation.recordFlags).toContain('minor');
    const ready = await completeSteps(v);
    expect(ready.consultation.gaps).toEqual(['guardian']);
    const r = await t.call('consultations.disclose', { consultationId: v.consultation.id });
    expect(!r.ok && r.error.issues?.map((i) => i.messageKey)).toEqual(['gaps.guardian']);
  });

  it('a wrong comprehension answer fails the check and names the topic to go back to', async () => {
    const v = await start();
    const q = v.template.comprehensionQuestions;
    const answers = q.map((x, i) => ({ questionId: x.id, chosenIndex: i === 0 ? (x.correctIndex + 1) % x.options.length : x.correctIndex }));
    const r = await t.ok('consultations.answerComprehension', { consultationId: v.consultation.id, answers });
    expect(r.result).toEqual({ passed: false, wrong: [{ questionId: q[0]!.id, topic: q[0]!.topic }] });
    expect(r.consultation.comprehensionPassedAt).toBeNull();
    expect(r.consultation.comprehensionAnswers.filter((a) => a.attempt === 1)).toHaveLength(q.length);
  });

  it('record flags (anticoagulant, smoking) must each be addressed in writing', async () => {
    const v = await start({ ...ADULT, chartNo: 'C0003', riskMedications: ['anticoagulant'], smoking: 'current' });
    expect(v.consultation.recordFlags).toEqual(expect.arrayContaining(['anticoagulant', 'smoking']));
    await t.ok('consultations.saveScreening', {
      consultationId: v.consultation.id, expectedVersion: v.consultation.version,
      screening: { contraindications: [], flagNotes: [{ flag: 'smoking', note: '建議術前兩週停菸' }], bodyImage: { preoccupied: true, distress: false, avoidance: false, repeatedProcedures: false } },
    });
    const got = await t.ok('consultations.get', { consultationId: v.consultation.id });
    expect(got.consultation.gaps).toContain('flag_notes');
    expect(got.consultation.bodyImageFlag).toBe(true);
  });

  it('answers a risk not in the template version, a negative fee and an unknown contraindication as field errors', async () => {
    const v = await start();
    const risk = await t.call('consultations.acknowledgeRisk', { consultationId: v.consultation.id, riskId: 'made_up_risk', method: 'consultant_tap' });
    expect(!risk.ok && risk.error.issues?.[0]).toMatchObject({ path: ['riskId'], messageKey: 'errors.unknownRisk' });
    const fee = await t.call('consultations.saveQuote', {
      consultationId: v.consultation.id, expectedVersion: v.consultation.version,
      quote: { items: [{ kind: 'procedure', description: '療程', amountTwd: -1 }], revisionPolicy: 'x', refundPolicy: 'y' },
    });
    expect(!fee.ok && fee.error.issues?.[0]).toMatchObject({ path: ['quote', 'items', 0, 'amountTwd'], messageKey: 'validation.amountNegative' });
    const screening = await t.call('consultations.saveScreening', {
      consultationId: v.consultation.id, expectedVersion: v.consultation.version,
      screening: { contraindications: [{ id: 'not_in_template', present: true, note: 'x' }], flagNotes: [], bodyImage: { preoccupied: false, distress: false, avoidance: false, repeatedProcedures: false } },
    });
    expect(!screening.ok && screening.error.issues?.[0]?.messageKey).toBe('errors.unknownContraindication');
    const twice = await t.ok('consultations.acknowledgeRisk', { consultationId: v.consultation.id, riskId: v.template.risks[0]!.id, method: 'patient_reading_mode' });
    expect(twice.consultation.riskAcknowledgements).toHaveLength(1);
    const again = await t.call('consultations.acknowledgeRisk', { consultationId: v.consultation.id, riskId: v.template.risks[0]!.id, method: 'consultant_tap' });
    expect(!again.ok && again.error.code).toBe('conflict');
  });

  it('stores a before photo without its EXIF/GPS, by SHA-256, and lets marketing consent be withdrawn', async () => {
    const v = await start();
    const exif = Buffer.from('Exif\0\0GPSLatitude=25.03N', 'latin1');
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, exif.length + 2]), exif]);
    const scan = Buffer.concat([Buffer.from([0xff, 0xda, 0, 4, 1, 2]), Buffer.from('pixels'), Buffer.from([0xff, 0xd9])]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), app1, scan]);
    const withPhoto = await t.ok('consultations.addPhoto', { consultationId: v.consultation.id, mime: 'image/jpeg', dataBase64: jpeg.toString('base64'), marketingConsent: true });
    const [meta] = withPhoto.consultation.photos;
    const clean = Buffer.concat([Buffer.from([0xff, 0xd8]), scan]);
    expect(meta).toMatchObject({ sha256: createHash('sha256').update(clean).digest('hex'), size: clean.length, marketingConsent: true, marketingWithdrawnAt: null });
    const photo = await t.ok('photos.get', { photoId: meta!.id });
    expect(Buffer.from(photo.dataBase64, 'base64')).toEqual(clean);
    const withdrawn = await t.ok('photos.withdrawMarketing', { photoId: meta!.id });
    expect(withdrawn.marketingWithdrawnAt).not.toBeNull();
    const notAnImage = await t.call('consultations.addPhoto', { consultationId: v.consultation.id, mime: 'image/png', dataBase64: Buffer.from('hello').toString('base64'), marketingConsent: false });
    expect(!notAnImage.ok && notAnImage.error.issues?.[0]?.messageKey).toBe('validation.photoFormat');
  });

  it('nurses may read but not hold a consultation', async () => {
    const v = await start();
    await t.ok('session.signOut', {});
    await t.ok('session.signIn', { loginId: NURSE.name, password: NURSE.password });
    expect((await t.ok('consultations.get', { consultationId: v.consultation.id })).consultation.id).toBe(v.consultation.id);
    const r = await t.call('consultations.saveGoals', { consultationId: v.consultation.id, expectedVersion: v.consultation.version, goals: { goals: 'x', assessment: 'x', expectedResult: 'x', cannotAchieve: 'x' } });
    expect(!r.ok && r.error.code).toBe('forbidden');
  });
});
