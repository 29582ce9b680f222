import type { Out, Parsed } from '../../../shared/api';
import type { ConsentVerification } from '../../../shared/schemas/consent';
import type { ConsentRecord } from '../../store/consents/repository';
import { sha256Hex } from '../../domain/hash';
import { signatureBinding, withdrawalBinding } from '../../domain/consent-binding';
import { requiredSignatures } from './rules';
import { requireConsent } from './view';
import { auditedRecordProblem } from './audit-check';
import type { ServiceContext } from '../context';

/**
 * Recomputes every stored hash of a consent and checks the bindings: the issued bytes against their SHA-256 and
 * the audit trail's record of the issue; each signature's strokes, picture and binding hash, and that it signs
 * the issued document; the final PDF's hash, that it begins with the issued bytes, and the audit record of it.
 */
export function verifyConsentRecord(ctx: ServiceContext, consent: ConsentRecord): ConsentVerification {
  const vault = ctx.vault();
  const checks: ConsentVerification['checks'] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ check: name, ok, detail });
  const events = vault.consents.auditEvents(consent.id);
  const issuedEvent = events.find((e) => e.action === 'consent.issued');
  const issued = vault.consents.document(consent.documentSha256);
  if (!issued) check('document.present', false, consent.documentSha256);
  else {
    const actual = sha256Hex(issued.bytes);
    check('document.sha256', actual === consent.documentSha256, actual);
    check('document.size', issued.size === issued.bytes.length, String(issued.bytes.length));
  }
  check('document.audit', issuedEvent?.details.sha256 === consent.documentSha256, String(issuedEvent?.details.sha256 ?? 'no consent.issued event'));

  const signatures = vault.consents.signatures(consent.id);
  for (const s of signatures) {
    const label = `signature.${s.form}.${s.role}`;
    check(`${label}.document`, s.documentSha256 === consent.documentSha256, s.documentSha256);
    check(`${label}.strokes`, sha256Hex(s.strokes) === s.strokesSha256, s.strokesSha256);
    check(`${label}.png`, sha256Hex(s.png) === s.pngSha256, s.pngSha256);
    const binding = signatureBinding({
      consentId: consent.id,
      documentSha256: s.documentSha256,
      form: s.form,
      role: s.role,
      signerName: s.signerName,
      staffId: s.staffId,
      signedAt: s.signedAt,
      strokesSha256: s.strokesSha256,
      pngSha256: s.pngSha256,
    });
    check(`${label}.binding`, binding === s.bindingSha256, binding);
    const event = events.find((e) => e.action === 'consent.signed' && e.details.form === s.form && e.details.role === s.role);
    check(`${label}.audit`, event?.details.bindingSha256 === s.bindingSha256, String(event?.details.bindingSha256 ?? 'no consent.signed event'));
  }

  if (consent.status === 'fully_signed') {
    const missing = requiredSignatures(consent.forms, consent.roles, signatures).filter((r) => !r.signed);
    check('signatures.complete', missing.length === 0, missing.map((m) => `${m.form}.${m.role}`).join(',') || 'all required');
    const final = consent.finalSha256 ? vault.consents.document(consent.finalSha256) : null;
    if (!final) check('final.present', false, consent.finalSha256 ?? 'none');
    else {
      const actual = sha256Hex(final.bytes);
      check('final.sha256', actual === consent.finalSha256, actual);
      check('final.contains_issued', !!issued && final.bytes.length > issued.bytes.length && final.bytes.subarray(0, issued.bytes.length).equals(issued.bytes), `first ${issued?.bytes.length ?? 0} bytes`);
    }
    const lockEvent = events.find((e) => e.action === 'consent.fully_signed');
    check('final.audit', lockEvent?.details.finalSha256 === consent.finalSha256, String(lockEvent?.details.finalSha256 ?? 'no consent.fully_signed event'));
  }

  const w = vault.consents.withdrawal(consent.id);
  if (w) {
    check('withdrawal.strokes', sha256Hex(w.strokes) === w.strokesSha256, w.strokesSha256);
    check('withdrawal.png', sha256Hex(w.png) === w.pngSha256, w.pngSha256);
    const binding = withdrawalBinding({
      consentId: consent.id,
      documentSha256: consent.documentSha256,
      finalSha256: consent.finalSha256,
      reason: w.reason,
      signerRole: w.signerRole,
      signerName: w.signerName,
      at: w.at,
      strokesSha256: w.strokesSha256,
      pngSha256: w.pngSha256,
    });
    check('withdrawal.binding', binding === w.bindingSha256, binding);
  }
  // The other way round: every issue, signature, lock and withdrawal the audit trail recorded still has its row.
  const rows = { consent, signatures, withdrawal: w };
  for (const e of events) {
    if (!['consent.issued', 'consent.signed', 'consent.fully_signed', 'consent.withdrawn'].includes(e.action)) continue;
    const p = auditedRecordProblem({ ...e, consentId: consent.id }, rows);
    check(`audit.${e.action.replace('consent.', '')}.#${e.seq}`, p === null, p ? p.problem : 'record present');
  }
  return { consentId: consent.id, ok: checks.every((c) => c.ok), checks };
}

export function verifyConsent(ctx: ServiceContext, input: Parsed<'consents.verify'>): Out<'consents.verify'> {
  const consent = requireConsent(ctx, input.consentId);
  const result = verifyConsentRecord(ctx, consent);
  ctx.audit('consent.verified', { type: 'consent', id: consent.id }, { ok: result.ok, failed: result.checks.filter((c) => !c.ok).map((c) => c.check) });
  return result;
}
