import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { fail } from '../domain/errors';

/**
 * The unattended-start key file (issue 14): what `consentvault serve --key-file` opens the vault with when nobody is
 * at the server to type a password. It holds the random secret of the vault's one unattended-start key slot
 * (keyslots.ts), and nothing else is needed besides the vault folder: so it is written 0600, never inside the vault
 * folder or the backup folder, and is refused at start if it is readable by others or lies inside the vault.
 */
export const UNATTENDED_KEY_FORMAT = 'consentvault-unattended-key';
/** A real file is about 250 bytes: anything much larger is not one (and is not read into memory). */
const KEY_FILE_MAX_BYTES = 4096;

export const UnattendedKeyFile = z
  .object({
    format: z.literal(UNATTENDED_KEY_FORMAT),
    version: z.literal(1),
    vaultId: z.uuid(),
    keyId: z.uuid(),
    secret: z.base64().refine((s) => Buffer.from(s, 'base64').length === 32),
    createdAt: z.string().max(40),
  })
  .strict();
export type UnattendedKeyFile = z.infer<typeof UnattendedKeyFile>;

const samePathCase = process.platform === 'win32' || process.platform === 'darwin';
const comparable = (p: string): string => (samePathCase ? p.toLowerCase() : p);

/** Whether `file` is `folder` itself or anywhere under it (both already resolved through their links). */
export function isInsideFolder(file: string, folder: string): boolean {
  const rel = path.relative(comparable(folder), comparable(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The path with its folder resolved through symbolic links (the file itself may not exist yet). */
export function realPathOf(file: string): string | null {
  const resolved = path.resolve(file);
  try {
    return path.join(fs.realpathSync(path.dirname(resolved)), path.basename(resolved));
  } catch {
    return null;
  }
}

function realFolder(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/**
 * Where a new key file may go: an absolute path in a folder that exists, outside the vault folder (a copy of the
 * folder would carry its own key) and outside the backup folder; the file itself must not exist yet.
 */
export function checkKeyFilePlace(keyFile: string, vaultDir: string, backupDir: string | null): string {
  const real = realPathOf(keyFile) ?? fail('invalid_input', 'unattended.errors.folderMissing');
  if (isInsideFolder(real, realFolder(vaultDir))) fail('invalid_input', 'unattended.errors.insideVault');
  if (backupDir && isInsideFolder(real, realFolder(backupDir))) fail('invalid_input', 'unattended.errors.insideBackups');
  if (fs.existsSync(real) || isSymlink(real)) fail('conflict', 'unattended.errors.fileExists');
  return real;
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Writes the key file: created exclusively (never over another file), 0600, synced, and its folder synced, so a
 * key the vault's slot commits with is on disk. Returns nothing secret; the caller zeroes the secret.
 */
export function writeUnattendedKeyFile(file: string, key: UnattendedKeyFile): void {
  const body = Buffer.from(JSON.stringify(UnattendedKeyFile.parse(key), null, 2) + '\n', 'utf8');
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (e) {
    body.fill(0);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') fail('conflict', 'unattended.errors.fileExists');
    if (code === 'ENOENT' || code === 'ENOTDIR') fail('invalid_input', 'unattended.errors.folderMissing');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') fail('invalid_input', 'unattended.errors.notWritable');
    throw e;
  }
  try {
    // The mode given to open is lowered by the umask, never raised; fchmod makes it exactly 0600 either way.
    if (process.platform !== 'win32') fs.fchmodSync(fd, 0o600);
    fs.writeSync(fd, body);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw e;
  } finally {
    body.fill(0);
  }
  fs.closeSync(fd);
  syncFolder(path.dirname(file));
}

function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* some file systems cannot sync a folder; the file itself is synced */
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Reads a key file for `serve --key-file`: a regular file, not inside the vault folder, readable by its owner only
 * (where the file system has modes), small, and in our format. Each refusal is its own error; nothing is written.
 */
export function readUnattendedKeyFile(file: string, vaultDir: string): UnattendedKeyFile {
  const real = (() => {
    try {
      return fs.realpathSync(file);
    } catch {
      return fail('not_found', 'unattended.errors.keyFileMissing', { path: path.resolve(file) });
    }
  })();
  if (isInsideFolder(real, realFolder(vaultDir))) fail('invalid_input', 'unattended.errors.insideVault');
  const stat = fs.statSync(real);
  if (!stat.isFile() || stat.size > KEY_FILE_MAX_BYTES) fail('invalid_input', 'unattended.errors.notAKeyFile');
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    fail('invalid_input', 'unattended.errors.keyFileOpen', { mode: (stat.mode & 0o777).toString(8).padStart(4, '0') });
  }
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(real, 'utf8'));
  } catch {
    fail('invalid_input', 'unattended.errors.notAKeyFile');
  }
  const parsed = UnattendedKeyFile.safeParse(json);
  if (!parsed.success) fail('invalid_input', 'unattended.errors.notAKeyFile');
  return parsed.data;
}
