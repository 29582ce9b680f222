import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADMIN, nav, openScreen, setUpVault, signIn, zh } from './helpers';

/**
 * Issue 12, items 11, 12 and 15 in zh-TW at 1280×800: two colleagues with the same name sign in by login id, a
 * password the administrator chose is replaced at first sign-in, role/licence/specialty are edited with their
 * history; the window itself never scrolls (the top bar stays), Back stays inside the app, Home's quick actions
 * and first-run guide, the suggested chart number. Every screen touched is saved as a PNG.
 */
const SHOTS = path.join(process.cwd(), 'test-results', 'staff-and-layout');
const TWIN = '陳怡君';
const FIRST = { loginId: 'yijun.chen', password: 'Temp-Pass-2026a' };
const SECOND = { loginId: 'yijun.chen.b', password: 'Temp-Pass-2026b' };
const OWN_PASSWORD = 'Own-Secret-Pass-88';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Only the content area scrolls: the window does not, and the top bar with Lock and Sign out is on screen. */
async function expectWindowFixed(page: Page): Promise<void> {
  const m = await page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    const bar = document.querySelector('.topbar')!.getBoundingClientRect();
    return { scroll: doc.scrollHeight - window.innerHeight, barTop: bar.top, barBottom: bar.bottom };
  });
  expect(m.scroll).toBeLessThanOrEqual(0);
  expect(m.barTop).toBe(0);
  await expect(page.getByRole('button', { name: zh.shell.signOut })).toBeInViewport();
}

async function addStaff(page: Page, who: { loginId: string; password: string }, role: string): Promise<void> {
  await page.getByRole('button', { name: zh.staff.add }).click();
  const form = page.getByRole('form', { name: zh.staff.addTitle });
  await form.getByLabel(zh.staff.name, { exact: true }).fill(TWIN);
  await form.getByLabel(zh.staffAccounts.loginId).fill(who.loginId);
  await form.getByLabel(zh.staff.role).selectOption(role);
  await form.getByLabel(zh.staff.initialPassword).fill(who.password);
  await form.getByLabel(zh.staff.confirmPassword).fill(who.password);
  await form.getByRole('button', { name: zh.staff.submitAdd }).click();
  await expect(page.getByTestId('staff-row').filter({ has: page.getByText(who.loginId, { exact: true }) })).toBeVisible();
}

