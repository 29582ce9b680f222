import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SEAT_UPLOAD_MAX_BYTES, type SeatDownload } from '../../../shared/schemas/evidence';
import type { StaffMember } from '../../../shared/schemas/staff';
import type { AppCore } from '../../app-core';
import type { Caller } from '../../sessions/registry';
import type { Seat } from '../../sessions/seat';
import { currentStaff, idlePastLockMs } from '../../sessions/standing';

/**
 * Files that belong to a paired seat (issue 14): the pack it exported, waiting on the server for it to download,
 * and the pack it streamed up to be verified. Both live in folders of the vault folder (0700), never in a path
 * the seat names; each belongs to one device and one staff member, and is gone after one hour at the latest.
 */
export const SEAT_EXPORTS_DIR = 'seat-exports';
export const SEAT_UPLOADS_DIR = 'seat-uploads';
export const SEAT_FILE_TTL_MS = 60 * 60_000;

/** The local transports (the desk, the command line) name server paths; every paired device is a seat. */
export const isPairedSeat = (seat: Seat): boolean => seat.kind !== 'desk' && seat.kind !== 'cli';

interface PackWaiting {
  token: string;
  jobId: string;
  packId: string;
  deviceId: string;
  staffId: string;
  file: string;
  fileName: string;
  bytes: number;
  expiresAt: number;
  /** A download is streaming it now: nobody else may start one. */
  claimed: boolean;
}

interface PackUploaded {
  uploadId: string;
  deviceId: string;
  staffId: string;
  file: string;
  bytes: number;
  expiresAt: number;
  /** A verify job reads it: kept until that job ends. */
  inUse: boolean;
}

/** Who asked for a seat export when it started; its download is made once the pack is done. */
interface SeatExportStarted {
  deviceId: string;
  staffId: string;
  fileName: string;
}

export class SeatFiles {
  private readonly downloads = new Map<string, PackWaiting>();
  private readonly byJob = new Map<string, PackWaiting>();
  private readonly started = new Map<string, SeatExportStarted>();
  private readonly uploads = new Map<string, PackUploaded>();
  /** Files being written right now (an upload streaming in, an export running): a sweep leaves them alone. */
  private readonly writing = new Set<string>();
  /** Uploads streaming in now, by file: the device each comes from. */
  private readonly streamingFrom = new Map<string, string>();
  /** The largest upload the server takes (the clinic server may set it lower). */
  uploadMaxBytes = SEAT_UPLOAD_MAX_BYTES;

  /** Remembers that this job is a seat's export (called when it starts). */
  exportStarted(jobId: string, who: SeatExportStarted, files: string[]): void {
    this.started.set(jobId, who);
    for (const f of files) this.writing.add(f);
  }

  /** The job ended: a finished pack becomes a download for its seat (idempotent); anything else leaves nothing. */
  exportEnded(job: { id: string; state: string; result: { packId: string; path: string; bytes: number } | null }, now: Date, files: string[]): PackWaiting | null {
    const existing = this.byJob.get(job.id);
    if (existing) return existing;
    const who = this.started.get(job.id);
    if (!who || job.state === 'running') return null;
    this.started.delete(job.id);
    for (const f of files) this.writing.delete(f);
    if (job.state !== 'done' || !job.result) return null;
    const waiting: PackWaiting = {
      token: randomBytes(32).toString('base64url'),
      jobId: job.id,
      packId: job.result.packId,
      deviceId: who.deviceId,
      staffId: who.staffId,
      file: job.result.path,
      fileName: who.fileName,
      bytes: job.result.bytes,
      expiresAt: now.getTime() + SEAT_FILE_TTL_MS,
      claimed: false,
    };
    this.downloads.set(waiting.token, waiting);
    this.byJob.set(job.id, waiting);
    return waiting;
  }

  /** What the export's status shows the seat that started it (null for anyone else, or once it is gone). */
  downloadOf(jobId: string, deviceId: string): SeatDownload | null {
    const w = this.byJob.get(jobId);
    if (!w || w.deviceId !== deviceId) return null;
    return { token: w.token, fileName: w.fileName, bytes: w.bytes, expiresAt: new Date(w.expiresAt).toISOString() };
  }

  /** Takes the download for streaming: only its own device and staff member, before it expires, one at a time. */
  claimDownload(token: string, deviceId: string, staffId: string, now: Date): PackWaiting | { refused: 'unknown' | 'another_seat' | 'expired' | 'busy' } {
    const w = this.downloads.get(token);
    if (!w) return { refused: 'unknown' };
    if (w.deviceId !== deviceId || w.staffId !== staffId) return { refused: 'another_seat' };
    if (now.getTime() >= w.expiresAt) {
      this.dropDownload(w);
      return { refused: 'expired' };
    }
    if (w.claimed) return { refused: 'busy' };
    w.claimed = true;
    return w;
  }

  /** The seat has every byte: the token is spent and the file removed. */
  downloaded(w: PackWaiting): void {
    this.dropDownload(w);
  }

