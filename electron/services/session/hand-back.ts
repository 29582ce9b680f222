import type { Out, Parsed } from '../../../shared/api';
import { fail, failField } from '../../domain/errors';
import type { ServiceContext } from '../context';

/**
 * The staff member takes the screen back from the patient (reading mode, later the tablet signing view). The
 * password is the signed-in person's, checked against their key slot with the sign-in lockout, so a patient
 * holding the screen cannot leave it for the staff app. Refusals outlive the failed call in the audit trail.
 */
export async function handBack(ctx: ServiceContext, input: Parsed<'session.handBack'>): Promise<Out<'session.handBack'>> {
  const staff = ctx.session().staff;
  const c = ctx.vault().consultations.get(input.consultationId) ?? fail('not_found', 'errors.consultationNotFound');
  const subject = { type: 'consultation', id: c.id } as const;
  const details = { patientId: c.patientId, view: input.view };
  let ok: boolean;
  try {
    ok = await ctx.vault().verifyStaffPassword(staff.id, input.password, ctx.clock);
  } catch (e) {
    ctx.auditEvenIfFailed('patient_view.hand_back_refused', subject, { ...details, reason: 'locked_out' });
    throw e;
  }
  if (!ok) {
    ctx.auditEvenIfFailed('patient_view.hand_back_failed', subject, details);
    failField('invalid_credentials', 'password', 'safety.handBack.wrongPassword');
  }
  ctx.audit('patient_view.handed_back', subject, details);
  return { ok: true };
}