test('staff by login id, first-sign-in password, profile history, fixed window, Back inside the app, Home and chart numbers', async ({ page, host }) => {
  await page.goto(host.url);
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);

  // Home: quick actions and the first-run guide.
  await expect(page.getByTestId('home-quick-actions')).toBeVisible();
  await expect(page.getByTestId('first-run-guide')).toBeVisible();
  await shot(page, '01-home');

  // Two staff with the same name, told apart by their login ids.
  await openScreen(page, zh.nav.staff);
  await addStaff(page, FIRST, 'nurse');
  await addStaff(page, SECOND, 'consultant');
  await expect(page.getByTestId('staff-row').filter({ hasText: TWIN })).toHaveCount(2);
  await expect(page.getByTestId('staff-row').filter({ has: page.getByText(SECOND.loginId, { exact: true }) })).toContainText(zh.staffAccounts.temporaryBadge);
  await shot(page, '02-staff-same-names');

  // A taken login id is refused on its field.
  await page.getByRole('button', { name: zh.staff.add }).click();
  const form = page.getByRole('form', { name: zh.staff.addTitle });
  await form.getByLabel(zh.staff.name, { exact: true }).fill('林美華');
  await form.getByLabel(zh.staffAccounts.loginId).fill('YIJUN.CHEN');
  await form.getByLabel(zh.staff.initialPassword).fill('Other-Pass-2026');
  await form.getByLabel(zh.staff.confirmPassword).fill('Other-Pass-2026');
  await form.getByRole('button', { name: zh.staff.submitAdd }).click();
  await expect(form.getByText(zh.staffAccounts.errors.loginIdTaken)).toBeVisible();
  await shot(page, '03-staff-login-taken');
  await form.getByRole('button', { name: zh.common.cancel }).click();

  // The nurse becomes a physician: licence and specialty, then the history shows what changed.
  const firstRow = page.getByTestId('staff-row').filter({ has: page.getByText(FIRST.loginId, { exact: true }) });
  await firstRow.getByRole('button', { name: zh.staffAccounts.edit }).click();
  const edit = page.getByTestId('edit-staff-dialog');
  await edit.getByLabel(zh.staff.role).selectOption('physician');
  await edit.getByRole('button', { name: zh.staffAccounts.editSubmit }).click();
  // Empty required fields say "required", and the message is on screen (not under the dialog's bar).
  await expect(edit.getByText(zh.validation.physicianLicenceRequired)).toBeInViewport();
  await edit.getByLabel(zh.staff.licenceNo).fill('醫字第098765號');
  await edit.getByLabel(zh.staff.specialty).fill('皮膚科');
  await shot(page, '04-staff-edit');
  await edit.getByRole('button', { name: zh.staffAccounts.editSubmit }).click();
  await expect(firstRow).toContainText('醫字第098765號');
  await firstRow.getByRole('button', { name: zh.staffAccounts.history }).click();
  const history = page.getByTestId('staff-history-dialog');
  await expect(history.getByTestId('staff-revision')).toHaveCount(1);
  await expect(history).toContainText(`${zh.staff.role}：${zh.roles.nurse} → ${zh.roles.physician}`);
  await shot(page, '05-staff-history');
  await history.getByRole('button', { name: zh.staffAccounts.close }).click();

  // Settings and Verify: only the content scrolls; Lock and Sign out stay on screen.
  await openScreen(page, zh.nav.settings);
  await expectWindowFixed(page);
  await shot(page, '06-settings');
  await openScreen(page, zh.nav.verify);
  await expectWindowFixed(page);
  await shot(page, '07-verify');

  // Back goes to the previous screen, inside the app.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: zh.settings.title })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: zh.staff.title })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: zh.settings.title })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();

  // Home's quick action opens the new-patient form with the next chart number filled in.
  await openScreen(page, zh.nav.home);
  await page.getByRole('button', { name: zh.workday.home.newPatient }).click();
  await expect(page.getByTestId('chart-no-suggested')).toBeVisible();
  await expect(page.getByLabel(zh.patients.fields.chartNo)).toHaveValue('000001');
  await shot(page, '08-new-patient-chart-no');

  // The consultant signs in by login id and must first replace the password the administrator chose.
  await page.getByRole('button', { name: zh.shell.signOut }).click();
  await page.getByLabel(zh.staffAccounts.loginId).fill(TWIN);
  await page.getByLabel(zh.signIn.password).fill(SECOND.password);
  await page.getByRole('button', { name: zh.signIn.submit, exact: true }).click();
  await expect(page.getByTestId('form-error')).toBeVisible();
  await page.getByLabel(zh.staffAccounts.loginId).fill(SECOND.loginId);
  await page.getByLabel(zh.signIn.password).fill(SECOND.password);
  await page.getByRole('button', { name: zh.signIn.submit, exact: true }).click();
  const change = page.getByTestId('first-password-change');
  await expect(change).toContainText(SECOND.loginId);
  await shot(page, '09-first-password-change');
  await change.getByLabel(zh.account.currentPassword).fill(SECOND.password);
  await change.getByLabel(zh.account.newPassword, { exact: true }).fill(OWN_PASSWORD);
  await change.getByLabel(zh.account.confirmPassword).fill(OWN_PASSWORD);
  await change.getByRole('button', { name: zh.staffAccounts.mustChange.submit }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(TWIN);
  await expect(page.getByTestId('signed-in-user')).toContainText(zh.roles.consultant);
  await expect(nav(page).getByRole('button', { name: zh.nav.staff })).toHaveCount(0);
  await shot(page, '10-consultant-home');
});
