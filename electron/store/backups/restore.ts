import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { BACKUP_FAILED_FILE, BACKUP_MANIFEST_FILE, type BackupManifest } from '../../../shared/schemas/backup';
import type { ChainCheckpoint } from '../../../shared/schemas/checkpoint';
import type { Role } from '../../../shared/schemas/staff';
import { AuditRepository } from '../audit/repository';
import { checkpointSignatureValid, signCheckpoint, writeCheckpointFile } from '../audit/checkpoint';
import { crashPoint } from '../crash-points';
import { fail } from '../../domain/errors';
import { KEYSLOTS_FILE, nameKey, openSlot, openStaffSlot, readKeySlots, writeKeySlots, type KeySlotsFile } from '../keyslots';
import { SCHEMA_VERSION } from '../migrations';
import { SettingsRepository } from '../settings/repository';
import { StaffRepository } from '../staff/repository';
import { openDatabase, migrate, vaultExists, type Clock } from '../vault';
import { DB_FILE, inspectVaultFolder, makeSetupDir } from '../vault-folder';
import { hashFile } from './files';
import { manifestSignatureValid, parseManifest } from './manifest';
import { BackupRepository } from './repository';

const MANIFEST_MAX_BYTES = 64 * 1024;

export interface CheckedBackup {
  dir: string;
  manifest: BackupManifest;
  slots: KeySlotsFile;
}