  /** The connection broke mid-way: the same seat may try again until the token expires. */
  downloadInterrupted(w: PackWaiting): void {
    if (this.downloads.get(w.token) === w) w.claimed = false;
  }

  private dropDownload(w: PackWaiting): void {
    this.downloads.delete(w.token);
    this.byJob.delete(w.jobId);
    removeQuietly(w.file);
  }

  /**
   * Where a new upload from this device is streamed (the caller writes it; `uploadReceived` or `uploadFailed`
   * follows), or null while one from the same device is still streaming in: one pack at a time per device, so a
   * seat cannot fill the vault's disk with several uploads at once.
   */
  newUploadFile(vaultDir: string, deviceId: string): { uploadId: string; file: string } | null {
    if ([...this.streamingFrom.values()].includes(deviceId)) return null;
    const uploadId = randomUUID();
    const file = path.join(seatFolder(vaultDir, SEAT_UPLOADS_DIR), `${uploadId}.zip`);
    this.writing.add(file);
    this.streamingFrom.set(file, deviceId);
    return { uploadId, file };
  }

  uploadFailed(file: string): void {
    this.writing.delete(file);
    this.streamingFrom.delete(file);
    removeQuietly(file);
  }

  /** The upload is complete: it waits for the verify call that names it. One waiting upload per device. */
  uploadReceived(upload: { uploadId: string; file: string; bytes: number }, deviceId: string, staffId: string, now: Date): void {
    this.writing.delete(upload.file);
    this.streamingFrom.delete(upload.file);
    for (const old of [...this.uploads.values()]) if (old.deviceId === deviceId && !old.inUse) this.dropUpload(old);
    this.uploads.set(upload.uploadId, { ...upload, deviceId, staffId, expiresAt: now.getTime() + SEAT_FILE_TTL_MS, inUse: false });
  }

  /** The upload for a verify job: only its own device and staff member, once, before it expires. */
  takeUpload(uploadId: string, deviceId: string, staffId: string, now: Date): string | null {
    const u = this.uploads.get(uploadId);
    if (!u || u.inUse || u.deviceId !== deviceId || u.staffId !== staffId) return null;
    if (now.getTime() >= u.expiresAt) {
      this.dropUpload(u);
      return null;
    }
    u.inUse = true;
    return u.file;
  }

  /** The verify job ended (whatever its outcome): the uploaded pack is removed. */
  uploadUsed(uploadId: string): void {
    const u = this.uploads.get(uploadId);
    if (u) this.dropUpload(u);
  }

  private dropUpload(u: PackUploaded): void {
    this.uploads.delete(u.uploadId);
    removeQuietly(u.file);
  }

  /**
   * Removes what expired, and any file in the two folders nothing refers to (left by an earlier run of the
   * server, whose tokens died with it). Called at a seat's next export and at the server's start.
   */
  sweep(vaultDir: string, now: Date): void {
    for (const w of [...this.downloads.values()]) if (!w.claimed && now.getTime() >= w.expiresAt) this.dropDownload(w);
    for (const u of [...this.uploads.values()]) if (!u.inUse && now.getTime() >= u.expiresAt) this.dropUpload(u);
    const known = new Set<string>([...this.writing, ...[...this.downloads.values()].map((w) => w.file), ...[...this.uploads.values()].map((u) => u.file)]);
    for (const name of [SEAT_EXPORTS_DIR, SEAT_UPLOADS_DIR]) {
      const dir = path.join(vaultDir, name);
      let entries: string[];
      try {
        entries = fs.readdirSync(dir);
      } catch {
        continue;
      }
      for (const entry of entries) {
        const file = path.join(dir, entry);
        if (!known.has(file)) removeQuietly(file);
      }
    }
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch (e) {
    // Tried again at the next sweep.
    console.error('[evidence] seat file not removed:', path.basename(file), e);
  }
}

/** The folder of the vault folder that holds seats' files, created private to this user. */
export function seatFolder(vaultDir: string, name: typeof SEAT_EXPORTS_DIR | typeof SEAT_UPLOADS_DIR): string {
  const dir = path.join(path.resolve(vaultDir), name);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  return dir;
}

const seatFilesByApp = new WeakMap<AppCore, SeatFiles>();

export function seatFilesOf(app: AppCore): SeatFiles {
  let files = seatFilesByApp.get(app);
  if (!files) seatFilesByApp.set(app, (files = new SeatFiles()));
  return files;
}

/**
 * The staff member signed in at this caller's session, if it may act now: not locked and not idle past the
 * clinic's lock time (read only, like photo uploads: the lock itself is left to the next channel call).
 */
export function activeStaff(app: AppCore, caller: Caller): StaffMember | null {
  const session = app.sessions.get(caller.sessionId);
  const vault = app.vault;
  // A signing tablet's scoped session reaches one consent, not files.
  if (!session || !vault || session.locked || session.scope) return null;
  const staff = currentStaff(vault.staff, session);
  if (!staff || idlePastLockMs(session, vault.clinicSettings().idleLockMinutes, app.clock.now()) !== null) return null;
  return staff;
}
