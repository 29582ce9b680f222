import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './files';

/**
 * Failed sign-ins happen before the vault can be decrypted, so their count and the lockout live in a small
 * plain file beside it (no patient data), which survives a restart. The events are replayed into the
 * encrypted audit chain at the next successful sign-in.
 */
export const GUARD_FILE = 'signin-guard.json';
export const FREE_ATTEMPTS = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;
const MAX_ACCOUNTS = 1000;
const MAX_PENDING = 2000;

const AccountGuard = z
  .object({ failures: z.number().int().min(0), lockedUntil: z.string().nullable(), lastFailureAt: z.string().nullable() })
  .strict();
export const PendingSignInEvent = z
  .object({
    at: z.string(),
    action: z.enum(['session.signin_failed', 'session.locked_out', 'session.recovery_failed']),
    nameKey: z.string(),
    failures: z.number().int(),
    lockedUntil: z.string().nullable(),
  })
  .strict();
export type PendingSignInEvent = z.infer<typeof PendingSignInEvent>;
const GuardFile = z
  .object({ version: z.literal(1), accounts: z.record(z.string(), AccountGuard), pending: z.array(PendingSignInEvent) })
  .strict();
type GuardFile = z.infer<typeof GuardFile>;

/** Lock time after the n-th consecutive failure: none for the first four, then 30 s doubling, at most 1 h. */
export function lockDurationMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS));
}

/**
 * Keeps the file bounded without letting a flood of made-up names erase a real lockout:
 * only entries that are not locked now may be dropped, oldest failure first.
 */
function evictOldestUnlocked(g: GuardFile, now: Date): void {
  const keys = Object.keys(g.accounts);
  if (keys.length <= MAX_ACCOUNTS) return;
  const unlocked = keys
    .filter((k) => k !== '*' && !(g.accounts[k]!.lockedUntil && Date.parse(g.accounts[k]!.lockedUntil!) > now.getTime()))
    .sort((a, b) => (g.accounts[a]!.lastFailureAt ?? '').localeCompare(g.accounts[b]!.lastFailureAt ?? ''));
  for (const k of unlocked.slice(0, keys.length - MAX_ACCOUNTS)) delete g.accounts[k];
}

export class SignInGuard {
  private readonly file: string;
  constructor(dir: string) {
    this.file = path.join(dir, GUARD_FILE);
  }

  private read(): GuardFile {
    let mtimeMs = Date.now();
    try {
      mtimeMs = fs.statSync(this.file).mtimeMs;
      const parsed = GuardFile.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, accounts: {}, pending: [] };
    }
    // A damaged guard file must not become a way around the lockout: every name waits out one lock period
    // from the moment the file was damaged; the next write replaces it with a sound file.
    const lockedUntil = new Date(mtimeMs + BASE_LOCK_MS).toISOString();
    return { version: 1, accounts: { '*': { failures: FREE_ATTEMPTS, lockedUntil, lastFailureAt: null } }, pending: [] };
  }

  private write(g: GuardFile): void {
    writeFileAtomic(this.file, JSON.stringify(g, null, 2) + '\n');
  }

  /** Milliseconds until this name may try again (0: may try now). */
  retryAfterMs(key: string, now: Date): number {
    const g = this.read();
    const entries = [g.accounts[key], g.accounts['*']];
    let wait = 0;
    for (const a of entries) {
      if (a?.lockedUntil) wait = Math.max(wait, Date.parse(a.lockedUntil) - now.getTime());
    }
    return Math.max(0, wait);
  }

  /** Records a failure; returns the new lock duration in ms (0 when not locked). */
  recordFailure(
    key: string,
    now: Date,
    opts: { action?: 'session.signin_failed' | 'session.recovery_failed'; queueAudit?: boolean } = {},
  ): number {
    const action = opts.action ?? 'session.signin_failed';
    const queueAudit = opts.queueAudit ?? true;
    const g = this.read();
    const prev = g.accounts[key] ?? { failures: 0, lockedUntil: null, lastFailureAt: null };
    const failures = prev.failures + 1;
    const lockMs = lockDurationMs(failures);
    const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null;
    g.accounts[key] = { failures, lockedUntil, lastFailureAt: now.toISOString() };
    evictOldestUnlocked(g, now);
    if (queueAudit) {
      g.pending.push({ at: now.toISOString(), action, nameKey: key, failures, lockedUntil });
      if (lockMs > 0) g.pending.push({ at: now.toISOString(), action: 'session.locked_out', nameKey: key, failures, lockedUntil });
    }
    g.pending = g.pending.slice(-MAX_PENDING);
    this.write(g);
    return lockMs;
  }

  recordSuccess(key: string): void {
    const g = this.read();
    if (!g.accounts[key] && !g.accounts['*']) return;
    delete g.accounts[key];
    delete g.accounts['*'];
    this.write(g);
  }

  /** Hands the failed attempts over to the audit chain and forgets them. */
  takePending(): PendingSignInEvent[] {
    const g = this.read();
    if (g.pending.length === 0) return [];
    const pending = g.pending;
    this.write({ ...g, pending: [] });
    return pending;
  }
}
