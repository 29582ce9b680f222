import fs from 'node:fs';
import path from 'node:path';
import { messages } from '../../shared/i18n';
import type { Locale } from '../../shared/schemas/common';
import { expect, test } from './fixtures';
import { ADMIN, CLINIC } from './helpers';

/**
 * Every screen in both languages: no raw locale keys, no English/Chinese left untranslated in the chrome,
 * nothing wider than the 1280×800 window. With SHOTS_DIR set, each screen is also saved as a PNG.
 */
const SHOTS_DIR = process.env.SHOTS_DIR;
const RAW_KEY = /\b(app|common|errors|validation|roles|password|setup|recovery|signIn|recover|shell|nav|home|staff|settings|audit|auditActions|auditSubjects|account|lock|timeZones)\.[a-zA-Z_]+\b/;
const HAN = /\p{Script=Han}/u;
const PHYSICIAN = { name: '張醫師', licenceNo: '醫字第012345號', specialty: '皮膚科' };
const NURSE = { name: '林護理', password: 'Nurse-Pass-2024' };

for (const locale of ['zh-TW', 'en'] as const satisfies readonly Locale[]) {
  test(`every screen reads well in ${locale}`, async ({ page, host }) => {
    const m = messages[locale];
    await page.addInitScript((l) => window.localStorage.setItem('consentvault.locale', l), locale);

    /** User data that may legitimately be Chinese on an English screen. */
    const data = [CLINIC, ADMIN.name, PHYSICIAN.name, PHYSICIAN.licenceNo, PHYSICIAN.specialty, NURSE.name];
    const check = async (name: string) => {
      await page.waitForTimeout(150); // let fonts and layout settle
      const layout = await page.evaluate(() => {
        const doc = document.scrollingElement ?? document.documentElement;
        const over: string[] = [];
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1)) {
            over.push(`${el.tagName.toLowerCase()}.${el.className}`);
          }
        }
        // Scroll boxes that have to scroll sideways (a table wider than its frame) count too.
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
          const style = getComputedStyle(el);
          if (/(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
            over.push(`scrolls sideways: ${el.tagName.toLowerCase()}.${el.className}`);
          }
        }
        const openDialog = document.querySelector('dialog[open]');
        return {
          pageScrollsSideways: doc.scrollWidth > doc.clientWidth,
          over: over.slice(0, 5),
          text: (openDialog as HTMLElement | null)?.innerText ?? document.body.innerText,
        };
      });
      expect.soft(layout.pageScrollsSideways, `${name}: page scrolls sideways`).toBe(false);
      expect.soft(layout.over, `${name}: elements outside the window`).toEqual([]);
      expect.soft(layout.text, `${name}: raw locale key on screen`).not.toMatch(RAW_KEY);
      if (locale === 'en') {
        let text = layout.text;
        for (const d of data) text = text.split(d).join('');
        text = text.replace('中文', ''); // the language toggle names the other language in that language
        // Names that are Chinese in any language: the government calendar file's title and columns, and a 民國 date example.
        for (const name of ['中華民國政府行政機關辦公日曆表', '西元日期', '星期', '是否放假', '備註']) text = text.split(name).join('');
        text = text.replace(/民國\d+年\d+月\d+日/g, '');
        expect.soft(text, `${name}: Chinese text left on an English screen`).not.toMatch(HAN);
      }
      if (SHOTS_DIR) {
        fs.mkdirSync(SHOTS_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS_DIR, `${locale}-${name}.png`) });
      }
    };

    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: m.setup.title })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await check('01-setup');

    // Client-side validation messages beside the fields.
    await page.getByLabel(m.setup.adminName).fill(ADMIN.name);
    await page.getByLabel(m.setup.password, { exact: true }).fill('short');
    await page.getByLabel(m.setup.confirmPassword).fill('shorter');
    await page.getByRole('button', { name: m.setup.submit }).click();
    await expect(page.getByText(m.validation.passwordMismatch)).toBeVisible();
    await check('02-setup-errors');

    await page.getByLabel(m.setup.clinicName).fill(CLINIC);
    await page.getByLabel(m.setup.password, { exact: true }).fill(ADMIN.password);
    await page.getByLabel(m.setup.confirmPassword).fill(ADMIN.password);
    await page.getByRole('button', { name: m.setup.submit }).click();
    await expect(page.getByTestId('recovery-code')).toBeVisible({ timeout: 30_000 });
    await check('03-recovery-code');
    await page.emulateMedia({ media: 'print' });
    await check('04-recovery-code-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel(m.recovery.stored).check();
    await page.getByRole('button', { name: m.recovery.continue }).click();

    await expect(page.getByRole('heading', { name: m.signIn.title })).toBeVisible();
    await page.getByLabel(m.staffAccounts.loginId).fill(ADMIN.name);
    await page.getByLabel(m.signIn.password).fill('wrong password');
    await page.getByRole('button', { name: m.signIn.submit, exact: true }).click();
    await expect(page.getByTestId('form-error')).toBeVisible();
    await check('05-sign-in-error');

    await page.getByRole('button', { name: m.signIn.useRecoveryCode }).click();
    await page.getByLabel(m.recover.recoveryCode, { exact: true }).fill('ABCDE');
    await page.getByRole('button', { name: m.recover.submit }).click();
    await expect(page.getByText(m.validation.recoveryCodeFormat)).toBeVisible();
    await check('06-recover');
    await page.getByRole('button', { name: m.recover.back }).click();

    await page.getByLabel(m.staffAccounts.loginId).fill(ADMIN.name);
    await page.getByLabel(m.signIn.password).fill(ADMIN.password);
    await page.getByRole('button', { name: m.signIn.submit, exact: true }).click();
    await expect(page.getByTestId('clinic-summary')).toBeVisible({ timeout: 30_000 });
    await check('07-home');

    const nav = page.getByRole('navigation', { name: m.shell.navLabel });
    await nav.getByRole('button', { name: m.nav.staff }).click();
    await page.getByRole('button', { name: m.staff.add }).click();
    const form = page.getByRole('form', { name: m.staff.addTitle });
    await form.getByLabel(m.staff.name, { exact: true }).fill(PHYSICIAN.name);
    await form.getByLabel(m.staff.role).selectOption('physician');
    await form.getByRole('button', { name: m.staff.submitAdd }).click();
    await expect(form.getByText(m.validation.physicianLicenceRequired)).toBeVisible();
    await check('08-staff-add-errors');
    await form.getByLabel(m.staff.licenceNo).fill(PHYSICIAN.licenceNo);
    await form.getByLabel(m.staff.specialty).fill(PHYSICIAN.specialty);
    await form.getByLabel(m.staff.initialPassword).fill('Doctor-Pass-2024');
    await form.getByLabel(m.staff.confirmPassword).fill('Doctor-Pass-2024');
    await form.getByRole('button', { name: m.staff.submitAdd }).click();
    await expect(page.getByTestId('staff-row').filter({ hasText: PHYSICIAN.licenceNo })).toBeVisible();
    await page.getByRole('button', { name: m.staff.add }).click();
    await form.getByLabel(m.staff.name, { exact: true }).fill(NURSE.name);
    await form.getByLabel(m.staff.role).selectOption('nurse');
    await form.getByLabel(m.staff.initialPassword).fill(NURSE.password);
    await form.getByLabel(m.staff.confirmPassword).fill(NURSE.password);
    await form.getByRole('button', { name: m.staff.submitAdd }).click();
    const nurseRow = page.getByTestId('staff-row').filter({ hasText: NURSE.name });
    await expect(nurseRow).toBeVisible();
    await nurseRow.getByRole('button', { name: m.staff.deactivate }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await check('09-staff-deactivate-confirm');
    await page.getByRole('dialog').getByRole('button', { name: m.staff.deactivate }).click();
    await expect(nurseRow).toContainText(m.staff.inactive);
    await check('10-staff-list');
    await nurseRow.getByRole('button', { name: m.staff.reactivate }).click();
    await page.getByRole('dialog').getByLabel(m.staff.newPassword).fill('abc');
    await page.getByRole('dialog').getByLabel(m.staff.confirmPassword).fill('abc');
    await page.getByRole('dialog').getByRole('button', { name: m.staff.reactivate }).click();
    await expect(page.getByRole('dialog').getByText(m.validation.passwordTooShort, { exact: true })).toBeVisible();
    await check('11-staff-reactivate');
    await page.getByRole('dialog').getByLabel(m.staff.newPassword).fill('Nurse-Again-2025');
    await page.getByRole('dialog').getByLabel(m.staff.confirmPassword).fill('Nurse-Again-2025');
    await page.getByRole('dialog').getByRole('button', { name: m.staff.reactivate }).click();
    await expect(nurseRow).toContainText(m.staff.active);
    const adminRow = page.getByTestId('staff-row').filter({ hasText: ADMIN.name });
    await adminRow.getByRole('button', { name: m.staff.resetPassword }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await check('12-staff-reset-password');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    await nav.getByRole('button', { name: m.nav.settings }).click();
    const settings = page.getByRole('form', { name: m.settings.title });
    await settings.getByLabel(m.settings.idleLockMinutes).fill('500');
    await settings.getByRole('button', { name: m.settings.submit }).click();
    await expect(settings.getByText(m.validation.tooBig)).toBeVisible();
    await check('13-settings');
    await settings.getByLabel(m.settings.idleLockMinutes).fill('15');
    await settings.getByRole('button', { name: m.settings.submit }).click();
    await expect(page.getByText(m.settings.saved)).toBeVisible();

    await nav.getByRole('button', { name: m.nav.audit }).click();
    await page.getByRole('button', { name: m.audit.verify }).click();
    await expect(page.getByTestId('audit-verification')).toBeVisible();
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await check('14-audit');

    await nav.getByRole('button', { name: m.nav.account }).click();
    await page.getByLabel(m.account.currentPassword).fill('wrong-password');
    await page.getByLabel(m.account.newPassword, { exact: true }).fill('Another-Pass-2025');
    await page.getByLabel(m.account.confirmPassword).fill('Another-Pass-2025');
    await page.getByRole('button', { name: m.account.submit }).click();
    await expect(page.getByTestId('form-error').or(page.getByRole('alert')).first()).toBeVisible();
    await check('15-account');

    await page.getByRole('button', { name: m.shell.lock, exact: true }).click();
    await expect(page.getByRole('dialog', { name: m.lock.title })).toBeVisible();
    await check('16-lock');
  });
}
