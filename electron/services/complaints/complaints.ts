import { randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../../shared/api';
import { addDays, clockDeadline, clockStatus } from '../../../shared/clinic-calendar';
import { dateInZone } from '../../../shared/dates';
import { AMOUNT_NOT_ALLOWED, AMOUNT_REQUIRED, type ClockView, type ComplaintDetail, type ComplaintSummary, type EntryKind, RESPONSE_KINDS, type TimelineItem } from '../../../shared/schemas/complaint';
import type { ClockRecord, ComplaintRow } from '../../store/complaints/repository';
import { fail, failField } from '../../domain/errors';
import { sha256Hex } from '../../domain/hash';
import { cleanAttachment } from '../communications/communications';
import type { ServiceContext } from '../context';
import { failEditedElsewhere, requireVersion } from '../edited-elsewhere';
import { requirePatient } from '../patients/patients';
import { clinicCalendar, clinicToday, clinicZone, notInFuture, nowIso } from '../clinic-time';
import { requireActiveStaff } from '../staff/staff';

const subject = (id: string) => ({ type: 'complaint', id }) as const;

function requireComplaint(ctx: ServiceContext, id: string): ComplaintRow {
  return ctx.vault().complaints.get(id) ?? fail('not_found', 'aftercare.errors.complaintNotFound');
}

function requireOpen(ctx: ServiceContext, id: string): ComplaintRow {
  const c = requireComplaint(ctx, id);
  if (c.status === 'closed') fail('rule_violation', 'aftercare.errors.complaintClosed');
  return c;
}

function clockView(c: Pick<ClockRecord, 'kind' | 'startedAt' | 'dueAt' | 'metAt'>, now: Date, closedAt: string | null): ClockView {
  return { kind: c.kind, startedAt: c.startedAt, dueAt: c.dueAt, metAt: c.metAt, ...clockStatus(c, now, closedAt) };
}

function summary(ctx: ServiceContext, c: ComplaintRow, clocks: ClockRecord[]): ComplaintSummary {
  const now = ctx.clock.now();
  const views = clocks.map((k) => clockView(k, now, c.closedAt));
  const open = clocks.filter((k) => !k.metAt).map((k) => k.dueAt).sort();
  return {
    id: c.id,
    refNo: c.refNo,
    patientId: c.patientId,
    patientName: c.patientName,
    chartNo: c.chartNo,
    complainantName: c.complainantName,
    channel: c.channel,
    category: c.category,
    severity: c.severity,
    receivedAt: c.receivedAt,
    status: c.status,
    ownerId: c.ownerId,
    ownerName: c.ownerName,
    version: c.version,
    clocks: views,
    nextDueAt: c.status === 'open' ? (open[0] ?? null) : null,
  };
}

/** Everything that happened, oldest first: intake, owners, contacts, decisions, documents, resolutions, reviews. */
function timeline(ctx: ServiceContext, c: ComplaintRow): TimelineItem[] {
  const store = ctx.vault().complaints;
  const corrections = store.corrections(c.id);
  const plain = { attachment: null, corrections: [], correctable: false };
  const items: TimelineItem[] = [
    { id: c.id, kind: 'received', occurredAt: c.receivedAt, summary: c.patientSays, staffName: c.createdByName, createdAt: c.createdAt, ...plain },
    ...store.assignments(c.id).map((a) => ({ id: a.id, kind: 'assigned' as const, occurredAt: a.at, summary: a.ownerName, staffName: a.assignedByName, createdAt: a.at, ...plain })),
    ...store.entries(c.id).map((e) => ({
      id: e.id,
      kind: e.kind,
      occurredAt: e.occurredAt,
      summary: e.summary,
      staffName: e.staffName,
      createdAt: e.createdAt,
      attachment: e.attachment,
      corrections: corrections.get(e.id) ?? [],
      correctable: true,
    })),
    ...store.resolutions(c.id).map((r) => ({ id: r.id, kind: 'resolution' as const, occurredAt: r.decidedAt, summary: r.description, staffName: r.staffName, createdAt: r.createdAt, ...plain })),
    ...store.reviews(c.id).map((r) => ({ id: r.id, kind: 'review' as const, occurredAt: r.createdAt, summary: r.whatHappened, staffName: r.staffName, createdAt: r.createdAt, ...plain })),
  ];
  if (c.closedAt) items.push({ id: c.id, kind: 'closed', occurredAt: c.closedAt, summary: c.closingSummary ?? '', staffName: c.closedByName ?? '', createdAt: c.closedAt, ...plain });
  return items.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.createdAt.localeCompare(b.createdAt));
}