function isFile(p: string): fs.Stats | null {
  try {
    const s = fs.lstatSync(p);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/**
 * Everything that can be checked without the key, before anyone types a password: the manifest is ours and
 * names this folder (a hidden partial or a `.failed` copy never does), the app knows its schema, and every file
 * it lists is there with its size and SHA-256. Each refusal names the file.
 */
export async function checkBackupFolder(dirInput: string): Promise<CheckedBackup> {
  const dir = path.resolve(dirInput);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    fail('not_found', 'backups.errors.backupMissing', { path: dir });
  }
  if (!stat.isDirectory()) fail('invalid_input', 'backups.errors.notABackup', { path: dir });
  const manifestPath = path.join(dir, BACKUP_MANIFEST_FILE);
  const manifestStat = isFile(manifestPath);
  if (!manifestStat) {
    if (isFile(path.join(dir, BACKUP_FAILED_FILE))) fail('conflict', 'backups.errors.backupFailedVerification', { path: dir });
    if (path.basename(dir).endsWith('.partial')) fail('conflict', 'backups.errors.backupIncomplete', { path: dir });
    fail('invalid_input', 'backups.errors.notABackup', { path: dir });
  }
  const manifest = manifestStat.size <= MANIFEST_MAX_BYTES ? parseManifest(fs.readFileSync(manifestPath, 'utf8')) : null;
  if (!manifest) fail('conflict', 'backups.errors.fileDamaged', { file: BACKUP_MANIFEST_FILE });
  // Written under a hidden name and renamed only when complete: a folder under another name was never finished.
  if (path.basename(dir) !== manifest.name) fail('conflict', 'backups.errors.backupIncomplete', { path: dir });
  if (manifest.schemaVersion > SCHEMA_VERSION) fail('conflict', 'backups.errors.backupTooNew', { found: manifest.schemaVersion, supported: SCHEMA_VERSION });
  for (const f of manifest.files) {
    const s = isFile(path.join(dir, f.path));
    if (!s) fail('conflict', 'backups.errors.fileMissing', { file: f.path });
    if (s.size !== f.bytes) fail('conflict', 'backups.errors.fileDamaged', { file: f.path });
    const h = await hashFile(path.join(dir, f.path));
    if (h.sha256 !== f.sha256 || h.bytes !== f.bytes) fail('conflict', 'backups.errors.fileDamaged', { file: f.path });
  }
  let slots: KeySlotsFile;
  try {
    slots = readKeySlots(dir);
  } catch {
    fail('conflict', 'backups.errors.fileDamaged', { file: KEYSLOTS_FILE });
  }
  if (slots.vaultId !== manifest.vaultId) fail('conflict', 'backups.errors.fileDamaged', { file: KEYSLOTS_FILE });
  return { dir, manifest, slots };
}

export type RestoreCredential = { kind: 'password'; loginId: string; password: string } | { kind: 'recovery_code'; recoveryCode: string };

async function unlock(slots: KeySlotsFile, credential: RestoreCredential): Promise<{ key: Buffer; staffId: string | null }> {
  if (credential.kind === 'password') {
    const { slot, masterKey } = await openStaffSlot(slots, nameKey(credential.loginId), credential.password);
    if (!masterKey || !slot) fail('invalid_credentials', 'errors.invalid_credentials');
    return { key: masterKey, staffId: slot.staffId };
  }
  const slot = slots.slots.find((s) => s.kind === 'recovery');
  const key = slot ? await openSlot(slots.vaultId, slot, credential.recoveryCode) : null;
  if (!key) fail('invalid_credentials', 'errors.recoveryCodeWrong');
  return { key, staffId: null };
}

/** What the restored copy must prove, with the key, before it becomes a vault. */
function checkCopy(db: Database, manifest: BackupManifest): { signing: { publicKeyPem: string; privateKeyPem: string; fingerprint: string } } {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (integrity.length !== 1 || integrity[0] !== 'ok') fail('conflict', 'backups.errors.fileDamaged', { file: DB_FILE });
  const settings = new SettingsRepository(db);
  if (settings.vaultId() !== manifest.vaultId) fail('conflict', 'backups.errors.fileDamaged', { file: DB_FILE });
  const signing = settings.signingKey() ?? fail('conflict', 'backups.errors.fileDamaged', { file: DB_FILE });
  // The manifest and its checkpoint are signed with the clinic key inside the copy: an edited manifest shows here.
  if (!manifestSignatureValid(manifest, signing.publicKeyPem) || !checkpointSignatureValid(manifest.checkpoint, signing.publicKeyPem)) {
    fail('conflict', 'backups.errors.fileDamaged', { file: BACKUP_MANIFEST_FILE });
  }
  const chain = new AuditRepository(db).verifyChain();
  const cp = manifest.checkpoint.statement;
  if (!chain.ok || chain.headSeq !== cp.headSeq || chain.headHash !== cp.headHash) fail('conflict', 'backups.errors.chainDiffers', { seq: cp.headSeq });
  return { signing };
}

export interface RestoreOutcome {
  vaultPath: string;
  manifest: BackupManifest;
  headSeq: number;
  clinicName: string;
  checkpoint: ChainCheckpoint;
}

/**
 * Restores a checked backup into a new, empty folder, so that a crash at any moment leaves either a complete
 * vault or an abandoned set-up (vault-folder.ts): like set-up, the database is prepared in a hidden folder inside
 * the chosen one, moved into place, and keyslots.json (every slot the backup carries) is written last as the
 * commit mark. The vault keeps its id and signing key; its audit trail records the restore and the checkpoint it
 * continues from, and it gets a checkpoint of its own, so its chain is never compared with the old folder's.
 */
export async function restoreBackup(backup: CheckedBackup, vaultDirInput: string, credential: RestoreCredential, clock: Clock): Promise<RestoreOutcome> {
  const dir = path.resolve(vaultDirInput);
  if (dir === backup.dir || dir.startsWith(backup.dir + path.sep)) fail('invalid_input', 'backups.errors.restoreIntoBackup');
  const state = inspectVaultFolder(dir);
  if (state.kind === 'vault') fail('conflict', 'backups.errors.restoreTargetIsVault', { path: dir });
  if (state.kind === 'abandoned') fail('conflict', 'errors.abandonedSetup', { path: dir });
  if (state.kind === 'foreign') fail('conflict', 'errors.vaultNotEmpty');
  const { key, staffId } = await unlock(backup.slots, credential);
  let db: Database | undefined;
  let staging: string | undefined;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    staging = makeSetupDir(dir);
    const stagingDb = path.join(staging, DB_FILE);
    fs.copyFileSync(path.join(backup.dir, DB_FILE), stagingDb, fs.constants.COPYFILE_EXCL);
    crashPoint('restore:after-copy');
    db = openDatabase(stagingDb, key, false);
    const { signing } = checkCopy(db, backup.manifest);
    // A backup from an older version is brought up to this one, as opening it would.
    migrate(db);
    const staff = staffId ? new StaffRepository(db).get(staffId) : null;
    if (staffId && !staff?.active) fail('forbidden', 'errors.accountInactive');
    const at = clock.now().toISOString();
    const cp = backup.manifest.checkpoint;
    const db_ = db;
    const head = db_.transaction(() => {
      new BackupRepository(db_).insertRestore({
        id: randomUUID(),
        restoredAt: at,
        backupId: backup.manifest.backupId,
        backupName: backup.manifest.name,
        backupTakenAt: backup.manifest.takenAt,
        checkpointSeq: cp.statement.headSeq,
        checkpointHash: cp.statement.headHash,
        checkpointAt: cp.statement.at,
        checkpoint: JSON.stringify(cp),
        method: credential.kind,
        restoredBy: staff?.id ?? null,
      });
      return new AuditRepository(db_).append({
        at,
        actorId: staff?.id ?? null,
        actorName: staff?.name ?? null,
        actorRole: (staff?.role ?? null) as Role | null,
        action: 'vault.restored',
        subjectType: 'vault',
        subjectId: backup.manifest.vaultId,
        details: {
          backupId: backup.manifest.backupId,
          backupName: backup.manifest.name,
          backupTakenAt: backup.manifest.takenAt,
          backupSchemaVersion: backup.manifest.schemaVersion,
          supersedes: { headSeq: cp.statement.headSeq, headHash: cp.statement.headHash, at: cp.statement.at },
          method: credential.kind,
        },
      });
    })();
    const clinicName = new SettingsRepository(db).get().clinicName;
    const checkpoint = signCheckpoint({ seq: head.seq, hash: head.hash }, { chainId: backup.manifest.vaultId, at, reason: 'restore', keyFingerprint: signing.fingerprint, privateKeyPem: signing.privateKeyPem });
    db.pragma('journal_mode = DELETE');
    db.close();
    db = undefined;
    crashPoint('restore:after-database');
    fs.renameSync(stagingDb, path.join(dir, DB_FILE));
    fs.rmSync(staging, { recursive: true, force: true });
    crashPoint('restore:after-move');
    // Not the unattended-start key: its file belongs to the server the backup came from, and a restored vault starts
    // with an administrator's password until one makes a new key for this place (issue 14).
    writeKeySlots(dir, { ...backup.slots, slots: backup.slots.slots.filter((s) => s.kind !== 'unattended') });
    crashPoint('restore:after-keyslots');
    writeCheckpointFile(dir, checkpoint);
    return { vaultPath: dir, manifest: backup.manifest, headSeq: head.seq, clinicName, checkpoint };
  } catch (e) {
    db?.close();
    // Not committed: remove only what this call created (the folder held nothing of ours before).
    if (!vaultExists(dir)) {
      if (staging) fs.rmSync(staging, { recursive: true, force: true });
      for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) fs.rmSync(path.join(dir, f), { force: true });
      // A folder this call made goes too (only if nothing else was put in it meanwhile).
      if (state.kind === 'missing') {
        try {
          fs.rmdirSync(dir);
        } catch {
          /* not empty, or already gone */
        }
      }
    }
    throw e;
  } finally {
    key.fill(0);
  }
}
