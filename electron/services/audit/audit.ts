import type { Out, Parsed } from '../../../shared/api';
import { endOfDay, zonedInstant } from '../../../shared/clinic-calendar';
import { messages } from '../../../shared/i18n/index';
import { AUDIT_CSV_MAX_ROWS, isAccessAction, type AuditFilter, type AuditListItem } from '../../../shared/schemas/audit';
import type { AuditEvent } from '../../../shared/schemas/audit';
import type { AuditPatient, AuditQuery } from '../../store/audit/repository';
import { fail } from '../../domain/errors';
import { failField } from '../../domain/errors';
import { SCHEMA_VERSION } from '../../store/migrations/index';
import { normalizeTypedText } from '../../store/audit/typed-text';
import { auditedQuery } from './typed-text';
import { checkAllConsentEvents } from '../consents/audit-check';
import type { ServiceContext } from '../context';

/** Recomputes the whole chain; the check itself is recorded (after the check, so it does not verify itself). */
export function verifyAudit(ctx: ServiceContext): Out<'audit.verify'> {
  const vault = ctx.vault();
  const chain = vault.audit.verifyChain();
  const records = checkAllConsentEvents(vault);
  const checkpoint = vault.checkCheckpoint();
  const ok = chain.ok && records.problems.length === 0 && checkpoint.state === 'ok';
  ctx.audit('audit.verified', null, { ok, checked: chain.checked, firstBreak: chain.firstBreak, recordProblems: records.problems.length, checkpoint: checkpoint.state });
  return { ...chain, ok, records, checkpoint };
}

export function recentAudit(ctx: ServiceContext, input: Parsed<'audit.recent'>): Out<'audit.recent'> {
  return ctx.vault().audit.recent(input.limit);
}

/**
 * "Who searched for this ID?": the events holding the keyed hash of the text, however it was typed (dashes,
 * spaces, full-width digits). The question itself is recorded, by its hash too, after the answer is read.
 */
export function findTypedText(ctx: ServiceContext, input: Parsed<'audit.findTypedText'>): Out<'audit.findTypedText'> {
  if (!normalizeTypedText(input.text)) failField('invalid_input', 'text', 'validation.required');
  const query = auditedQuery(ctx, input.text);
  const hash = query.queryHash!;
  const matches = ctx.vault().audit.withTypedTextHash(hash, input.limit).map((event) => ({
    field: Object.keys(event.details).find((k) => event.details[k] === hash) ?? 'details',
    event,
  }));
  ctx.audit('audit.typed_text_searched', null, { ...query, count: matches.length });
  return matches;
}

export function vaultInfo(ctx: ServiceContext): Out<'vault.info'> {
  const vault = ctx.vault();
  return {
    vaultPath: vault.dir,
    schemaVersion: vault.schemaVersion(),
    appSchemaVersion: SCHEMA_VERSION,
    activeStaffByRole: vault.staff.activeCountByRole(),
    auditEvents: vault.audit.count(),
    chainHead: vault.audit.head(),
    signingKeyFingerprint: vault.settings.signingKey()?.fingerprint ?? null,
  };
}

/** Patients shown with each event in a list (a search that found fifty says so by its count). */
const PATIENTS_PER_ROW = 3;

/** A filter in the clinic's words (clinic days, "views only") as the repository's query. */
function toQuery(ctx: ServiceContext, f: AuditFilter): AuditQuery {
  const vault = ctx.vault();
  const zone = vault.clinicSettings().timeZone;
  let actions: string[] | null = f.action ? [f.action] : null;
  if (f.viewsOnly) {
    const views = vault.audit.actions().filter(isAccessAction);
    actions = actions ? actions.filter((a) => views.includes(a)) : views;
  }
  return {
    patientId: f.patientId,
    actorId: f.actorId,
    actions,
    fromAt: f.from ? zonedInstant(f.from, '00:00', zone).toISOString() : undefined,
    toAt: f.to ? endOfDay(f.to, zone).toISOString() : undefined,
  };
}

/** Events with their patients; the patient filtered on comes first. */
function withPatients(ctx: ServiceContext, events: AuditEvent[], first: string | undefined, perRow: number): AuditListItem[] {
  const bySeq = new Map<number, AuditPatient[]>();
  for (const p of ctx.vault().audit.patientsOf(events.map((e) => e.seq))) bySeq.set(p.seq, [...(bySeq.get(p.seq) ?? []), p]);
  return events.map((event) => {
    const all = (bySeq.get(event.seq) ?? []).sort((a, b) => Number(b.id === first) - Number(a.id === first));
    return { event, patients: all.slice(0, perRow).map(({ id, name, chartNo }) => ({ id, name, chartNo })), patientCount: all.length };
  });
}

