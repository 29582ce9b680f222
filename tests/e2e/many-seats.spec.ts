import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { callFromPage, expect, startHost, stopHost, test } from './fixtures';
import { ADMIN, openScreen, setUpVault, signIn, zh } from './helpers';
import { api, disclosedConsultation, drawSignature, shotTo, type ConsultationScript } from './signing-helpers';

/**
 * Three seats on one clinic server (issue 14), each its own browser context (own cookies, own device): the
 * consultant finishes a consultation and sends the consent to the tablet, the patient signs there, the physician
 * sees it arrive in the queue at their own seat without a reload and countersigns as themselves (no password),
 * and the consultant's screen shows it fully signed. The server is `consentvault serve` on 127.0.0.1 (plain HTTP
 * on loopback). Screenshots in SHOTS_DIR (default test-results/many-seats-shots).
 */
const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-results/many-seats-shots';
const shot = (page: Page, name: string) => shotTo(SHOTS_DIR, page, name);
const s = zh.consent.signing;
const PHYSICIAN = { name: '林志豪', role: 'physician', licenceNo: '醫字第045678號', specialty: '皮膚科', password: 'Doctor-Pass-2026', temporaryPassword: false } as const;
const CONSULTANT = { name: '張雅琪', role: 'consultant', password: 'Consult-Pass-2026', temporaryPassword: false } as const;
const PATIENT = { chartNo: 'S0001', nameZh: '黃詩涵', sex: 'female', birthDate: '1994-03-08', phone: '0912-000-111' } as const;
const SCRIPT: ConsultationScript = { patient: PATIENT, procedureCode: 'botulinum_toxin', goals: { goals: '抬頭紋變淺', assessment: '中度動態紋', expectedResult: '三至七天見效', cannotAchieve: '靜態紋無法完全消除' }, quoteItem: { description: '肉毒桿菌素 額頭', amountTwd: 9000 }, revisionPolicy: '兩週內免費補打' };

/**
 * `consentvault serve` on a loopback port (an ephemeral one unless given); resolves with its address and, when it
 * was asked for one, the first seat's pairing code.
 */
async function startClinicServer(vaultDir: string, listen = '127.0.0.1:0', pair: string | null = '諮詢室電腦'): Promise<{ child: ChildProcess; origin: string; firstCode: string; output: () => string }> {
  const child = spawn(process.execPath, ['bin/consentvault.mjs', 'serve', '--vault', vaultDir, '--listen', listen, '--as', ADMIN.name, ...(pair ? ['--pair', pair] : []), '--renderer-dir', 'dist/renderer'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', CONSENTVAULT_PASSWORD: ADMIN.password },
  });
  let out = '';
  const output = () => out;
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const started = await new Promise<{ origin: string; firstCode: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`clinic server did not start:\n${out}`)), 60_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const origin = /Address: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const code = pair ? /Pairing code for [^:]+: ([A-Z0-9-]+)/.exec(out)?.[1] : '';
      if (origin && code !== undefined && out.includes('Ctrl+C')) {
        clearTimeout(timer);
        resolve({ origin, firstCode: code });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`clinic server exited (${code}):\n${out}`));
    });
  });
  return { child, ...started, output };
}

/** A browser opening the server's address for the first time: the pairing page, then sign-in or the tablet screen. */
async function pairSeat(browser: Browser, origin: string, code: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(origin);
  await expect(page.getByTestId('pair-this-device')).toBeVisible();
  await page.getByLabel(zh.seats.pairing.codeLabel).fill(code);
  await page.getByTestId('pair-submit').click();
  await expect(page.getByTestId('paired')).toBeVisible();
  return { context, page };
}

/** The clinic server with the seats a test pairs to it. */
interface ClinicOnServer<T> {
  /** What `prepare` made on the desk before the server started. */
  prepared: T;
  /** The code the server printed for its first seat. */
  firstCode: string;
  /** Pairs a new browser seat with a code (closed when the test ends). */
  pair(code: string): Promise<{ context: BrowserContext; page: Page }>;
  /** Kills the server (SIGKILL, as a crash or power cut would). */
  kill(): Promise<void>;
  /** Starts the killed server again on the same address. */
  startAgain(): Promise<void>;
}

/**
 * A vault set up on the desk (the loopback browser host), where `prepare` runs signed in as the administrator; then
 * the desk closes and `consentvault serve` opens the vault. Every seat is closed and the server stopped after `run`;
 * if it fails, the server's output is printed.
 */