function complaintDetail(ctx: ServiceContext, id: string): ComplaintDetail {
  const vault = ctx.vault();
  const store = vault.complaints;
  const c = requireComplaint(ctx, id);
  const clocks = store.clocks(c.id);
  const consultation = c.consultationId ? vault.consultations.get(c.consultationId) : null;
  const procedure = consultation ? vault.catalogue.get(consultation.procedureId) : null;
  return {
    ...summary(ctx, c, clocks),
    consultationId: c.consultationId,
    treatmentId: c.treatmentId,
    procedureName: procedure?.nameZh ?? null,
    procedureNameEn: procedure?.nameEn ?? null,
    patientSays: c.patientSays,
    patientWants: c.patientWants,
    createdByName: c.createdByName,
    timeline: timeline(ctx, c),
    resolutions: store.resolutions(c.id),
    reviews: store.reviews(c.id),
    medicalAccident: clocks.some((k) => k.kind === 'accident_explanation'),
    recordsRequested: clocks.some((k) => k.kind === 'records_copy'),
    closedAt: c.closedAt,
    closedByName: c.closedByName,
    closingSummary: c.closingSummary,
  };
}

/** Intake from any staff member: the 24-hour first-response clock starts at receipt. */
export function intakeComplaint(ctx: ServiceContext, input: Parsed<'complaints.intake'>): Out<'complaints.intake'> {
  const vault = ctx.vault();
  const store = vault.complaints;
  const patient = input.patientId ? requirePatient(ctx, input.patientId) : null;
  if (!patient && !input.complainantName) failField('invalid_input', 'complainantName', 'aftercare.errors.complainantRequired');
  let consultationId = input.consultationId ?? null;
  if (input.treatmentId) {
    const t = vault.treatments.get(input.treatmentId);
    if (!t || t.patientId !== patient?.id || (consultationId && t.consultationId !== consultationId)) failField('invalid_input', 'treatmentId', 'aftercare.errors.treatmentNotFound');
    if (input.receivedAt < t.performedAt) failField('invalid_input', 'receivedAt', 'aftercare.errors.beforeTreatment');
    consultationId = t.consultationId;
  }
  if (consultationId) {
    const c = vault.consultations.get(consultationId);
    if (!c || c.patientId !== patient?.id) failField('invalid_input', 'consultationId', 'errors.consultationNotFound');
  }
  notInFuture(ctx, input.receivedAt, 'receivedAt');
  const zone = clinicZone(ctx);
  const refNo = store.nextRefNo(dateInZone(new Date(input.receivedAt), zone).slice(0, 4));
  const id = randomUUID();
  const now = nowIso(ctx);
  store.insert({
    id,
    refNo,
    patientId: patient?.id ?? null,
    complainantName: input.complainantName || null,
    consultationId,
    treatmentId: input.treatmentId ?? null,
    channel: input.channel,
    category: input.category,
    severity: input.severity,
    receivedAt: input.receivedAt,
    patientSays: input.patientSays,
    patientWants: input.patientWants,
    createdBy: ctx.session().staff.id,
    createdAt: now,
  });
  const dueAt = clockDeadline('first_response', new Date(input.receivedAt), zone, clinicCalendar(ctx, clinicToday(ctx))).toISOString();
  store.addClock({ id: randomUUID(), complaintId: id, kind: 'first_response', startedAt: input.receivedAt, dueAt, sourceEntryId: null });
  ctx.audit('complaint.received', subject(id), {
    refNo,
    patientId: patient?.id ?? null,
    consultationId,
    treatmentId: input.treatmentId ?? null,
    channel: input.channel,
    category: input.category,
    severity: input.severity,
    receivedAt: input.receivedAt,
    firstResponseDueAt: dueAt,
  });
  return complaintDetail(ctx, id);
}

/** Open complaints by the clock that runs out first; closed ones newest first. */
export function listComplaints(ctx: ServiceContext, input: Parsed<'complaints.list'>): Out<'complaints.list'> {
  const store = ctx.vault().complaints;
  const rows = store.list(input.status, input.limit).map((c) => summary(ctx, c, store.clocks(c.id)));
  rows.sort((a, b) => (a.nextDueAt ?? '\uffff').localeCompare(b.nextDueAt ?? '\uffff') || b.receivedAt.localeCompare(a.receivedAt));
  ctx.audit('complaint.list_viewed', null, { status: input.status, count: rows.length });
  return rows;
}

