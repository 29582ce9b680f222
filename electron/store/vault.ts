import { generateKeyPairSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ClinicSettings } from '../../shared/schemas/settings';
import type { Role, StaffMember } from '../../shared/schemas/staff';
import type { ChainCheckpoint, CheckpointCheck, CheckpointReason } from '../../shared/schemas/checkpoint';
import { AuditRepository, type AuditEntry } from './audit/repository';
import { compareWithCheckpoint, readCheckpointFile, signCheckpoint, writeCheckpointFile, type ChainView } from './audit/checkpoint';
import { newRecoveryCode } from './crypto';
import { sha256Hex } from '../domain/hash';
import { DomainError, fail } from '../domain/errors';
import {
  KEYSLOTS_FILE,
  makeRecoverySlot,
  makeStaffSlot,
  makeUnattendedSlot,
  nameKey,
  openSlot,
  openStaffSlot,
  openUnattendedSlot,
  readKeySlots,
  settleSlots,
  writeKeySlots,
  type KeySlot,
  type KeySlotsFile,
  type SettledSlot,
  type StaffKeySlot,
  type UnattendedKeySlot,
} from './keyslots';
import { UNATTENDED_KEY_FORMAT, writeUnattendedKeyFile, type UnattendedKeyFile } from './unattended-key';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { syncFileNow, WalDurability } from './wal-durability';
import { SettingsRepository } from './settings/repository';
import { typedTextHmac } from './audit/typed-text';
import { GUARD_FILE, RECOVERY_ACCOUNT, SignInGuard, SignInRefused, signInAccount, staffAccount } from './session/signin-guard';
import { StaffRepository } from './staff/repository';
import { PatientRepository } from './patients/repository';
import { CatalogueRepository } from './catalogue/repository';
import { ConsultationRepository } from './consultations/repository';
import { CommunicationRepository } from './communications/repository';
import { ConsentRepository } from './consents/repository';
import { ClinicCalendarRepository } from './calendar/repository';
import { TreatmentRepository } from './treatments/repository';
import { FollowUpRepository } from './follow-ups/repository';
import { ComplaintRepository } from './complaints/repository';
import { IncidentRepository } from './incidents/repository';
import { HomeQueries } from './home/queries';
import { PhotoRepository } from './photos/repository';
import { EvidenceRepository } from './evidence/repository';
import { RetentionRepository } from './retention/repository';
import { BackupRepository } from './backups/repository';
import { FlagAssessmentRepository } from './risk-flags/repository';
import { SeatRepository } from './seats/repository';
import { crashPoint } from './crash-points';
import { recoverAbandonedExports } from './evidence/export-recovery';
import { KeySlotChanges } from './keyslot-changes';
import { DB_FILE, inspectVaultFolder, makeSetupDir, removeCrashLeftovers } from './vault-folder';

export { DB_FILE };

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface NewVault {
  clinicName: string;
  timeZone: string;
  idleLockMinutes: number;
  adminName: string;
  /** What the administrator types to sign in (default: the name). */
  adminLoginId?: string;
  adminPassword: string;
}

