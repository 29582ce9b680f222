import { randomUUID } from 'node:crypto';
import { attemptEscalates, redFlagsOf } from '../../../shared/aftercare';
import type { Out, Parsed } from '../../../shared/api';
import { addDays, daysBetween, dueState, endOfDay, zonedInstant } from '../../../shared/clinic-calendar';
import type { EscalationItem, QualityFigureRow, RedFlag, VisitDetail, VisitSummary } from '../../../shared/schemas/aftercare';
import type { EscalationRecord, QualitySums, VisitRow } from '../../store/follow-ups/repository';
import { fail, failField } from '../../domain/errors';
import type { ServiceContext } from '../context';
import { failEditedElsewhere, requireVersion } from '../edited-elsewhere';
import { clinicToday, clinicZone, notInFuture, nowIso } from '../clinic-time';
import { storePhoto } from '../photos/photo-intake';
import { requireActiveStaff } from '../staff/staff';

const subject = (id: string) => ({ type: 'follow_up_visit', id }) as const;

export function requireVisit(ctx: ServiceContext, id: string): VisitRow {
  return ctx.vault().followUps.visit(id) ?? fail('not_found', 'aftercare.errors.visitNotFound');
}

export function visitSummary(v: VisitRow, today: string): VisitSummary {
  const state = dueState(v.dueDate, today);
  return {
    id: v.id,
    treatmentId: v.treatmentId,
    consultationId: v.consultationId,
    patientId: v.patientId,
    patientName: v.patientName,
    chartNo: v.chartNo,
    phone: v.phone,
    procedureName: v.procedureName,
    procedureNameEn: v.procedureNameEn,
    performedAt: v.performedAt,
    levelId: v.levelId,
    dayOffset: v.dayOffset,
    role: v.role,
    method: v.method,
    focus: v.focus,
    dueDate: v.dueDate,
    dueState: state,
    daysOverdue: state === 'overdue' ? daysBetween(v.dueDate, today) : 0,
    assignedToId: v.assignedTo,
    assignedToName: v.assignedToName,
    physicianId: v.physicianId,
    physicianName: v.physicianName,
    done: v.doneAt !== null,
    failedAttempts: v.failedAttempts,
    openEscalations: v.openEscalations,
    version: v.version,
  };
}

const toEscalation = (e: EscalationRecord) => ({
  id: e.id,
  visitId: e.visitId,
  kind: e.kind,
  physicianId: e.physicianId,
  physicianName: e.physicianName,
  redFlags: e.redFlags,
  createdAt: e.createdAt,
  acknowledgedAt: e.acknowledgedAt,
  acknowledgedByName: e.acknowledgedByName,
  acknowledgementNote: e.acknowledgementNote,
});

export function escalationItem(ctx: ServiceContext, e: EscalationRecord): EscalationItem {
  const v = requireVisit(ctx, e.visitId);
  return {
    ...toEscalation(e),
    patientId: v.patientId,
    patientName: v.patientName,
    chartNo: v.chartNo,
    phone: v.phone,
    procedureName: v.procedureName,
    procedureNameEn: v.procedureNameEn,
    dueDate: v.dueDate,
    levelId: v.levelId,
  };
}

function detail(ctx: ServiceContext, visitId: string): VisitDetail {
  const store = ctx.vault().followUps;
  const v = requireVisit(ctx, visitId);
  const outcome = store.outcome(v.id);
  return {
    ...visitSummary(v, clinicToday(ctx)),
    attempts: store.attempts(v.id).map(({ visitId: _v, ...a }) => a),
    outcome: outcome
      ? {
          pain: outcome.pain,
          swelling: outcome.swelling,
          bruising: outcome.bruising,
          bleeding: outcome.bleeding,
          infectionSigns: outcome.infectionSigns,
          fever: outcome.fever,
          numbness: outcome.numbness,
          asymmetry: outcome.asymmetry,
          visionChange: outcome.visionChange,
          skinColourChange: outcome.skinColourChange,
          satisfaction: outcome.satisfaction,
          notes: outcome.notes,
          complication: outcome.complication,
          redFlags: outcome.redFlags,
          recordedAt: outcome.recordedAt,
          recordedByName: outcome.recordedByName,
          corrections: store.outcomeCorrections(v.id),
          recordedWith: outcome.recordedWith,
          contactAttemptId: outcome.contactAttemptId,
        }
      : null,
    escalations: store.escalationsForVisit(v.id).map(toEscalation),
    photos: store.visitPhotos(v.id),
  };
}

