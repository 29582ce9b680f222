import { api, isChannelName, type ChannelName } from '../shared/api';
import type { Channel } from '../shared/contracts/channel';
import { toFieldIssues, type ApiResult } from '../shared/errors';
import type { AppCore } from './app-core';
import { handlers, type Handler } from './handlers';
import { makeContext, type PendingWork } from './services/context';
import { endSessions } from './services/seats/seats';
import { lockIfIdle } from './services/session/session';
import { passwordPrecheck, type CheckedPassword } from './services/session/password-checks';
import { DomainError } from './domain/errors';
import { RenderPass, RenderRequested } from './services/prepared-render';
import type { Caller, TabletScope } from './sessions/registry';
import { currentStaff } from './sessions/standing';
import { CHANNEL_WRITES, channelTopic } from './sessions/channel-writes';

export interface RouterOptions {
  /** Parse every answer with the contract's output schema (tests and development). */
  checkOutput?: boolean;
  /** Where unexpected errors are reported (never to the renderer). */
  logError?: (channel: string, error: unknown) => void;
}

export interface Router {
  /** One call from one seat; the desk's own caller when none is given (Electron, loopback host, CLI). */
  call(channel: unknown, input: unknown, caller?: Caller): Promise<ApiResult<unknown>>;
}

const failure = (code: DomainError['code'], messageKey: string): ApiResult<never> => ({ ok: false, error: { code, messageKey } });

/**
 * validate -> authorise -> handle (in one transaction) -> audit, the same for Electron IPC, the browser host
 * and the CLI. Calls are serialised: the vault is one SQLite connection and a transaction may span awaits. A call
 * is answered once its commit is on disk; the next call does not wait for that sync (store/wal-durability.ts).
 */
