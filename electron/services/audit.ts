import type { Out, Parsed } from '../../shared/api';
import type { ServiceContext } from './context';

/** Recomputes the whole chain; the check itself is recorded (after the check, so it does not verify itself). */
export function verifyAudit(ctx: ServiceContext): Out<'audit.verify'> {
  const result = ctx.vault().audit.verifyChain();
  ctx.audit('audit.verified', null, { ok: result.ok, checked: result.checked, firstBreak: result.firstBreak });
  return result;
}

export function recentAudit(ctx: ServiceContext, input: Parsed<'audit.recent'>): Out<'audit.recent'> {
  return ctx.vault().audit.recent(input.limit);
}
