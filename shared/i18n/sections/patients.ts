import type { Widen } from '../widen';

/** Patients: strings in zh-TW (default) and en side by side, so neither can fall behind. */
export const patientsZhTW = {
  title: '病人',
} as const;

export const patientsEn: Widen<typeof patientsZhTW> = {
  title: 'Patients',
};
