import type { Locator, Page } from '@playwright/test';
import { treatedSevenDaysAgo } from './aftercare-vault';
import { expect, test } from './fixtures';
import { ADMIN, answerOutcome, checkLayoutAndShoot, CLINIC, nav, openScreen, setUpVault, signIn, zh } from './helpers';
import { api } from './signing-helpers';

/**
 * Two seats saving the same record, through the screens (issue 14). While a form is open, the record is saved
 * "at another seat" (a call from the page itself, so the refusal names the same person); saving the form is then
 * refused with who and when, what was typed stays, and Reload shows the record as saved now. With SHOTS_DIR set,
 * each refusal is saved as a PNG.
 */
const shot = (page: Page, name: string) => checkLayoutAndShoot(page, 'edit-conflicts', name);
const a = zh.aftercare;

/** The refusal shown in `scope`: it names who saved meanwhile and offers Reload. */
async function expectRefusal(scope: Locator, by: string): Promise<void> {
  const error = scope.getByTestId('form-error');
  await expect(error).toHaveAttribute('data-code', 'conflict');
  await expect(error).toContainText(by);
  await expect(error.getByTestId('reload-latest')).toBeVisible();
}

test('settings, a staff member, the backup schedule and a template draft: a stale save keeps what was typed and Reload shows the other save', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);

  // Clinic settings.
  await openScreen(page, zh.nav.settings);
  const settings = page.getByRole('form', { name: zh.settings.title });
  await settings.getByLabel(zh.settings.clinicName).fill(`${CLINIC} 信義店`);
  const loaded = await api<{ version: number }>(page, 'settings.get', {});
  await api(page, 'settings.update', { expectedVersion: loaded.version, idleLockMinutes: 20 });
  await settings.getByRole('button', { name: zh.settings.submit }).click();
  await expectRefusal(settings, ADMIN.name);
  await expect(settings.getByLabel(zh.settings.clinicName)).toHaveValue(`${CLINIC} 信義店`);
  await shot(page, '01-settings');
  await settings.getByTestId('reload-latest').click();
  await expect(settings.getByLabel(zh.settings.idleLockMinutes)).toHaveValue('20');
  await expect(settings.getByLabel(zh.settings.clinicName)).toHaveValue(CLINIC);
  await settings.getByLabel(zh.settings.clinicName).fill(`${CLINIC} 信義店`);
  await settings.getByRole('button', { name: zh.settings.submit }).click();
  await expect(settings.getByText(zh.settings.saved)).toBeVisible();

  // A staff member's role.
  const nurse = await api<{ id: string; version: number }>(page, 'staff.add', { name: '林佳慧', role: 'nurse', password: 'Nurse-Pass-2026', temporaryPassword: false });
  await openScreen(page, zh.nav.staff);
  await page.getByTestId('staff-row').filter({ hasText: '林佳慧' }).getByRole('button', { name: zh.staffAccounts.edit }).click();
  const dialog = page.getByTestId('edit-staff-dialog');
  await dialog.getByLabel(zh.staff.role).selectOption('consultant');
  await api(page, 'staff.update', { staffId: nurse.id, expectedVersion: nurse.version, role: 'physician', licenceNo: '醫字第011111號', specialty: '皮膚科' });
  await dialog.getByRole('button', { name: zh.staffAccounts.editSubmit }).click();
  await expectRefusal(dialog, ADMIN.name);
  await expect(dialog.getByLabel(zh.staff.role)).toHaveValue('consultant');
  await shot(page, '02-staff');
  await dialog.getByTestId('reload-latest').click();
  await expect(dialog.getByLabel(zh.staff.role)).toHaveValue('physician');
  await expect(dialog.getByLabel(zh.staff.licenceNo)).toHaveValue('醫字第011111號');
  await dialog.getByRole('button', { name: zh.staffAccounts.editSubmit }).click();
  await expect(page.getByText(zh.staffAccounts.unchanged)).toBeVisible();

  // The backup schedule.
  await openScreen(page, zh.nav.backups);
  const backups = page.getByRole('form', { name: zh.backups.settings.title });
  await backups.getByLabel(zh.backups.settings.intervalHours).fill('12');
  const overview = await api<{ settings: { version: number } }>(page, 'backups.overview', {});
  await api(page, 'backups.updateSettings', { expectedVersion: overview.settings.version, destination: null, intervalHours: 6, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });
  await backups.getByRole('button', { name: zh.backups.settings.save }).click();
  await expectRefusal(backups, ADMIN.name);
  await expect(backups.getByLabel(zh.backups.settings.intervalHours)).toHaveValue('12');
  await shot(page, '03-backups');
  await backups.getByTestId('reload-latest').click();
  await expect(backups.getByLabel(zh.backups.settings.intervalHours)).toHaveValue('6');

  // A template draft: the editor opened on the published version, and a draft was saved meanwhile.
  const C = zh.catalogue;
  await nav(page).getByRole('button', { name: zh.nav.catalogue }).click();
  await page.getByRole('button', { name: '肉毒桿菌素注射' }).click();
  await page.getByRole('tab', { name: C.tabs.templates }).click();
  await page.getByTestId('template-version').first().getByRole('button', { name: C.templates.newDraftFrom }).click();
  const editor = page.getByRole('form', { name: C.content.newDraftTitle.replace('{{locale}}', C.locales['zh-TW']) });
  await editor.getByLabel(C.content.title).fill('肉毒桿菌素注射說明書（前台修訂）');
  const procedure = (await api<{ id: string; nameZh: string }[]>(page, 'procedures.list', {})).find((p) => p.nameZh === '肉毒桿菌素注射')!;
  const published = await api<{ content: Record<string, unknown> }>(page, 'templates.current', { procedureId: procedure.id, locale: 'zh-TW' });
  await api(page, 'templates.saveDraft', { procedureId: procedure.id, locale: 'zh-TW', expectedDraft: null, content: { ...published.content, title: '肉毒桿菌素注射說明書（辦公室修訂）' } });
  await editor.getByRole('button', { name: C.content.saveDraft }).click();
  await expectRefusal(editor, ADMIN.name);
  await expect(editor.getByLabel(C.content.title)).toHaveValue('肉毒桿菌素注射說明書（前台修訂）');
  await shot(page, '04-template-draft');
  await editor.getByTestId('reload-latest').click();
  const draftEditor = page.getByRole('form', { name: C.content.editingTitle.replace('{{locale}}', C.locales['zh-TW']).replace('{{version}}', '2') });
  await expect(draftEditor.getByLabel(C.content.title)).toHaveValue('肉毒桿菌素注射說明書（辦公室修訂）');
});

