import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readPack, resign, writePack } from '../support/pack-files';
import { callFromPage, expect, test } from './fixtures';
import { ADMIN, nav, setUpVault, signIn, zh } from './helpers';

/**
 * Evidence journey in Traditional Chinese: the administrator sets a Bates prefix, exports a patient's evidence
 * pack with a real progress bar, then verifies it through the UI; a tampered copy is reported by file name.
 * With SHOTS_DIR set, every screen is saved as a PNG.
 */
const SHOTS_DIR = process.env.SHOTS_DIR;
const E = zh.evidence;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  await page.waitForTimeout(150);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `evidence-${name}.png`), fullPage: true });
}

test('an administrator exports an evidence pack and anyone can verify it; tampering is named', async ({ page, host }) => {
  await page.goto(host.url);
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);

  // The Bates prefix is set in the settings.
  await nav(page).getByRole('button', { name: zh.nav.settings }).click();
  await page.getByLabel(E.settings.batesPrefix).fill('mlrs');
  await page.getByRole('button', { name: zh.settings.submit }).click();
  await expect(page.getByText(zh.settings.saved)).toBeVisible();

  // A patient with a communication (through the renderer's own bridge, as the patient screens would).
  const created = await callFromPage(page, 'patients.create', { chartNo: 'E0001', nameZh: '黃詩涵', sex: 'female', birthDate: '1994-03-08', phone: '0912-000-111' });
  expect(created.ok).toBe(true);
  const patientId = (created.value as { id: string }).id;
  const logged = await callFromPage(page, 'communications.log', { patientId, channel: 'line', direction: 'inbound', occurredAt: new Date(Date.now() - 60_000).toISOString(), summary: '病人詢問術後瘀青。' });
  expect(logged.ok).toBe(true);

  await nav(page).getByRole('button', { name: zh.nav.evidence }).click();
  await expect(page.getByRole('heading', { name: E.export.title })).toBeVisible();
  await page.getByLabel(E.export.patient).fill('詩涵');
  await page.getByRole('button', { name: new RegExp(`${E.export.choosePatient} 黃詩涵`) }).click();
  await expect(page.getByTestId('evidence-patient')).toContainText('E0001');
  const preview = page.getByTestId('evidence-preview');
  await expect(preview).toContainText('溝通紀錄 1 筆');
  await expect(preview).toContainText('稽核事件');
  const destination = page.getByLabel(E.export.destination);
  await expect(destination).toHaveValue(path.join(host.configDir, 'MLRS-0001-E0001-evidence.zip'));
  await shot(page, 'export-form');

  // A path in a folder that does not exist is refused on the field.
  await destination.fill(path.join(host.configDir, 'missing', 'x.zip'));
  await page.getByRole('button', { name: E.export.start }).click();
  await expect(page.getByText(E.errors.folderMissing)).toBeVisible();

  const packPath = path.join(host.configDir, '證據包.zip');
  await destination.fill(packPath);
  await page.getByRole('button', { name: E.export.start }).click();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('export-done')).toContainText('MLRS-0001-000001');
  expect(fs.existsSync(packPath)).toBe(true);
  await shot(page, 'export-done');

  // Verify through the UI: the file handed to the page.
  await nav(page).getByRole('button', { name: zh.nav.verify }).click();
  await expect(page.getByRole('heading', { name: E.verify.title })).toBeVisible();
  await page.getByTestId('verify-file').setInputFiles(packPath);
  await expect(page.getByTestId('verify-valid')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('verify-result')).toContainText('黃詩涵 (E0001)');
  await expect(page.getByText(E.verify.thisVault)).toBeVisible();
  await shot(page, 'verify-valid');

  // A tampered copy, by its path: the changed file is named.
  const pack = await readPack(packPath);
  pack.files.set('data/records.json', Buffer.concat([pack.files.get('data/records.json')!, Buffer.from(' ')]));
  const tampered = path.join(host.configDir, 'tampered.zip');
  await writePack(tampered, pack);
  await page.getByLabel(E.verify.path).fill(tampered);
  await page.getByRole('button', { name: E.verify.verifyPath, exact: true }).click();
  await expect(page.getByTestId('verify-invalid')).toBeVisible({ timeout: 30_000 });
  const problems = page.getByTestId('verify-problems');
  await expect(problems.getByRole('row').filter({ hasText: 'data/records.json' })).toContainText(E.verify.problems.hash_mismatch);
  await expect(problems).toContainText(E.verify.problems.oxum_mismatch);
  await shot(page, 'verify-tampered');

  // Re-signed with a fresh key (every hash recomputed): the screen names the key and says it is not the clinic's.
  const other = generateKeyPairSync('ed25519');
  const forged = await readPack(packPath);
  forged.files.set('clinic-public-key.pem', Buffer.from(other.publicKey.export({ type: 'spki', format: 'pem' }).toString()));
  resign(forged, other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const forgedPath = path.join(host.configDir, 'forged.zip');
  await writePack(forgedPath, forged);
  await page.getByLabel(E.verify.path).fill(forgedPath);
  await page.getByRole('button', { name: E.verify.verifyPath, exact: true }).click();
  await expect(page.getByTestId('verify-other-key')).toBeVisible({ timeout: 30_000 });
  const otherFingerprint = createHash('sha256').update(other.publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
  await expect(page.getByTestId('verify-other-key')).toContainText(otherFingerprint);
  await expect(page.getByTestId('verify-valid')).toHaveCount(0);
  await shot(page, 'verify-other-key');
});