async function onClinicServer<T>(browser: Browser, prepare: (desk: Page) => Promise<T>, run: (clinic: ClinicOnServer<T>) => Promise<void>): Promise<void> {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consentvault-seats-'));
  let server: Awaited<ReturnType<typeof startClinicServer>> | null = null;
  const contexts: BrowserContext[] = [];
  try {
    const host = await startHost(configDir);
    const desk = await browser.newPage();
    await desk.goto(host.url);
    await setUpVault(desk, configDir);
    await signIn(desk, ADMIN.name, ADMIN.password);
    const prepared = await prepare(desk);
    await desk.getByRole('button', { name: zh.shell.signOut }).click();
    await desk.close();
    await stopHost(host.child);

    const vaultDir = path.join(configDir, 'vault');
    server = await startClinicServer(vaultDir);
    const { origin } = server;
    await run({
      prepared,
      firstCode: server.firstCode,
      async pair(code) {
        const seat = await pairSeat(browser, origin, code);
        contexts.push(seat.context);
        return seat;
      },
      async kill() {
        const killed = server!.child;
        const exited = new Promise((resolve) => killed.once('exit', resolve));
        killed.kill('SIGKILL');
        await exited;
      },
      async startAgain() {
        server = await startClinicServer(vaultDir, new URL(origin).host, null);
      },
    });
  } catch (e) {
    if (server) console.error(server.output());
    throw e;
  } finally {
    for (const ctx of contexts) await ctx.close().catch(() => undefined);
    if (server) await stopHost(server.child);
    fs.rmSync(configDir, { recursive: true, force: true });
  }
}

