/**
 * The consent rules at their edges, case by case: who must sign (every combination of minor and witness), who may
 * sign when (every role against every state that should hold it back, on one and on two forms), when someone is a
 * minor (the 18th birthday on the clinic's date, leap-day birthdays), and the physician's checklist with its items
 * broken one at a time.
 */
import { describe, expect, it } from 'vitest';
import { checklist, type ChecklistFacts, orderViolation, patientSideComplete, requiredRoles, requiredSignatures, type SignedMark } from '../../electron/services/consents/rules';
import { ageOn, dateInZone, isMinorOn } from '../../shared/dates';
import type { ConsentForm, SignatureRole } from '../../shared/schemas/consent';

describe('who must sign', () => {
  it.each([
    ['an adult, no witness: the patient and the physician', false, false, ['patient', 'physician']],
    ['a minor, no witness: the guardian too', true, false, ['patient', 'guardian', 'physician']],
    ['an adult, a procedure that needs a witness: the witness too', false, true, ['patient', 'witness', 'physician']],
    ['a minor and a witness: all four, the physician last', true, true, ['patient', 'guardian', 'witness', 'physician']],
  ] as const)('%s', (_name, minor, witnessRequired, roles) => {
    expect(requiredRoles({ minor, witnessRequired })).toEqual(roles);
  });
});

