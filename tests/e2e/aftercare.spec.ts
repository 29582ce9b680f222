import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { messages } from '../../shared/i18n';
import { demoClinic, treatedSevenDaysAgo } from './aftercare-vault';
import { expect, test } from './fixtures';
import { answerOutcome, nav, signIn, zh } from './helpers';

/** With SHOTS_DIR set, each aftercare screen is saved as a PNG (as in screens.spec.ts). */
const SHOTS_DIR = process.env.SHOTS_DIR;
const a = zh.aftercare;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  await page.waitForTimeout(200);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `aftercare-${name}.png`), fullPage: true });
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: zh.shell.signOut }).click();
  await expect(page.getByRole('heading', { name: zh.signIn.title })).toBeVisible();
}

test('a nurse records a day-7 follow-up with a red flag and the physician sees the banner until acknowledging it', async ({ page, host }) => {
  test.setTimeout(180_000);
  const clinic = await treatedSevenDaysAgo(host.configDir);
  await page.goto(host.url);
  await signIn(page, clinic.nurse.name, clinic.nurse.password);

  // Home: the day-7 call is due today.
  const homeVisits = page.getByTestId('home-follow-ups');
  await expect(homeVisits).toContainText(clinic.patientName);
  await expect(homeVisits).toContainText(a.dueStates.due_today);
  await shot(page, '01-nurse-home');

  // The worklist: due today, then the visit.
  await nav(page).getByRole('button', { name: a.nav.followUps }).click();
  const dueToday = page.getByTestId('worklist-due-today');
  await expect(dueToday).toContainText(clinic.patientName);
  await shot(page, '02-nurse-worklist');
  await dueToday.getByRole('button', { name: clinic.patientName }).click();
  await expect(page.getByTestId('follow-up-visit')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(clinic.patientName);

  // Take the visit, log the call that reached the patient, then the outcome with red flags.
  await page.getByRole('button', { name: a.followUp.take }).click();
  await expect(page.getByText(a.followUp.assignedTo.replace('{{name}}', clinic.nurse.name))).toBeVisible();
  const log = page.getByTestId('attempt-log');
  await log.getByRole('radio', { name: a.attemptResults.reached, exact: true }).check();
  await log.getByRole('button', { name: a.attempts.save }).click();
  await expect(log.locator('.ac-attempt')).toHaveCount(1);

  const outcome = page.getByTestId('outcome-form');
  await answerOutcome(outcome, { pain: 8, yes: ['fever', 'infectionSigns'], satisfaction: null });
  await expect(page.getByTestId('red-flag-preview')).toContainText(clinic.physician.name);
  await outcome.getByLabel(a.outcome.notes).fill('左側眉間紅腫熱痛，體溫 38.2 度，請病人今日回診。');
  await shot(page, '03-nurse-outcome-red-flag');
  await outcome.getByRole('button', { name: a.outcome.saveAndAlert }).click();
  await expect(page.getByTestId('outcome-view')).toContainText(a.redFlags.fever);
  await expect(page.getByTestId('escalations')).toContainText(a.escalation.sentTo.split('{{')[0]!);
  await shot(page, '04-nurse-outcome-saved');
  await signOut(page);

  // The operating physician: the banner on Home until acknowledged.
  await signIn(page, clinic.physician.name, clinic.physician.password);
  const banner = page.getByTestId('red-flag-banner');
  await expect(banner).toContainText(clinic.patientName);
  await expect(banner).toContainText(a.redFlags.fever);
  await expect(banner).toContainText(a.redFlags.infection_signs);
  await expect(banner).toContainText(a.redFlags.severe_pain);
  await shot(page, '05-physician-home-banner');
  await nav(page).getByRole('button', { name: a.nav.followUps }).click();
  await expect(page.getByTestId('red-flag-banner')).toBeVisible();
  await page.getByTestId('red-flag-banner').getByRole('button', { name: a.escalation.open }).click();
  const escalations = page.getByTestId('escalations');
  await escalations.getByLabel(a.escalation.whatWasDone).fill('已致電病人，今日下午回診，開立口服抗生素。');
  await shot(page, '06-physician-acknowledge');
  await escalations.getByRole('button', { name: a.escalation.acknowledge }).click();
  await expect(escalations).toContainText('已致電病人，今日下午回診');
  await nav(page).getByRole('button', { name: zh.nav.home }).click();
  await expect(page.getByTestId('home-today')).toBeVisible();
  await expect(page.getByTestId('red-flag-banner')).toHaveCount(0);
});

test('an administrator takes a complaint from intake to closure with a root-cause review', async ({ page, host }) => {
  test.setTimeout(180_000);
  const clinic = await treatedSevenDaysAgo(host.configDir);
  await page.goto(host.url);
  await signIn(page, clinic.admin.name, clinic.admin.password);
  await nav(page).getByRole('button', { name: a.nav.complaints }).click();
  await page.getByRole('button', { name: a.complaints.intake }).click();

  // Intake: the patient, how it came in, what kind, what the patient says and wants.
  const intake = page.getByTestId('complaint-intake');
  await intake.getByLabel(a.complaints.findPatient).fill(clinic.patientName.slice(0, 2));
  await intake.getByRole('button', { name: clinic.patientName }).click();
  await intake.getByRole('radio', { name: a.complaintChannels.line, exact: true }).check();
  await intake.getByLabel(a.complaints.category).selectOption('outcome_expectation');
  await intake.getByRole('radio', { name: a.complaintSeverities.high, exact: true }).check();
  await intake.getByLabel(a.complaints.patientSays).fill('打完一週了抬頭紋還是很明顯，覺得被騙。');
  await intake.getByLabel(a.complaints.patientWants).fill('希望補打或退費。');
  await shot(page, '10-complaint-intake');
  await intake.getByRole('button', { name: a.complaints.saveIntake }).click();

  const detail = page.getByTestId('complaint-detail');
  await expect(detail.getByRole('heading', { level: 1 })).toContainText('CP-');
  await expect(page.getByTestId('clock-first_response')).toHaveAttribute('data-state', 'running');

  // An owner, and the first response within 24 hours.
  const assign = page.getByRole('form', { name: a.complaints.assign });
  await assign.getByLabel(a.complaints.owner).selectOption({ label: `${clinic.consultant.name}（${zh.roles.consultant}）` });
  await assign.getByRole('button', { name: a.complaints.assign }).click();
  await expect(detail).toContainText(a.complaints.ownerIs.replace('{{name}}', clinic.consultant.name));
  const entry = page.getByTestId('entry-form');
  await entry.getByLabel(a.complaints.summary).fill('致電病人說明肉毒效果需 1–2 週，安排明日回診評估。');
  await entry.getByRole('button', { name: a.complaints.saveEntry }).click();
  await expect(page.getByTestId('clock-first_response')).toHaveAttribute('data-state', 'met');
  await expect(page.getByTestId('complaint-timeline')).toContainText('安排明日回診評估');

  // Closing without a root cause is refused, with the reason.
  const close = page.getByTestId('close-form');
  await close.getByLabel(a.close.summary).fill('病人接受補打，結案。');
  await close.getByRole('button', { name: a.close.submit }).click();
  await expect(close).toContainText(a.errors.rootCauseRequired);

  // A refund needs its amount.
  const resolution = page.getByTestId('resolution-form');
  await resolution.getByLabel(a.resolution.kind).selectOption('refund');
  await resolution.getByLabel(a.resolution.description).fill('退還部分療程費用');
  await resolution.getByRole('button', { name: a.resolution.save }).click();
  await expect(resolution).toContainText(a.errors.amountRequired);
  await resolution.getByLabel(a.resolution.amount).fill('3000');
  await resolution.getByRole('button', { name: a.resolution.save }).click();
  await expect(page.getByTestId('resolutions')).toContainText('NT$ 3,000');

  // The root-cause review: what happened, causes, a corrective action with owner and due date.
  const review = page.getByTestId('review-form');
  await review.getByLabel(a.review.whatHappened).fill('病人期待立即見效，術前未強調肉毒需 1–2 週才有效果。');
  await review.getByLabel(a.review.category).selectOption('communication');
  await review.getByLabel(a.review.detail).fill('說明時未強調見效時間');
  await review.getByLabel(a.review.action).fill('衛教單加註見效時間並請病人簽名確認');
  await review.getByLabel(a.review.owner).selectOption({ label: clinic.physician.name });
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await review.getByLabel(a.review.dueDate).fill(due);
  await shot(page, '11-complaint-review');
  await review.getByRole('button', { name: a.review.save }).click();
  await expect(page.getByTestId('review-view')).toContainText('衛教單加註見效時間');

  await page.getByTestId('close-form').getByRole('button', { name: a.close.submit }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText(a.complaints.statuses.closed);
  await expect(page.getByTestId('complaint-closed')).toContainText('病人接受補打，結案。');
  await expect(page.getByTestId('complaint-timeline')).toContainText(a.entryKinds.closed);
  await shot(page, '12-complaint-closed');
});

test('the demo clinic: every aftercare screen reads well', async ({ page, host }) => {
  test.setTimeout(300_000);
  const { clinic, password } = await demoClinic(host.configDir);
  await page.goto(host.url);
  await signIn(page, clinic.admin.name, password);
  await expect(page.getByTestId('home-today')).toBeVisible();
  await expect(page.getByTestId('red-flag-banner')).toBeVisible();
  await shot(page, '20-admin-home');
  await nav(page).getByRole('button', { name: a.nav.followUps }).click();
  await expect(page.getByTestId('worklist-overdue')).toBeVisible();
  await shot(page, '21-admin-worklist');
  await nav(page).getByRole('button', { name: a.nav.complaints }).click();
  await page.getByRole('button', { name: a.complaints.statuses.all }).click();
  await expect(page.getByTestId('complaint-list')).toContainText('CP-');
  await shot(page, '22-complaints');
  await page.getByTestId('complaint-list').getByRole('button', { name: /CP-\d{4}-0002/ }).click();
  await expect(page.getByTestId('complaint-timeline')).toBeVisible();
  await shot(page, '23-complaint-accident');
  await nav(page).getByRole('button', { name: a.nav.incidents }).click();
  await page.getByRole('button', { name: a.complaints.statuses.all }).click();
  await expect(page.getByTestId('incident-register')).toContainText('PI-');
  await shot(page, '24-incidents');
  await nav(page).getByRole('button', { name: zh.nav.settings }).click();
  const holidays = page.getByTestId('holidays');
  await expect(holidays).toContainText(a.calendarKinds.holiday);
  await shot(page, '25-holidays');
  await signOut(page);

  const physician = clinic.staff.find((s) => s.role === 'physician')!;
  await signIn(page, physician.name, password);
  await expect(page.getByTestId('home-today')).toBeVisible();
  await shot(page, '26-physician-home');
  await nav(page).getByRole('button', { name: a.nav.followUps }).click();
  await page.getByRole('button', { name: a.followUp.scopes.all }).click();
  await page.getByTestId('worklist-overdue').locator('tbody tr').first().click();
  await expect(page.getByTestId('follow-up-visit')).toBeVisible();
  await shot(page, '27-visit');
  await page.getByRole('button', { name: a.followUp.openTreatment }).click();
  await expect(page.getByTestId('treatment-record')).toBeVisible();
  await shot(page, '28-treatment-record');

  // The same screens in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: messages.en.aftercare.treatment.title })).toBeVisible();
  await shot(page, '30-en-treatment-record');
  const enNav = page.getByRole('navigation', { name: messages.en.shell.navLabel });
  await enNav.getByRole('button', { name: messages.en.nav.home }).click();
  await expect(page.getByTestId('home-today')).toBeVisible();
  await shot(page, '31-en-physician-home');
  await enNav.getByRole('button', { name: messages.en.aftercare.nav.complaints }).click();
  await page.getByRole('button', { name: messages.en.aftercare.complaints.statuses.all }).click();
  await page.getByTestId('complaint-list').locator('tbody tr').first().click();
  await expect(page.getByTestId('complaint-timeline')).toBeVisible();
  await shot(page, '32-en-complaint');
  await page.getByRole('button', { name: '中文' }).click();
});
