import fs from 'node:fs';
import path from 'node:path';
import type { Out, Parsed } from '../../../shared/api';
import { BACKUP_STALE_AFTER_DAYS, type BackupHomeStatus, type BackupTrigger } from '../../../shared/schemas/backup';
import type { AppCore } from '../../app-core';
import { checkBackupFolder, restoreBackup } from '../../store/backups/restore';
import { fail, failField } from '../../domain/errors';
import { vaultExists, type Vault } from '../../store/vault';
import type { ServiceContext } from '../context';
import { failEditedElsewhere, requireVersion } from '../edited-elsewhere';
import { activeRun, backupResult, endedUnrecorded, recordOutcome, startBackupRun, waitForEnd, type BackupActor, type BackupRun } from './runs';
import { BackupSchedule } from './schedule';

const DAY_MS = 86_400_000;
/** How long a sign-out or quit waits for a backup before it gives up on it (and says so in the audit trail). */
export const BACKUP_AT_CLOSE_LIMIT_MS = 10 * 60_000;

function actorOf(ctx: ServiceContext): BackupActor {
  const s = ctx.session().staff;
  return { id: s.id, name: s.name, role: s.role };
}

/** A destination must be a folder that is there, and not the vault's own folder or inside it. */
function checkDestination(vault: Vault, destination: string, field: string): string {
  const dir = path.resolve(destination);
  let stat: fs.Stats | null;
  try {
    stat = fs.statSync(dir);
  } catch {
    stat = null;
  }
  if (!stat?.isDirectory()) failField('invalid_input', field, 'backups.failures.folder_missing');
  const vaultDir = path.resolve(vault.dir);
  if (dir === vaultDir || dir.startsWith(vaultDir + path.sep)) failField('invalid_input', field, 'backups.errors.insideVault');
  return dir;
}

