/**
 * Many seats (issue 14): the same realistic mix of calls from 1 seat and from 30 seats at once, side by side in one
 * run, against one vault kept open as the clinic server keeps it. Each seat signs in as a member of staff, then
 * searches, opens patients and consultations, logs communications and complaint entries and reads the follow-up
 * worklist, with a short think time; an administrator's seat starts an evidence export every 30 s. Reported per
 * channel: p50/p95 for 1 seat and for 30 seats, errors, lost writes (acknowledged but not in the vault) and whether
 * the chain verifies. Bounded: BENCH_SEATS_SECONDS (default 120) for 30 seats, a quarter of it for 1 seat.
 *
 * The seats are paired devices calling the clinic server over HTTPS on 127.0.0.1 (electron/server, with its
 * certificate pinned, as a remote seat does), from a worker thread of their own (bench/seat-load.ts); the
 * administrator exports at the desk, as on the server's own screen.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChannelName, In, Out } from '../shared/api';
import type { ApiResult } from '../shared/errors';
import { AppCore, fixedConfigStore } from '../electron/app-core';
import { DEFAULT_DEMO_PASSWORD, seedDemoVault } from '../electron/demo/seed';
import { DemoClock, HISTORY_DAYS_AGO } from '../electron/demo/seed-consents';
import { findJob, runningJob } from '../electron/evidence/jobs';
import { createRouter } from '../electron/router';
import { startClinicServer } from '../electron/server/server';
import type { SeatLoadOutcome, SeatLoadPlan, SeatLoadSample } from './seat-load';

const SECONDS = Number(process.env.BENCH_SEATS_SECONDS ?? 120);
const EXPORT_EVERY_MS = 30_000;
const INTERACTIVE_P95_TARGET_MS = 150;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-bench-seats-'));
const vaultDir = path.join(tmp, 'vault');
const clock = new DemoClock(HISTORY_DAYS_AGO);
const app = new AppCore({ config: fixedConfigStore(null), host: { defaultVaultPath: vaultDir }, clock });
const router = createRouter(app, { checkOutput: false, logError: () => undefined });

const seeded = await seedDemoVault(router, vaultDir, 7, DEFAULT_DEMO_PASSWORD, 300, clock);
// From here on the clock is real time: the seats work "now", after the demo clinic's history.
clock.setDaysAgo(0);
app.keepVaultOpen = true;

interface Seat {
  name: string;
  call<C extends ChannelName>(channel: C, input: In<C>): Promise<ApiResult<Out<C>>>;
}

const server = await startClinicServer({ app, router, vaultDir, listen: { host: '127.0.0.1', port: 0 }, forceTls: true, log: () => undefined });

async function must<C extends ChannelName>(seat: Seat, channel: C, input: In<C>): Promise<Out<C>> {
  const r = await seat.call(channel, input);
  if (!r.ok) throw new Error(`${seat.name} ${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}

// What the seats work on: the demo clinic's patients, consultations and open complaints.
const admin: Seat = { name: 'desk', call: (channel, input) => router.call(channel, input) as Promise<ApiResult<never>> };
await must(admin, 'session.signIn', { loginId: seeded.clinic.admin.name, password: DEFAULT_DEMO_PASSWORD });
// Read straight from the vault: a search answers at most 200, and only the first 60 demo patients have consultations.
const patientIds = (app.vault!.db.prepare('SELECT id FROM patients ORDER BY chart_no').all() as { id: string }[]).map((r) => r.id);
const consultationIds = (app.vault!.db.prepare('SELECT id FROM consultations').all() as { id: string }[]).map((r) => r.id);
const withConsultations = (app.vault!.db.prepare('SELECT DISTINCT patient_id AS id FROM consultations').all() as { id: string }[]).map((r) => r.id);
// Consents still to issue: disclosed consultations of adult patients (a minor's needs a guardian first).
const toIssue = (
  app.vault!.db
    .prepare(
      `SELECT c.id FROM consultations c JOIN patients p ON p.id = c.patient_id
       WHERE c.status = 'disclosed' AND p.birth_date <= date('now', '-18 years')
         AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.consultation_id = c.id) ORDER BY c.id`,
    )
    .all() as { id: string }[]
).map((r) => r.id);
const complaintIds = (await must(admin, 'complaints.list', { status: 'open', limit: 200 })).map((c) => c.id);
const staff = seeded.clinic.staff;

/** The seats run in a worker thread (bench/seat-load.ts), as paired devices over HTTPS with the pinned certificate. */
function runSeatLoad(plan: SeatLoadPlan): Promise<SeatLoadOutcome> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const worker = new Worker(path.join(import.meta.dirname, 'seat-load.ts'), { workerData: plan, execArgv: ['--import', tsx] });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ok: true; outcome: SeatLoadOutcome } | { ok: false; error: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.outcome);
      else reject(new Error(m.error));
    });
    worker.once('error', reject);
  });
}

