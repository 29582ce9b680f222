/**
 * `npm run bench`: speed and memory of the vault, audit chain and patient search, measured here rather than in timed unit tests.
 * Prints one line per measurement; numbers go into the issue notes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppCore, fixedConfigStore } from '../electron/app-core';
import { createRouter } from '../electron/router';
import { SeededRandom, syntheticPatient } from '../electron/demo/synthetic';
import { newPatientRecord } from '../electron/services/patients/patients';
import { Vault } from '../electron/store/vault';
import { PatientFields } from '../shared/schemas/patient';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-bench-'));
const vaultDir = path.join(tmp, 'vault');
const password = 'Quartz-Admin-2026';

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
function report(name: string, value: number, unit: string, target?: string): void {
  console.log(`${name.padEnd(44)} ${value.toFixed(unit === 'ms' ? 1 : 0).padStart(10)} ${unit}${target ? `   (target ${target})` : ''}`);
}

const app = new AppCore({ config: fixedConfigStore(null), host: { defaultVaultPath: vaultDir } });
const router = createRouter(app, { checkOutput: false });

let t = process.hrtime.bigint();
const created = await router.call('setup.createVault', { clinicName: '基準測試診所', timeZone: 'Asia/Taipei', vaultDir, adminName: '基準管理員', adminPassword: password });
if (!created.ok) throw new Error(JSON.stringify(created.error));
report('vault creation (2 Argon2id slots)', ms(t), 'ms');

const signIns: number[] = [];
for (let i = 0; i < 5; i++) {
  t = process.hrtime.bigint();
  const r = await router.call('session.signIn', { loginId: '基準管理員', password });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  signIns.push(ms(t));
  await router.call('session.signOut', {});
}
report('sign-in (Argon2id 64 MiB, open, migrate)', signIns.sort((a, b) => a - b)[2]!, 'ms', '< 1000 ms');

const { vault } = await Vault.openWithPassword(vaultDir, '基準管理員', password);
const N = 100_000;
t = process.hrtime.bigint();
vault.transaction(() => {
  for (let i = 0; i < N; i++) {
    vault.appendAudit({ at: new Date().toISOString(), actorId: null, actorName: 'bench', actorRole: 'admin', action: 'patient.viewed', subjectType: 'patient', subjectId: String(i), details: { i, note: '病歷檢視' } });
  }
});
const appendMs = ms(t);
report(`audit append, ${N} events in one transaction`, (N / appendMs) * 1000, 'events/s');

const single = 200;
t = process.hrtime.bigint();
for (let i = 0; i < single; i++) {
  vault.transaction(() => vault.appendAudit({ at: new Date().toISOString(), actorId: null, actorName: 'bench', actorRole: 'admin', action: 'patient.viewed', subjectType: null, subjectId: null, details: {} }));
  // On disk before the next, as a lone caller is answered (store/wal-durability.ts).
  await vault.durability.whenDurable();
}
report('one audited write per transaction, synced', ms(t) / single, 'ms');

t = process.hrtime.bigint();
const v = vault.audit.verifyChain();
report(`verifyAuditChain over ${v.checked} events`, ms(t), 'ms');
vault.close();

// Patient search at clinic scale: 100,000 synthetic patients, queries as staff type them at the front desk.
const signedIn = await router.call('session.signIn', { loginId: '基準管理員', password });
if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.error));
const open = app.vault!;
const rng = new SeededRandom(7);
const today = '2026-11-23';
const seenIds = new Set<string>();
const records: ReturnType<typeof newPatientRecord>[] = [];
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
t = process.hrtime.bigint();
for (let i = 1; i <= PATIENTS; i++) {
  const fields = PatientFields.parse(syntheticPatient(rng, i, today));
  if (fields.nationalId && seenIds.has(fields.nationalId)) continue; // random IDs collide a few times in 100k
  if (fields.nationalId) seenIds.add(fields.nationalId);
  records.push(newPatientRecord(fields, new Date().toISOString()));
}
report(`generate and validate ${records.length} synthetic patients`, ms(t), 'ms');
t = process.hrtime.bigint();
open.transaction(() => open.patients.insertMany(records, app.session!.staff.id));
report(`bulk load ${records.length} patients with search index`, (records.length / ms(t)) * 1000, 'patients/s');

/** What people type: 2-character given names, full names, chart-number and phone fragments, a full ID. */
const queries: string[] = [];
for (let i = 0; i < 400; i++) {
  const p = records[rng.int(0, records.length - 1)]!;
  const kind = i % 5;
  queries.push(kind === 0 ? p.nameZh.slice(1) : kind === 1 ? p.nameZh : kind === 2 ? p.chartNo.slice(-5) : kind === 3 ? p.phone.replace(/\D/g, '').slice(-6) : (p.nationalId ?? p.nameZh));
}
const percentile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const storeTimes: number[] = [];
for (const q of queries) {
  t = process.hrtime.bigint();
  open.patients.search(q, 50);
  storeTimes.push(ms(t));
}
report(`patient search in the store, p50 (${records.length} patients)`, percentile(storeTimes, 0.5), 'ms');
report(`patient search in the store, p95 (${records.length} patients)`, percentile(storeTimes, 0.95), 'ms', '< 20 ms');
const channelTimes: number[] = [];
for (const q of queries) {
  t = process.hrtime.bigint();
  const r = await router.call('patients.search', { query: q, limit: 50 });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  channelTimes.push(ms(t));
}
report('patients.search channel incl. audit (synced), p50', percentile(channelTimes, 0.5), 'ms');
report('patients.search channel incl. audit (synced), p95', percentile(channelTimes, 0.95), 'ms', '< 20 ms');
await router.call('session.signOut', {});

report('peak resident memory', process.memoryUsage().rss / 1024 / 1024, 'MiB');
fs.rmSync(tmp, { recursive: true, force: true });

// Heavy work runs in the job runner's worker: time the built worker a clinic runs, not its sources through tsx.
execFileSync(process.execPath, [path.join(import.meta.dirname, '..', 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
process.env.CONSENTVAULT_JOBS_WORKER = path.join(import.meta.dirname, '..', 'dist', 'cli', 'jobs-worker.mjs');

// Evidence packs (issue 5): a process of its own, so the export's memory is measured apart from this one's.
execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'evidence.ts')], { stdio: 'inherit' });

// Backups (issue 11): 20,000 patients and 500 MB of photos, the copy beside a plain file copy, in processes of their own.
execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'backup.ts')], { stdio: 'inherit' });

// Many seats (issue 14): 1 seat and 30 seats over the clinic server's HTTPS, side by side, bounded in time.
execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'seats.ts')], { stdio: 'inherit' });
