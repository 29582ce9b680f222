/**
 * The seats of bench/seats.ts, in a worker thread of their own: thirty clients' TLS and JSON work runs beside the
 * server instead of on the event loop the server answers from, as on a clinic's network where each seat is its own
 * machine. Pairs each seat with its one-time code, signs in, runs the mix until the deadline, signs out, and posts
 * the samples and the acknowledged writes back.
 */
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { ChannelName, In, Out } from '../shared/api';
import type { ApiResult } from '../shared/errors';
import { SeededRandom } from '../electron/demo/synthetic';
import { ClinicClient, pairWithServer } from '../electron/server/client';

export interface SeatLoadPlan {
  origin: string;
  seats: { code: string; loginId: string }[];
  password: string;
  patientIds: string[];
  consultationIds: string[];
  complaintIds: string[];
  deadline: number;
  seed: number;
}

export interface SeatLoadSample {
  channel: string;
  /** When the call was sent (epoch ms), to tell calls made while an export was written from the others. */
  at: number;
  ms: number;
  ok: boolean;
}

export interface SeatLoadOutcome {
  samples: SeatLoadSample[];
  acknowledged: string[];
}

interface Seat {
  name: string;
  client: ClinicClient;
}

async function call<C extends ChannelName>(seat: Seat, channel: C, input: In<C>): Promise<ApiResult<Out<C>>> {
  return (await seat.client.call(channel, input)) as ApiResult<Out<C>>;
}

async function must<C extends ChannelName>(seat: Seat, channel: C, input: In<C>): Promise<Out<C>> {
  const r = await call(seat, channel, input);
  if (!r.ok) throw new Error(`${seat.name} ${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function run(plan: SeatLoadPlan): Promise<SeatLoadOutcome> {
  const samples: SeatLoadSample[] = [];
  const acknowledged: string[] = [];
  const seats: Seat[] = [];
  for (const [i, s] of plan.seats.entries()) {
    const seat = { name: `seat-${i + 1}`, client: new ClinicClient(await pairWithServer(plan.origin, s.code)) };
    await must(seat, 'session.signIn', { loginId: s.loginId, password: plan.password });
    seats.push(seat);
  }
  const timed = async <C extends ChannelName>(seat: Seat, channel: C, input: In<C>): Promise<ApiResult<Out<C>>> => {
    const at = Date.now();
    const t = process.hrtime.bigint();
    const r = await call(seat, channel, input);
    samples.push({ channel, at, ms: Number(process.hrtime.bigint() - t) / 1e6, ok: r.ok });
    return r;
  };
  const { patientIds, consultationIds, complaintIds } = plan;
  const work = async (seat: Seat, rng: SeededRandom) => {
    while (Date.now() < plan.deadline) {
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
      // Think time: a person reads the screen before the next click.
      await new Promise((r) => setTimeout(r, 100 + rng.int(0, 500)));
    }
  };
  await Promise.all(seats.map((s, i) => work(s, new SeededRandom(plan.seed + i))));
  for (const seat of seats) {
    await must(seat, 'session.signOut', {});
    seat.client.close();
  }
  return { samples, acknowledged };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as SeatLoadPlan).then(
    (outcome) => port.postMessage({ ok: true, outcome }),
    (e: unknown) => port.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
}
