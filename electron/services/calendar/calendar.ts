import type { Out, Parsed } from '../../../shared/api';
import { isWeekend } from '../../../shared/clinic-calendar';
import { parseGovCalendar } from '../../../shared/gov-calendar';
import { fail, failField } from '../../domain/errors';
import { sha256Hex } from '../../domain/hash';
import type { ServiceContext } from '../context';
import { nowIso } from '../clinic-time';

const subject = (date: string) => ({ type: 'calendar_day', id: date }) as const;

export function listCalendar(ctx: ServiceContext, input: Parsed<'calendar.list'>): Out<'calendar.list'> {
  if (input.to < input.from) failField('invalid_input', 'to', 'aftercare.errors.rangeReversed');
  return ctx.vault().calendar.list(input.from, input.to);
}

/**
 * A holiday the clinic is closed, or a Saturday or Sunday it works (補班日). Clocks already running keep the
 * deadline they were given when they started.
 */
export function addCalendarDay(ctx: ServiceContext, input: Parsed<'calendar.add'>): Out<'calendar.add'> {
  const calendar = ctx.vault().calendar;
  if (calendar.get(input.date)) failField('conflict', 'date', 'aftercare.errors.dateTaken');
  if (input.kind === 'workday' && !isWeekend(input.date)) failField('rule_violation', 'kind', 'aftercare.errors.workdayOnWeekendOnly');
  calendar.insert({ ...input, createdBy: ctx.session().staff.id, createdAt: nowIso(ctx) });
  ctx.audit('calendar.day_added', subject(input.date), { kind: input.kind, name: input.name });
  return calendar.get(input.date)!;
}

export function removeCalendarDay(ctx: ServiceContext, input: Parsed<'calendar.remove'>): Out<'calendar.remove'> {
  const calendar = ctx.vault().calendar;
  const day = calendar.get(input.date) ?? fail('not_found', 'aftercare.errors.calendarDayNotFound');
  calendar.remove(day.date);
  ctx.audit('calendar.day_removed', subject(day.date), { kind: day.kind, name: day.name });
  return { ok: true };
}

/**
 * The government's office calendar: its weekday holidays and weekend working days are added to the clinic
 * calendar; a date already there (entered by hand, or imported before) is kept as it is and reported. Clocks
 * already running keep their deadlines (an administrator recomputes one with a reason: complaints.recomputeClock).
 */
export function importGovCalendar(ctx: ServiceContext, input: Parsed<'calendar.import'>): Out<'calendar.import'> {
  const parsed = parseGovCalendar(input.csv);
  if (!parsed.ok) {
    const p = parsed.problem;
    if (p.kind === 'row') failField('invalid_input', 'csv', `intake.calendar.problems.${p.reason}`);
    failField('invalid_input', 'csv', `intake.calendar.problems.${p.kind}`);
  }
  const calendar = ctx.vault().calendar;
  const staffId = ctx.session().staff.id;
  const at = nowIso(ctx);
  const kept: string[] = [];
  let holidays = 0;
  let workdays = 0;
  for (const d of parsed.days) {
    if (!calendar.importDay({ ...d, createdBy: staffId, createdAt: at })) kept.push(d.date);
    else if (d.kind === 'holiday') holidays++;
    else workdays++;
  }
  const result = { from: parsed.from, to: parsed.to, rows: parsed.rows, added: holidays + workdays, holidays, workdays, kept };
  ctx.audit('calendar.imported', { type: 'calendar_day', id: `${parsed.from}..${parsed.to}` }, {
    sha256: sha256Hex(input.csv),
    from: parsed.from,
    to: parsed.to,
    added: result.added,
    holidays,
    workdays,
    kept: kept.length,
  });
  return result;
}
