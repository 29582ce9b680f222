import type { Page } from '@playwright/test';
import { RECOVERY_CODE_PATTERN } from '../../shared/api';
import { zhTW } from '../../shared/i18n/zh-TW';
import { expect } from './fixtures';

/** The UI's own words (Traditional Chinese, the default language), so a wording change does not break tests. */
export const zh = zhTW;

export const ADMIN = { name: '王美玲', password: 'Clinic-Admin-2024!' };
export const CLINIC = '晴光醫美診所';

/** Runs the first-run wizard and returns the recovery code it showed; ends on the sign-in screen. */
export async function setUpVault(page: Page, configDir: string): Promise<string> {
  await expect(page.getByRole('heading', { name: zh.setup.title })).toBeVisible();
  await page.getByLabel(zh.setup.clinicName).fill(CLINIC);
  await expect(page.getByLabel(zh.setup.timeZone)).toHaveValue('Asia/Taipei');
  // The browser host cannot open a folder dialog: the field is prefilled with CONFIG_DIR/vault.
  await expect(page.getByLabel(zh.setup.vaultDir)).toHaveValue(`${configDir}/vault`);
  await page.getByLabel(zh.setup.adminName).fill(ADMIN.name);
  await page.getByLabel(zh.setup.password, { exact: true }).fill(ADMIN.password);
  await page.getByLabel(zh.setup.confirmPassword).fill(ADMIN.password);
  await expect(page.getByTestId('password-strength')).toContainText(zh.password.strong);
  await page.getByRole('button', { name: zh.setup.submit }).click();

  await expect(page.getByRole('heading', { name: zh.recovery.title })).toBeVisible({ timeout: 30_000 });
  const code = (await page.getByTestId('recovery-code').textContent())?.trim() ?? '';
  expect(code).toMatch(RECOVERY_CODE_PATTERN);
  const next = page.getByRole('button', { name: zh.recovery.continue });
  await expect(next).toBeDisabled();
  await page.getByLabel(zh.recovery.stored).check();
  await next.click();
  await expect(page.getByRole('heading', { name: zh.signIn.title })).toBeVisible();
  return code;
}

export async function signIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByLabel(zh.signIn.name).fill(name);
  await page.getByLabel(zh.signIn.password).fill(password);
  await page.getByRole('button', { name: zh.signIn.submit, exact: true }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(name, { timeout: 30_000 });
}

export function nav(page: Page) {
  return page.getByRole('navigation', { name: zh.shell.navLabel });
}

export async function openScreen(page: Page, label: string): Promise<void> {
  await nav(page).getByRole('button', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}
