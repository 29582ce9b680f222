import path from 'node:path';
import type { Out, Parsed } from '../../shared/api';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../shared/schemas/settings';
import { passwordWeaknesses } from '../../shared/schemas/staff';
import { fail, failField } from '../store/errors';
import { Vault, vaultExists } from '../store/vault';
import type { ServiceContext } from './context';

export function appStatus(ctx: ServiceContext): Out<'app.status'> {
  const vaultPath = ctx.app.vaultPath();
  return {
    setupRequired: !vaultPath || !vaultExists(vaultPath),
    vaultPath,
    session: ctx.app.sessionInfo(),
    canChooseFolder: Boolean(ctx.app.host.chooseFolder),
    defaultVaultPath: ctx.app.host.defaultVaultPath,
  };
}

export async function chooseVaultFolder(ctx: ServiceContext): Promise<Out<'setup.chooseVaultFolder'>> {
  const choose = ctx.app.host.chooseFolder;
  return { path: choose ? await choose() : null };
}

/** First run: creates the vault with its first administrator, and returns the recovery code to show once. */
export async function createVault(ctx: ServiceContext, input: Parsed<'setup.createVault'>): Promise<Out<'setup.createVault'>> {
  const current = ctx.app.vaultPath();
  if (current && vaultExists(current)) fail('conflict', 'errors.vaultAlreadyConfigured');
  if (passwordWeaknesses(input.adminPassword, input.adminName).includes('validation.passwordContainsName')) {
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
      adminPassword: input.adminPassword,
    },
    ctx.clock,
  );
  // The person signs in next with the password they chose; nothing stays unlocked.
  vault.close();
  ctx.app.config.save({ vaultPath: dir });
  return { recoveryCode, vaultPath: dir };
}
