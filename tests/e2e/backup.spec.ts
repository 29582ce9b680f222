import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startHost, stopHost, test } from './fixtures';
import { ADMIN, CLINIC, nav, setUpVault, signIn, zh } from './helpers';

/**
 * Backup journey in Traditional Chinese: the administrator chooses a backup folder and makes a backup from the
 * screen (with its progress), Home shows its age and place; then, on a second installation, "Restore from a
 * backup" on the set-up screen restores it into a new folder and the administrator signs in to the same clinic.
 * With SHOTS_DIR set, every screen is saved as a PNG.
 */
const SHOTS_DIR = process.env.SHOTS_DIR;
const B = zh.backups;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  await page.waitForTimeout(150);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `backup-${name}.png`), fullPage: true });
}

test('an administrator makes a backup from the screen, then restores it into a new folder from the set-up screen and signs in', async ({ page, host, browser }) => {
  const usb = path.join(host.configDir, 'usb');
  fs.mkdirSync(usb);
  await page.goto(host.url);
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);

  // Home says there is no backup folder yet.
  await expect(page.getByTestId('home-backup')).toContainText(B.home.notConfigured);
  await expect(page.getByTestId('home-backup')).toHaveAttribute('data-stale', 'true');

  await nav(page).getByRole('button', { name: zh.nav.backups }).click();
  await expect(page.getByRole('heading', { level: 1, name: B.title })).toBeVisible();
  await expect(page.getByTestId('backup-warnings')).toContainText(B.warnings.offline);
  await expect(page.getByRole('button', { name: B.now })).toBeDisabled();
  await page.getByLabel(B.settings.destination).fill(usb);
  await page.getByRole('button', { name: B.settings.save }).click();
  await expect(page.getByText(B.settings.saved)).toBeVisible();
  await page.getByRole('button', { name: B.now }).click();
  await expect(page.getByTestId('backup-result')).toContainText('備份完成並已驗證', { timeout: 60_000 });
  const row = page.getByTestId('backup-list').locator('tbody tr').first();
  await expect(row).toHaveAttribute('data-status', 'verified');
  await expect(row).toContainText(B.statuses.verified);
  await shot(page, 'made');

  const made = fs.readdirSync(usb);
  expect(made).toHaveLength(1);
  const backupDir = path.join(usb, made[0]!);

  await nav(page).getByRole('button', { name: zh.nav.home }).click();
  await expect(page.getByTestId('home-backup')).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('home-backup')).toContainText(backupDir);
  await shot(page, 'home');

  // A second installation (another computer after the first one's disk failed).
  const otherConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'consentvault-e2e-restore-'));
  const other = await startHost(otherConfig);
  const context = await browser.newContext();
  try {
    const p2 = await context.newPage();
    await p2.goto(other.url);
    await expect(p2.getByRole('heading', { name: zh.setup.title })).toBeVisible();
    await p2.getByTestId('setup-restore-link').click();
    await expect(p2.getByRole('heading', { level: 1, name: B.restore.title })).toBeVisible();
    await p2.getByLabel(B.restore.backupDir).fill(backupDir);
    await expect(p2.getByLabel(B.restore.vaultDir)).toHaveValue(`${otherConfig}/vault`);
    // A wrong password first: refused, nothing restored.
    await p2.getByLabel(B.restore.loginId).fill(ADMIN.name);
    await p2.getByLabel(B.restore.password, { exact: true }).fill('Not-The-Password-1');
    await p2.getByRole('button', { name: B.restore.submit }).click();
    await expect(p2.getByRole('alert')).toContainText(zh.errors.invalid_credentials, { timeout: 30_000 });
    expect(fs.existsSync(path.join(otherConfig, 'vault', 'keyslots.json'))).toBe(false);
    await shot(p2, 'restore-refused');
    await p2.getByLabel(B.restore.password, { exact: true }).fill(ADMIN.password);
    await p2.getByRole('button', { name: B.restore.submit }).click();
    await expect(p2.getByTestId('restore-done')).toContainText(CLINIC, { timeout: 30_000 });
    await shot(p2, 'restored');
    await p2.getByRole('button', { name: zh.recovery.continue }).click();
    await expect(p2.getByRole('heading', { name: zh.signIn.title })).toBeVisible();
    await signIn(p2, ADMIN.name, ADMIN.password);
    await expect(p2.getByTestId('clinic-name')).toHaveText(CLINIC);
    // The restored vault has its own checkpoint: no alarm about a cut chain.
    await expect(p2.getByTestId('chain-alert')).toHaveCount(0);
    await nav(p2).getByRole('button', { name: zh.nav.backups }).click();
    await expect(p2.getByTestId('backup-restored-from')).toContainText(made[0]!);
    await shot(p2, 'restored-vault');
  } finally {
    await context.close();
    await stopHost(other.child);
    fs.rmSync(otherConfig, { recursive: true, force: true });
  }
});
