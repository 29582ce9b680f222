import type { AuditAction } from '../../../shared/schemas/audit-actions';
import type { ConsultationRecord } from '../../store/consultations/repository';
import { failField } from '../../domain/errors';
import type { ServiceContext } from '../context';
import { WrongPassword } from '../session/password-checks';

/** What a failed physician check records, per action that needs one. */
const PHYSICIAN_CHECK_FAILED = {
  'consent.sign': { refused: 'consent.sign_refused', wrongPassword: 'consent.sign_password_failed' },
  'consent.cooling_off_override': { refused: 'consent.cooling_off_override_refused', wrongPassword: 'consent.cooling_off_override_password_failed' },
  'risk_flags.assess': { refused: 'risk_flags.assess_refused', wrongPassword: 'risk_flags.assess_password_failed' },
} as const satisfies Record<string, { refused: AuditAction; wrongPassword: AuditAction }>;

/** The operating physician, re-authenticated with their password (Argon2 against their key slot). */
export async function requireOperatingPhysician(
  ctx: ServiceContext,
  c: ConsultationRecord,
  physicianId: string,
  password: string,
  action: keyof typeof PHYSICIAN_CHECK_FAILED,
): Promise<string> {
  if (physicianId !== c.physicianId) failField('rule_violation', 'physicianId', 'consent.errors.notOperatingPhysician');
  const physician = ctx.vault().staff.get(physicianId);
  if (!physician || !physician.active || physician.role !== 'physician') failField('rule_violation', 'physicianId', 'consent.errors.notOperatingPhysician');
  let ok: boolean;
  try {
    ok = await passwordVerdict(ctx, physicianId, password);
  } catch (e) {
    ctx.auditEvenIfFailed(PHYSICIAN_CHECK_FAILED[action].refused, { type: 'consultation', id: c.id }, { physicianId, reason: 'locked_out' });
    throw e;
  }
  if (!ok) {
    ctx.auditEvenIfFailed(PHYSICIAN_CHECK_FAILED[action].wrongPassword, { type: 'consultation', id: c.id }, { physicianId });
    failField('invalid_credentials', 'password', 'consent.errors.physicianPasswordWrong');
  }
  return physician.name;
}

/**
 * The router checked the password before the call joined the queue (password-checks.ts): its verdict, if it was
 * for this physician in this vault; otherwise (a direct call, the vault reopened) it is checked now.
 */
async function passwordVerdict(ctx: ServiceContext, physicianId: string, password: string): Promise<boolean> {
  const checked = ctx.checkedPassword();
  if (!checked || checked.forStaffId !== physicianId) return ctx.vault().verifyStaffPassword(physicianId, password, ctx.clock);
  if (checked.verdict.ok) return true;
  if (checked.verdict.error instanceof WrongPassword) return false;
  throw checked.verdict.error;
}
