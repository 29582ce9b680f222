import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackupFailure } from '../../../shared/schemas/backup';
import { processAlive } from '../vault-folder';

/** The hidden name a backup is written under until it is complete and verified. */
export function partialName(name: string): string {
  return `.${name}.partial`;
}
const PARTIAL = /^\.consentvault-backup-[0-9-]+\.partial$/;
/** Inside a partial folder: who is writing it (host and process), so a later run can tell a dead one from a live one. */
export const OWNER_FILE = '.owner';
/** What a partial folder of ours may hold; anything else and it is not ours to remove. */
const PARTIAL_FILES = new Set([OWNER_FILE, 'vault.db', 'vault.db-journal', 'keyslots.json', 'manifest.json', 'FAILED.txt']);

/** A written file's bytes on the disk. Opened for writing: Windows flushes only a handle that may write. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A folder's entry list reaches the disk only when the folder itself is synced (not supported everywhere). */
export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* Windows and some network file systems cannot sync a folder; the rename is still atomic there. */
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Writes a file and syncs it; the caller renames the folder it is in, so no temporary sibling is needed. */
export function writeSynced(file: string, content: string | Buffer): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const CHUNK = 4 * 1024 * 1024;

/**
 * SHA-256 of a file read in 4 MiB chunks (memory stays flat for a large vault), with progress and a way to stop.
 * Synchronous: it runs inside a worker thread, or on a restore where nothing else runs.
 */
export function hashFileSync(file: string, onChunk?: (bytes: number) => void, cancelled?: () => boolean): { sha256: string; bytes: number } {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  const fd = fs.openSync(file, 'r');
  let total = 0;
  try {
    for (;;) {
      if (cancelled?.()) throw new HashCancelled();
      const n = fs.readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      total += n;
      onChunk?.(n);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes: total };
}

/** The same, without blocking the event loop (a restore in the main process hashing a large backup). */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
    const b = chunk as Buffer;
    hash.update(b);
    bytes += b.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export class HashCancelled extends Error {}

/** Which plain-words failure an operating-system or SQLite error is (see backups.failures.* in the locales). */
export function failureOf(e: unknown): BackupFailure {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'disk_full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') return 'not_writable';
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENODEV' || code === 'ENXIO') return 'folder_missing';
  if (code.startsWith('SQLITE_IOERR')) return 'disk_full';
  return 'failed';
}

export function writeOwner(partial: string): void {
  writeSynced(path.join(partial, OWNER_FILE), JSON.stringify({ host: os.hostname(), pid: process.pid }));
}

function ownerOf(partial: string): { host: string; pid: number } | null {
  try {
    const o = JSON.parse(fs.readFileSync(path.join(partial, OWNER_FILE), 'utf8')) as { host?: unknown; pid?: unknown };
    return typeof o.host === 'string' && typeof o.pid === 'number' ? { host: o.host, pid: o.pid } : null;
  } catch {
    return null;
  }
}

/**
 * Removes the hidden partial folders a killed backup left in the destination: ours by name and content, written
 * by a process of this computer that is gone. Another computer's (a shared NAS folder) or a live one's stays.
 */
export function removeDeadPartials(destination: string): string[] {
  const removed: string[] = [];
  for (const entry of fs.readdirSync(destination, { withFileTypes: true })) {
    if (!entry.isDirectory() || !PARTIAL.test(entry.name)) continue;
    const dir = path.join(destination, entry.name);
    try {
      const owner = ownerOf(dir);
      const ours = fs.readdirSync(dir, { withFileTypes: true }).every((e) => e.isFile() && PARTIAL_FILES.has(e.name));
      if (!ours || !owner || owner.host !== os.hostname() || processAlive(owner.pid)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(entry.name);
    } catch {
      /* left for the next run */
    }
  }
  return removed;
}

/** Removes a partial folder this process was writing (a failed or stopped backup). Never throws. */
export function removePartial(partial: string): void {
  try {
    const ours = fs.readdirSync(partial, { withFileTypes: true }).every((e) => e.isFile() && PARTIAL_FILES.has(e.name));
    if (ours) fs.rmSync(partial, { recursive: true, force: true });
  } catch {
    /* already gone, or the drive went away */
  }
}

/**
 * Removes one backup folder for rotation, only when it is what the record says (a manifest with this backup id, or
 * a copy kept aside with FAILED.txt) and holds nothing but our files. `gone`: the folder is not there but its parent
 * is (someone removed it); `unreachable`: the drive is not there now, so try again later.
 */
export function removeBackupFolder(dir: string, backupId: string): 'removed' | 'gone' | 'unreachable' | 'not_ours' {
  if (!fs.existsSync(dir)) return fs.existsSync(path.dirname(dir)) ? 'gone' : 'unreachable';
  try {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (!entries.every((e) => e.isFile() && PARTIAL_FILES.has(e.name))) return 'not_ours';
    const names = new Set(entries.map((e) => e.name));
    if (names.has('manifest.json')) {
      const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { backupId?: unknown };
      if (m.backupId !== backupId) return 'not_ours';
    } else if (!names.has('FAILED.txt')) {
      return 'not_ours';
    }
    fs.rmSync(dir, { recursive: true, force: true });
    return 'removed';
  } catch {
    return 'unreachable';
  }
}