async function runSeats(count: number, seconds: number): Promise<{ samples: SeatLoadSample[]; acknowledged: string[]; exports: number; exportWindows: { from: number; to: number }[]; issueWindows: { from: number; to: number }[] }> {
  const seats: SeatLoadPlan['seats'] = [];
  for (let i = 0; i < count; i++) {
    const issued = await must(admin, 'seats.createPairingCode', { deviceName: `seat-${count}-${i + 1}`, kind: 'desktop' });
    seats.push({ code: issued.code, loginId: staff[i % staff.length]!.name });
  }
  // The deadline counts from after pairing and signing in (each sign-in is an Argon2 check).
  const signInAllowanceMs = 2000 + count * 400;
  const deadline = Date.now() + signInAllowanceMs + seconds * 1000;
  const load = runSeatLoad({ origin: server.origin, seats, password: DEFAULT_DEMO_PASSWORD, patientIds, consultationIds, complaintIds, deadline, seed: 1000 });
  const exportSamples: SeatLoadSample[] = [];
  const exportWindows: { from: number; to: number }[] = [];
  let exports = 0;
  const exporter = async () => {
    await new Promise((res) => setTimeout(res, signInAllowanceMs));
    while (Date.now() < deadline) {
      const at = Date.now();
      const t = process.hrtime.bigint();
      const r = await admin.call('evidence.startExport', {
        patientId: withConsultations[exports % withConsultations.length]!,
        scope: { type: 'patient' },
        kind: 'lawyer',
        locale: 'zh-TW',
        destination: path.join(tmp, `pack-${count}-${exports}.zip`),
      });
      exportSamples.push({ channel: 'evidence.startExport', at, ms: Number(process.hrtime.bigint() - t) / 1e6, ok: r.ok });
      if (r.ok) {
        exports++;
        const job = findJob(app, r.value.jobId);
        if (job) void job.finished.then(() => exportWindows.push({ from: at, to: Date.now() }));
      }
      await new Promise((res) => setTimeout(res, Math.min(EXPORT_EVERY_MS, Math.max(0, deadline - Date.now()))));
    }
  };
  // A consent issued at the desk every 20 s: its PDF is rendered by the job runner's warm worker, off the queue.
  const issueWindows: { from: number; to: number }[] = [];
  const issuer = async () => {
    await new Promise((res) => setTimeout(res, signInAllowanceMs + 5000));
    while (Date.now() < deadline - 5000 && toIssue.length > 0) {
      const at = Date.now();
      const t = process.hrtime.bigint();
      const r = await admin.call('consents.issue', { consultationId: toIssue.shift()! });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      exportSamples.push({ channel: 'consents.issue', at, ms, ok: r.ok });
      issueWindows.push({ from: at, to: at + ms });
      await new Promise((res) => setTimeout(res, 20_000));
    }
  };
  const [outcome] = await Promise.all([load, exporter(), issuer()]);
  // The last export may still be writing: its window ends when it does.
  await runningJob(app)?.finished;
  return { samples: [...outcome.samples, ...exportSamples], acknowledged: outcome.acknowledged, exports, exportWindows, issueWindows };
}

const percentile = (xs: number[], p: number) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!);

console.log('\n== many seats (issue 14) ==');
console.log(`transport: clinic server over HTTPS on 127.0.0.1, one paired device per seat; ${patientIds.length} patients, ${consultationIds.length} consultations, ${complaintIds.length} open complaints`);
const one = await runSeats(1, Math.max(10, Math.round(SECONDS / 4)));
const thirty = await runSeats(30, SECONDS);

