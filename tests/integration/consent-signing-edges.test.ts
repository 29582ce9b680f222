/**
 * Consent signing through the channels, at the rules' edges: minor-ness on the clinic's date around the 18th
 * birthday; the cooling-off period to the millisecond for the patient and the guardian, with and without the
 * physician's override; every role signing too early, out of order, twice, or when not required; and the
 * physician's checklist blocking on one item at a time. Every refusal writes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Out } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import type { PatientFieldsInput } from '../../shared/schemas/patient';
import type { ConsentForm, SignatureRole } from '../../shared/schemas/consent';
import { makeTestApp, ManualClock, type TestApp } from '../support/app';
import { actAs, rowCounts } from '../support/aftercare-flow';
import { addStaff, ADULT, disclosedConsultation, ink, MINOR } from '../support/consent-flow';
import { CONSULTANT, PHYSICIAN } from '../support/staff';

type View = Out<'consents.get'>;
type Consultation = Out<'consultations.get'>;
const WITNESS = '陳美玲';

function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

let t: TestApp | undefined;
let clock: ManualClock;
let physicianId: string;
afterEach(() => t?.dispose());

/** A fresh vault whose clock starts at `start`, with the clinic's staff; the consultant signed in. */
async function vaultAt(start: string): Promise<TestApp> {
  clock = new ManualClock(start);
  t = makeTestApp({ clock });
  await t.setup();
  ({ physicianId } = await addStaff(t));
  return t;
}
/** Sets the clock to `iso` and signs the consultant in again (the session idle-locks over long gaps). */
async function moveTo(app: TestApp, iso: string): Promise<void> {
  clock.advance(Date.parse(iso) - clock.now().getTime());
  await actAs(app, CONSULTANT);
}
const sign = (app: TestApp, v: View, form: ConsentForm, role: SignatureRole) =>
  app.call('consents.sign', {
    consentId: v.id,
    form,
    role,
    documentSha256: v.documentSha256,
    ink: ink(),
    ...(role === 'witness' ? { signerName: WITNESS } : {}),
    ...(role === 'physician' ? { physicianId, password: PHYSICIAN.password } : {}),
  });
const signatures = (app: TestApp) => (app.app.vault!.db.prepare('SELECT COUNT(*) AS n FROM consent_signatures').get() as { n: number }).n;
const endsAt = (c: Consultation) => Date.parse(c.consultation.coolingOffEndsAt!);
const iso = (ms: number) => new Date(ms).toISOString();

// ---------------------------------------------------------------------------------------------------------------
// Minor-ness on the clinic's date
// ---------------------------------------------------------------------------------------------------------------

/** Turns 18 on Monday 23 November 2026 (Taipei). */
const TURNING_18: PatientFieldsInput = {
  chartNo: 'C0518',
  nameZh: '吳小萱',
  sex: 'female',
  birthDate: '2008-11-23',
  phone: '0912-000-518',
  guardian: { name: '吳建宏', relation: '父', nationalId: 'A123456789', phone: '0912-000-519' },
};

