import type { Page } from '@playwright/test';
import { messages } from '../../shared/i18n';
import { callFromPage, expect, test } from './fixtures';
import { ADMIN, checkLayoutAndShoot, nav, setUpVault, signIn, signInFirstTime, zh } from './helpers';

/**
 * Patients journey in Traditional Chinese: a consultant registers a patient (with a field error on a bad ID),
 * finds patients by part of a name and by phone, edits the record (revision and a concurrent-edit conflict),
 * logs a communication with an attachment and appends a correction, and starts a consultation.
 * With SHOTS_DIR set, every screen is saved as a PNG.
 */
const CONSULTANT = { name: '陳怡君', password: 'Consult-Pass-2024' };
const PHYSICIAN = { name: '張醫師', password: 'Doctor-Pass-2024', licenceNo: '醫字第012345號', specialty: '整形外科' };
const P = zh.patients;
/** A locale key shown instead of its text. */
const RAW_KEY = /\b(patients|communications|catalogue|validation|errors)\.[a-zA-Z_]+/;

const shot = (page: Page, name: string) => checkLayoutAndShoot(page, 'patients', name);

async function addStaff(page: Page, who: { name: string; password: string }, role: 'consultant' | 'physician', extra?: { licenceNo: string; specialty: string }) {
  await page.getByRole('button', { name: zh.staff.add }).click();
  const form = page.getByRole('form', { name: zh.staff.addTitle });
  await form.getByLabel(zh.staff.name, { exact: true }).fill(who.name);
  await form.getByLabel(zh.staff.role).selectOption(role);
  if (extra) {
    await form.getByLabel(zh.staff.licenceNo).fill(extra.licenceNo);
    await form.getByLabel(zh.staff.specialty).fill(extra.specialty);
  }
  await form.getByLabel(zh.staff.initialPassword).fill(who.password);
  await form.getByLabel(zh.staff.confirmPassword).fill(who.password);
  await form.getByRole('button', { name: zh.staff.submitAdd }).click();
  await expect(page.getByTestId('staff-row').filter({ hasText: who.name })).toBeVisible();
}

async function search(page: Page, text: string) {
  await nav(page).getByRole('button', { name: zh.nav.patients }).click();
  const box = page.getByLabel(P.searchLabel);
  await box.fill(text);
  return box;
}

