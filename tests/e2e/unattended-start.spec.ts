import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { en } from '../../shared/i18n/en';
import { expect, test } from './fixtures';
import { ADMIN, checkLayoutAndShoot, nav, setUpVault, signIn, zh } from './helpers';
import { shotTo } from './signing-helpers';

/**
 * Settings › Seats › Unattended start at 1280×800, both languages (issue 14): the warning, making the key file on
 * this computer (refused inside the vault folder, allowed only once the warning is ticked), and revoking it.
 * Screenshots in SHOTS_DIR (default test-results/seats-shots).
 */
const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-results/seats-shots';
const shot = async (page: Page, name: string) => {
  await checkLayoutAndShoot(page, 'unattended', name);
  await shotTo(SHOTS_DIR, page, name);
};

test('an administrator makes the unattended-start key file after the warning, and revokes it', async ({ page, host }) => {
  test.setTimeout(120_000);
  const z = zh.unattended;
  await page.goto(host.url);
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);
  await nav(page).getByRole('button', { name: zh.seats.nav }).click();
  const card = page.getByTestId('unattended-start');
  await card.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('unattended-state')).toHaveAttribute('data-active', 'false');
  await expect(page.getByTestId('unattended-warning')).toContainText(z.warning);
  await expect(page.getByTestId('unattended-warning')).toContainText(z.keepLocal);
  // Nothing is written until the warning is ticked.
  const keyFileField = card.getByLabel(z.keyFile);
  await keyFileField.fill(path.join(host.configDir, 'vault', 'unattended.key'));
  await expect(page.getByTestId('create-unattended-key')).toBeDisabled();
  await page.getByTestId('unattended-acknowledge').check();
  await shot(page, '10-unattended-off');

  // Inside the vault folder: refused, said in plain words, no file.
  await page.getByTestId('create-unattended-key').click();
  await expect(card.getByTestId('form-error')).toContainText(z.errors.insideVault);
  expect(fs.existsSync(path.join(host.configDir, 'vault', 'unattended.key'))).toBe(false);

  const keyFile = path.join(host.configDir, 'unattended.key');
  await keyFileField.fill(keyFile);
  await page.getByTestId('create-unattended-key').click();
  await expect(page.getByTestId('unattended-created')).toContainText(keyFile);
  await expect(page.getByTestId('unattended-state')).toHaveAttribute('data-active', 'true');
  await expect(page.getByTestId('unattended-status')).toContainText(ADMIN.name);
  expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  await card.scrollIntoViewIfNeeded();
  await shot(page, '11-unattended-on');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: en.unattended.title })).toBeVisible();
  // File names aside (the key file, the hint's example), no raw locale key is left.
  const text = (await card.innerText()).replaceAll(ADMIN.name, '').replace(/[\w/.-]*unattended\.key/g, '');
  expect(text).not.toMatch(/unattended\.[a-zA-Z]/);
  expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  await card.scrollIntoViewIfNeeded();
  await shot(page, '12-unattended-on-en');

  await page.getByTestId('revoke-unattended-key').click();
  await expect(page.getByTestId('revoke-unattended-confirm')).toContainText(en.unattended.revokeConfirm);
  await shot(page, '13-unattended-revoke-en');
  await page.getByTestId('revoke-unattended-confirm').getByRole('button', { name: en.unattended.revoke }).click();
  await expect(page.getByTestId('unattended-state')).toHaveAttribute('data-active', 'false');
  await expect(card).toContainText(en.unattended.revoked);
});
