import type { Out, Parsed } from '../../shared/api';
import { failField } from '../store/errors';
import { SCHEMA_VERSION } from '../store/migrations';
import { normalizeTypedText } from '../store/typed-text';
import { auditedQuery } from './audit-text';
import { checkAllConsentEvents } from './consent-audit-check';
import type { ServiceContext } from './context';

/** Recomputes the whole chain; the check itself is recorded (after the check, so it does not verify itself). */
export function verifyAudit(ctx: ServiceContext): Out<'audit.verify'> {
  const vault = ctx.vault();
  const chain = vault.audit.verifyChain();
  const records = checkAllConsentEvents(vault);
  const checkpoint = vault.checkCheckpoint();
  const ok = chain.ok && records.problems.length === 0 && checkpoint.state === 'ok';
  ctx.audit('audit.verified', null, { ok, checked: chain.checked, firstBreak: chain.firstBreak, recordProblems: records.problems.length, checkpoint: checkpoint.state });
  return { ...chain, ok, records, checkpoint };
}

export function recentAudit(ctx: ServiceContext, input: Parsed<'audit.recent'>): Out<'audit.recent'> {
  return ctx.vault().audit.recent(input.limit);
}

/**
 * "Who searched for this ID?": the events holding the keyed hash of the text, however it was typed (dashes,
 * spaces, full-width digits). The question itself is recorded, by its hash too, after the answer is read.
 */
export function findTypedText(ctx: ServiceContext, input: Parsed<'audit.findTypedText'>): Out<'audit.findTypedText'> {
  if (!normalizeTypedText(input.text)) failField('invalid_input', 'text', 'validation.required');
  const query = auditedQuery(ctx, input.text);
  const hash = query.queryHash!;
  const matches = ctx.vault().audit.withTypedTextHash(hash, input.limit).map((event) => ({
    field: Object.keys(event.details).find((k) => event.details[k] === hash) ?? 'details',
    event,
  }));
  ctx.audit('audit.typed_text_searched', null, { ...query, count: matches.length });
  return matches;
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
