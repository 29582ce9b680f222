/**
 * The exporting process of bench/evidence.ts: signs in, exports one patient's pack through the channels,
 * verifies it, and prints one JSON line with its wall time and this process's peak resident memory.
 * Usage: evidence-export.ts VAULT_DIR ADMIN_NAME PASSWORD PATIENT_ID OUT.zip
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { AppCore, fixedConfigStore } from '../electron/app-core';
import { verifyPack } from '../electron/evidence/verify';
import { createRouter } from '../electron/router';

const [vaultDir, name, password, patientId, out] = process.argv.slice(2) as [string, string, string, string, string];
// As the desktop app and the clinic server run it: a job worker waits, started ahead, while the vault is open.
const app = new AppCore({ config: fixedConfigStore(vaultDir), host: { defaultVaultPath: vaultDir }, spareJobWorker: true });
const router = createRouter(app, { checkOutput: false });
const signIn = await router.call('session.signIn', { loginId: name, password });
if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
// The moments between signing in and pressing Export (finding the patient, choosing the pack) start it.
await new Promise((resolve) => setTimeout(resolve, 1500));

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const baseline = process.memoryUsage().rss;
const t0 = performance.now();
const started = await router.call('evidence.startExport', { patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: out });
if (!started.ok) throw new Error(JSON.stringify(started.error));
const { jobId } = started.value as { jobId: string };
let status: { state: string; result: { bytes: number; pages: number; files: number } | null; errorKey: string | null };
for (;;) {
  const r = await router.call('evidence.progress', { jobId });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  status = r.value as typeof status;
  if (status.state !== 'running') break;
  await new Promise((resolve) => setTimeout(resolve, 25));
}
const exportMs = performance.now() - t0;
clearInterval(sampler);
if (status.state !== 'done' || !status.result) throw new Error(`export ${status.state}: ${status.errorKey}`);
// The export's reference in the same run: read the pack's own bytes, hash them, write a copy and sync it. Timed
// once the job runner's next spare worker (started as the export ended) has loaded, so both have the cores alike.
await new Promise((resolve) => setTimeout(resolve, 1500));
const tRef = performance.now();
{
  const copy = `${out}.reference-copy`;
  const fd = fs.openSync(copy, 'w');
  const refHash = createHash('sha256');
  for await (const chunk of fs.createReadStream(out, { highWaterMark: 1024 * 1024 })) {
    refHash.update(chunk as Buffer);
    fs.writeSync(fd, chunk as Buffer);
  }
  refHash.digest();
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.rmSync(copy);
}
const hashCopySyncMs = performance.now() - tRef;
const t1 = performance.now();
const v = await verifyPack({ path: out });
const verifyMs = performance.now() - t1;
// The reference in the same run: SHA-256 of the same bytes, read from the same file.
const t2 = performance.now();
const hash = createHash('sha256');
for await (const chunk of fs.createReadStream(out, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
hash.digest();
const rawShaMs = performance.now() - t2;
// And through the app's job runner (a worker thread), as the verify screen runs it while other calls go on.
const t3 = performance.now();
const jobStart = await router.call('evidence.startVerify', { source: { path: out } });
if (!jobStart.ok) throw new Error(JSON.stringify(jobStart.error));
const verifyJobId = (jobStart.value as { jobId: string }).jobId;
const heartbeats: number[] = [];
for (;;) {
  const h0 = performance.now();
  await router.call('session.heartbeat', {});
  heartbeats.push(performance.now() - h0);
  const r = await router.call('jobs.status', { jobId: verifyJobId });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const st = (r.value as { state: string }).state;
  if (st !== 'queued' && st !== 'running') break;
  await new Promise((resolve) => setTimeout(resolve, 10));
}
const jobVerifyMs = performance.now() - t3;
heartbeats.sort((a, b) => a - b);
const heartbeatP95Ms = heartbeats[Math.floor(heartbeats.length * 0.95)] ?? 0;
await router.call('session.signOut', {});
const peakRss = Math.max(peak, process.resourceUsage().maxRSS * 1024);
console.log(
  JSON.stringify({
    exportMs,
    hashCopySyncMs,
    verifyMs,
    rawShaMs,
    jobVerifyMs,
    heartbeatP95Ms,
    peakRssMiB: peakRss / 1024 / 1024,
    baselineRssMiB: baseline / 1024 / 1024,
    bytes: status.result.bytes,
    pages: status.result.pages,
    files: status.result.files,
    auditEvents: v.checked.auditEvents,
    ok: v.ok,
  }),
);
