import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Out } from '../../shared/api';
import { expect, test } from './fixtures';
import { ADMIN, nav, setUpVault, signIn, zh } from './helpers';
import { api, disclosedConsultation, drawSignature, shotTo, type ConsultationScript } from './signing-helpers';

/**
 * Issue 12, items 4, 10 and 15 in the UI (Traditional Chinese): a minor's consent with two forms (procedure and
 * anaesthesia) signed with one drawing per signer — the patient, the guardian (with the identity document she
 * shows) and the physician each draw once and tap "sign here" on their second box. The document is read
 * full-width, zoomed and full screen; the signed PDF shows the signatures in their boxes (pdftoppm renders of the
 * downloaded file against the issued pages); the downloads are named by patient, procedure and date.
 * Screenshots and renders in SHOTS_DIR (default test-results/signing-boxes-shots).
 */
const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-results/signing-boxes-shots';
const s = zh.consent.signing;
const p = zh.signaturePlacement;
const PHYSICIAN = { name: '林志豪', role: 'physician', licenceNo: '醫字第045678號', specialty: '皮膚科', password: 'Doctor-Pass-2026', temporaryPassword: false } as const;
const CONSULTANT = { name: '張雅琪', role: 'consultant', password: 'Consult-Pass-2026', temporaryPassword: false } as const;
const MINOR = {
  chartNo: 'M0007',
  nameZh: '陳小安',
  sex: 'female',
  birthDate: '2010-05-04',
  phone: '0912-000-777',
  guardian: { name: '陳淑芬', relation: '母', nationalId: 'A223456781', phone: '0912-000-778' },
} as const;





/** Page `n` of a PDF as 8-bit grey pixels (pdftoppm), plus a PNG of it in the shots folder to look at. */
function render(file: string, n: number, name: string): Buffer {
  const out = path.join(SHOTS_DIR, `${name}-p${n}`);
  execFileSync('/usr/bin/pdftoppm', ['-r', '72', '-f', String(n), '-l', String(n), '-gray', '-singlefile', file, out]);
  execFileSync('/usr/bin/pdftoppm', ['-r', '110', '-f', String(n), '-l', String(n), '-png', '-singlefile', file, out]);
  const pgm = fs.readFileSync(`${out}.pgm`);
  const header = /^P5\s+\d+\s+\d+\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))![0].length;
  return pgm.subarray(header);
}
const changed = (a: Buffer, b: Buffer) => a.reduce((n, v, i) => n + (Math.abs(v - b[i]!) > 48 ? 1 : 0), 0);

const SCRIPT: ConsultationScript = { patient: MINOR, procedureCode: 'ha_filler', flagNote: '已與病人及家長討論', goals: { goals: '改善法令紋', assessment: '輕度凹陷', expectedResult: '立即見效，維持六至十二個月', cannotAchieve: '無法完全對稱' }, quoteItem: { description: '玻尿酸 法令紋 1 mL', amountTwd: 18000 }, revisionPolicy: '兩週內免費修整' };
const shot = (page: Page, name: string) => shotTo(SHOTS_DIR, page, name);

