import { dateInZone, isRealDate } from '../../../shared/dates';
import type { DestructionRecord, HoldView, PatientRetention, ProposalView } from '../../../shared/schemas/retention';
import { fail } from '../../domain/errors';
import type { DestroyedRecordRow, DestructionLogRecord, HoldRecord, ProposalRecord } from '../../store/retention/repository';
import type { Vault } from '../../store/vault';
import { clinicToday } from '../clinic-time';
import type { ServiceContext } from '../context';
import { isPastRetention, retentionDateOf } from './rules';

export function holdView(h: HoldRecord): HoldView {
  return { kind: h.kind, id: h.id, refNo: h.refNo, reason: h.reason, since: h.since, placedByName: h.placedByName };
}

/** Every hold on the patient now: their own (admin, open complaints) and the clinic-wide ones (open privacy incidents). */
export function holdsOn(vault: Vault, patientId: string): HoldRecord[] {
  return [...vault.retention.holdsOf(patientId), ...vault.retention.clinicHolds()];
}

export function proposalView(p: ProposalRecord, holds: readonly HoldRecord[]): ProposalView {
  return {
    id: p.id,
    patientId: p.patientId,
    chartNo: p.chartNo,
    nameZh: p.nameZh,
    retentionDate: p.retentionDate,
    proposedAt: p.proposedAt,
    proposedById: p.proposedById,
    proposedByName: p.proposedByName,
    status: p.status,
    holds: holds.map(holdView),
  };
}

export function destructionView(l: DestructionLogRecord, records: readonly DestroyedRecordRow[]): DestructionRecord {
  return {
    proposalId: l.proposalId,
    patientId: l.patientId,
    chartNo: l.chartNo,
    destroyedAt: l.at,
    proposedById: l.proposedById,
    proposedByName: l.proposedByName,
    approvedById: l.approvedById,
    approvedByName: l.approvedByName,
    method: l.method,
    place: { clinic: l.placeClinic, vaultId: l.placeVaultId, machine: l.placeMachine },
    counts: l.counts,
    documents: records
      .filter((r): r is DestroyedRecordRow & { sha256: string } => r.sha256 !== null)
      .map((r) => ({ kind: r.kind, recordId: r.recordId, parentId: r.parentId, sha256: r.sha256, bytes: r.bytes })),
    auditEventsKept: l.auditEventsKept,
    auditEventsWithTypedText: l.auditEventsWithTypedText,
    keepUntil: l.keepUntil,
  };
}

export function destructionOf(vault: Vault, patientId: string): DestructionRecord | null {
  const log = vault.retention.log(1, patientId)[0];
  return log ? destructionView(log, vault.retention.destroyedRecords(patientId)) : null;
}

/**
 * A destroyed patient's clinical content is gone: any channel that would open or add to it answers with the
 * destruction record (chart number, when, by whom, how) instead.
 */
export function refuseIfDestroyed(ctx: ServiceContext, patientId: string, messageKey = 'retention.errors.patientDestroyed'): void {
  const vault = ctx.vault();
  if (!vault.retention.destroyedAt(patientId)) return;
  const d = destructionOf(vault, patientId) ?? fail('internal');
  fail('rule_violation', messageKey, {
    chartNo: d.chartNo,
    destroyedOn: dateInZone(new Date(d.destroyedAt), vault.clinicSettings().timeZone),
    proposedBy: d.proposedByName,
    approvedBy: d.approvedByName,
    proposalId: d.proposalId,
  });
}

/** The patient's retention as the patient page shows it (also for a destroyed patient: the tombstone). */
export function patientRetention(ctx: ServiceContext, patientId: string): PatientRetention {
  const vault = ctx.vault();
  const patient = vault.retention.patient(patientId) ?? fail('not_found', 'errors.patientNotFound');
  const today = clinicToday(ctx);
  if (vault.retention.destroyedAt(patientId)) {
    return {
      patientId,
      chartNo: patient.chartNo,
      today,
      lastEntry: null,
      adulthoodDate: null,
      retentionDate: null,
      basis: null,
      status: 'destroyed',
      holds: [],
      proposal: null,
      destruction: destructionOf(vault, patientId),
    };
  }
  if (!isRealDate(patient.birthDate)) fail('internal');
  const last = vault.retention.lastEntry(patientId) ?? fail('internal');
  const lastDate = dateInZone(new Date(last.at), vault.clinicSettings().timeZone);
  const r = retentionDateOf(lastDate, patient.birthDate);
  const holds = holdsOn(vault, patientId);
  const latest = vault.retention.latestProposalOf(patientId);
  const pending = latest?.status === 'pending' ? latest : null;
  const past = isPastRetention(r.date, today);
  return {
    patientId,
    chartNo: patient.chartNo,
    today,
    lastEntry: { kind: last.kind, at: last.at, date: lastDate },
    adulthoodDate: r.adulthoodDate,
    retentionDate: r.date,
    basis: r.basis,
    status: past && holds.length > 0 ? 'held' : pending ? 'proposed' : past ? 'past_retention' : 'retained',
    holds: holds.map(holdView),
    proposal: pending ? proposalView(pending, holds) : null,
    destruction: null,
  };
}