test('consultant, tablet and physician at their own seats sign one consent together', async ({ browser }) => {
  test.setTimeout(300_000);
  // The vault and its staff, made on the desk.
  const addStaff = async (desk: Page) => {
    for (const m of [PHYSICIAN, CONSULTANT]) await api(desk, 'staff.add', m);
  };
  await onClinicServer(browser, addStaff, async (clinic) => {
    // Seat 1, the consultation room's PC: paired with the code the server printed; the administrator makes the others' codes.
    const consultant = await clinic.pair(clinic.firstCode);
    await shot(consultant.page, '01-pairing-done');
    await consultant.page.getByTestId('paired-continue').click();
    await signIn(consultant.page, ADMIN.name, ADMIN.password);
    const tabletCode = await api<{ code: string }>(consultant.page, 'seats.createPairingCode', { deviceName: '諮詢室平板', kind: 'tablet' });
    const officeCode = await api<{ code: string }>(consultant.page, 'seats.createPairingCode', { deviceName: '醫師診間', kind: 'desktop' });
    await consultant.page.getByRole('button', { name: zh.shell.signOut }).click();
    await signIn(consultant.page, CONSULTANT.name, CONSULTANT.password);

    // Seat 2, the tablet: paired once, then its neutral waiting screen.
    const tablet = await clinic.pair(tabletCode.code);
    await tablet.page.getByTestId('paired-continue').click();
    await expect(tablet.page.getByTestId('tablet-waiting')).toBeVisible();
    await shot(tablet.page, '02-tablet-waiting');

    // Seat 3, the physician's office.
    const physician = await clinic.pair(officeCode.code);
    await physician.page.getByTestId('paired-continue').click();
    await signIn(physician.page, PHYSICIAN.name, PHYSICIAN.password);
    const queue = physician.page.getByTestId('home-awaiting-physician');
    await expect(queue).toBeVisible();
    await expect(queue).not.toContainText(PATIENT.nameZh);

    // The consultant finishes the consultation, issues the consent and (the physician agreeing) shortens the cooling-off.
    const c = consultant.page;
    await disclosedConsultation(c, SCRIPT);
    await c.getByRole('navigation', { name: zh.shell.navLabel }).getByRole('button', { name: zh.nav.patients }).click();
    await c.getByLabel(zh.patients.searchLabel).fill(PATIENT.nameZh);
    await c.getByTestId('patient-row').filter({ hasText: PATIENT.nameZh }).first().click();
    await c.getByTestId('consultation-row').first().click();
    await c.getByTestId('open-signing').click();
    await c.getByTestId('issue-consent').click();
    await expect(c.getByTestId('consent-status')).toHaveAttribute('data-status', 'issued', { timeout: 30_000 });
    await c.getByTestId('override-open').click();
    const override = c.getByTestId('override-dialog');
    await override.getByLabel(s.override.reason).fill('病人下週出國工作，已完成術前評估');
    await override.getByLabel(`${PHYSICIAN.name} 醫師的密碼`).fill(PHYSICIAN.password);
    await override.getByRole('button', { name: s.override.submit }).click();
    await expect(c.getByTestId('override-recorded')).toBeVisible();

    // Send to the tablet: it is listed as switched on; once sent, the consultant's screen says where it is.
    const send = c.getByTestId('send-to-tablet');
    await expect(send).toContainText('諮詢室平板', { timeout: 15_000 });
    await send.getByTestId('send-tablet').click();
    await expect(c.getByTestId('on-tablet')).toContainText('諮詢室平板');
    await shot(c, '03-consultant-sent');

    // The tablet shows only that document and the patient's box; the patient signs.
    const tp = tablet.page;
    await expect(tp.getByTestId('tablet-consent')).toBeVisible({ timeout: 10_000 });
    await expect(tp.getByTestId('tablet-pdf')).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
    await expect(tp.getByRole('navigation')).toHaveCount(0);
    await shot(tp, '04-tablet-document');
    await tp.getByTestId('tablet-sig-procedure-patient').getByRole('button').click();
    const pad = tp.getByTestId('sign-dialog');
    await drawSignature(tp, pad.getByTestId('signature-canvas'));
    await shot(tp, '05-tablet-pad');
    await pad.getByTestId('sign-submit').click();
    await expect(tp.getByTestId('tablet-done')).toBeVisible();
    await shot(tp, '06-tablet-done');

    // The consultant sees the patient's signature arrive; the physician sees the consent in the queue, no reload.
    await expect(c.getByTestId('sig-procedure-patient')).toHaveAttribute('data-signed', 'true', { timeout: 5000 });
    await expect(c.getByTestId('consent-status')).toHaveAttribute('data-status', 'patient_signed');
    const p = physician.page;
    await expect(queue).toContainText(PATIENT.nameZh, { timeout: 5000 });
    await shot(p, '07-physician-queue');

    // The physician countersigns as themselves: the checklist and the pad, no password.
    await queue.getByText(PATIENT.nameZh).click();
    await p.getByTestId('sig-procedure-physician').getByRole('button', { name: s.signatures.sign }).click();
    const dialog = p.getByTestId('sign-dialog');
    await expect(dialog.getByTestId('physician-checklist')).toHaveAttribute('data-ready', 'true');
    await expect(dialog.getByLabel(/密碼/)).toHaveCount(0);
    await drawSignature(p, dialog.getByTestId('signature-canvas'));
    await shot(p, '08-physician-sign');
    await dialog.getByTestId('sign-submit').click();
    await expect(p.getByTestId('consent-status')).toHaveAttribute('data-status', 'fully_signed', { timeout: 30_000 });

    // The consultant's screen, untouched: fully signed. The tablet is back to waiting.
    await expect(c.getByTestId('consent-status')).toHaveAttribute('data-status', 'fully_signed', { timeout: 5000 });
    await shot(c, '09-consultant-signed');
    await expect(tp.getByTestId('tablet-waiting')).toBeVisible({ timeout: 15_000 });

    // The tablet, with nothing assigned, reaches nothing else.
    const refused = await callFromPage(tp, 'patients.search', { query: PATIENT.nameZh, limit: 5 });
    expect(refused.ok).toBe(false);
  });
});

