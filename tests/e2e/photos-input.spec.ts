/**
 * Issue 12, items 6–8 in zh-TW: a 4 MB phone photo (with a second file chosen at the same time) uploads with its
 * angle, area and Exif capture time; a Zhuyin composition fires no search until it is committed; full-width
 * digits count in the quote total; dates are typed and shown as yyyy/mm/dd; the government calendar imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { exifJpeg } from '../support/exif-jpeg';
import { callFromPage, expect, test } from './fixtures';
import { ADMIN, nav, setUpVault, signIn, zh } from './helpers';

const SHOTS_DIR = path.join(process.cwd(), 'test-results', 'screens', 'photos-input');
const PHYSICIAN = { name: '林志豪', role: 'physician', licenceNo: '醫字第045678號', specialty: '皮膚科', password: 'Doctor-Pass-2026', temporaryPassword: false } as const;
const CONSULTANT = { name: '張雅琪', role: 'consultant', password: 'Consult-Pass-2026', temporaryPassword: false } as const;
const PATIENT = { chartNo: 'A0001', nameZh: '王詩涵', sex: 'female', birthDate: '1994-03-08', phone: '0912-000-111' } as const;
const I = zh.intake;

async function shot(page: Page, name: string, tall = false): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.waitForTimeout(150);
  if (tall) await page.setViewportSize({ width: 1280, height: 1800 });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
  if (tall) await page.setViewportSize({ width: 1280, height: 800 });
}

async function api<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await callFromPage(page, channel, input);
  expect(r.ok, `${channel}: ${JSON.stringify(r.error)}`).toBe(true);
  return r.value as T;
}

/** Types as a Zhuyin IME does: compositionstart, input events flagged isComposing, and the committed text. */
async function composeZhuyin(page: Page, selector: string, steps: readonly string[], committed: string): Promise<void> {
  await page.evaluate(
    ([sel, parts, done]) => {
      const input = document.querySelector<HTMLInputElement>(sel as string)!;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      input.focus();
      input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
      for (const p of parts as string[]) {
        setter.call(input, p);
        input.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: p }));
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: p, inputType: 'insertCompositionText', isComposing: true }));
      }
      (window as unknown as { composeCommit: () => void }).composeCommit = () => {
        setter.call(input, done as string);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: done as string, inputType: 'insertCompositionText', isComposing: true }));
        input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: done as string }));
      };
    },
    [selector, steps, committed] as const,
  );
}

