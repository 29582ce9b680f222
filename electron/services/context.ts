import type { AppCore, Session } from '../app-core';
import type { Caller } from '../sessions/registry';
import type { CheckedPassword } from './session/password-checks';
import { randomUUID } from 'node:crypto';
import type { ConsentRenderKind, ConsentRenders } from '../pdf/consent-renders';
import { renderHere, type RenderPass } from './prepared-render';
import type { AuditAction, AuditSubjectType } from '../../shared/schemas/audit-actions';
import type { Role } from '../../shared/schemas/staff';
import { fail } from '../domain/errors';
import type { Clock, Vault } from '../store/vault';

export interface Subject {
  type: AuditSubjectType;
  /** Null where the subject has no record to name (a sign-in name that matched nobody is never stored). */
  id: string | null;
}

/** What a service sees: the open vault, who is acting, the clock, and the audit trail. No Electron, no SQL. */
export interface ServiceContext {
  readonly app: AppCore;
  readonly clock: Clock;
  /** The seat calling and the session it holds (the transport's; sign-in and sign-out change its session). */
  readonly caller: Caller;
  vault(): Vault;
  /** The caller's own session: never another seat's. */
  session(): Session;
  /** Appends an event to the chain inside the current transaction, as the signed-in person. */
  audit(action: AuditAction, subject?: Subject | null, details?: Record<string, unknown>): void;
  /** An event that must survive the call failing (a wrong password, a refused action): written after rollback. */
  auditEvenIfFailed(action: AuditAction, subject?: Subject | null, details?: Record<string, unknown>): void;
  /** Work to do once the transaction has committed (closing the vault on sign-out). */
  afterCommit(fn: () => void): void;
  /** The password this call carried, already checked outside the serialised path (sign-in, unlock); null if not. */
  checkedPassword(): CheckedPassword | null;
  /** A new record id; the same one again when the call runs a second pass (see RenderPass). */
  newId(): string;
  /** A consent document render, outside the serialised path when the router runs the call in passes. */
  render<K extends ConsentRenderKind>(kind: K, input: ConsentRenders[K]['input']): Promise<ConsentRenders[K]['result']>;
}

export interface PendingWork {
  failureAudits: { action: AuditAction; subject: Subject | null; details: Record<string, unknown> }[];
  afterCommit: (() => void)[];
  checkedPassword?: CheckedPassword | null;
  /** The call's passes (router): the clock and ids replay, renders come prepared. */
  pass?: RenderPass | null;
}

export function makeContext(app: AppCore, pending: PendingWork = { failureAudits: [], afterCommit: [] }, caller: Caller = app.deskCaller): ServiceContext {
  const ctx: ServiceContext = {
    app,
    clock: pending.pass ? pending.pass.clock(app.clock) : app.clock,
    caller,
    vault: () => app.vault ?? fail('unauthenticated'),
    session: () => app.sessions.get(caller.sessionId) ?? fail('unauthenticated'),
    audit(action, subject, details = {}) {
      const actor = app.sessions.get(caller.sessionId)?.staff ?? null;
      ctx.vault().appendAudit({
        at: app.clock.now().toISOString(),
        actorId: actor?.id ?? null,
        actorName: actor?.name ?? null,
        actorRole: (actor?.role ?? null) as Role | null,
        action,
        subjectType: subject?.type ?? null,
        subjectId: subject?.id ?? null,
        details,
        seat: caller.seat,
      });
    },
    auditEvenIfFailed(action, subject, details = {}) {
      pending.failureAudits.push({ action, subject: subject ?? null, details });
    },
    afterCommit(fn) {
      pending.afterCommit.push(fn);
    },
    checkedPassword() {
      const checked = pending.checkedPassword ?? null;
      return checked && checked.vault === app.vault ? checked : null;
    },
    newId: () => (pending.pass ? pending.pass.newId() : randomUUID()),
    render: (kind, input) => (pending.pass ? pending.pass.render(kind, input) : renderHere(kind, input)),
  };
  return ctx;
}
