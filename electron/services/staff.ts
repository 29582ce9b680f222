import { randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../shared/api';
import type { StaffMember } from '../../shared/schemas/staff';
import { passwordWeaknesses } from '../../shared/schemas/staff';
import { crashPoint } from '../store/crash-points';
import { fail, failField } from '../store/errors';
import { nameKey } from '../store/keyslots';
import type { ServiceContext } from './context';

function subject(s: StaffMember) {
  return { type: 'staff', id: s.id };
}

function requireStaff(ctx: ServiceContext, staffId: string): StaffMember {
  return ctx.vault().staff.get(staffId) ?? fail('not_found', 'errors.staffNotFound');
}

function checkNotNamedInPassword(name: string, password: string, field: string): void {
  if (passwordWeaknesses(password, name).includes('validation.passwordContainsName')) failField('invalid_input', field, 'validation.passwordContainsName');
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
  const key = nameKey(input.name);
  if (vault.staff.getByNameKey(key)) failField('conflict', 'name', 'errors.nameTaken');
  const physician = input.role === 'physician';
  const member = vault.staff.insert({
    id: randomUUID(),
    name: input.name,
    nameKey: key,
    role: input.role,
    licenceNo: physician ? (input.licenceNo ?? null) : null,
    specialty: physician ? (input.specialty ?? null) : null,
    createdAt: ctx.clock.now().toISOString(),
  });
  ctx.audit('staff.added', subject(member), { name: member.name, role: member.role, licenceNo: member.licenceNo, specialty: member.specialty });
  crashPoint('staff.add:before-keyslots');
  // Key slot last: if writing it fails, the row and its audit event roll back. The slot only counts once this
  // call's transaction commits (Vault.reconcileKeySlots explains how a crash in between is settled).
  await vault.addStaffSlot(member.id, member.name, input.password, 'staff.add');
  return member;
}

export function deactivateStaff(ctx: ServiceContext, input: Parsed<'staff.deactivate'>): Out<'staff.deactivate'> {
  const vault = ctx.vault();
  const target = requireStaff(ctx, input.staffId);
  if (target.id === ctx.session().staff.id) fail('rule_violation', 'errors.cannotDeactivateSelf');
  if (!target.active) return target;
  if (target.role === 'admin' && vault.staff.activeAdminCount() <= 1) fail('rule_violation', 'errors.lastAdmin');
  const updated = vault.staff.setActive(target.id, false, ctx.clock.now().toISOString());
  ctx.audit('staff.deactivated', subject(updated), { name: updated.name, role: updated.role });
  // Without a slot, this person's password no longer decrypts the vault at all.
  vault.removeStaffSlot(target.id, 'staff.deactivate');
  return updated;
}

export async function reactivateStaff(ctx: ServiceContext, input: Parsed<'staff.reactivate'>): Promise<Out<'staff.reactivate'>> {
  const vault = ctx.vault();
  const target = requireStaff(ctx, input.staffId);
  if (target.active) return target;
  checkNotNamedInPassword(target.name, input.newPassword, 'newPassword');
  const updated = vault.staff.setActive(target.id, true, ctx.clock.now().toISOString());
  ctx.audit('staff.reactivated', subject(updated), { name: updated.name, role: updated.role });
  await vault.setStaffPassword(target.id, target.name, input.newPassword, 'staff.reactivate');
  return updated;
}

export async function resetStaffPassword(ctx: ServiceContext, input: Parsed<'staff.resetPassword'>): Promise<Out<'staff.resetPassword'>> {
  const vault = ctx.vault();
  const target = requireStaff(ctx, input.staffId);
  if (!target.active) fail('rule_violation', 'errors.staffInactive');
  checkNotNamedInPassword(target.name, input.newPassword, 'newPassword');
  ctx.audit('staff.password_reset', subject(target), { name: target.name });
  await vault.setStaffPassword(target.id, target.name, input.newPassword, 'staff.reset_password');
  return { ok: true };
}