export function getComplaint(ctx: ServiceContext, input: Parsed<'complaints.get'>): Out<'complaints.get'> {
  const c = requireComplaint(ctx, input.complaintId);
  ctx.audit('complaint.viewed', subject(c.id), { patientId: c.patientId });
  return complaintDetail(ctx, c.id);
}

export function assignComplaint(ctx: ServiceContext, input: Parsed<'complaints.assign'>): Out<'complaints.assign'> {
  const store = ctx.vault().complaints;
  const c = requireOpen(ctx, input.complaintId);
  const lastSave = () => store.lastSave(c.id) ?? fail('not_found', 'aftercare.errors.complaintNotFound');
  // Another administrator gave it an owner since this screen loaded it: refused, naming who and when.
  requireVersion(ctx, lastSave(), input.expectedVersion);
  requireActiveStaff(ctx, input.ownerId, 'ownerId');
  if (c.ownerId === input.ownerId) failField('conflict', 'ownerId', 'aftercare.errors.alreadyOwner');
  if (!store.assign(randomUUID(), c.id, input.expectedVersion, input.ownerId, ctx.session().staff.id, nowIso(ctx))) failEditedElsewhere(ctx, lastSave());
  ctx.audit('complaint.assigned', subject(c.id), { patientId: c.patientId, from: c.ownerId, to: input.ownerId });
  return complaintDetail(ctx, c.id);
}

/** Which open clocks an entry of this kind answers. */
function clocksAnswered(kind: EntryKind | 'medical_accident' | 'records_request', clocks: ClockRecord[], at: string): ClockRecord[] {
  return clocks.filter((k) => {
    if (k.metAt || at < k.startedAt) return false;
    if (k.kind === 'first_response') return RESPONSE_KINDS.includes(kind as EntryKind);
    if (k.kind === 'accident_explanation') return kind === 'explanation';
    return kind === 'records_provided';
  });
}

/**
 * A contact, meeting, explanation, decision, document or note. Entries never change (corrections are appended).
 * A contact, meeting or explanation is the first response; an explanation after a recorded medical accident
 * meets that clock; records handed over meet the record-copy clock.
 */
export function addEntry(ctx: ServiceContext, input: Parsed<'complaints.addEntry'>): Out<'complaints.addEntry'> {
  const store = ctx.vault().complaints;
  const c = requireOpen(ctx, input.complaintId);
  notInFuture(ctx, input.occurredAt, 'occurredAt');
  if (input.occurredAt < c.receivedAt) failField('invalid_input', 'occurredAt', 'aftercare.errors.beforeReceived');
  let attachment = null;
  if (input.attachment) {
    const bytes = cleanAttachment(input.attachment.mime, Buffer.from(input.attachment.dataBase64, 'base64'));
    attachment = { fileName: input.attachment.fileName, mime: input.attachment.mime, bytes, sha256: sha256Hex(bytes) };
  }
  const id = randomUUID();
  store.addEntry({ id, complaintId: c.id, kind: input.kind, occurredAt: input.occurredAt, summary: input.summary, attachment, staffId: ctx.session().staff.id, createdAt: nowIso(ctx) });
  const met = clocksAnswered(input.kind, store.clocks(c.id), input.occurredAt);
  for (const k of met) store.meetClock(k.id, input.occurredAt, id);
  ctx.audit('complaint.entry_added', subject(c.id), {
    patientId: c.patientId,
    entryId: id,
    kind: input.kind,
    occurredAt: input.occurredAt,
    attachmentSha256: attachment?.sha256 ?? null,
    clocksMet: met.map((k) => ({ kind: k.kind, late: input.occurredAt > k.dueAt })),
  });
  return complaintDetail(ctx, c.id);
}

export function correctEntry(ctx: ServiceContext, input: Parsed<'complaints.correctEntry'>): Out<'complaints.correctEntry'> {
  const store = ctx.vault().complaints;
  const entry = store.entry(input.entryId) ?? fail('not_found', 'aftercare.errors.entryNotFound');
  const c = requireComplaint(ctx, entry.complaintId);
  const id = randomUUID();
  store.addCorrection(id, entry.id, input.text, ctx.session().staff.id, nowIso(ctx));
  ctx.audit('complaint.entry_corrected', subject(c.id), { patientId: c.patientId, entryId: entry.id, correctionId: id });
  return complaintDetail(ctx, c.id);
}

