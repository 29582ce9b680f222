import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { writeFileAtomic } from '../files';
import type { KeySlotsFile } from '../keyslots';

/**
 * Failed sign-ins happen before the vault can be decrypted, so their count and the lockout live in a small
 * plain file beside it (no patient data), which survives a restart. The events are replayed into the
 * encrypted audit chain at the next successful sign-in.
 *
 * Nothing typed is stored: failures count per account, and an account is a key slot's staff id, the recovery
 * slot, or one shared bucket for every name that matches no key slot (a password typed into the name field
 * must not be kept on disk, nor later in the append-only chain).
 */
export const GUARD_FILE = 'signin-guard.json';
export const FREE_ATTEMPTS = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;
const MAX_ACCOUNTS = 1000;
const MAX_PENDING = 2000;
/** A name bucket shared by everyone who mistypes a name: it starts counting afresh after a quiet day. */
const UNKNOWN_QUIET_RESET_MS = 24 * 60 * 60_000;

/** Every sign-in name that matches no key slot. */
export const UNKNOWN_NAME_ACCOUNT = 'unknown';
export const RECOVERY_ACCOUNT = 'recovery';
/** Marks a damaged file: every account waits out one lock period. */
const DAMAGED_ACCOUNT = '*';

export function staffAccount(staffId: string): string {
  return `staff:${staffId}`;
}

/** The account a typed login id counts under: its key slot's staff id, or the shared unknown-name bucket. */
export function signInAccount(slots: KeySlotsFile, loginKey: string): string {
  const slot = slots.slots.find((s) => s.kind === 'staff' && s.nameKey === loginKey);
  return slot && slot.kind === 'staff' ? staffAccount(slot.staffId) : UNKNOWN_NAME_ACCOUNT;
}

/**
 * What the audit chain says about an account's failures. Anything that is not a staff account or the recovery
 * slot is reported as the unknown-name bucket, so no stored string can ever reach the chain as a subject.
 */
export function accountSubject(account: string): { subjectType: 'staff' | 'recovery_code' | 'sign_in_name'; subjectId: string | null; bucket: string | null } {
  if (account.startsWith('staff:')) return { subjectType: 'staff', subjectId: account.slice('staff:'.length), bucket: null };
  if (account === RECOVERY_ACCOUNT) return { subjectType: 'recovery_code', subjectId: null, bucket: null };
  return { subjectType: 'sign_in_name', subjectId: null, bucket: UNKNOWN_NAME_ACCOUNT };
}

const AccountGuard = z
  .object({ failures: z.number().int().min(0), lockedUntil: z.string().nullable(), lastFailureAt: z.string().nullable() })
  .strict();
type AccountGuard = z.infer<typeof AccountGuard>;
const Action = z.enum(['session.signin_failed', 'session.locked_out', 'session.recovery_failed']);
export const PendingSignInEvent = z
  .object({ at: z.string(), action: Action, account: z.string().max(256), failures: z.number().int(), lockedUntil: z.string().nullable() })
  .strict();
export type PendingSignInEvent = z.infer<typeof PendingSignInEvent>;
/**
 * A sign-in refused while the vault is open. It carries its own audit events, so the call that failed audits them
 * under its own seat (a shared queue would let a parallel failure at another seat take them).
 */
export class SignInRefused extends DomainError {
  readonly failedAttempts: readonly PendingSignInEvent[];
  constructor(code: 'invalid_credentials' | 'locked', messageKey: string, failedAttempts: readonly PendingSignInEvent[], params?: Record<string, string | number>) {
    super(code, messageKey, params);
    this.name = 'SignInRefused';
    this.failedAttempts = failedAttempts;
  }
}
const GuardFile = z
  .object({ version: z.literal(2), accounts: z.record(z.string().max(256), AccountGuard), pending: z.array(PendingSignInEvent) })
  .strict();
type GuardFile = z.infer<typeof GuardFile>;

/** Version 1 keyed accounts and queued events by the typed name (known or not); read so its lockouts hold. */
const LegacyGuardFile = z
  .object({
    version: z.literal(1),
    accounts: z.record(z.string(), AccountGuard),
    pending: z.array(
      z.object({ at: z.string(), action: Action, nameKey: z.string(), failures: z.number().int(), lockedUntil: z.string().nullable() }).strict(),
    ),
  })
  .strict();
