/**
 * `npm run bench`: speed and memory of the foundation, measured here rather than in timed unit tests.
 * Prints one line per measurement; numbers go into the issue notes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppCore, fixedConfigStore } from '../electron/app-core';
import { createRouter } from '../electron/router';
import { Vault } from '../electron/store/vault';

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
  const r = await router.call('session.signIn', { name: '基準管理員', password });
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
    vault.appendAudit({ at: new Date().toISOString(), actorId: null, actorName: 'bench', actorRole: 'admin', action: 'bench.event', subjectType: 'patient', subjectId: String(i), details: { i, note: '病歷檢視' } });
  }
});
const appendMs = ms(t);
report(`audit append, ${N} events in one transaction`, (N / appendMs) * 1000, 'events/s');

const single = 200;
t = process.hrtime.bigint();
for (let i = 0; i < single; i++) {
  vault.transaction(() => vault.appendAudit({ at: new Date().toISOString(), actorId: null, actorName: 'bench', actorRole: 'admin', action: 'bench.single', subjectType: null, subjectId: null, details: {} }));
}
report('one audited write per transaction (fsync)', ms(t) / single, 'ms');

t = process.hrtime.bigint();
const v = vault.audit.verifyChain();
report(`verifyAuditChain over ${v.checked} events`, ms(t), 'ms');
report('peak resident memory', process.memoryUsage().rss / 1024 / 1024, 'MiB');
vault.close();
fs.rmSync(tmp, { recursive: true, force: true });
