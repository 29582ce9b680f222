import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { BACKUP_FAILED_FILE, BACKUP_FORMAT, BACKUP_MANIFEST_FILE, type BackupFailure, type BackupFileEntry } from '../../../shared/schemas/backup';
import type { ChainCheckpoint } from '../../../shared/schemas/checkpoint';
import { AuditRepository } from '../audit/repository';
import { signCheckpoint } from '../audit/checkpoint';
import { crashPoint } from '../crash-points';
import { KEYSLOTS_FILE } from '../keyslots';
import { SettingsRepository } from '../settings/repository';
import { DB_FILE } from '../vault-folder';
import { failureOf, fsyncDir, OWNER_FILE, fsyncFile, HashCancelled, hashFileSync, partialName, removeDeadPartials, removePartial, writeOwner, writeSynced } from './files';
import { formatManifest, signManifest } from './manifest';

/**
 * Opens an encrypted vault database read-only with the raw key: the same statements, in the same order, as the
 * vault's own opening (store/vault.ts openDatabase: cipher, legacy, key first, then a read that fails on a wrong
 * key or a file that is not a vault). Read-only, so a backup never changes the source or the copy it checks.
 */
export function openReadOnly(file: string, key: Buffer): Database {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    // Hex of the vault's own random key, never user text.
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export interface BackupTaskInput {
  dbPath: string;
  keyslotsPath: string;
  /** The vault's master key, moved into the worker; zeroed once the copy is checked. */
  key: Uint8Array;
  destination: string;
  name: string;
  backupId: string;
  takenAt: string;
  vaultId: string;
}

export type BackupTaskResult =
  | { status: 'verified'; path: string; bytes: number; headSeq: number; headHash: string; checkpoint: ChainCheckpoint; copyMs: number; verifyMs: number }
  | { status: 'failed'; path: string; failure: 'verification_failed'; detail: string; copyMs: number; verifyMs: number };

export interface BackupTaskContext {
  progress(phase: string, done: number, total: number): void;
  cancelled(): boolean;
}

/** A backup that could not be written at all (the folder, the disk): the plain-words reason travels as the error. */
export class BackupFailed extends Error {
  readonly failure: BackupFailure;
  constructor(failure: BackupFailure, cause?: unknown) {
    super(`backup failed: ${failure}`, { cause });
    this.failure = failure;
  }
}

export class BackupCancelled extends Error {}

function checkDestination(destination: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(destination);
  } catch (e) {
    throw new BackupFailed(failureOf(e) === 'not_writable' ? 'not_writable' : 'folder_missing', e);
  }
  if (!stat.isDirectory()) throw new BackupFailed('folder_missing');
}

/** What is wrong with the copy, or null when it is sound: integrity, the chain, and its head against the source's. */
function verifyCopy(copy: Database, source: Database, before: { seq: number; hash: string } | null, vaultId: string): { problem: string | null; head: { seq: number; hash: string } | null } {
  const integrity = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (integrity.length !== 1 || integrity[0] !== 'ok') return { problem: `integrity_check: ${integrity.slice(0, 3).join('; ')}`, head: null };
  const chain = new AuditRepository(copy).verifyChain();
  if (!chain.ok) return { problem: `audit chain breaks at #${chain.firstBreak?.seq ?? '?'} (${chain.firstBreak?.reason ?? '?'})`, head: null };
  const head = chain.headSeq !== null && chain.headHash !== null ? { seq: chain.headSeq, hash: chain.headHash } : null;
  if (!head) return { problem: 'the copy holds no audit events', head };
  // The copy is a snapshot taken between `before` and now: its head must be an event of the source's chain, at or after `before`.
  if (before && head.seq < before.seq) return { problem: `copy ends at #${head.seq}, the source was at #${before.seq} before the copy`, head };
  const sourceHash = new AuditRepository(source).hashAt(head.seq);
  if (sourceHash !== head.hash) return { problem: `copy head #${head.seq} is ${head.hash}, the source has ${sourceHash ?? 'no such event'}`, head };
  const copyVault = new SettingsRepository(copy).vaultId();
  if (copyVault !== vaultId) return { problem: `copy is of vault ${copyVault}`, head };
  return { problem: null, head };
}

/**
 * One backup, inside a worker thread on its own connections: VACUUM INTO a hidden partial folder (a consistent,
 * encrypted copy: same key, never plaintext), the key slots beside it, everything synced; then the copy is opened
 * read-only and checked; only then is the manifest written (signed checkpoint of the copy's head, SHA-256 of each
 * file) and the folder renamed to its final name. A copy that fails the check is kept aside as NAME.failed with
 * FAILED.txt and no manifest, so a restore refuses it. Any other failure removes the partial folder.
 */
