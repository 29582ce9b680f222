import { api, type ChannelName } from '../../../shared/api';
import type { StaffMember } from '../../../shared/schemas/staff';
import type { AppCore } from '../../app-core';
import type { Caller } from '../../sessions/registry';
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
}

async function settle(vault: Vault, check: () => Promise<StaffMember>): Promise<CheckedPassword> {
  try {
    return { vault, verdict: { ok: true, staff: await check() } };
  } catch (error) {
    return { vault, verdict: { ok: false, error } };
  }
}

type Precheck = (app: AppCore, caller: Caller, rawInput: unknown) => Promise<CheckedPassword | null>;

const PRECHECKS: Partial<Record<ChannelName, Precheck>> = {
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
    if (!vault || !session?.locked || !input.success) return null;
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
