import type { Page } from '@playwright/test';
import { messages } from '../../shared/i18n';
import { expect, test } from './fixtures';
import { ADMIN, checkLayoutAndShoot, nav, setUpVault, signIn, zh } from './helpers';

/**
 * Procedure catalogue in Traditional Chinese: the administrator changes a procedure's cooling-off period,
 * edits its explanation sheet into a new draft version and publishes it, and adds a new procedure.
 * With SHOTS_DIR set, every screen is saved as a PNG.
 */
const C = zh.catalogue;
/** A locale key shown instead of its text. */
const RAW_KEY = /\b(patients|communications|catalogue|validation|errors)\.[a-zA-Z_]+/;

const shot = (page: Page, name: string) => checkLayoutAndShoot(page, 'catalogue', name);

test('the administrator edits cooling-off days and publishes a new explanation sheet version', async ({ page, host }) => {
  await page.goto(host.url);
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);

  await nav(page).getByRole('button', { name: zh.nav.catalogue }).click();
  const rows = page.getByTestId('procedure-row');
  await expect(rows).toHaveCount(8);
  await shot(page, '01-list');

  // Cooling-off days: below the minimum is refused beside the field, then saved.
  await page.getByRole('button', { name: '肉毒桿菌素注射' }).click();
  const settings = page.getByRole('form', { name: C.tabs.settings });
  await settings.getByLabel(C.form.coolingOffDays).fill('0');
  await settings.getByRole('button', { name: C.form.submitSave }).click();
  await expect(settings.getByText(zh.validation.coolingOffMin)).toBeVisible();
  await shot(page, '02-settings-error');
  await settings.getByLabel(C.form.coolingOffDays).fill('3');
  await settings.getByRole('button', { name: C.form.submitSave }).click();
  await expect(settings.getByText(C.form.saved)).toBeVisible();
  await expect(page.locator('.phead')).toContainText(C.coolingOffValue.replace('{{count}}', '3'));
  await shot(page, '03-settings-saved');

  // Explanation sheet: v1 is published and read-only; editing it saves a new draft version.
  await page.getByRole('tab', { name: C.tabs.templates }).click();
  const versions = page.getByTestId('template-version');
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText(C.templates.current);
  await shot(page, '04-versions');
  await versions.first().getByRole('button', { name: C.templates.view }).click();
  const view = page.getByTestId('template-view');
  await expect(view).toContainText(C.templates.readOnly);
  await expect(view).toContainText('肉毒桿菌素注射說明書');
  await shot(page, '05-view');
  await view.getByRole('button', { name: C.templates.closeView }).click();

  await versions.first().getByRole('button', { name: C.templates.newDraftFrom }).click();
  const editor = page.getByRole('form', { name: C.content.newDraftTitle.replace('{{locale}}', C.locales['zh-TW']) });
  await editor.getByLabel(C.content.title).fill('肉毒桿菌素注射說明書（2026 年版）');
  await editor.getByRole('button', { name: C.content.addRisk }).click();
  const newRisk = editor.getByTestId('risk-item').last();
  await editor.getByRole('button', { name: C.content.saveDraft }).click();
  await expect(newRisk.getByText(zh.validation.required)).toBeVisible();
  await shot(page, '06-editor-error');
  await newRisk.getByLabel(C.content.riskText).fill('注射部位短暫麻木或刺痛感，多在一天內消退。');
  await newRisk.getByLabel(C.content.frequency).selectOption('uncommon');
  await shot(page, '07-editor');
  await editor.getByRole('button', { name: C.content.saveDraft }).click();
  await expect(page.getByText(C.templates.draftSaved.replace('{{version}}', '2'))).toBeVisible();
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText(C.templates.draft);

  // Publish with a confirmation; the new version is the one in use.
  await versions.first().getByRole('button', { name: C.templates.publish }).click();
  const confirm = page.getByTestId('publish-dialog');
  await expect(confirm).toContainText(C.templates.publishBody);
  await shot(page, '08-publish-confirm');
  await confirm.getByRole('button', { name: C.templates.publish }).click();
  await expect(page.getByText(C.templates.published_.replace('{{version}}', '2'))).toBeVisible();
  await expect(versions.first()).toContainText(C.templates.current);
  await expect(versions.nth(1)).not.toContainText(C.templates.current);
  await versions.first().getByRole('button', { name: C.templates.view }).click();
  await expect(page.getByTestId('template-view')).toContainText('注射部位短暫麻木');
  await page.getByTestId('template-view').getByRole('button', { name: C.templates.closeView }).click();
  await shot(page, '09-published');

  await page.getByRole('button', { name: C.locales.en }).click();
  await expect(versions.first()).toContainText(C.templates.published);
  await shot(page, '10-versions-en');

  await page.getByRole('main').getByRole('button', { name: C.back }).click();
  const botox = rows.filter({ hasText: '肉毒桿菌素注射' });
  await expect(botox).toContainText(C.coolingOffValue.replace('{{count}}', '3'));
  await expect(botox).toContainText(C.publishedShort.replace('{{locale}}', C.locales['zh-TW']).replace('{{version}}', '2'));

  // A new procedure takes its category's usual cooling-off period; its first sheet starts empty.
  await page.getByRole('button', { name: C.add }).click();
  const create = page.getByRole('form', { name: C.addTitle });
  await create.getByLabel(C.form.code).fill('thread_lift');
  await create.getByLabel(C.form.nameZh).fill('埋線拉提');
  await create.getByLabel(C.form.nameEn).fill('Thread lift');
  await create.getByLabel(C.form.category).selectOption('surgical');
  await expect(create.getByLabel(C.form.coolingOffDays)).toHaveValue('14');
  await create.getByLabel(C.form.anaesthesia).selectOption('local');
  await create.getByTestId('follow-up').first().getByLabel(C.form.focus).fill('詢問腫脹、疼痛與線頭外露');
  await shot(page, '11-new-procedure');
  await create.getByRole('button', { name: C.form.submitCreate }).click();
  await expect(page.getByRole('heading', { name: '埋線拉提' })).toBeVisible();
  await expect(page.getByText(C.form.created.replace('{{name}}', '埋線拉提'))).toBeVisible();
  await page.getByRole('tab', { name: C.tabs.templates }).click();
  await expect(page.getByText(C.templates.none)).toBeVisible();
  await page.getByRole('button', { name: C.templates.createFirst }).click();
  await expect(page.getByTestId('question-item')).toHaveCount(3);
  await shot(page, '12-first-sheet');

  // English: the editor and the list read fully in English.
  await page.getByTestId('language-toggle').click();
  await page.getByTestId('question-item').first().scrollIntoViewIfNeeded();
  await expect(page.getByRole('main')).not.toContainText(RAW_KEY);
  await shot(page, '13-en-questions');
  await page.getByRole('button', { name: messages.en.catalogue.content.cancel }).click();
  await page.getByRole('main').getByRole('button', { name: messages.en.catalogue.back }).click();
  await expect(rows).toHaveCount(9);
  await expect(page.getByRole('main')).not.toContainText(RAW_KEY);
  await shot(page, '14-en-list');
});
