import type { ConsentRecord, ConsentRecordEvent, SignatureRecord, WithdrawalRecord } from '../../store/consents/repository';
import type { Vault } from '../../store/vault';

/**
 * The hash-chained audit trail records every consent issued, signed, locked and withdrawn with the record's
 * hash. Each such event must find its row with that hash: a row deleted behind the triggers' back (with the
 * trigger dropped) leaves its event behind, and that is how the deletion is found.
 */
export interface AuditedRecordProblem {
  seq: number;
  action: string;
  consentId: string;
  problem: 'consent_missing' | 'document_differs' | 'signature_missing' | 'final_differs' | 'withdrawal_missing';
}

export interface ConsentRows {
  consent: Pick<ConsentRecord, 'documentSha256' | 'status' | 'finalSha256'> | null;
  signatures: Pick<SignatureRecord, 'bindingSha256'>[];
  withdrawal: Pick<WithdrawalRecord, 'bindingSha256'> | null;
}

/** A consent destroyed by an approved destruction (issue 11), as its tombstone lists it: the hashes of what was destroyed. */
export interface DestroyedConsent {
  documentSha256: string;
  documents: string[];
  signatures: string[];
  withdrawals: string[];
}

/** The event against the tombstone: a destroyed consent is not missing, but its event must name what was destroyed. */
export function destroyedRecordProblem(e: Omit<ConsentRecordEvent, 'consentId'> & { consentId: string }, t: DestroyedConsent): AuditedRecordProblem | null {
  const at = { seq: e.seq, action: e.action, consentId: e.consentId };
  const d = e.details;
  if (e.action === 'consent.issued' && d.sha256 !== t.documentSha256) return { ...at, problem: 'document_differs' };
  if (e.action === 'consent.signed' && !t.signatures.includes(String(d.bindingSha256))) return { ...at, problem: 'signature_missing' };
  if (e.action === 'consent.fully_signed' && !t.documents.includes(String(d.finalSha256))) return { ...at, problem: 'final_differs' };
  if (e.action === 'consent.withdrawn' && !t.withdrawals.includes(String(d.bindingSha256))) return { ...at, problem: 'withdrawal_missing' };
  return null;
}

export function auditedRecordProblem(e: Omit<ConsentRecordEvent, 'consentId'> & { consentId: string }, rows: ConsentRows): AuditedRecordProblem | null {
  const at = { seq: e.seq, action: e.action, consentId: e.consentId };
  const c = rows.consent;
  if (!c) return { ...at, problem: 'consent_missing' };
  const d = e.details;
  if (e.action === 'consent.issued' && d.sha256 !== c.documentSha256) return { ...at, problem: 'document_differs' };
  if (e.action === 'consent.signed' && !rows.signatures.some((s) => s.bindingSha256 === d.bindingSha256)) return { ...at, problem: 'signature_missing' };
  if (e.action === 'consent.fully_signed' && (c.status !== 'fully_signed' || d.finalSha256 !== c.finalSha256)) return { ...at, problem: 'final_differs' };
  if (e.action === 'consent.withdrawn' && rows.withdrawal?.bindingSha256 !== d.bindingSha256) return { ...at, problem: 'withdrawal_missing' };
  return null;
}

type Found = { rows: ConsentRows; destroyed: null } | { rows: null; destroyed: DestroyedConsent };

function rowsOf(vault: Vault, consentId: string): Found {
  const consent = vault.consents.get(consentId);
  // Gone, but by an approved destruction: checked against the tombstone instead of reported missing.
  const destroyed = consent ? null : vault.retention.destroyedConsent(consentId);
  if (destroyed) return { rows: null, destroyed };
  return { rows: { consent, signatures: consent ? vault.consents.signatures(consentId) : [], withdrawal: consent ? vault.consents.withdrawal(consentId) : null }, destroyed: null };
}

/**
 * Every consent event of the whole chain against the rows it names (audit verify). `destroyed` counts the events
 * whose consent an approved destruction removed; those are checked against the hashes its tombstone kept.
 */
export function checkAllConsentEvents(vault: Vault): { checked: number; destroyed: number; problems: AuditedRecordProblem[] } {
  const problems: AuditedRecordProblem[] = [];
  const cache = new Map<string, Found>();
  let checked = 0;
  let destroyed = 0;
  let after = 0;
  for (;;) {
    const page = vault.consents.recordEvents(after, 2000);
    if (page.length === 0) break;
    for (const e of page) {
      let found = cache.get(e.consentId);
      if (!found) cache.set(e.consentId, (found = rowsOf(vault, e.consentId)));
      const p = found.destroyed ? destroyedRecordProblem(e, found.destroyed) : auditedRecordProblem(e, found.rows);
      if (found.destroyed) destroyed++;
      if (p) problems.push(p);
      checked++;
      after = e.seq;
    }
    if (cache.size > 5000) cache.clear();
  }
  return { checked, destroyed, problems };
}
