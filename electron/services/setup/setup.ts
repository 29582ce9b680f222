import path from 'node:path';
import type { Out, Parsed } from '../../../shared/api';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../../shared/schemas/settings';
import { passwordWeaknesses } from '../../../shared/schemas/staff';
import { fail, failField } from '../../domain/errors';
import { Vault, vaultExists } from '../../store/vault';
import { clearAbandonedSetup, isAbandonedSetup } from '../../store/vault-folder';
import type { ServiceContext } from '../context';
import { ClinicClientError, pairWithServer } from '../../server/client';

export function appStatus(ctx: ServiceContext): Out<'app.status'> {
  const { seat } = ctx.caller;
  const session = ctx.app.sessions.get(ctx.caller.sessionId);
  // A paired device learns nothing of the server's folders (they are offered only on the server's own screen).
  if (seat.kind !== 'desk' && seat.kind !== 'cli') {
    return { setupRequired: false, vaultPath: null, session: ctx.app.sessionInfo(session), canChooseFolder: false, defaultVaultPath: '', abandonedSetup: false, seat: { kind: seat.kind, name: seat.name } };
  }
  const vaultPath = ctx.app.vaultPath();
  const setupRequired = !vaultPath || !vaultExists(vaultPath);
  const folder = vaultPath ?? ctx.app.host.defaultVaultPath;
  return {
    setupRequired,
    vaultPath,
    session: ctx.app.sessionInfo(session),
    canChooseFolder: Boolean(ctx.app.host.chooseFolder),
    defaultVaultPath: ctx.app.host.defaultVaultPath,
    abandonedSetup: setupRequired && folder !== '' && isAbandonedSetup(path.resolve(folder)),
    seat: { kind: seat.kind, name: seat.name },
  };
}

/**
 * "Connect to the clinic's server": pairs this desktop with the server (the code proves the certificate it
 * presents, which is then pinned) and keeps the credential in this computer's settings. The server audits the
 * pairing; this computer has no vault of its own to audit in.
 */
export async function connectToServer(ctx: ServiceContext, input: Parsed<'setup.connectToServer'>): Promise<Out<'setup.connectToServer'>> {
  const config = ctx.app.config.load();
  if (config.clinicServer) fail('conflict', 'seats.errors.alreadyConnected');
  if (config.vaultPath && vaultExists(config.vaultPath)) fail('conflict', 'errors.vaultAlreadyConfigured');
  let paired;
  try {
    paired = await pairWithServer(input.address.trim().replace(/\/$/, ''), input.code);
  } catch (e) {
    if (e instanceof ClinicClientError) failField(e.status === 0 ? 'conflict' : 'invalid_input', e.status === 0 ? 'address' : 'code', e.messageKey);
    failField('conflict', 'address', 'seats.errors.serverUnavailable');
  }
  ctx.app.config.save({ ...config, clinicServer: paired });
  return { deviceName: paired.deviceName, certificateSha256: paired.certificateSha256 };
}

/**
 * Clears a set-up that was interrupted (vault files without keyslots.json): only our own file names, never a
 * complete vault, never a folder holding anything else. There is no vault, so nothing can be audited.
 */
export function clearAbandoned(ctx: ServiceContext, input: Parsed<'setup.clearAbandoned'>): Out<'setup.clearAbandoned'> {
  const current = ctx.app.vaultPath();
  if (current && vaultExists(current)) fail('conflict', 'errors.vaultAlreadyConfigured');
  return { removed: clearAbandonedSetup(path.resolve(input.vaultDir)) };
}

export async function chooseVaultFolder(ctx: ServiceContext): Promise<Out<'setup.chooseVaultFolder'>> {
  const choose = ctx.app.host.chooseFolder;
  return { path: choose ? await choose() : null };
}

/** First run: creates the vault with its first administrator, and returns the recovery code to show once. */
export async function createVault(ctx: ServiceContext, input: Parsed<'setup.createVault'>): Promise<Out<'setup.createVault'>> {
  const current = ctx.app.vaultPath();
  if (current && vaultExists(current)) fail('conflict', 'errors.vaultAlreadyConfigured');
  const named = [input.adminName, input.adminLoginId ?? ''].some((n) => passwordWeaknesses(input.adminPassword, n).includes('validation.passwordContainsName'));
  if (named) {
    failField('invalid_input', 'adminPassword', 'validation.passwordContainsName');
  }
  const dir = path.resolve(input.vaultDir);
  const { vault, recoveryCode } = await Vault.create(
    dir,
    {
      clinicName: input.clinicName,
      timeZone: input.timeZone,
      idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
      adminName: input.adminName,
      ...(input.adminLoginId !== undefined ? { adminLoginId: input.adminLoginId } : {}),
      adminPassword: input.adminPassword,
    },
    ctx.clock,
  );
  // The chain's first checkpoint, so a vault that never reaches a sign-out can still be compared at the next open.
  try {
    vault.writeCheckpoint('created', ctx.clock.now());
  } finally {
    // The person signs in next with the password they chose; nothing stays unlocked.
    vault.close();
  }
  ctx.app.config.save({ vaultPath: dir });
  return { recoveryCode, vaultPath: dir };
}
