import { canonicalJson } from '../../../shared/canonical-json';
import type { ChecklistItem, ConsentForm, SignatureRole } from '../../../shared/schemas/consent';

/** A fully signed consent can be used for treatment for this long; after that the patient signs anew. */
export const CONSENT_VALID_DAYS = 90;
export const DAY_MS = 86_400_000;

/** Who must sign: the patient; a guardian for a minor; a witness where the procedure requires one; the physician. */
export function requiredRoles(opts: { minor: boolean; witnessRequired: boolean }): SignatureRole[] {
  const roles: SignatureRole[] = ['patient'];
  if (opts.minor) roles.push('guardian');
  if (opts.witnessRequired) roles.push('witness');
  roles.push('physician');
  return roles;
}

/** Everyone but the physician: the "patient side" that signs first. */
export const PATIENT_SIDE: readonly SignatureRole[] = ['patient', 'guardian', 'witness'];

export interface SignedMark {
  form: ConsentForm;
  role: SignatureRole;
}

const has = (signed: readonly SignedMark[], form: ConsentForm, role: SignatureRole) => signed.some((s) => s.form === form && s.role === role);

/**
 * The order within a consent: patient and guardian (either first, only after the cooling-off period), then the
 * witness who saw them sign that form, then the physician once every other signature on every form is in.
 * Returns the locale key of the rule broken, or null.
 */
export function orderViolation(role: SignatureRole, form: ConsentForm, forms: readonly ConsentForm[], roles: readonly SignatureRole[], signed: readonly SignedMark[]): string | null {
  if (role === 'witness') {
    if (['patient', 'guardian'].some((r) => roles.includes(r as SignatureRole) && !has(signed, form, r as SignatureRole))) return 'consent.errors.patientFirst';
  }
  if (role === 'physician') {
    for (const f of forms) {
      if (roles.some((r) => (r === 'patient' || r === 'guardian') && !has(signed, f, r))) return 'consent.errors.patientFirst';
      if (roles.includes('witness') && !has(signed, f, 'witness')) return 'consent.errors.witnessFirst';
    }
  }
  return null;
}

/** Every required signature, with whether it is in. */
export function requiredSignatures(forms: readonly ConsentForm[], roles: readonly SignatureRole[], signed: readonly SignedMark[]): (SignedMark & { signed: boolean })[] {
  return forms.flatMap((form) => roles.map((role) => ({ form, role, signed: has(signed, form, role) })));
}

export function patientSideComplete(forms: readonly ConsentForm[], roles: readonly SignatureRole[], signed: readonly SignedMark[]): boolean {
  return requiredSignatures(forms, roles, signed).every((r) => r.role === 'physician' || r.signed);
}

export interface ChecklistFacts {
  photos: number;
  risksTotal: number;
  risksAcknowledged: number;
  quoteAcknowledged: boolean;
  comprehensionPassed: boolean;
  coolingOffOver: boolean;
  overridden: boolean;
  guardianRecorded: boolean;
  forms: readonly ConsentForm[];
  roles: readonly SignatureRole[];
  signed: readonly SignedMark[];
  /** Risk flags the physician must assess in writing (contraindications present, body image), and how many are. */
  flagsToAssess: number;
  flagsAssessed: number;
}

/** What the physician sees before countersigning; any required item not ok blocks the signature. */
export function checklist(f: ChecklistFacts): ChecklistItem[] {
  const signedAll = (role: SignatureRole) => f.forms.filter((form) => has(f.signed, form, role)).length;
  const needsGuardian = f.roles.includes('guardian');
  const needsWitness = f.roles.includes('witness');
  return [
    { id: 'photos', ok: f.photos > 0, required: true, detail: { count: f.photos } },
    { id: 'risks', ok: f.risksAcknowledged === f.risksTotal, required: true, detail: { acknowledged: f.risksAcknowledged, total: f.risksTotal } },
    { id: 'quote', ok: f.quoteAcknowledged, required: true, detail: {} },
    { id: 'comprehension', ok: f.comprehensionPassed, required: true, detail: {} },
    { id: 'cooling_off', ok: f.coolingOffOver || f.overridden, required: true, detail: f.overridden ? { override: 'yes' } : {} },
    { id: 'guardian', ok: !needsGuardian || (f.guardianRecorded && signedAll('guardian') === f.forms.length), required: needsGuardian, detail: { signed: signedAll('guardian'), forms: f.forms.length } },
    { id: 'witness', ok: !needsWitness || signedAll('witness') === f.forms.length, required: needsWitness, detail: { signed: signedAll('witness'), forms: f.forms.length } },
    { id: 'patient_signatures', ok: signedAll('patient') === f.forms.length, required: true, detail: { signed: signedAll('patient'), forms: f.forms.length } },
    { id: 'risk_flags', ok: f.flagsAssessed >= f.flagsToAssess, required: f.flagsToAssess > 0, detail: { assessed: f.flagsAssessed, total: f.flagsToAssess } },
  ];
}

/** The stored stroke record: pad size and points, as canonical JSON (what strokes_sha256 covers). */
export function strokesRecord(pad: { width: number; height: number }, strokes: unknown): string {
  return canonicalJson({ pad, strokes });
}
