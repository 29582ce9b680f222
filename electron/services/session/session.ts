import type { Out, Parsed } from '../../../shared/api';
import { passwordWeaknesses } from '../../../shared/schemas/staff';
import type { AppCore, Session } from '../../app-core';
import { fail, failField } from '../../domain/errors';
import { nameKey } from '../../store/keyslots';
import { accountSubject, SignInRefused, staffAccount } from '../../store/session/signin-guard';
import { idlePastLockMs } from '../../sessions/standing';
import { Vault } from '../../store/vault';
import { backupBeforeSignOut } from '../backups/backups';
import type { ServiceContext } from '../context';
import { vaultStaysOpen, WrongPassword } from './password-checks';
import { replayFailedSignIns, vaultOpened } from './vault-opened';

function requireVaultPath(app: AppCore): string {
  return app.vaultPath() ?? fail('conflict', 'errors.setupRequired');
}

export async function signIn(ctx: ServiceContext, input: Parsed<'session.signIn'>): Promise<Out<'session.signIn'>> {
  const { app, caller } = ctx;
  if (app.sessions.get(caller.sessionId)) fail('conflict', 'errors.alreadySignedIn');
  if (app.vault && vaultStaysOpen(app)) return signInToOpenVault(ctx, input);
  const dir = requireVaultPath(app);
  app.closeVault();
  const { vault, staff } = await Vault.openWithPassword(dir, input.loginId, input.password, ctx.clock);
  app.vault = vault;
  const session = app.sessions.open(caller.seat, staff, ctx.clock.now());
  caller.sessionId = session.id;
  try {
    vaultOpened(app, vault, ctx.clock, (chain) => {
      if (chain.state !== 'ok') ctx.audit('audit.checkpoint_mismatch', { type: 'vault', id: vault.id }, { ...chain });
      ctx.audit('session.signed_in', { type: 'staff', id: staff.id });
    });
  } catch (e) {
    app.closeVault();
    throw e;
  }
  return app.sessionInfo(session)!;
}

/**
 * Another seat signs in while the vault is open: the key slot is checked (outside the serialised path, see
 * password-checks.ts) and a session of its own is opened; nobody else is signed out.
 */
async function signInToOpenVault(ctx: ServiceContext, input: Parsed<'session.signIn'>): Promise<Out<'session.signIn'>> {
  const { app, caller } = ctx;
  const vault = ctx.vault();
  const checked = ctx.checkedPassword()?.verdict;
  let staff;
  try {
    if (checked && !checked.ok) throw checked.error;
    staff = checked?.ok ? checked.staff : await vault.checkSignIn(input.loginId, input.password, ctx.clock);
  } catch (e) {
    // The vault is open, so the failed attempt joins the chain now (it outlives the failed call), under this seat.
    for (const f of e instanceof SignInRefused ? e.failedAttempts : []) {
      const { subjectType, subjectId, bucket } = accountSubject(f.account);
      ctx.auditEvenIfFailed(f.action, { type: subjectType, id: subjectId }, {
        ...(bucket ? { bucket } : {}),
        failures: f.failures,
        lockedUntil: f.lockedUntil,
      });
    }
    throw e;
  }
  const session = app.sessions.open(caller.seat, staff, ctx.clock.now());
  caller.sessionId = session.id;
  // Sign-in is a public channel, so no transaction surrounds it: the event gets one of its own (synced before
  // the answer), and a session whose event could not be written is not kept.
  try {
    vault.transaction(() => ctx.audit('session.signed_in', { type: 'staff', id: staff.id }));
  } catch (e) {
    app.sessions.end(session.id);
    caller.sessionId = null;
    throw e;
  }
  return app.sessionInfo(session)!;
}

/** A lost administrator password: the recovery code from set-up opens the vault and sets a new one. */
export async function recover(ctx: ServiceContext, input: Parsed<'session.recover'>): Promise<Out<'session.recover'>> {
  const { app } = ctx;
  if (app.session) fail('conflict', 'errors.alreadySignedIn');
  const dir = requireVaultPath(app);
  app.closeVault();
  const vault = await Vault.openWithRecoveryCode(dir, input.recoveryCode, ctx.clock);
  try {
    const admin = vault.staff.getByLoginKey(nameKey(input.adminLoginId));
    if (!admin || admin.role !== 'admin' || !admin.active) failField('rule_violation', 'adminLoginId', 'errors.notAdmin');
    if (passwordWeaknesses(input.newPassword, admin.name).length > 0 || passwordWeaknesses(input.newPassword, admin.loginId).length > 0) {
      failField('invalid_input', 'newPassword', 'validation.passwordContainsName');
    }
    await vault.runInTransaction(async () => {
      replayFailedSignIns(vault);
      vault.appendAudit({
        at: ctx.clock.now().toISOString(),
        actorId: null,
        actorName: null,
        actorRole: null,
        action: 'session.recovered',
        subjectType: 'staff',
        subjectId: admin.id,
        details: { name: admin.name, method: 'recovery_code' },
      });
      // The administrator chose this password themselves.
      vault.staff.setPasswordChangeRequired(admin.id, false);
      // The key slot is rewritten last: if it fails, the audit event rolls back with it.
      await vault.setStaffPassword(admin.id, admin.loginId, input.newPassword, 'session.recover');
    });
    // The recovered administrator must be able to sign in at once.
    vault.guard.recordSuccess(staffAccount(admin.id));
    return { ok: true };
  } finally {
    vault.close();
  }
}

