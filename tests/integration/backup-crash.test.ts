import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/app';
import { copyFolder, runCliProcess } from '../support/cli-process';
import { crashTestScope } from '../support/crash-test';

const scope = crashTestScope('cv-backup-crash-');
const env = { CONSENTVAULT_PASSWORD: ADMIN.password };

/** A closed vault made once; each scenario works on a copy of it. */
let template: string;
beforeAll(async () => {
  const t = scope.app();
  await t.setup();
  await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  await t.ok('patients.create', { chartNo: 'K0001', nameZh: '陳怡君', sex: 'female', birthDate: '1988-02-14', phone: '0912-111-222' });
  await t.signOut();
  template = path.join(scope.newDir(), 'vault');
  copyFolder(t.vaultDir, template);
}, 60_000);

function restoreRefusal(backupDir: string): string {
  const target = path.join(scope.newDir(), 'restored');
  const r = runCliProcess(['restore', '--from', backupDir, '--vault', target, '--as', ADMIN.name], env);
  expect(r.status).not.toBe(0);
  expect(fs.existsSync(path.join(target, 'keyslots.json'))).toBe(false);
  return r.stderr;
}

describe('kill -9 during a backup leaves nothing a restore accepts, and the source vault as it was', () => {
  for (const point of ['backup:after-copy', 'backup:before-rename']) {
    it(`killed at ${point}`, () => {
      const vault = copyFolder(template, path.join(scope.newDir(), 'vault'));
      const usb = scope.newDir();
      const killed = runCliProcess(['backup', '--vault', vault, '--to', usb, '--as', ADMIN.name], { ...env, CONSENTVAULT_CRASH_AT: point });
      expect(killed.signal).toBe('SIGKILL');
      const left = fs.readdirSync(usb);
      // Only the hidden partial folder: nothing under a backup's name.
      expect(left).toHaveLength(1);
      expect(left[0]).toMatch(/^\.consentvault-backup-\d{8}-\d{6}\.partial$/);
      expect(restoreRefusal(path.join(usb, left[0]!))).toMatch(/not complete|not a ConsentVault backup/);

      // The source opens and its audit trail verifies; the next backup clears the dead partial and succeeds.
      const verify = runCliProcess(['audit', 'verify', '--vault', vault, '--as', ADMIN.name], env);
      expect(verify.status, verify.stderr).toBe(0);
      const again = runCliProcess(['backup', '--vault', vault, '--to', usb, '--as', ADMIN.name], env);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toContain('Backup verified:');
      const now = fs.readdirSync(usb);
      expect(now).toHaveLength(1);
      expect(now[0]).toMatch(/^consentvault-backup-\d{8}-\d{6}(-\d+)?$/);
      const target = path.join(scope.newDir(), 'restored');
      const restored = runCliProcess(['restore', '--from', path.join(usb, now[0]!), '--vault', target, '--as', ADMIN.name], env);
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stdout).toContain('Restored');
    }, 120_000);
  }
});

describe('kill -9 during a restore leaves an abandoned set-up or a vault that opens', () => {
  let backup: string;
  beforeAll(() => {
    const usb = scope.newDir();
    const made = runCliProcess(['backup', '--vault', copyFolder(template, path.join(scope.newDir(), 'vault')), '--to', usb, '--as', ADMIN.name], env);
    expect(made.status, made.stderr).toBe(0);
    backup = path.join(usb, fs.readdirSync(usb)[0]!);
  }, 60_000);

  it('killed before keyslots.json is written: an abandoned set-up, which init can clear', () => {
    const target = path.join(scope.newDir(), 'restored');
    const killed = runCliProcess(['restore', '--from', backup, '--vault', target, '--as', ADMIN.name], { ...env, CONSENTVAULT_CRASH_AT: 'restore:after-database' });
    expect(killed.signal).toBe('SIGKILL');
    expect(fs.existsSync(path.join(target, 'keyslots.json'))).toBe(false);
    const again = runCliProcess(['restore', '--from', backup, '--vault', target, '--as', ADMIN.name], env);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('unfinished set-up');
  }, 60_000);

  it('killed after keyslots.json: the vault opens and its audit trail names the restore', () => {
    const target = path.join(scope.newDir(), 'restored');
    const killed = runCliProcess(['restore', '--from', backup, '--vault', target, '--as', ADMIN.name], { ...env, CONSENTVAULT_CRASH_AT: 'restore:after-keyslots' });
    expect(killed.signal).toBe('SIGKILL');
    const info = runCliProcess(['info', '--vault', target, '--as', ADMIN.name, '--json'], env);
    expect(info.status, info.stderr).toBe(0);
    const verify = runCliProcess(['audit', 'verify', '--vault', target, '--as', ADMIN.name], env);
    // The chain holds; only the checkpoint written after keyslots.json is missing, and is reported as such.
    expect(verify.stdout).toContain('Audit chain intact');
    expect(verify.stdout).toMatch(/Checkpoint:\s+(ok|missing)/);
  }, 60_000);
});