/** Something is recorded on a visit only once it is due, and never after it is done. */
function requireDueAndOpen(ctx: ServiceContext, v: VisitRow): void {
  if (v.doneAt) fail('rule_violation', 'aftercare.errors.visitDone');
  if (v.dueDate > clinicToday(ctx)) fail('rule_violation', 'aftercare.errors.visitNotDue', { due: v.dueDate });
}

/** The operating physician is told at once (a red flag) or after three failed attempts (unreachable). */
function escalate(ctx: ServiceContext, v: VisitRow, kind: 'red_flag' | 'unreachable', redFlags: RedFlag[]): void {
  const id = randomUUID();
  ctx.vault().followUps.addEscalation({ id, visitId: v.id, kind, physicianId: v.physicianId, redFlags, createdAt: nowIso(ctx) });
  ctx.audit('follow_up.escalated', subject(v.id), { patientId: v.patientId, escalationId: id, kind, physicianId: v.physicianId, redFlags });
}

/** The person's worklist (assigned to them, or unassigned for their role), or the whole clinic's. */
export function worklist(ctx: ServiceContext, input: Parsed<'followUps.worklist'>): Out<'followUps.worklist'> {
  const staff = ctx.session().staff;
  const today = clinicToday(ctx);
  const mine = input.scope === 'mine' && staff.role !== 'admin';
  const rows = ctx.vault().followUps.open(addDays(today, input.upcomingDays), mine ? { staffId: staff.id, role: staff.role } : null);
  const visits = rows.map((r) => visitSummary(r, today));
  ctx.audit('follow_up.worklist_viewed', null, { scope: mine ? 'mine' : 'all', count: visits.length });
  return {
    today,
    dueToday: visits.filter((v) => v.dueState === 'due_today'),
    overdue: visits.filter((v) => v.dueState === 'overdue'),
    upcoming: visits.filter((v) => v.dueState === 'upcoming'),
  };
}

export function visitsForTreatment(ctx: ServiceContext, input: Parsed<'followUps.forTreatment'>): Out<'followUps.forTreatment'> {
  const vault = ctx.vault();
  const t = vault.treatments.get(input.treatmentId) ?? fail('not_found', 'aftercare.errors.treatmentNotFound');
  const today = clinicToday(ctx);
  ctx.audit('follow_up.plan_viewed', { type: 'treatment', id: t.id }, { patientId: t.patientId });
  return vault.followUps.forTreatment(t.id).map((r) => visitSummary(r, today));
}

export function getVisit(ctx: ServiceContext, input: Parsed<'followUps.get'>): Out<'followUps.get'> {
  const v = requireVisit(ctx, input.visitId);
  ctx.audit('follow_up.viewed', subject(v.id), { patientId: v.patientId });
  return detail(ctx, v.id);
}

/** Every call or visit attempt is logged; "no answer" counts. The third failure in a row escalates. */
export function logAttempt(ctx: ServiceContext, input: Parsed<'followUps.logAttempt'>): Out<'followUps.logAttempt'> {
  const store = ctx.vault().followUps;
  const v = requireVisit(ctx, input.visitId);
  requireDueAndOpen(ctx, v);
  notInFuture(ctx, input.at, 'at');
  if (input.at < v.performedAt) failField('invalid_input', 'at', 'aftercare.errors.beforeTreatment');
  const previous = store.attempts(v.id).map((a) => a.result);
  const id = randomUUID();
  store.addAttempt({ id, visitId: v.id, at: input.at, method: input.method, result: input.result, note: input.note, staffId: ctx.session().staff.id, createdAt: nowIso(ctx) });
  ctx.audit('follow_up.attempt_logged', subject(v.id), { patientId: v.patientId, attemptId: id, result: input.result, method: input.method, at: input.at });
  if (attemptEscalates(previous, input.result)) escalate(ctx, v, 'unreachable', []);
  return detail(ctx, v.id);
}

/**
 * The outcome of a due visit, recorded only after a contact: a call that reached the patient or an in-person visit
 * (an attempt with the result `reached`), so an outcome can never say what nobody was asked. Red flags (infection
 * signs, fever, pain of 7 or more, vision or skin-colour change, heavy bleeding) escalate at once to the operating
 * physician. The first outcome moves the consultation to `follow_up`; the last visit's outcome closes it.
 */