describe('who is a minor, on the clinic’s date', () => {
  it.each([
    ['the day before the 18th birthday', '2008-11-23', '2026-11-22', 17, true],
    ['on the 18th birthday', '2008-11-23', '2026-11-23', 18, false],
    ['the day after the 18th birthday', '2008-11-23', '2026-11-24', 18, false],
    ['a month before, in the birthday year', '2008-11-23', '2026-10-23', 17, true],
    ['born on 1 January, on 31 December before', '2008-01-01', '2025-12-31', 17, true],
    ['born on 1 January, on New Year’s Day', '2008-01-01', '2026-01-01', 18, false],
    ['born on 29 February, on 28 February of a common year', '2008-02-29', '2026-02-28', 17, true],
    ['born on 29 February, on 1 March of a common year', '2008-02-29', '2026-03-01', 18, false],
    ['born on 28 February, on the leap day after the 18th birthday', '2010-02-28', '2028-02-29', 18, false],
    ['born on 1 March, on the leap day before the 18th birthday', '2010-03-01', '2028-02-29', 17, true],
    ['born on 1 March, on the 18th birthday in a leap year', '2010-03-01', '2028-03-01', 18, false],
  ] as const)('%s (born %s, on %s: age %i)', (_name, birthDate, onDate, age, minor) => {
    expect(ageOn(birthDate, onDate)).toBe(age);
    expect(isMinorOn(birthDate, onDate)).toBe(minor);
  });

  it.each([
    ['23:59:59.999 in Taipei is still the 22nd', '2026-11-22T15:59:59.999Z', '2026-11-22', true],
    ['00:00 in Taipei is the 23rd, though still the 22nd in UTC', '2026-11-22T16:00:00.000Z', '2026-11-23', false],
  ] as const)('the birthday starts at the clinic’s midnight: %s', (_name, instant, clinicDate, minor) => {
    expect(dateInZone(new Date(instant), 'Asia/Taipei')).toBe(clinicDate);
    expect(isMinorOn('2008-11-23', dateInZone(new Date(instant), 'Asia/Taipei'))).toBe(minor);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Order
// ---------------------------------------------------------------------------------------------------------------

const ONE: readonly ConsentForm[] = ['procedure'];
const TWO: readonly ConsentForm[] = ['procedure', 'anaesthesia'];
const ADULT_ROLES: readonly SignatureRole[] = ['patient', 'physician'];
const MINOR_ROLES: readonly SignatureRole[] = ['patient', 'guardian', 'physician'];
const WITNESSED: readonly SignatureRole[] = ['patient', 'witness', 'physician'];
const MINOR_WITNESSED: readonly SignatureRole[] = ['patient', 'guardian', 'witness', 'physician'];
const CONFIGS = [
  ['adult', ADULT_ROLES],
  ['minor', MINOR_ROLES],
  ['witnessed adult', WITNESSED],
  ['witnessed minor', MINOR_WITNESSED],
] as const;

const marks = (spec: string): SignedMark[] =>
  spec
    ? spec.split(' ').map((s) => {
        const [form, role] = s.split('.') as [ConsentForm, SignatureRole];
        return { form, role };
      })
    : [];
/** Everything but `except` (form.role), for a consent of these forms and roles. */
const allBut = (forms: readonly ConsentForm[], roles: readonly SignatureRole[], ...except: string[]) =>
  forms.flatMap((form) => roles.map((role) => `${form}.${role}`)).filter((k) => !except.includes(k) && !k.endsWith('.physician')).join(' ');

interface OrderCase {
  name: string;
  forms: readonly ConsentForm[];
  roles: readonly SignatureRole[];
  signed: string;
  role: SignatureRole;
  form: ConsentForm;
  expected: string | null;
}
const ORDER_CASES: OrderCase[] = [
  // The patient side signs first: patient and guardian are never held back by anyone's signature.
  ...CONFIGS.flatMap(([config, roles]) =>
    roles
      .filter((r) => r === 'patient' || r === 'guardian')
      .flatMap((role) => [
        { name: `${config}: the ${role} signs first, before anyone`, forms: TWO, roles, signed: '', role, form: 'anaesthesia' as const, expected: null },
        { name: `${config}: the ${role} signs last of the patient side`, forms: TWO, roles, signed: allBut(TWO, roles, `anaesthesia.${role}`), role, form: 'anaesthesia' as const, expected: null },
      ]),
  ),
  // The witness: after the patient and (for a minor) the guardian on that same form.
  { name: 'witnessed adult: the witness before the patient', forms: ONE, roles: WITNESSED, signed: '', role: 'witness', form: 'procedure', expected: 'consent.errors.patientFirst' },
  { name: 'witnessed adult: the witness right after the patient', forms: ONE, roles: WITNESSED, signed: 'procedure.patient', role: 'witness', form: 'procedure', expected: null },
  { name: 'witnessed minor: the witness after the patient but before the guardian', forms: ONE, roles: MINOR_WITNESSED, signed: 'procedure.patient', role: 'witness', form: 'procedure', expected: 'consent.errors.patientFirst' },
  { name: 'witnessed minor: the witness after the guardian but before the patient', forms: ONE, roles: MINOR_WITNESSED, signed: 'procedure.guardian', role: 'witness', form: 'procedure', expected: 'consent.errors.patientFirst' },
  { name: 'witnessed minor: the witness after both', forms: ONE, roles: MINOR_WITNESSED, signed: 'procedure.guardian procedure.patient', role: 'witness', form: 'procedure', expected: null },
  { name: 'witnessed minor: the witness on a form whose patient side has not signed (the other form has)', forms: TWO, roles: MINOR_WITNESSED, signed: 'procedure.guardian procedure.patient', role: 'witness', form: 'anaesthesia', expected: 'consent.errors.patientFirst' },
  { name: 'witnessed minor: the witness on the second form before the first form’s witness', forms: TWO, roles: MINOR_WITNESSED, signed: allBut(TWO, MINOR_WITNESSED, 'procedure.witness', 'anaesthesia.witness'), role: 'witness', form: 'anaesthesia', expected: null },
  // The physician: only when every other signature on every form is in.
  ...CONFIGS.flatMap(([config, roles]) => [
    { name: `${config}: the physician before anyone`, forms: TWO, roles, signed: '', role: 'physician' as const, form: 'procedure' as const, expected: 'consent.errors.patientFirst' },
    { name: `${config}: the physician once every other signature on both forms is in`, forms: TWO, roles, signed: allBut(TWO, roles), role: 'physician' as const, form: 'procedure' as const, expected: null },
    { name: `${config}: the physician on the second form after countersigning the first`, forms: TWO, roles, signed: `${allBut(TWO, roles)} procedure.physician`, role: 'physician' as const, form: 'anaesthesia' as const, expected: null },
    { name: `${config}: the physician while the patient has not signed the second form`, forms: TWO, roles, signed: allBut(TWO, roles, 'anaesthesia.patient'), role: 'physician' as const, form: 'procedure' as const, expected: 'consent.errors.patientFirst' },
  ]),
  { name: 'minor: the physician while the guardian has not signed the second form', forms: TWO, roles: MINOR_ROLES, signed: allBut(TWO, MINOR_ROLES, 'anaesthesia.guardian'), role: 'physician', form: 'procedure', expected: 'consent.errors.patientFirst' },
  { name: 'minor: the physician while the guardian has signed nothing', forms: ONE, roles: MINOR_ROLES, signed: 'procedure.patient', role: 'physician', form: 'procedure', expected: 'consent.errors.patientFirst' },
  { name: 'witnessed adult: the physician while the witness has not signed this form', forms: ONE, roles: WITNESSED, signed: 'procedure.patient', role: 'physician', form: 'procedure', expected: 'consent.errors.witnessFirst' },
  { name: 'witnessed minor: the physician while the witness has not signed the other form', forms: TWO, roles: MINOR_WITNESSED, signed: allBut(TWO, MINOR_WITNESSED, 'anaesthesia.witness'), role: 'physician', form: 'procedure', expected: 'consent.errors.witnessFirst' },
  { name: 'witnessed minor: the first form’s missing witness is named before the second form’s missing guardian', forms: TWO, roles: MINOR_WITNESSED, signed: allBut(TWO, MINOR_WITNESSED, 'procedure.witness', 'anaesthesia.guardian', 'anaesthesia.witness'), role: 'physician', form: 'anaesthesia', expected: 'consent.errors.witnessFirst' },
  { name: 'adult: a stray witness mark does not stand in for the patient', forms: ONE, roles: ADULT_ROLES, signed: 'procedure.witness', role: 'physician', form: 'procedure', expected: 'consent.errors.patientFirst' },
];

describe('the order of signatures', () => {
  /** requiredSignatures lists form by form, each in the role order of the consent. */
  const order = (k: string) => (k.startsWith('procedure') ? 0 : 10) + MINOR_WITNESSED.indexOf(k.split('.')[1] as SignatureRole);
  it.each(ORDER_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(orderViolation(c.role, c.form, c.forms, c.roles, marks(c.signed))).toBe(c.expected);
  });

  it.each(CONFIGS.flatMap(([config, roles]) => roles.filter((r) => r !== 'physician').map((missing) => [`${config}: without the ${missing} on the second form`, roles, missing] as const)))(
    'the patient side is not complete %s',
    (_name, roles, missing) => {
      const signed = marks(allBut(TWO, roles, `anaesthesia.${missing}`));
      expect(patientSideComplete(TWO, roles, signed)).toBe(false);
      expect(patientSideComplete(TWO, roles, [...signed, { form: 'anaesthesia', role: missing }])).toBe(true);
      expect(requiredSignatures(TWO, roles, signed).filter((r) => !r.signed).map((r) => `${r.form}.${r.role}`)).toEqual([`anaesthesia.${missing}`, 'procedure.physician', 'anaesthesia.physician'].sort((a, b) => order(a) - order(b)));
    },
  );

  it('a signature of a role that is not required never counts towards the patient side', () => {
    const signed = marks('procedure.guardian procedure.witness');
    expect(patientSideComplete(ONE, ADULT_ROLES, signed)).toBe(false);
    expect(requiredSignatures(ONE, ADULT_ROLES, signed).map((r) => `${r.role}:${r.signed}`)).toEqual(['patient:false', 'physician:false']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The physician's checklist, one item at a time
// ---------------------------------------------------------------------------------------------------------------

/** A witnessed minor on two forms with everything in order. */
const READY: ChecklistFacts = {
  photos: 1,
  risksTotal: 6,
  risksAcknowledged: 6,
  quoteAcknowledged: true,
  comprehensionPassed: true,
  coolingOffOver: true,
  overridden: false,
  guardianRecorded: true,
  forms: TWO,
  roles: MINOR_WITNESSED,
  signed: marks(allBut(TWO, MINOR_WITNESSED)),
  flagsToAssess: 0,
  flagsAssessed: 0,
};
const gaps = (f: ChecklistFacts) => checklist(f).filter((i) => i.required && !i.ok).map((i) => i.id);

describe('the physician’s checklist', () => {
  it('has no gap when everything is in order, and lists all nine items', () => {
    expect(gaps(READY)).toEqual([]);
    expect(checklist(READY).map((i) => i.id)).toEqual(['photos', 'risks', 'quote', 'comprehension', 'cooling_off', 'guardian', 'witness', 'patient_signatures', 'risk_flags']);
  });

  it('blocks on a risk flag the physician has not assessed in writing, and needs nothing when there is none', () => {
    expect(gaps({ ...READY, flagsToAssess: 2, flagsAssessed: 1 })).toEqual(['risk_flags']);
    expect(checklist({ ...READY, flagsToAssess: 2, flagsAssessed: 2 }).find((i) => i.id === 'risk_flags')).toMatchObject({ ok: true, required: true, detail: { assessed: 2, total: 2 } });
    expect(checklist(READY).find((i) => i.id === 'risk_flags')).toMatchObject({ ok: true, required: false });
  });

  it.each([
    ['no photo', { photos: 0 }, 'photos'],
    ['one risk of six not acknowledged', { risksAcknowledged: 5 }, 'risks'],
    ['no risk acknowledged', { risksAcknowledged: 0 }, 'risks'],
    ['the quote not acknowledged', { quoteAcknowledged: false }, 'quote'],
    ['the comprehension check not passed', { comprehensionPassed: false }, 'comprehension'],
    ['the cooling-off period not over and not overridden', { coolingOffOver: false, overridden: false }, 'cooling_off'],
    ['the guardian no longer on the patient’s record', { guardianRecorded: false }, 'guardian'],
    ['the guardian on one form of two', { signed: marks(allBut(TWO, MINOR_WITNESSED, 'anaesthesia.guardian')) }, 'guardian'],
    ['the witness on one form of two', { signed: marks(allBut(TWO, MINOR_WITNESSED, 'procedure.witness')) }, 'witness'],
    ['the patient on one form of two', { signed: marks(allBut(TWO, MINOR_WITNESSED, 'anaesthesia.patient')) }, 'patient_signatures'],
  ] as const)('blocks on %s, and on that item only', (_name, change, item) => {
    expect(gaps({ ...READY, ...change })).toEqual([item]);
  });

  it.each([
    ['one photo is enough', { photos: 1 }],
    ['every risk acknowledged', { risksAcknowledged: 6 }],
    ['the cooling-off period overridden before it ended', { coolingOffOver: false, overridden: true }],
    ['the cooling-off period over (an override as well changes nothing)', { coolingOffOver: true, overridden: true }],
  ] as const)('is satisfied at the edge: %s', (_name, change) => {
    expect(gaps({ ...READY, ...change })).toEqual([]);
  });

  it('shows an override on the cooling-off item', () => {
    expect(checklist({ ...READY, coolingOffOver: false, overridden: true }).find((i) => i.id === 'cooling_off')).toMatchObject({ ok: true, detail: { override: 'yes' } });
  });

  it.each([
    ['an adult: no guardian or witness required, whatever the record says', ADULT_ROLES, { guardianRecorded: false }],
    ['a witnessed adult: no guardian required', WITNESSED, { guardianRecorded: false }],
    ['a minor without a witness: no witness required', MINOR_ROLES, {}],
  ] as const)('does not require what the consent does not: %s', (_name, roles, change) => {
    const f = { ...READY, ...change, roles, signed: marks(allBut(TWO, roles)) };
    const items = checklist(f);
    expect(gaps(f)).toEqual([]);
    for (const id of ['guardian', 'witness'] as const) if (!roles.includes(id)) expect(items.find((i) => i.id === id)).toMatchObject({ required: false, ok: true });
  });
});
