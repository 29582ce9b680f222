import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/store/migrations';
import { ADMIN, CLINIC_NAME, makeTestApp, tempDir, type TestApp } from '../support/app';
import { DB_FILE, errorOf, fileHashes, GUARD_FILE, KEYSLOTS_FILE, readRawSlots } from '../support/vault-files';

const apps: TestApp[] = [];
const dirs: string[] = [];
function newApp(opts: Parameters<typeof makeTestApp>[0] = {}): TestApp {
  const t = makeTestApp(opts);
  apps.push(t);
  return t;
}
function newTempDir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const t of apps.splice(0)) t.dispose();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Every file under the folder (recursively) with its bytes, to prove nothing was touched. */
function listFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = entry.isDirectory() ? '<dir>' : fs.readFileSync(full).toString('base64');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('damaged keyslots.json', () => {
  const corruptions: { label: string; make: (original: string) => string }[] = [
    { label: 'truncated JSON', make: (o) => o.slice(0, Math.floor(o.length / 2)) },
    { label: 'empty file', make: () => '' },
    {
      label: 'valid JSON with a wrong shape (slots is not a list)',
      make: (o) => JSON.stringify({ ...(JSON.parse(o) as object), slots: { admin: 'x' } }),
    },
    { label: 'valid JSON of another format version', make: (o) => JSON.stringify({ ...(JSON.parse(o) as object), version: 2 }) },
    { label: 'a JSON array', make: () => '[]' },
    {
      label: 'duplicated slot ids',
      make: (o) => {
        const f = JSON.parse(o) as { slots: { id: string }[] };
        f.slots[1]!.id = f.slots[0]!.id;
        return JSON.stringify(f, null, 2);
      },
    },
    {
      label: 'two slots for the same staff member',
      make: (o) => {
        const f = JSON.parse(o) as { slots: { id: string }[] };
        f.slots.push({ ...f.slots[0]!, id: '0d9e8f7a-1111-4222-8333-444455556666' });
        return JSON.stringify(f, null, 2);
      },
    },
  ];

  it('every kind of damage answers conflict errors.keyslotsCorrupt at sign-in and the file is not rewritten', async () => {
    const t = newApp();
    const recoveryCode = await t.setup();
    const slotsFile = path.join(t.vaultDir, KEYSLOTS_FILE);
    const original = fs.readFileSync(slotsFile, 'utf8');
    const dbBefore = fileHashes(t.vaultDir, [DB_FILE]);

    for (const c of corruptions) {
      const damaged = c.make(original);
      fs.writeFileSync(slotsFile, damaged);
      const mtime = fs.statSync(slotsFile).mtimeMs;
      const err = errorOf(await t.signIn(ADMIN.name, ADMIN.password));
      expect(err, c.label).toEqual({ code: 'conflict', messageKey: 'errors.keyslotsCorrupt' });
      // The recovery path refuses the same way.
      const rec = errorOf(await t.call('session.recover', { recoveryCode, adminLoginId: ADMIN.name, newPassword: 'Recovered-Pass-2026' }));
      expect(rec.messageKey, c.label).toBe('errors.keyslotsCorrupt');
      expect(fs.readFileSync(slotsFile, 'utf8'), c.label).toBe(damaged);
      expect(fs.statSync(slotsFile).mtimeMs, c.label).toBe(mtime);
      expect(t.app.session).toBeNull();
    }
    expect(fileHashes(t.vaultDir, [DB_FILE])).toEqual(dbBefore);

    // Putting the original back opens the vault again: nothing else was touched.
    fs.writeFileSync(slotsFile, original);
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
  });
});