test('a minor’s two forms signed with one drawing per signer; each signature lands in its box on the signed PDF', async ({ page, host }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if ((m.type() === 'error' && !m.text().startsWith('Failed to load resource')) || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);
  for (const m of [PHYSICIAN, CONSULTANT]) await api(page, 'staff.add', m);
  await page.getByRole('button', { name: zh.shell.signOut }).click();
  await signIn(page, CONSULTANT.name, CONSULTANT.password);
  await disclosedConsultation(page, SCRIPT);

  await nav(page).getByRole('button', { name: zh.nav.patients }).click();
  await page.getByLabel(zh.patients.searchLabel).fill(MINOR.nameZh);
  await page.getByTestId('patient-row').filter({ hasText: MINOR.nameZh }).first().click();
  await page.getByTestId('consultation-row').first().click();
  await page.getByTestId('open-signing').click();
  await page.getByTestId('issue-consent').click();
  const viewer = page.getByTestId('pdf-viewer');
  await expect(viewer).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
  const pages = Number(await viewer.getAttribute('data-pages'));

  // Full width: the page is drawn as wide as the screen allows (not a 9 px-text thumbnail); zoom and full screen.
  const canvas = viewer.getByTestId('pdf-canvas');
  expect((await canvas.boundingBox())!.width).toBeGreaterThan(880);
  await shot(page, '01-issued-full-width');
  await viewer.getByRole('button', { name: p.viewer.zoomIn }).click();
  await expect(viewer).toHaveAttribute('data-zoom', '1.25');
  await expect(page.getByTestId('pdf-zoom')).toHaveText('縮放 125%');
  await expect(viewer).toHaveAttribute('data-state', 'ok');
  expect((await canvas.boundingBox())!.width).toBeGreaterThan(1100);
  await viewer.getByRole('button', { name: p.viewer.fitWidth }).click();
  await viewer.getByTestId('pdf-full-screen').click();
  await expect(viewer).toHaveAttribute('data-full', 'true');
  await expect(viewer).toHaveAttribute('data-state', 'ok');
  const full = (await viewer.boundingBox())!;
  expect(full.width).toBe(1280);
  expect(full.height).toBe(800);
  await shot(page, '02-full-screen-reading');
  await viewer.getByTestId('pdf-full-screen').click();
  await expect(viewer).toHaveAttribute('data-full', 'false');

  // The cooling-off period still runs: the physician shortens it with a reason.
  await page.getByTestId('override-open').click();
  const override = page.getByTestId('override-dialog');
  await override.getByLabel(s.override.reason).fill('家長陪同，下週出國，已完成術前評估');
  await override.getByLabel(`${PHYSICIAN.name} 醫師的密碼`).fill(PHYSICIAN.password);
  await override.getByRole('button', { name: s.override.submit }).click();
  await expect(page.getByTestId('override-recorded')).toBeVisible();

  let drawings = 0;
  const dialog = page.getByTestId('sign-dialog');
  // The patient: one drawing for the procedure form, one tap for the anaesthesia form.
  await page.getByTestId('sig-procedure-patient').getByRole('button', { name: s.signatures.sign }).click();
  await drawSignature(page, dialog.getByTestId('signature-canvas'));
  drawings++;
  await dialog.getByTestId('sign-submit').click();
  await expect(page.getByTestId('sig-procedure-patient')).toHaveAttribute('data-signed', 'true');
  await expect(page.getByTestId('apply-anaesthesia-patient')).toBeVisible();
  await shot(page, '03-patient-adopted');
  await page.getByTestId('apply-anaesthesia-patient').click();
  await expect(page.getByTestId('sig-anaesthesia-patient')).toHaveAttribute('data-signed', 'true');

  // The guardian: the identity document she shows (a wrong check digit first), one drawing, one tap.
  await page.getByTestId('sig-procedure-guardian').getByRole('button', { name: s.signatures.sign }).click();
  const identity = dialog.getByTestId('guardian-identity');
  await identity.getByLabel(p.identity.kind).selectOption('national_id');
  await identity.getByLabel(p.identity.number).fill('A223456780');
  await drawSignature(page, dialog.getByTestId('signature-canvas'));
  drawings++;
  await dialog.getByTestId('sign-submit').click();
  await expect(identity).toContainText(zh.validation.taiwanId);
  await identity.getByLabel(p.identity.number).fill('ａ２２３４５６７８１');
  await shot(page, '04-guardian-identity');
  await dialog.getByTestId('sign-submit').click();
  await expect(page.getByTestId('sig-procedure-guardian')).toHaveAttribute('data-signed', 'true');
  await page.getByTestId('apply-anaesthesia-guardian').click();
  await expect(page.getByTestId('sig-anaesthesia-guardian')).toHaveAttribute('data-signed', 'true');
  await expect(page.getByTestId('consent-status')).toHaveAttribute('data-status', 'patient_signed');

  // The physician: checklist, one drawing and the password once; the second form is one tap.
  await page.getByTestId('sig-procedure-physician').getByRole('button', { name: s.signatures.sign }).click();
  await expect(dialog.getByTestId('physician-checklist')).toHaveAttribute('data-ready', 'true');
  await drawSignature(page, dialog.getByTestId('signature-canvas'));
  drawings++;
  await dialog.getByLabel(`${PHYSICIAN.name} 醫師的密碼（重新輸入以簽署）`).fill(PHYSICIAN.password);
  await dialog.getByTestId('sign-submit').click();
  await expect(page.getByTestId('sig-procedure-physician')).toHaveAttribute('data-signed', 'true');
  await page.getByTestId('apply-anaesthesia-physician').click();
  await expect(page.getByTestId('consent-status')).toHaveAttribute('data-status', 'fully_signed', { timeout: 30_000 });
  expect(drawings).toBe(3);
  await shot(page, '05-fully-signed');

  const consentId = (await page.getByTestId('signing').getAttribute('data-consent-id'))!;
  const view = await api<Out<'consents.get'>>(page, 'consents.get', { consentId });
  expect(view.signatures).toHaveLength(6);
  expect(new Set(view.signatures.map((x) => x.pngSha256)).size).toBe(3);
  expect((await api<{ ok: boolean }>(page, 'consents.verify', { consentId })).ok).toBe(true);

  // The downloaded final PDF, named by patient, procedure and date; the issued bytes are its prefix.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('final-download').click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${MINOR.nameZh}_玻尿酸[^_]*_\\d{4}-\\d{2}-\\d{2}_同意書簽署版\\.pdf$`));
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const finalFile = path.join(SHOTS_DIR, 'signed.pdf');
  await download.saveAs(finalFile);
  const issued = Buffer.from((await api<{ dataBase64: string }>(page, 'consents.document', { consentId })).dataBase64, 'base64');
  const issuedFile = path.join(SHOTS_DIR, 'issued.pdf');
  fs.writeFileSync(issuedFile, issued);
  expect(fs.readFileSync(finalFile).subarray(0, issued.length).equals(issued)).toBe(true);

  // Page 1 holds the procedure form's physician box; the last issued page the anaesthesia signers' boxes. Both
  // changed where the signatures are; a page of the explanation sheet in between did not change at all.
  expect(changed(render(issuedFile, 1, 'issued'), render(finalFile, 1, 'signed'))).toBeGreaterThan(80);
  expect(changed(render(issuedFile, pages, 'issued'), render(finalFile, pages, 'signed'))).toBeGreaterThan(160);
  expect(changed(render(issuedFile, 3, 'issued'), render(finalFile, 3, 'signed'))).toBe(0);

  const [copy] = await Promise.all([page.waitForEvent('download'), page.getByTestId('final-patient-copy').click()]);
  expect(copy.suggestedFilename()).toMatch(new RegExp(`^${MINOR.nameZh}_玻尿酸[^_]*_\\d{4}-\\d{2}-\\d{2}_病人收執聯\\.pdf$`));
  await expect(page.getByTestId('final-actions')).toContainText(s.final.saved);
  expect(problems).toEqual([]);
});
