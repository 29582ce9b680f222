import { z } from 'zod';
import { ChainCheckpoint } from './checkpoint';
import { Id, IsoTime } from './common';
import { EditVersion } from './edit-version';

/**
 * Backups (issue 11). A backup is one folder in a place the administrator chooses (a USB drive, a NAS share):
 * `vault.db` (an encrypted VACUUM INTO copy, same key), `keyslots.json` and `manifest.json` (vault id, schema
 * version, time, the signed chain checkpoint of the copy's head, SHA-256 of every file). It is written under a
 * hidden temporary name and renamed only once complete and verified.
 */
export const BACKUP_FORMAT = 'consentvault-backup';
export const BACKUP_MANIFEST_FILE = 'manifest.json';
/** Written instead of a manifest into a copy that failed verification (kept aside as NAME.failed). */
export const BACKUP_FAILED_FILE = 'FAILED.txt';
/** The folder names this app gives its backups; a restore accepts only a folder under its manifest's own name. */
export const BACKUP_NAME_PATTERN = /^consentvault-backup-\d{8}-\d{6}(-\d{1,3})?$/;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Count = z.number().int().min(0);

export const BackupFileEntry = z
  .object({ path: z.enum(['vault.db', 'keyslots.json']), sha256: Hex64, bytes: Count })
  .strict();
export type BackupFileEntry = z.infer<typeof BackupFileEntry>;

/** manifest.json without its signature: what the clinic key signs (canonical JSON, domain-separated). */
export const BackupManifestBody = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(1),
    backupId: Id,
    name: z.string().regex(BACKUP_NAME_PATTERN),
    vaultId: z.string().min(1).max(64),
    /** The copy's PRAGMA user_version: an app that knows fewer migrations refuses it. */
    schemaVersion: z.number().int().min(1),
    takenAt: IsoTime,
    /** The clinic's signed statement of the copy's chain head (reason 'backup'). */
    checkpoint: ChainCheckpoint,
    files: z.array(BackupFileEntry).length(2),
  })
  .strict();
export type BackupManifestBody = z.infer<typeof BackupManifestBody>;

export const BackupManifest = BackupManifestBody.extend({ signature: z.base64().max(200) }).strict();
export type BackupManifest = z.infer<typeof BackupManifest>;

/** Why a backup did not produce a verified copy, in the administrator's words (locale backups.failures.*). */
export const BackupFailure = z.enum(['folder_missing', 'not_writable', 'disk_full', 'verification_failed', 'cancelled', 'time_limit', 'failed']);
export type BackupFailure = z.infer<typeof BackupFailure>;

export const BackupTrigger = z.enum(['manual', 'schedule', 'sign_out', 'quit', 'cli']);
export type BackupTrigger = z.infer<typeof BackupTrigger>;

export const BackupStatus = z.enum(['verified', 'failed', 'removed']);
export type BackupStatus = z.infer<typeof BackupStatus>;

/** The limits below keep a mistyped number from emptying the drive or filling it. */
export const BackupSettings = z
  .object({
    /** Absolute folder; null until the administrator chooses one. */
    destination: z.string().max(1024).nullable(),
    /** Hours between scheduled backups while the vault is open; 0 = on demand and at sign-out/quit only. */
    intervalHours: z.number().int().min(0).max(168),
    keepDaily: z.number().int().min(1).max(60),
    keepWeekly: z.number().int().min(0).max(52),
    keepMonthly: z.number().int().min(0).max(120),
  })
  .strict();
export type BackupSettings = z.infer<typeof BackupSettings>;

/** The settings as the Backups screen loads them, with the edit version its save names (issue 14). */
export const BackupSettingsView = BackupSettings.extend({ version: EditVersion }).strict();
export type BackupSettingsView = z.infer<typeof BackupSettingsView>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { destination: null, intervalHours: 4, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 };

export const BackupRecord = z
  .object({
    id: Id,
    name: z.string(),
    path: z.string(),
    takenAt: IsoTime,
    finishedAt: IsoTime,
    status: BackupStatus,
    trigger: BackupTrigger,
    failure: BackupFailure.nullable(),
    headSeq: z.number().int().nullable(),
    headHash: Hex64.nullable(),
    bytes: Count.nullable(),
    removedAt: IsoTime.nullable(),
  })
  .strict();
export type BackupRecord = z.infer<typeof BackupRecord>;

/** A restore this vault went through: which backup, and the checkpoint of the chain it continues from. */
export const RestoreRecord = z
  .object({
    id: Id,
    restoredAt: IsoTime,
    backupId: Id,
    backupName: z.string(),
    backupTakenAt: IsoTime,
    checkpointSeq: z.number().int().min(0),
    checkpointHash: Hex64,
    checkpointAt: IsoTime,
  })
  .strict();
export type RestoreRecord = z.infer<typeof RestoreRecord>;

export const BackupRunning = z
  .object({ jobId: Id, trigger: BackupTrigger, phase: z.string().max(40), done: Count, total: Count, startedAt: IsoTime, mine: z.boolean() })
  .strict();

export const BackupOverview = z
  .object({
    settings: BackupSettingsView,
    backups: z.array(BackupRecord),
    lastVerified: BackupRecord.nullable(),
    running: BackupRunning.nullable(),
    restores: z.array(RestoreRecord),
    /** Whether the destination folder is there right now (a drive may be unplugged). */
    destinationReachable: z.boolean().nullable(),
  })
  .strict();
export type BackupOverview = z.infer<typeof BackupOverview>;

export const BackupSettingsUpdate = BackupSettings.extend({
  destination: z
    .string()
    .max(1024, { error: 'validation.tooLong' })
    .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: 'validation.absolutePath' })
    .refine((p) => !p.includes('\u0000'), { error: 'validation.invalidValue' })
    .nullable(),
  /** The version the screen loaded: refused as edited elsewhere when another seat saved since. */
  expectedVersion: EditVersion,
}).strict();

/** The job's result: a verified copy, or one that failed verification and was kept aside. */
export const BackupJobResult = z
  .object({
    backupId: Id,
    name: z.string(),
    path: z.string(),
    status: z.enum(['verified', 'failed']),
    failure: BackupFailure.nullable(),
    /** What verification found wrong (a short technical detail), empty when verified. */
    detail: z.string().max(500),
    headSeq: z.number().int().nullable(),
    headHash: Hex64.nullable(),
    bytes: Count.nullable(),
    copyMs: Count,
    verifyMs: Count,
  })
  .strict();
export type BackupJobResult = z.infer<typeof BackupJobResult>;

/** The administrator's Home: how old the last verified backup is and where; red after 3 days. */
export const BACKUP_STALE_AFTER_DAYS = 3;
export const BackupHomeStatus = z
  .object({
    configured: z.boolean(),
    lastVerifiedAt: IsoTime.nullable(),
    lastVerifiedPath: z.string().nullable(),
    /** No verified backup, or the last is older than BACKUP_STALE_AFTER_DAYS. */
    stale: z.boolean(),
    /** The newest attempt, when it failed (after the last verified one). */
    lastFailure: z.object({ at: IsoTime, failure: BackupFailure, path: z.string() }).strict().nullable(),
  })
  .strict();
export type BackupHomeStatus = z.infer<typeof BackupHomeStatus>;

export const RestoreResult = z
  .object({ vaultPath: z.string(), backupName: z.string(), takenAt: IsoTime, headSeq: z.number().int(), clinicName: z.string() })
  .strict();
export type RestoreResult = z.infer<typeof RestoreResult>;
