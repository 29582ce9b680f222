import { createHash, randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../shared/api';
import { addDays, clockDeadline, clockStatus } from '../../shared/clinic-calendar';
import { dateInZone } from '../../shared/dates';
import { parseGovCalendar } from '../../shared/gov-calendar';
import { groupForComparison } from '../../shared/photo-comparison';
import { fail, failField } from '../domain/errors';
import { IntakeQueries } from '../store/intake-moving';
import { clinicCalendar, clinicZone } from './clinic-time';
import type { ServiceContext } from './context';

const queries = (ctx: ServiceContext) => new IntakeQueries(ctx.vault().db);

/**
 * Before and after photos of one consultation by view. Only the metadata: each photo is opened with photos.get,
 * audited as a view, as everywhere else; this listing is audited as a view of the comparison.
 */
export function photoComparison(ctx: ServiceContext, input: Parsed<'photos.comparison'>): Out<'photos.comparison'> {
  const vault = ctx.vault();
  const c = vault.consultations.get(input.consultationId) ?? fail('not_found', 'errors.consultationNotFound');
  const treatment = vault.aftercare.treatments.forConsultation(c.id);
  const photos = queries(ctx).comparisonPhotos(c.id, treatment?.id ?? null);
  ctx.audit('photo.comparison_viewed', { type: 'consultation', id: c.id }, { patientId: c.patientId, photos: photos.length });
  return { consultationId: c.id, treatmentId: treatment?.id ?? null, performedAt: treatment?.performedAt ?? null, groups: groupForComparison(photos) };
}

/**
 * The government's office calendar: its weekday holidays and weekend working days are added to the clinic
 * calendar; a date already there (entered by hand, or imported before) is kept as it is and reported. Clocks
 * already running keep their deadlines (an administrator recomputes one with a reason, below).
 */
export function importGovCalendar(ctx: ServiceContext, input: Parsed<'calendar.import'>): Out<'calendar.import'> {
  const parsed = parseGovCalendar(input.csv);
  if (!parsed.ok) {
    const p = parsed.problem;
    if (p.kind === 'row') failField('invalid_input', 'csv', `intake.calendar.problems.${p.reason}`);
    failField('invalid_input', 'csv', `intake.calendar.problems.${p.kind}`);
  }
  const store = queries(ctx);
  const staffId = ctx.session().staff.id;
  const at = ctx.clock.now().toISOString();
  const kept: string[] = [];
  let holidays = 0;
  let workdays = 0;
  for (const d of parsed.days) {
    if (!store.importDay({ ...d, createdBy: staffId, createdAt: at })) kept.push(d.date);
    else if (d.kind === 'holiday') holidays++;
    else workdays++;
  }
  const result = { from: parsed.from, to: parsed.to, rows: parsed.rows, added: holidays + workdays, holidays, workdays, kept };
  ctx.audit('calendar.imported', { type: 'calendar_day', id: `${parsed.from}..${parsed.to}` }, {
    sha256: createHash('sha256').update(input.csv, 'utf8').digest('hex'),
    from: parsed.from,
    to: parsed.to,
    added: result.added,
    holidays,
    workdays,
    kept: kept.length,
  });
  return result;
}

/**
 * A running clock's deadline computed again from when it started, on the calendar as it is now. The reason is
 * stored with the recomputation (it is part of the complaint record); the audit event keeps only its keyed hash.
 */
export function recomputeClock(ctx: ServiceContext, input: Parsed<'complaints.recomputeClock'>): Out<'complaints.recomputeClock'> {
  const vault = ctx.vault();
  const store = queries(ctx);
  const clock = store.clock(input.complaintId, input.kind) ?? fail('not_found', 'intake.errors.clockNotFound');
  if (clock.complaintStatus !== 'open') fail('rule_violation', 'intake.errors.complaintClosed');
  if (clock.metAt) fail('rule_violation', 'intake.errors.clockMet');
  const zone = clinicZone(ctx);
  const startDay = dateInZone(new Date(clock.startedAt), zone);
  const dueAt = clockDeadline(input.kind, new Date(clock.startedAt), zone, clinicCalendar(ctx, addDays(startDay, -1))).toISOString();
  if (dueAt === clock.dueAt) fail('rule_violation', 'intake.errors.deadlineUnchanged');
  const now = ctx.clock.now();
  store.recompute({ id: randomUUID(), clockId: clock.id, previousDueAt: clock.dueAt, dueAt, reason: input.reason, staffId: ctx.session().staff.id, createdAt: now.toISOString() });
  ctx.audit('complaint.clock_recomputed', { type: 'complaint', id: clock.complaintId }, {
    patientId: clock.patientId,
    kind: clock.kind,
    previousDueAt: clock.dueAt,
    dueAt,
    reasonHash: vault.typedTextHash(input.reason),
  });
  const complaint = vault.aftercare.complaints.get(clock.complaintId);
  const closedAt = complaint?.closedAt ?? null;
  return { kind: clock.kind, startedAt: clock.startedAt, dueAt, metAt: null, ...clockStatus({ startedAt: clock.startedAt, dueAt, metAt: null }, now, closedAt), previousDueAt: clock.dueAt };
}

export function printedDates(ctx: ServiceContext): Out<'settings.printedDates'> {
  return { era: queries(ctx).printedDateEra() };
}

export function setPrintedDates(ctx: ServiceContext, input: Parsed<'settings.setPrintedDates'>): Out<'settings.setPrintedDates'> {
  const store = queries(ctx);
  const before = store.printedDateEra();
  if (before !== input.era) {
    store.setPrintedDateEra(input.era, ctx.clock.now().toISOString());
    ctx.audit('settings.printed_dates_changed', { type: 'clinic_settings', id: 'clinic' }, { from: before, to: input.era });
  }
  return { era: input.era };
}