type LegacyGuardFile = z.infer<typeof LegacyGuardFile>;

/** Lock time after the n-th consecutive failure: none for the first four, then 30 s doubling, at most 1 h. */
export function lockDurationMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS));
}

/**
 * Keeps the file bounded without letting a flood of failures erase a real lockout:
 * only entries that are not locked now may be dropped, oldest failure first.
 */
function evictOldestUnlocked(g: GuardFile, now: Date): void {
  const keys = Object.keys(g.accounts);
  if (keys.length <= MAX_ACCOUNTS) return;
  const unlocked = keys
    .filter((k) => k !== DAMAGED_ACCOUNT && !(g.accounts[k]!.lockedUntil && Date.parse(g.accounts[k]!.lockedUntil!) > now.getTime()))
    .sort((a, b) => (g.accounts[a]!.lastFailureAt ?? '').localeCompare(g.accounts[b]!.lastFailureAt ?? ''));
  for (const k of unlocked.slice(0, keys.length - MAX_ACCOUNTS)) delete g.accounts[k];
}

const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);

/** Two entries that become one account: the stricter count and lock, the later failure. */
function mergeAccounts(a: AccountGuard | undefined, b: AccountGuard): AccountGuard {
  if (!a) return b;
  return { failures: Math.max(a.failures, b.failures), lockedUntil: later(a.lockedUntil, b.lockedUntil), lastFailureAt: later(a.lastFailureAt, b.lastFailureAt) };
}

/** A version-1 file re-keyed by account (`accountOf` maps each typed name key to its account). */
function fromLegacy(v1: LegacyGuardFile, accountOf: (nameKey: string) => string): GuardFile {
  const keyOf = (k: string) => (k === DAMAGED_ACCOUNT ? DAMAGED_ACCOUNT : k === 'recovery:' ? RECOVERY_ACCOUNT : accountOf(k));
  const accounts: Record<string, AccountGuard> = {};
  for (const [k, a] of Object.entries(v1.accounts)) accounts[keyOf(k)] = mergeAccounts(accounts[keyOf(k)], a);
  const pending = v1.pending.map(({ nameKey, ...e }) => ({ ...e, account: keyOf(nameKey) }));
  return { version: 2, accounts, pending };
}

export class SignInGuard {
  private readonly file: string;
  /** The password check each account is running (see inTurn). */
  private readonly checking = new Map<string, Promise<void>>();
  constructor(dir: string) {
    this.file = path.join(dir, GUARD_FILE);
  }

  /**
   * Runs one account's password checks one after another. Why: a check reads the lockout, spends ~0.3 s in Argon2,
   * then counts a failure; twenty guesses sent at once from several seats would all read "not locked" first and
   * get twenty tries where the lockout allows five. In turn, each reads the count the one before it left. Other
   * accounts' checks still run beside it. (One process: the PostgreSQL engine takes a row lock for the same.)
   */
  async inTurn<T>(account: string, check: () => Promise<T>): Promise<T> {
    const before = this.checking.get(account) ?? Promise.resolve();
    const run = before.then(check);
    const done = run.then(
      () => undefined,
      () => undefined,
    );
    this.checking.set(account, done);
    try {
      return await run;
    } finally {
      if (this.checking.get(account) === done) this.checking.delete(account);
    }
  }

  /** The file as written: a current one, a version-1 one, missing, or damaged (with its modification time). */
  private readRaw(): { current: GuardFile } | { legacy: LegacyGuardFile } | { missing: true } | { damagedAt: number } {
    let mtimeMs = Date.now();
    try {
      mtimeMs = fs.statSync(this.file).mtimeMs;
      const json: unknown = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      const current = GuardFile.safeParse(json);
      if (current.success) return { current: current.data };
      const legacy = LegacyGuardFile.safeParse(json);
      if (legacy.success) return { legacy: legacy.data };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    }
    return { damagedAt: mtimeMs };
  }

