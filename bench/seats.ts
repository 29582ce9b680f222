/**
 * Many seats (issue 14): the same realistic mix of calls from 1 seat and from 30 seats at once, side by side in one
 * run, against one vault kept open as the clinic server keeps it. Each seat signs in as a member of staff, then
 * searches, opens patients and consultations, logs communications and complaint entries and reads the follow-up
 * worklist, with a short think time; an administrator's seat starts an evidence export every 30 s. Reported per
 * channel: p50/p95 for 1 seat and for 30 seats, errors, lost writes (acknowledged but not in the vault) and whether
 * the chain verifies. Bounded: BENCH_SEATS_SECONDS (default 120) for 30 seats, a quarter of it for 1 seat.
 *
 * The seats are paired devices calling the clinic server over HTTPS on 127.0.0.1 (electron/server, with its
 * certificate pinned, as a remote seat does); the administrator exports at the desk, as on the server's own screen.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelName, In, Out } from '../shared/api';
import type { ApiResult } from '../shared/errors';
import { AppCore, fixedConfigStore } from '../electron/app-core';
import { DEFAULT_DEMO_PASSWORD, seedDemoVault } from '../electron/demo/seed';
import { DemoClock, HISTORY_DAYS_AGO } from '../electron/demo/seed-consents';
import { SeededRandom } from '../electron/demo/synthetic';
import { createRouter } from '../electron/router';
import { ClinicClient, pairWithServer } from '../electron/server/client';
import { startClinicServer } from '../electron/server/server';

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

/** A paired device: a one-time code from the administrator at the desk, then HTTPS with the pinned certificate. */
async function pairedSeat(name: string): Promise<Seat> {
  const issued = await must(admin, 'seats.createPairingCode', { deviceName: name, kind: 'desktop' });
  const client = new ClinicClient(await pairWithServer(server.origin, issued.code));
  return { name, call: (channel, input) => client.call(channel, input) as Promise<ApiResult<never>> };
}

async function must<C extends ChannelName>(seat: Seat, channel: C, input: In<C>): Promise<Out<C>> {
  const r = await seat.call(channel, input);
  if (!r.ok) throw new Error(`${seat.name} ${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}

// What the seats work on: the demo clinic's patients, consultations and open complaints.
const admin: Seat = { name: 'desk', call: (channel, input) => router.call(channel, input) as Promise<ApiResult<never>> };
await must(admin, 'session.signIn', { loginId: seeded.clinic.admin.name, password: DEFAULT_DEMO_PASSWORD });
const patients = await must(admin, 'patients.search', { query: '', limit: 200 });
const patientIds = patients.map((p) => p.id);
const consultationIds: string[] = [];
for (const id of patientIds) for (const c of (await must(admin, 'patients.get', { patientId: id })).consultations) consultationIds.push(c.id);
const complaintIds = (await must(admin, 'complaints.list', { status: 'open', limit: 200 })).map((c) => c.id);
const staff = seeded.clinic.staff;

interface Sample {
  channel: string;
  ms: number;
  ok: boolean;
}

async function runSeats(count: number, seconds: number): Promise<{ samples: Sample[]; acknowledged: string[]; exports: number }> {
  const samples: Sample[] = [];
  const acknowledged: string[] = [];
  const seats: Seat[] = [];
  for (let i = 0; i < count; i++) {
    const person = staff[i % staff.length]!;
    const seat = await pairedSeat(`seat-${count}-${i + 1}`);
    await must(seat, 'session.signIn', { loginId: person.name, password: DEFAULT_DEMO_PASSWORD });
    seats.push(seat);
  }
  const deadline = Date.now() + seconds * 1000;
  const timed = async <C extends ChannelName>(seat: Seat, channel: C, input: In<C>): Promise<ApiResult<Out<C>>> => {
    const t = process.hrtime.bigint();
    const r = await seat.call(channel, input);
    samples.push({ channel, ms: Number(process.hrtime.bigint() - t) / 1e6, ok: r.ok });
    return r;
  };
  const work = async (seat: Seat, rng: SeededRandom) => {
    while (Date.now() < deadline) {
      const roll = rng.int(0, 99);
      const patientId = patientIds[rng.int(0, patientIds.length - 1)]!;
      if (roll < 30) await timed(seat, 'patients.search', { query: rng.pick(['王', '陳', '林', 'A1', '張', '李']), limit: 50 });
      else if (roll < 55) await timed(seat, 'patients.get', { patientId });
      else if (roll < 70 && consultationIds.length > 0) await timed(seat, 'consultations.get', { consultationId: consultationIds[rng.int(0, consultationIds.length - 1)]! });
      else if (roll < 85) {
        const summary = `bench ${randomUUID()}`;
        const r = await timed(seat, 'communications.log', { patientId, channel: 'phone', direction: 'outbound', occurredAt: new Date().toISOString(), summary });
        if (r.ok) acknowledged.push(summary);
      } else if (roll < 95) await timed(seat, 'followUps.worklist', { scope: 'all', upcomingDays: 14 });
      else if (complaintIds.length > 0) {
        const summary = `bench ${randomUUID()}`;
        const r = await timed(seat, 'complaints.addEntry', { complaintId: complaintIds[rng.int(0, complaintIds.length - 1)]!, kind: 'note', occurredAt: new Date().toISOString(), summary });
        if (r.ok) acknowledged.push(summary);
      }
      await new Promise((r) => setTimeout(r, 100 + rng.int(0, 500)));
    }
  };
  let exports = 0;
  const exporter = async () => {
    while (Date.now() < deadline) {
      const r = await timed(admin, 'evidence.startExport', {
        patientId: patientIds[exports % 10]!,
        scope: { type: 'patient' },
        kind: 'lawyer',
        locale: 'zh-TW',
        destination: path.join(tmp, `pack-${count}-${exports}.zip`),
      });
      if (r.ok) exports++;
      await new Promise((res) => setTimeout(res, Math.min(EXPORT_EVERY_MS, Math.max(0, deadline - Date.now()))));
    }
  };
  await Promise.all([exporter(), ...seats.map((s, i) => work(s, new SeededRandom(1000 + i)))]);
  for (const seat of seats) await must(seat, 'session.signOut', {});
  return { samples, acknowledged, exports };
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
const interactive = thirty.samples.filter((s) => s.channel !== 'evidence.startExport').map((s) => s.ms);
const interactiveOne = one.samples.filter((s) => s.channel !== 'evidence.startExport').map((s) => s.ms);
console.log(`interactive p95, 30 seats ÷ 1 seat (same run): ${(percentile(interactive, 0.95) / percentile(interactiveOne, 0.95)).toFixed(1)}×`);
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
