import { randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../../shared/api';
import { clockDeadline, clockStatus, EMPTY_CALENDAR } from '../../../shared/clinic-calendar';
import { dateInZone } from '../../../shared/dates';
import type { IncidentView } from '../../../shared/schemas/complaint';
import type { IncidentRecord } from '../../store/incidents/repository';
import { fail, failField } from '../../domain/errors';
import { auditedText } from '../audit/typed-text';
import type { ServiceContext } from '../context';
import { clinicZone, notInFuture, nowIso } from '../clinic-time';

const subject = (id: string) => ({ type: 'privacy_incident', id }) as const;

function requireIncident(ctx: ServiceContext, id: string): IncidentRecord {
  return ctx.vault().incidents.get(id) ?? fail('not_found', 'aftercare.errors.incidentNotFound');
}

function requireOpen(ctx: ServiceContext, id: string): IncidentRecord {
  const i = requireIncident(ctx, id);
  if (i.status === 'closed') fail('rule_violation', 'aftercare.errors.incidentClosed');
  return i;
}

export function incidentView(ctx: ServiceContext, i: IncidentRecord): IncidentView {
  const clock = { startedAt: i.discoveredAt, dueAt: i.dueAt, metAt: i.notification?.notifiedAt ?? null };
  return {
    id: i.id,
    refNo: i.refNo,
    whatHappened: i.whatHappened,
    peopleAffected: i.peopleAffected,
    dataKinds: i.dataKinds,
    occurredAt: i.occurredAt,
    discoveredAt: i.discoveredAt,
    containment: i.containment,
    reportedByName: i.reportedByName,
    createdAt: i.createdAt,
    clock: { kind: 'incident_notification', ...clock, ...clockStatus(clock, ctx.clock.now(), i.closedAt) },
    notification: i.notification,
    updates: ctx.vault().incidents.updates(i.id),
    status: i.status,
    closedAt: i.closedAt,
    closedByName: i.closedByName,
    closingSummary: i.closingSummary,
  };
}

/** A personal-data breach, reported by whoever finds it: the 72-hour notification clock starts at discovery. */
export function reportIncident(ctx: ServiceContext, input: Parsed<'incidents.report'>): Out<'incidents.report'> {
  const store = ctx.vault().incidents;
  notInFuture(ctx, input.discoveredAt, 'discoveredAt');
  if (input.occurredAt && input.occurredAt > input.discoveredAt) failField('invalid_input', 'occurredAt', 'aftercare.errors.occurredAfterDiscovery');
  const zone = clinicZone(ctx);
  const dueAt = clockDeadline('incident_notification', new Date(input.discoveredAt), zone, EMPTY_CALENDAR).toISOString();
  const id = randomUUID();
  const refNo = store.nextRefNo(dateInZone(new Date(input.discoveredAt), zone).slice(0, 4));
  store.insert({ id, refNo, ...input, dataKinds: [...new Set(input.dataKinds)], reportedBy: ctx.session().staff.id, dueAt, createdAt: nowIso(ctx) });
  ctx.audit('privacy_incident.reported', subject(id), { refNo, peopleAffected: input.peopleAffected, dataKinds: input.dataKinds, discoveredAt: input.discoveredAt, dueAt });
  return incidentView(ctx, store.get(id)!);
}

export function listIncidents(ctx: ServiceContext, input: Parsed<'incidents.list'>): Out<'incidents.list'> {
  const items = ctx.vault().incidents.list(input.status, input.limit).map((i) => incidentView(ctx, i));
  ctx.audit('privacy_incident.list_viewed', null, { status: input.status, count: items.length });
  return items;
}

export function getIncident(ctx: ServiceContext, input: Parsed<'incidents.get'>): Out<'incidents.get'> {
  const i = requireIncident(ctx, input.incidentId);
  ctx.audit('privacy_incident.viewed', subject(i.id), {});
  return incidentView(ctx, i);
}

export function addIncidentUpdate(ctx: ServiceContext, input: Parsed<'incidents.addUpdate'>): Out<'incidents.addUpdate'> {
  const i = requireOpen(ctx, input.incidentId);
  const id = randomUUID();
  ctx.vault().incidents.addUpdate(id, i.id, input.text, ctx.session().staff.id, nowIso(ctx));
  ctx.audit('privacy_incident.updated', subject(i.id), { updateId: id });
  return incidentView(ctx, requireIncident(ctx, i.id));
}

/** The notification to the authority (and whether the people affected were told): recorded once. */
export function recordNotification(ctx: ServiceContext, input: Parsed<'incidents.recordNotification'>): Out<'incidents.recordNotification'> {
  const i = requireOpen(ctx, input.incidentId);
  if (i.notification) fail('conflict', 'aftercare.errors.alreadyNotified');
  notInFuture(ctx, input.notifiedAt, 'notifiedAt');
  if (input.notifiedAt < i.discoveredAt) failField('invalid_input', 'notifiedAt', 'aftercare.errors.beforeDiscovery');
  ctx.vault().incidents.recordNotification({ id: i.id, notifiedAt: input.notifiedAt, authority: input.authority, patientsNotified: input.patientsNotified, note: input.note, recordedBy: ctx.session().staff.id });
  ctx.audit('privacy_incident.notified', subject(i.id), { notifiedAt: input.notifiedAt, authorityHash: auditedText(ctx, input.authority).hash, patientsNotified: input.patientsNotified, late: input.notifiedAt > i.dueAt });
  return incidentView(ctx, requireIncident(ctx, i.id));
}

/** Closed once notified, or with the reason no notification was due (kept as the last update). */
export function closeIncident(ctx: ServiceContext, input: Parsed<'incidents.close'>): Out<'incidents.close'> {
  const store = ctx.vault().incidents;
  const i = requireOpen(ctx, input.incidentId);
  if (!i.notification && !input.noNotificationReason) failField('rule_violation', 'noNotificationReason', 'aftercare.errors.notificationOrReason');
  const now = nowIso(ctx);
  const reasonText = i.notification ? null : (input.noNotificationReason ?? null);
  const updateId = reasonText ? randomUUID() : null;
  if (reasonText && updateId) store.addUpdate(updateId, i.id, reasonText, ctx.session().staff.id, now);
  store.close(i.id, now, ctx.session().staff.id, input.summary);
  // The reason is kept in the incident's updates; the audit trail names that update and the reason's keyed hash.
  const reason = reasonText ? auditedText(ctx, reasonText) : null;
  ctx.audit('privacy_incident.closed', subject(i.id), {
    notified: i.notification !== null,
    noNotificationUpdateId: updateId,
    noNotificationReasonHash: reason?.hash ?? null,
    noNotificationReasonLength: reason?.length ?? null,
  });
  return incidentView(ctx, requireIncident(ctx, i.id));
}
