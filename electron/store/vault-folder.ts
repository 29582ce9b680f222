import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../domain/errors';
import { KEYSLOTS_FILE } from './keyslots';
import { GUARD_FILE } from './session/signin-guard';

export const DB_FILE = 'vault.db';
const DB_SIDE_FILES = new Set(['-wal', '-shm', '-journal'].map((s) => DB_FILE + s));
const SETUP_DIR_PREFIX = '.consentvault-setup-';
const SETUP_DIR = /^\.consentvault-setup-[0-9a-f]{16}$/;
/** writeFileAtomic's temporary siblings: `.<name>.<pid>.<ms>.tmp`. */
const TEMP_FILE = /^\.(keyslots|signin-guard)\.json\.(\d+)\.\d+\.tmp$/;

/**
 * What a chosen folder holds, judged by our own file names only:
 * - vault: keyslots.json is there (set-up's commit mark): a complete vault, never cleared;
 * - abandoned: nothing but our files without keyslots.json (a vault.db, a hidden set-up folder, …), left by a
 *   set-up that was killed; its master key died with it, so its database can never be opened;
 * - foreign: anything else is in it (the person's own files): not ours to touch.
 */
export type FolderState = { kind: 'missing' } | { kind: 'empty' } | { kind: 'vault' } | { kind: 'abandoned'; ours: string[] } | { kind: 'foreign' };

function isOwnDatabaseFile(name: string): boolean {
  return name === DB_FILE || DB_SIDE_FILES.has(name);
}

/** A hidden set-up folder of ours: our name, and only database files inside (a link or anything else is not ours). */
function isSetupDir(dir: string, entry: fs.Dirent): boolean {
  if (!entry.isDirectory() || !SETUP_DIR.test(entry.name)) return false;
  return fs.readdirSync(path.join(dir, entry.name), { withFileTypes: true }).every((e) => e.isFile() && isOwnDatabaseFile(e.name));
}

function isOwnEntry(dir: string, entry: fs.Dirent): boolean {
  if (entry.isDirectory()) return isSetupDir(dir, entry);
  return entry.isFile() && (isOwnDatabaseFile(entry.name) || entry.name === GUARD_FILE || TEMP_FILE.test(entry.name));
}

export function inspectVaultFolder(dir: string): FolderState {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ENOTDIR') fail('conflict', 'errors.notAFolder');
    throw e;
  }
  if (entries.some((e) => e.name === KEYSLOTS_FILE)) return { kind: 'vault' };
  if (entries.length === 0) return { kind: 'empty' };
  if (entries.every((e) => isOwnEntry(dir, e))) return { kind: 'abandoned', ours: entries.map((e) => e.name).sort() };
  return { kind: 'foreign' };
}

/** True when the folder holds only an abandoned set-up (for app.status); false for anything else or an unreadable path. */
export function isAbandonedSetup(dir: string): boolean {
  try {
    return inspectVaultFolder(dir).kind === 'abandoned';
  } catch {
    return false;
  }
}

/**
 * Removes an abandoned set-up so set-up can run again; returns the names removed. Refuses a complete vault
 * and a folder with anything that is not ours, and removes nothing from either.
 */
export function clearAbandonedSetup(dir: string): string[] {
  const state = inspectVaultFolder(dir);
  if (state.kind === 'vault') fail('conflict', 'errors.completeVaultNotCleared');
  if (state.kind === 'foreign') fail('conflict', 'errors.vaultNotEmpty');
  if (state.kind !== 'abandoned') return [];
  for (const name of state.ours) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  return state.ours;
}

/** A fresh hidden folder inside the chosen one, where set-up builds the database before moving it into place. */
export function makeSetupDir(dir: string): string {
  const staging = path.join(dir, `${SETUP_DIR_PREFIX}${randomBytes(8).toString('hex')}`);
  fs.mkdirSync(staging, { mode: 0o700 });
  return staging;
}

/** Whether a process with this id runs on this computer (one we may not signal still runs). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * In a complete vault: removes what a crash left behind, a set-up folder killed after keyslots.json was written
 * and temporary key files of processes that are gone (a killed write's copy of old key slots). Best effort:
 * a leftover that cannot be removed now harms nothing and is tried again at the next open.
 */
export function removeCrashLeftovers(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    try {
      const temp = entry.isFile() ? TEMP_FILE.exec(entry.name) : null;
      const stale = temp ? Number(temp[2]) !== process.pid && !processAlive(Number(temp[2])) : isSetupDir(dir, entry);
      if (stale) fs.rmSync(path.join(dir, entry.name), { recursive: true, force: true });
    } catch (e) {
      console.error('[vault] crash leftover not removed:', entry.name, e);
    }
  }
}
