import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { treatedSevenDaysAgo } from './aftercare-vault';
import { clinicSafetyVault, FLAGGED, READER } from './clinic-safety-vault';
import { callFromPage, expect, test } from './fixtures';
import { answerOutcome, nav, signIn, zh } from './helpers';
import { drawSignature } from './signing-helpers';
import { ADMIN } from '../support/app';

/**
 * The safety and legal defects of issue 12, as the staff meet them (zh-TW, 1280×800): a nurse cannot complete a
 * day-7 outcome without a contact; a body-image flag blocks countersigning until the physician assesses it; Esc
 * does not leave patient reading mode; the audit filter finds every view of one patient.
 */
const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-results/clinic-safety-shots';
const a = zh.aftercare;
const safety = zh.safety;
const s = zh.consent.signing;

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

async function openPatient(page: Page, name: string): Promise<void> {
  await nav(page).getByRole('button', { name: zh.nav.patients }).click();
  await page.getByTestId('patient-row').filter({ hasText: name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}


test.use({ viewport: { width: 1280, height: 800 } });

test('護理師未聯絡到病人，不能完成第 7 天的追蹤結果', async ({ page, host }) => {
  test.setTimeout(180_000);
  const clinic = await treatedSevenDaysAgo(host.configDir);
  await page.goto(host.url);
  await signIn(page, clinic.nurse.name, clinic.nurse.password);
  await nav(page).getByRole('button', { name: a.nav.followUps }).click();
  await page.getByTestId('worklist-due-today').getByRole('button', { name: clinic.patientName }).click();
  await page.getByRole('button', { name: a.followUp.take }).click();

  // Nothing is selected before the nurse asks, and without a contact nothing can be saved.
  const outcome = page.getByTestId('outcome-form');
  await expect(outcome.getByTestId('outcome-needs-contact')).toBeVisible();
  await expect(outcome.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(outcome.getByTestId('outcome-save')).toBeDisabled();
  await shot(page, '01-outcome-needs-contact');

  // A call nobody answered is logged, and is still no contact.
  const log = page.getByTestId('attempt-log');
  await log.getByRole('radio', { name: a.attemptResults.no_answer, exact: true }).check();
  await log.getByRole('button', { name: a.attempts.save }).click();
  await expect(log.locator('.ac-attempt')).toHaveCount(1);
  await expect(outcome.getByTestId('outcome-needs-contact')).toBeVisible();
  await expect(outcome.getByTestId('outcome-save')).toBeDisabled();

  // The patient is at the clinic: the in-person visit is the contact.
  await outcome.getByTestId('record-in-person').click();
  await expect(outcome.getByTestId('outcome-contact')).toContainText(a.methods.visit);
  await expect(log.locator('.ac-attempt--ok')).toHaveCount(1);

  // Saving with a finding not chosen names what is missing; nothing was pre-selected for the nurse.
  await outcome.getByRole('group', { name: a.outcome.pain, exact: true }).getByRole('radio', { name: '3', exact: true }).check();
  await outcome.getByTestId('outcome-save').click();
  await expect(outcome.getByTestId('outcome-missing')).toBeVisible();
  await expect(outcome.getByText(safety.outcome.chooseOne).first()).toBeVisible();
  await shot(page, '02-outcome-missing-findings');
  await answerOutcome(outcome, { pain: 3, satisfaction: 4 });
  await outcome.getByLabel(a.outcome.notes).fill('病人回診，傷口乾淨，輕微腫脹。');
  await outcome.getByTestId('outcome-save').click();
  const saved = page.getByTestId('outcome-view');
  await expect(saved).toBeVisible();
  await expect(saved.getByTestId('outcome-prefilled')).toHaveCount(0);
  await shot(page, '03-outcome-saved');
});

test('身體意象註記在醫師書面評估之前擋住副署，並帶到病人標頭', async ({ page, host }) => {
  test.setTimeout(240_000);
  const clinic = await clinicSafetyVault(host.configDir);
  await page.goto(host.url);
  await signIn(page, clinic.physician.name, clinic.physician.password);

  // Home: the consent waiting for the physician carries the flag.
  const waiting = page.getByTestId('home-awaiting-physician');
  await expect(waiting.getByTestId('flag-chips')).toContainText(safety.flags.bodyImage);
  await expect(waiting.getByTestId('flag-chips')).toContainText(safety.flags.toAssess);
  await shot(page, '04-physician-home-flag');

  // The patient banner shows it too.
  await openPatient(page, FLAGGED.nameZh);
  const banner = page.getByTestId('patient-flags-banner');
  await expect(banner.locator('[data-kind="body_image"]')).toHaveAttribute('data-assessed', 'false');
  await expect(banner).toContainText(safety.flags.toAssess);
  await shot(page, '05-patient-banner-flag');

  // The signing screen: the checklist blocks, and the main process refuses the countersignature.
  await nav(page).getByRole('button', { name: zh.nav.home }).click();
  await waiting.getByRole('button', { name: FLAGGED.nameZh }).click();
  const card = page.getByTestId('flag-assessment');
  await expect(card.locator('[data-kind="body_image"]')).toHaveAttribute('data-assessed', 'false');
  const passwordLabel = s.physician.password.replace('{{name}}', clinic.physician.name);
  await page.getByTestId('sig-procedure-physician').getByRole('button', { name: s.signatures.sign }).click();
  let dialog = page.getByTestId('sign-dialog');
  await expect(dialog.getByTestId('physician-checklist')).toHaveAttribute('data-ready', 'false');
  await expect(dialog.getByTestId('check-risk_flags')).toContainText(s.physician.missing);
  await drawSignature(page, dialog.getByTestId('signature-canvas'));
  // Signed in as themselves at their own seat, the operating physician is not asked for the password again (issue 14).
  await expect(dialog.getByLabel(passwordLabel)).toHaveCount(0);
  await shot(page, '06-countersign-blocked');
  await dialog.getByTestId('sign-submit').click();
  await expect(dialog.getByRole('alert').first()).toContainText(zh.consent.errors.checklistIncomplete);
  await dialog.getByRole('button', { name: s.sign.cancel }).click();
  await expect(page.getByTestId('sig-procedure-physician')).toHaveAttribute('data-signed', 'false');

  // The written assessment, with the physician's password.
  await card.getByTestId('assess-body_image-body_image').fill('已親自面談：在意抬頭紋但期待合理，無身體臆形症表現；同意施作，兩週後回診評估。');
  await card.getByTestId('assess-password').fill(clinic.physician.password);
  await shot(page, '07-assessment-written');
  await card.getByTestId('assess-submit').click();
  await expect(card.locator('[data-kind="body_image"]')).toHaveAttribute('data-assessed', 'true');
  await expect(card).toContainText(safety.flags.saved);

  await expect(card).toHaveAttribute('data-open', '0');
  const consentId = (await page.getByTestId('signing').getAttribute('data-consent-id'))!;
  const list = (await callFromPage(page, 'consents.checklist', { consentId })) as { ok: boolean; value: { ready: boolean } };
  expect(list.value.ready).toBe(true);

  // Now every form is countersigned: with an adopted signature where one was adopted (one tap a box), or drawn.
  const physicianRows = page.locator('[data-testid^="sig-"][data-testid$="-physician"][data-signed="false"]');
  for (let left = await physicianRows.count(); left > 0; left--) {
    const row = physicianRows.first();
    const apply = row.locator('[data-testid^="apply-"]');
    if ((await apply.count()) > 0) await apply.click();
    else {
      await row.getByRole('button', { name: s.signatures.sign, exact: true }).click();
      dialog = page.getByTestId('sign-dialog');
      await expect(dialog.getByTestId('physician-checklist')).toHaveAttribute('data-ready', 'true');
      await expect(dialog.getByTestId('check-risk_flags')).toContainText(s.physician.ok);
      await drawSignature(page, dialog.getByTestId('signature-canvas'));
      await expect(dialog.getByLabel(passwordLabel)).toHaveCount(0);
      await dialog.getByTestId('sign-submit').click();
      await expect(dialog).toHaveCount(0);
    }
    await expect(physicianRows).toHaveCount(left - 1);
  }
  await expect(page.getByTestId('consent-status')).toHaveAttribute('data-status', 'fully_signed');
  await shot(page, '08-countersigned');
});

test('Esc 不會離開病人閱讀模式；離開需要工作人員的密碼', async ({ page, host }) => {
  test.setTimeout(180_000);
  const clinic = await clinicSafetyVault(host.configDir);
  await page.goto(host.url);
  await signIn(page, clinic.consultant.name, clinic.consultant.password);
  await openPatient(page, READER.nameZh);
  await page.getByTestId('consultation-row').first().click();
  await page.getByTestId('open-reading-mode').click();
  const reading = page.getByTestId('reading-mode');
  await expect(reading).toBeVisible();

  // Esc, again and again: the browser may leave full screen, the reading view stays.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(150);
  }
  await expect(reading).toBeVisible();
  // What Esc does in a desktop browser (leave full screen) is the browser's own; do it as the browser would.
  await page.evaluate(() => (document.fullscreenElement ? document.exitFullscreen() : undefined));
  await page.keyboard.press('Escape');
  await expect(reading).toBeVisible();
  await expect(page.getByTestId('reading-not-fullscreen')).toBeVisible();
  await shot(page, '09-reading-after-escape');

  // Leaving asks for the staff member's password; Esc on that question keeps the patient reading.
  await reading.getByTestId('exit-reading-mode').click();
  const handBack = page.getByTestId('hand-back');
  await expect(handBack).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(handBack).toHaveCount(0);
  await expect(reading).toBeVisible();

  // A patient's guess is refused and the view stays.
  await reading.getByTestId('exit-reading-mode').click();
  await handBack.getByTestId('hand-back-password').fill('Guess-1234');
  await handBack.getByTestId('hand-back-submit').click();
  await expect(handBack.getByText(safety.handBack.wrongPassword)).toBeVisible();
  await shot(page, '10-hand-back-refused');
  await expect(reading).toBeVisible();

  await handBack.getByTestId('hand-back-password').fill(clinic.consultant.password);
  await handBack.getByTestId('hand-back-submit').click();
  await expect(reading).toHaveCount(0);
  await expect(page.getByTestId('open-reading-mode')).toBeVisible();
});

test('稽核篩選找出同一位病人的每一次檢視，可分頁、看細節、匯出 CSV', async ({ page, host }) => {
  test.setTimeout(180_000);
  const clinic = await clinicSafetyVault(host.configDir);
  await page.goto(host.url);
  await signIn(page, ADMIN.name, ADMIN.password);
  await nav(page).getByRole('button', { name: zh.nav.audit }).click();

  const search = page.getByTestId('audit-search');
  await search.getByTestId('audit-patient-search').fill(FLAGGED.chartNo);
  await search.getByRole('option', { name: new RegExp(FLAGGED.nameZh) }).click();
  await expect(search.getByTestId('audit-patient-chosen')).toContainText(FLAGGED.nameZh);
  await search.getByLabel(safety.audit.action).selectOption('patient.viewed');
  await search.getByTestId('audit-apply').click();
  await expect(search.getByTestId('audit-total')).toHaveAttribute('data-total', String(clinic.flaggedViews));
  const rows = search.getByTestId('audit-row');
  await expect(rows).toHaveCount(clinic.flaggedViews);
  for (const row of await rows.all()) await expect(row).toContainText(FLAGGED.nameZh);
  await expect(rows.filter({ hasText: clinic.nurse.name })).toHaveCount(1);
  await expect(rows.filter({ hasText: clinic.consultant.name })).toHaveCount(clinic.flaggedViews - 1);
  await shot(page, '11-audit-views-of-patient');

  // One event in full.
  await rows.first().getByRole('button', { name: safety.audit.open }).click();
  const detail = page.getByTestId('audit-event-dialog');
  await expect(detail.getByTestId('audit-event-patients')).toContainText(FLAGGED.chartNo);
  await shot(page, '12-audit-event-detail');
  await detail.getByRole('button', { name: safety.audit.close }).click();

  // Views of any kind (searches that found her too), staff and dates; the CSV holds the same rows.
  await search.getByLabel(safety.audit.action).selectOption('');
  await search.getByLabel(safety.audit.viewsOnly).check();
  await search.getByTestId('audit-apply').click();
  const total = Number(await search.getByTestId('audit-total').getAttribute('data-total'));
  expect(total).toBeGreaterThanOrEqual(clinic.flaggedViews);
  const download = page.waitForEvent('download');
  await search.getByTestId('audit-export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^audit-\\d{12}-${FLAGGED.chartNo}\\.csv$`));
  const csv = fs.readFileSync((await file.path())!, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines.length - 1).toBeGreaterThanOrEqual(total);
  expect(lines.slice(1).every((l) => l.includes(`${FLAGGED.nameZh} (${FLAGGED.chartNo})`))).toBe(true);

  // The patient page's "who accessed this record" tab (the administrator's own opening of it is the newest).
  await openPatient(page, FLAGGED.nameZh);
  await page.getByRole('tab', { name: safety.audit.tab }).click();
  const tab = page.getByTestId('audit-search');
  await tab.getByLabel(safety.audit.action).selectOption('patient.viewed');
  await tab.getByTestId('audit-apply').click();
  await expect(tab.getByTestId('audit-total')).toHaveAttribute('data-total', String(clinic.flaggedViews + 1));
  await expect(tab.getByTestId('audit-row').first()).toContainText(ADMIN.name);
  await shot(page, '13-patient-access-tab');
});