  private read(): GuardFile {
    const raw = this.readRaw();
    if ('current' in raw) return raw.current;
    // Without the key slots at hand a version-1 name cannot be resolved; the vault upgrades the file before use.
    if ('legacy' in raw) return fromLegacy(raw.legacy, (k) => k);
    if ('missing' in raw) return { version: 2, accounts: {}, pending: [] };
    // A damaged guard file must not become a way around the lockout: every account waits out one lock period
    // from the moment the file was damaged; the next write replaces it with a sound file.
    const lockedUntil = new Date(raw.damagedAt + BASE_LOCK_MS).toISOString();
    return { version: 2, accounts: { [DAMAGED_ACCOUNT]: { failures: FREE_ATTEMPTS, lockedUntil, lastFailureAt: null } }, pending: [] };
  }

  private write(g: GuardFile): void {
    writeFileAtomic(this.file, JSON.stringify(g, null, 2) + '\n');
  }

  /**
   * Rewrites a version-1 file (which kept every typed name, a mistyped password among them) keyed by account:
   * known names become their staff account with their lockout, all others fold into the unknown-name bucket.
   */
  upgradeLegacy(slots: KeySlotsFile): void {
    const raw = this.readRaw();
    if (!('legacy' in raw)) return;
    this.write(fromLegacy(raw.legacy, (k) => signInAccount(slots, k)));
  }

  /** Milliseconds until this account may try again (0: may try now). */
  retryAfterMs(account: string, now: Date): number {
    const g = this.read();
    const entries = [g.accounts[account], g.accounts[DAMAGED_ACCOUNT]];
    let wait = 0;
    for (const a of entries) {
      if (a?.lockedUntil) wait = Math.max(wait, Date.parse(a.lockedUntil) - now.getTime());
    }
    return Math.max(0, wait);
  }

  /** Records a failure; returns the new lock duration in ms (0 when not locked). */
  recordFailure(
    account: string,
    now: Date,
    opts: { action?: 'session.signin_failed' | 'session.recovery_failed'; queueAudit?: boolean } = {},
  ): number {
    return this.countFailure(account, now, opts.action ?? 'session.signin_failed', opts.queueAudit ?? true).lockMs;
  }

  /**
   * Records a failure while the vault is open and hands its audit events to the caller instead of the queue:
   * several seats may fail at once, and each call must audit its own attempt under its own seat.
   */
  recordFailureToAudit(account: string, now: Date): { lockMs: number; events: PendingSignInEvent[] } {
    return this.countFailure(account, now, 'session.signin_failed', false);
  }

  private countFailure(
    account: string,
    now: Date,
    action: 'session.signin_failed' | 'session.recovery_failed',
    queueAudit: boolean,
  ): { lockMs: number; events: PendingSignInEvent[] } {
    const g = this.read();
    let prev = g.accounts[account] ?? { failures: 0, lockedUntil: null, lastFailureAt: null };
    // Nobody's success ever clears the shared bucket, so a quiet day does: years of typos must not add up to an hour's lock.
    const quietSince = prev.lastFailureAt ? now.getTime() - Date.parse(prev.lastFailureAt) : 0;
    if (account === UNKNOWN_NAME_ACCOUNT && quietSince > UNKNOWN_QUIET_RESET_MS) prev = { failures: 0, lockedUntil: null, lastFailureAt: null };
    const failures = prev.failures + 1;
    const lockMs = lockDurationMs(failures);
    const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null;
    g.accounts[account] = { failures, lockedUntil, lastFailureAt: now.toISOString() };
    evictOldestUnlocked(g, now);
    const events: PendingSignInEvent[] = [{ at: now.toISOString(), action, account, failures, lockedUntil }];
    if (lockMs > 0) events.push({ at: now.toISOString(), action: 'session.locked_out', account, failures, lockedUntil });
    if (queueAudit) g.pending.push(...events);
    g.pending = g.pending.slice(-MAX_PENDING);
    this.write(g);
    return { lockMs, events };
  }

  recordSuccess(account: string): void {
    const g = this.read();
    if (!g.accounts[account] && !g.accounts[DAMAGED_ACCOUNT]) return;
    delete g.accounts[account];
    delete g.accounts[DAMAGED_ACCOUNT];
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