test('a consultant registers, finds and edits a patient, and logs communications', async ({ page, host }) => {
  await page.goto(host.url);
  await setUpVault(page, host.configDir);
  await signIn(page, ADMIN.name, ADMIN.password);
  await nav(page).getByRole('button', { name: zh.nav.staff }).click();
  await addStaff(page, CONSULTANT, 'consultant');
  await addStaff(page, PHYSICIAN, 'physician', PHYSICIAN);
  await page.getByRole('button', { name: zh.shell.signOut }).click();
  await signInFirstTime(page, CONSULTANT.name, CONSULTANT.password, 'Own-Consult-Pass-88');

  // The catalogue is the administrator's; patients are everyone's.
  await expect(nav(page).getByRole('button', { name: zh.nav.catalogue })).toHaveCount(0);
  await nav(page).getByRole('button', { name: zh.nav.patients }).click();
  await expect(page.getByText(P.noPatients)).toBeVisible();
  await shot(page, '01-empty-search');

  // New patient: a bad ID is refused beside its field; a minor's date of birth asks for a guardian.
  await page.getByRole('button', { name: P.add }).click();
  const form = page.getByRole('form', { name: P.addTitle });
  await form.getByLabel(P.fields.chartNo).fill('P-0001');
  await form.getByLabel(P.fields.nameZh).fill('林小美');
  await form.getByLabel(P.fields.nameEn).fill('Lin Hsiao-Mei');
  await form.getByLabel(P.fields.sex).selectOption('female');
  await form.getByLabel(P.fields.birthDate).fill('2012-05-01');
  await expect(page.getByTestId('guardian-section')).toBeVisible();
  await expect(page.getByTestId('guardian-section')).toContainText(P.form.guardianRequired);
  await form.getByLabel(P.fields.nationalId).fill('A123456788');
  await form.getByLabel(P.fields.phone).fill('0912-345-678');
  await form.getByLabel(P.riskMedications.anticoagulant).check();
  await form.getByLabel(P.fields.allergies).fill('Lidocaine 過敏（起紅疹）');
  await form.getByRole('button', { name: P.form.submitCreate }).click();
  await expect(form.getByText(zh.validation.taiwanId)).toBeVisible();
  await expect(page.getByTestId('guardian-section').getByText(zh.validation.required).first()).toBeVisible();
  await shot(page, '02-new-patient-errors');

  await form.getByLabel(P.fields.nationalId).fill('A123456789');
  await form.getByLabel(P.fields.birthDate).fill('1994-03-02');
  await expect(page.getByTestId('guardian-section')).toBeHidden();
  await expect(page.getByTestId('birth-date-age')).toBeVisible();
  await shot(page, '03-new-patient-filled');
  await form.getByLabel(P.fields.medicalHistory, { exact: true }).scrollIntoViewIfNeeded();
  await shot(page, '03b-new-patient-medical');
  await form.getByRole('button', { name: P.form.submitCreate }).click();

  const header = page.getByTestId('patient-header');
  await expect(header.getByRole('heading', { name: '林小美' })).toBeVisible();
  await expect(page.getByTestId('risk-flags')).toContainText(P.flags.anticoagulant);
  await shot(page, '04-patient-page');

  // A second patient (through the channel), so that searching has something to tell apart.
  const other = await callFromPage(page, 'patients.create', {
    chartNo: 'P-0002', nameZh: '林大同', sex: 'male', birthDate: '1980-11-20', phone: '0922-111-222',
  });
  expect(other.ok).toBe(true);

  // Search by two characters of a name, and by phone; Enter opens the first result.
  await search(page, '小美');
  const rows = page.getByTestId('patient-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('林小美');
  await expect(rows.first()).toContainText('P-0001');
  await shot(page, '05-search-name');
  const box = await search(page, '0922111222');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('林大同');
  await box.press('Enter');
  await expect(page.getByTestId('patient-header').getByRole('heading', { name: '林大同' })).toBeVisible();

  // Edit: the change is saved as a new version and listed with who changed what.
  await (await search(page, '林小')).press('Enter');
  await expect(header.getByRole('heading', { name: '林小美' })).toBeVisible();
  await page.getByRole('button', { name: P.page.edit }).click();
  const edit = page.getByRole('form', { name: P.page.edit });
  await edit.getByLabel(P.fields.phone).fill('0912-000-111');
  await edit.getByLabel(P.fields.smoking).selectOption('current');
  await shot(page, '06-edit');
  await edit.getByRole('button', { name: P.form.submitSave }).click();
  await expect(page.getByText(P.page.saved.replace('{{version}}', '2'))).toBeVisible();
  await expect(page.getByTestId('risk-flags')).toContainText(P.flags.smoking);
  await shot(page, '07-record');
  await page.getByRole('tab', { name: P.page.tabs.history }).click();
  const revision = page.getByTestId('revision').first();
  await expect(revision).toContainText(CONSULTANT.name);
  await expect(revision).toContainText(P.fields.phone);
  await expect(revision).toContainText('0912-345-678');
  await expect(revision).toContainText('0912-000-111');
  await expect(revision).toContainText(P.smoking.current);
  await shot(page, '08-history');

  // Someone else saves while this form is open: nothing is overwritten, and the latest record can be loaded.
  await page.getByRole('button', { name: P.page.edit }).click();
  const ids = await callFromPage(page, 'patients.search', { query: 'P-0001', limit: 1 });
  const id = (ids.value as { id: string }[])[0]?.id ?? '';
  const current = await callFromPage(page, 'patients.get', { patientId: id });
  const patient = (current.value as { patient: { version: number } }).patient;
  const meanwhile = await callFromPage(page, 'patients.update', {
    patientId: id,
    expectedVersion: patient.version,
    fields: { chartNo: 'P-0001', nameZh: '林小美', nameEn: 'Lin Hsiao-Mei', sex: 'female', birthDate: '1994-03-02', nationalId: 'A123456789', phone: '0912-000-111', riskMedications: ['anticoagulant'], allergies: 'Lidocaine 過敏（起紅疹）', smoking: 'current', lineId: 'hsiaomei' },
  });
  expect(meanwhile.ok).toBe(true);
  await edit.getByLabel(P.fields.email).fill('mei@example.tw');
  await edit.getByRole('button', { name: P.form.submitSave }).click();
  await expect(page.getByTestId('edit-conflict')).toContainText(P.page.conflictTitle);
  await shot(page, '09-conflict');
  await page.getByRole('button', { name: P.page.reloadLatest }).click();
  await expect(edit.getByLabel(P.fields.lineId)).toHaveValue('hsiaomei');
  await page.getByRole('button', { name: P.page.cancelEdit }).click();

  // Communications: log one with an attachment, then append a correction; the original stays as it was.
  await page.getByRole('tab', { name: P.page.tabs.communications }).click();
  await page.getByRole('button', { name: zh.communications.log }).click();
  const log = page.getByRole('form', { name: zh.communications.logTitle });
  await log.getByRole('radio', { name: zh.communications.channels.line, exact: true }).check();
  await log.getByLabel(zh.communications.occurredAt).fill('2099-01-01T10:00');
  await log.getByLabel(zh.communications.summary).fill('病人詢問施打後瘀青多久會消，已說明約一至兩週並提醒冰敷。');
  await log.getByRole('button', { name: zh.communications.submit }).click();
  await expect(log.getByText(zh.communications.futureTime)).toBeVisible();
  await log.getByLabel(zh.communications.occurredAt).fill('2025-06-01T14:30');
  await log.getByLabel(zh.communications.attachment).setInputFiles({
    name: 'line-對話.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('病人：請問瘀青多久會消？\n診所：約一至兩週，前兩天請冰敷。\n', 'utf8'),
  });
  await expect(page.getByTestId('attachment-name')).toContainText('line-對話.txt');
  await shot(page, '10-log-communication');
  await log.getByRole('button', { name: zh.communications.submit }).click();
  const entry = page.getByTestId('communication').first();
  await expect(entry).toContainText('瘀青多久會消');
  await expect(entry).toContainText(zh.communications.channels.line);
  await expect(page.getByText(zh.communications.saved)).toBeVisible();

  await entry.getByRole('button', { name: zh.communications.addCorrection }).click();
  const dialog = page.getByTestId('correction-dialog');
  await expect(dialog).toContainText('瘀青多久會消');
  await dialog.getByLabel(zh.communications.correctionText).fill('更正：溝通管道為電話後再以 LINE 傳送照護說明。');
  await shot(page, '11-correction-dialog');
  await dialog.getByRole('button', { name: zh.communications.correctionSubmit }).click();
  await expect(entry.getByTestId('correction')).toContainText('更正：溝通管道為電話');
  await expect(entry).toContainText('病人詢問施打後瘀青多久會消');
  await shot(page, '12-communications');

  await entry.getByRole('button', { name: zh.communications.openAttachment }).click();
  const preview = page.getByTestId('attachment-dialog');
  await expect(preview).toContainText('前兩天請冰敷');
  await shot(page, '13-attachment');
  await preview.getByRole('button', { name: zh.communications.close }).click();

  // Start a consultation: procedure and operating physician (with specialty), then the consultation opens.
  await page.getByRole('button', { name: P.consultations.start }).first().click();
  const start = page.getByTestId('start-consultation-dialog');
  await expect(start.getByLabel(P.startDialog.physician)).toContainText(PHYSICIAN.specialty);
  await start.getByLabel(P.startDialog.procedure).selectOption({ label: '肉毒桿菌素注射' });
  await start.getByLabel(P.startDialog.physician).selectOption({ label: `${PHYSICIAN.name}（${PHYSICIAN.specialty}）` });
  await shot(page, '14-start-consultation');
  await start.getByRole('button', { name: P.startDialog.submit }).click();
  await expect(start).toBeHidden();

  await (await search(page, 'P-0001')).press('Enter');
  const consultation = page.getByTestId('consultation-row').first();
  await expect(consultation).toContainText('肉毒桿菌素注射');
  await expect(consultation).toContainText(P.consultations.statuses.draft);
  await expect(consultation).toContainText(PHYSICIAN.name);
  await shot(page, '15-consultations');
  await page.getByRole('tab', { name: P.page.tabs.timeline }).click();
  await expect(page.getByTestId('timeline')).toContainText(P.timeline.kinds.communication);
  await expect(page.getByTestId('timeline')).toContainText(P.timeline.kinds.patient_updated);
  await shot(page, '16-timeline');
  await page.getByRole('tab', { name: P.page.tabs.record }).click();
  await expect(page.getByTestId('patient-record')).toContainText('hsiaomei');
  await shot(page, '17-record-after');

  // The same screens in English: every string translated, nothing left as a raw key.
  await page.getByTestId('language-toggle').click();
  const en = messages.en.patients;
  for (const [tab, name] of [
    [en.page.tabs.consultations, '18-en-consultations'],
    [en.page.tabs.communications, '19-en-communications'],
    [en.page.tabs.timeline, '20-en-timeline'],
    [en.page.tabs.history, '21-en-history'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('main')).not.toContainText(RAW_KEY);
    await shot(page, name);
  }
  await page.getByRole('button', { name: en.page.edit }).click();
  await shot(page, '22-en-edit');
  await page.getByRole('navigation', { name: messages.en.shell.navLabel }).getByRole('button', { name: messages.en.nav.patients }).click();
  await expect(page.getByTestId('patient-row')).toHaveCount(2);
  await expect(page.getByRole('main')).not.toContainText(RAW_KEY);
  await shot(page, '23-en-list');
});
