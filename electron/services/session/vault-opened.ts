import type { CheckpointCheck } from '../../../shared/schemas/checkpoint';
import type { AppCore } from '../../app-core';
import { accountSubject } from '../../store/session/signin-guard';
import type { Clock, Vault } from '../../store/vault';
import { startBackupSchedule } from '../backups/backups';

/**
 * What every opening of the vault does, whoever opens it (a sign-in with a password, the server's unattended
 * start): failed sign-ins counted while it was closed join the chain, the chain is compared with the checkpoint
 * signed at the last close, and `recordOpening` audits the opening (and a mismatch) in that same transaction;
 * then scheduled backups start and a job worker loads ahead for the next export, backup or verification.
 * One place, so a second engine or a new way in cannot open a vault that skips one of these.
 * Throws before anything starts if the transaction fails; the caller closes the vault then.
 */
export function vaultOpened(app: AppCore, vault: Vault, clock: Clock, recordOpening: (chain: CheckpointCheck) => void): void {
  // A chain shorter than the checkpoint it signed at the last close, or rewritten under it, is reported now.
  const chain = vault.checkCheckpoint();
  vault.transaction(() => {
    replayFailedSignIns(vault);
    recordOpening(chain);
  });
  app.chainAlert = chain.state === 'ok' ? null : chain;
  // From now on the chain is compared with a checkpoint; the missing one was reported above.
  if (chain.state === 'missing') vault.writeCheckpoint('opened_without_checkpoint', clock.now());
  startBackupSchedule(app, vault);
  app.jobs.prepareSpare();
}

/**
 * Failed sign-ins were counted before the vault could be opened; they join the chain now (also at a recovery). A known name's
 * failures name the staff member; a name that matched nobody is only "an unknown name" (it was never stored).
 */
export function replayFailedSignIns(vault: Vault): void {
  for (const e of vault.guard.takePending()) {
    const { subjectType, subjectId, bucket } = accountSubject(e.account);
    vault.appendAudit({
      at: e.at,
      actorId: null,
      actorName: null,
      actorRole: null,
      action: e.action,
      subjectType,
      subjectId,
      details: { ...(bucket ? { bucket } : {}), failures: e.failures, lockedUntil: e.lockedUntil },
    });
  }
}
