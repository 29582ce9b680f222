import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN as VAULT_ADMIN, makeTestApp, ManualClock } from '../support/app';
import { asAdmin, fullySignedConsultation } from '../support/aftercare-flow';
import { addStaff } from '../support/consent-flow';
import { SECOND_ADMIN } from '../support/staff';
import { expect, test } from './fixtures';
import { nav, signIn, zh } from './helpers';

const SHOTS_DIR = process.env.SHOTS_DIR;
const r = zh.retention;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  await page.waitForTimeout(200);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `retention-${name}.png`), fullPage: true });
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: zh.shell.signOut }).click();
  await expect(page.getByRole('heading', { name: zh.signIn.title })).toBeVisible();
}

/** A clinic whose one patient signed a consent eight years ago (a clock set back), with a second administrator. */
async function clinicEightYearsOn(configDir: string) {
  const vaultDir = path.join(configDir, 'vault');
  const clock = new ManualClock(new Date(Date.now() - 8 * 366 * 86_400_000).toISOString());
  const t = makeTestApp({ clock, vaultDir });
  try {
    await t.setup();
    const { physicianId } = await addStaff(t);
    const { consultation } = await fullySignedConsultation(t, clock, physicianId);
    await asAdmin(t);
    await t.ok('staff.add', SECOND_ADMIN);
    await t.signOut();
    fs.writeFileSync(path.join(configDir, 'config.json'), `${JSON.stringify({ vaultPath: vaultDir }, null, 2)}\n`);
    return { chartNo: 'C0001', patientName: consultation.consultation.patientName };
  } finally {
    t.dispose();
  }
}

test('one administrator proposes destruction, a second confirms with their password, and the patient is a tombstone', async ({ page, host }) => {
  test.setTimeout(180_000);
  const clinic = await clinicEightYearsOn(host.configDir);
  await page.goto(host.url);
  await signIn(page, VAULT_ADMIN.name, VAULT_ADMIN.password);

  // The patient page shows when the records may be destroyed.
  await nav(page).getByRole('button', { name: zh.nav.patients }).click();
  await page.getByLabel(zh.patients.searchLabel).fill(clinic.chartNo);
  await page.getByTestId('patient-row').first().click();
  await page.getByRole('tab', { name: zh.patients.page.tabs.record }).click();
  await expect(page.getByTestId('retention-status')).toHaveText(r.statuses.past_retention);
  await shot(page, '01-patient-panel');

  // The first administrator proposes; their own proposal waits for someone else.
  await nav(page).getByRole('button', { name: zh.nav.retention }).click();
  const row = page.getByTestId(`due-${clinic.chartNo}`);
  await expect(row).toContainText(clinic.patientName);
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: r.propose.replace('{{count}}', '1') }).click();
  await expect(page.getByTestId(`proposal-${clinic.chartNo}`)).toContainText(r.ownProposal);
  await expect(page.getByRole('button', { name: r.confirm.replace('{{count}}', '0') })).toBeDisabled();
  await shot(page, '02-proposed');
  await signOut(page);

  // The second administrator confirms with their own password: a wrong one first.
  await signIn(page, SECOND_ADMIN.name, SECOND_ADMIN.password);
  await nav(page).getByRole('button', { name: zh.nav.retention }).click();
  await page.getByRole('button', { name: r.confirm.replace('{{count}}', '1') }).click();
  const dialog = page.getByTestId('confirm-destruction');
  await expect(dialog.getByTestId('backup-notice')).toHaveText(r.backupNotice);
  await dialog.getByLabel(r.password).fill('not-my-password');
  await dialog.getByRole('button', { name: r.confirmSubmit }).click();
  await expect(dialog.getByText(r.errors.passwordWrong)).toBeVisible();
  await shot(page, '03-confirm-dialog');
  await dialog.getByLabel(r.password).fill(SECOND_ADMIN.password);
  await dialog.getByRole('button', { name: r.confirmSubmit }).click();
  const done = page.getByTestId('destruction-done');
  await expect(done).toContainText(r.backupNotice, { timeout: 30_000 });
  const log = page.getByTestId(`log-${clinic.chartNo}`);
  await expect(log).toContainText(VAULT_ADMIN.name);
  await expect(log).toContainText(SECOND_ADMIN.name);
  await expect(log).toContainText(zh.retention.tables.consent_documents);
  await shot(page, '04-destroyed');

  // The patient list marks the tombstone; opening it shows the destruction record, never the content.
  await nav(page).getByRole('button', { name: zh.nav.patients }).click();
  await page.getByLabel(zh.patients.searchLabel).fill(clinic.chartNo);
  await expect(page.getByTestId('destroyed-badge')).toBeVisible();
  await expect(page.getByTestId('patient-row').first()).not.toContainText(clinic.patientName);
  await page.getByTestId('patient-row').first().click();
  const tomb = page.getByTestId('tombstone');
  await expect(tomb).toContainText(clinic.chartNo);
  await expect(tomb).toContainText(SECOND_ADMIN.name);
  await expect(page.getByTestId('patient-header')).toHaveCount(0);
  await shot(page, '05-tombstone');
});
