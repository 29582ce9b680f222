import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../electron/evidence/verify';
import { DEFAULT_ZIP_LIMITS, readZip, timeBudgetMs, UnreadableZip } from '../../electron/evidence/zip-reader';
import { jsonNestingDepth, canonicalJson, MAX_JSON_DEPTH, parseBoundedJson, JsonTooDeep } from '../../shared/canonical-json';
import { tempDir } from '../support/app';
import { exportPack } from '../support/evidence-export';
import { evidenceFixture, type EvidenceFixture } from '../support/evidence-fixture';
import { clonePack, readPack, resign, writePack, type PackFiles } from '../support/pack-files';

/** A ZIP written byte by byte, so a test can make central-directory entries that real writers never would. */
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

interface RawEntry {
  name: string;
  /** Local header offset to point at (defaults to the entry's own). */
  pointAt?: number;
  uncompressed: number;
  compressed: number;
  crc: number;
  method: number;
}

function zipWith(local: Buffer, entries: RawEntry[]): Buffer {
  const central: Buffer[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(20, 6);
    h.writeUInt16LE(0x0800, 8);
    h.writeUInt16LE(e.method, 10);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(e.compressed, 20);
    h.writeUInt32LE(e.uncompressed, 24);
    h.writeUInt16LE(name.length, 28);
    h.writeUInt32LE(e.pointAt ?? 0, 42);
    central.push(h, name);
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, cd, end]);
}

function localHeader(name: string, e: Omit<RawEntry, 'name'>): Buffer {
  const n = Buffer.from(name);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.compressed, 18);
  h.writeUInt32LE(e.uncompressed, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n]);
}

/** The 67 KB bomb's trick: one deflated stream of zeros, and thousands of directory entries pointing at it. */
function overlappingBomb(entries: number, zerosMiB: number): Buffer {
  const zeros = Buffer.alloc(zerosMiB * 1024 * 1024);
  const data = deflateRawSync(zeros, { level: 9 });
  const meta = { uncompressed: zeros.length, compressed: data.length, crc: crc32(zeros), method: 8 };
  const local = Buffer.concat([localHeader('evidence-CV-0001/data/photos/a.jpg', meta), data]);
  return zipWith(local, Array.from({ length: entries }, (_, i) => ({ name: `evidence-CV-0001/data/photos/${i}.jpg`, pointAt: 0, ...meta })));
}

/** A tiny file declaring a terabyte. */
function declaredTerabyte(): Buffer {
  const data = deflateRawSync(Buffer.alloc(1024));
  const meta = { uncompressed: 0xffffffff, compressed: data.length, crc: 0, method: 8 };
  const local = Buffer.concat([localHeader('evidence-CV-0001/data/records.json', meta), data]);
  const entries: RawEntry[] = [];
  let offset = 0;
  const parts: Buffer[] = [];
  for (let i = 0; i < 256; i++) {
    parts.push(local);
    entries.push({ name: `evidence-CV-0001/data/f${i}.bin`, pointAt: offset, ...meta });
    offset += local.length;
  }
  return zipWith(Buffer.concat(parts), entries);
}

