import { callFromPage, expect, test } from './fixtures';
import { en } from '../../shared/i18n/en';
import { ADMIN, CLINIC, nav, openScreen, setUpVault, signIn, zh } from './helpers';

const CONSULTANT = { name: '陳怡君', password: 'Consult-Pass-77' };

test('first run: set-up, recovery code, admin adds a consultant, the consultant cannot reach admin screens', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  // The token moves from the address bar to sessionStorage.
  await expect.poll(() => page.url()).not.toContain('token=');

  await setUpVault(page, host.configDir);
  await expect(page.getByRole('status').filter({ hasText: zh.signIn.notice.vaultCreated })).toBeVisible();

  // A wrong password is refused with the server's message.
  await page.getByLabel(zh.staffAccounts.loginId).fill(ADMIN.name);
  await page.getByLabel(zh.signIn.password).fill('not-the-password');
  await page.getByRole('button', { name: zh.signIn.submit, exact: true }).click();
  await expect(page.getByTestId('form-error')).toHaveText(zh.errors.invalid_credentials);

  // The language toggle switches every word on screen and is remembered.
  await page.getByTestId('language-toggle').click();
  await expect(page.getByRole('heading', { name: en.signIn.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('language-toggle').click();
  await expect(page.getByRole('heading', { name: zh.signIn.title })).toBeVisible();

  await signIn(page, ADMIN.name, ADMIN.password);
  await expect(page.getByTestId('clinic-name')).toHaveText(CLINIC);
  // A reload keeps working: the token was kept in sessionStorage and the session lives in the main process.
  await page.reload();
  await expect(page.getByTestId('signed-in-user')).toContainText(ADMIN.name);
  await expect(page.getByTestId('signed-in-user')).toContainText(zh.roles.admin);
  for (const item of [zh.nav.home, zh.nav.staff, zh.nav.settings, zh.nav.audit, zh.nav.account]) {
    await expect(nav(page).getByRole('button', { name: item })).toBeVisible();
  }

  // Add a consultant.
  await openScreen(page, zh.nav.staff);
  await page.getByRole('button', { name: zh.staff.add }).click();
  const form = page.getByRole('form', { name: zh.staff.addTitle });
  await form.getByLabel(zh.staff.name, { exact: true }).fill(CONSULTANT.name);
  await form.getByLabel(zh.staff.role).selectOption('consultant');
  await expect(form.getByLabel(zh.staff.licenceNo)).toBeHidden();
  // Client-side check from the shared schema: the confirmation must match.
  await form.getByLabel(zh.staff.initialPassword).fill(CONSULTANT.password);
  await form.getByLabel(zh.staff.confirmPassword).fill('something else');
  await form.getByRole('button', { name: zh.staff.submitAdd }).click();
  await expect(form.getByText(zh.validation.passwordMismatch)).toBeVisible();
  await form.getByLabel(zh.staff.confirmPassword).fill(CONSULTANT.password);
  await form.getByRole('button', { name: zh.staff.submitAdd }).click();
  const row = page.getByTestId('staff-row').filter({ hasText: CONSULTANT.name });
  await expect(row).toContainText(zh.roles.consultant);
  await expect(row).toContainText(zh.staff.active);

  // The server is the authority: a duplicate name comes back as a form-level or field message.
  await page.getByRole('button', { name: zh.staff.add }).click();
  await form.getByLabel(zh.staff.name, { exact: true }).fill(CONSULTANT.name);
  await form.getByLabel(zh.staff.initialPassword).fill(CONSULTANT.password);
  await form.getByLabel(zh.staff.confirmPassword).fill(CONSULTANT.password);
  await form.getByRole('button', { name: zh.staff.submitAdd }).click();
  await expect(form.getByText(zh.staffAccounts.errors.loginIdTaken)).toBeVisible();
  await form.getByRole('button', { name: zh.common.cancel }).click();

  // Sign out, sign in as the consultant.
  await page.getByRole('button', { name: zh.shell.signOut }).click();
  await expect(page.getByRole('heading', { name: zh.signIn.title })).toBeVisible();
  await page.getByLabel(zh.staffAccounts.loginId).fill(CONSULTANT.name);
  await page.getByLabel(zh.signIn.password).fill(CONSULTANT.password);
  await page.getByRole('button', { name: zh.signIn.submit, exact: true }).click();
  // The administrator chose that password: the consultant replaces it before anything else.
  const change = page.getByTestId('first-password-change');
  await change.getByLabel(zh.account.currentPassword).fill(CONSULTANT.password);
  await change.getByLabel(zh.account.newPassword, { exact: true }).fill('Own-Secret-Pass-88');
  await change.getByLabel(zh.account.confirmPassword).fill('Own-Secret-Pass-88');
  await change.getByRole('button', { name: zh.staffAccounts.mustChange.submit }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(zh.roles.consultant);

  await expect(nav(page).getByRole('button', { name: zh.nav.home })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: zh.nav.account })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: zh.nav.patients })).toBeVisible();
  // The consultant's work is on screen; the administrator's screens are not.
  for (const adminOnly of [zh.nav.staff, zh.nav.settings, zh.nav.audit, zh.nav.catalogue]) {
    await expect(nav(page).getByRole('button', { name: adminOnly })).toHaveCount(0);
  }

  // Asking the main process directly does not help either.
  const answer = await callFromPage(page, 'staff.list', { includeInactive: true });
  expect(answer.ok).toBe(false);
  expect(answer.error?.code).toBe('forbidden');
});

test('idle lock covers the screen without losing a half-typed form', async ({ page, host }) => {
  await page.clock.install();
  await page.goto(host.url);
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);

  await openScreen(page, zh.nav.settings);
  const settings = page.getByRole('form', { name: zh.settings.title });
  await settings.getByLabel(zh.settings.idleLockMinutes).fill('1');
  await settings.getByRole('button', { name: zh.settings.submit }).click();
  await expect(page.getByText(zh.settings.saved)).toBeVisible();

  await openScreen(page, zh.nav.staff);
  await page.getByRole('button', { name: zh.staff.add }).click();
  const form = page.getByRole('form', { name: zh.staff.addTitle });
  const nameField = form.getByLabel(zh.staff.name, { exact: true });
  await nameField.fill('林雅婷');
  await nameField.press('End');

  // A minute passes without activity (fast-forwarded renderer clock).
  await page.clock.fastForward('01:05');
  const lock = page.getByRole('dialog', { name: zh.lock.title });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText(ADMIN.name);

  // Escape does not dismiss it, however often it is pressed.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  await expect(lock).toBeVisible();

  // A wrong password keeps it locked.
  await lock.getByLabel(zh.lock.password).fill('wrong-password');
  await lock.getByRole('button', { name: zh.lock.unlock }).click();
  await expect(lock.getByTestId('form-error')).toBeVisible();
  await expect(lock).toBeVisible();

  await lock.getByLabel(zh.lock.password).fill(ADMIN.password);
  await lock.getByRole('button', { name: zh.lock.unlock }).click();
  await expect(lock).toBeHidden();
  await expect(nameField).toHaveValue('林雅婷');
  await expect(page.getByTestId('signed-in-user')).toContainText(ADMIN.name);

  // The main process agrees the session is unlocked again.
  const settingsNow = await callFromPage(page, 'settings.get', {});
  expect(settingsNow.ok).toBe(true);
});
