import type { AppCore, Session } from '../app-core';
import type { AuditAction, AuditSubjectType } from '../../shared/schemas/audit-actions';
import type { Role } from '../../shared/schemas/staff';
import { fail } from '../domain/errors';
import type { Clock, Vault } from '../store/vault';

export interface Subject {
  type: AuditSubjectType;
  id: string;
}

/** What a service sees: the open vault, who is acting, the clock, and the audit trail. No Electron, no SQL. */
export interface ServiceContext {
  readonly app: AppCore;
  readonly clock: Clock;
  vault(): Vault;
  session(): Session;
  /** Appends an event to the chain inside the current transaction, as the signed-in person. */
  audit(action: AuditAction, subject?: Subject | null, details?: Record<string, unknown>): void;
  /** An event that must survive the call failing (a wrong password, a refused action): written after rollback. */
  auditEvenIfFailed(action: AuditAction, subject?: Subject | null, details?: Record<string, unknown>): void;
  /** Work to do once the transaction has committed (closing the vault on sign-out). */
  afterCommit(fn: () => void): void;
}

export interface PendingWork {
  failureAudits: { action: AuditAction; subject: Subject | null; details: Record<string, unknown> }[];
  afterCommit: (() => void)[];
}

export function makeContext(app: AppCore, pending: PendingWork = { failureAudits: [], afterCommit: [] }): ServiceContext {
  const ctx: ServiceContext = {
    app,
    clock: app.clock,
    vault: () => app.vault ?? fail('unauthenticated'),
    session: () => app.session ?? fail('unauthenticated'),
    audit(action, subject, details = {}) {
      const actor = app.session?.staff ?? null;
      ctx.vault().appendAudit({
        at: app.clock.now().toISOString(),
        actorId: actor?.id ?? null,
        actorName: actor?.name ?? null,
        actorRole: (actor?.role ?? null) as Role | null,
        action,
        subjectType: subject?.type ?? null,
        subjectId: subject?.id ?? null,
        details,
      });
    },
    auditEvenIfFailed(action, subject, details = {}) {
      pending.failureAudits.push({ action, subject: subject ?? null, details });
    },
    afterCommit(fn) {
      pending.afterCommit.push(fn);
    },
  };
  return ctx;
}
