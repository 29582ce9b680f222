import type { ConsentForm, ConsentView, SignatureRole } from '../../../../shared/schemas/consent';

/**
 * Why a signature cannot be given yet (a hint for the screen; the main process enforces the same order):
 * patient and guardian wait for the cooling-off period, the witness for them, the physician for everyone else.
 */
export function waitingFor(consent: Pick<ConsentView, 'forms' | 'roles' | 'signatures' | 'override'>, form: ConsentForm, role: SignatureRole, coolingOver: boolean): 'waitCoolingOff' | 'waitPatient' | 'waitOthers' | null {
  const signed = (f: ConsentForm, r: SignatureRole) => consent.signatures.some((s) => s.form === f && s.role === r);
  if (role === 'patient' || role === 'guardian') return coolingOver || consent.override ? null : 'waitCoolingOff';
  if (role === 'witness') return consent.roles.filter((r) => r === 'patient' || r === 'guardian').every((r) => signed(form, r)) ? null : 'waitPatient';
  const others = consent.forms.every((f) => consent.roles.filter((r) => r !== 'physician').every((r) => signed(f, r)));
  return others ? null : 'waitOthers';
}