/** A recorded medical accident: explanation and care are due by the end of the 5th working day after today. */
export function recordAccident(ctx: ServiceContext, input: Parsed<'complaints.recordAccident'>): Out<'complaints.recordAccident'> {
  const store = ctx.vault().complaints;
  const c = requireOpen(ctx, input.complaintId);
  if (store.clocks(c.id).some((k) => k.kind === 'accident_explanation')) fail('conflict', 'aftercare.errors.accidentAlreadyRecorded');
  notInFuture(ctx, input.occurredAt, 'occurredAt');
  const now = ctx.clock.now();
  const entryId = randomUUID();
  store.addEntry({ id: entryId, complaintId: c.id, kind: 'medical_accident', occurredAt: input.occurredAt, summary: input.summary, attachment: null, staffId: ctx.session().staff.id, createdAt: now.toISOString() });
  const dueAt = clockDeadline('accident_explanation', now, clinicZone(ctx), clinicCalendar(ctx, clinicToday(ctx))).toISOString();
  store.addClock({ id: randomUUID(), complaintId: c.id, kind: 'accident_explanation', startedAt: now.toISOString(), dueAt, sourceEntryId: entryId });
  ctx.audit('complaint.medical_accident_recorded', subject(c.id), { patientId: c.patientId, entryId, occurredAt: input.occurredAt, dueAt });
  return complaintDetail(ctx, c.id);
}

/** The patient asked for copies of their records: answered by the end of the 7th working day after the request. */
export function recordRecordsRequest(ctx: ServiceContext, input: Parsed<'complaints.recordRecordsRequest'>): Out<'complaints.recordRecordsRequest'> {
  const store = ctx.vault().complaints;
  const c = requireOpen(ctx, input.complaintId);
  if (store.clocks(c.id).some((k) => k.kind === 'records_copy')) fail('conflict', 'aftercare.errors.recordsAlreadyRequested');
  notInFuture(ctx, input.requestedAt, 'requestedAt');
  if (input.requestedAt < c.receivedAt) failField('invalid_input', 'requestedAt', 'aftercare.errors.beforeReceived');
  const entryId = randomUUID();
  store.addEntry({ id: entryId, complaintId: c.id, kind: 'records_request', occurredAt: input.requestedAt, summary: input.summary, attachment: null, staffId: ctx.session().staff.id, createdAt: nowIso(ctx) });
  const requestDay = dateInZone(new Date(input.requestedAt), clinicZone(ctx));
  const dueAt = clockDeadline('records_copy', new Date(input.requestedAt), clinicZone(ctx), clinicCalendar(ctx, requestDay)).toISOString();
  store.addClock({ id: randomUUID(), complaintId: c.id, kind: 'records_copy', startedAt: input.requestedAt, dueAt, sourceEntryId: entryId });
  ctx.audit('complaint.records_requested', subject(c.id), { patientId: c.patientId, entryId, requestedAt: input.requestedAt, dueAt });
  return complaintDetail(ctx, c.id);
}

/** A refund or compensation states its amount; an explanation or apology has none. */
export function addResolution(ctx: ServiceContext, input: Parsed<'complaints.addResolution'>): Out<'complaints.addResolution'> {
  const c = requireOpen(ctx, input.complaintId);
  if (AMOUNT_REQUIRED.includes(input.kind) && !input.amountTwd) failField('rule_violation', 'amountTwd', 'aftercare.errors.amountRequired');
  if (AMOUNT_NOT_ALLOWED.includes(input.kind) && input.amountTwd !== null) failField('rule_violation', 'amountTwd', 'aftercare.errors.amountNotAllowed');
  notInFuture(ctx, input.decidedAt, 'decidedAt');
  if (input.decidedAt < c.receivedAt) failField('invalid_input', 'decidedAt', 'aftercare.errors.beforeReceived');
  const id = randomUUID();
  ctx.vault().complaints.addResolution({ id, complaintId: c.id, kind: input.kind, amountTwd: input.amountTwd, description: input.description, decidedAt: input.decidedAt, staffId: ctx.session().staff.id, createdAt: nowIso(ctx) });
  ctx.audit('complaint.resolution_added', subject(c.id), { patientId: c.patientId, resolutionId: id, kind: input.kind, amountTwd: input.amountTwd });
  return complaintDetail(ctx, c.id);
}

