import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { observeCrashPointsForTests } from '../../electron/store/crash-points';
import { ADMIN, CLINIC_NAME } from '../support/app';
import { runCliProcess } from '../support/cli-process';
import { crashTestScope } from '../support/crash-test';
import { DB_FILE, errorOf, KEYSLOTS_FILE } from '../support/vault-files';

const ADMIN_PW = 'Admin-Pass-2026';
const { newDir, app } = crashTestScope('cv-crash-init-');

/** Every entry under the folder, recursively (directories marked with a trailing slash). */
function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)) + (e.isDirectory() ? '/' : ''))
    .sort();
}

const init = (dir: string, extra: string[] = [], env: Record<string, string> = {}) =>
  runCliProcess(['init', '--vault', dir, '--clinic', '晶緻醫美診所', '--admin-name', '王小明', ...extra], { CONSENTVAULT_NEW_PASSWORD: ADMIN_PW, ...env });
const staffList = (dir: string) => runCliProcess(['staff', 'list', '--vault', dir, '--json'], { CONSENTVAULT_PASSWORD: ADMIN_PW });

describe('kill -9 during `consentvault init` (the real CLI, killed at each step)', () => {
  it.each([
    ['init:after-setup-folder', 'an existing empty folder (a mount point, a drive root)'],
    ['init:after-database', 'an existing empty folder (a mount point, a drive root)'],
    ['init:after-move', 'an existing empty folder (a mount point, a drive root)'],
    ['init:after-keyslots', 'an existing empty folder (a mount point, a drive root)'],
    ['init:after-move', 'a folder not created yet'],
  ] as const)(
    'killed at %s in %s: the folder is a complete vault, or an abandoned set-up that init --clear-abandoned turns into a working vault',
    (point, where) => {
      const dir = path.join(newDir(), 'vault');
      if (where.startsWith('an existing')) fs.mkdirSync(dir);
      const killed = init(dir, [], { CONSENTVAULT_CRASH_AT: point });
      expect(killed.signal).toBe('SIGKILL');
      const left = listing(dir);
      // Only our own names, and the vault's key file only once the database is in place.
      for (const name of left) expect(name).toMatch(/^(vault\.db|keyslots\.json|\.consentvault-setup-[0-9a-f]{16}\/(vault\.db(-wal|-shm|-journal)?)?)$/);

      if (point === 'init:after-keyslots') {
        // Committed: a complete vault that opens; the set-up folder left behind goes at that open.
        expect(left).toContain(KEYSLOTS_FILE);
        const list = staffList(dir);
        expect(list.status, list.stderr).toBe(0);
        expect((JSON.parse(list.stdout) as { name: string }[]).map((s) => s.name)).toEqual(['王小明']);
        expect(listing(dir).filter((n) => n.startsWith('.consentvault-setup-'))).toEqual([]);
        // It is never cleared or overwritten.
        const before = fs.readFileSync(path.join(dir, KEYSLOTS_FILE));
        const clear = init(dir, ['--clear-abandoned']);
        expect(clear.status).toBe(2);
        expect(clear.stderr).toMatch(/complete vault/);
        expect(fs.readFileSync(path.join(dir, KEYSLOTS_FILE))).toEqual(before);
        expect(runCliProcess(['audit', 'verify', '--vault', dir], { CONSENTVAULT_PASSWORD: ADMIN_PW }).status).toBe(0);
        return;
      }

      // Not committed: no keyslots.json, so this is an abandoned set-up, and says so.
      expect(left).not.toContain(KEYSLOTS_FILE);
      expect(staffList(dir).status).toBe(2);
      const plain = init(dir);
      expect(plain.status).toBe(2);
      expect(plain.stderr).toMatch(/unfinished set-up/);
      expect(plain.stderr).toMatch(/--clear-abandoned/);
      expect(listing(dir)).toEqual(left);

      const again = init(dir, ['--clear-abandoned']);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/^Recovery code: /m);
      const list = staffList(dir);
      expect(list.status, list.stderr).toBe(0);
      expect(listing(dir).filter((n) => n.startsWith('.consentvault-setup-'))).toEqual([]);
      const verify = runCliProcess(['audit', 'verify', '--vault', dir], { CONSENTVAULT_PASSWORD: ADMIN_PW });
      expect(verify.status, verify.stderr).toBe(0);
    },
    120_000,
  );
});