test("a complaint's entry at the front desk stops its clock on the screen at another seat, without a reload", async ({ browser }) => {
  test.setTimeout(240_000);
  const a = zh.aftercare;
  // The vault, its consultant and one complaint just received (its 24-hour first-response clock running).
  const receiveComplaint = async (desk: Page) => {
    await api(desk, 'staff.add', CONSULTANT);
    return api<{ id: string; refNo: string }>(desk, 'complaints.intake', {
      complainantName: '網路評論者',
      channel: 'online_review',
      category: 'communication_service',
      severity: 'medium',
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      patientSays: '等候太久，櫃台沒有說明。',
      patientWants: '希望有人回覆。',
    });
  };
  await onClinicServer(browser, receiveComplaint, async ({ prepared: complaint, firstCode, pair }) => {
    const front = await pair(firstCode);
    await front.page.getByTestId('paired-continue').click();
    await signIn(front.page, ADMIN.name, ADMIN.password);
    const stationCode = await api<{ code: string }>(front.page, 'seats.createPairingCode', { deviceName: '二樓護理站', kind: 'desktop' });
    const station = await pair(stationCode.code);
    await station.page.getByTestId('paired-continue').click();
    await signIn(station.page, CONSULTANT.name, CONSULTANT.password);

    // At the station, the complaint is open with its clock running.
    const sp = station.page;
    await openScreen(sp, a.nav.complaints);
    await sp.getByRole('button', { name: complaint.refNo }).click();
    await expect(sp.getByTestId('clock-first_response')).toHaveAttribute('data-state', 'running');

    // At the front desk the administrator records the call back; the station's screen follows within 2 seconds.
    await api(front.page, 'complaints.addEntry', { complaintId: complaint.id, kind: 'contact', occurredAt: new Date().toISOString(), summary: '已致電說明並致歉，安排下週回覆改善方式。' });
    await expect(sp.getByTestId('clock-first_response')).toHaveAttribute('data-state', 'met', { timeout: 2_500 });
    await expect(sp.getByTestId('complaint-timeline')).toContainText('安排下週回覆改善方式', { timeout: 2_500 });
    await shot(sp, '11-complaint-updated-elsewhere');
  });
});

