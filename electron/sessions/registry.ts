import { randomBytes } from 'node:crypto';
import type { StaffMember } from '../../shared/schemas/staff';
import type { Seat } from './seat';

/** One signed-in person at one seat, with its own idle lock. */
export interface Session {
  readonly id: string;
  readonly seat: Seat;
  /** Changed only through the registry (touch, lock, unlock, refresh), so a database-backed one sees every change. */
  readonly staff: StaffMember;
  readonly signedInAt: Date;
  readonly lastActivity: Date;
  readonly locked: boolean;
  /**
   * A signing tablet's session: it acts for the staff member who sent the consent (they stay responsible for
   * the signing) and reaches that one consent's reading view and signature pad, nothing else.
   */
  scope?: TabletScope;
}

export interface TabletScope {
  consentId: string;
  /** The session of the staff member who sent it (who can take it back). */
  sentBySessionId: string;
}

/**
 * The signed-in sessions of every seat. In memory for one server process; the PostgreSQL engine backs the same
 * interface with a table when several server processes share the clinic's sessions.
 */
export interface SessionRegistry {
  open(seat: Seat, staff: StaffMember, now: Date, scope?: TabletScope): Session;
  get(id: string | null | undefined): Session | null;
  /** Ends one session; answers what it was (null when it had already ended). */
  end(id: string): Session | null;
  all(): Session[];
  /** Ends every session (the vault closed). */
  clear(): Session[];
  /** The seat did something: the idle lock counts from now. */
  touch(id: string, at: Date): void;
  /** The idle lock (or "lock now"): the session stays, only unlocking or sign-out answer it. */
  lock(id: string): void;
  /** Unlocked with the person's password, at `at`. */
  unlock(id: string, at: Date): void;
  /** The person's row as it stands now (a role changed elsewhere, a password replaced). */
  refresh(id: string, staff: StaffMember): void;
}

/** A session as the memory registry keeps it: the same object, with its changing fields writable here only. */
type HeldSession = { -readonly [K in keyof Session]: Session[K] };

/** A session id: 256 random bits, the only secret a seat holds besides its device credential. */
export const newSessionId = (): string => randomBytes(32).toString('base64url');

export class MemorySessionRegistry implements SessionRegistry {
  private readonly byId = new Map<string, HeldSession>();

  open(seat: Seat, staff: StaffMember, now: Date, scope?: TabletScope): Session {
    const session: HeldSession = { id: newSessionId(), seat, staff, signedInAt: now, lastActivity: now, locked: false, ...(scope ? { scope } : {}) };
    this.byId.set(session.id, session);
    return session;
  }

  get(id: string | null | undefined): Session | null {
    return id ? (this.byId.get(id) ?? null) : null;
  }

  end(id: string): Session | null {
    const session = this.byId.get(id) ?? null;
    this.byId.delete(id);
    return session;
  }

  all(): Session[] {
    return [...this.byId.values()];
  }

  clear(): Session[] {
    const all = this.all();
    this.byId.clear();
    return all;
  }

  touch(id: string, at: Date): void {
    const s = this.byId.get(id);
    if (s) s.lastActivity = at;
  }

  lock(id: string): void {
    const s = this.byId.get(id);
    if (s) s.locked = true;
  }

  unlock(id: string, at: Date): void {
    const s = this.byId.get(id);
    if (!s) return;
    s.locked = false;
    s.lastActivity = at;
  }

  refresh(id: string, staff: StaffMember): void {
    const s = this.byId.get(id);
    if (s) s.staff = staff;
  }
}

/**
 * Who is calling, as the transport knows it: the seat and the session that seat holds (none before sign-in). The
 * transport keeps it (Electron: one for the window; the clinic server: one per device cookie) and reads
 * `sessionId` back after a call that signed in or out.
 */
export interface Caller {
  readonly seat: Seat;
  sessionId: string | null;
}