test('photos by angle with their Exif time, Zhuyin search, full-width amounts, dates and the office calendar', async ({ page, host }) => {
  const searches: string[] = [];
  page.on('request', (req) => {
    const body = req.postData() ?? '';
    if (req.url().endsWith('/api') && body.includes('"patients.search"')) searches.push(body);
  });
  await page.goto(host.url);
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);
  for (const s of [PHYSICIAN, CONSULTANT]) await api(page, 'staff.add', s);
  await api(page, 'patients.create', PATIENT);

  // Settings: a date typed in full-width digits reads as yyyy/mm/dd; the government calendar imports.
  await nav(page).getByRole('button', { name: zh.nav.settings }).click();
  const holidays = page.getByTestId('holidays');
  await holidays.getByLabel(zh.aftercare.holidays.date).fill('２０２６／１０／０９');
  await expect(holidays.getByTestId('date-reads')).toHaveText('＝ 2026/10/09');
  await holidays.getByLabel(zh.aftercare.holidays.date).fill('10/09/2026');
  await expect(holidays.getByTestId('date-reads')).toHaveText(I.dates.unreadable);
  await holidays.getByLabel(zh.aftercare.holidays.date).fill('');
  await page.getByTestId('calendar-file').setInputFiles(path.join(process.cwd(), 'tests/fixtures/gov-office-calendar-115.csv'));
  await expect(page.getByTestId('calendar-import')).toContainText('已匯入 2026/01/01–2026/12/31');
  await expect(holidays).toContainText('除夕');
  await page.getByTestId('printed-dates').getByRole('radio', { name: I.dates.eras.roc }).check();
  await expect(page.getByTestId('printed-dates')).toContainText(I.dates.printedSaved);
  await shot(page, 'p01-calendar-import', true);
  await page.getByRole('button', { name: zh.shell.signOut }).click();
  await signIn(page, CONSULTANT.name, CONSULTANT.password);

  // Patients: while the Zhuyin composition is open nothing is searched; the committed 王 is.
  await nav(page).getByRole('button', { name: zh.nav.patients }).click();
  await expect(page.getByLabel(zh.patients.searchLabel)).toBeVisible();
  await page.waitForTimeout(600);
  const before = searches.length;
  await composeZhuyin(page, '#patient-search', ['ㄨ', 'ㄨㄤ', 'ㄨㄤˊ', '王'], '王');
  await page.waitForTimeout(900);
  expect(searches.length).toBe(before);
  await shot(page, 'p02-zhuyin-composing');
  await page.evaluate(() => (window as unknown as { composeCommit: () => void }).composeCommit());
  // One search, for the committed character only (the list already shows recent patients, so wait for the request).
  await expect.poll(() => searches.length).toBe(before + 1);
  await expect(page.getByTestId('patient-row').filter({ hasText: PATIENT.nameZh })).toBeVisible();
  expect(searches.at(-1)).toContain('"query":"王"');
  await page.getByTestId('patient-row').filter({ hasText: PATIENT.nameZh }).first().click();

  // A consultation: full-width amounts count in the quote total.
  await page.getByRole('button', { name: zh.patients.consultations.start }).click();
  const dialog = page.getByTestId('start-consultation-dialog');
  await expect(dialog.getByLabel(zh.patients.startDialog.procedure)).toBeEnabled();
  await dialog.getByLabel(zh.patients.startDialog.procedure).selectOption({ index: 1 });
  await dialog.getByLabel(zh.patients.startDialog.physician).selectOption({ label: `${PHYSICIAN.name}（${PHYSICIAN.specialty}）` });
  await dialog.getByRole('button', { name: zh.patients.startDialog.submit }).click();
  await expect(page.getByTestId('consultation')).toBeVisible();
  await page.getByTestId('consultation-steps').locator('[data-step="quote"]').click();
  const amount = page.getByTestId('quote-row').first().getByLabel(/金額/);
  await amount.fill('１２，０００');
  await expect(page.getByTestId('quote-total')).toContainText('NT$12,000');
  await page.getByRole('button', { name: /新增項目/ }).click();
  const second = page.getByTestId('quote-row').nth(1);
  await second.getByLabel(/說明/).fill('術後回診');
  await second.getByLabel(/金額/).fill('５００');
  await expect(page.getByTestId('quote-total')).toContainText('NT$12,500');
  await second.getByLabel(/金額/).fill('五百');
  await expect(page.getByTestId('quote-uncounted')).toBeVisible();
  await second.getByLabel(/金額/).fill('５００');
  await second.getByLabel(/金額/).blur();
  await expect(second.getByLabel(/金額/)).toHaveValue('500');
  await shot(page, 'p03-quote-fullwidth');

  // Photos: a 4 MB phone photo and a second file chosen together, each labelled; the Exif time is kept.
  await page.getByTestId('consultation-steps').locator('[data-step="photos"]').click();
  const big = exifJpeg({ dateTimeOriginal: '2026:01:20 09:15:00', padToBytes: 4 * 1024 * 1024 });
  expect(big.length).toBeGreaterThanOrEqual(4 * 1024 * 1024);
  await page.getByTestId('photo-files').setInputFiles([
    { name: 'IMG_4031.jpg', mimeType: 'image/jpeg', buffer: big },
    { name: 'IMG_4032.jpg', mimeType: 'image/jpeg', buffer: exifJpeg({ dateTimeOriginal: '2026:01:20 09:16:30' }) },
  ]);
  const pending = page.getByTestId('pending-photo');
  await expect(pending).toHaveCount(2);
  await pending.nth(0).getByTestId('photo-angle').selectOption('front');
  await pending.nth(0).getByTestId('photo-area').selectOption('full_face');
  await pending.nth(0).getByRole('radio', { name: zh.consultation.photos.marketingNo }).check();
  await pending.nth(1).getByTestId('photo-angle').selectOption('left_45');
  await pending.nth(1).getByTestId('photo-area').selectOption('full_face');
  await pending.nth(1).getByRole('radio', { name: zh.consultation.photos.marketingNo }).check();
  await shot(page, 'p04-photos-pending', true);
  await page.getByTestId('save-photos').click();
  const thumbs = page.getByTestId('photo-thumb');
  await expect(thumbs).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId('pending-photo')).toHaveCount(0);
  await expect(thumbs.nth(0)).toContainText(`${I.photos.angles.front} · ${I.photos.areas.full_face}`);
  await expect(thumbs.nth(0)).toContainText('2026/01/20 09:15');
  await expect(thumbs.nth(0)).toContainText(I.photos.sources.file_metadata);
  await expect(thumbs.nth(1)).toContainText(I.photos.angles.left_45);
  await shot(page, 'p05-photos-saved', true);
});