export function runBackupTask(input: BackupTaskInput, ctx: BackupTaskContext): BackupTaskResult {
  const key = Buffer.from(input.key.buffer, input.key.byteOffset, input.key.byteLength);
  const partial = path.join(input.destination, partialName(input.name));
  const finalPath = path.join(input.destination, input.name);
  const partialDb = path.join(partial, DB_FILE);
  let source: Database | null = null;
  let copy: Database | null = null;
  let keepPartial = false;
  const stop = () => {
    if (ctx.cancelled()) throw new BackupCancelled();
  };
  const t0 = Date.now();
  try {
    checkDestination(input.destination);
    removeDeadPartials(input.destination);
    if (fs.existsSync(finalPath)) throw new BackupFailed('failed', new Error(`${finalPath} exists`));
    try {
      fs.mkdirSync(partial, { mode: 0o700 });
      writeOwner(partial);
    } catch (e) {
      throw new BackupFailed(failureOf(e), e);
    }
    source = openReadOnly(input.dbPath, key);
    const sourceBytes = fs.statSync(input.dbPath).size;
    const before = new AuditRepository(source).head();
    stop();
    ctx.progress('copying', 0, sourceBytes);
    try {
      // VACUUM INTO writes the copy with the source connection's sync setting; one fsync of the whole file right
      // after is enough (a partial copy is never used), and syncing as it writes costs about a sixth of the time.
      source.pragma('synchronous = OFF');
      source.prepare('VACUUM INTO ?').run(partialDb);
      crashPoint('backup:after-copy');
      fsyncFile(partialDb);
      writeSynced(path.join(partial, KEYSLOTS_FILE), fs.readFileSync(input.keyslotsPath));
    } catch (e) {
      throw new BackupFailed(failureOf(e), e);
    }
    const copyMs = Date.now() - t0;
    stop();

    const t1 = Date.now();
    ctx.progress('verifying', 0, 1);
    copy = openReadOnly(partialDb, key);
    const { problem, head } = verifyCopy(copy, source, before, input.vaultId);
    if (problem || !head) {
      copy.close();
      copy = null;
      keepPartial = true;
      writeSynced(path.join(partial, BACKUP_FAILED_FILE), `This copy failed verification and must not be restored.\n${problem ?? ''}\n`);
      const failedPath = freeName(`${finalPath}.failed`);
      fs.renameSync(partial, failedPath);
      fsyncDir(input.destination);
      return { status: 'failed', path: failedPath, failure: 'verification_failed', detail: problem ?? '', copyMs, verifyMs: Date.now() - t1 };
    }
    const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    const signing = new SettingsRepository(copy).signingKey();
    if (!signing) throw new BackupFailed('failed', new Error('the copy has no signing key'));
    copy.close();
    copy = null;
    stop();

    const files: BackupFileEntry[] = [];
    const dbBytes = fs.statSync(partialDb).size;
    let hashed = 0;
    for (const name of [DB_FILE, KEYSLOTS_FILE] as const) {
      const h = hashFileSync(path.join(partial, name), (n) => ctx.progress('hashing', (hashed += n), dbBytes), () => ctx.cancelled());
      files.push({ path: name, sha256: h.sha256, bytes: h.bytes });
    }
    const checkpoint = signCheckpoint(head, { chainId: input.vaultId, at: input.takenAt, reason: 'backup', keyFingerprint: signing.fingerprint, privateKeyPem: signing.privateKeyPem });
    const manifest = signManifest(
      { format: BACKUP_FORMAT, version: 1, backupId: input.backupId, name: input.name, vaultId: input.vaultId, schemaVersion, takenAt: input.takenAt, checkpoint, files },
      signing.privateKeyPem,
    );
    try {
      writeSynced(path.join(partial, BACKUP_MANIFEST_FILE), formatManifest(manifest));
      fsyncDir(partial);
    } catch (e) {
      throw new BackupFailed(failureOf(e), e);
    }
    crashPoint('backup:before-rename');
    if (fs.existsSync(finalPath)) throw new BackupFailed('failed', new Error(`${finalPath} appeared meanwhile`));
    fs.renameSync(partial, finalPath);
    fsyncDir(input.destination);
    crashPoint('backup:after-rename');
    // Kept until now so that a partial folder killed at any step can be told from a live one; not part of the backup.
    fs.rmSync(path.join(finalPath, OWNER_FILE), { force: true });
    return { status: 'verified', path: finalPath, bytes: files.reduce((n, f) => n + f.bytes, 0), headSeq: head.seq, headHash: head.hash, checkpoint, copyMs, verifyMs: Date.now() - t1 };
  } catch (e) {
    if (e instanceof HashCancelled) throw new BackupCancelled();
    throw e;
  } finally {
    copy?.close();
    source?.close();
    if (!keepPartial && fs.existsSync(partial)) removePartial(partial);
    key.fill(0);
  }
}

/** `base`, or `base-2`, `base-3`… if taken (a second failed copy of the same name). */
function freeName(base: string): string {
  if (!fs.existsSync(base)) return base;
  for (let i = 2; ; i++) if (!fs.existsSync(`${base}-${i}`)) return `${base}-${i}`;
}