export function recordOutcome(ctx: ServiceContext, input: Parsed<'followUps.recordOutcome'>): Out<'followUps.recordOutcome'> {
  const vault = ctx.vault();
  const store = vault.followUps;
  const v = requireVisit(ctx, input.visitId);
  // Another seat recorded the outcome (or reassigned the visit) since this form loaded: names who, writes nothing.
  requireVersion(ctx, v, input.expectedVersion);
  if (store.outcome(v.id)) fail('conflict', 'aftercare.errors.outcomeExists');
  requireDueAndOpen(ctx, v);
  const contact = store.attempts(v.id).filter((a) => a.result === 'reached').at(-1) ?? fail('rule_violation', 'safety.outcome.contactFirst');
  const { visitId: _v, expectedVersion, ...fields } = input;
  const redFlags = redFlagsOf(fields);
  const now = nowIso(ctx);
  const me = ctx.session().staff.id;
  if (!store.markDone(v.id, expectedVersion, { by: me, at: now })) failEditedElsewhere(ctx, store.lastSave(v.id) ?? v);
  store.addOutcome({ ...fields, visitId: v.id, redFlags, recordedBy: me, recordedAt: now, contactAttemptId: contact.id });
  ctx.audit('follow_up.outcome_recorded', subject(v.id), {
    patientId: v.patientId,
    levelId: v.levelId,
    contactAttemptId: contact.id,
    contactMethod: contact.method,
    pain: fields.pain,
    satisfaction: fields.satisfaction,
    redFlags,
    complication: fields.complication ? { type: fields.complication.type, severity: fields.complication.severity } : null,
  });
  if (redFlags.length > 0) escalate(ctx, v, 'red_flag', redFlags);
  const c = vault.consultations.get(v.consultationId) ?? fail('internal');
  const next = store.openCountForTreatment(v.treatmentId) === 0 ? 'closed' : 'follow_up';
  if (c.status !== next && (c.status === 'treated' || c.status === 'follow_up')) {
    vault.consultations.save({ ...c, status: next, updatedAt: now });
    ctx.audit(next === 'closed' ? 'consultation.follow_up_completed' : 'consultation.follow_up_started', { type: 'consultation', id: c.id }, { patientId: c.patientId });
  }
  return detail(ctx, v.id);
}

export function correctOutcome(ctx: ServiceContext, input: Parsed<'followUps.correctOutcome'>): Out<'followUps.correctOutcome'> {
  const store = ctx.vault().followUps;
  const v = requireVisit(ctx, input.visitId);
  if (!store.outcome(v.id)) fail('rule_violation', 'aftercare.errors.noOutcome');
  const id = randomUUID();
  store.addOutcomeCorrection(id, v.id, input.text, ctx.session().staff.id, nowIso(ctx));
  ctx.audit('follow_up.outcome_corrected', subject(v.id), { patientId: v.patientId, correctionId: id });
  return detail(ctx, v.id);
}

/** Photos from a due visit (same rules as before photos); added, never replacing anything. */
export function addVisitPhoto(ctx: ServiceContext, input: Parsed<'followUps.addPhoto'>): Out<'followUps.addPhoto'> {
  const v = requireVisit(ctx, input.visitId);
  if (v.dueDate > clinicToday(ctx)) fail('rule_violation', 'aftercare.errors.visitNotDue', { due: v.dueDate });
  const photo = storePhoto(ctx, { patientId: v.patientId, consultationId: null, kind: 'after' }, input);
  ctx.vault().treatments.linkPhoto(photo.id, v.treatmentId, v.id);
  ctx.audit('follow_up.photo_added', subject(v.id), { patientId: v.patientId, photoId: photo.id, sha256: photo.sha256, bytesRemoved: photo.bytesRemoved, angle: photo.angle, area: photo.area, capturedAtSource: photo.capturedAtSource });
  return detail(ctx, v.id);
}

/** Staff take a visit of their own role; the administrator gives it to anyone of that role. */
export function assignVisit(ctx: ServiceContext, input: Parsed<'followUps.assign'>): Out<'followUps.assign'> {
  const me = ctx.session().staff;
  const v = requireVisit(ctx, input.visitId);
  // Someone else took or was given the visit since this screen loaded it: refused, naming who and when.
  requireVersion(ctx, v, input.expectedVersion);
  if (v.doneAt) fail('rule_violation', 'aftercare.errors.visitDone');
  if (me.role !== 'admin' && input.staffId !== me.id) failField('rule_violation', 'staffId', 'aftercare.errors.assignSelfOnly');
  requireActiveStaff(ctx, input.staffId, 'staffId');
  if (ctx.vault().staff.get(input.staffId)!.role !== v.role) failField('rule_violation', 'staffId', 'aftercare.errors.wrongRoleForVisit');
  if (v.assignedTo === input.staffId) return detail(ctx, v.id);
  if (!ctx.vault().followUps.assign(v.id, input.expectedVersion, input.staffId, { by: me.id, at: nowIso(ctx) })) failEditedElsewhere(ctx, ctx.vault().followUps.lastSave(v.id) ?? v);
  ctx.audit('follow_up.assigned', subject(v.id), { patientId: v.patientId, from: v.assignedTo, to: input.staffId });
  return detail(ctx, v.id);
}