/** Copies the folder as a kill at `point` would leave it, while set-up itself runs to its end elsewhere. */
async function abandonedImage(point: string): Promise<string> {
  const t = app();
  const image = path.join(newDir(), 'image');
  observeCrashPointsForTests((name) => {
    if (name === point) fs.cpSync(t.vaultDir, image, { recursive: true });
  });
  await t.setup();
  observeCrashPointsForTests(null);
  return image;
}

const createInput = (vaultDir: string) => ({ clinicName: CLINIC_NAME, timeZone: 'Asia/Taipei', vaultDir, adminName: ADMIN.name, adminPassword: ADMIN.password });

describe('an abandoned set-up in the set-up screen’s channels', () => {
  it('app.status reports it, set-up refuses it with errors.abandonedSetup, setup.clearAbandoned clears it, and set-up then works', async () => {
    const image = await abandonedImage('init:after-move');
    expect(fs.readdirSync(image)).toContain(DB_FILE);
    const t = app({ vaultDir: image });
    expect(await t.ok('app.status', {})).toMatchObject({ setupRequired: true, abandonedSetup: true });
    const before = listing(image);
    const topLevel = fs.readdirSync(image).sort();
    expect(errorOf(await t.call('setup.createVault', createInput(image)))).toEqual({ code: 'conflict', messageKey: 'errors.abandonedSetup', params: { path: image } });
    expect(listing(image)).toEqual(before);

    const cleared = await t.ok('setup.clearAbandoned', { vaultDir: image });
    expect(cleared.removed).toEqual(topLevel);
    expect(fs.readdirSync(image)).toEqual([]);
    expect((await t.ok('app.status', {})).abandonedSetup).toBe(false);
    await t.ok('setup.createVault', createInput(image));
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a set-up killed while building leaves only the hidden set-up folder: abandoned too, and cleared the same way', async () => {
    const image = await abandonedImage('init:after-database');
    expect(fs.readdirSync(image)).toEqual([expect.stringMatching(/^\.consentvault-setup-[0-9a-f]{16}$/)]);
    const t = app({ vaultDir: image });
    expect((await t.ok('app.status', {})).abandonedSetup).toBe(true);
    await t.ok('setup.clearAbandoned', { vaultDir: image });
    await t.ok('setup.createVault', createInput(image));
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
  });

  it('never clears a folder that holds anything of the person’s own, and removes nothing from it', async () => {
    const image = await abandonedImage('init:after-move');
    fs.writeFileSync(path.join(image, 'notes.txt'), '病歷備份 — do not delete\n');
    const before = listing(image);
    const t = app({ vaultDir: image });
    expect((await t.ok('app.status', {})).abandonedSetup).toBe(false);
    expect(errorOf(await t.call('setup.clearAbandoned', { vaultDir: image }))).toEqual({ code: 'conflict', messageKey: 'errors.vaultNotEmpty' });
    expect(errorOf(await t.call('setup.createVault', createInput(image)))).toEqual({ code: 'conflict', messageKey: 'errors.vaultNotEmpty' });
    expect(listing(image)).toEqual(before);
  });

  it('never clears a complete vault (keyslots.json present), even one that is not configured here', async () => {
    const owner = app();
    await owner.setup();
    const before = listing(owner.vaultDir);
    const t = app({ vaultDir: owner.vaultDir });
    expect(await t.ok('app.status', {})).toMatchObject({ abandonedSetup: false });
    expect(errorOf(await t.call('setup.clearAbandoned', { vaultDir: owner.vaultDir }))).toEqual({ code: 'conflict', messageKey: 'errors.completeVaultNotCleared' });
    expect(listing(owner.vaultDir)).toEqual(before);
    // And once a vault is configured, clearing anything else is refused outright.
    const other = await abandonedImage('init:after-move');
    const otherBefore = listing(other);
    expect(errorOf(await owner.call('setup.clearAbandoned', { vaultDir: other }))).toEqual({ code: 'conflict', messageKey: 'errors.vaultAlreadyConfigured' });
    expect(listing(other)).toEqual(otherBefore);
  });

  it('an empty or missing folder has nothing to clear: the call changes nothing and answers an empty list', async () => {
    const t = app();
    expect(await t.ok('setup.clearAbandoned', { vaultDir: t.vaultDir })).toEqual({ removed: [] });
    expect(fs.existsSync(t.vaultDir)).toBe(false);
    const empty = newDir();
    expect(await t.ok('setup.clearAbandoned', { vaultDir: empty })).toEqual({ removed: [] });
    expect(fs.readdirSync(empty)).toEqual([]);
  });
});
