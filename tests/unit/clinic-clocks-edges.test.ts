/**
 * The clinic's clocks at their edges: 24-hour first response, 72-hour privacy notification, 5 and 7 working days;
 * receipt times back-dated and in the future; month and year ends, leap years, holidays and make-up working days
 * (補班日); receipt at 23:59:59.999 and 00:00 Taipei time; and the due-soon / breached boundaries to the millisecond.
 * First the pure calendar (shared/clinic-calendar.ts), then the same clocks as the complaint and incident services
 * start them, through the channels, on a real vault.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { In } from '../../shared/api';
import { calendarFrom, clockDeadline, clockStatus, type ClockKind, type ClockState } from '../../shared/clinic-calendar';
import type { ApiResult } from '../../shared/errors';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { actAs, rowCounts } from '../support/aftercare-flow';

const TAIPEI = 'Asia/Taipei';
const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

/** What an administrator would enter: 228 and National Day observed on Fridays, New Year, Lunar New Year 2027, 228 in 2028. */
const DAYS: In<'calendar.add'>[] = [
  { date: '2026-02-27', kind: 'holiday', name: '和平紀念日補假' },
  { date: '2026-10-09', kind: 'holiday', name: '國慶日補假' },
  { date: '2027-01-01', kind: 'holiday', name: '開國紀念日' },
  { date: '2027-01-30', kind: 'workday', name: '春節補班' },
  { date: '2027-02-05', kind: 'holiday', name: '春節調整放假' },
  { date: '2027-02-08', kind: 'holiday', name: '春節' },
  { date: '2027-02-09', kind: 'holiday', name: '春節' },
  { date: '2027-02-10', kind: 'holiday', name: '春節' },
  { date: '2027-02-11', kind: 'holiday', name: '春節' },
  { date: '2028-02-28', kind: 'holiday', name: '和平紀念日' },
];
const CALENDAR = calendarFrom(DAYS);