export function createRouter(app: AppCore, options: RouterOptions = {}): Router {
  const checkOutput = options.checkOutput ?? true;
  const logError = options.logError ?? ((channel, e) => console.error(`[router] ${channel} failed:`, e));
  let queue: Promise<unknown> = Promise.resolve();

  async function dispatch(channelName: unknown, rawInput: unknown, caller: Caller, checkedPassword: CheckedPassword | null, pass: RenderPass): Promise<ApiResult<unknown> | RenderRequested> {
    if (!isChannelName(channelName)) return failure('invalid_input', 'errors.unknownChannel');
    const channel: ChannelName = channelName;
    const spec: Channel = api[channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', messageKey: 'errors.invalid_input', issues: toFieldIssues(parsed.error, rawInput) } };
    }
    const pending: PendingWork = { failureAudits: [], afterCommit: [], checkedPassword, pass };
    const ctx = makeContext(app, pending, caller);
    const handler = handlers[channel] as Handler<ChannelName>;
    try {
      let value: unknown;
      if (spec.access === 'public') {
        value = await handler(ctx, parsed.data as never);
      } else if (spec.access === 'tablet') {
        if (caller.seat.kind !== 'tablet' || !app.vault) return failure('forbidden', 'errors.forbidden');
        const vault = app.vault;
        value = await vault.runInTransaction(() => handler(ctx, parsed.data as never));
      } else {
        const session = app.sessions.get(caller.sessionId);
        const vault = app.vault;
        if (!session || !vault) return failure('unauthenticated', 'errors.unauthenticated');
        const current = currentStaff(vault.staff, session);
        if (!current) {
          vault.transaction(() => ctx.audit('access.forbidden', null, { channel, staffInactive: true }));
          endSessions(app, [session]);
          if (caller.sessionId === session.id) caller.sessionId = null;
          return failure('unauthenticated', 'errors.unauthenticated');
        }
        app.sessions.refresh(session.id, current);
        const locked = session.locked || lockIfIdle(app, session);
        if (locked && !spec.whileLocked) return failure('locked', 'errors.locked');
        // A password an administrator set is replaced before anything else: only that, sign-out and the lock answer.
        if (current.passwordChangeRequired && !spec.whileLocked && channel !== 'account.changePassword') {
          return failure('forbidden', 'staffAccounts.errors.passwordChangeRequired');
        }
        // A signing tablet reaches only the one consent it was sent, and only the patient's side of it.
        if (session.scope && !tabletMay(channel, parsed.data, session.scope)) {
          vault.transaction(() => ctx.audit('access.forbidden', null, { channel, tablet: true }));
          return failure('forbidden', 'errors.forbidden');
        }
        if (!(spec.access as readonly string[]).includes(current.role)) {
          vault.transaction(() => ctx.audit('access.forbidden', null, { channel }));
          return failure('forbidden', 'errors.forbidden');
        }
        if (!locked) app.sessions.touch(session.id, app.clock.now());
        value = await vault.runInTransaction(() => handler(ctx, parsed.data as never));
      }
      for (const fn of pending.afterCommit) fn();
      // Other seats showing this capability re-read it (the event names no record).
      if (CHANNEL_WRITES.has(channel)) app.liveEvents.publish({ topic: channelTopic(channel), channel, at: app.clock.now().toISOString(), fromDeviceId: caller.seat.deviceId });
      if (checkOutput) {
        const out = spec.output.safeParse(value);
        if (!out.success) {
          logError(channel, out.error);
          return failure('internal', 'errors.internal');
        }
        return { ok: true, value: out.data };
      }
      return { ok: true, value };
    } catch (e) {
      // Not a failure: this pass stopped at a render it has not got (rolled back, nothing to audit).
      if (e instanceof RenderRequested) return e;
      writeFailureAudits(app, pending, logError, channel, caller);
      if (e instanceof DomainError) return { ok: false, error: e.toApiError() };
      logError(channel, e);
      return failure('internal', 'errors.internal');
    }
  }

  /** One pass through the queue; answered once what it committed is on disk (group commit). */
  function runPass(channel: unknown, input: unknown, caller: Caller, checked: CheckedPassword | null, pass: RenderPass, last: boolean): Promise<ApiResult<unknown> | RenderRequested> {
    const run = queue.then(async () => {
      const before = app.vault;
      pass.begin(last);
      const result = await dispatch(channel, input, caller, checked, pass);
      // Started before the next call runs, so it covers this call's commit (and any before it).
      const vault = app.vault ?? before;
      return { result, durable: vault && !(result instanceof RenderRequested) ? vault.durability.whenDurable() : Promise.resolve() };
    });
    queue = run.catch(() => undefined);
    // The next call runs meanwhile; this one is answered once what it committed is on disk.
    return run.then(({ result, durable }) =>
      durable.then(
        () => result,
        (e: unknown) => {
          logError(String(channel), e);
          return failure('internal', 'errors.internal');
        },
      ),
    );
  }

  return {
    call(channel, input, caller = app.deskCaller) {
      const enqueue = async (checked: CheckedPassword | null) => {
        const pass = new RenderPass();
        let renderInline = false;
        for (let n = 1; ; n++) {
          const outcome = await runPass(channel, input, caller, checked, pass, renderInline || n === MAX_PASSES);
          if (!(outcome instanceof RenderRequested)) return outcome;
          // Outside the queue: the other seats' calls run while the warm worker renders this document.
          const { kind, input: renderInput } = outcome.request;
          try {
            pass.prepare(outcome.key, await app.jobs.quick(kind, renderInput as never));
          } catch (e) {
            // No worker (a missing build, a crash): the next pass renders inline, as before.
            logError(String(channel), e);
            renderInline = true;
          }
        }
      };
      // Sign-in and unlock: the Argon2 check runs first, beside other seats' calls, then the call joins the queue.
      const precheck = passwordPrecheck(channel);
      if (!precheck) return enqueue(null);
      return precheck(app, caller, input).then(enqueue, () => enqueue(null));
    },
  };
}

/** A call renders at most this many documents outside the queue; its last pass renders what is left inline. */
const MAX_PASSES = 3;

/** What a tablet session may call: its consent's view, document and the patient-side signatures. */
const TABLET_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>(['consents.get', 'consents.document', 'consents.sign', 'session.heartbeat', 'tablet.assignment']);
const PATIENT_SIDE_ROLES: ReadonlySet<string> = new Set(['patient', 'guardian', 'witness']);

function tabletMay(channel: ChannelName, input: unknown, scope: TabletScope): boolean {
  if (!TABLET_CHANNELS.has(channel)) return false;
  if (channel === 'session.heartbeat' || channel === 'tablet.assignment') return true;
  const fields = input as { consentId?: unknown; role?: unknown };
  if (fields.consentId !== scope.consentId) return false;
  return channel !== 'consents.sign' || PATIENT_SIDE_ROLES.has(String(fields.role));
}

/** Events that must outlive the failed call (wrong password at unlock, ...), in a transaction of their own. */
function writeFailureAudits(app: AppCore, pending: PendingWork, logError: NonNullable<RouterOptions['logError']>, channel: string, caller: Caller): void {
  const vault = app.vault;
  if (!vault || pending.failureAudits.length === 0) return;
  try {
    const ctx = makeContext(app, undefined, caller);
    vault.transaction(() => {
      for (const a of pending.failureAudits) ctx.audit(a.action, a.subject, a.details);
    });
  } catch (e) {
    logError(channel, e);
  }
}
