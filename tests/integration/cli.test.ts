import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/app';
import { runCliInProcess } from '../support/cli-run';

const ADMIN_PW = 'Admin-Pass-2026';

describe('consentvault CLI', () => {
  let vault: string;
  beforeEach(async () => {
    vault = path.join(tempDir(), 'vault');
    const r = await runCliInProcess(['init', '--vault', vault, '--clinic', '晶緻醫美診所', '--admin-name', '王小明'], { CONSENTVAULT_NEW_PASSWORD: ADMIN_PW });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Recovery code: [A-Z2-9]{5}(-[A-Z2-9]{5}){7}$/m);
  });
  afterEach(() => vi.restoreAllMocks());

  it('adds and lists staff acting as the founding administrator', async () => {
    const add = await runCliInProcess(['staff', 'add', '--vault', vault, '--name', '李醫師', '--role', 'physician', '--licence', '醫字第012345號', '--specialty', '整形外科'], {
      CONSENTVAULT_PASSWORD: ADMIN_PW,
      CONSENTVAULT_NEW_PASSWORD: 'Doctor-Pass-2026',
    });
    expect(add).toMatchObject({ code: 0, stderr: '' });
    const list = await runCliInProcess(['staff', 'list', '--vault', vault, '--json'], { CONSENTVAULT_PASSWORD: ADMIN_PW });
    expect(list.code).toBe(0);
    const staff = JSON.parse(list.stdout) as { name: string; role: string; licenceNo: string | null }[];
    expect(staff.map((s) => [s.name, s.role])).toEqual(
      expect.arrayContaining([
        ['王小明', 'admin'],
        ['李醫師', 'physician'],
      ]),
    );
    expect(staff.find((s) => s.role === 'physician')?.licenceNo).toBe('醫字第012345號');
  });

  it('answers bad input with exit 2 and one line on stderr, changing nothing', async () => {
    const before = fs.readFileSync(path.join(vault, 'keyslots.json'));
    const r = await runCliInProcess(['staff', 'add', '--vault', vault, '--name', 'x', '--role', 'physician'], { CONSENTVAULT_PASSWORD: ADMIN_PW, CONSENTVAULT_NEW_PASSWORD: 'Doctor-Pass-2026' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--licence');
    expect(fs.readFileSync(path.join(vault, 'keyslots.json'))).toEqual(before);
    expect((await runCliInProcess(['staff', 'add', '--vault', vault, '--role', 'nurse'])).code).toBe(2);
    expect((await runCliInProcess(['no-such-command'])).code).toBe(2);
    const missing = await runCliInProcess(['info', '--vault', path.join(vault, 'nope')], { CONSENTVAULT_PASSWORD: ADMIN_PW });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('not found');
  });

  it('answers a wrong password with exit 3', async () => {
    const r = await runCliInProcess(['info', '--vault', vault], { CONSENTVAULT_PASSWORD: 'Wrong-Pass-2026' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^consentvault: .*incorrect/);
  });

  it('a non-admin acting user gets exit 3 for admin commands', async () => {
    await runCliInProcess(['staff', 'add', '--vault', vault, '--name', '陳美玲', '--role', 'consultant'], { CONSENTVAULT_PASSWORD: ADMIN_PW, CONSENTVAULT_NEW_PASSWORD: 'Consult-Pass-2026' });
    const r = await runCliInProcess(['staff', 'list', '--vault', vault, '--as', '陳美玲'], { CONSENTVAULT_PASSWORD: 'Consult-Pass-2026' });
    expect(r.code).toBe(3);
  });

  it('verifies the audit chain and reports info with the chain head', async () => {
    const v = await runCliInProcess(['audit', 'verify', '--vault', vault], { CONSENTVAULT_PASSWORD: ADMIN_PW });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/Audit chain intact: \d+ events/);
    const info = await runCliInProcess(['info', '--vault', vault, '--json'], { CONSENTVAULT_PASSWORD: ADMIN_PW });
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout) as { schemaVersion: number; chainHead: { seq: number; hash: string }; auditEvents: number };
    expect(parsed.schemaVersion).toBeGreaterThan(0);
    expect(parsed.chainHead.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed.auditEvents).toBe(parsed.chainHead.seq);
  });
});

describe('consentvault demo', () => {
  it('builds the same clinic from the same seed', async () => {
    const a = await runCliInProcess(['demo', '--vault', path.join(tempDir(), 'a'), '--seed', '7'], { CONSENTVAULT_NEW_PASSWORD: undefined });
    const b = await runCliInProcess(['demo', '--vault', path.join(tempDir(), 'b'), '--seed', '7'], { CONSENTVAULT_NEW_PASSWORD: undefined });
    expect(a.code).toBe(0);
    const roster = (s: string) => s.split('\n').filter((l) => /^ {2}(admin|physician|consultant|nurse)/.test(l));
    expect(roster(a.stdout)).toHaveLength(10);
    expect(roster(a.stdout)).toEqual(roster(b.stdout));
    expect((await runCliInProcess(['demo', '--vault', path.join(tempDir(), 'c'), '--seed', 'x'])).code).toBe(2);
  });
});

describe('npx consentvault', () => {
  it('runs from the project root through the package bin', () => {
    const r = spawnSync(process.execPath, ['bin/consentvault.mjs', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('audit');
  });
});
