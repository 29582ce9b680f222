import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ClinicClient, pairWithServer } from '../../electron/server/client';
import { readCheckpointFile } from '../../electron/store/audit/checkpoint';
import { ADMIN, makeTestApp } from '../support/app';
import { startServeProcess, type ServeProcess } from '../support/cli-process';
import { signInAt } from '../support/clinic-server';
import { NURSE } from '../support/staff';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** A closed vault with the administrator and a nurse. */
async function closedVault(): Promise<{ vaultDir: string; dispose(): void }> {
  const t = makeTestApp();
  await t.setup();
  if (!t.app.session) await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  await t.ok('staff.add', NURSE);
  await t.signOut();
  return { vaultDir: t.vaultDir, dispose: t.dispose };
}

interface Served extends ServeProcess {
  code: string;
  certificateLine: string;
}

/** `consentvault serve` as a process of its own, on 127.0.0.1, with a first pairing code. */
async function serve(vaultDir: string): Promise<Served> {
  const served = await startServeProcess(['--vault', vaultDir, '--listen', '127.0.0.1:0', '--pair', 'Nurses station'], { CONSENTVAULT_PASSWORD: ADMIN.password }, (child) => children.push(child));
  const out = served.output();
  const code = /Pairing code for Nurses station: (\S+)/.exec(out)![1]!;
  const certificateLine = /Certificate SHA-256: (.*)/.exec(out)![1]!;
  return { ...served, code, certificateLine };
}

describe('consentvault serve (a real process)', () => {
  it('prints its address, serves a paired seat and stops on SIGTERM with a checkpoint written', async () => {
    const v = await closedVault();
    try {
      const s = await serve(v.vaultDir);
      expect(s.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(s.certificateLine).toContain('none');
      const seat = new ClinicClient(await pairWithServer(s.origin, s.code));
      await signInAt(seat, NURSE);
      expect((await seat.call('patients.create', { chartNo: 'P0001', nameZh: '陳怡君', sex: 'female', birthDate: '1988-02-14', phone: '0912-111-222' })).ok).toBe(true);
      const before = readCheckpointFile(v.vaultDir);
      s.child.kill('SIGTERM');
      expect(await s.exited).toEqual({ code: 0, signal: null });
      expect(s.output()).toContain('Clinic server stopped');
      const after = readCheckpointFile(v.vaultDir);
      expect(after.state).toBe('read');
      if (after.state === 'read' && before.state === 'read') {
        expect(after.checkpoint.statement.reason).toBe('close');
        expect(after.checkpoint.statement.headSeq).toBeGreaterThan(before.checkpoint.statement.headSeq);
      }
    } finally {
      v.dispose();
    }
  }, 120_000);

  it('kill -9 under three writers at once, then restart: every acknowledged write is there and the chain verifies', async () => {
    const v = await closedVault();
    try {
      const s = await serve(v.vaultDir);
      const seat = new ClinicClient(await pairWithServer(s.origin, s.code));
      await signInAt(seat, NURSE);
      const acknowledged: string[] = [];
      let n = 0;
      // Three calls in flight at all times, so the kill lands among writes that share one disk sync (group commit).
      const writers = [0, 1, 2].map(async () => {
        for (;;) {
          const chartNo = `K${String(++n).padStart(4, '0')}`;
          try {
            const r = await seat.call('patients.create', { chartNo, nameZh: '王小明', sex: 'male', birthDate: '1990-01-01', phone: '0912-000-000' });
            if (r.ok) acknowledged.push(chartNo);
          } catch {
            return; // the server is gone
          }
        }
      });
      while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 5));
      s.child.kill('SIGKILL');
      await Promise.all(writers);
      expect((await s.exited).signal).toBe('SIGKILL');

      // Restarted: the same vault opens, every acknowledged patient is there, the chain verifies.
      const t = makeTestApp({ vaultDir: v.vaultDir, configured: true });
      try {
        await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
        const rows = t.app.vault!.db.prepare('SELECT chart_no FROM patients').all() as { chart_no: string }[];
        const chartNos = new Set(rows.map((p) => p.chart_no));
        expect(acknowledged.filter((c) => !chartNos.has(c))).toEqual([]);
        const verified = await t.ok('audit.verify', {});
        expect(verified.firstBreak).toBeNull();
        expect(verified.records.problems).toEqual([]);
        expect(verified.ok).toBe(true);
        await t.signOut();
      } finally {
        t.app.closeVault();
      }
      // Seats reconnect to a restarted server and are asked to sign in again (their session is gone).
      const again = await serve(v.vaultDir);
      const stale = new ClinicClient({ ...seat.server, origin: again.origin });
      stale.sessionId = seat.sessionId;
      const r = await stale.call('patients.search', { query: '', limit: 5 });
      expect(r.ok ? null : r.error.messageKey).toBe('errors.unauthenticated');
      again.child.kill('SIGTERM');
      await again.exited;
    } finally {
      v.dispose();
    }
  }, 120_000);
});