/** Unacknowledged escalations: a physician's own, or (administrator, or scope `all`) the clinic's. */
export function listEscalations(ctx: ServiceContext, input: Parsed<'followUps.escalations'>): Out<'followUps.escalations'> {
  const me = ctx.session().staff;
  const physicianId = input.scope === 'mine' && me.role !== 'admin' ? me.id : null;
  const items = ctx.vault().followUps.openEscalations(physicianId).map((e) => escalationItem(ctx, e));
  ctx.audit('follow_up.escalations_viewed', null, { scope: physicianId ? 'mine' : 'all', count: items.length });
  return items;
}

/**
 * The operating physician acknowledges with what was done (called back, seen, referred). An administrator may
 * do it only when that physician is no longer active, so no escalation is left without an owner.
 */
export function acknowledgeEscalation(ctx: ServiceContext, input: Parsed<'followUps.acknowledge'>): Out<'followUps.acknowledge'> {
  const store = ctx.vault().followUps;
  const me = ctx.session().staff;
  const e = store.escalation(input.escalationId) ?? fail('not_found', 'aftercare.errors.escalationNotFound');
  if (e.acknowledgedAt) fail('conflict', 'aftercare.errors.alreadyAcknowledged');
  const physicianActive = ctx.vault().staff.get(e.physicianId)?.active ?? false;
  if (me.id !== e.physicianId && !(me.role === 'admin' && !physicianActive)) fail('rule_violation', 'aftercare.errors.notYourEscalation');
  store.acknowledge(e.id, nowIso(ctx), me.id, input.note);
  const v = requireVisit(ctx, e.visitId);
  ctx.audit('follow_up.escalation_acknowledged', subject(v.id), { patientId: v.patientId, escalationId: e.id, kind: e.kind });
  return escalationItem(ctx, store.escalation(e.id)!);
}

function figureRow(r: Omit<QualitySums, 'procedureId'> & { procedureId: string | null }): QualityFigureRow {
  const { painSum, satisfactionSum, satisfactionCount, ...counts } = r;
  return {
    ...counts,
    meanPain: r.outcomes > 0 ? Math.round((painSum / r.outcomes) * 10) / 10 : null,
    meanSatisfaction: satisfactionCount > 0 ? Math.round((satisfactionSum / satisfactionCount) * 10) / 10 : null,
  };
}

/**
 * Outcome figures per procedure over clinic days. Outcomes recorded with the old pre-filled form are either
 * counted and flagged (`prefilled` in each row) or left out; the period's count of them is always given.
 */
export function qualityFigures(ctx: ServiceContext, input: Parsed<'followUps.qualityFigures'>): Out<'followUps.qualityFigures'> {
  const zone = clinicZone(ctx);
  const from = zonedInstant(input.from, '00:00', zone).toISOString();
  const to = endOfDay(input.to, zone).toISOString();
  const { rows, prefilledInPeriod } = ctx.vault().followUps.qualityFigures(from, to, input.prefilled === 'exclude');
  const sum = (k: 'outcomes' | 'prefilled' | 'withRedFlags' | 'withComplication' | 'painSum' | 'satisfactionSum' | 'satisfactionCount') => rows.reduce((n, r) => n + r[k], 0);
  const total = figureRow({
    procedureId: null,
    procedureName: '',
    procedureNameEn: '',
    outcomes: sum('outcomes'),
    prefilled: sum('prefilled'),
    withRedFlags: sum('withRedFlags'),
    withComplication: sum('withComplication'),
    painSum: sum('painSum'),
    satisfactionSum: sum('satisfactionSum'),
    satisfactionCount: sum('satisfactionCount'),
  });
  ctx.audit('follow_up.quality_figures_viewed', null, { from: input.from, to: input.to, prefilled: input.prefilled, outcomes: total.outcomes, prefilledInPeriod });
  return { from: input.from, to: input.to, prefilled: input.prefilled, prefilledInPeriod, total, byProcedure: rows.map(figureRow) };
}
