import type { Page } from '@playwright/test';
import { en } from '../../shared/i18n/en';
import { expect, test } from './fixtures';
import { ADMIN, checkLayoutAndShoot, nav, setUpVault, signIn, zh } from './helpers';
import { shotTo } from './signing-helpers';

/**
 * Settings › Seats and devices at 1280×800, both languages (issue 14): share the vault (the in-app clinic server,
 * its addresses and certificate fingerprint), who is signed in where, and a one-time pairing code with its countdown.
 * Screenshots in SHOTS_DIR (default test-results/seats-shots).
 */
const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-results/seats-shots';
const shot = async (page: Page, name: string) => {
  await checkLayoutAndShoot(page, 'seats', name);
  await shotTo(SHOTS_DIR, page, name);
};

test('an administrator shares the vault, sees who is signed in where and creates a pairing code', async ({ page, host }) => {
  test.setTimeout(120_000);
  const z = zh.seats;
  await page.goto(host.url);
  // First start: keeping the vault here is today's set-up and comes chosen; "connect" explains the other way.
  await expect(page.getByTestId('connect-choice')).toBeVisible();
  await page.getByLabel(z.firstStart.connect).check();
  await expect(page.getByTestId('connect-to-server')).toBeVisible();
  await page.getByLabel(z.pairing.serverAddress).fill('192.168.1.20:8443');
  await expect(page.getByTestId('open-server-address')).toHaveAttribute('href', 'https://192.168.1.20:8443');
  await shot(page, '00-first-start-connect');
  await page.getByLabel(z.firstStart.keepsVault).check();
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);

  await nav(page).getByRole('button', { name: z.nav }).click();
  await expect(page.getByRole('heading', { level: 1, name: z.title })).toBeVisible();
  await expect(page.getByTestId('server-state')).toHaveAttribute('data-running', 'false');
  // The administrator's own session is listed, marked as theirs, with no "end" button.
  const mine = page.getByTestId('seat-session').filter({ hasText: ADMIN.name });
  await expect(mine).toContainText(z.sessions.yours);
  await expect(mine.getByRole('button', { name: z.sessions.end })).toHaveCount(0);
  await expect(page.getByTestId('paired-devices')).toContainText(z.devices.none);
  await shot(page, '01-not-sharing');

  // Share the vault: the server's addresses and its certificate fingerprint, large.
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  await page.getByLabel(z.server.port).fill(String(port));
  await page.getByTestId('start-sharing').click();
  await expect(page.getByTestId('server-state')).toHaveAttribute('data-running', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('server-addresses')).toContainText(`:${port}`);
  const fingerprint = page.getByTestId('certificate-sha256');
  await expect(fingerprint).toHaveAttribute('aria-label', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await shot(page, '02-sharing');
  // How a tablet trusts the clinic's authority: where to fetch it, how to install it on iPad and Android.
  const howTo = page.getByTestId('trust-certificate');
  await howTo.locator('summary').click();
  await expect(howTo).toContainText('/clinic-ca.pem');
  await howTo.scrollIntoViewIfNeeded();
  await shot(page, '02b-trust-certificate');
  await howTo.locator('summary').click();

  // A pairing code for the consultation room's tablet: shown once, big, counting down from ten minutes.
  await page.getByLabel(z.pairing.deviceName).fill('諮詢室平板');
  await page.getByLabel(z.pairing.deviceKind).selectOption('tablet');
  await page.getByTestId('create-pairing-code').click();
  await expect(page.getByTestId('pairing-code')).toHaveText(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
  await expect(page.getByTestId('pairing-code-left')).toContainText(/(10:00|9:5\d)/);
  await page.getByTestId('pair-device').scrollIntoViewIfNeeded();
  await shot(page, '03-pairing-code');

  // The same screen in English: nothing left in Chinese but the clinic's own words, no raw keys.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.seats.title })).toBeVisible();
  await expect(page.getByTestId('pairing-code-left')).toContainText(/left$/);
  const text = (await page.locator('main').innerText()).replaceAll('諮詢室平板', '').replaceAll(ADMIN.name, '').replaceAll('晴光醫美診所', '');
  expect(text).not.toMatch(/seats\.[a-z]+\.[a-zA-Z]/);
  expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  await page.locator('main').evaluate((m) => m.scrollTo({ top: 0 }));
  await shot(page, '04-sharing-en');
  await page.getByTestId('pair-device').scrollIntoViewIfNeeded();
  await shot(page, '05-pairing-code-en');

  // Stop sharing, after a confirmation.
  await page.getByRole('button', { name: en.seats.pairing.done }).click();
  await page.getByTestId('stop-sharing').click();
  await page.getByTestId('stop-sharing-confirm').getByRole('button', { name: en.seats.server.stop }).click();
  await expect(page.getByTestId('server-state')).toHaveAttribute('data-running', 'false');
});
