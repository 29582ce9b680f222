import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADMIN, nav, setUpVault, signIn, zh } from './helpers';
import { api, disclosedConsultation, drawSignature, shotTo, type ConsultationScript } from './signing-helpers';

/**
 * The signing journey in the UI (Traditional Chinese): a disclosed consultation → issue the consent → the PDF
 * itself on screen → the physician shortens the cooling-off period → the patient draws a signature with the
 * mouse → the physician checks the checklist, re-enters the password and countersigns → the final PDF downloads →
 * the patient withdraws.
 * Screenshots in SHOTS_DIR (default test-results/signing-shots).
 */
const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-results/signing-shots';
const s = zh.consent.signing;
const PHYSICIAN = { name: '林志豪', role: 'physician', licenceNo: '醫字第045678號', specialty: '皮膚科', password: 'Doctor-Pass-2026', temporaryPassword: false } as const;
const CONSULTANT = { name: '張雅琪', role: 'consultant', password: 'Consult-Pass-2026', temporaryPassword: false } as const;
const PATIENT = { chartNo: 'S0001', nameZh: '黃詩涵', sex: 'female', birthDate: '1994-03-08', phone: '0912-000-111' } as const;





const SCRIPT: ConsultationScript = { patient: PATIENT, procedureCode: 'botulinum_toxin', goals: { goals: '抬頭紋變淺', assessment: '中度動態紋', expectedResult: '三至七天見效', cannotAchieve: '靜態紋無法完全消除' }, quoteItem: { description: '肉毒桿菌素 額頭', amountTwd: 9000 }, revisionPolicy: '兩週內免費補打' };
const shot = (page: Page, name: string) => shotTo(SHOTS_DIR, page, name);

