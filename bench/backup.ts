/**
 * Backup benchmark (issue 11): a vault with 20,000 patients and 500 MB of photos. A second process (this file with
 * `--measure`) signs in as the app would, copies vault.db plainly (read, write, fsync) as the reference, makes a
 * backup through the channels while ordinary calls go on (patients.search, session.heartbeat), and reports the copy
 * step beside the plain copy, the verification apart, the process's peak resident memory (the worker thread
 * included) and the p95 of the ordinary calls during the backup. Run by `npm run bench` (or `tsx bench/backup.ts`).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelName, In, Out } from '../shared/api';
import { PatientFields } from '../shared/schemas/patient';
import { AppCore, fixedConfigStore } from '../electron/app-core';
import { SeededRandom, syntheticPatient } from '../electron/demo/synthetic';
import { createRouter, type Router } from '../electron/router';
import { newPatientRecord } from '../electron/services/patients/patients';
import { Vault } from '../electron/store/vault';
import { noisePng } from './noise-png';

const ADMIN = { name: '備份管理員', password: 'Backup-Admin-2026' };
const PHYSICIAN = { name: '備份醫師', role: 'physician', licenceNo: '醫字第088888號', specialty: '皮膚科', password: 'Backup-Doctor-2026', temporaryPassword: false } as const;
const PATIENTS = Number(process.env.BENCH_BACKUP_PATIENTS ?? 20_000);
const PHOTO_MB = Number(process.env.BENCH_BACKUP_PHOTO_MB ?? 500);
const PHOTO_BYTES = 2 * 1024 * 1024;

function caller(router: Router) {
  return async function ok<C extends ChannelName>(channel: C, input: In<C>): Promise<Out<C>> {
    const r = await router.call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as Out<C>;
  };
}


function line(name: string, value: string, target?: string): void {
  console.log(`${name.padEnd(52)} ${value.padStart(12)}${target ? `   (target ${target})` : ''}`);
}

async function setUp(vaultDir: string): Promise<void> {
  const app = new AppCore({ config: fixedConfigStore(null), host: { defaultVaultPath: vaultDir } });
  const router = createRouter(app, { checkOutput: false });
  const ok = caller(router);
  await ok('setup.createVault', { clinicName: '備份基準診所', timeZone: 'Asia/Taipei', vaultDir, adminName: ADMIN.name, adminPassword: ADMIN.password });
  await ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  const physicianId = (await ok('staff.add', PHYSICIAN)).id;
  const patient = await ok('patients.create', { chartNo: 'B00001', nameZh: '林怡君', sex: 'female', birthDate: '1991-06-02', phone: '0912-345-001' });
  const procedure = (await ok('procedures.list', {}))[0]!;
  const consultation = (await ok('consultations.start', { patientId: patient.id, procedureId: procedure.id, physicianId })).consultation;
  const adminId = app.session!.staff.id;
  await ok('session.signOut', {});

  // The bulk goes in through the repositories (what the channels would write, without 20,000 audited calls).
  const { vault } = await Vault.openWithPassword(vaultDir, ADMIN.name, ADMIN.password);
  const rng = new SeededRandom(11);
  const seen = new Set<string>();
  const records: ReturnType<typeof newPatientRecord>[] = [];
  for (let i = 2; records.length < PATIENTS - 1; i++) {
    const fields = PatientFields.parse(syntheticPatient(rng, i, '2026-11-23'));
    if (fields.nationalId && seen.has(fields.nationalId)) continue;
    if (fields.nationalId) seen.add(fields.nationalId);
    records.push(newPatientRecord(fields, new Date().toISOString()));
  }
  vault.transaction(() => vault.patients.insertMany(records, adminId));
  const photos = Math.ceil((PHOTO_MB * 1024 * 1024) / PHOTO_BYTES);
  for (let batch = 0; batch < photos; batch += 25) {
    vault.transaction(() => {
      for (let i = batch; i < Math.min(photos, batch + 25); i++) {
        const bytes = noisePng(PHOTO_BYTES, 0);
        const at = new Date().toISOString();
        vault.photos.add({
          id: randomUUID(), patientId: patient.id, consultationId: consultation.id, kind: i % 2 ? 'after' : 'before', sha256: createHash('sha256').update(bytes).digest('hex'),
          mime: 'image/png', bytes, capturedAt: at, capturedAtSource: 'received', angle: 'front', area: 'full_face', marketingConsent: false, createdAt: at, createdBy: adminId,
        });
      }
    });
  }
  vault.close();
}

async function measure(vaultDir: string, outDir: string): Promise<void> {
  const app = new AppCore({ config: fixedConfigStore(vaultDir), host: { defaultVaultPath: vaultDir } });
  const router = createRouter(app, { checkOutput: false });
  const ok = caller(router);
  await ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  const dbFile = path.join(vaultDir, 'vault.db');
  const dbBytes = fs.statSync(dbFile).size + (fs.statSync(`${dbFile}-wal`, { throwIfNoEntry: false })?.size ?? 0);

  /** The reference: read vault.db and write it elsewhere, then fsync, as a copy onto a backup drive would. */
  const plainCopy = () => {
    const to = path.join(outDir, `plain-${randomUUID()}.db`);
    const t = performance.now();
    const src = fs.openSync(dbFile, 'r');
    const dst = fs.openSync(to, 'w');
    const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (;;) {
      const n = fs.readSync(src, buf, 0, buf.length, null);
      if (n === 0) break;
      fs.writeSync(dst, buf, 0, n);
    }
    fs.fsyncSync(dst);
    fs.closeSync(src);
    fs.closeSync(dst);
    const took = performance.now() - t;
    fs.rmSync(to);
    return took;
  };
  const plainBefore = plainCopy();

  let peak = process.memoryUsage().rss;
  const baseline = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const dest = path.join(outDir, 'backups');
  fs.mkdirSync(dest);
  const t0 = performance.now();
  const { jobId } = await ok('backups.start', { destination: dest });
  const calls: number[] = [];
  const queries = ['林', '0912', 'B00001', '陳', '怡君'];
  let status: Out<'jobs.status'>;
  for (let i = 0; ; i++) {
    const c0 = performance.now();
    if (i % 2 === 0) await ok('patients.search', { query: queries[i % queries.length]!, limit: 50 });
    else await ok('session.heartbeat', {});
    calls.push(performance.now() - c0);
    status = await ok('jobs.status', { jobId });
    if (status.state !== 'queued' && status.state !== 'running') break;
    // Calls arrive one task at a time (IPC or HTTP), a few a second per screen; here as fast as 20 ms apart.
    await new Promise((r) => setTimeout(r, 20));
  }
  const wallMs = performance.now() - t0;
  clearInterval(sampler);
  if (status.kind !== 'backup.create' || status.result?.status !== 'verified') throw new Error(`backup ${status.state}: ${status.errorKey ?? ''}`);
  const plainAfter = plainCopy();
  const r = status.result;
  await ok('session.signOut', {});
  const plain = (plainBefore + plainAfter) / 2;
  const sorted = [...calls].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))]!;
  line(`backup: vault.db + WAL`, `${(dbBytes / 1024 / 1024).toFixed(0)} MiB`);
  line('backup: plain copy of vault.db (read, write, fsync)', `${(plain / 1000).toFixed(2)} s`);
  line('backup: copy step (VACUUM INTO + fsync + key slots)', `${(r.copyMs / 1000).toFixed(2)} s`);
  line('backup: copy step / plain copy', `${(r.copyMs / plain).toFixed(2)}×`, '≤ 3×');
  line('backup: verification (integrity, chain, hashes)', `${(r.verifyMs / 1000).toFixed(2)} s`);
  line('backup: whole job, start to verified', `${(wallMs / 1000).toFixed(2)} s`);
  line('backup: peak RSS of the process (worker included)', `${(peak / 1024 / 1024).toFixed(0)} MiB`, '< 300 MB');
  line('backup: RSS before the backup', `${(baseline / 1024 / 1024).toFixed(0)} MiB`);
  line(`backup: p95 of ${calls.length} calls while it ran (search, heartbeat)`, `${p95.toFixed(1)} ms`);
  line('backup: max of those calls', `${sorted[sorted.length - 1]!.toFixed(1)} ms`);
}

if (process.argv[2] === '--measure') {
  await measure(process.argv[3]!, process.argv[4]!);
} else {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-bench-backup-'));
  try {
    const vaultDir = path.join(tmp, 'vault');
    const t = Date.now();
    await setUp(vaultDir);
    line(`backup: set-up (${PATIENTS} patients, ${PHOTO_MB} MB of photos)`, `${((Date.now() - t) / 1000).toFixed(1)} s`);
    // The measurement in a process of its own, so its memory is the backup's and not the set-up's.
    execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--measure', vaultDir, tmp], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
