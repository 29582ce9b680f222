import { randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../../shared/api';
import type { Role, StaffMember } from '../../../shared/schemas/staff';
import { passwordWeaknesses } from '../../../shared/schemas/staff';
import { crashPoint } from '../../store/crash-points';
import { fail, failField } from '../../domain/errors';
import { nameKey } from '../../store/keyslots';
import type { ServiceContext } from '../context';
import { failEditedElsewhere, requireVersion } from '../edited-elsewhere';
import { endSessions } from '../seats/seats';

function subject(s: StaffMember) {
  return { type: 'staff', id: s.id } as const;
}

function requireStaff(ctx: ServiceContext, staffId: string): StaffMember {
  return ctx.vault().staff.get(staffId) ?? fail('not_found', 'errors.staffNotFound');
}

/** An active staff member (optionally of one of `roles`), or a field error: whom a record names as owner or team. */
export function requireActiveStaff(ctx: ServiceContext, id: string, field: string | (string | number)[], roles?: readonly Role[]): StaffMember {
  const s = ctx.vault().staff.get(id);
  if (!s || !s.active || (roles && !roles.includes(s.role))) failField('rule_violation', field, 'aftercare.errors.unknownStaff');
  return s;
}

/** A password must contain neither the person's name nor their login id. */
function checkNotNamedInPassword(member: { name: string; loginId: string }, password: string, field: string): void {
  const named = [member.name, member.loginId].some((n) => passwordWeaknesses(password, n).includes('validation.passwordContainsName'));
  if (named) failField('invalid_input', field, 'validation.passwordContainsName');
}

export function listStaff(ctx: ServiceContext, input: Parsed<'staff.list'>): Out<'staff.list'> {
  return ctx.vault().staff.list(input.includeInactive ?? false);
}

export function listPhysicians(ctx: ServiceContext): Out<'staff.physicians'> {
  return ctx
    .vault()
    .staff.list(false)
    .filter((s) => s.role === 'physician' && s.licenceNo && s.specialty)
    .map((s) => ({ id: s.id, name: s.name, licenceNo: s.licenceNo!, specialty: s.specialty! }));
}

export async function addStaff(ctx: ServiceContext, input: Parsed<'staff.add'>): Promise<Out<'staff.add'>> {
  const vault = ctx.vault();
  // Names may repeat (two 陳怡君); the login id tells people apart and must be unique.
  const loginId = input.loginId ?? input.name;
  const key = nameKey(loginId);
  if (vault.staff.getByLoginKey(key)) failField('conflict', input.loginId === undefined ? 'name' : 'loginId', 'staffAccounts.errors.loginIdTaken');
  const physician = input.role === 'physician';
  const temporary = input.temporaryPassword ?? true;
  const member = vault.staff.insert({
    id: randomUUID(),
    name: input.name,
    loginId,
    loginKey: key,
    role: input.role,
    licenceNo: physician ? (input.licenceNo ?? null) : null,
    specialty: physician ? (input.specialty ?? null) : null,
    passwordChangeRequired: temporary,
    createdAt: ctx.clock.now().toISOString(),
  });
  ctx.audit('staff.added', subject(member), {
    name: member.name,
    loginId: member.loginId,
    role: member.role,
    licenceNo: member.licenceNo,
    specialty: member.specialty,
    passwordChangeRequired: temporary,
  });
  crashPoint('staff.add:before-keyslots');
  // Key slot last: if writing it fails, the row and its audit event roll back. The slot only counts once this
  // call's transaction commits (Vault.reconcileKeySlots explains how a crash in between is settled).
  await vault.addStaffSlot(member.id, member.loginId, input.password, 'staff.add');
  return member;
}

export function deactivateStaff(ctx: ServiceContext, input: Parsed<'staff.deactivate'>): Out<'staff.deactivate'> {
  const vault = ctx.vault();
  const target = requireStaff(ctx, input.staffId);
  if (target.id === ctx.session().staff.id) fail('rule_violation', 'errors.cannotDeactivateSelf');
  if (!target.active) return target;
  if (target.role === 'admin' && vault.staff.activeAdminCount() <= 1) fail('rule_violation', 'errors.lastAdmin');
  const updated = vault.staff.setActive(target.id, false, ctx.clock.now().toISOString());
  // Signed in at other seats (or a tablet acting for them): those sessions end with the deactivation.
  const ended = ctx.app.sessions.all().filter((s) => s.staff.id === target.id);
  ctx.audit('staff.deactivated', subject(updated), { name: updated.name, role: updated.role, sessionsEnded: ended.length });
  // Without a slot, this person's password no longer decrypts the vault at all.
  vault.removeStaffSlot(target.id, 'staff.deactivate');
  ctx.afterCommit(() => endSessions(ctx.app, ended));
  return updated;
}

export async function reactivateStaff(ctx: ServiceContext, input: Parsed<'staff.reactivate'>): Promise<Out<'staff.reactivate'>> {
  const vault = ctx.vault();
  const target = requireStaff(ctx, input.staffId);
  if (target.active) return target;
  checkNotNamedInPassword(target, input.newPassword, 'newPassword');
  vault.staff.setActive(target.id, true, ctx.clock.now().toISOString());
  // The administrator chose this password: the person replaces it at their next sign-in.
  vault.staff.setPasswordChangeRequired(target.id, true);
  const updated = requireStaff(ctx, target.id);
  ctx.audit('staff.reactivated', subject(updated), { name: updated.name, role: updated.role, passwordChangeRequired: true });
  await vault.setStaffPassword(target.id, target.loginId, input.newPassword, 'staff.reactivate');
  return updated;
}

export async function resetStaffPassword(ctx: ServiceContext, input: Parsed<'staff.resetPassword'>): Promise<Out<'staff.resetPassword'>> {
  const vault = ctx.vault();
  const target = requireStaff(ctx, input.staffId);
  if (!target.active) fail('rule_violation', 'errors.staffInactive');
  checkNotNamedInPassword(target, input.newPassword, 'newPassword');
  // Someone else's password set by an administrator is temporary; one's own reset counts as one's own choice.
  const temporary = target.id !== ctx.session().staff.id;
  vault.staff.setPasswordChangeRequired(target.id, temporary);
  ctx.audit('staff.password_reset', subject(target), { name: target.name, passwordChangeRequired: temporary });
  await vault.setStaffPassword(target.id, target.loginId, input.newPassword, 'staff.reset_password');
  return { ok: true };
}

const sameProfile = (a: { role: string; licenceNo: string | null; specialty: string | null }, b: typeof a) =>
  a.role === b.role && a.licenceNo === b.licenceNo && a.specialty === b.specialty;

/**
 * Corrects a staff member's role, licence number or specialty (they print on consents). The previous values are
 * kept as a revision; consents already issued keep what they printed. Nobody changes their own role (an
 * administrator could lock themselves out), and the last active administrator stays one.
 */
export function updateStaffProfile(ctx: ServiceContext, input: Parsed<'staff.update'>): Out<'staff.update'> {
  const vault = ctx.vault();
  const target = requireStaff(ctx, input.staffId);
  const lastSave = () => vault.staff.lastSave(target.id) ?? fail('not_found', 'errors.staffNotFound');
  // Another administrator changed this person since the form loaded: nothing of this change is written.
  requireVersion(ctx, lastSave(), input.expectedVersion);
  if (!target.active) fail('rule_violation', 'errors.staffInactive');
  const me = ctx.session().staff;
  if (target.id === me.id && input.role !== target.role) failField('rule_violation', 'role', 'staffAccounts.errors.ownRole');
  if (target.role === 'admin' && input.role !== 'admin' && vault.staff.activeAdminCount() <= 1) failField('rule_violation', 'role', 'errors.lastAdmin');
  const physician = input.role === 'physician';
  const next = { role: input.role, licenceNo: physician ? input.licenceNo : null, specialty: physician ? input.specialty : null };
  if (sameProfile(next, target)) return target;
  const at = ctx.clock.now().toISOString();
  const updated =
    vault.staff.updateProfile(target.id, input.expectedVersion, next, { staffId: me.id, at, revisionId: randomUUID() }) ?? failEditedElsewhere(ctx, lastSave());
  ctx.audit('staff.updated', subject(updated), {
    name: updated.name,
    before: { role: target.role, licenceNo: target.licenceNo, specialty: target.specialty },
    after: next,
  });
  return updated;
}

/** The history of a staff member's role, licence number and specialty, newest first. */
export function staffHistory(ctx: ServiceContext, input: Parsed<'staff.history'>): Out<'staff.history'> {
  requireStaff(ctx, input.staffId);
  return ctx.vault().staff.revisions(input.staffId);
}