/** A working-day clock started at `start` (UTC) and the deadlines expected for 5 and 7 working days. */
interface WorkingDayCase {
  name: string;
  start: string;
  fiveDays: string;
  sevenDays: string;
}
const WORKING_DAY_CASES: WorkingDayCase[] = [
  { name: 'Friday 10:00 over a weekend: counting starts on Monday', start: '2026-11-20T02:00:00.000Z', fiveDays: '2026-11-27T16:00:00.000Z', sevenDays: '2026-12-01T16:00:00.000Z' },
  { name: 'on a Saturday: the weekend does not count, nor the start day', start: '2026-11-21T02:00:00.000Z', fiveDays: '2026-11-27T16:00:00.000Z', sevenDays: '2026-12-01T16:00:00.000Z' },
  { name: 'Thursday 23:59:59.999 Taipei: Thursday is the start day', start: '2026-11-19T15:59:59.999Z', fiveDays: '2026-11-26T16:00:00.000Z', sevenDays: '2026-11-30T16:00:00.000Z' },
  { name: 'Friday 00:00 Taipei (still Thursday in UTC): Friday is the start day', start: '2026-11-19T16:00:00.000Z', fiveDays: '2026-11-27T16:00:00.000Z', sevenDays: '2026-12-01T16:00:00.000Z' },
  { name: 'on Saturday 31 January (month end) the count runs into February', start: '2026-01-31T02:00:00.000Z', fiveDays: '2026-02-06T16:00:00.000Z', sevenDays: '2026-02-10T16:00:00.000Z' },
  { name: 'Friday 30 January 23:59:59.999 Taipei, the last working day of January', start: '2026-01-30T15:59:59.999Z', fiveDays: '2026-02-06T16:00:00.000Z', sevenDays: '2026-02-10T16:00:00.000Z' },
  { name: 'Thursday 26 February 2026: the observed 228 holiday on Friday is skipped', start: '2026-02-26T02:00:00.000Z', fiveDays: '2026-03-06T16:00:00.000Z', sevenDays: '2026-03-10T16:00:00.000Z' },
  { name: 'Saturday 28 February 2026 (no leap day): March 2 is the first working day', start: '2026-02-28T02:00:00.000Z', fiveDays: '2026-03-06T16:00:00.000Z', sevenDays: '2026-03-10T16:00:00.000Z' },
  { name: 'Friday 25 February 2028: 228 closed, the leap day 29 February counts', start: '2028-02-25T02:00:00.000Z', fiveDays: '2028-03-06T16:00:00.000Z', sevenDays: '2028-03-08T16:00:00.000Z' },
  { name: 'on the 228 holiday 2028 itself: the start day never counts', start: '2028-02-28T02:00:00.000Z', fiveDays: '2028-03-06T16:00:00.000Z', sevenDays: '2028-03-08T16:00:00.000Z' },
  { name: 'on the leap day 29 February 2028', start: '2028-02-29T02:00:00.000Z', fiveDays: '2028-03-07T16:00:00.000Z', sevenDays: '2028-03-09T16:00:00.000Z' },
  { name: 'Thursday 31 December: New Year’s Day closed, the count ends in the next year', start: '2026-12-31T02:00:00.000Z', fiveDays: '2027-01-08T16:00:00.000Z', sevenDays: '2027-01-12T16:00:00.000Z' },
  { name: '31 December 23:59:59.999 Taipei', start: '2026-12-31T15:59:59.999Z', fiveDays: '2027-01-08T16:00:00.000Z', sevenDays: '2027-01-12T16:00:00.000Z' },
  { name: '1 January 00:00 Taipei (still 31 December in UTC), a holiday', start: '2026-12-31T16:00:00.000Z', fiveDays: '2027-01-08T16:00:00.000Z', sevenDays: '2027-01-12T16:00:00.000Z' },
  { name: 'on a holiday (National Day observed, Friday 9 October)', start: '2026-10-09T02:00:00.000Z', fiveDays: '2026-10-16T16:00:00.000Z', sevenDays: '2026-10-20T16:00:00.000Z' },
  { name: 'Thursday 28 January 2027: the make-up Saturday 30 January counts', start: '2027-01-28T02:00:00.000Z', fiveDays: '2027-02-03T16:00:00.000Z', sevenDays: '2027-02-12T16:00:00.000Z' },
  { name: 'Friday 29 January 2027 23:59:59.999 Taipei: the make-up Saturday is the first day counted', start: '2027-01-29T15:59:59.999Z', fiveDays: '2027-02-04T16:00:00.000Z', sevenDays: '2027-02-15T16:00:00.000Z' },
  { name: 'the make-up Saturday 00:00 Taipei is the start day, so it is not counted: the Lunar New Year closure follows', start: '2027-01-29T16:00:00.000Z', fiveDays: '2027-02-12T16:00:00.000Z', sevenDays: '2027-02-16T16:00:00.000Z' },
  { name: 'Thursday 4 February 2027: the whole Lunar New Year closure is skipped', start: '2027-02-04T02:00:00.000Z', fiveDays: '2027-02-18T16:00:00.000Z', sevenDays: '2027-02-22T16:00:00.000Z' },
];

/** An hour clock: the deadline is clock hours later, whatever the calendar says. */
interface HourCase {
  name: string;
  kind: 'first_response' | 'incident_notification';
  start: string;
  due: string;
}
const HOUR_CASES: HourCase[] = [
  { name: '24 h from Taipei 23:59:59.999 on 31 January', kind: 'first_response', start: '2026-01-31T15:59:59.999Z', due: '2026-02-01T15:59:59.999Z' },
  { name: '24 h from Taipei 00:00 on 1 February', kind: 'first_response', start: '2026-01-31T16:00:00.000Z', due: '2026-02-01T16:00:00.000Z' },
  { name: '24 h from 28 February 2026 lands on 1 March (no leap day)', kind: 'first_response', start: '2026-02-28T10:00:00.000Z', due: '2026-03-01T10:00:00.000Z' },
  { name: '24 h from 28 February 2028 lands on the leap day', kind: 'first_response', start: '2028-02-28T10:00:00.000Z', due: '2028-02-29T10:00:00.000Z' },
  { name: '24 h over a weekend and a holiday are still 24 h', kind: 'first_response', start: '2027-02-05T03:00:00.000Z', due: '2027-02-06T03:00:00.000Z' },
  { name: '72 h from 31 December runs into the next year', kind: 'incident_notification', start: '2026-12-31T20:00:00.000Z', due: '2027-01-03T20:00:00.000Z' },
  { name: '72 h from Taipei 23:59:59.999 on Friday ignores the weekend', kind: 'incident_notification', start: '2026-11-20T15:59:59.999Z', due: '2026-11-23T15:59:59.999Z' },
  { name: '72 h through the Lunar New Year closure ignore it', kind: 'incident_notification', start: '2027-02-04T02:00:00.000Z', due: '2027-02-07T02:00:00.000Z' },
  { name: '72 h from the leap day 2028', kind: 'incident_notification', start: '2028-02-29T00:00:00.000Z', due: '2028-03-03T00:00:00.000Z' },
];

