import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CheckpointCheck, CheckpointReason } from '../shared/schemas/checkpoint';
import type { SessionInfo } from '../shared/schemas/session';
import { JobRunner } from './jobs/runner';
import type { ClinicServerHandle } from './server/sharing';
import { MemorySessionRegistry, type Caller, type Session, type SessionRegistry } from './sessions/registry';
import { deskSeat, type Seat } from './sessions/seat';
import { TabletPresence } from './sessions/tablets';
import { MemoryLiveEvents, type LiveEvents } from './sessions/live-events';
import { UploadStore } from './services/uploads';
import { writeFileAtomic } from './store/files';
import { systemClock, type Clock, type Vault } from './store/vault';

/** Where this installation keeps its vault: the only thing stored outside the vault. */
export interface AppConfig {
  vaultPath: string | null;
  /** This computer is a seat of the clinic's server instead of keeping a vault (paired once; certificate pinned). */
  clinicServer?: PairedServerConfig | null;
}

/** What a paired desktop keeps about its server: the address, its device credential and the pinned certificate. */
export interface PairedServerConfig {
  origin: string;
  deviceId: string;
  deviceName: string;
  credential: string;
  certificatePem: string | null;
  certificateSha256: string | null;
}
export interface AppConfigStore {
  load(): AppConfig;
  save(config: AppConfig): void;
}

