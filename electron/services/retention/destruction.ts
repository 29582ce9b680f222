import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Out, Parsed } from '../../../shared/api';
import type { DestructionRecord } from '../../../shared/schemas/retention';
import { fail, failField } from '../../domain/errors';
import type { ServiceContext } from '../context';
import { clinicToday } from '../clinic-time';
import { destructionView } from './records';
import { requireDestroyable } from './retention';
import { addYears, DESTRUCTION_LOG_YEARS } from './rules';

/**
 * How the records are destroyed: deleted from the encrypted vault with SQLite's secure_delete on (freed pages are
 * overwritten with zeros), the full-text index in secure-delete mode, and the write-ahead log emptied afterwards.
 */
export const DESTRUCTION_METHOD = 'sqlite_secure_delete';

/**
 * The second administrator confirms: signed in as themselves (not the proposer), with their own password (the
 * sign-in lockout applies). Each proposal is checked again (still past retention, no hold since), then its
 * patient's records are destroyed in this one transaction, each with its tombstone, log entry and audit event.
 */
export async function confirmDestruction(ctx: ServiceContext, input: Parsed<'retention.confirmDestruction'>): Promise<Out<'retention.confirmDestruction'>> {
  const vault = ctx.vault();
  const staff = ctx.session().staff;
  const proposalIds = [...new Set(input.proposalIds)];
  const proposals = proposalIds.map((id) => {
    const p = vault.retention.proposal(id) ?? fail('not_found', 'retention.errors.proposalNotFound');
    if (p.status !== 'pending') fail('conflict', 'retention.errors.proposalNotPending', { chartNo: p.chartNo });
    if (p.proposedById === staff.id) fail('rule_violation', 'retention.errors.secondAdminRequired', { chartNo: p.chartNo });
    requireDestroyable(ctx, p.patientId);
    return p;
  });
  let ok: boolean;
  try {
    ok = await vault.verifyStaffPassword(staff.id, input.password, ctx.clock);
  } catch (e) {
    ctx.auditEvenIfFailed('retention.destruction_refused', null, { proposalIds, reason: 'locked_out' });
    throw e;
  }
  if (!ok) {
    ctx.auditEvenIfFailed('retention.destruction_password_failed', null, { proposalIds });
    failField('invalid_credentials', 'password', 'retention.errors.passwordWrong');
  }

  const settings = vault.clinicSettings();
  const at = ctx.clock.now().toISOString();
  const keepUntil = addYears(clinicToday(ctx), DESTRUCTION_LOG_YEARS);
  const machine = os.hostname();
  const destructions: DestructionRecord[] = proposals.map((p) => {
    // Counted before the records go: the events naming the consultations, consents… of this patient.
    const audit = vault.retention.auditEventsNaming(p.patientId, vault.retention.recordIdsOf(p.patientId));
    const result = vault.retention.destroy({
      proposalId: p.id,
      patientId: p.patientId,
      chartNo: p.chartNo,
      proposedById: p.proposedById,
      approvedById: staff.id,
      at,
      method: DESTRUCTION_METHOD,
    });
    const log = {
      id: randomUUID(),
      proposalId: p.id,
      patientId: p.patientId,
      chartNo: p.chartNo,
      at,
      proposedById: p.proposedById,
      proposedByName: p.proposedByName,
      approvedById: staff.id,
      approvedByName: staff.name,
      method: DESTRUCTION_METHOD,
      placeClinic: settings.clinicName,
      placeVaultId: vault.id,
      placeMachine: machine,
      auditEventsKept: audit.kept,
      auditEventsWithTypedText: audit.withTypedText,
      keepUntil,
    };
    vault.retention.writeLog(log);
    const documents = result.records.filter((r) => r.sha256 !== null).length;
    ctx.audit('retention.destroyed', { type: 'patient', id: p.patientId }, {
      proposalId: p.id,
      chartNo: p.chartNo,
      proposedBy: p.proposedById,
      method: DESTRUCTION_METHOD,
      counts: result.counts,
      documents,
      auditEventsKept: audit.kept,
      auditEventsWithTypedText: audit.withTypedText,
      machine,
    });
    return destructionView({ ...log, counts: result.counts }, result.records);
  });
  // Once committed, the write-ahead log is emptied into the (zeroed) database pages.
  ctx.afterCommit(() => {
    try {
      vault.retention.truncateWal();
    } catch (e) {
      console.error('[retention] write-ahead log not emptied yet:', e);
    }
  });
  return { destructions, destroyedAt: at };
}
