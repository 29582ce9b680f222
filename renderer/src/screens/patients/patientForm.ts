import { isMinorOn, isRealDate } from '../../../../shared/dates';
import type { FieldIssue } from '../../../../shared/errors';
import type { Locale } from '../../../../shared/schemas/common';
import type {
  Patient,
  PatientFieldsInput,
  PregnancyStatus,
  RiskMedication,
  Sex,
  SmokingStatus,
} from '../../../../shared/schemas/patient';
import type { z } from 'zod';
import type { Rename } from './nestedForm';

type Pregnancy = z.infer<typeof PregnancyStatus>;
type Smoking = z.infer<typeof SmokingStatus>;

/** What the patient form holds: every field as typed (strings), groups as nested objects. */
export interface PatientFormValues {
  chartNo: string;
  nameZh: string;
  nameEn: string;
  /** '' until chosen: sex is never assumed. */
  sex: z.infer<typeof Sex> | '';
  birthDate: string;
  nationalId: string;
  phone: string;
  email: string;
  lineId: string;
  address: string;
  emergencyContact: { name: string; relation: string; phone: string };
  allergies: string;
  riskMedications: RiskMedication[];
  medications: string;
  medicalHistory: string;
  priorProcedures: string;
  pregnancy: Pregnancy;
  smoking: Smoking;
  keloidHistory: boolean;
  guardian: { name: string; relation: string; nationalId: string; phone: string };
  preferredLocale: Locale;
}

export const EMPTY_PATIENT: PatientFormValues = {
  chartNo: '',
  nameZh: '',
  nameEn: '',
  sex: '',
  birthDate: '',
  nationalId: '',
  phone: '',
  email: '',
  lineId: '',
  address: '',
  emergencyContact: { name: '', relation: '', phone: '' },
  allergies: '',
  riskMedications: [],
  medications: '',
  medicalHistory: '',
  priorProcedures: '',
  pregnancy: 'unknown',
  smoking: 'never',
  keloidHistory: false,
  guardian: { name: '', relation: '', nationalId: '', phone: '' },
  preferredLocale: 'zh-TW',
};

export function fromPatient(p: Patient): PatientFormValues {
  return {
    chartNo: p.chartNo,
    nameZh: p.nameZh,
    nameEn: p.nameEn ?? '',
    sex: p.sex,
    birthDate: p.birthDate,
    nationalId: p.nationalId ?? '',
    phone: p.phone,
    email: p.email ?? '',
    lineId: p.lineId ?? '',
    address: p.address ?? '',
    emergencyContact: p.emergencyContact ?? { name: '', relation: '', phone: '' },
    allergies: p.allergies ?? '',
    riskMedications: [...p.riskMedications],
    medications: p.medications ?? '',
    medicalHistory: p.medicalHistory ?? '',
    priorProcedures: p.priorProcedures ?? '',
    pregnancy: p.pregnancy,
    smoking: p.smoking,
    keloidHistory: p.keloidHistory,
    guardian: p.guardian ?? { name: '', relation: '', nationalId: '', phone: '' },
    preferredLocale: p.preferredLocale,
  };
}

/** A minor (by the date of birth, on the clinic's today) needs a guardian; an adult's recorded one may stay or go. */
export type GuardianMode = 'required' | 'optional' | 'hidden';

export function isMinorBirthDate(birthDate: string, today: string): boolean {
  return isRealDate(birthDate) && birthDate <= today && isMinorOn(birthDate, today);
}

export function guardianMode(v: Pick<PatientFormValues, 'birthDate' | 'guardian'>, today: string): GuardianMode {
  if (isMinorBirthDate(v.birthDate, today)) return 'required';
  return Object.values(v.guardian).some((s) => s.trim()) ? 'optional' : 'hidden';
}

const optional = (s: string) => (s.trim() ? s : undefined);
const allBlank = (o: Record<string, string>) => Object.values(o).every((s) => !s.trim());

/** The channel's `PatientFields` from the form: blank optional boxes are left out, groups only when filled in. */
export function toPatientFields(v: PatientFormValues, today: string): PatientFieldsInput {
  const mode = guardianMode(v, today);
  return {
    chartNo: v.chartNo,
    nameZh: v.nameZh,
    nameEn: optional(v.nameEn),
    // '' fails the schema; patientFormChecks names it as "required".
    sex: v.sex as z.infer<typeof Sex>,
    birthDate: v.birthDate,
    nationalId: optional(v.nationalId),
    phone: v.phone,
    email: optional(v.email),
    lineId: optional(v.lineId),
    address: optional(v.address),
    emergencyContact: allBlank(v.emergencyContact) ? undefined : v.emergencyContact,
    allergies: optional(v.allergies),
    riskMedications: v.riskMedications,
    medications: optional(v.medications),
    medicalHistory: optional(v.medicalHistory),
    priorProcedures: optional(v.priorProcedures),
    pregnancy: v.pregnancy,
    smoking: v.smoking,
    keloidHistory: v.keloidHistory,
    guardian: mode === 'required' || (mode === 'optional' && !allBlank(v.guardian)) ? v.guardian : undefined,
    preferredLocale: v.preferredLocale,
  };
}

/** Checks the schema cannot word as well: a missing choice or date is "required", not "invalid". */
export function patientFormChecks(today: string) {
  return (v: PatientFormValues): FieldIssue[] => {
    const issues: FieldIssue[] = [];
    if (!v.sex) issues.push({ path: ['sex'], messageKey: 'validation.required' });
    if (!v.birthDate.trim()) issues.push({ path: ['birthDate'], messageKey: 'validation.required' });
    if (guardianMode(v, today) === 'required') {
      for (const key of ['name', 'relation', 'nationalId', 'phone'] as const) {
        if (!v.guardian[key].trim()) issues.push({ path: ['guardian', key], messageKey: 'validation.required' });
      }
    }
    return issues;
  };
}

/** Every control of the form, in reading order (server issues for anything else go to the form-level message). */
export const PATIENT_FIELD_NAMES = [
  'chartNo',
  'nameZh',
  'nameEn',
  'sex',
  'birthDate',
  'nationalId',
  'phone',
  'email',
  'lineId',
  'address',
  'emergencyContact.name',
  'emergencyContact.relation',
  'emergencyContact.phone',
  'guardian.name',
  'guardian.relation',
  'guardian.nationalId',
  'guardian.phone',
  'allergies',
  'riskMedications',
  'medications',
  'medicalHistory',
  'priorProcedures',
  'pregnancy',
  'smoking',
  'keloidHistory',
  'preferredLocale',
] as const;

/**
 * Issue paths into the form: patients.update nests the fields under `fields`, and a problem with one ticked
 * medicine belongs to the whole list.
 */
export const patientRename: Rename = (path) => {
  const p = path[0] === 'fields' ? path.slice(1) : path;
  return p[0] === 'riskMedications' ? ['riskMedications'] : p;
};
