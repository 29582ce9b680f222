import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeTestApp, type TestApp } from '../support/app';

/**
 * Issue 14: a call is answered only once what it committed is on disk, while the calls queued behind it run
 * meanwhile; many calls at once share syncs (store/wal-durability.ts).
 */
describe('group commit: answered after the sync, syncs shared', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = makeTestApp();
    await t.setup();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
  });
  afterAll(() => t.dispose());

  it('the vault runs WAL with synchronous=NORMAL: the commit itself does not wait for the disk', () => {
    const db = t.app.vault!.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // 1 is NORMAL (FULL is 2): WalDurability syncs instead, off the event loop.
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('every answer comes after its own commit is synced, for forty writes sent at once', async () => {
    const vault = t.app.vault!;
    const seen: { commit: number; durable: number }[] = [];
    const calls = Array.from({ length: 40 }, (_, i) =>
      t
        .ok('patients.create', { chartNo: `G${String(i).padStart(4, '0')}`, nameZh: '林怡君', sex: 'female', birthDate: '1990-01-01', phone: '0912-000-000' })
        .then(() => seen.push({ commit: vault.durability.lastCommit, durable: vault.durability.durableUpTo })),
    );
    const before = vault.durability.lastCommit;
    await Promise.all(calls);
    expect(seen).toHaveLength(40);
    // Each of the forty commits was on disk when its answer came: the synced mark had passed them all at the last.
    expect(vault.durability.durableUpTo).toBeGreaterThanOrEqual(before + 40);
    for (const s of seen) expect(s.durable).toBeGreaterThan(before);
    // Syncs were shared: answers arrived in groups that saw the same synced mark.
    expect(new Set(seen.map((s) => s.durable)).size).toBeLessThan(40);
    const stored = vault.db.prepare("SELECT count(*) AS n FROM patients WHERE chart_no LIKE 'G%'").get() as { n: number };
    expect(stored.n).toBe(40);
  });

  it('a read answered after writes also waits for them to be on disk (it could show them)', async () => {
    const vault = t.app.vault!;
    const write = t.ok('patients.create', { chartNo: 'R0001', nameZh: '王小明', sex: 'male', birthDate: '1985-05-05', phone: '0912-111-111' });
    const read = t.ok('patients.search', { query: 'R0001', limit: 5 });
    const [, found] = await Promise.all([write, read]);
    expect(found.map((p) => p.chartNo)).toContain('R0001');
    expect(vault.durability.durableUpTo).toBe(vault.durability.lastCommit);
  });
});
