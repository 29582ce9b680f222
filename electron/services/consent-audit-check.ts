import type { ConsentRecord, ConsentRecordEvent, SignatureRecord, WithdrawalRecord } from '../store/consents';
import type { Vault } from '../store/vault';

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
  consent: ConsentRecord | null;
  signatures: SignatureRecord[];
  withdrawal: WithdrawalRecord | null;
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

function rowsOf(vault: Vault, consentId: string): ConsentRows {
  const consent = vault.consents.get(consentId);
  return { consent, signatures: consent ? vault.consents.signatures(consentId) : [], withdrawal: consent ? vault.consents.withdrawal(consentId) : null };
}

/** Every consent event of the whole chain against the rows it names (audit verify). */
export function checkAllConsentEvents(vault: Vault): { checked: number; problems: AuditedRecordProblem[] } {
  const problems: AuditedRecordProblem[] = [];
  const cache = new Map<string, ConsentRows>();
  let checked = 0;
  let after = 0;
  for (;;) {
    const page = vault.consents.recordEvents(after, 2000);
    if (page.length === 0) break;
    for (const e of page) {
      let rows = cache.get(e.consentId);
      if (!rows) cache.set(e.consentId, (rows = rowsOf(vault, e.consentId)));
      const p = auditedRecordProblem(e, rows);
      if (p) problems.push(p);
      checked++;
      after = e.seq;
    }
    if (cache.size > 5000) cache.clear();
  }
  return { checked, problems };
}