describe('clock deadlines on the clinic calendar', () => {
  it.each(WORKING_DAY_CASES.map((c) => [c.name, c] as const))('5 and 7 working days from %s', (_name, c) => {
    expect(clockDeadline('accident_explanation', new Date(c.start), TAIPEI, CALENDAR).toISOString()).toBe(c.fiveDays);
    expect(clockDeadline('records_copy', new Date(c.start), TAIPEI, CALENDAR).toISOString()).toBe(c.sevenDays);
  });

  it.each(HOUR_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(clockDeadline(c.kind, new Date(c.start), TAIPEI, CALENDAR).toISOString()).toBe(c.due);
  });
});

/** A clock's state `offset` ms from its deadline (negative: before). */
interface StatusCase {
  name: string;
  kind: ClockKind;
  startedAt: string;
  dueAt: string;
  /** The due-soon window: a quarter of the period, at most a day. */
  soonMs: number;
}
const STATUS_CLOCKS: StatusCase[] = [
  { name: '24-hour first response', kind: 'first_response', startedAt: '2026-11-23T02:00:00.000Z', dueAt: '2026-11-24T02:00:00.000Z', soonMs: 6 * HOUR },
  { name: '72-hour privacy notification', kind: 'incident_notification', startedAt: '2026-11-23T02:00:00.000Z', dueAt: '2026-11-26T02:00:00.000Z', soonMs: 18 * HOUR },
  { name: '5 working days (a week: due soon on its last day only)', kind: 'accident_explanation', startedAt: '2026-11-20T02:00:00.000Z', dueAt: '2026-11-27T16:00:00.000Z', soonMs: DAY },
  { name: '7 working days', kind: 'records_copy', startedAt: '2026-11-20T02:00:00.000Z', dueAt: '2026-12-01T16:00:00.000Z', soonMs: DAY },
];
const STATUS_EDGES: { name: string; offset: (c: StatusCase) => number; state: ClockState }[] = [
  { name: 'just started', offset: (c) => Date.parse(c.startedAt) - Date.parse(c.dueAt), state: 'running' },
  { name: '1 ms before the due-soon window', offset: (c) => -c.soonMs - 1, state: 'running' },
  { name: 'at the start of the due-soon window', offset: (c) => -c.soonMs, state: 'due_soon' },
  { name: '1 ms before the deadline', offset: () => -1, state: 'due_soon' },
  { name: 'exactly at the deadline', offset: () => 0, state: 'due_soon' },
  { name: '1 ms after the deadline', offset: () => 1, state: 'breached' },
  { name: 'a week after the deadline', offset: () => 7 * DAY, state: 'breached' },
];

