import { randomUUID } from 'node:crypto';
import type { Caller } from '../sessions/registry';
import { currentStaff, idlePastLockMs } from '../sessions/standing';
import { PHOTO_UPLOAD_MAX_BYTES, type UploadReceipt } from '../../shared/schemas/photo';
import type { ApiResult } from '../../shared/errors';
import type { AppCore } from '../app-core';
import { whenVaultIdle } from '../jobs/vault-idle';
import { makeContext } from './context';

/** How long an upload waits for the channel call that names it. */
export const UPLOAD_TTL_MS = 15 * 60_000;
/** At most this many bytes wait at once (a dozen full-size photos chosen together, with room to spare). */
export const UPLOAD_MAX_PENDING_BYTES = 300 * 1024 * 1024;

interface Pending {
  ownerId: string;
  bytes: Buffer;
  at: number;
}

/**
 * Photo files on their way in: received as a stream (browser host) or an ArrayBuffer (Electron IPC), kept here
 * under a random id until a JSON channel (consultations.addPhoto, ...) names the id. Kept in memory, never on
 * disk: a patient's photo is plaintext until the vault has it, and the vault is the only place it is written.
 * An upload belongs to the staff member who sent it, is taken once, expires, and is dropped at sign-out.
 */
export class UploadStore {
  private readonly pending = new Map<string, Pending>();

  private sweep(now: number): void {
    for (const [id, p] of this.pending) if (now - p.at > UPLOAD_TTL_MS) this.pending.delete(id);
  }

  private pendingBytes(): number {
    let n = 0;
    for (const p of this.pending.values()) n += p.bytes.length;
    return n;
  }

  /** Keeps the bytes; null when the store is full (the caller answers "try again with fewer photos"). */
  put(ownerId: string, bytes: Buffer, now: Date): UploadReceipt | null {
    this.sweep(now.getTime());
    if (this.pendingBytes() + bytes.length > UPLOAD_MAX_PENDING_BYTES) return null;
    const uploadId = randomUUID();
    this.pending.set(uploadId, { ownerId, bytes, at: now.getTime() });
    return { uploadId, size: bytes.length };
  }

  /** The bytes of an upload its owner sent and that has not expired; they stay until `discard`. */
  peek(uploadId: string, ownerId: string, now: Date): Buffer | null {
    this.sweep(now.getTime());
    const p = this.pending.get(uploadId);
    return p && p.ownerId === ownerId ? p.bytes : null;
  }

  discard(uploadId: string): void {
    this.pending.delete(uploadId);
  }

  /** Sign-out, lock of the vault, shutdown: nothing waits for a session that ended. */
  clear(): void {
    this.pending.clear();
  }

  get size(): number {
    return this.pending.size;
  }
}

const refuse = (code: 'unauthenticated' | 'forbidden' | 'locked' | 'invalid_input' | 'rule_violation', messageKey: string): ApiResult<UploadReceipt> => ({ ok: false, error: { code, messageKey } });

/**
 * The one entry for uploaded bytes, whatever the transport: only a signed-in, unlocked session may send, and
 * only a file no larger than one photo may be kept. What the bytes are is checked when a channel uses them.
 */
export function acceptUpload(app: AppCore, bytes: Buffer, caller: Caller = app.deskCaller): ApiResult<UploadReceipt> {
  const refused = uploadRefusal(app, caller);
  if (refused) return refused;
  const session = app.sessions.get(caller.sessionId)!;
  const now = app.clock.now();
  if (bytes.length === 0) return refuse('invalid_input', 'validation.photoFormat');
  if (bytes.length > PHOTO_UPLOAD_MAX_BYTES) return refuse('invalid_input', 'validation.photoTooLarge');
  const receipt = app.uploads.put(session.staff.id, bytes, now);
  if (!receipt) return refuse('rule_violation', 'intake.errors.uploadsFull');
  app.sessions.touch(session.id, now);
  return { ok: true, value: receipt };
}

/**
 * Why this caller may not send a file now, or null: asked before the body is read (a device nobody is signed in
 * at must not make the server hold 25 MB per request) and again once it has arrived (the session may have ended).
 * A signing tablet's attempt is audited (it is refused at the first ask).
 */
export function uploadRefusal(app: AppCore, caller: Caller): ApiResult<UploadReceipt> | null {
  const session = app.sessions.get(caller.sessionId);
  const vault = app.vault;
  if (!session || !vault) return refuse('unauthenticated', 'errors.unauthenticated');
  // A signing tablet acts for its sender on one consent: it sends no files (which would wait under the sender's name).
  if (session.scope) {
    void whenVaultIdle(app, vault, () => makeContext(app, undefined, caller).audit('access.forbidden', null, { channel: 'upload', tablet: true })).catch(() => undefined);
    return refuse('forbidden', 'errors.forbidden');
  }
  if (!currentStaff(vault.staff, session)) return refuse('unauthenticated', 'errors.unauthenticated');
  // Read-only idle check: uploads run beside the router's queue, so the lock itself (and its audit event) is
  // left to the next channel call; an idle session's upload is refused all the same.
  if (session.locked || idlePastLockMs(session, vault.clinicSettings().idleLockMinutes, app.clock.now()) !== null) return refuse('locked', 'errors.locked');
  return null;
}
