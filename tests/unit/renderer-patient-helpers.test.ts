import { describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import type { ApiError } from '../../shared/errors';
import type { Patient } from '../../shared/schemas/patient';
import { formatCalendarDate, toWallTime, wallTimeToIso } from '../../renderer/src/clinicTime';
import { formatBytes } from '../../renderer/src/files';
import { attachmentMime, attachmentProblem, safeFileName } from '../../renderer/src/screens/communications/attachments';
import { logFormChecks, logRename, toLogInput, type LogForm } from '../../renderer/src/screens/communications/commForm';
import { nestedResolver, placeIssue, placeServerError } from '../../renderer/src/screens/patients/nestedForm';
import {
  EMPTY_PATIENT,
  fromPatient,
  guardianMode,
  patientFormChecks,
  patientRename,
  toPatientFields,
  type PatientFormValues,
} from '../../renderer/src/screens/patients/patientForm';
import { formatRevisionValue } from '../../renderer/src/screens/patients/revisionFormat';
import { riskFlags } from '../../renderer/src/screens/patients/riskFlags';

const TODAY = '2026-03-10';
const ADULT: PatientFormValues = {
  ...EMPTY_PATIENT,
  chartNo: 'P-0001',
  nameZh: '林小美',
  sex: 'female',
  birthDate: '1994-03-02',
  phone: '0912-345-678',
};
const resolve = (v: PatientFormValues) =>
  nestedResolver(api['patients.create'].input, (x: PatientFormValues) => toPatientFields(x, TODAY), {
    rename: patientRename,
    extra: patientFormChecks(TODAY),
  })(v, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('clinic time', () => {
  it('reads and writes datetime-local values in the clinic zone, not the computer’s', () => {
    expect(wallTimeToIso('2026-03-10T09:30', 'Asia/Taipei')).toBe('2026-03-10T01:30:00.000Z');
    expect(toWallTime('2026-03-10T01:30:00.000Z', 'Asia/Taipei')).toBe('2026-03-10T09:30');
    // Across midnight: still the 9th in UTC, already the 10th in Taipei.
    expect(toWallTime('2026-03-09T17:05:00.000Z', 'Asia/Taipei')).toBe('2026-03-10T01:05');
  });

  it('handles a daylight-saving zone on both sides of the change', () => {
    expect(wallTimeToIso('2026-07-01T12:00', 'Europe/London')).toBe('2026-07-01T11:00:00.000Z');
    expect(wallTimeToIso('2026-01-15T12:00', 'Europe/London')).toBe('2026-01-15T12:00:00.000Z');
    expect(toWallTime(wallTimeToIso('2026-03-29T03:30', 'Europe/London') ?? '', 'Europe/London')).toBe('2026-03-29T03:30');
  });

  it('refuses malformed values and formats dates and sizes for people', () => {
    expect(wallTimeToIso('', 'Asia/Taipei')).toBeNull();
    expect(wallTimeToIso('2026-03-10 09:30', 'Asia/Taipei')).toBeNull();
    expect(formatCalendarDate('1994-03-02', 'zh-TW')).toBe('1994/03/02');
    expect(formatCalendarDate('1994-03-02', 'en')).toBe('2 Mar 1994');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(34 * 1024)).toBe('34 KB');
    expect(formatBytes(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });
});

describe('patient form', () => {
  it('sends blank optional boxes as absent and passes the contract', async () => {
    const fields = toPatientFields(ADULT, TODAY);
    expect(fields.email).toBeUndefined();
    expect(fields.nationalId).toBeUndefined();
    expect(fields.emergencyContact).toBeUndefined();
    expect(fields.guardian).toBeUndefined();
    expect(api['patients.create'].input.safeParse(fields).success).toBe(true);
    expect((await resolve(ADULT)).errors).toEqual({});
  });

  it('asks for a guardian when the date of birth makes the patient a minor on the clinic’s today', async () => {
    expect(guardianMode({ birthDate: '2008-03-11', guardian: EMPTY_PATIENT.guardian }, TODAY)).toBe('required');
    expect(guardianMode({ birthDate: '2008-03-10', guardian: EMPTY_PATIENT.guardian }, TODAY)).toBe('hidden');
    expect(guardianMode({ birthDate: '1990-01-01', guardian: { ...EMPTY_PATIENT.guardian, name: '林媽媽' } }, TODAY)).toBe('optional');
    const r = await resolve({ ...ADULT, birthDate: '2012-05-01' });
    expect(r.errors).toMatchObject({
      guardian: { name: { message: 'validation.required' }, nationalId: { message: 'validation.required' } },
    });
  });

  it('places nested schema messages beside their boxes and names a missing choice as required', async () => {
    const r = await resolve({
      ...ADULT,
      sex: '',
      nationalId: 'A123456788',
      emergencyContact: { name: '林先生', relation: '', phone: '' },
    });
    expect(r.errors).toMatchObject({
      sex: { message: 'validation.required' },
      nationalId: { message: 'validation.taiwanId' },
      emergencyContact: { relation: { message: 'validation.required' }, phone: { message: 'validation.phone' } },
    });
  });

  it('round-trips a saved patient and maps update issues (under `fields`) onto the form', () => {
    const saved: Patient = {
      ...toPatientFields(ADULT, TODAY),
      id: '6f1f3c2e-8a51-4bd3-9d77-0c2b1f9b3a10',
      nameEn: null, nationalId: null, email: null, lineId: null, address: null, emergencyContact: null,
      allergies: null, medications: null, medicalHistory: null, priorProcedures: null, guardian: null,
      riskMedications: ['isotretinoin'], pregnancy: 'none', smoking: 'never', keloidHistory: false, preferredLocale: 'zh-TW',
      sex: 'female', version: 3, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', age: 32, isMinor: false,
    };
    expect(fromPatient(saved)).toMatchObject({ nameEn: '', riskMedications: ['isotretinoin'], guardian: { name: '' } });
    const values = fromPatient(saved);
    expect(placeIssue(['fields', 'guardian', 'phone'], values, patientRename)).toBe('guardian.phone');
    expect(placeIssue(['riskMedications', 1], values, patientRename)).toBe('riskMedications');
    expect(placeIssue(['somethingElse'], values, patientRename)).toBeNull();

    const setError = vi.fn();
    const clash: ApiError = { code: 'conflict', messageKey: 'errors.nationalIdTaken', issues: [{ path: ['nationalId'], messageKey: 'errors.nationalIdTaken' }] };
    expect(placeServerError(clash, values, setError, patientRename)).toBeNull();
    expect(setError).toHaveBeenCalledWith('nationalId', { type: 'server', message: 'errors.nationalIdTaken' }, { shouldFocus: true });
    const stale: ApiError = { code: 'conflict', messageKey: 'errors.patientChangedMeanwhile' };
    expect(placeServerError(stale, values, setError, patientRename)).toEqual(stale);
  });
});

describe('risk flags', () => {
  it('puts what stops a treatment first and shortens a long allergy note', () => {
    const flags = riskFlags({
      isMinor: true,
      riskMedications: ['anticoagulant'],
      pregnancy: 'pregnant',
      smoking: 'current',
      keloidHistory: true,
      allergies: 'Lidocaine、盤尼西林、乳膠手套、碘酒、阿斯匹靈、海鮮與花生',
    });
    expect(flags.map((f) => f.key)).toEqual(['pregnant', 'anticoagulant', 'keloid', 'minor', 'smoking', 'allergies']);
    expect(flags.at(-1)?.params?.text.endsWith('…')).toBe(true);
    expect(riskFlags({ isMinor: false, riskMedications: [], pregnancy: 'none', smoking: 'former', keloidHistory: false, allergies: ' ' })).toEqual([]);
  });
});

describe('revision values in words', () => {
  const tr = (key: string) => `<${key}>`;
  it('translates codes, lists, booleans, blanks and contacts', () => {
    expect(formatRevisionValue('smoking', 'current', tr, 'zh-TW')).toBe('<patients.smoking.current>');
    expect(formatRevisionValue('preferredLocale', 'en', tr, 'zh-TW')).toBe('<patients.locales.en>');
    expect(formatRevisionValue('riskMedications', ['anticoagulant', 'isotretinoin'], tr, 'en')).toBe('<patients.flags.anticoagulant> and <patients.flags.isotretinoin>');
    expect(formatRevisionValue('keloidHistory', true, tr, 'zh-TW')).toBe('<patients.yes>');
    expect(formatRevisionValue('email', null, tr, 'zh-TW')).toBe('<patients.empty>');
    expect(formatRevisionValue('birthDate', '1994-03-02', tr, 'zh-TW')).toBe('1994/03/02');
    expect(formatRevisionValue('guardian', { name: '林媽媽', relation: '母親', nationalId: 'A223456781', phone: '0912-000-000' }, tr, 'zh-TW')).toBe(
      '林媽媽 (母親) · A223456781 · 0912-000-000',
    );
  });
});

describe('communication form', () => {
  const form: LogForm = { channel: 'line', direction: 'inbound', occurredAt: '2026-03-10T09:30', summary: '詢問術後照護', consultationId: '', attachmentName: '' };
  const patientId = '6f1f3c2e-8a51-4bd3-9d77-0c2b1f9b3a10';

  it('sends the time as a UTC instant and leaves out what was not chosen', () => {
    const input = toLogInput(form, patientId, 'Asia/Taipei', null);
    expect(input).toMatchObject({ occurredAt: '2026-03-10T01:30:00.000Z', channel: 'line' });
    expect(input.consultationId).toBeUndefined();
    expect(input.attachment).toBeUndefined();
    expect(api['communications.log'].input.safeParse(input).success).toBe(true);
  });

  it('refuses a time later than now (with the main process’s few minutes of slack) and a blank time', () => {
    const now = () => Date.parse('2026-03-10T01:28:00.000Z');
    expect(logFormChecks('Asia/Taipei', now)(form)).toEqual([]);
    expect(logFormChecks('Asia/Taipei', now)({ ...form, occurredAt: '2026-03-10T09:45' })).toEqual([
      { path: ['occurredAt'], messageKey: 'communications.futureTime' },
    ]);
    expect(logFormChecks('Asia/Taipei', now)({ ...form, occurredAt: '' })[0]?.messageKey).toBe('validation.required');
    expect(logRename(['attachment', 'dataBase64'])).toEqual(['attachmentName']);
  });

  it('accepts only the attachment types the contract allows, up to 10 MB', () => {
    expect(attachmentMime({ name: 'scan.PDF', type: '' })).toBe('application/pdf');
    expect(attachmentMime({ name: 'a.png', type: 'image/png' })).toBe('image/png');
    expect(attachmentMime({ name: 'a.heic', type: 'image/heic' })).toBeNull();
    expect(attachmentProblem({ name: 'a.txt', type: 'text/plain', size: 11 * 1024 * 1024 })).toBe('communications.fileTooLarge');
    expect(attachmentProblem({ name: 'a.docx', type: 'application/msword', size: 10 })).toBe('communications.fileType');
    expect(attachmentProblem({ name: 'a.jpg', type: 'image/jpeg', size: 2048 })).toBeNull();
    expect(safeFileName('C:\\Users\\櫃台\\對話\n紀錄.txt')).toBe('對話 紀錄.txt');
  });
});