const channels = [...new Set([...one.samples, ...thirty.samples].map((s) => s.channel))].sort();
console.log(`${'channel'.padEnd(26)} ${'1 seat p50/p95 (n)'.padEnd(26)} 30 seats p50/p95 (n)`);
for (const ch of channels) {
  const a = one.samples.filter((s) => s.channel === ch).map((s) => s.ms);
  const b = thirty.samples.filter((s) => s.channel === ch).map((s) => s.ms);
  const cell = (xs: number[]) => `${percentile(xs, 0.5).toFixed(1)} / ${percentile(xs, 0.95).toFixed(1)} ms (${xs.length})`;
  console.log(`${ch.padEnd(26)} ${cell(a).padEnd(26)} ${cell(b)}`);
}
// Interactive: what the seats do; the desk's export starts and consent issues are measured apart.
const DESK_CHANNELS = new Set(['evidence.startExport', 'consents.issue']);
const interactive = thirty.samples.filter((s) => !DESK_CHANNELS.has(s.channel)).map((s) => s.ms);
const interactiveOne = one.samples.filter((s) => !DESK_CHANNELS.has(s.channel)).map((s) => s.ms);
console.log(`interactive p95, 30 seats ÷ 1 seat (same run): ${(percentile(interactive, 0.95) / percentile(interactiveOne, 0.95)).toFixed(1)}× (${percentile(interactive, 0.95).toFixed(1)} ms ÷ ${percentile(interactiveOne, 0.95).toFixed(1)} ms)`);
const duringExport = (s: SeatLoadSample) => thirty.exportWindows.some((w) => s.at >= w.from && s.at <= w.to);
const whileWriting = thirty.samples.filter((s) => !DESK_CHANNELS.has(s.channel) && duringExport(s)).map((s) => s.ms);
const otherwise = thirty.samples.filter((s) => !DESK_CHANNELS.has(s.channel) && !duringExport(s)).map((s) => s.ms);
// A seat's call that was waiting or running while a consent was being issued.
const duringIssue = (s: SeatLoadSample) => thirty.issueWindows.some((w) => s.at <= w.to && s.at + s.ms >= w.from);
const whileIssuing = thirty.samples.filter((s) => !DESK_CHANNELS.has(s.channel) && duringIssue(s)).map((s) => s.ms);
const seconds = (ws: { from: number; to: number }[]) => ws.reduce((n, w) => n + (w.to - w.from), 0) / 1000;
console.log(`30 seats, interactive p95 while a pack is being written: ${percentile(whileWriting, 0.95).toFixed(1)} ms (${whileWriting.length} calls, ${seconds(thirty.exportWindows).toFixed(1)} s of exports); otherwise: ${percentile(otherwise, 0.95).toFixed(1)} ms (${otherwise.length})`);
const notIssuing = thirty.samples.filter((s) => !DESK_CHANNELS.has(s.channel) && !duringIssue(s)).map((s) => s.ms);
console.log(`30 seats, interactive p95 of calls overlapping a consent issue (PDF rendered off the queue): ${percentile(whileIssuing, 0.95).toFixed(1)} ms (${whileIssuing.length} calls, ${thirty.issueWindows.length} consents) = ${(percentile(whileIssuing, 0.95) / percentile(notIssuing, 0.95)).toFixed(1)}× the p95 of the other calls (${percentile(notIssuing, 0.95).toFixed(1)} ms)`);
const errors = [...one.samples, ...thirty.samples].filter((s) => !s.ok).length;
console.log(`interactive p95 with 30 seats while exports run: ${percentile(interactive, 0.95).toFixed(1)} ms (target < ${INTERACTIVE_P95_TARGET_MS} ms); exports started: ${one.exports + thirty.exports}`);
console.log(`errors: ${errors} (target 0)`);

// Lost writes: every acknowledged summary must be in the vault; and the chain verifies.
const vault = app.vault!;
const stored = new Set<string>();
for (const r of vault.db.prepare("SELECT summary FROM communications WHERE summary LIKE 'bench %' UNION ALL SELECT summary FROM complaint_entries WHERE summary LIKE 'bench %'").all() as { summary: string }[]) stored.add(r.summary);
const acknowledged = [...one.acknowledged, ...thirty.acknowledged];
console.log(`lost writes: ${acknowledged.filter((s) => !stored.has(s)).length} of ${acknowledged.length} acknowledged (target 0)`);
const chain = await must(admin, 'audit.verify', {});
console.log(`chain verifies: ${chain.ok ? 'yes' : 'NO'} (${chain.checked} events)`);
await must(admin, 'session.signOut', {});
await server.close();
app.closeVault();
fs.rmSync(tmp, { recursive: true, force: true });