describe('hostile evidence packs: the verifier reports, within bounds, and never hangs', () => {
  let f: EvidenceFixture;
  let dir: string;
  let pack: PackFiles;
  let privateKeyPem: string;
  beforeAll(async () => {
    f = await evidenceFixture();
    dir = tempDir('cv-hostile-');
    const packPath = path.join(dir, 'genuine.zip');
    await exportPack(f.t, { patientId: f.patientId, scope: { type: 'patient' }, kind: 'lawyer', locale: 'zh-TW', destination: packPath });
    pack = await readPack(packPath);
    privateKeyPem = f.t.app.vault!.settings.signingKey()!.privateKeyPem;
  }, 180_000);
  afterAll(() => {
    f.t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a ZIP whose directory entries share one stream before inflating anything', async () => {
    const file = path.join(dir, 'overlap.zip');
    fs.writeFileSync(file, overlappingBomb(800, 4));
    expect(fs.statSync(file).size).toBeLessThan(100_000);
    const started = Date.now();
    const v = await verifyPack({ path: file });
    expect(v).toMatchObject({ ok: false, readable: false, verdict: 'unreadable' });
    expect(v.problems[0]!.detail).toMatch(/overlap|declares/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a small file that declares far more than it could hold, and more than any pack may', async () => {
    const file = path.join(dir, 'terabyte.zip');
    fs.writeFileSync(file, declaredTerabyte());
    const v = await verifyPack({ path: file });
    expect(v).toMatchObject({ readable: false, problems: [{ code: 'unreadable' }] });
    expect(v.problems[0]!.detail).toMatch(/declares/);
    await expect(readZip({ path: file }, () => false, { ...DEFAULT_ZIP_LIMITS, maxRatio: 1e9, ratioSlackBytes: 1e15 })).rejects.toThrow(/more than the \d+ a pack may hold/);
  });

  it('gives a time budget that grows with the declared size, so a real 500 MB pack on a slow machine still finishes', () => {
    expect(timeBudgetMs(0)).toBe(60_000);
    expect(timeBudgetMs(500 * 1024 * 1024)).toBeGreaterThan(180_000);
    expect(timeBudgetMs(DEFAULT_ZIP_LIMITS.maxTotalBytes)).toBeLessThan(20 * 60_000);
  });

  it('stops on its time budget with a report, and stops when the requester goes away', async () => {
    const file = path.join(dir, 'genuine.zip');
    const late = await verifyPack({ path: file }, { limits: { deadline: Date.now() - 1 } });
    expect(late).toMatchObject({ ok: false, readable: false, problems: [{ code: 'time_budget_exceeded' }] });
    let reads = 0;
    await expect(verifyPack({ path: file }, { cancelled: () => ++reads > 3 })).rejects.toThrow();
  });

  it('keeps no more than its limits in memory: an over-size kept file is reported, not read', async () => {
    const v = await verifyPack({ path: path.join(dir, 'genuine.zip') }, { limits: { maxKeptPerFile: 1024 } });
    expect(v.ok).toBe(false);
    expect(v.problems.some((p) => p.code === 'unreadable' && /too large to check/.test(p.detail))).toBe(true);
    const total = await verifyPack({ path: path.join(dir, 'genuine.zip') }, { limits: { maxKeptTotal: 64 * 1024 } });
    expect(total.problems.some((p) => /too large to check/.test(p.detail))).toBe(true);
  });

  it('reports JSON nested 50,000 levels deep in records.json or audit.jsonl instead of overflowing the stack', async () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    expect(jsonNestingDepth(deep)).toBe(MAX_JSON_DEPTH + 1);
    expect(() => parseBoundedJson(deep)).toThrow(JsonTooDeep);
    let nested: unknown = 1;
    for (let i = 0; i < 10_000; i++) nested = [nested];
    expect(() => canonicalJson({ details: nested })).toThrow(JsonTooDeep);
    for (const target of ['data/records.json', 'data/audit.jsonl'] as const) {
      const p = clonePack(pack);
      p.files.set(target, Buffer.from(target.endsWith('.jsonl') ? `{"seq":1,"details":${deep}}\n` : deep));
      resign(p, privateKeyPem);
      const file = path.join(dir, `deep-${path.basename(target)}.zip`);
      await writePack(file, p);
      const v = await verifyPack({ path: file });
      expect(v.readable).toBe(true);
      expect(v.problems.map((x) => x.code)).toContain('json_too_deep');
    }
  });

  it('accepts regular files only: a FIFO given as the pack is refused at once', async () => {
    const fifo = path.join(dir, 'pack.zip');
    fs.rmSync(fifo, { force: true });
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const v = await verifyPack({ path: fifo });
    expect(v).toMatchObject({ readable: false, problems: [{ code: 'unreadable', detail: 'not a regular file' }] });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await verifyPack({ path: dir })).readable).toBe(false);
    await expect(readZip({ path: '/dev/zero' }, () => false)).rejects.toThrow(UnreadableZip);
  });

  it('a real verify process stays under a memory ceiling and a time limit on a ZIP bomb (sampled from /proc)', async () => {
    const file = path.join(dir, 'bomb-process.zip');
    fs.writeFileSync(file, overlappingBomb(4000, 8));
    const child = spawn(process.execPath, [path.resolve('bin/consentvault.mjs'), 'verify', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let peakKb = 0;
    const sampler = setInterval(() => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* the process has ended */
      }
    }, 20);
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearInterval(sampler);
    clearTimeout(killer);
    expect(code).toBe(2);
    expect(stdout).toContain('Not a readable evidence pack');
    expect(peakKb).toBeGreaterThan(0);
    // tsx and the app's modules take most of this; the 1.8 GB of the unbounded reader is far away.
    expect(peakKb / 1024).toBeLessThan(400);
  }, 60_000);

  it('the FIFO through the app: the job answers with a report and other calls are not held', async () => {
    const fifo = path.join(dir, 'app.zip');
    fs.rmSync(fifo, { force: true });
    execFileSync('mkfifo', [fifo]);
    const { jobId } = await f.t.ok('evidence.startVerify', { source: { path: fifo } });
    // The router answers other calls while the job runs.
    expect((await f.t.ok('session.heartbeat', {})).staff.name).toBeTruthy();
    let status = await f.t.ok('jobs.status', { jobId });
    for (let i = 0; i < 200 && (status.state === 'queued' || status.state === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = await f.t.ok('jobs.status', { jobId });
    }
    expect(status.state).toBe('done');
    expect(status.result).toMatchObject({ readable: false, problems: [{ detail: 'not a regular file' }] });
  });

  it('a job belongs to the person who started it, and cancelling stops it', async () => {
    const { jobId } = await f.t.ok('evidence.startVerify', { source: { path: path.join(dir, 'genuine.zip') } });
    const cancelled = await f.t.ok('jobs.cancel', { jobId });
    expect(['running', 'queued', 'cancelled']).toContain(cancelled.state);
    let status = cancelled;
    for (let i = 0; i < 200 && (status.state === 'queued' || status.state === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = await f.t.ok('jobs.status', { jobId });
    }
    expect(['cancelled', 'done']).toContain(status.state);
    const unknown = await f.t.call('jobs.status', { jobId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

it('the hostile-input ZIP builders make ZIPs a standard tool reads (the test inputs are real ZIPs)', () => {
  const dir = tempDir('cv-zipcheck-');
  const file = path.join(dir, 'b.zip');
  fs.writeFileSync(file, overlappingBomb(2, 1));
  const r = spawnSync('unzip', ['-l', file], { encoding: 'utf8' });
  if (r.error) return; // no unzip on this machine
  expect(r.stdout).toContain('evidence-CV-0001/data/photos/0.jpg');
  fs.rmSync(dir, { recursive: true, force: true });
});
