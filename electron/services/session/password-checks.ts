import { api, type ChannelName } from '../../../shared/api';
import type { StaffMember } from '../../../shared/schemas/staff';
import type { AppCore } from '../../app-core';
import type { Caller } from '../../sessions/registry';
import { currentStaff, idlePastLockMs } from '../../sessions/standing';
import type { Vault } from '../../store/vault';

/**
 * A password checked before the call joins the serialised path. Argon2 takes a few hundred milliseconds on
 * purpose; run inside the queue (and, for unlock, inside the transaction) it would stall every other seat. The
 * check only reads the key slots and the sign-in guard, so it may run beside other calls; the handler then uses
 * the verdict if the same vault is still open, and checks again itself otherwise.
 */
export interface CheckedPassword {
  vault: Vault;
  verdict: { ok: true; staff: StaffMember } | { ok: false; error: unknown };
  /** A physician's password typed at someone else's seat: whose it was checked as. */
  forStaffId?: string;
}

async function settle(vault: Vault, check: () => Promise<StaffMember>): Promise<CheckedPassword> {
  try {
    return { vault, verdict: { ok: true, staff: await check() } };
  } catch (error) {
    return { vault, verdict: { ok: false, error } };
  }
}

type Precheck = (app: AppCore, caller: Caller, rawInput: unknown) => Promise<CheckedPassword | null>;

/** The channels where the operating physician may type their password at someone else's seat (the fallback). */
type PhysicianFallbackChannel = 'consents.sign' | 'consents.adoptSignature' | 'consents.overrideCoolingOff' | 'riskFlags.assess';

/**
 * The physician's password at someone else's seat, checked beside the queue like a sign-in (the same lockout,
 * one check at a time per account); the handler still decides everything else (operating physician, active, role).
 */
function physicianFallback(channel: PhysicianFallbackChannel): Precheck {
  return async (app, caller, rawInput) => {
    const vault = app.vault;
    const input = api[channel].input.safeParse(rawInput);
    if (!vault || !input.success || !mayCallNow(app, caller, channel)) return null;
    const { physicianId, password, role } = input.data as { physicianId?: string; password?: string; role?: string };
    // Only a physician's own signature carries their password; anything else is the handler's to refuse.
    if (physicianId === undefined || password === undefined || (role !== undefined && role !== 'physician')) return null;
    // Checked only as an active physician's password: a wrong one counts against that account's sign-in lockout.
    const target = vault.staff.get(physicianId);
    if (!target?.active || target.role !== 'physician') return null;
    const checked = await settle(vault, async () => {
      const staff = (await vault.verifyStaffPassword(physicianId, password, app.clock)) ? vault.staff.get(physicianId) : null;
      if (!staff) throw new WrongPassword();
      return staff;
    });
    return { ...checked, forStaffId: physicianId };
  };
}

/**
 * Whether the router will let this caller make this call now (signed in, unlocked and not idle past the lock,
 * not a signing tablet, still active, no password change pending, a role the channel allows). Only then is a
 * physician's password worth checking: otherwise a refused caller (a tablet, a receptionist) could make Argon2
 * run and count failures against someone's sign-in lockout without the handler ever running to audit them.
 */
function mayCallNow(app: AppCore, caller: Caller, channel: ChannelName): boolean {
  const vault = app.vault;
  const session = app.sessions.get(caller.sessionId);
  if (!vault || !session || session.locked || session.scope) return false;
  const current = currentStaff(vault.staff, session);
  if (!current || current.passwordChangeRequired || !(api[channel].access as readonly string[]).includes(current.role)) return false;
  return idlePastLockMs(session, vault.clinicSettings().idleLockMinutes, app.clock.now()) === null;
}

const PRECHECKS: Partial<Record<ChannelName, Precheck>> = {
  'consents.sign': physicianFallback('consents.sign'),
  'consents.adoptSignature': physicianFallback('consents.adoptSignature'),
  'consents.overrideCoolingOff': physicianFallback('consents.overrideCoolingOff'),
  'riskFlags.assess': physicianFallback('riskFlags.assess'),
  /** Another seat signing in while the vault is open: a key-slot check, not a second open. */
  'session.signIn': async (app, caller, rawInput) => {
    const vault = app.vault;
    const input = api['session.signIn'].input.safeParse(rawInput);
    if (!vault || !input.success || app.sessions.get(caller.sessionId) || !vaultStaysOpen(app)) return null;
    return settle(vault, () => vault.checkSignIn(input.data.loginId, input.data.password, app.clock));
  },
  'session.unlock': async (app, caller, rawInput) => {
    const vault = app.vault;
    const session = app.sessions.get(caller.sessionId);
    const input = api['session.unlock'].input.safeParse(rawInput);
    // A signing tablet may not unlock (the router refuses it): its guesses must not reach the staff member's lockout.
    if (!vault || !session?.locked || session.scope || !input.success) return null;
    const staff = session.staff;
    return settle(vault, async () => {
      if (!(await vault.verifyStaffPassword(staff.id, input.data.password, app.clock))) throw new WrongPassword();
      return staff;
    });
  },
};

/** The unlock check's "no" (the handler audits it and answers invalid_credentials). */
export class WrongPassword extends Error {}

/** Sign-in opens the vault only when nobody else is using it; otherwise the open vault checks the key slot. */
export function vaultStaysOpen(app: AppCore): boolean {
  return app.keepVaultOpen || app.sessions.all().length > 0;
}

export function passwordPrecheck(channel: unknown): Precheck | null {
  return typeof channel === 'string' && Object.prototype.hasOwnProperty.call(PRECHECKS, channel) ? (PRECHECKS[channel as ChannelName] ?? null) : null;
}