/** What happened, its causes, and corrective actions with an owner and a due date. A new review supersedes the last. */
export function saveReview(ctx: ServiceContext, input: Parsed<'complaints.saveReview'>): Out<'complaints.saveReview'> {
  const c = requireOpen(ctx, input.complaintId);
  const today = clinicToday(ctx);
  input.actions.forEach((a, i) => {
    requireActiveStaff(ctx, a.ownerId, ['actions', i, 'ownerId']);
    if (a.dueDate < today) failField('rule_violation', ['actions', i, 'dueDate'], 'aftercare.errors.dueDatePast');
  });
  const id = randomUUID();
  ctx.vault().complaints.addReview({ id, complaintId: c.id, whatHappened: input.whatHappened, causes: input.causes, actions: input.actions, staffId: ctx.session().staff.id, createdAt: nowIso(ctx) });
  ctx.audit('complaint.review_saved', subject(c.id), {
    patientId: c.patientId,
    reviewId: id,
    causes: input.causes.map((k) => k.category),
    actions: input.actions.map((a) => ({ ownerId: a.ownerId, dueDate: a.dueDate })),
  });
  return complaintDetail(ctx, c.id);
}

/** No closing without a root-cause review, nor without a resolution. A closed complaint is locked. */
export function closeComplaint(ctx: ServiceContext, input: Parsed<'complaints.close'>): Out<'complaints.close'> {
  const store = ctx.vault().complaints;
  const c = requireOpen(ctx, input.complaintId);
  if (store.reviews(c.id).length === 0) fail('rule_violation', 'aftercare.errors.rootCauseRequired');
  if (store.resolutions(c.id).length === 0) fail('rule_violation', 'aftercare.errors.resolutionRequired');
  store.close(c.id, nowIso(ctx), ctx.session().staff.id, input.summary);
  const now = ctx.clock.now();
  ctx.audit('complaint.closed', subject(c.id), {
    patientId: c.patientId,
    clocks: store.clocks(c.id).map((k) => ({ kind: k.kind, state: clockStatus(k, now, now.toISOString()).state })),
  });
  return complaintDetail(ctx, c.id);
}

export function complaintAttachment(ctx: ServiceContext, input: Parsed<'complaints.attachment'>): Out<'complaints.attachment'> {
  const store = ctx.vault().complaints;
  const entry = store.entry(input.entryId) ?? fail('not_found', 'aftercare.errors.entryNotFound');
  if (!entry.attachment) fail('not_found', 'errors.attachmentNotFound');
  const c = requireComplaint(ctx, entry.complaintId);
  ctx.audit('complaint.attachment_viewed', subject(c.id), { patientId: c.patientId, entryId: entry.id, sha256: entry.attachment.sha256 });
  return { fileName: entry.attachment.fileName, mime: entry.attachment.mime, dataBase64: store.attachmentBytes(entry.attachment.sha256).toString('base64') };
}

export { complaintDetail, summary as complaintSummary };

/**
 * A running clock's deadline computed again from when it started, on the calendar as it is now. The reason is
 * stored with the recomputation (it is part of the complaint record); the audit event keeps only its keyed hash.
 */
export function recomputeClock(ctx: ServiceContext, input: Parsed<'complaints.recomputeClock'>): Out<'complaints.recomputeClock'> {
  const vault = ctx.vault();
  const store = vault.complaints;
  const clock = store.clock(input.complaintId, input.kind) ?? fail('not_found', 'intake.errors.clockNotFound');
  if (clock.complaintStatus !== 'open') fail('rule_violation', 'intake.errors.complaintClosed');
  if (clock.metAt) fail('rule_violation', 'intake.errors.clockMet');
  const zone = clinicZone(ctx);
  const startDay = dateInZone(new Date(clock.startedAt), zone);
  const dueAt = clockDeadline(input.kind, new Date(clock.startedAt), zone, clinicCalendar(ctx, addDays(startDay, -1))).toISOString();
  if (dueAt === clock.dueAt) fail('rule_violation', 'intake.errors.deadlineUnchanged');
  const now = ctx.clock.now();
  store.recompute({ id: randomUUID(), clockId: clock.id, previousDueAt: clock.dueAt, dueAt, reason: input.reason, staffId: ctx.session().staff.id, createdAt: now.toISOString() });
  ctx.audit('complaint.clock_recomputed', subject(clock.complaintId), {
    patientId: clock.patientId,
    kind: clock.kind,
    previousDueAt: clock.dueAt,
    dueAt,
    reasonHash: vault.typedTextHash(input.reason),
  });
  const closedAt = store.get(clock.complaintId)?.closedAt ?? null;
  return { ...clockView({ kind: clock.kind, startedAt: clock.startedAt, dueAt, metAt: null }, now, closedAt), previousDueAt: clock.dueAt };
}