const filterDetails = (f: AuditFilter) => ({
  patientId: f.patientId ?? null,
  actorId: f.actorId ?? null,
  action: f.action ?? null,
  viewsOnly: f.viewsOnly,
  from: f.from ?? null,
  to: f.to ?? null,
});

/**
 * "Who looked at this patient?": the whole trail filtered by patient, staff member, action and clinic days, newest
 * first, a page at a time. Asking is itself recorded (once per question, not per page).
 */
export function searchAudit(ctx: ServiceContext, input: Parsed<'audit.search'>): Out<'audit.search'> {
  const vault = ctx.vault();
  if (input.patientId && !vault.patients.get(input.patientId)) fail('not_found', 'errors.patientNotFound');
  const q = toQuery(ctx, input);
  const rows = vault.audit.search({ ...q, before: input.before }, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const total = vault.audit.countMatching(q);
  if (input.before === undefined) ctx.audit('audit.searched', null, { ...filterDetails(input), total });
  return { items: withPatients(ctx, page, input.patientId, PATIENTS_PER_ROW), nextBefore: rows.length > input.limit ? page.at(-1)!.seq : null, total };
}

export function auditEvent(ctx: ServiceContext, input: Parsed<'audit.event'>): Out<'audit.event'> {
  const event = ctx.vault().audit.event(input.seq) ?? fail('not_found', 'safety.audit.eventNotFound');
  return withPatients(ctx, [event], undefined, Number.MAX_SAFE_INTEGER)[0]!;
}

export function auditActions(ctx: ServiceContext): Out<'audit.actions'> {
  return ctx.vault().audit.actions();
}

/** A cell as text a spreadsheet will not run: a leading = + - @ (or tab, CR) would start a formula. */
function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The filtered trail as CSV, oldest first as a register reads, with the clinic's local time, the action in words,
 * the patients each event names and its hash; at most AUDIT_CSV_MAX_ROWS rows (the answer says when it was cut).
 */
export function exportAuditCsv(ctx: ServiceContext, input: Parsed<'audit.exportCsv'>): Out<'audit.exportCsv'> {
  const vault = ctx.vault();
  if (input.patientId && !vault.patients.get(input.patientId)) fail('not_found', 'errors.patientNotFound');
  const zone = vault.clinicSettings().timeZone;
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const labels = messages[input.lang].auditActions as Record<string, string>;
  const roles = messages[input.lang].roles as Record<string, string>;
  const q = toQuery(ctx, input);
  const events: AuditListItem[] = [];
  let before: number | undefined;
  let truncated = false;
  for (;;) {
    const page = vault.audit.search({ ...q, before }, 1000);
    events.push(...withPatients(ctx, page, input.patientId, Number.MAX_SAFE_INTEGER));
    if (events.length > AUDIT_CSV_MAX_ROWS) {
      truncated = true;
      events.length = AUDIT_CSV_MAX_ROWS;
      break;
    }
    if (page.length < 1000) break;
    before = page.at(-1)!.seq;
  }
  events.reverse();
  const header = ['seq', 'time_local', 'time_utc', 'actor', 'actor_role', 'action', 'action_label', 'subject_type', 'subject_id', 'patients', 'details', 'hash'];
  const lines = events.map(({ event: e, patients }) =>
    [
      e.seq,
      local.format(new Date(e.at)),
      e.at,
      e.actorName,
      e.actorRole ? (roles[e.actorRole] ?? e.actorRole) : null,
      e.action,
      labels[e.action.replace(/\./g, '_')] ?? e.action,
      e.subjectType,
      e.subjectId,
      patients.map((p) => `${p.name} (${p.chartNo})`).join('; '),
      JSON.stringify(e.details),
      e.hash,
    ]
      .map(csvCell)
      .join(','),
  );
  const csv = `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
  const stamp = local.format(ctx.clock.now()).replace(/[-: ]/g, '').slice(0, 12);
  const chartNo = input.patientId ? vault.patients.get(input.patientId)!.chartNo.replace(/[^A-Za-z0-9_-]/g, '') : '';
  const fileName = `audit-${stamp}${chartNo ? `-${chartNo}` : ''}.csv`;
  ctx.audit('audit.exported', null, { ...filterDetails(input), rows: events.length, truncated });
  return { fileName, csv, rows: events.length, truncated };
}
