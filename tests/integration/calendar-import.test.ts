/**
 * The government's office calendar imported through the channel, and a running clock recomputed on it by an
 * administrator with a reason (issue 12, item 8): deadlines stay as fixed when their clock started otherwise.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, ManualClock, type TestApp } from '../support/app';
import { asAdmin, asNurse } from '../support/aftercare-flow';
import { addStaff } from '../support/consent-flow';

const SAMPLE = fs.readFileSync(path.join(__dirname, '../fixtures/gov-office-calendar-115.csv'), 'utf8');

function lastAudit(t: TestApp, action: string): { details: Record<string, unknown> } {
  const row = t.app.vault!.db.prepare('SELECT details FROM audit_events WHERE action = ? ORDER BY seq DESC LIMIT 1').get(action) as { details: string } | undefined;
  if (!row) throw new Error(`no ${action} event`);
  return { details: JSON.parse(row.details) as Record<string, unknown> };
}

describe('the office calendar import and deadlines recomputed on it', () => {
  let t: TestApp;
  let clock: ManualClock;
  let complaintId: string;

  beforeAll(async () => {
    // Friday 13 February 2026, 10:00 in Taipei: the lunar new year holiday starts on Monday.
    clock = new ManualClock('2026-02-13T02:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    await addStaff(t);
    await asAdmin(t);
    await t.ok('calendar.add', { date: '2026-02-20', kind: 'holiday', name: '診所自訂休診' });
    const patient = await t.ok('patients.create', { chartNo: 'C0801', nameZh: '吳美華', sex: 'female', birthDate: '1985-06-01', phone: '0912-333-444' });
    const c = await t.ok('complaints.intake', {
      patientId: patient.id,
      channel: 'phone',
      category: 'outcome_expectation',
      severity: 'medium',
      receivedAt: clock.now().toISOString(),
      patientSays: '要求調閱病歷。',
      patientWants: '病歷影本。',
    });
    complaintId = c.id;
    // The 7-working-day clock starts before the import: on the old calendar (20 Feb closed, nothing else) it ends on 25 Feb.
    await t.ok('complaints.recordRecordsRequest', { complaintId, requestedAt: clock.now().toISOString(), summary: '病人要求病歷影本。' });
  });
  afterAll(() => t.dispose());

  const recordsClock = async () => (await t.ok('complaints.get', { complaintId })).clocks.find((k) => k.kind === 'records_copy')!;

  it('adds the holidays and the make-up day, keeps a day already entered, and audits the file’s hash', async () => {
    expect((await recordsClock()).dueAt).toBe('2026-02-25T16:00:00.000Z');
    const r = await t.ok('calendar.import', { csv: SAMPLE });
    expect(r).toMatchObject({ from: '2026-01-01', to: '2026-12-31', rows: 365, workdays: 1, kept: ['2026-02-20'] });
    const list = await t.ok('calendar.list', { from: '2026-02-01', to: '2026-02-28' });
    expect(list.map((d) => [d.date, d.kind, d.name])).toEqual([
      ['2026-02-07', 'workday', '補行上班'],
      ['2026-02-16', 'holiday', '除夕'],
      ['2026-02-17', 'holiday', '春節'],
      ['2026-02-18', 'holiday', '春節'],
      ['2026-02-19', 'holiday', '春節'],
      ['2026-02-20', 'holiday', '診所自訂休診'],
      ['2026-02-27', 'holiday', '和平紀念日補假'],
    ]);
    expect(lastAudit(t, 'calendar.imported').details).toMatchObject({ sha256: createHash('sha256').update(SAMPLE).digest('hex'), added: r.added, kept: 1 });
    // Importing again changes nothing.
    expect(await t.ok('calendar.import', { csv: SAMPLE })).toMatchObject({ added: 0 });
  });

  it('leaves the running deadline as it was fixed, until an administrator recomputes it with a reason', async () => {
    expect((await recordsClock()).dueAt).toBe('2026-02-25T16:00:00.000Z');
    const reason = '匯入行政院人事行政總處115年辦公日曆表後重算';
    const r = await t.ok('complaints.recomputeClock', { complaintId, kind: 'records_copy', reason });
    // 7 working days after Fri 13 Feb, skipping 16–20 Feb and 27 Feb: Wednesday 4 March, end of day in Taipei.
    expect(r).toMatchObject({ previousDueAt: '2026-02-25T16:00:00.000Z', dueAt: '2026-03-04T16:00:00.000Z', state: 'running' });
    expect((await recordsClock()).dueAt).toBe('2026-03-04T16:00:00.000Z');
    const event = lastAudit(t, 'complaint.clock_recomputed').details;
    expect(event).toMatchObject({ previousDueAt: '2026-02-25T16:00:00.000Z', dueAt: '2026-03-04T16:00:00.000Z', reasonHash: t.app.vault!.typedTextHash(reason) });
    expect(JSON.stringify(event)).not.toContain(reason);
    const stored = t.app.vault!.db.prepare('SELECT reason, previous_due_at FROM complaint_clock_recomputations').all();
    expect(stored).toEqual([{ reason, previous_due_at: '2026-02-25T16:00:00.000Z' }]);
  });

  it('refuses a recomputation that changes nothing, one without a reason, a file in another format, and non-administrators', async () => {
    expect(await t.call('complaints.recomputeClock', { complaintId, kind: 'records_copy', reason: '再算一次' })).toMatchObject({ ok: false, error: { messageKey: 'intake.errors.deadlineUnchanged' } });
    expect(await t.call('complaints.recomputeClock', { complaintId, kind: 'records_copy', reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.call('complaints.recomputeClock', { complaintId, kind: 'accident_explanation', reason: '重算' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.call('calendar.import', { csv: 'date,weekday\n20260101,四' })).toMatchObject({ ok: false, error: { issues: [{ messageKey: 'intake.calendar.problems.header' }] } });
    const rows = t.app.vault!.db.prepare('SELECT COUNT(*) AS n FROM clinic_calendar').get();
    await asNurse(t);
    expect(await t.call('calendar.import', { csv: SAMPLE })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call('complaints.recomputeClock', { complaintId, kind: 'records_copy', reason: '重算' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.app.vault!.db.prepare('SELECT COUNT(*) AS n FROM clinic_calendar').get()).toEqual(rows);
  });

  it('keeps the printed-date era as a clinic setting (西元 by default, 民國 on request)', async () => {
    expect(await t.ok('settings.printedDates', {})).toEqual({ era: 'gregorian' });
    await asAdmin(t);
    expect(await t.ok('settings.setPrintedDates', { era: 'roc' })).toEqual({ era: 'roc' });
    expect(await t.ok('settings.printedDates', {})).toEqual({ era: 'roc' });
    expect(lastAudit(t, 'settings.printed_dates_changed').details).toEqual({ from: 'gregorian', to: 'roc' });
  });
});
