import { randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../../shared/api';
import { isRealDate } from '../../../shared/dates';
import type { RetentionDueItem } from '../../../shared/schemas/retention';
import { fail } from '../../domain/errors';
import { auditedText } from '../audit/typed-text';
import type { ServiceContext } from '../context';
import { clinicToday } from '../clinic-time';
import { destructionView, holdsOn, holdView, patientRetention, proposalView, refuseIfDestroyed } from './records';
import { clinicDay, isPastRetention, retentionDateOf } from './rules';

const DUE_LIST_LIMIT = 500;
const RECENT_DESTRUCTIONS = 20;
const patientSubject = (id: string) => ({ type: 'patient', id }) as const;

export function forPatient(ctx: ServiceContext, input: Parsed<'retention.forPatient'>): Out<'retention.forPatient'> {
  const view = patientRetention(ctx, input.patientId);
  ctx.audit('retention.viewed', patientSubject(input.patientId), { status: view.status, retentionDate: view.retentionDate });
  return view;
}

/** Patients whose retention date has come (held ones too, with their holds), oldest first; pending proposals; recent destructions. */
export function overview(ctx: ServiceContext): Out<'retention.overview'> {
  const vault = ctx.vault();
  const r = vault.retention;
  const today = clinicToday(ctx);
  const dayOf = clinicDay(vault.clinicSettings().timeZone);
  const entries = r.lastEntries();
  const holds = r.allHolds();
  const clinicHolds = r.clinicHolds();
  const pending = r.pendingProposals();
  const pendingOf = new Map(pending.map((p) => [p.patientId, p.id]));
  const due: RetentionDueItem[] = [];
  for (const p of r.livingPatients()) {
    const last = entries.get(p.id);
    if (!last || !isRealDate(p.birthDate)) continue;
    const lastEntryDate = dayOf(last.at);
    const date = retentionDateOf(lastEntryDate, p.birthDate);
    if (!isPastRetention(date.date, today)) continue;
    due.push({
      patientId: p.id,
      chartNo: p.chartNo,
      nameZh: p.nameZh,
      lastEntryKind: last.kind,
      lastEntryDate,
      retentionDate: date.date,
      basis: date.basis,
      holds: [...(holds.get(p.id) ?? []), ...clinicHolds].map(holdView),
      pendingProposalId: pendingOf.get(p.id) ?? null,
    });
  }
  due.sort((a, b) => (a.retentionDate < b.retentionDate ? -1 : a.retentionDate > b.retentionDate ? 1 : a.chartNo.localeCompare(b.chartNo)));
  const recent = r.log(RECENT_DESTRUCTIONS);
  ctx.audit('retention.overview_viewed', null, { due: due.length, proposals: pending.length, clinicHolds: clinicHolds.length });
  return {
    today,
    due: due.slice(0, DUE_LIST_LIMIT),
    dueTruncated: due.length > DUE_LIST_LIMIT,
    proposals: pending.map((p) => proposalView(p, [...(holds.get(p.patientId) ?? []), ...clinicHolds])),
    clinicHolds: clinicHolds.map(holdView),
    recentDestructions: recent.map((l) => destructionView(l, r.destroyedRecords(l.patientId))),
  };
}

export function placeHold(ctx: ServiceContext, input: Parsed<'retention.placeHold'>): Out<'retention.placeHold'> {
  const vault = ctx.vault();
  if (!vault.retention.patient(input.patientId)) fail('not_found', 'errors.patientNotFound');
  refuseIfDestroyed(ctx, input.patientId);
  const id = randomUUID();
  vault.retention.placeHold({ id, patientId: input.patientId, reason: input.reason, placedBy: ctx.session().staff.id, at: ctx.clock.now().toISOString() });
  const reason = auditedText(ctx, input.reason);
  ctx.audit('retention.hold_placed', patientSubject(input.patientId), { holdId: id, reasonHash: reason.hash, reasonLength: reason.length });
  return patientRetention(ctx, input.patientId);
}

export function releaseHold(ctx: ServiceContext, input: Parsed<'retention.releaseHold'>): Out<'retention.releaseHold'> {
  const vault = ctx.vault();
  const hold = vault.retention.hold(input.holdId) ?? fail('not_found', 'retention.errors.holdNotFound');
  if (hold.released) fail('conflict', 'retention.errors.holdReleased');
  vault.retention.releaseHold({ holdId: hold.id, reason: input.reason, releasedBy: ctx.session().staff.id, at: ctx.clock.now().toISOString() });
  const reason = auditedText(ctx, input.reason);
  ctx.audit('retention.hold_released', patientSubject(hold.patientId), { holdId: hold.id, reasonHash: reason.hash, reasonLength: reason.length });
  return patientRetention(ctx, hold.patientId);
}

/** The conditions for destroying a patient's records, checked at proposal and again at approval. */
export function requireDestroyable(ctx: ServiceContext, patientId: string): ReturnType<typeof patientRetention> {
  const vault = ctx.vault();
  if (!vault.retention.patient(patientId)) fail('not_found', 'errors.patientNotFound');
  refuseIfDestroyed(ctx, patientId, 'retention.errors.alreadyDestroyed');
  const view = patientRetention(ctx, patientId);
  if (view.retentionDate === null || !isPastRetention(view.retentionDate, view.today)) {
    fail('rule_violation', 'retention.errors.notPastRetention', { chartNo: view.chartNo, date: view.retentionDate ?? '' });
  }
  if (view.holds.length > 0) fail('rule_violation', 'retention.errors.held', { chartNo: view.chartNo, count: view.holds.length });
  return view;
}

/** An administrator proposes destruction for patients past retention without a hold; all or none. */
export function propose(ctx: ServiceContext, input: Parsed<'retention.propose'>): Out<'retention.propose'> {
  const vault = ctx.vault();
  const staff = ctx.session().staff;
  const at = ctx.clock.now().toISOString();
  const ids: string[] = [];
  for (const patientId of new Set(input.patientIds)) {
    const view = requireDestroyable(ctx, patientId);
    if (view.proposal) fail('conflict', 'retention.errors.alreadyProposed', { chartNo: view.chartNo });
    const id = randomUUID();
    vault.retention.insertProposal({ id, patientId, retentionDate: view.retentionDate!, lastEntryAt: view.lastEntry?.at ?? null, proposedBy: staff.id, proposedAt: at });
    ctx.audit('retention.destruction_proposed', patientSubject(patientId), {
      proposalId: id,
      chartNo: view.chartNo,
      retentionDate: view.retentionDate,
      basis: view.basis,
      lastEntryKind: view.lastEntry?.kind ?? null,
    });
    ids.push(id);
  }
  return ids.map((id) => {
    const p = vault.retention.proposal(id) ?? fail('internal');
    return proposalView(p, holdsOn(vault, p.patientId));
  });
}

export function withdrawProposal(ctx: ServiceContext, input: Parsed<'retention.withdrawProposal'>): Out<'retention.withdrawProposal'> {
  const vault = ctx.vault();
  const p = vault.retention.proposal(input.proposalId) ?? fail('not_found', 'retention.errors.proposalNotFound');
  if (p.status !== 'pending') fail('conflict', 'retention.errors.proposalNotPending');
  vault.retention.withdrawProposal({ proposalId: p.id, reason: input.reason, withdrawnBy: ctx.session().staff.id, at: ctx.clock.now().toISOString() });
  const reason = auditedText(ctx, input.reason);
  ctx.audit('retention.proposal_withdrawn', patientSubject(p.patientId), { proposalId: p.id, reasonHash: reason.hash, reasonLength: reason.length });
  return proposalView(vault.retention.proposal(p.id) ?? fail('internal'), holdsOn(vault, p.patientId));
}

export function destructionLog(ctx: ServiceContext, input: Parsed<'retention.log'>): Out<'retention.log'> {
  const r = ctx.vault().retention;
  const log = r.log(input.limit);
  ctx.audit('retention.log_viewed', null, { count: log.length });
  return log.map((l) => destructionView(l, r.destroyedRecords(l.patientId)));
}