/** Opens (or creates) the encrypted database with the raw 256-bit key; the key is the very first statement. */
export function openDatabase(file: string, key: Buffer, create: boolean): Database {
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
    // Commits are made durable by WalDurability's fdatasync off the event loop, before anyone is told (issue 14).
    db.pragma('synchronous = NORMAL');
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
export function migrate(db: Database): void {
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

export function vaultExists(dir: string): boolean {
  return fs.existsSync(path.join(dir, KEYSLOTS_FILE));
}

/**
 * The slots with one person's current slot replaced by `fresh` (or removed when null), as change `changeId`:
 * the current slot is kept, marked retired by the change, and the new one is added beside it as pending. A slot
 * this same change added a moment ago never took effect, so it is simply dropped.
 */
function withStaffSlot(slots: readonly KeySlot[], staffId: string, changeId: string, fresh: StaffKeySlot | null): KeySlot[] {
  return withReplacedSlot(slots, (s) => s.kind === 'staff' && s.staffId === staffId, changeId, fresh);
}

/** The same for the one unattended-start key: a new one replaces the current one, null removes it. */
function withUnattendedSlot(slots: readonly KeySlot[], changeId: string, fresh: UnattendedKeySlot | null): KeySlot[] {
  return withReplacedSlot(slots, (s) => s.kind === 'unattended', changeId, fresh);
}

function withReplacedSlot(slots: readonly KeySlot[], current: (s: KeySlot) => boolean, changeId: string, fresh: StaffKeySlot | UnattendedKeySlot | null): KeySlot[] {
  const out: KeySlot[] = [];
  let placed = false;
  const place = () => {
    if (fresh && !placed) out.push({ ...fresh, pending: changeId });
    placed = true;
  };
  for (const s of slots) {
    if ((s.kind === 'staff' || s.kind === 'unattended') && current(s) && !s.retiredBy) {
      if (s.pending !== changeId) out.push({ ...s, retiredBy: changeId });
      place();
    } else {
      out.push(s);
    }
  }
  place();
  return out;
}

/** The unattended-start key as the vault records it (its secret is only in the key file). */
export interface UnattendedKeyRecord {
  keyId: string;
  createdBy: string;
  createdAt: string;
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
  private photoRepo: PhotoRepository | null = null;
  private calendarRepo: ClinicCalendarRepository | null = null;
  private treatmentRepo: TreatmentRepository | null = null;
  private followUpRepo: FollowUpRepository | null = null;
  private complaintRepo: ComplaintRepository | null = null;
  private incidentRepo: IncidentRepository | null = null;
  private homeQueries: HomeQueries | null = null;
  private evidenceRepo: EvidenceRepository | null = null;
  private retentionRepo: RetentionRepository | null = null;
  private backupRepo: BackupRepository | null = null;
  private flagAssessmentRepo: FlagAssessmentRepository | null = null;
  private seatRepo: SeatRepository | null = null;
  readonly guard: SignInGuard;
  private masterKey: Buffer;
  private readonly vaultId: string;
  private readonly slotChanges: KeySlotChanges;
  /** The key-slot change written in the transaction now open (see changeSlots). */
  private slotChange: { id: string; operation: string } | null = null;
  private inAsyncTransaction = false;

  readonly dir: string;
  readonly db: Database;
  /** When this vault's commits are on disk: callers are answered only after (see wal-durability.ts). */
  readonly durability: WalDurability;

  private constructor(dir: string, db: Database, masterKey: Buffer) {
    this.dir = dir;
    this.db = db;
    this.durability = new WalDurability(path.join(dir, DB_FILE));
    this.masterKey = masterKey;
    this.staff = new StaffRepository(db);
    this.settings = new SettingsRepository(db);
    this.audit = new AuditRepository(db);
    this.patients = new PatientRepository(db);
    this.guard = new SignInGuard(dir);
    this.vaultId = this.settings.vaultId();
    this.slotChanges = new KeySlotChanges(db);
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

  get photos(): PhotoRepository {
    return (this.photoRepo ??= new PhotoRepository(this.db));
  }

  get calendar(): ClinicCalendarRepository {
    return (this.calendarRepo ??= new ClinicCalendarRepository(this.db));
  }

  get treatments(): TreatmentRepository {
    return (this.treatmentRepo ??= new TreatmentRepository(this.db));
  }

  get followUps(): FollowUpRepository {
    return (this.followUpRepo ??= new FollowUpRepository(this.db));
  }

  get complaints(): ComplaintRepository {
    return (this.complaintRepo ??= new ComplaintRepository(this.db));
  }

  get incidents(): IncidentRepository {
    return (this.incidentRepo ??= new IncidentRepository(this.db));
  }

  get home(): HomeQueries {
    return (this.homeQueries ??= new HomeQueries(this.db));
  }



  get consents(): ConsentRepository {
    return (this.consentRepo ??= new ConsentRepository(this.db));
  }

  get evidence(): EvidenceRepository {
    return (this.evidenceRepo ??= new EvidenceRepository(this.db));
  }

  get retention(): RetentionRepository {
    return (this.retentionRepo ??= new RetentionRepository(this.db));
  }

  get backups(): BackupRepository {
    return (this.backupRepo ??= new BackupRepository(this.db));
  }

  /**
   * What a job's worker needs to open this vault on a connection of its own (a backup): the database file, the
   * key-slot file, and a copy of the master key in a buffer of its own, to be moved into the worker and zeroed there.
   */
  workerSource(): { dbPath: string; keyslotsPath: string; key: Uint8Array } {
    if (!this.db.open) fail('unauthenticated');
    const key = new Uint8Array(new ArrayBuffer(this.masterKey.length));
    key.set(this.masterKey);
    return { dbPath: path.join(this.dir, DB_FILE), keyslotsPath: path.join(this.dir, KEYSLOTS_FILE), key };
  }

  get flagAssessments(): FlagAssessmentRepository {
    return (this.flagAssessmentRepo ??= new FlagAssessmentRepository(this.db));
  }

  /** Paired devices and pairing codes (issue 14). */
  get seats(): SeatRepository {
    return (this.seatRepo ??= new SeatRepository(this.db));
  }

  /**
   * Set-up, so that a crash at any moment leaves either a complete vault or an abandoned set-up that can be
   * cleared (see vault-folder.ts), never a folder that is neither. The database is built in a hidden folder
   * inside the chosen one (the chosen folder itself may be a mount point or a drive root that cannot be
   * replaced), moved into place as one file, and keyslots.json is written last: it is the commit mark.
   */
  static async create(dir: string, init: NewVault, clock: Clock = systemClock): Promise<{ vault: Vault; recoveryCode: string; admin: StaffMember }> {
    const state = inspectVaultFolder(dir);
    if (state.kind === 'abandoned') fail('conflict', 'errors.abandonedSetup', { path: dir });
    if (state.kind !== 'missing' && state.kind !== 'empty') fail('conflict', 'errors.vaultNotEmpty');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const masterKey = randomBytes(32);
    const vaultId = randomUUID();
    const recoveryCode = newRecoveryCode();
    const adminId = randomUUID();
    const adminLoginId = init.adminLoginId ?? init.adminName;
    // Argon2 work first, so nothing is on disk if it fails.
    const adminSlot = await makeStaffSlot(vaultId, masterKey, adminId, adminLoginId, init.adminPassword);
    const recoverySlot = await makeRecoverySlot(vaultId, masterKey, recoveryCode);
    let db: Database | undefined;
    let staging: string | undefined;
    try {
      staging = makeSetupDir(dir);
      crashPoint('init:after-setup-folder');
      db = openDatabase(path.join(staging, DB_FILE), masterKey, true);
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
          id: adminId, name: init.adminName, loginId: adminLoginId, loginKey: nameKey(adminLoginId), role: 'admin', licenceNo: null, specialty: null,
          // The administrator chose this password themselves.
          passwordChangeRequired: false, createdAt: at,
        });
        const audit = new AuditRepository(db_);
        const actor = { actorId: admin.id, actorName: admin.name, actorRole: 'admin' as Role };
        audit.append({ ...actor, at, action: 'vault.created', subjectType: 'vault', subjectId: vaultId,
          details: { clinicName: init.clinicName, timeZone: init.timeZone, schemaVersion: SCHEMA_VERSION } });
        audit.append({ ...actor, at, action: 'staff.added', subjectType: 'staff', subjectId: admin.id, details: { name: admin.name, loginId: admin.loginId, role: 'admin' } });
      })();
      // One self-contained file to move (no WAL beside it); the vault's own opening turns WAL back on.
      db.pragma('journal_mode = DELETE');
      db.close();
      db = undefined;
      // On disk before it is moved into place (commits here are not synced one by one: see wal-durability.ts).
      syncFileNow(path.join(staging, DB_FILE));
      crashPoint('init:after-database');
      fs.renameSync(path.join(staging, DB_FILE), path.join(dir, DB_FILE));
      crashPoint('init:after-move');
      const slots: KeySlotsFile = { format: 'consentvault-keyslots', version: 1, vaultId, cipher: 'sqlcipher-v4', slots: [adminSlot, recoverySlot] };
      writeKeySlots(dir, slots);
      crashPoint('init:after-keyslots');
    } catch (e) {
      db?.close();
      // Not committed: remove only what this call created (the folder held nothing before).
      if (!vaultExists(dir)) {
        if (staging) fs.rmSync(staging, { recursive: true, force: true });
        for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) fs.rmSync(path.join(dir, f), { force: true });
      }
      masterKey.fill(0);
      throw e;
    }
    // Committed: from here on the vault exists; the empty set-up folder goes now, or at the next open if this fails.
    const vault = Vault.openWithKey(dir, masterKey, clock);
    return { vault, recoveryCode, admin: vault.staff.get(adminId)! };
  }

  /**
   * Unlocks with a staff member's login id and password; counts failures and enforces the lockout. Slots are
   * found by the normalised login id (for staff from before login ids, that is their name: see migration 0160).
   */
  static async openWithPassword(dir: string, loginId: string, password: string, clock: Clock = systemClock): Promise<{ vault: Vault; staff: StaffMember }> {
    requireFolder(dir);
    const slots = readKeySlots(dir);
    const guard = new SignInGuard(dir);
    guard.upgradeLegacy(slots);
    const key = nameKey(loginId);
    // The typed login id is never written: a known one counts under its staff id, any other in one shared bucket.
    const account = signInAccount(slots, key);
    const now = clock.now();
    const wait = guard.retryAfterMs(account, now);
    if (wait > 0) fail('locked', 'errors.lockedOut', { seconds: Math.ceil(wait / 1000) });
    const { slot, masterKey } = await openStaffSlot(slots, key, password);
    if (!masterKey) {
      const lockMs = guard.recordFailure(account, now);
      if (lockMs > 0) fail('locked', 'errors.lockedOut', { seconds: Math.ceil(lockMs / 1000) });
      fail('invalid_credentials', 'errors.invalid_credentials');
    }
    const vault = Vault.openWithKey(dir, masterKey, clock);
    // The slot opened the key, but opening settled a change a crash interrupted, and this slot lost.
    if (slot && !vault.hasStaffSlot(slot.id)) {
      vault.close();
      fail('invalid_credentials', 'errors.invalid_credentials');
    }
    const staff = slot ? vault.staff.get(slot.staffId) : null;
    if (!staff || !staff.active) {
      vault.close();
      fail('forbidden', 'errors.accountInactive');
    }
    guard.recordSuccess(account);
    return { vault, staff };
  }

  /** Unlocks with the recovery code printed at set-up (for a lost administrator password). */
  static async openWithRecoveryCode(dir: string, recoveryCode: string, clock: Clock = systemClock): Promise<Vault> {
    requireFolder(dir);
    const slots = readKeySlots(dir);
    const guard = new SignInGuard(dir);
    guard.upgradeLegacy(slots);
    const key = RECOVERY_ACCOUNT;
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
    return Vault.openWithKey(dir, masterKey, clock);
  }

  /**
   * Unlocks with the unattended-start key file (`consentvault serve --key-file`): no password and no lockout (the
   * secret is 256 random bits). A file of another vault, a key that was revoked or replaced, and a secret that does
   * not unwrap the slot are each refused before anything is opened or written. The open settles any change in
   * flight like every open, and removes a key whose administrator is no longer an active administrator: then
   * the key is refused too. Returns the administrator the start is recorded as.
   */
  static async openWithUnattendedKey(dir: string, key: UnattendedKeyFile, clock: Clock = systemClock): Promise<{ vault: Vault; creator: StaffMember }> {
    requireFolder(dir);
    const slots = readKeySlots(dir);
    if (key.vaultId !== slots.vaultId) fail('invalid_credentials', 'unattended.errors.otherVault');
    // While a change is in flight the old and the new key are both listed: the file's own one is tried.
    const slot = slots.slots.find((s): s is UnattendedKeySlot => s.kind === 'unattended' && s.id === key.keyId) ?? fail('invalid_credentials', 'unattended.errors.keyRevoked');
    const secret = Buffer.from(key.secret, 'base64');
    const masterKey = openUnattendedSlot(slots.vaultId, slot, secret);
    secret.fill(0);
    if (!masterKey) fail('invalid_credentials', 'unattended.errors.wrongKey');
    const vault = Vault.openWithKey(dir, masterKey, clock);
    const creator = vault.unattendedKey()?.keyId === slot.id ? vault.staff.get(slot.createdBy) : null;
    if (!creator || !creator.active || creator.role !== 'admin') {
      vault.close();
      fail('invalid_credentials', 'unattended.errors.keyRevoked');
    }
    return { vault, creator };
  }

  private static openWithKey(dir: string, masterKey: Buffer, clock: Clock): Vault {
    let db: Database | undefined;
    let vault: Vault | undefined;
    try {
      db = openDatabase(path.join(dir, DB_FILE), masterKey, false);
      migrate(db);
      vault = new Vault(dir, db, masterKey);
      vault.recoverFromCrash(clock);
      // What the upgrade and the crash recovery wrote is on disk before anyone works in the vault.
      vault.durability.committed();
      vault.durability.syncNow();
      return vault;
    } catch (e) {
      if (vault) vault.close();
      else db?.close();
      masterKey.fill(0);
      throw e;
    }
  }

  /**
   * Every open finishes or undoes what a crash interrupted, before anyone works in the vault: key-slot
   * changes are settled, set-up leftovers removed, and exports killed half-way cleaned up (export-recovery.ts).
   */
  private recoverFromCrash(clock: Clock): void {
    this.reconcileKeySlots(clock);
    removeCrashLeftovers(this.dir);
    recoverAbandonedExports(this, clock.now().toISOString());
  }

  /**
   * Key slots and staff records must agree: what can sign in is what the staff list says is active.
   *
   * Why this design: keyslots.json sits beside the database (it must be readable before the database can be
   * decrypted), so a slot write and a transaction can never commit together. Each slot change is therefore
   * written first, flagged with a change id (new slots `pending`, replaced or removed ones `retiredBy`), and
   * the change's commit mark (keyslot_changes) is inserted in the same transaction as the staff record and its
   * audit event. Right after the transaction the flags are settled by whether the mark committed; a crash in
   * between leaves the flags, and they are settled here. This covers every slot-writing path the same way
   * (add, reactivate, deactivate, password reset and change, recovery), both directions: a change that did not
   * commit is undone (the old password still works), one that did is finished (only the new one works).
   * Then, as a backstop for vaults written before this (a killed `staff add` left slots for people who do not
   * exist), a staff slot without an active staff record is removed.
   *
   * Any fix is audited (vault.keyslots_reconciled). It is decided and written under the database's write lock,
   * so a change another process has in flight (the CLI beside the app) is seen committed or not, never half, and
   * none starts in between; the file is written just before the event commits.
   */
  private reconcileKeySlots(clock: Clock): void {
    this.db
      .transaction(() => {
        const { file, settled } = settleSlots(readKeySlots(this.dir), (id) => this.slotChanges.committed(id));
        const fixes: SettledSlot[] = [...settled];
        const slots = file.slots.filter((s) => {
          if (s.kind === 'unattended') {
            // The key acts as the administrator who made it: it goes when they leave or stop being an administrator.
            const creator = this.staff.get(s.createdBy);
            if (creator?.active && creator.role === 'admin') return true;
            const reason = !creator ? 'no_staff_record' : creator.active ? 'creator_not_admin' : 'staff_inactive';
            fixes.push({ slotId: s.id, staffId: s.createdBy, kind: 'unattended', outcome: 'removed', reason });
            return false;
          }
          if (s.kind !== 'staff') return true;
          const staff = this.staff.get(s.staffId);
          if (staff?.active) return true;
          fixes.push({ slotId: s.id, staffId: s.staffId, outcome: 'removed', reason: staff ? 'staff_inactive' : 'no_staff_record' });
          return false;
        });
        if (fixes.length === 0) return;
        this.appendAudit({
          at: clock.now().toISOString(),
          actorId: null,
          actorName: null,
          actorRole: null,
          action: 'vault.keyslots_reconciled',
          subjectType: 'vault',
          subjectId: this.vaultId,
          details: { slots: fixes },
        });
        writeKeySlots(this.dir, { ...file, slots });
      })
      .immediate();
  }

  /** The key slots as they stand: any change in flight decided by what this connection sees committed. */
  private currentSlots(): KeySlotsFile {
    const open = this.slotChange?.id;
    return settleSlots(readKeySlots(this.dir), (id) => (id === open ? null : this.slotChanges.committed(id))).file;
  }

  /** Whether this slot is still one of the vault's (after opening settled any change in flight). */
  hasStaffSlot(slotId: string): boolean {
    return this.currentSlots().slots.some((s) => s.id === slotId);
  }

  /** Checks a staff member's password against their slot (idle unlock, password change, re-signing). */
  /**
   * Signing in at another seat while the vault is open (the clinic server, or a second seat at the desk): the same
   * key-slot check and the same lockout per sign-in name as opening the vault, without opening it again. The
   * Argon2 work happens here, so the router runs it outside the serialised path.
   */
  async checkSignIn(loginId: string, password: string, clock: Clock = systemClock): Promise<StaffMember> {
    const account = signInAccount(this.currentSlots(), nameKey(loginId));
    return this.guard.inTurn(account, () => this.checkSignInNow(loginId, password, clock));
  }

  private async checkSignInNow(loginId: string, password: string, clock: Clock): Promise<StaffMember> {
    // Read again in its turn: a check that waited may find the slots changed meanwhile (a password reset).
    const slots = this.currentSlots();
    const key = nameKey(loginId);
    const account = signInAccount(slots, key);
    const wait = this.guard.retryAfterMs(account, clock.now());
    if (wait > 0) fail('locked', 'errors.lockedOut', { seconds: Math.ceil(wait / 1000) });
    const { slot, masterKey } = await openStaffSlot(slots, key, password);
    const ok = slot !== null && masterKey !== null && masterKey.length === this.masterKey.length && timingSafeEqual(masterKey, this.masterKey);
    masterKey?.fill(0);
    if (!ok || !slot) {
      const { lockMs, events } = this.guard.recordFailureToAudit(account, clock.now());
      if (lockMs > 0) throw new SignInRefused('locked', 'errors.lockedOut', events, { seconds: Math.ceil(lockMs / 1000) });
      throw new SignInRefused('invalid_credentials', 'errors.invalid_credentials', events);
    }
    const staff = this.staff.get(slot.staffId);
    if (!staff || !staff.active) fail('forbidden', 'errors.accountInactive');
    this.guard.recordSuccess(account);
    return staff;
  }

  async verifyStaffPassword(staffId: string, password: string, clock: Clock = systemClock): Promise<boolean> {
    return this.guard.inTurn(staffAccount(staffId), () => this.verifyStaffPasswordNow(staffId, password, clock));
  }

  private async verifyStaffPasswordNow(staffId: string, password: string, clock: Clock): Promise<boolean> {
    const slots = this.currentSlots();
    const slot = slots.slots.find((s) => s.kind === 'staff' && s.staffId === staffId);
    if (!slot || slot.kind !== 'staff') return false;
    const account = staffAccount(slot.staffId);
    const wait = this.guard.retryAfterMs(account, clock.now());
    if (wait > 0) fail('locked', 'errors.lockedOut', { seconds: Math.ceil(wait / 1000) });
    const key = await openSlot(slots.vaultId, slot, password);
    const ok = key !== null && key.length === this.masterKey.length && timingSafeEqual(key, this.masterKey);
    key?.fill(0);
    // The vault is open, so the caller audits the failure itself: nothing is queued for replay.
    if (ok) this.guard.recordSuccess(account);
    else this.guard.recordFailure(account, clock.now(), { queueAudit: false });
    return ok;
  }

  /**
   * One key-slot change, inside the caller's transaction (see reconcileKeySlots for why it is done this way):
   * the change's commit mark joins the transaction, the file gets the flagged slots now, and the flags are
   * settled when the transaction ends. Several changes in one transaction share one mark.
   */
  private changeSlots(operation: string, edit: (slots: KeySlot[], changeId: string) => KeySlot[]): void {
    if (!this.inAsyncTransaction || !this.db.inTransaction) throw new Error('key-slot changes run inside runInTransaction');
    if (!this.slotChange) {
      this.slotChange = { id: randomUUID(), operation };
      this.slotChanges.record({ id: this.slotChange.id, operation, at: new Date().toISOString() });
    }
    const change = this.slotChange;
    const file = this.currentSlots();
    writeKeySlots(this.dir, { ...file, slots: edit(file.slots, change.id) });
    crashPoint(`${change.operation}:after-keyslots`);
  }

  /** Settles the change of the transaction that just ended (committed or rolled back). Never throws. */
  private settleSlotChange(): void {
    const change = this.slotChange;
    this.slotChange = null;
    if (!change) return;
    // The key-slot file is settled only once the commit it follows is on disk: a power cut must not leave a
    // settled slot whose change the database lost.
    if (this.slotChanges.committed(change.id)) {
      this.durability.syncNow();
      crashPoint(`${change.operation}:after-commit`);
    }
    try {
      // Under the write lock, like every slot write, so it cannot overwrite another process's change in flight.
      this.db
        .transaction(() => {
          const { file, settled } = settleSlots(readKeySlots(this.dir), (id) => this.slotChanges.committed(id));
          if (settled.length > 0) writeKeySlots(this.dir, file);
        })
        .immediate();
    } catch (e) {
      // The file keeps its flags: every reader settles them the same way, and the next open writes the result.
      console.error('[vault] key slots not settled yet:', e);
    }
  }

  /**
   * Wraps the master key for one staff member with a new password: only that person's slot changes. The new
   * slot goes where the old one was: the founding administrator's slot stays first (the CLI's default user).
   */
  async setStaffPassword(staffId: string, loginId: string, password: string, operation = 'staff.set_password'): Promise<void> {
    const fresh = await makeStaffSlot(this.vaultId, this.masterKey, staffId, loginId, password);
    this.changeSlots(operation, (slots, changeId) => withStaffSlot(slots, staffId, changeId, fresh));
  }

  /** Removes a person's slot: their password no longer decrypts the vault (deactivation). */
  removeStaffSlot(staffId: string, operation = 'staff.remove_slot'): void {
    this.changeSlots(operation, (slots, changeId) => withStaffSlot(slots, staffId, changeId, null));
  }

  /** Inserts a new staff slot; fails if one exists for the login id. */
  async addStaffSlot(staffId: string, loginId: string, password: string, operation = 'staff.add'): Promise<void> {
    const slots = this.currentSlots();
    if (slots.slots.some((s) => s.kind === 'staff' && !s.retiredBy && (s.staffId === staffId || s.nameKey === nameKey(loginId)))) {
      fail('conflict', 'staffAccounts.errors.loginIdTaken');
    }
    await this.setStaffPassword(staffId, loginId, password, operation);
  }

  /** The unattended-start key in force (any change in flight decided as this connection sees it), or null. */
  unattendedKey(): UnattendedKeyRecord | null {
    const slot = this.currentSlots().slots.find((s) => s.kind === 'unattended');
    return slot && slot.kind === 'unattended' ? { keyId: slot.id, createdBy: slot.createdBy, createdAt: slot.createdAt } : null;
  }

  /**
   * Turns unattended start on (inside runInTransaction, like every slot change): a new slot sealed by a fresh
   * random secret replaces any current one, and the secret is written to `keyFile` (checked by the caller: see
   * checkKeyFilePlace) before the transaction commits, so a committed key always has its file. A crash before the
   * commit leaves a file whose slot the next open removes: it opens nothing.
   */
  createUnattendedKey(createdBy: string, keyFile: string): UnattendedKeyRecord & { replacedKeyId: string | null } {
    const replaced = this.unattendedKey();
    const { slot, secret } = makeUnattendedSlot(this.vaultId, this.masterKey, createdBy);
    try {
      this.changeSlots('unattended_key.create', (slots, changeId) => withUnattendedSlot(slots, changeId, slot));
      writeUnattendedKeyFile(keyFile, { format: UNATTENDED_KEY_FORMAT, version: 1, vaultId: this.vaultId, keyId: slot.id, secret: secret.toString('base64'), createdAt: slot.createdAt });
      crashPoint('unattended_key.create:after-key-file');
    } finally {
      secret.fill(0);
    }
    return { keyId: slot.id, createdBy, createdAt: slot.createdAt, replacedKeyId: replaced?.keyId ?? null };
  }

  /** Turns unattended start off: the slot goes, so every copy of its key file opens nothing from now on. */
  revokeUnattendedKey(): UnattendedKeyRecord | null {
    const current = this.unattendedKey();
    if (current) this.changeSlots('unattended_key.revoke', (slots, changeId) => withUnattendedSlot(slots, changeId, null));
    return current;
  }

  /** The founding administrator's slot comes first; the CLI acts as them when no --as is given (a normalised login id). */
  static firstStaffLoginKey(dir: string): string | null {
    const slot = readKeySlots(dir).slots.find((s) => s.kind === 'staff');
    return slot && slot.kind === 'staff' ? slot.nameKey : null;
  }

  /**
   * One write transaction around async work (Argon2 runs off-thread). The router serialises calls,
   * so nothing else runs statements while it is open.
   */
  async runInTransaction<T>(fn: () => Promise<T> | T): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    this.inAsyncTransaction = true;
    try {
      const result = await fn();
      this.db.exec('COMMIT');
      this.durability.committed();
      return result;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    } finally {
      this.inAsyncTransaction = false;
      this.settleSlotChange();
    }
  }

  /**
   * A synchronous transaction (a job's outcome, a refusal's audit event). Nobody waits for its answer, so its sync
   * is started here; inside an open transaction it is a savepoint of that one.
   */
  transaction<T>(fn: () => T): T {
    const outermost = !this.db.inTransaction;
    const result = this.db.transaction(fn)();
    if (outermost) {
      const seq = this.durability.committed();
      this.durability.whenDurable(seq).catch((e: unknown) => console.error('[vault] a commit could not be synced to disk:', e));
    }
    return result;
  }

  appendAudit(entry: AuditEntry) {
    return this.audit.append(entry);
  }

  /**
   * What the audit trail keeps of text someone typed (a search, a reason, a file name): a keyed hash, so "who
   * searched for this ID?" can be answered with the vault open, while a reader of an exported pack or a backup
   * without the key learns nothing from it. The key is derived from the master key and never leaves the call.
   */
  typedTextHash(text: string): string {
    if (!this.db.open) fail('unauthenticated');
    return typedTextHmac(this.masterKey, text);
  }

  clinicSettings(): ClinicSettings {
    return this.settings.get();
  }

  /** The vault's id (also its audit chain's id). */
  get id(): string {
    return this.vaultId;
  }

  /** This vault's chain as a checkpoint sees it. */
  private chainView(): ChainView {
    const key = this.settings.signingKey() ?? fail('internal', 'evidence.errors.noSigningKey');
    return { chainId: this.vaultId, head: this.audit.head(), hashAt: (seq) => this.audit.hashAt(seq), publicKeyPem: key.publicKeyPem };
  }

  /** Signs the chain's current head as seen by this connection (inside a transaction: what it will commit). */
  signCheckpoint(reason: CheckpointReason, at: Date = new Date()): ChainCheckpoint {
    const key = this.settings.signingKey() ?? fail('internal', 'evidence.errors.noSigningKey');
    return signCheckpoint(this.audit.head(), { chainId: this.vaultId, at: at.toISOString(), reason, keyFingerprint: key.fingerprint, privateKeyPem: key.privateKeyPem });
  }

  /** Keeps a checkpoint beside the vault, once what it signs is committed. */
  keepCheckpoint(checkpoint: ChainCheckpoint): void {
    writeCheckpointFile(this.dir, checkpoint);
  }

  /** Signs the committed head (call outside a write) and keeps it beside the vault. */
  writeCheckpoint(reason: CheckpointReason, at: Date = new Date()): ChainCheckpoint {
    const checkpoint = this.signCheckpoint(reason, at);
    this.keepCheckpoint(checkpoint);
    return checkpoint;
  }

  /** Compares the chain with the newest checkpoint beside the vault: a cut or rewritten chain is reported. */
  checkCheckpoint(): CheckpointCheck {
    return compareWithCheckpoint(this.chainView(), readCheckpointFile(this.dir));
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
      // Closing checkpoints the log into the database and syncs it (SQLite does so under NORMAL too).
      this.durability.allDurable();
    }
    this.masterKey.fill(0);
  }
}

export { GUARD_FILE, KEYSLOTS_FILE };
