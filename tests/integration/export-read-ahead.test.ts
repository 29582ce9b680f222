import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAhead, READ_AHEAD_MIN_BYTES, READ_AHEAD_WINDOW } from '../../electron/evidence/read-ahead';
import type { BlobSource } from '../../electron/evidence/records';
import { AttachmentRepository } from '../../electron/store/complaints/attachments';
import { PackBlobStore } from '../../electron/store/evidence/pack-blobs';
import { ADMIN, makeTestApp, type TestApp } from '../support/app';

/** The export's photos read on a second thread (read-ahead.ts): same bytes, bounded, and never needed. */
describe('evidence export: photos read ahead on a second thread', () => {
  let t: TestApp;
  let vault: { dbPath: string; key: Uint8Array };
  let here: PackBlobStore;
  const files: { sha256: string; bytes: Buffer }[] = [];
  const sources = (): BlobSource[] => files.map((f) => ({ from: 'attachment', sha256: f.sha256 }));
  let readHere = 0;
  const read = (s: BlobSource): Buffer => {
    readHere++;
    return here.read('attachment', (s as { sha256: string }).sha256);
  };
  const total = () => files.reduce((n, f) => n + f.bytes.length, 0);

  beforeAll(async () => {
    t = makeTestApp();
    await t.setup();
    await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    const v = t.app.vault!;
    const attachments = new AttachmentRepository(v.db);
    // More files than the window, 1 MB each: above the size that starts a thread.
    for (let i = 0; i < READ_AHEAD_WINDOW + 4; i++) {
      const bytes = randomBytes(1024 * 1024);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      v.transaction(() => attachments.put(sha256, 'image/png', bytes, new Date().toISOString()));
      files.push({ sha256, bytes });
    }
    const source = v.workerSource();
    vault = { dbPath: source.dbPath, key: source.key };
    here = new PackBlobStore(vault.dbPath, Buffer.from(vault.key));
    expect(total()).toBeGreaterThanOrEqual(READ_AHEAD_MIN_BYTES);
  }, 60_000);

  afterAll(() => {
    here?.close();
    t.app.vault?.close();
  });

  it('gives each file in order with the bytes the vault holds and their SHA-256, none of them read on the export thread', async () => {
    readHere = 0;
    const ahead = readAhead(sources(), vault, read, total());
    for (const f of files) {
      const got = await ahead.next({ from: 'attachment', sha256: f.sha256 });
      expect(got.bytes.equals(f.bytes)).toBe(true);
      expect(got.sha256).toBe(f.sha256);
    }
    await ahead.close();
    expect(readHere).toBe(0);
  }, 60_000);

  it('reads a file asked out of order, or in the snapshot itself, here and still gives the rest ahead', async () => {
    readHere = 0;
    const ahead = readAhead(sources(), vault, read, total());
    const inline = Buffer.from('a signature drawn in the snapshot');
    expect((await ahead.next({ from: 'bytes', bytes: inline })).bytes.equals(inline)).toBe(true);
    expect((await ahead.next({ from: 'attachment', sha256: files[3]!.sha256 })).bytes.equals(files[3]!.bytes)).toBe(true);
    expect(readHere).toBe(1);
    for (const f of files) expect((await ahead.next({ from: 'attachment', sha256: f.sha256 })).bytes.equals(f.bytes)).toBe(true);
    await ahead.close();
    expect(readHere).toBe(1);
  }, 60_000);

  it('falls back to reading every file here when the thread cannot open the vault', async () => {
    readHere = 0;
    const ahead = readAhead(sources(), { dbPath: vault.dbPath, key: new Uint8Array(32) }, read, total());
    for (const f of files) expect((await ahead.next({ from: 'attachment', sha256: f.sha256 })).bytes.equals(f.bytes)).toBe(true);
    await ahead.close();
    expect(readHere).toBe(files.length);
  }, 60_000);

  it('reads a missing file here, where its error reaches the export', async () => {
    readHere = 0;
    const missing = 'f'.repeat(64);
    const ahead = readAhead([{ from: 'attachment', sha256: missing }, ...sources()], vault, read, total());
    await expect(ahead.next({ from: 'attachment', sha256: missing })).rejects.toThrow(/missing/);
    expect((await ahead.next({ from: 'attachment', sha256: files[0]!.sha256 })).bytes.equals(files[0]!.bytes)).toBe(true);
    await ahead.close();
    expect(readHere).toBe(1);
  }, 60_000);

  it('starts no thread for a small pack, and reads there after close()', async () => {
    readHere = 0;
    const small = readAhead(sources().slice(0, 2), vault, read, 2 * 1024 * 1024);
    for (const f of files.slice(0, 2)) expect((await small.next({ from: 'attachment', sha256: f.sha256 })).bytes.equals(f.bytes)).toBe(true);
    expect(readHere).toBe(2);
    readHere = 0;
    const stopped = readAhead(sources(), vault, read, total());
    await stopped.close();
    expect((await stopped.next({ from: 'attachment', sha256: files[0]!.sha256 })).bytes.equals(files[0]!.bytes)).toBe(true);
    expect(readHere).toBe(1);
  }, 60_000);

  it('keeps a process whose only work is waiting for the files alive until they arrive', () => {
    const child = path.join(import.meta.dirname, '../support/read-ahead-child.ts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, vault.dbPath, Buffer.from(vault.key).toString('hex'), ...files.map((f) => f.sha256)], { encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ files: files.length, bytes: total(), readHere: 0 });
  }, 90_000);
});
