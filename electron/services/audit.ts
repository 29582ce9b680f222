import type { Out, Parsed } from '../../shared/api';
import { SCHEMA_VERSION } from '../store/migrations';
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

export function vaultInfo(ctx: ServiceContext): Out<'vault.info'> {
  const vault = ctx.vault();
  return {
    vaultPath: vault.dir,
    schemaVersion: vault.schemaVersion(),
    appSchemaVersion: SCHEMA_VERSION,
    activeStaffByRole: vault.staff.activeCountByRole(),
    auditEvents: vault.audit.count(),
    chainHead: vault.audit.head(),
    signingKeyFingerprint: vault.settings.signingKey()?.fingerprint ?? null,
  };
}