test('a red flag raised in the consultation room reaches the physician’s patient banner, and a consultation saved at another seat is offered, never replacing what is typed', async ({ browser }) => {
  test.setTimeout(240_000);
  const z = zh.consultation;
  const flags = zh.safety.flags;
  // The vault, its consultant and physician, and a consultation screened with nothing flagged (it opens at the goals step).
  const screenedConsultation = async (desk: Page) => {
    for (const m of [PHYSICIAN, CONSULTANT]) await api(desk, 'staff.add', m);
    const patient = await api<{ id: string }>(desk, 'patients.create', PATIENT);
    const procedure = (await api<{ id: string; code: string }[]>(desk, 'procedures.list', {})).find((p) => p.code === 'botulinum_toxin')!;
    const physician = (await api<{ id: string }[]>(desk, 'staff.physicians', {}))[0]!;
    const v = await api<{ consultation: { id: string }; template: { contraindications: { id: string }[] } }>(desk, 'consultations.start', { patientId: patient.id, procedureId: procedure.id, physicianId: physician.id });
    const screening = (bodyImageYes: boolean) => ({
      contraindications: v.template.contraindications.map((k) => ({ id: k.id, present: false })),
      flagNotes: [],
      bodyImage: { preoccupied: bodyImageYes, distress: false, avoidance: false, repeatedProcedures: false },
    });
    await api(desk, 'consultations.saveScreening', { consultationId: v.consultation.id, expectedVersion: 1, screening: screening(false) });
    return { consultationId: v.consultation.id, flaggedScreening: screening(true) };
  };
  await onClinicServer(browser, screenedConsultation, async ({ prepared, firstCode, pair }) => {
    const room = await pair(firstCode);
    await room.page.getByTestId('paired-continue').click();
    await signIn(room.page, ADMIN.name, ADMIN.password);
    const officeCode = await api<{ code: string }>(room.page, 'seats.createPairingCode', { deviceName: '醫師診間', kind: 'desktop' });
    await room.page.getByRole('button', { name: zh.shell.signOut }).click();
    await signIn(room.page, CONSULTANT.name, CONSULTANT.password);
    const office = await pair(officeCode.code);
    await office.page.getByTestId('paired-continue').click();
    await signIn(office.page, PHYSICIAN.name, PHYSICIAN.password);

    // The physician has the patient's record open: nothing flagged yet.
    const p = office.page;
    await openScreen(p, zh.nav.patients);
    await p.getByTestId('patient-row').filter({ hasText: PATIENT.nameZh }).first().click();
    await expect(p.getByRole('heading', { level: 1, name: PATIENT.nameZh })).toBeVisible();
    await expect(p.getByTestId('patient-flags-banner')).toHaveCount(0);

    // In the consultation room the screening is saved again with a body-image "yes"; the physician's banner shows it within 2 seconds.
    await api(room.page, 'consultations.saveScreening', { consultationId: prepared.consultationId, expectedVersion: 2, screening: prepared.flaggedScreening });
    const banner = p.getByTestId('patient-flags-banner');
    await expect(banner.locator('[data-kind="body_image"]')).toHaveAttribute('data-assessed', 'false', { timeout: 2_500 });
    await expect(banner).toContainText(flags.toAssess);
    await shot(p, '12-flag-raised-elsewhere');

    // The consultant opens the consultation at the goals step and types, without saving yet.
    const c = room.page;
    await openScreen(c, zh.nav.patients);
    await c.getByLabel(zh.patients.searchLabel).fill(PATIENT.nameZh);
    await c.getByTestId('patient-row').filter({ hasText: PATIENT.nameZh }).first().click();
    await c.getByTestId('consultation-row').first().click();
    const typed = '「笑的時候抬頭紋很明顯，希望淡一點。」';
    await c.getByLabel(z.goals.goals).fill(typed);

    // The physician saves the goals of the same consultation at their seat: the consultant is told, and keeps what they typed.
    const physicianGoals = { goals: '希望抬頭紋變淺（醫師補充）', assessment: '中度動態紋，靜態紋輕微', expectedResult: '三至七天見效，維持三至四個月', cannotAchieve: '靜態紋無法完全消除' };
    await api(p, 'consultations.saveGoals', { consultationId: prepared.consultationId, expectedVersion: 3, goals: physicianGoals });
    await expect(c.getByTestId('changed-elsewhere')).toBeVisible({ timeout: 2_500 });
    await expect(c.getByLabel(z.goals.goals)).toHaveValue(typed);
    await shot(c, '13-consultation-changed-elsewhere');

    // Saving over it is refused with who saved meanwhile; "show the latest" then shows the physician's goals.
    await c.getByLabel(z.goals.assessment).fill('中度動態紋');
    await c.getByLabel(z.goals.expectedResult).fill('三至七天見效');
    await c.getByLabel(z.goals.cannotAchieve).fill('靜態紋無法完全消除');
    await c.getByRole('button', { name: z.saveAndContinue }).click();
    const refusal = c.getByTestId('form-error');
    await expect(refusal).toHaveAttribute('data-code', 'conflict');
    await expect(refusal).toContainText(PHYSICIAN.name);
    await expect(c.getByLabel(z.goals.goals)).toHaveValue(typed);
    await shot(c, '14-consultation-save-refused');
    // The refusal's Reload shows the goals as the physician saved them, on the same step; the notice is then old news.
    await refusal.getByTestId('reload-latest').click();
    await expect(c.getByLabel(z.goals.goals)).toHaveValue(physicianGoals.goals);
    await expect(c.getByTestId('consultation')).toHaveAttribute('data-step', 'goals');
    await expect(c.getByTestId('changed-elsewhere')).toHaveCount(0);

    // Saved at the physician's seat once more: "show the latest" replaces the form, still on the goals step.
    await api(p, 'consultations.saveGoals', { consultationId: prepared.consultationId, expectedVersion: 4, goals: { ...physicianGoals, expectedResult: '三至七天見效，約維持四個月' } });
    await expect(c.getByTestId('changed-elsewhere')).toBeVisible({ timeout: 2_500 });
    await c.getByTestId('changed-elsewhere').getByRole('button', { name: zh.seats.live.showLatest }).click();
    await expect(c.getByTestId('changed-elsewhere')).toHaveCount(0);
    await expect(c.getByTestId('consultation')).toHaveAttribute('data-step', 'goals');
    await expect(c.getByLabel(z.goals.expectedResult)).toHaveValue('三至七天見效，約維持四個月');
    await shot(c, '15-consultation-latest-shown');
  });
});