function reachable(dir: string | null): boolean | null {
  if (!dir) return null;
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export function backupOverview(ctx: ServiceContext): Out<'backups.overview'> {
  const vault = ctx.vault();
  const settings = vault.backups.settings();
  const run = activeRun(ctx.app);
  return {
    settings: { ...settings, version: vault.backups.settingsLastSave().version },
    backups: vault.backups.list(100),
    lastVerified: vault.backups.lastVerified(),
    running: run
      ? { jobId: run.job.id, trigger: run.trigger, phase: run.job.phase, done: run.job.done, total: run.job.total, startedAt: run.takenAt, mine: run.job.ownerId === ctx.session().staff.id }
      : null,
    restores: vault.backups.restores(),
    destinationReachable: reachable(settings.destination),
  };
}

/** Saves the folder and the schedule over the version the screen loaded (issue 14); a stale save writes nothing. */
export function updateBackupSettings(ctx: ServiceContext, input: Parsed<'backups.updateSettings'>): Out<'backups.updateSettings'> {
  const vault = ctx.vault();
  requireVersion(ctx, vault.backups.settingsLastSave(), input.expectedVersion);
  const { expectedVersion, ...fields } = input;
  const destination = fields.destination === null ? null : checkDestination(vault, fields.destination, 'destination');
  const settings = { ...fields, destination };
  if (!vault.backups.updateSettings(settings, expectedVersion, ctx.clock.now().toISOString(), ctx.session().staff.id)) {
    failEditedElsewhere(ctx, vault.backups.settingsLastSave());
  }
  ctx.audit('backup.settings_updated', { type: 'backup_settings', id: vault.id }, {
    destinationSet: destination !== null,
    destinationHash: destination ? vault.typedTextHash(destination) : null,
    intervalHours: settings.intervalHours,
    keepDaily: settings.keepDaily,
    keepWeekly: settings.keepWeekly,
    keepMonthly: settings.keepMonthly,
  });
  return { ...settings, version: expectedVersion + 1 };
}

/** Makes a backup now. The copy runs in the job runner; its outcome is audited when it ends. */
export function startBackup(ctx: ServiceContext, input: Parsed<'backups.start'>): Out<'backups.start'> {
  const trigger: BackupTrigger = ctx.app.host.commandLine ? 'cli' : 'manual';
  const vault = ctx.vault();
  if (activeRun(ctx.app)) fail('conflict', 'backups.errors.running');
  const chosen = input.destination ?? vault.backups.settings().destination ?? failField('invalid_input', 'destination', 'backups.errors.noDestination');
  const vaultDir = path.resolve(vault.dir);
  const dir = path.resolve(chosen);
  if (dir === vaultDir || dir.startsWith(vaultDir + path.sep)) failField('invalid_input', 'destination', 'backups.errors.insideVault');
  // A folder that is not there (an unplugged drive) is the job's plain-words failure, recorded and shown on Home.
  const run = startBackupRun(ctx.app, vault, { trigger, actor: actorOf(ctx), seat: ctx.caller.seat, destination: dir });
  return { jobId: run.job.id };
}

export async function chooseBackupFolder(ctx: ServiceContext): Promise<Out<'backups.chooseFolder'>> {
  const choose = ctx.app.host.chooseFolder;
  return { path: choose ? await choose() : null };
}

/** What the administrator's Home shows: the age and place of the last verified backup, and a failure after it. */
export function backupHomeStatus(vault: Vault, now: Date): BackupHomeStatus {
  const settings = vault.backups.settings();
  const last = vault.backups.lastVerified();
  const attempt = vault.backups.lastAttempt();
  // The newest attempt (by time, then by order written) is after the last verified one whenever it failed.
  const failedAfter = attempt && attempt.status === 'failed' ? attempt : null;
  return {
    configured: settings.destination !== null,
    lastVerifiedAt: last?.takenAt ?? null,
    lastVerifiedPath: last?.path ?? null,
    stale: !last || now.getTime() - Date.parse(last.takenAt) > BACKUP_STALE_AFTER_DAYS * DAY_MS,
    lastFailure: failedAfter?.failure ? { at: failedAfter.takenAt, failure: failedAfter.failure, path: failedAfter.path } : null,
  };
}

/**
 * Whether closing the vault should make a backup first: a folder is set, the last verified backup is older than a
 * day (or there is none), and the last attempt did not fail within the hour (an unplugged drive does not hold up
 * every sign-out).
 */
export function backupDueAtClose(vault: Vault, now: Date): boolean {
  const settings = vault.backups.settings();
  if (!settings.destination) return false;
  const last = vault.backups.lastVerified();
  if (last && now.getTime() - Date.parse(last.takenAt) < DAY_MS) return false;
  const attempt = vault.backups.lastAttempt();
  return !(attempt && attempt.status === 'failed' && now.getTime() - Date.parse(attempt.takenAt) < 3_600_000);
}

/**
 * Sign-out, before the key is dropped: waits for a backup already running, or makes one when due, at most
 * `limitMs`, then records the outcome in the sign-out's own transaction (its end hook would wait for that
 * transaction, and the vault closes right after it). A backup that takes too long is stopped and recorded so.
 */
export async function backupBeforeSignOut(ctx: ServiceContext, limitMs = BACKUP_AT_CLOSE_LIMIT_MS): Promise<void> {
  const app = ctx.app;
  const vault = ctx.vault();
  // A backup that has just ended may still wait for a quiet moment to record its outcome: this is the last one.
  for (const ended of endedUnrecorded(app, vault)) recordOutcome(ended);
  if (app.host.commandLine) return;
  let run: BackupRun | null = activeRun(app);
  if (!run && backupDueAtClose(vault, ctx.clock.now())) {
    run = startBackupRun(app, vault, { trigger: 'sign_out', actor: actorOf(ctx), seat: ctx.caller.seat, destination: vault.backups.settings().destination! });
  }
  if (!run || run.vault !== vault) return;
  if (!(await waitForEnd(run.job, limitMs))) {
    run.timedOut = true;
    app.jobs.cancel(run.job.id);
    await waitForEnd(run.job, 5_000);
  }
  if (backupResult(run)) recordOutcome(run);
}

/** Quit (Electron), before the vault closes: the same rule, outside any call; the end hook records the outcome. */
export async function backupBeforeQuit(app: AppCore, limitMs = BACKUP_AT_CLOSE_LIMIT_MS): Promise<void> {
  const vault = app.vault;
  // Whoever is still signed in at quit: the desk's own person first.
  const session = app.session ?? app.sessions.all()[0] ?? null;
  if (!vault || !session || !vault.db.open || app.host.commandLine) return;
  let run: BackupRun | null = activeRun(app);
  if (!run && backupDueAtClose(vault, app.clock.now())) {
    const s = session.staff;
    run = startBackupRun(app, vault, { trigger: 'quit', actor: { id: s.id, name: s.name, role: s.role }, seat: session.seat, destination: vault.backups.settings().destination! });
  }
  if (!run) return;
  if (!(await waitForEnd(run.job, limitMs))) {
    run.timedOut = true;
    app.jobs.cancel(run.job.id);
  }
  await Promise.race([run.job.finished, new Promise((r) => setTimeout(r, 10_000).unref())]);
}

/** At sign-in: the schedule runs while the vault is open (AppCore.closeVault stops it). */
export function startBackupSchedule(app: AppCore, vault: Vault): void {
  app.backupSchedule?.stop();
  const schedule = new BackupSchedule(app, vault);
  schedule.start();
  app.backupSchedule = schedule;
}

/**
 * Set-up's "Restore from a backup": every hash first, then the password or recovery code from the backup's key
 * slots, into a new folder (never over a vault), and the installation then uses it. There is no vault open, so
 * the restore is recorded in the restored vault's own audit trail.
 */
export async function restoreFromBackup(ctx: ServiceContext, input: Parsed<'setup.restoreBackup'>): Promise<Out<'setup.restoreBackup'>> {
  if (ctx.app.sessions.all().length > 0) fail('conflict', 'errors.alreadySignedIn');
  const current = ctx.app.vaultPath();
  if (current && vaultExists(current)) fail('conflict', 'errors.vaultAlreadyConfigured');
  const checked = await checkBackupFolder(input.backupDir);
  const outcome = await restoreBackup(checked, input.vaultDir, input.credential, ctx.clock);
  ctx.app.config.save({ vaultPath: outcome.vaultPath });
  return { vaultPath: outcome.vaultPath, backupName: outcome.manifest.name, takenAt: outcome.manifest.takenAt, headSeq: outcome.headSeq, clinicName: outcome.clinicName };
}
