import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WalDurability } from '../../electron/store/wal-durability';

/** A log whose syncs the test ends by hand, counting them. */
function heldLog() {
  const syncs: { resolve: () => void; reject: (e: Error) => void }[] = [];
  return {
    syncs,
    log: {
      sync: () => new Promise<void>((resolve, reject) => syncs.push({ resolve, reject })),
      close: () => Promise.resolve(),
    },
  };
}

const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

const turn = () => new Promise((r) => setImmediate(r));

describe('WAL durability: answered only once on disk, syncs shared', () => {
  it('a commit made while a sync runs waits for the next sync, not the running one', async () => {
    const { syncs, log } = heldLog();
    const d = new WalDurability('/nowhere/vault.db', log);
    const first = d.whenDurable(d.committed());
    await turn();
    expect(syncs).toHaveLength(1);
    const second = d.whenDurable(d.committed());
    syncs[0]!.resolve();
    await turn();
    expect(await settled(first)).toBe(true);
    expect(await settled(second)).toBe(false);
    expect(syncs).toHaveLength(2);
    syncs[1]!.resolve();
    await turn();
    expect(await settled(second)).toBe(true);
  });

  it('thirty commits made during one sync share the one sync after it', async () => {
    const { syncs, log } = heldLog();
    const d = new WalDurability('/nowhere/vault.db', log);
    const first = d.whenDurable(d.committed());
    await turn();
    const waiting = Array.from({ length: 30 }, () => d.whenDurable(d.committed()));
    syncs[0]!.resolve();
    await first;
    await turn();
    expect(syncs).toHaveLength(2);
    syncs[1]!.resolve();
    await Promise.all(waiting);
    expect(syncs).toHaveLength(2);
  });

  it('nothing committed since the last sync: no sync, answered at once', async () => {
    const { syncs, log } = heldLog();
    const d = new WalDurability('/nowhere/vault.db', log);
    const p = d.whenDurable(d.committed());
    await turn();
    syncs[0]!.resolve();
    await p;
    await d.whenDurable();
    expect(syncs).toHaveLength(1);
  });

  it('a sync the disk refuses fails its waiters, and the next commit tries again', async () => {
    const { syncs, log } = heldLog();
    const d = new WalDurability('/nowhere/vault.db', log);
    const p = d.whenDurable(d.committed());
    await turn();
    syncs[0]!.reject(Object.assign(new Error('EIO'), { code: 'EIO' }));
    await expect(p).rejects.toThrow('EIO');
    const again = d.whenDurable(d.committed());
    await turn();
    expect(syncs).toHaveLength(2);
    syncs[1]!.resolve();
    await expect(again).resolves.toBeUndefined();
  });

  it('after the vault is closed (its log checkpointed and synced) every wait is answered', async () => {
    const { syncs, log } = heldLog();
    const d = new WalDurability('/nowhere/vault.db', log);
    const p = d.whenDurable(d.committed());
    await turn();
    d.allDurable();
    syncs[0]!.reject(new Error('file closed'));
    await expect(p).resolves.toBeUndefined();
  });

  it('syncs the real log file, and a missing log file (all checkpointed) needs no sync', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-wal-'));
    try {
      const d = new WalDurability(path.join(dir, 'vault.db'));
      await expect(d.whenDurable(d.committed())).resolves.toBeUndefined();
      fs.writeFileSync(path.join(dir, 'vault.db-wal'), 'frames');
      await expect(d.whenDurable(d.committed())).resolves.toBeUndefined();
      // Replaced by another file of the same name: the new one is opened and synced.
      fs.rmSync(path.join(dir, 'vault.db-wal'));
      fs.writeFileSync(path.join(dir, 'vault.db-wal'), 'other frames');
      await expect(d.whenDurable(d.committed())).resolves.toBeUndefined();
      d.syncNow();
      d.allDurable();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
