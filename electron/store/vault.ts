import { generateKeyPairSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ClinicSettings } from '../../shared/schemas/settings';
import type { Role, StaffMember } from '../../shared/schemas/staff';
import { AuditRepository, type AuditEntry } from './audit';
import { newRecoveryCode, sha256Hex } from './crypto';
import { DomainError, fail } from './errors';
import { KEYSLOTS_FILE, makeRecoverySlot, makeStaffSlot, nameKey, openSlot, readKeySlots, spendDecoyWork, writeKeySlots, type KeySlotsFile } from './keyslots';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { SettingsRepository } from './settings';
import { GUARD_FILE, SignInGuard } from './signin-guard';
import { StaffRepository } from './staff';
import { PatientRepository } from './patients';
import { CatalogueRepository } from './catalogue';
import { ConsultationRepository } from './consultations';
import { CommunicationRepository } from './communications';
import { ConsentRepository } from './consents';
import { AftercareStore } from './aftercare';
import { EvidenceRepository } from './evidence';

export const DB_FILE = 'vault.db';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface NewVault {
  clinicName: string;
  timeZone: string;
  idleLockMinutes: number;
  adminName: string;
  adminPassword: string;
}

/** Opens (or creates) the encrypted database with the raw 256-bit key; the key is the very first statement. */
function openDatabase(file: string, key: Buffer, create: boolean): Database {
  if (!create && !fs.existsSync(file)) fail('conflict', 'errors.notAVault');
  const db = new Sqlite(file, { fileMustExist: !create });
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    // Hex of our own random key, never user text.
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    // PRAGMA key answers ok even with a wrong key: read at once so a bad file fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    // Without this, INSERT OR REPLACE deletes rows without firing DELETE triggers (the audit trail's guard).
    db.pragma('recursive_triggers = ON');
    return db;
  } catch (e) {
    db.close();
    if (e instanceof DomainError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') fail('conflict', 'errors.notAVault');
    throw e;
  }
}

