import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

function electronBinary(): string | null {
  // Reads the install record instead of require('electron'), which tries to download a missing binary.
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
const SKIP_REASON =
  'Electron smoke test skipped: the Electron binary is not installed (npm was run with ELECTRON_SKIP_BINARY_DOWNLOAD=1 ' +
  'or could not download it). The same UI, router and vault are tested through the browser host instead.';
if (!bin) console.log(SKIP_REASON);

test('the desktop window opens on the set-up wizard with the hardened bridge only', async () => {
  test.skip(!bin, SKIP_REASON);
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-electron-'));
  const app = await electron.launch({
    executablePath: bin!,
    args: ['dist/electron/main.cjs'],
    env: { ...process.env, CONSENTVAULT_USER_DATA: userData },
  });
  try {
    const win = await app.firstWindow();
    expect(new URL(win.url()).protocol).toBe('app:');
    const status = await win.evaluate(() => (window as unknown as { consentVault: { call(c: string, i: unknown): Promise<unknown> } }).consentVault.call('app.status', {}));
    expect(status).toMatchObject({ ok: true, value: { setupRequired: true } });
    // No Node in the renderer: require and process are absent.
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  } finally {
    await app.close();
  }
});