test('the patient signs with the mouse, the physician countersigns with the password, the final PDF downloads', async ({ page, host }) => {
  test.setTimeout(180_000);
  // pdf.js and its worker must run under the app's CSP: no violation may be reported on the way.
  const problems: string[] = [];
  page.on('console', (m) => {
    // (The browser's own favicon request 404s; the page's requests are checked through `response` below.)
    if ((m.type() === 'error' && !m.text().startsWith('Failed to load resource')) || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await page.goto(host.url);
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);
  for (const m of [PHYSICIAN, CONSULTANT]) await api(page, 'staff.add', m);
  await page.getByRole('button', { name: zh.shell.signOut }).click();
  await signIn(page, CONSULTANT.name, CONSULTANT.password);
  await disclosedConsultation(page, SCRIPT);

  // From the patient's consultation to its signing screen.
  await nav(page).getByRole('button', { name: zh.nav.patients }).click();
  await page.getByLabel(zh.patients.searchLabel).fill(PATIENT.nameZh);
  await page.getByTestId('patient-row').filter({ hasText: PATIENT.nameZh }).first().click();
  await page.getByTestId('consultation-row').first().click();
  await page.getByTestId('open-signing').click();
  await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();
  await shot(page, '01-not-issued');

  await page.getByTestId('issue-consent').click();
  const viewer = page.getByTestId('pdf-viewer');
  await expect(viewer).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
  await expect(page.getByTestId('consent-status')).toHaveAttribute('data-status', 'issued');
  const pages = Number(await viewer.getAttribute('data-pages'));
  expect(pages).toBeGreaterThanOrEqual(3);
  await shot(page, '02-issued-page-1');
  await viewer.getByRole('button', { name: s.viewer.next }).click();
  await expect(page.getByTestId('pdf-page-label')).toHaveText(`第 2 頁，共 ${pages} 頁`);
  await expect(viewer).toHaveAttribute('data-state', 'ok');
  await shot(page, '03-issued-page-2');

  // Cooling-off (one day for an injectable) still runs: the patient's button waits; the physician shortens it.
  const patientRow = page.getByTestId('sig-procedure-patient');
  await expect(patientRow.getByRole('button', { name: s.signatures.sign })).toBeDisabled();
  await page.getByTestId('override-open').click();
  const override = page.getByTestId('override-dialog');
  await override.getByLabel(s.override.reason).fill('病人下週出國工作，已完成術前評估');
  await override.getByLabel(`${PHYSICIAN.name} 醫師的密碼`).fill(PHYSICIAN.password);
  await override.getByRole('button', { name: s.override.submit }).click();
  await expect(page.getByTestId('override-recorded')).toContainText('病人下週出國工作');

  // The patient signs: a dot is not enough; a drawn signature is.
  await patientRow.getByRole('button', { name: s.signatures.sign }).click();
  const dialog = page.getByTestId('sign-dialog');
  const canvas = dialog.getByTestId('signature-canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + 40, box.y + 40);
  await expect(dialog.getByTestId('signature-state')).toHaveText(s.pad.tooSmall);
  await expect(dialog.getByTestId('sign-submit')).toBeDisabled();
  await dialog.getByRole('button', { name: s.pad.clear }).click();
  await drawSignature(page, canvas);
  await expect(dialog.getByTestId('signature-state')).toHaveText(s.pad.ready);
  await expect(dialog.getByTestId('signer-name')).toContainText(PATIENT.nameZh);
  await shot(page, '04-patient-pad');
  await dialog.getByTestId('sign-submit').click();
  await expect(patientRow).toHaveAttribute('data-signed', 'true');
  await expect(page.getByTestId('consent-status')).toHaveAttribute('data-status', 'patient_signed');

  // The physician: the checklist first, then the pad and the password again.
  await page.getByTestId('sig-procedure-physician').getByRole('button', { name: s.signatures.sign }).click();
  const physicianDialog = page.getByTestId('sign-dialog');
  await expect(physicianDialog.getByTestId('physician-checklist')).toHaveAttribute('data-ready', 'true');
  await expect(physicianDialog.getByTestId('check-photos')).toContainText(s.physician.ok);
  await drawSignature(page, physicianDialog.getByTestId('signature-canvas'));
  await physicianDialog.getByLabel(`${PHYSICIAN.name} 醫師的密碼（重新輸入以簽署）`).fill('Wrong-Pass-2026');
  await physicianDialog.getByTestId('sign-submit').click();
  await expect(physicianDialog.getByRole('alert')).toHaveText(zh.consent.errors.physicianPasswordWrong);
  await physicianDialog.getByLabel(`${PHYSICIAN.name} 醫師的密碼（重新輸入以簽署）`).fill(PHYSICIAN.password);
  await shot(page, '05-physician-dialog');
  await physicianDialog.getByTestId('sign-submit').click();
  await expect(page.getByTestId('consent-status')).toHaveAttribute('data-status', 'fully_signed', { timeout: 30_000 });
  await expect(viewer).toHaveAttribute('data-pages', String(pages + 1), { timeout: 30_000 });
  await shot(page, '06-fully-signed');
  await viewer.getByRole('button', { name: s.viewer.next }).click();
  for (let i = 2; i <= pages; i++) await viewer.getByRole('button', { name: s.viewer.next }).click();
  await expect(page.getByTestId('pdf-page-label')).toHaveText(`第 ${pages + 1} 頁，共 ${pages + 1} 頁`);
  await expect(viewer).toHaveAttribute('data-state', 'ok');
  await shot(page, '07-certificate-page');

  // The final PDF downloads: its SHA-256 is the one shown, and it begins with the issued document.
  const finalSha = (await page.getByTestId('final-sha256').textContent())?.trim();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('final-download').click()]);
  const file = path.join(SHOTS_DIR, 'signed-consent.pdf');
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(finalSha);
  const documentSha = (await page.getByTestId('document-sha256').textContent())?.trim();
  const consentId = (await page.getByTestId('signing').getAttribute('data-consent-id'))!;
  const issued = await api<{ dataBase64: string }>(page, 'consents.document', { consentId });
  const issuedBytes = Buffer.from(issued.dataBase64, 'base64');
  expect(createHash('sha256').update(issuedBytes).digest('hex')).toBe(documentSha);
  expect(bytes.subarray(0, issuedBytes.length).equals(issuedBytes)).toBe(true);
  const [copy] = await Promise.all([page.waitForEvent('download'), page.getByTestId('final-patient-copy').click()]);
  expect(copy.suggestedFilename()).toMatch(new RegExp(`^${PATIENT.nameZh}_[^_]+_\\d{4}-\\d{2}-\\d{2}_病人收執聯\\.pdf$`));
  await expect(page.getByTestId('final-actions')).toContainText(s.final.saved);
  expect(await api<{ ok: boolean }>(page, 'consents.verify', { consentId })).toMatchObject({ ok: true });

  // Before treatment the patient may still withdraw: a reason and a signature; the consent is no longer usable.
  await page.getByTestId('withdraw-open').click();
  const withdraw = page.getByTestId('withdraw-dialog');
  await withdraw.getByLabel(s.withdraw.reason).fill('家人反對，決定暫不進行');
  await drawSignature(page, withdraw.getByTestId('signature-canvas'));
  await withdraw.getByTestId('withdraw-submit').click();
  await expect(page.getByTestId('consent-status')).toHaveAttribute('data-status', 'withdrawn');
  await expect(page.getByTestId('withdrawal')).toContainText('家人反對');
  await shot(page, '08-withdrawn');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consent signing' })).toBeVisible();
  await page.locator('#main').evaluate((el) => el.scrollTo({ top: 0 }));
  await shot(page, '09-english');
  expect(problems).toEqual([]);
});
