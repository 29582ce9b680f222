import fs from 'node:fs';
import type { Out, Parsed } from '../../../shared/api';
import type { Role } from '../../../shared/schemas/staff';
import type { UnattendedKeyStatus } from '../../../shared/schemas/unattended-key';
import type { AppCore } from '../../app-core';
import { fail } from '../../domain/errors';
import { checkKeyFilePlace, readUnattendedKeyFile } from '../../store/unattended-key';
import { Vault } from '../../store/vault';
import type { ServiceContext } from '../context';
import { isPairedSeat } from '../evidence/seat-files';
import { vaultOpened } from '../session/vault-opened';

/**
 * Unattended start of the clinic server (issue 14). By default an administrator unlocks the vault when the server
 * starts (`consentvault serve --as NAME`), so the key is only ever in that process's memory. An administrator may
 * instead turn on an unattended-start key: a key slot sealed by a random secret that lives only in a key file on
 * the server's disk, with which `serve --key-file` starts with nobody there. The price is that the file and the
 * vault folder together open everything; the warning says so wherever it is made.
 *
 * Who a start with the key is: there is no session (nobody signed in), so the events of the start name the
 * administrator who made the key as actor, with `via: 'unattended_key'` and the key's id in their details. That
 * administrator answers for the key; when they are deactivated or stop being an administrator the key goes.
 */

/** The key file names a path on the computer that keeps the vault: a paired seat may not write there. */
function requireServerScreen(ctx: ServiceContext, channel: string): void {
  if (!isPairedSeat(ctx.caller.seat)) return;
  ctx.auditEvenIfFailed('access.forbidden', null, { channel, reason: 'server_screen_only' });
  fail('forbidden', 'unattended.errors.serverScreenOnly');
}

function statusOf(vault: Vault): UnattendedKeyStatus {
  const key = vault.unattendedKey();
  if (!key) return { active: false, keyId: null, createdAt: null, createdByName: null, creatorActive: null };
  const creator = vault.staff.get(key.createdBy);
  return { active: true, keyId: key.keyId, createdAt: key.createdAt, createdByName: creator?.name ?? null, creatorActive: Boolean(creator?.active && creator.role === 'admin') };
}

export function unattendedKeyStatus(ctx: ServiceContext): Out<'seats.unattendedKeyStatus'> {
  return statusOf(ctx.vault());
}

export function createUnattendedKey(ctx: ServiceContext, input: Parsed<'seats.createUnattendedKey'>): Out<'seats.createUnattendedKey'> {
  requireServerScreen(ctx, 'seats.createUnattendedKey');
  const vault = ctx.vault();
  const admin = ctx.session().staff;
  const keyFile = checkKeyFilePlace(input.keyFile, vault.dir, vault.backups.settings().destination);
  const made = vault.createUnattendedKey(admin.id, keyFile);
  try {
    // The path is typed text: the trail keeps its keyed hash, like a backup folder's.
    ctx.audit('unattended_key.created', { type: 'vault', id: vault.id }, { keyId: made.keyId, replacedKeyId: made.replacedKeyId, keyFileHash: vault.typedTextHash(keyFile) });
  } catch (e) {
    // Its slot rolls back with the call: the file would open nothing, so it does not stay behind.
    fs.rmSync(keyFile, { force: true });
    throw e;
  }
  return { keyId: made.keyId, keyFile, createdAt: made.createdAt, replacedKeyId: made.replacedKeyId };
}

export function revokeUnattendedKey(ctx: ServiceContext): Out<'seats.revokeUnattendedKey'> {
  requireServerScreen(ctx, 'seats.revokeUnattendedKey');
  const vault = ctx.vault();
  const revoked = vault.revokeUnattendedKey();
  if (revoked) ctx.audit('unattended_key.revoked', { type: 'vault', id: vault.id }, { keyId: revoked.keyId, createdBy: revoked.createdBy, createdAt: revoked.createdAt });
  return { active: false, keyId: null, createdAt: null, createdByName: null, creatorActive: null };
}

/**
 * `consentvault serve --key-file`: opens the configured vault with the key file and keeps it open for the server.
 * What a sign-in does at opening happens here too (failed sign-ins counted while the vault was closed join the
 * chain, the chain is compared with its checkpoint, scheduled backups start), and the start itself is audited as
 * `server.started_unattended`. A refused key file throws before anything is written.
 */
export async function openUnattended(app: AppCore, keyFilePath: string): Promise<UnattendedStart> {
  const dir = app.vaultPath() ?? fail('conflict', 'errors.setupRequired');
  const key = readUnattendedKeyFile(keyFilePath, dir);
  app.closeVault();
  const { vault, creator } = await Vault.openWithUnattendedKey(dir, key, app.clock);
  app.vault = vault;
  app.keepVaultOpen = true;
  try {
    const at = app.clock.now().toISOString();
    const seat = app.deskCaller.seat;
    const actor = { actorId: creator.id, actorName: creator.name, actorRole: creator.role };
    vaultOpened(app, vault, app.clock, (chain) => {
      if (chain.state !== 'ok') vault.appendAudit({ ...actor, at, action: 'audit.checkpoint_mismatch', subjectType: 'vault', subjectId: vault.id, details: { ...chain }, seat });
      vault.appendAudit({ ...actor, at, action: 'server.started_unattended', subjectType: 'vault', subjectId: vault.id, details: { via: 'unattended_key', keyId: key.keyId }, seat });
    });
  } catch (e) {
    app.keepVaultOpen = false;
    app.closeVault();
    throw e;
  }
  return { keyId: key.keyId, actor: { actorId: creator.id, actorName: creator.name, actorRole: creator.role } };
}

/** Who the events of an unattended start are recorded as (the key's administrator), and the key's id. */
export interface UnattendedStart {
  keyId: string;
  actor: { actorId: string; actorName: string; actorRole: Role };
}