test('a seat that loses the server says so, keeps what was typed, and goes on when it is back', async ({ browser }) => {
  test.setTimeout(180_000);
  const cm = zh.communications;
  const registerPatient = async (desk: Page) => {
    await api(desk, 'staff.add', CONSULTANT);
    return api<{ id: string }>(desk, 'patients.create', PATIENT);
  };
  await onClinicServer(browser, registerPatient, async ({ prepared: patient, firstCode, pair }) => {
    const room = await pair(firstCode);
    await room.page.getByTestId('paired-continue').click();
    await signIn(room.page, CONSULTANT.name, CONSULTANT.password);
    const c = room.page;
    await openScreen(c, zh.nav.patients);
    await c.getByTestId('patient-row').filter({ hasText: PATIENT.nameZh }).first().click();
    await c.getByRole('tab', { name: zh.patients.page.tabs.communications }).click();
    await c.getByRole('button', { name: cm.log }).click();
    const log = c.getByRole('form', { name: cm.logTitle });
    await log.getByRole('radio', { name: cm.channels.phone, exact: true }).check();
    await log.getByLabel(cm.occurredAt).fill('2026-12-01T14:30');
    const summary = '病人來電詢問術後第三天仍有輕微腫脹，已說明屬正常並提醒冰敷。';
    await log.getByLabel(cm.summary).fill(summary);

    // The network to the server goes: saving says the server cannot be reached, and the form keeps what was typed.
    await room.context.setOffline(true);
    await log.getByRole('button', { name: cm.submit }).click();
    const banner = c.getByTestId('server-unavailable');
    await expect(banner).toBeVisible({ timeout: 10_000 });
    await expect(banner).toContainText(zh.seats.errors.serverUnavailable);
    await expect(log.getByLabel(cm.summary)).toHaveValue(summary);
    await shot(c, '16-server-unavailable');

    // Back again: the banner goes (asked again at once from its button), and the same form saves, once.
    await room.context.setOffline(false);
    await banner.getByRole('button', { name: zh.seats.connection.retryNow }).click();
    await expect(banner).toHaveCount(0, { timeout: 10_000 });
    await expect(log.getByLabel(cm.summary)).toHaveValue(summary);
    await log.getByRole('button', { name: cm.submit }).click();
    await expect(c.getByText(cm.saved)).toBeVisible();
    const logged = await api<{ summary: string }[]>(c, 'communications.list', { patientId: patient.id });
    expect(logged.filter((e) => e.summary === summary)).toHaveLength(1);
    await shot(c, '17-server-back-saved');

    // A screen opened while the server is gone shows why it is empty, and fills in by itself once it is back.
    await room.context.setOffline(true);
    await c.getByRole('button', { name: zh.patients.page.back }).click();
    await expect(c.getByTestId('server-unavailable')).toBeVisible({ timeout: 10_000 });
    await expect(c.getByTestId('patient-row')).toHaveCount(0);
    await room.context.setOffline(false);
    await c.getByTestId('server-unavailable').getByRole('button', { name: zh.seats.connection.retryNow }).click();
    await expect(c.getByTestId('patient-row').filter({ hasText: PATIENT.nameZh })).toBeVisible({ timeout: 10_000 });
  });
});

test('after the server is killed and started again, a seat says so while it is gone, then asks its user to sign in again (still paired)', async ({ browser }) => {
  test.setTimeout(180_000);
  const addConsultant = async (desk: Page) => {
    await api(desk, 'staff.add', CONSULTANT);
    await api(desk, 'patients.create', PATIENT);
  };
  await onClinicServer(browser, addConsultant, async ({ firstCode, pair, kill, startAgain }) => {
    const room = await pair(firstCode);
    await room.page.getByTestId('paired-continue').click();
    await signIn(room.page, CONSULTANT.name, CONSULTANT.password);
    const c = room.page;
    await openScreen(c, zh.nav.patients);
    await expect(c.getByTestId('patient-row').filter({ hasText: PATIENT.nameZh })).toBeVisible();

    // The server dies; the seat's next call finds it gone, and the banner says so.
    await kill();
    await c.getByTestId('patient-row').filter({ hasText: PATIENT.nameZh }).first().click();
    await expect(c.getByTestId('server-unavailable')).toBeVisible({ timeout: 10_000 });
    await shot(c, '18-server-killed');
    await startAgain();

    // Back: the restarted server has forgotten every session, so the seat asks to sign in again; the device stays paired.
    await c.getByTestId('server-unavailable').getByRole('button', { name: zh.seats.connection.retryNow }).click();
    await expect(c.getByRole('form', { name: zh.signIn.title })).toBeVisible({ timeout: 10_000 });
    await expect(c.getByText(zh.signIn.notice.sessionEnded)).toBeVisible();
    await expect(c.getByTestId('pair-this-device')).toHaveCount(0);
    await shot(c, '19-server-restarted-sign-in-again');
    await signIn(c, CONSULTANT.name, CONSULTANT.password);
    await openScreen(c, zh.nav.patients);
    await expect(c.getByTestId('patient-row').filter({ hasText: PATIENT.nameZh })).toBeVisible();
  });
});