test('a follow-up visit and a complaint: a stale take, outcome or owner keeps what was chosen and Reload shows the other save', async ({ page, host }) => {
  test.setTimeout(180_000);
  const clinic = await treatedSevenDaysAgo(host.configDir);
  await page.goto(host.url);
  await signIn(page, clinic.nurse.name, clinic.nurse.password);
  await nav(page).getByRole('button', { name: a.nav.followUps }).click();
  await page.getByTestId('worklist-due-today').getByRole('button', { name: clinic.patientName }).click();
  await expect(page.getByTestId('follow-up-visit')).toBeVisible();
  const team = await api<{ id: string; name: string }[]>(page, 'team.list', {});
  const idOf = (name: string) => team.find((m) => m.name === name)!.id;
  const visitId = (await api<{ dueToday: { id: string; patientName: string }[] }>(page, 'followUps.worklist', { scope: 'mine', upcomingDays: 14 })).dueToday.find(
    (v) => v.patientName === clinic.patientName,
  )!.id;

  // Taking the visit, which was taken meanwhile.
  const version = async () => (await api<{ version: number }>(page, 'followUps.get', { visitId })).version;
  await api(page, 'followUps.assign', { visitId, expectedVersion: await version(), staffId: idOf(clinic.nurse.name) });
  await page.getByRole('button', { name: a.followUp.take }).click();
  await expectRefusal(page.locator('.ac-head__side'), clinic.nurse.name);
  await shot(page, '05-take-visit');
  await page.getByTestId('reload-latest').click();
  await expect(page.getByRole('button', { name: a.followUp.take })).toHaveCount(0);
  await expect(page.getByText(a.followUp.assignedTo.replace('{{name}}', clinic.nurse.name))).toBeVisible();

  // The outcome, recorded meanwhile at another seat after the same call.
  const log = page.getByTestId('attempt-log');
  await log.getByRole('radio', { name: a.attemptResults.reached, exact: true }).check();
  await log.getByRole('button', { name: a.attempts.save }).click();
  await expect(log.locator('.ac-attempt')).toHaveCount(1);
  const outcome = page.getByTestId('outcome-form');
  await answerOutcome(outcome, { pain: 3, satisfaction: 4 });
  await outcome.getByLabel(a.outcome.notes).fill('腫脹已消，病人滿意。');
  await api(page, 'followUps.recordOutcome', {
    visitId,
    expectedVersion: await version(),
    pain: 1,
    swelling: 'none',
    bruising: 'none',
    bleeding: 'none',
    infectionSigns: false,
    fever: false,
    numbness: false,
    asymmetry: false,
    visionChange: false,
    skinColourChange: false,
    satisfaction: 5,
    notes: '另一位護理師記錄：恢復良好。',
    complication: null,
  });
  await outcome.getByRole('button', { name: a.outcome.save }).click();
  await expectRefusal(outcome, clinic.nurse.name);
  await expect(outcome.getByLabel(a.outcome.notes)).toHaveValue('腫脹已消，病人滿意。');
  await shot(page, '06-outcome');
  await outcome.getByTestId('reload-latest').click();
  await expect(page.getByTestId('outcome-view')).toContainText('另一位護理師記錄：恢復良好。');
  await expect(page.getByTestId('outcome-form')).toHaveCount(0);

  // A complaint's owner, given meanwhile by another administrator.
  await page.getByRole('button', { name: zh.shell.signOut }).click();
  await signIn(page, clinic.admin.name, clinic.admin.password);
  const complaint = await api<{ id: string; refNo: string; version: number }>(page, 'complaints.intake', {
    complainantName: '王先生',
    channel: 'phone',
    category: 'communication_service',
    severity: 'low',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    patientSays: '候診超過一小時',
    patientWants: '希望改善預約安排',
  });
  await nav(page).getByRole('button', { name: a.nav.complaints }).click();
  await page.getByRole('button', { name: complaint.refNo }).click();
  const assign = page.getByRole('form', { name: a.complaints.assign });
  await assign.getByLabel(a.complaints.owner).selectOption({ label: `${clinic.consultant.name}（${zh.roles.consultant}）` });
  await api(page, 'complaints.assign', { complaintId: complaint.id, expectedVersion: complaint.version, ownerId: idOf(clinic.nurse.name) });
  await assign.getByRole('button', { name: a.complaints.assign }).click();
  await expectRefusal(assign, clinic.admin.name);
  await expect(assign.getByLabel(a.complaints.owner)).toHaveValue(idOf(clinic.consultant.name));
  await shot(page, '07-complaint-owner');
  await assign.getByTestId('reload-latest').click();
  await expect(assign.getByLabel(a.complaints.owner)).toHaveValue(idOf(clinic.nurse.name));
  await expect(page.getByTestId('complaint-detail')).toContainText(a.complaints.ownerIs.replace('{{name}}', clinic.nurse.name));
});