describe('clock state at its boundaries', () => {
  const cases = STATUS_CLOCKS.flatMap((c) => STATUS_EDGES.map((e) => [`${c.name}: ${e.name} → ${e.state}`, c, e] as const));
  it.each(cases)('%s', (_name, c, e) => {
    const offset = e.offset(c);
    const now = new Date(Date.parse(c.dueAt) + offset);
    expect(clockStatus({ startedAt: c.startedAt, dueAt: c.dueAt, metAt: null }, now)).toEqual({ state: e.state, remainingMs: 0 - offset });
  });

  const answered = STATUS_CLOCKS.flatMap((c) =>
    [
      { name: 'answered the moment it started → met', metAt: c.startedAt, state: 'met' as const },
      { name: 'answered exactly at the deadline → met', metAt: c.dueAt, state: 'met' as const },
      { name: 'answered 1 ms after the deadline → met late', metAt: new Date(Date.parse(c.dueAt) + 1).toISOString(), state: 'met_late' as const },
    ].map((a) => [`${c.name}: ${a.name}`, c, a] as const),
  );
  it.each(answered)('%s, whenever it is looked at', (_name, c, a) => {
    for (const now of [c.startedAt, c.dueAt, '2030-01-01T00:00:00.000Z']) {
      expect(clockStatus({ startedAt: c.startedAt, dueAt: c.dueAt, metAt: a.metAt }, new Date(now))).toEqual({ state: a.state, remainingMs: null });
    }
  });

  const closed = STATUS_CLOCKS.flatMap((c) =>
    [
      { name: 'closed unanswered exactly at the deadline → stopped', offset: 0, expected: { state: 'stopped' as const, remainingMs: null } },
      { name: 'closed unanswered 1 ms after the deadline → breached as of the closing', offset: 1, expected: { state: 'breached' as const, remainingMs: -1 } },
    ].map((x) => [`${c.name}: ${x.name}`, c, x] as const),
  );
  it.each(closed)('%s', (_name, c, x) => {
    const closedAt = new Date(Date.parse(c.dueAt) + x.offset).toISOString();
    expect(clockStatus({ startedAt: c.startedAt, dueAt: c.dueAt, metAt: null }, new Date('2030-01-01T00:00:00.000Z'), closedAt)).toEqual(x.expected);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The services: the clocks as intake, records requests, recorded accidents and incident reports start them
// ---------------------------------------------------------------------------------------------------------------

function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}
const iso = (ms: number) => new Date(ms).toISOString();
const TABLES = ['complaints', 'complaint_clocks', 'complaint_entries', 'privacy_incidents'];

describe('the complaint and incident services start their clocks at the edges', () => {
  let t: TestApp;
  let clock: ManualClock;
  afterEach(() => t.dispose());

  /** A vault whose clock reads `now`, the administrator signed in, the holidays entered. */
  async function vaultAt(now: string): Promise<void> {
    clock = new ManualClock(now);
    t = makeTestApp({ clock });
    await t.setup();
    await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    for (const d of DAYS) await t.ok('calendar.add', d);
  }
  /** Moves the clock to `to` and signs in again (the session idle-locks over long gaps). */
  async function moveTo(to: string): Promise<void> {
    clock.advance(Date.parse(to) - clock.now().getTime());
    await actAs(t, ADMIN);
  }
  const intake = (receivedAt: string) =>
    t.call('complaints.intake', {
      complainantName: '網路評論者',
      channel: 'online_review',
      category: 'communication_service',
      severity: 'medium',
      receivedAt,
      patientSays: '櫃台說明不清楚，等了很久。',
      patientWants: '希望改善。',
    });
  const report = (discoveredAt: string) =>
    t.call('incidents.report', {
      whatHappened: '一封含病人名單的電子郵件誤寄給廠商。',
      peopleAffected: 12,
      dataKinds: ['identity', 'contact'],
      occurredAt: null,
      discoveredAt,
      containment: '已請廠商刪除並回覆確認。',
    });
  const clockOf = <K extends { kind: string }>(c: { clocks: K[] }, kind: ClockKind) => c.clocks.find((k) => k.kind === kind);

  // Monday 23 November 2026, 10:00 in Taipei.
  const NOW = '2026-11-23T02:00:00.000Z';
  const now = Date.parse(NOW);
  const RECEIPTS: { name: string; receivedAt: string; state: ClockState; remainingMs: number }[] = [
    { name: 'now', receivedAt: NOW, state: 'running', remainingMs: DAY },
    { name: 'within the clock-skew tolerance in the future (5 min): the clock runs from then', receivedAt: iso(now + 5 * MINUTE), state: 'running', remainingMs: DAY + 5 * MINUTE },
    { name: '18 h minus 1 ms ago: still running', receivedAt: iso(now - 18 * HOUR + 1), state: 'running', remainingMs: 6 * HOUR + 1 },
    { name: '18 h ago: due soon', receivedAt: iso(now - 18 * HOUR), state: 'due_soon', remainingMs: 6 * HOUR },
    { name: 'yesterday at this time (24 h ago): due now', receivedAt: iso(now - DAY), state: 'due_soon', remainingMs: 0 },
    { name: 'yesterday, 1 ms earlier: breached on intake', receivedAt: iso(now - DAY - 1), state: 'breached', remainingMs: -1 },
    { name: 'over the weekend (Saturday 15:00): breached on intake', receivedAt: '2026-11-21T07:00:00.000Z', state: 'breached', remainingMs: -(now - Date.parse('2026-11-22T07:00:00.000Z')) },
    { name: 'last week: breached on intake', receivedAt: '2026-11-16T02:00:00.000Z', state: 'breached', remainingMs: -6 * DAY },
  ];
  it.each(RECEIPTS.map((r) => [r.name, r] as const))('a complaint received %s gets its 24-hour first-response clock from receipt', async (_name, r) => {
    await vaultAt(NOW);
    const c = await t.ok('complaints.intake', {
      complainantName: '網路評論者',
      channel: 'online_review',
      category: 'communication_service',
      severity: 'medium',
      receivedAt: r.receivedAt,
      patientSays: '櫃台說明不清楚，等了很久。',
      patientWants: '希望改善。',
    });
    expect(clockOf(c, 'first_response')).toEqual({ kind: 'first_response', startedAt: r.receivedAt, dueAt: iso(Date.parse(r.receivedAt) + DAY), metAt: null, state: r.state, remainingMs: r.remainingMs });
  });

  const FUTURE: { name: string; at: string }[] = [
    { name: '1 ms beyond the 5-minute clock-skew tolerance', at: iso(now + 5 * MINUTE + 1) },
    { name: 'an hour ahead', at: iso(now + HOUR) },
    { name: 'tomorrow', at: iso(now + DAY) },
    { name: 'next year', at: '2027-11-23T02:00:00.000Z' },
  ];
  it.each(FUTURE.map((f) => [f.name, f] as const))('a receipt, request, accident or discovery time %s is refused and nothing is written', async (_name, f) => {
    await vaultAt(NOW);
    const before = rowCounts(t, TABLES);
    expect(err(await intake(f.at))).toMatchObject({ code: 'invalid_input', issues: [{ path: ['receivedAt'], messageKey: 'validation.timeInFuture' }] });
    expect(err(await report(f.at))).toMatchObject({ code: 'invalid_input', issues: [{ path: ['discoveredAt'], messageKey: 'validation.timeInFuture' }] });
    expect(rowCounts(t, TABLES)).toEqual(before);
    const c = await t.ok('complaints.intake', { complainantName: '王小明', channel: 'phone', category: 'billing_contract', severity: 'low', receivedAt: NOW, patientSays: '費用與報價不同。', patientWants: '' });
    const withComplaint = rowCounts(t, TABLES);
    expect(err(await t.call('complaints.recordRecordsRequest', { complaintId: c.id, requestedAt: f.at, summary: '申請病歷複本。' }))).toMatchObject({ issues: [{ path: ['requestedAt'], messageKey: 'validation.timeInFuture' }] });
    expect(err(await t.call('complaints.recordAccident', { complaintId: c.id, occurredAt: f.at, summary: '疑似血管栓塞。' }))).toMatchObject({ issues: [{ path: ['occurredAt'], messageKey: 'validation.timeInFuture' }] });
    expect(err(await t.call('complaints.addEntry', { complaintId: c.id, kind: 'contact', occurredAt: f.at, summary: '致電病人。' }))).toMatchObject({ issues: [{ path: ['occurredAt'], messageKey: 'validation.timeInFuture' }] });
    expect(rowCounts(t, TABLES)).toEqual(withComplaint);
    expect(clockOf(await t.ok('complaints.get', { complaintId: c.id }), 'first_response')?.metAt).toBeNull();
  });

  it.each([
    ['23:59:59.999 on 31 December Taipei time counts in 2026', '2026-12-31T15:59:59.999Z', 'CP-2026-0001', 'PI-2026-001'],
    ['00:00 on 1 January Taipei time (still 2026 in UTC) counts in 2027', '2026-12-31T16:00:00.000Z', 'CP-2027-0001', 'PI-2027-001'],
  ] as const)('a complaint or incident received at %s', async (_name, at, complaintRef, incidentRef) => {
    await vaultAt('2027-01-01T02:00:00.000Z');
    const c = await t.ok('complaints.intake', { complainantName: '王小明', channel: 'phone', category: 'billing_contract', severity: 'low', receivedAt: at, patientSays: '費用與報價不同。', patientWants: '' });
    expect(c.refNo).toBe(complaintRef);
    expect(clockOf(c, 'first_response')?.dueAt).toBe(iso(Date.parse(at) + DAY));
    const i = await report(at);
    expect(i.ok ? i.value.refNo : i.error).toBe(incidentRef);
  });

  // Records requests: 7 working days from the request, which may be back-dated (recorded later than it was made).
  const REQUESTS = WORKING_DAY_CASES.map((c) => ({ ...c, recordedAt: iso(Date.parse(c.sevenDays) + 3 * DAY) }));
  it.each(REQUESTS.map((r) => [r.name, r] as const))('a records request made %s and recorded later runs 7 working days from the request', async (_name, r) => {
    await vaultAt(r.recordedAt);
    const c = await t.ok('complaints.intake', { complainantName: '王小明', channel: 'letter', category: 'complication', severity: 'medium', receivedAt: r.start, patientSays: '要求病歷複本。', patientWants: '病歷與照片' });
    const withRequest = await t.ok('complaints.recordRecordsRequest', { complaintId: c.id, requestedAt: r.start, summary: '病人申請病歷及照片複本。' });
    expect(clockOf(withRequest, 'records_copy')).toEqual({ kind: 'records_copy', startedAt: r.start, dueAt: r.sevenDays, metAt: null, state: 'breached', remainingMs: Date.parse(r.sevenDays) - Date.parse(r.recordedAt) });
  });

  it.each([
    ['yesterday (Sunday 22 November)', '2026-11-22T03:00:00.000Z', '2026-12-01T16:00:00.000Z'],
    ['last week (Monday 16 November)', '2026-11-16T03:00:00.000Z', '2026-11-25T16:00:00.000Z'],
    ['over the weekend (Friday 20 November 18:00)', '2026-11-20T10:00:00.000Z', '2026-12-01T16:00:00.000Z'],
  ] as const)('a records request back-dated to %s keeps its own deadline and is not breached yet', async (_name, requestedAt, dueAt) => {
    await vaultAt(NOW);
    const c = await t.ok('complaints.intake', { complainantName: '王小明', channel: 'letter', category: 'complication', severity: 'medium', receivedAt: requestedAt, patientSays: '要求病歷複本。', patientWants: '' });
    const k = clockOf(await t.ok('complaints.recordRecordsRequest', { complaintId: c.id, requestedAt, summary: '病人申請病歷複本。' }), 'records_copy');
    expect(k).toMatchObject({ startedAt: requestedAt, dueAt, metAt: null, remainingMs: Date.parse(dueAt) - now });
    expect(k?.state).toBe(Date.parse(dueAt) - now <= DAY ? 'due_soon' : 'running');
  });

  it('a records request before the complaint was received is refused; one at the very moment of receipt is taken', async () => {
    await vaultAt(NOW);
    const receivedAt = '2026-11-20T10:00:00.000Z';
    const c = await t.ok('complaints.intake', { complainantName: '王小明', channel: 'letter', category: 'complication', severity: 'medium', receivedAt, patientSays: '要求病歷複本。', patientWants: '' });
    expect(err(await t.call('complaints.recordRecordsRequest', { complaintId: c.id, requestedAt: iso(Date.parse(receivedAt) - 1), summary: '病人申請病歷複本。' }))).toMatchObject({ issues: [{ path: ['requestedAt'], messageKey: 'aftercare.errors.beforeReceived' }] });
    expect(clockOf(await t.ok('complaints.recordRecordsRequest', { complaintId: c.id, requestedAt: receivedAt, summary: '病人申請病歷複本。' }), 'records_copy')?.dueAt).toBe('2026-12-01T16:00:00.000Z');
  });

  // A recorded medical accident: 5 working days from the day it is recorded in the clinic.
  it.each(WORKING_DAY_CASES.map((c) => [c.name, c] as const))('a medical accident recorded %s is due after 5 working days', async (_name, c) => {
    await vaultAt(c.start);
    const complaint = await t.ok('complaints.intake', { complainantName: '王小明', channel: 'phone', category: 'complication', severity: 'critical', receivedAt: c.start, patientSays: '注射後皮膚發白疼痛。', patientWants: '立即處理' });
    const withAccident = await t.ok('complaints.recordAccident', { complaintId: complaint.id, occurredAt: iso(Date.parse(c.start) - HOUR), summary: '疑似血管栓塞，已施打玻尿酸分解酶。' });
    expect(clockOf(withAccident, 'accident_explanation')).toMatchObject({ startedAt: c.start, dueAt: c.fiveDays, metAt: null, state: 'running' });
  });

  it.each([
    ['now', NOW, 'running', 72 * HOUR],
    ['54 h ago (1 ms short of the due-soon window)', iso(now - 54 * HOUR + 1), 'running', 18 * HOUR + 1],
    ['54 h ago: due soon', iso(now - 54 * HOUR), 'due_soon', 18 * HOUR],
    ['exactly 72 h ago: due now', iso(now - 72 * HOUR), 'due_soon', 0],
    ['72 h and 1 ms ago: breached on report', iso(now - 72 * HOUR - 1), 'breached', -1],
    ['last week: breached on report', '2026-11-16T02:00:00.000Z', 'breached', -4 * DAY],
    ['over the weekend (Saturday 23:59:59.999 Taipei)', '2026-11-21T15:59:59.999Z', 'running', 72 * HOUR - (now - Date.parse('2026-11-21T15:59:59.999Z'))],
  ] as const)('a privacy incident discovered %s has 72 hours from discovery', async (_name, discoveredAt, state, remainingMs) => {
    await vaultAt(NOW);
    const r = await report(discoveredAt);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.clock).toEqual({ kind: 'incident_notification', startedAt: discoveredAt, dueAt: iso(Date.parse(discoveredAt) + 72 * HOUR), metAt: null, state, remainingMs });
  });

  it.each([
    ['at the moment of receipt', 0, 'met'],
    ['exactly at the deadline', DAY, 'met'],
    ['1 ms after the deadline', DAY + 1, 'met_late'],
  ] as const)('a first response %s leaves the clock %s', async (_name, after, state) => {
    await vaultAt(NOW);
    const c = await t.ok('complaints.intake', { complainantName: '王小明', channel: 'phone', category: 'pain_recovery', severity: 'medium', receivedAt: NOW, patientSays: '術後疼痛。', patientWants: '' });
    await moveTo(iso(now + 2 * DAY));
    expect(err(await t.call('complaints.addEntry', { complaintId: c.id, kind: 'contact', occurredAt: iso(now - 1), summary: '致電病人。' }))).toMatchObject({ issues: [{ path: ['occurredAt'], messageKey: 'aftercare.errors.beforeReceived' }] });
    const answered = await t.ok('complaints.addEntry', { complaintId: c.id, kind: 'contact', occurredAt: iso(now + after), summary: '致電病人並安排回診。' });
    expect(clockOf(answered, 'first_response')).toMatchObject({ metAt: iso(now + after), state, remainingMs: null });
  });

  it.each([
    ['exactly at the 72-hour deadline', 72 * HOUR, 'met'],
    ['1 ms after the deadline', 72 * HOUR + 1, 'met_late'],
  ] as const)('a privacy notification %s is %s', async (_name, after, state) => {
    await vaultAt(NOW);
    const r = await report(NOW);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    await moveTo(iso(now + 4 * DAY));
    expect(err(await t.call('incidents.recordNotification', { incidentId: r.value.id, notifiedAt: iso(now - 1), authority: '臺北市政府衛生局', patientsNotified: true, note: '' }))).toMatchObject({ issues: [{ path: ['notifiedAt'], messageKey: 'aftercare.errors.beforeDiscovery' }] });
    const notified = await t.ok('incidents.recordNotification', { incidentId: r.value.id, notifiedAt: iso(now + after), authority: '臺北市政府衛生局', patientsNotified: true, note: '以電話通知當事人' });
    expect(notified.clock).toMatchObject({ metAt: iso(now + after), state, remainingMs: null });
  });

  it('a holiday entered after a clock started does not move its deadline', async () => {
    await vaultAt('2026-11-20T02:00:00.000Z');
    const c = await t.ok('complaints.intake', { complainantName: '王小明', channel: 'letter', category: 'complication', severity: 'medium', receivedAt: '2026-11-20T02:00:00.000Z', patientSays: '要求病歷複本。', patientWants: '' });
    await t.ok('complaints.recordRecordsRequest', { complaintId: c.id, requestedAt: '2026-11-20T02:00:00.000Z', summary: '病人申請病歷複本。' });
    await t.ok('calendar.add', { date: '2026-11-24', kind: 'holiday', name: '臨時休診' });
    expect(clockOf(await t.ok('complaints.get', { complaintId: c.id }), 'records_copy')?.dueAt).toBe('2026-12-01T16:00:00.000Z');
    const later = await t.ok('complaints.intake', { complainantName: '李小華', channel: 'letter', category: 'complication', severity: 'medium', receivedAt: '2026-11-20T02:00:00.000Z', patientSays: '要求病歷複本。', patientWants: '' });
    const k = clockOf(await t.ok('complaints.recordRecordsRequest', { complaintId: later.id, requestedAt: '2026-11-20T02:00:00.000Z', summary: '病人申請病歷複本。' }), 'records_copy');
    expect(k?.dueAt).toBe('2026-12-02T16:00:00.000Z');
  });
});