/** Runs the numbered migrations the vault has not seen yet, each in its own transaction. */
function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) fail('conflict', 'errors.vaultTooNew', { found: current, supported: SCHEMA_VERSION });
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${Number(m.version)}`);
    })();
  }
}

function isEmptyOrMissing(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length === 0;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    if (code === 'ENOTDIR') fail('conflict', 'errors.notAFolder');
    throw e;
  }
}

export function vaultExists(dir: string): boolean {
  return fs.existsSync(path.join(dir, KEYSLOTS_FILE));
}

function requireFolder(dir: string): void {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) fail('not_found', 'errors.vaultMissing', { path: dir });
}

/**
 * An open vault: the decrypted database plus the key slots. Only the store touches SQL and keys;
 * services use the repositories.
 */
export class Vault {
  readonly staff: StaffRepository;
  readonly settings: SettingsRepository;
  readonly audit: AuditRepository;
  readonly patients: PatientRepository;
  private catalogueRepo: CatalogueRepository | null = null;
  private consultationRepo: ConsultationRepository | null = null;
  private communicationRepo: CommunicationRepository | null = null;
  private consentRepo: ConsentRepository | null = null;
  private aftercareStore: AftercareStore | null = null;
  private evidenceRepo: EvidenceRepository | null = null;
  readonly guard: SignInGuard;
  private masterKey: Buffer;
  private readonly vaultId: string;

  readonly dir: string;
  readonly db: Database;

  private constructor(dir: string, db: Database, masterKey: Buffer) {
    this.dir = dir;
    this.db = db;
    this.masterKey = masterKey;
    this.staff = new StaffRepository(db);
    this.settings = new SettingsRepository(db);
    this.audit = new AuditRepository(db);
    this.patients = new PatientRepository(db);
    this.guard = new SignInGuard(dir);
    this.vaultId = this.settings.vaultId();
  }

  get catalogue(): CatalogueRepository {
    return (this.catalogueRepo ??= new CatalogueRepository(this.db));
  }

  get consultations(): ConsultationRepository {
    return (this.consultationRepo ??= new ConsultationRepository(this.db));
  }

  get communications(): CommunicationRepository {
    return (this.communicationRepo ??= new CommunicationRepository(this.db));
  }

  get aftercare(): AftercareStore {
    return (this.aftercareStore ??= new AftercareStore(this.db));
  }

  get consents(): ConsentRepository {
    return (this.consentRepo ??= new ConsentRepository(this.db));
  }

  get evidence(): EvidenceRepository {
    return (this.evidenceRepo ??= new EvidenceRepository(this.db));
  }

  static async create(dir: string, init: NewVault, clock: Clock = systemClock): Promise<{ vault: Vault; recoveryCode: string; admin: StaffMember }> {
    if (!isEmptyOrMissing(dir)) fail('conflict', 'errors.vaultNotEmpty');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const masterKey = randomBytes(32);
    const vaultId = randomUUID();
    const recoveryCode = newRecoveryCode();
    const adminId = randomUUID();
    // Argon2 work first, so nothing is on disk if it fails.
    const adminSlot = await makeStaffSlot(vaultId, masterKey, adminId, init.adminName, init.adminPassword);
    const recoverySlot = await makeRecoverySlot(vaultId, masterKey, recoveryCode);
    let db: Database | undefined;
    try {
      db = openDatabase(path.join(dir, DB_FILE), masterKey, true);
      migrate(db);
      const at = clock.now().toISOString();
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const db_ = db;
      db_.transaction(() => {
        const settings = new SettingsRepository(db_);
        settings.insert(vaultId, { clinicName: init.clinicName, timeZone: init.timeZone, idleLockMinutes: init.idleLockMinutes }, at);
        settings.insertSigningKey({
          id: randomUUID(),
          publicKeyPem,
          privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          fingerprint: sha256Hex(publicKey.export({ type: 'spki', format: 'der' })),
          createdAt: at,
        });
        const admin = new StaffRepository(db_).insert({
          id: adminId, name: init.adminName, nameKey: nameKey(init.adminName), role: 'admin', licenceNo: null, specialty: null, createdAt: at,
        });
        const audit = new AuditRepository(db_);
        const actor = { actorId: admin.id, actorName: admin.name, actorRole: 'admin' as Role };
        audit.append({ ...actor, at, action: 'vault.created', subjectType: 'vault', subjectId: vaultId,
          details: { clinicName: init.clinicName, timeZone: init.timeZone, schemaVersion: SCHEMA_VERSION } });
        audit.append({ ...actor, at, action: 'staff.added', subjectType: 'staff', subjectId: admin.id, details: { name: admin.name, role: 'admin' } });
      })();
      const slots: KeySlotsFile = { format: 'consentvault-keyslots', version: 1, vaultId, cipher: 'sqlcipher-v4', slots: [adminSlot, recoverySlot] };
      writeKeySlots(dir, slots);
      const vault = new Vault(dir, db, masterKey);
      return { vault, recoveryCode, admin: vault.staff.get(adminId)! };
    } catch (e) {
      db?.close();
      // The folder was empty: remove only what this call created.
      for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, KEYSLOTS_FILE]) fs.rmSync(path.join(dir, f), { force: true });
      masterKey.fill(0);
      throw e;
    }
  }

  /** Unlocks with a staff member's password; counts failures and enforces the lockout. */
  static async openWithPassword(dir: string, name: string, password: string, clock: Clock = systemClock): Promise<{ vault: Vault; staff: StaffMember }> {
    requireFolder(dir);
    const slots = readKeySlots(dir);
    const guard = new SignInGuard(dir);
    const key = nameKey(name);
    const now = clock.now();
    const wait = guard.retryAfterMs(key, now);
    if (wait > 0) fail('locked', 'errors.lockedOut', { seconds: Math.ceil(wait / 1000) });
    const slot = slots.slots.find((s) => s.kind === 'staff' && s.nameKey === key);
    const masterKey = slot ? await openSlot(slots.vaultId, slot, password) : (await spendDecoyWork(password), null);
    if (!masterKey) {
      const lockMs = guard.recordFailure(key, now);
      if (lockMs > 0) fail('locked', 'errors.lockedOut', { seconds: Math.ceil(lockMs / 1000) });
      fail('invalid_credentials', 'errors.invalid_credentials');
    }
    const vault = Vault.openWithKey(dir, masterKey);
    const staff = slot && slot.kind === 'staff' ? vault.staff.get(slot.staffId) : null;
    if (!staff || !staff.active) {
      vault.close();
      fail('forbidden', 'errors.accountInactive');
    }
    guard.recordSuccess(key);
    return { vault, staff };
  }

  /** Unlocks with the recovery code printed at set-up (for a lost administrator password). */
  static async openWithRecoveryCode(dir: string, recoveryCode: string, clock: Clock = systemClock): Promise<Vault> {
    requireFolder(dir);
    const slots = readKeySlots(dir);
    const guard = new SignInGuard(dir);
    const key = 'recovery:';
    const now = clock.now();
    const wait = guard.retryAfterMs(key, now);
    if (wait > 0) fail('locked', 'errors.lockedOut', { seconds: Math.ceil(wait / 1000) });
    const slot = slots.slots.find((s) => s.kind === 'recovery');
    const masterKey = slot ? await openSlot(slots.vaultId, slot, recoveryCode) : null;
    if (!masterKey) {
      const lockMs = guard.recordFailure(key, now, { action: 'session.recovery_failed' });
      if (lockMs > 0) fail('locked', 'errors.lockedOut', { seconds: Math.ceil(lockMs / 1000) });
      fail('invalid_credentials', 'errors.recoveryCodeWrong');
    }
    guard.recordSuccess(key);
    return Vault.openWithKey(dir, masterKey);
  }

  private static openWithKey(dir: string, masterKey: Buffer): Vault {
    let db: Database | undefined;
    try {
      db = openDatabase(path.join(dir, DB_FILE), masterKey, false);
      migrate(db);
      return new Vault(dir, db, masterKey);
    } catch (e) {
      db?.close();
      masterKey.fill(0);
      throw e;
    }
  }

  /** Checks a staff member's password against their slot (idle unlock, password change, re-signing). */
  async verifyStaffPassword(staffId: string, password: string, clock: Clock = systemClock): Promise<boolean> {
    const slots = readKeySlots(this.dir);
    const slot = slots.slots.find((s) => s.kind === 'staff' && s.staffId === staffId);
    if (!slot || slot.kind !== 'staff') return false;
    const wait = this.guard.retryAfterMs(slot.nameKey, clock.now());
    if (wait > 0) fail('locked', 'errors.lockedOut', { seconds: Math.ceil(wait / 1000) });
    const key = await openSlot(slots.vaultId, slot, password);
    const ok = key !== null && key.length === this.masterKey.length && timingSafeEqual(key, this.masterKey);
    key?.fill(0);
    // The vault is open, so the caller audits the failure itself: nothing is queued for replay.
    if (ok) this.guard.recordSuccess(slot.nameKey);
    else this.guard.recordFailure(slot.nameKey, clock.now(), { queueAudit: false });
    return ok;
  }

  /** Wraps the master key for one staff member with a new password: only that person's slot changes. */
  async setStaffPassword(staffId: string, name: string, password: string): Promise<void> {
    const fresh = await makeStaffSlot(this.vaultId, this.masterKey, staffId, name, password);
    const slots = readKeySlots(this.dir);
    // Replace in place: the founding administrator's slot stays first (the CLI's default acting user).
    const at = slots.slots.findIndex((s) => s.kind === 'staff' && s.staffId === staffId);
    const next = at >= 0 ? slots.slots.map((s, i) => (i === at ? fresh : s)) : [...slots.slots, fresh];
    writeKeySlots(this.dir, { ...slots, slots: next });
  }

  /** Removes a person's slot: their password no longer decrypts the vault (deactivation). */
  removeStaffSlot(staffId: string): void {
    const slots = readKeySlots(this.dir);
    writeKeySlots(this.dir, { ...slots, slots: slots.slots.filter((s) => !(s.kind === 'staff' && s.staffId === staffId)) });
  }

  /** Inserts a new staff slot; fails if one exists for the name. */
  async addStaffSlot(staffId: string, name: string, password: string): Promise<void> {
    const slots = readKeySlots(this.dir);
    if (slots.slots.some((s) => s.kind === 'staff' && (s.staffId === staffId || s.nameKey === nameKey(name)))) fail('conflict', 'errors.nameTaken');
    await this.setStaffPassword(staffId, name, password);
  }

  /** The founding administrator's slot comes first; the CLI acts as them when no --as is given. */
  static firstStaffNameKey(dir: string): string | null {
    const slot = readKeySlots(dir).slots.find((s) => s.kind === 'staff');
    return slot && slot.kind === 'staff' ? slot.nameKey : null;
  }

  /**
   * One write transaction around async work (Argon2 runs off-thread). The router serialises calls,
   * so nothing else runs statements while it is open.
   */
  async runInTransaction<T>(fn: () => Promise<T> | T): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn();
      this.db.exec('COMMIT');
      return result;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  appendAudit(entry: AuditEntry) {
    return this.audit.append(entry);
  }

  clinicSettings(): ClinicSettings {
    return this.settings.get();
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    if (this.db.open) {
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        /* closing anyway */
      }
      this.db.close();
    }
    this.masterKey.fill(0);
  }
}

export { GUARD_FILE, KEYSLOTS_FILE };
