import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { RECOVERY_CODE_PATTERN } from '../../shared/schemas/session';
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
  await page.getByLabel(zh.staffAccounts.loginId).fill(name);
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

/**
 * Answers every finding of the follow-up outcome form (nothing is pre-selected): pain, the three grades, each
 * yes/no finding (`yes` lists those answered yes) and satisfaction (null: not asked).
 */
export async function answerOutcome(form: Locator, o: { pain: number; yes?: readonly string[]; satisfaction?: number | null }): Promise<void> {
  const a = zh.aftercare;
  const group = (name: string) => form.getByRole('group', { name, exact: true });
  await group(a.outcome.pain).getByRole('radio', { name: String(o.pain), exact: true }).check();
  await group(a.outcome.swelling).getByRole('radio', { name: a.grades.mild, exact: true }).check();
  await group(a.outcome.bruising).getByRole('radio', { name: a.grades.none, exact: true }).check();
  await group(a.outcome.bleeding).getByRole('radio', { name: a.bleeding.none, exact: true }).check();
  for (const k of ['infectionSigns', 'fever', 'numbness', 'asymmetry', 'visionChange', 'skinColourChange'] as const) {
    const answer = o.yes?.includes(k) ? zh.safety.outcome.yes : zh.safety.outcome.no;
    await group(a.outcome[k]).getByRole('radio', { name: answer, exact: true }).check();
  }
  const s = o.satisfaction === undefined || o.satisfaction === null ? a.outcome.notAsked : String(o.satisfaction);
  await group(a.outcome.satisfaction).getByRole('radio', { name: s, exact: true }).check();
}

/** First sign-in with a password an administrator set: the person replaces it before anything else. */
export async function signInFirstTime(page: Page, loginId: string, temporaryPassword: string, ownPassword: string): Promise<void> {
  await page.getByLabel(zh.staffAccounts.loginId).fill(loginId);
  await page.getByLabel(zh.signIn.password).fill(temporaryPassword);
  await page.getByRole('button', { name: zh.signIn.submit, exact: true }).click();
  const change = page.getByTestId('first-password-change');
  await change.getByLabel(zh.account.currentPassword).fill(temporaryPassword);
  await change.getByLabel(zh.account.newPassword, { exact: true }).fill(ownPassword);
  await change.getByLabel(zh.account.confirmPassword).fill(ownPassword);
  await change.getByRole('button', { name: zh.staffAccounts.mustChange.submit }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(loginId, { timeout: 30_000 });
}

/**
 * Checks, as a soft expectation named by `name`, that no element sticks out of the window sideways; with SHOTS_DIR
 * set, also saves the screen there as `<journey>-<name>.png`.
 */
export async function checkLayoutAndShoot(page: Page, journey: string, name: string): Promise<void> {
  await page.waitForTimeout(150); // fonts and layout settle
  const outside = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1);
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
  expect.soft(outside, `${name}: elements outside the window`).toEqual([]);
  const shotsDir = process.env.SHOTS_DIR;
  if (shotsDir) {
    fs.mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: path.join(shotsDir, `${journey}-${name}.png`) });
  }
}