describe('the guardian is required while the patient is a minor on the clinic’s date of issue', () => {
  it.each([
    ['the day before the 18th birthday (noon in Taipei)', '2026-11-22T04:00:00.000Z', true],
    ['23:59:59.999 in Taipei on the day before', '2026-11-22T15:59:59.999Z', true],
    ['00:00 in Taipei on the birthday (still the day before in UTC)', '2026-11-22T16:00:00.000Z', false],
    ['on the 18th birthday (noon in Taipei)', '2026-11-23T04:00:00.000Z', false],
    ['the day after the 18th birthday', '2026-11-24T04:00:00.000Z', false],
  ] as const)('issued %s', async (_name, issuedAt, minor) => {
    const app = await vaultAt('2026-11-20T02:00:00.000Z');
    const c = await disclosedConsultation(app, physicianId, { patient: TURNING_18 });
    await moveTo(app, issuedAt);
    const v = await app.ok('consents.issue', { consultationId: c.consultation.id });
    expect(v.roles).toEqual(minor ? ['patient', 'guardian', 'physician'] : ['patient', 'physician']);
    const patientFirst = await sign(app, v, 'procedure', 'patient');
    expect(patientFirst.ok).toBe(true);
    if (minor) {
      // The physician waits for the guardian, who may sign; then the physician may countersign.
      expect(err(await sign(app, v, 'procedure', 'physician'))).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.patientFirst' });
      expect((await sign(app, v, 'procedure', 'guardian')).ok).toBe(true);
    } else {
      expect(err(await sign(app, v, 'procedure', 'guardian'))).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.roleNotRequired' });
    }
    const done = await sign(app, v, 'procedure', 'physician');
    expect(done.ok ? done.value.status : done.error).toBe('fully_signed');
    expect(signatures(app)).toBe(minor ? 3 : 2);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The cooling-off period to the millisecond, for the patient and the guardian
// ---------------------------------------------------------------------------------------------------------------

describe('the cooling-off period holds the patient and the guardian to cooling_off_ends_at', () => {
  const cases = (['patient', 'guardian'] as const).flatMap((role) =>
    [
      ['1 ms before', -1, false],
      ['exactly at', 0, true],
      ['1 ms after', 1, true],
    ].map(([when, offset, allowed]) => [`the ${role} signing ${when as string} cooling_off_ends_at is ${allowed ? 'accepted' : 'refused'}`, role, offset as number, allowed as boolean] as const),
  );
  it.each(cases)('%s', async (_name, role, offset, allowed) => {
    const app = await vaultAt('2026-11-23T02:00:00.000Z');
    const c = await disclosedConsultation(app, physicianId, { patient: MINOR });
    const v = await app.ok('consents.issue', { consultationId: c.consultation.id });
    await moveTo(app, iso(endsAt(c) + offset));
    const r = await sign(app, v, 'procedure', role);
    const cooling = (await app.ok('consents.checklist', { consentId: v.id })).items.find((i) => i.id === 'cooling_off');
    if (allowed) {
      expect(r.ok).toBe(true);
      expect(signatures(app)).toBe(1);
      expect(cooling).toMatchObject({ ok: true, required: true });
    } else {
      expect(err(r)).toMatchObject({ code: 'cooling_off', messageKey: 'consent.errors.coolingOff', params: { until: expect.any(String) } });
      expect(signatures(app)).toBe(0);
      expect(cooling).toMatchObject({ ok: false, required: true });
    }
  });

  it.each([
    ['1 ms before the end: accepted, and the patient and the guardian may sign at once', -1, true],
    ['right after disclosure: accepted', 'disclosure', true],
    ['exactly at the end: refused as no longer needed', 0, false],
    ['1 ms after the end: refused as no longer needed', 1, false],
  ] as const)('the operating physician’s override %s', async (_name, when, accepted) => {
    const app = await vaultAt('2026-11-23T02:00:00.000Z');
    const c = await disclosedConsultation(app, physicianId, { patient: MINOR });
    const v = await app.ok('consents.issue', { consultationId: c.consultation.id });
    if (when !== 'disclosure') await moveTo(app, iso(endsAt(c) + when));
    const r = await app.call('consents.overrideCoolingOff', { consultationId: c.consultation.id, reason: '病人隔日出國，已完成術前評估', physicianId, password: PHYSICIAN.password });
    if (!accepted) {
      expect(err(r)).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.coolingOffAlreadyOver' });
      expect(rowCounts(app, ['cooling_off_overrides']).cooling_off_overrides).toBe(0);
      return;
    }
    expect(r.ok).toBe(true);
    for (const role of ['patient', 'guardian'] as const) expect((await sign(app, v, 'procedure', role)).ok).toBe(true);
    expect((await app.ok('consents.checklist', { consentId: v.id })).items.find((i) => i.id === 'cooling_off')).toMatchObject({ ok: true, detail: { override: 'yes' } });
    expect((await sign(app, v, 'procedure', 'physician')).ok).toBe(true);
  });

  it('a refused override (wrong password) leaves the patient and the guardian held to the period', async () => {
    const app = await vaultAt('2026-11-23T02:00:00.000Z');
    const c = await disclosedConsultation(app, physicianId, { patient: MINOR });
    const v = await app.ok('consents.issue', { consultationId: c.consultation.id });
    expect(err(await app.call('consents.overrideCoolingOff', { consultationId: c.consultation.id, reason: '病人隔日出國，已完成術前評估', physicianId, password: 'Wrong-Pass-2026' })).code).toBe('invalid_credentials');
    for (const role of ['patient', 'guardian'] as const) expect(err(await sign(app, v, 'procedure', role)).code).toBe('cooling_off');
    expect(signatures(app)).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Every role: too early, out of order, twice, when not required
// ---------------------------------------------------------------------------------------------------------------

interface OrderCase {
  name: string;
  patient: PatientFieldsInput;
  procedureCode: string;
  /** Whether the cooling-off period is over when the signatures are made (default: yes). */
  coolingOffOver?: boolean;
  /** Signatures made first, in this order ('form.role'). */
  before: string;
  attempt: `${ConsentForm}.${SignatureRole}`;
  /** null: accepted. */
  refused: { code: string; messageKey: string } | null;
}
/** A minor, a procedure needing a witness and anaesthesia: two forms, four roles, eight signatures. */
const FULL = { patient: MINOR, procedureCode: 'rhinoplasty_implant' };
const SIMPLE = { patient: ADULT, procedureCode: 'botulinum_toxin' };
const patientFirst = { code: 'rule_violation', messageKey: 'consent.errors.patientFirst' };
const witnessFirst = { code: 'rule_violation', messageKey: 'consent.errors.witnessFirst' };
const coolingOff = { code: 'cooling_off', messageKey: 'consent.errors.coolingOff' };
const alreadySigned = { code: 'conflict', messageKey: 'consent.errors.alreadySigned' };
const notRequired = { code: 'rule_violation', messageKey: 'consent.errors.roleNotRequired' };
const PATIENT_SIDE = 'procedure.patient procedure.guardian procedure.witness anaesthesia.guardian anaesthesia.patient anaesthesia.witness';

const ORDER_CASES: OrderCase[] = [
  // Too early: before the cooling-off period ends.
  { name: 'the patient before the cooling-off period ends', ...FULL, coolingOffOver: false, before: '', attempt: 'procedure.patient', refused: coolingOff },
  { name: 'the guardian before the cooling-off period ends', ...FULL, coolingOffOver: false, before: '', attempt: 'procedure.guardian', refused: coolingOff },
  { name: 'the witness before the cooling-off period ends (nobody could have signed yet)', ...FULL, coolingOffOver: false, before: '', attempt: 'procedure.witness', refused: patientFirst },
  { name: 'the physician before the cooling-off period ends', ...FULL, coolingOffOver: false, before: '', attempt: 'procedure.physician', refused: patientFirst },
  // Out of order.
  { name: 'the witness before anyone', ...FULL, before: '', attempt: 'procedure.witness', refused: patientFirst },
  { name: 'the witness after the patient but before the guardian', ...FULL, before: 'procedure.patient', attempt: 'procedure.witness', refused: patientFirst },
  { name: 'the witness after the guardian but before the patient', ...FULL, before: 'procedure.guardian', attempt: 'procedure.witness', refused: patientFirst },
  { name: 'the witness on the anaesthesia form when only the procedure form’s patient side has signed', ...FULL, before: 'procedure.patient procedure.guardian', attempt: 'anaesthesia.witness', refused: patientFirst },
  { name: 'the physician when only the procedure form is complete on the patient side', ...FULL, before: 'procedure.patient procedure.guardian procedure.witness', attempt: 'procedure.physician', refused: patientFirst },
  { name: 'the physician when only the anaesthesia form’s guardian is missing', ...FULL, before: 'procedure.patient procedure.guardian procedure.witness anaesthesia.patient', attempt: 'anaesthesia.physician', refused: patientFirst },
  { name: 'the physician when only the anaesthesia form’s witness is missing', ...FULL, before: 'procedure.patient procedure.guardian procedure.witness anaesthesia.patient anaesthesia.guardian', attempt: 'procedure.physician', refused: witnessFirst },
  { name: 'the adult’s physician before the patient', ...SIMPLE, before: '', attempt: 'procedure.physician', refused: patientFirst },
  // In order: accepted.
  { name: 'the guardian first, before the patient', ...FULL, before: '', attempt: 'procedure.guardian', refused: null },
  { name: 'the patient first, before the guardian', ...FULL, before: '', attempt: 'procedure.patient', refused: null },
  { name: 'the guardian on the second form before anyone signed the first', ...FULL, before: '', attempt: 'anaesthesia.guardian', refused: null },
  { name: 'the witness right after the patient and the guardian of that form, the other form untouched', ...FULL, before: 'anaesthesia.guardian anaesthesia.patient', attempt: 'anaesthesia.witness', refused: null },
  { name: 'the physician on the anaesthesia form first, once the whole patient side is in', ...FULL, before: PATIENT_SIDE, attempt: 'anaesthesia.physician', refused: null },
  // Twice.
  { name: 'the patient twice on the same form', ...FULL, before: 'procedure.patient', attempt: 'procedure.patient', refused: alreadySigned },
  { name: 'the guardian twice on the same form', ...FULL, before: 'procedure.guardian', attempt: 'procedure.guardian', refused: alreadySigned },
  { name: 'the witness twice on the same form', ...FULL, before: 'procedure.patient procedure.guardian procedure.witness', attempt: 'procedure.witness', refused: alreadySigned },
  { name: 'the physician twice on the same form', ...FULL, before: `${PATIENT_SIDE} procedure.physician`, attempt: 'procedure.physician', refused: alreadySigned },
  { name: 'anyone once the consent is fully signed (locked)', ...SIMPLE, before: 'procedure.patient procedure.physician', attempt: 'procedure.patient', refused: { code: 'rule_violation', messageKey: 'consent.errors.consentLocked' } },
  // Not required.
  { name: 'a guardian on an adult’s consent', ...SIMPLE, before: '', attempt: 'procedure.guardian', refused: notRequired },
  { name: 'a guardian on an adult’s consent once the patient has signed', ...SIMPLE, before: 'procedure.patient', attempt: 'procedure.guardian', refused: notRequired },
  { name: 'a witness where the procedure needs none', ...SIMPLE, before: 'procedure.patient', attempt: 'procedure.witness', refused: notRequired },
  { name: 'the patient on an anaesthesia form the procedure does not have', ...SIMPLE, before: '', attempt: 'anaesthesia.patient', refused: { code: 'invalid_input', messageKey: 'consent.errors.formNotInConsent' } },
];

describe('every role, in and out of order', () => {
  it.each(ORDER_CASES.map((c) => [`${c.name}: ${c.refused ? `refused (${c.refused.messageKey.split('.').pop()})` : 'accepted'}`, c] as const))('%s', async (_name, c) => {
    const app = await vaultAt('2026-11-23T02:00:00.000Z');
    const consultation = await disclosedConsultation(app, physicianId, { patient: c.patient, procedureCode: c.procedureCode });
    const v = await app.ok('consents.issue', { consultationId: consultation.consultation.id });
    if (c.coolingOffOver !== false) await moveTo(app, iso(endsAt(consultation) + 60_000));
    for (const step of c.before.split(' ').filter(Boolean)) {
      const [form, role] = step.split('.') as [ConsentForm, SignatureRole];
      const r = await sign(app, v, form, role);
      if (!r.ok) throw new Error(`setting up ${step}: ${JSON.stringify(r.error)}`);
    }
    const count = signatures(app);
    const [form, role] = c.attempt.split('.') as [ConsentForm, SignatureRole];
    const r = await sign(app, v, form, role);
    if (c.refused) {
      expect(err(r)).toMatchObject(c.refused);
      expect(signatures(app)).toBe(count);
    } else {
      expect(r.ok).toBe(true);
      expect(signatures(app)).toBe(count + 1);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The physician's checklist, one reachable gap at a time
// ---------------------------------------------------------------------------------------------------------------

describe('the physician’s checklist blocks on one item at a time', () => {
  it('no before photo: only the photos item blocks, and nothing is written', async () => {
    const app = await vaultAt('2026-11-23T02:00:00.000Z');
    const c = await disclosedConsultation(app, physicianId, { photo: false });
    const v = await app.ok('consents.issue', { consultationId: c.consultation.id });
    await moveTo(app, iso(endsAt(c)));
    expect((await sign(app, v, 'procedure', 'patient')).ok).toBe(true);
    const blocked = err(await sign(app, v, 'procedure', 'physician'));
    expect(blocked).toMatchObject({ code: 'rule_violation', messageKey: 'consent.errors.checklistIncomplete' });
    expect(blocked.issues).toEqual([{ path: ['checklist', 'photos'], messageKey: 'consent.checklist.photos' }]);
    expect(signatures(app)).toBe(1);
  });

  it('the guardian taken off the minor’s record after signing: only the guardian item blocks', async () => {
    const app = await vaultAt('2026-11-23T02:00:00.000Z');
    const c = await disclosedConsultation(app, physicianId, { patient: MINOR });
    const v = await app.ok('consents.issue', { consultationId: c.consultation.id });
    await moveTo(app, iso(endsAt(c)));
    for (const role of ['patient', 'guardian'] as const) expect((await sign(app, v, 'procedure', role)).ok).toBe(true);
    expect((await app.ok('consents.checklist', { consentId: v.id })).ready).toBe(true);
    const patient = (await app.ok('patients.get', { patientId: c.consultation.patientId })).patient;
    const { guardian: _guardian, ...withoutGuardian } = MINOR;
    await app.ok('patients.update', { patientId: patient.id, expectedVersion: patient.version, fields: withoutGuardian });
    const blocked = err(await sign(app, v, 'procedure', 'physician'));
    expect(blocked.issues).toEqual([{ path: ['checklist', 'guardian'], messageKey: 'consent.checklist.guardian' }]);
    expect(signatures(app)).toBe(2);
  });
});