describe('folders that are not vaults', () => {
  it('a vault.db of random bytes answers conflict errors.notAVault, even with the right password', async () => {
    const t = newApp();
    await t.setup();
    const dbFile = path.join(t.vaultDir, DB_FILE);
    fs.writeFileSync(dbFile, randomBytes(16 * 4096));
    for (const side of ['-wal', '-shm']) fs.rmSync(dbFile + side, { force: true });
    const before = fileHashes(t.vaultDir, [KEYSLOTS_FILE, DB_FILE]);

    expect(errorOf(await t.signIn(ADMIN.name, ADMIN.password))).toEqual({ code: 'conflict', messageKey: 'errors.notAVault' });
    expect(t.app.vault).toBeNull();
    expect(fileHashes(t.vaultDir, [KEYSLOTS_FILE, DB_FILE])).toEqual(before);
  });

  it('a folder with only a random vault.db (no keyslots.json) answers errors.notAVault and is reported as needing set-up', async () => {
    const dir = newTempDir();
    fs.writeFileSync(path.join(dir, DB_FILE), randomBytes(8192));
    const t = newApp({ vaultDir: dir, configured: true });
    expect(errorOf(await t.signIn(ADMIN.name, ADMIN.password))).toEqual({ code: 'conflict', messageKey: 'errors.notAVault' });
    expect((await t.ok('app.status', {})).setupRequired).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([DB_FILE]);
  });

  it('a vault whose vault.db is missing answers errors.notAVault and creates no new database', async () => {
    const t = newApp();
    await t.setup();
    fs.rmSync(path.join(t.vaultDir, DB_FILE));
    expect(errorOf(await t.signIn(ADMIN.name, ADMIN.password))).toEqual({ code: 'conflict', messageKey: 'errors.notAVault' });
    expect(fs.existsSync(path.join(t.vaultDir, DB_FILE))).toBe(false);
  });

  it('a missing folder answers not_found errors.vaultMissing with the path', async () => {
    const dir = path.join(newTempDir(), 'moved-away');
    const t = newApp({ vaultDir: dir, configured: true });
    const err = errorOf(await t.signIn(ADMIN.name, ADMIN.password));
    expect(err).toEqual({ code: 'not_found', messageKey: 'errors.vaultMissing', params: { path: dir } });
    expect(errorOf(await t.call('session.recover', { recoveryCode: 'ABCDE-FGHJK-MNPQR-STUVW-XYZ23-45678-9ABCD-EFGHJ', adminLoginId: ADMIN.name, newPassword: 'Recovered-Pass-2026' })).code).toBe('not_found');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('sign-in before any set-up answers conflict errors.setupRequired', async () => {
    const t = newApp();
    expect(errorOf(await t.signIn(ADMIN.name, ADMIN.password))).toEqual({ code: 'conflict', messageKey: 'errors.setupRequired' });
  });
});

describe('set-up', () => {
  it('set-up into a non-empty folder answers conflict errors.vaultNotEmpty and leaves its files untouched', async () => {
    const dir = newTempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), '病歷備份 — do not delete\n');
    fs.mkdirSync(path.join(dir, 'photos'));
    fs.writeFileSync(path.join(dir, 'photos', 'a.jpg'), randomBytes(1000));
    const before = listFolder(dir);
    expect(Object.keys(before)).toEqual(['notes.txt', 'photos', path.join('photos', 'a.jpg')]);

    const t = newApp({ vaultDir: dir });
    const err = errorOf(
      await t.call('setup.createVault', { clinicName: CLINIC_NAME, timeZone: 'Asia/Taipei', vaultDir: dir, adminName: ADMIN.name, adminPassword: ADMIN.password }),
    );
    expect(err).toEqual({ code: 'conflict', messageKey: 'errors.vaultNotEmpty' });
    expect(listFolder(dir)).toEqual(before);
    expect((await t.ok('app.status', {})).vaultPath).toBeNull();
  });

  it('a second set-up once a vault is configured answers errors.vaultAlreadyConfigured', async () => {
    const t = newApp();
    await t.setup();
    const before = listFolder(t.vaultDir);
    const other = path.join(newTempDir(), 'second');
    const err = errorOf(
      await t.call('setup.createVault', { clinicName: CLINIC_NAME, timeZone: 'Asia/Taipei', vaultDir: other, adminName: ADMIN.name, adminPassword: ADMIN.password }),
    );
    expect(err).toEqual({ code: 'conflict', messageKey: 'errors.vaultAlreadyConfigured' });
    expect(fs.existsSync(other)).toBe(false);
    expect(listFolder(t.vaultDir)).toEqual(before);
  });

  it('set-up onto a path that is an existing file answers a clear conflict, not internal, and leaves the file alone', async () => {
    const dir = newTempDir();
    const file = path.join(dir, 'consentvault.txt');
    fs.writeFileSync(file, 'not a folder');
    const t = newApp({ vaultDir: file });
    const err = errorOf(
      await t.call('setup.createVault', { clinicName: CLINIC_NAME, timeZone: 'Asia/Taipei', vaultDir: file, adminName: ADMIN.name, adminPassword: ADMIN.password }),
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('not a folder');
    expect(err).toMatchObject({ code: 'conflict', messageKey: 'errors.notAFolder' });
  });
});

describe('schema version', () => {
  it('a vault whose user_version is above the app’s SCHEMA_VERSION is refused with errors.vaultTooNew', async () => {
    const t = newApp();
    await t.setup();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    t.app.vault!.db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    await t.signOut();
    const before = fileHashes(t.vaultDir, [KEYSLOTS_FILE, DB_FILE]);

    const err = errorOf(await t.signIn(ADMIN.name, ADMIN.password));
    expect(err).toEqual({ code: 'conflict', messageKey: 'errors.vaultTooNew', params: { found: SCHEMA_VERSION + 5, supported: SCHEMA_VERSION } });
    expect(t.app.session).toBeNull();
    expect(t.app.vault).toBeNull();
    // Refusing did not touch the files (no migration ran, no down-grade was written).
    expect(fileHashes(t.vaultDir, [KEYSLOTS_FILE, DB_FILE])).toEqual(before);
    // The right password is not counted as a failure.
    const guardFile = path.join(t.vaultDir, GUARD_FILE);
    if (fs.existsSync(guardFile)) expect((JSON.parse(fs.readFileSync(guardFile, 'utf8')) as { accounts: object }).accounts).toEqual({});
  });

  it('migrations are numbered in order, set user_version to SCHEMA_VERSION, and every table is STRICT', async () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(SCHEMA_VERSION).toBe(versions[versions.length - 1]);

    const t = newApp();
    await t.setup();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const v = t.app.vault!;
    expect(v.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(v.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Ordinary tables (FTS5 virtual tables and their shadow tables cannot be STRICT and are not listed as 'table').
    const tables = v.db
      .prepare("SELECT t.name, t.strict, s.sql FROM pragma_table_list AS t JOIN sqlite_schema AS s ON s.name = t.name WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite_%' ORDER BY t.name")
      .all() as { name: string; strict: number; sql: string }[];
    expect(tables.map((x) => x.name)).toEqual(expect.arrayContaining(['audit_events', 'clinic_keys', 'clinic_settings', 'staff']));
    for (const table of tables) {
      expect(table.strict, table.name).toBe(1);
      expect(table.sql, table.name).toMatch(/\)\s*(WITHOUT\s+ROWID\s*,\s*)?STRICT(\s*,\s*WITHOUT\s+ROWID)?\s*$/i);
    }
    // STRICT in practice: a wrongly typed value is refused.
    expect(() => v.db.prepare("UPDATE clinic_settings SET idle_lock_minutes = 'ten' WHERE id = 1").run()).toThrow(/cannot store TEXT value in INTEGER column/);
    // The connection runs with the settings the design asks for.
    expect(v.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(v.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // NORMAL (1): commits are synced by WalDurability before anyone is answered, off the event loop (issue 14).
    expect(v.db.pragma('synchronous', { simple: true })).toBe(1);
    // Opening again does not re-run anything: the version stays and the data is intact.
    await t.signOut();
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    expect(t.app.vault!.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(t.app.vault!.clinicSettings().clinicName).toBe(CLINIC_NAME);
    expect(readRawSlots(t.vaultDir).slots).toHaveLength(2);
  });
});
