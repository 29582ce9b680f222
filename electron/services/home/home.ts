import type { Out } from '../../../shared/api';
import { addDays, endOfDay } from '../../../shared/clinic-calendar';
import { backupHomeStatus } from '../backups/backups';
import type { ServiceContext } from '../context';
import { flagChips } from '../risk-flags/risk-flags';
import { complaintSummary } from '../complaints/complaints';
import { escalationItem, visitSummary } from '../follow-ups/follow-ups';
import { incidentView } from '../incidents/incidents';
import { clinicToday, clinicZone } from '../clinic-time';

/**
 * What needs the signed-in person today, by role:
 * - physician: consents waiting for their countersignature, their patients ready for treatment, their follow-up
 *   calls, red flags and unreachable patients escalated to them, complaints they own;
 * - consultant: their patients whose cooling-off period ends by tomorrow, their follow-up calls, complaints they own;
 * - nurse: patients ready for treatment, follow-up calls for nurses or assigned to them, complaints they own;
 * - administrator: the clinic's overdue and due follow-ups, every open escalation, every open complaint by remaining
 *   time, open privacy incidents.
 */
export function homeToday(ctx: ServiceContext): Out<'home.today'> {
  const vault = ctx.vault();
  const me = ctx.session().staff;
  const admin = me.role === 'admin';
  const today = clinicToday(ctx);
  const now = ctx.clock.now();

  // Each waiting consultation carries its risk flags, so a flag reaches whoever countersigns or treats.
  const withFlags = <T extends { consultationId: string }>(rows: T[]) => rows.map((r) => ({ ...r, flags: flagChips(ctx, r.consultationId) }));
  const awaitingPhysician = withFlags(me.role === 'physician' ? vault.home.awaitingPhysician(me.id) : admin ? vault.home.awaitingPhysician(null) : []);
  const until = endOfDay(addDays(today, 1), clinicZone(ctx)).toISOString();
  const coolingOffEnding = withFlags(me.role === 'consultant' ? vault.home.coolingOffEnding(until, me.id) : admin ? vault.home.coolingOffEnding(until, null) : []);
  const readyForTreatment = withFlags(
    me.role === 'physician' ? vault.home.readyForTreatment(now.toISOString(), me.id) : me.role === 'nurse' || admin ? vault.home.readyForTreatment(now.toISOString(), null) : [],
  );

  const visits = vault.followUps.open(today, admin ? null : { staffId: me.id, role: me.role }).map((v) => visitSummary(v, today));
  const escalations = me.role === 'physician' || admin ? vault.followUps.openEscalations(admin ? null : me.id).map((e) => escalationItem(ctx, e)) : [];

  const clocks = vault.complaints.openComplaintClocks();
  const complaints = vault.complaints
    .list('open', 500)
    .filter((c) => admin || c.ownerId === me.id)
    .map((c) => complaintSummary(ctx, c, clocks.get(c.id) ?? []))
    .sort((a, b) => (a.nextDueAt ?? '\uffff').localeCompare(b.nextDueAt ?? '\uffff'));
  const incidents = admin ? vault.incidents.list('open', 100).map((i) => incidentView(ctx, i)) : [];
  const exportLeftovers = admin ? vault.evidence.exportLeftovers().map((l) => ({ exportId: l.exportId, packNo: l.packNo, path: l.path, abandonedAt: l.abandonedAt })) : [];

  ctx.audit('home.viewed', null, {
    followUps: visits.length,
    escalations: escalations.length,
    complaints: complaints.length,
    waiting: awaitingPhysician.length + coolingOffEnding.length + readyForTreatment.length,
  });
  return {
    today,
    awaitingPhysician,
    coolingOffEnding,
    readyForTreatment,
    followUpsDueToday: visits.filter((v) => v.dueState === 'due_today'),
    followUpsOverdue: visits.filter((v) => v.dueState === 'overdue'),
    escalations,
    complaints,
    incidents,
    exportLeftovers,
    backup: admin ? backupHomeStatus(vault, now) : null,
  };
}

/** Active colleagues, for pickers (assistants, owners, follow-up visits). */
export function teamList(ctx: ServiceContext): Out<'team.list'> {
  return ctx
    .vault()
    .staff.list(false)
    .map((s) => ({ id: s.id, name: s.name, role: s.role }));
}