const AppConfigFile = z
  .object({
    vaultPath: z.string().nullable(),
    clinicServer: z
      .object({
        origin: z.string().max(300),
        deviceId: z.string().max(64),
        deviceName: z.string().max(200),
        credential: z.string().max(200),
        certificatePem: z.string().max(20_000).nullable(),
        certificateSha256: z.string().max(200).nullable(),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

/** config.json in the app's data folder (Electron userData, or the browser host's --config-dir). */
export function fileConfigStore(configDir: string): AppConfigStore {
  const file = path.join(configDir, 'config.json');
  return {
    load() {
      try {
        const parsed = AppConfigFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
        return parsed.success ? parsed.data : { vaultPath: null };
      } catch {
        return { vaultPath: null };
      }
    },
    save(config) {
      fs.mkdirSync(configDir, { recursive: true });
      writeFileAtomic(file, JSON.stringify(config, null, 2) + '\n');
    },
  };
}

/** For the CLI: the vault folder comes from --vault and nothing is remembered. */
export function fixedConfigStore(vaultPath: string | null): AppConfigStore {
  let config: AppConfig = { vaultPath };
  return {
    load: () => config,
    save: (c) => {
      config = c;
    },
  };
}

/** What differs between Electron and the browser host, besides the transport. */
export interface HostCapabilities {
  /** Native folder dialog (Electron only). */
  chooseFolder?: () => Promise<string | null>;
  /** Native save dialog for an evidence pack (Electron only). */
  chooseSaveFile?: (suggestedName: string) => Promise<string | null>;
  /** Native open dialog for a pack to verify (Electron only). */
  chooseOpenFile?: () => Promise<string | null>;
  /**
   * The CLI: one command, not a working day. Its sign-out makes no backup first (issue 11), and a backup it makes
   * is recorded as the command line's.
   */
  commandLine?: boolean;
  /** The largest request the transport takes (the browser host's body limit); none for Electron IPC. */
  maxRequestBytes?: number;
  defaultVaultPath: string;
}

export type { Session } from './sessions/registry';

/**
 * The application core behind every transport: the open vault and the signed-in sessions of every seat (the desk,
 * the command line, paired devices). Electron's IPC, the browser host, the clinic server and the CLI all drive it
 * through the same router.
 */
export class AppCore {
  vault: Vault | null = null;
  readonly sessions: SessionRegistry;
  /** The computer that holds the vault: Electron's window, the loopback browser host, the CLI. */
  readonly deskCaller: Caller;
  /**
   * The clinic server keeps the vault open while it runs (an administrator unlocked it at start); the desk closes
   * it when the last person signs out, so the key is not kept in memory for nobody.
   */
  keepVaultOpen = false;
  /** Signing tablets that are switched on and asking what they were sent. */
  readonly tablets = new TabletPresence();
  /** "Another seat changed this": published by the router after every call that wrote. */
  readonly liveEvents: LiveEvents;
  /** What the chain checkpoint comparison found at sign-in, when it was not ok (shown to administrators). */
  chainAlert: CheckpointCheck | null = null;
  readonly config: AppConfigStore;
  readonly host: HostCapabilities;
  readonly clock: Clock;
  /** Heavy work off the request path (pack verification; backups and exports next). */
  readonly jobs: JobRunner;
  /** Photo files sent ahead of the channel call that stores them (streamed, not inside the JSON body). */
  readonly uploads = new UploadStore();
  /** Scheduled backups while the vault is open (started at sign-in, stopped at close). */
  backupSchedule: { stop(): void } | null = null;
  /** The clinic server other seats use, where this host runs one (`consentvault serve`, or sharing from the app). */
  clinicServer: ClinicServerHandle | null = null;

  /**
   * `spareJobWorker`: hosts that stay up (the desktop app, the browser host, the clinic server) keep a job worker
   * started ahead while the vault is open; one-shot CLI commands and tests start theirs per job.
   */
  constructor(opts: { config: AppConfigStore; host: HostCapabilities; clock?: Clock; jobs?: JobRunner; spareJobWorker?: boolean; sessions?: SessionRegistry; liveEvents?: LiveEvents; deskSeat?: Seat }) {
    this.config = opts.config;
    this.host = opts.host;
    this.clock = opts.clock ?? systemClock;
    this.jobs = opts.jobs ?? new JobRunner({ spareWorker: opts.spareJobWorker ?? false });
    this.sessions = opts.sessions ?? new MemorySessionRegistry();
    this.liveEvents = opts.liveEvents ?? new MemoryLiveEvents();
    this.deskCaller = { seat: opts.deskSeat ?? deskSeat(), sessionId: null };
  }

  /** The desk's own session (the one person at the computer that holds the vault). */
  get session(): Session | null {
    return this.sessions.get(this.deskCaller.sessionId);
  }

  set session(next: Session | null) {
    if (next) throw new Error('sessions are opened through sign-in');
    if (this.deskCaller.sessionId) this.sessions.end(this.deskCaller.sessionId);
    this.deskCaller.sessionId = null;
  }

  vaultPath(): string | null {
    return this.config.load().vaultPath;
  }

  sessionInfo(session: Session | null = this.session): SessionInfo | null {
    if (!session || !this.vault) return null;
    const settings = this.vault.clinicSettings();
    const s = session.staff;
    return {
      staff: { id: s.id, name: s.name, loginId: s.loginId, role: s.role, licenceNo: s.licenceNo, specialty: s.specialty },
      signedInAt: session.signedInAt.toISOString(),
      locked: session.locked,
      passwordChangeRequired: s.passwordChangeRequired,
      idleLockMinutes: settings.idleLockMinutes,
      clinicName: settings.clinicName,
      timeZone: settings.timeZone,
      chainAlert: s.role === 'admin' ? this.chainAlert : null,
    };
  }

  /**
   * Closes the vault and forgets the key: sign-out, app quit, host shutdown. The chain's head is signed first (a
   * checkpoint beside the vault), so a chain cut while the vault was closed is found at the next open; the
   * signed-in person's jobs are cancelled (the requester went away).
   */
  closeVault(reason: Extract<CheckpointReason, 'close' | 'sign_out'> = 'close'): void {
    this.chainAlert = null;
    this.uploads.clear();
    this.backupSchedule?.stop();
    this.backupSchedule = null;
    for (const s of this.sessions.clear()) this.jobs.cancelOwnedBy(s.staff.id);
    this.jobs.dropSpare();
    this.deskCaller.sessionId = null;
    const vault = this.vault;
    this.vault = null;
    if (!vault) return;
    try {
      if (vault.db.open && !vault.db.inTransaction) vault.writeCheckpoint(reason, this.clock.now());
    } catch (e) {
      console.error('[vault] could not write the chain checkpoint:', e);
    }
    vault.close();
  }
}