export async function signOut(ctx: ServiceContext): Promise<Out<'session.signOut'>> {
  const { app, caller } = ctx;
  const session = ctx.session();
  const last = !app.keepVaultOpen && app.sessions.all().every((s) => s.id === session.id);
  // Before the key is dropped: a backup when the last verified one is older than a day (bounded in time).
  if (last) await backupBeforeSignOut(ctx);
  ctx.audit('session.signed_out', { type: 'staff', id: session.staff.id });
  ctx.afterCommit(() => {
    app.sessions.end(session.id);
    if (caller.sessionId === session.id) caller.sessionId = null;
    app.jobs.cancelOwnedBy(session.staff.id);
    // The last person out closes the vault; with other seats signed in (or the clinic server) it stays open and
    // the chain's head is signed now, as at every sign-out.
    if (last) app.closeVault('sign_out');
    else app.vault?.writeCheckpoint('sign_out', app.clock.now());
  });
  return { ok: true };
}

export function heartbeat(ctx: ServiceContext): Out<'session.heartbeat'> {
  return ctx.app.sessionInfo(ctx.session()) ?? fail('unauthenticated');
}

export function lock(ctx: ServiceContext, input: Parsed<'session.lock'>): Out<'session.lock'> {
  const session = ctx.session();
  if (!session.locked) {
    ctx.app.sessions.lock(session.id);
    ctx.audit('session.locked', { type: 'staff', id: session.staff.id }, { reason: input.reason ?? 'manual' });
  }
  return ctx.app.sessionInfo(ctx.session())!;
}

/** Called by the router when a call arrives after the idle limit: the main process enforces the lock too. */
export function lockIfIdle(app: AppCore, session: Session): boolean {
  if (session.locked || !app.vault) return false;
  const idleMs = idlePastLockMs(session, app.vault.clinicSettings().idleLockMinutes, app.clock.now());
  if (idleMs === null) return false;
  app.sessions.lock(session.id);
  const vault = app.vault;
  vault.transaction(() =>
    vault.appendAudit({
      at: app.clock.now().toISOString(),
      actorId: session.staff.id,
      actorName: session.staff.name,
      actorRole: session.staff.role,
      action: 'session.locked',
      subjectType: 'staff',
      subjectId: session.staff.id,
      details: { reason: 'idle', idleMinutes: Math.floor(idleMs / 60_000) },
      seat: session.seat,
    }),
  );
  return true;
}

export async function unlock(ctx: ServiceContext, input: Parsed<'session.unlock'>): Promise<Out<'session.unlock'>> {
  const session = ctx.session();
  if (!session.locked) return ctx.app.sessionInfo(session)!;
  const subject = { type: 'staff', id: session.staff.id } as const;
  const checked = ctx.checkedPassword()?.verdict;
  let ok: boolean;
  try {
    if (checked) {
      if (!checked.ok && !(checked.error instanceof WrongPassword)) throw checked.error;
      ok = checked.ok && checked.staff.id === session.staff.id;
    } else {
      ok = await ctx.vault().verifyStaffPassword(session.staff.id, input.password, ctx.clock);
    }
  } catch (e) {
    ctx.auditEvenIfFailed('session.unlock_refused', subject, { reason: 'locked_out' });
    throw e;
  }
  if (!ok) {
    ctx.auditEvenIfFailed('session.unlock_failed', subject);
    fail('invalid_credentials', 'errors.invalid_credentials');
  }
  ctx.app.sessions.unlock(session.id, ctx.clock.now());
  ctx.audit('session.unlocked', subject);
  return ctx.app.sessionInfo(ctx.session())!;
}

/**
 * Changes one's own password: only this person's key slot is rewrapped. It also ends a password an
 * administrator set (the session may then do everything its role allows).
 */
export async function changePassword(ctx: ServiceContext, input: Parsed<'account.changePassword'>): Promise<Out<'account.changePassword'>> {
  const session = ctx.session();
  const staff = session.staff;
  const subject = { type: 'staff', id: staff.id } as const;
  const named = [staff.name, staff.loginId].some((n) => passwordWeaknesses(input.newPassword, n).includes('validation.passwordContainsName'));
  if (named) failField('invalid_input', 'newPassword', 'validation.passwordContainsName');
  if (input.newPassword === input.currentPassword) failField('rule_violation', 'newPassword', 'errors.samePassword');
  const ok = await ctx.vault().verifyStaffPassword(staff.id, input.currentPassword, ctx.clock);
  if (!ok) {
    ctx.auditEvenIfFailed('account.password_change_failed', subject);
    failField('invalid_credentials', 'currentPassword', 'errors.invalid_credentials');
  }
  ctx.audit('account.password_changed', subject, staff.passwordChangeRequired ? { replacedTemporary: true } : {});
  ctx.vault().staff.setPasswordChangeRequired(staff.id, false);
  await ctx.vault().setStaffPassword(staff.id, staff.loginId, input.newPassword, 'account.change_password');
  ctx.afterCommit(() => ctx.app.sessions.refresh(session.id, { ...session.staff, passwordChangeRequired: false }));
  return { ok: true };
}
