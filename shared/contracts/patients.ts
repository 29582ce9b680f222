import { z } from 'zod';
import { Empty, Id } from '../schemas/common';
import { Patient, PatientDetail, PatientFields, PatientSearch, PatientSummary } from '../schemas/patient';
import { ALL_STAFF, type Channel } from './channel';

/** The patients channels: what each takes, returns and who may call it. */
export const patientsChannels = {
  'patients.search': { input: PatientSearch, output: z.array(PatientSummary), access: ALL_STAFF },
  'patients.get': { input: z.object({ patientId: Id }).strict(), output: PatientDetail, access: ALL_STAFF },
  'patients.create': { input: PatientFields, output: Patient, access: ALL_STAFF },
  /** The next free chart number in the clinic's numbering, offered (editable) by the new-patient form. */
  'patients.nextChartNo': { input: Empty, output: z.object({ chartNo: z.string() }).strict(), access: ALL_STAFF },
  'patients.update': {
    input: z.object({ patientId: Id, expectedVersion: z.number().int().positive(), fields: PatientFields }).strict(),
    output: Patient,
    access: ALL_STAFF,
  },
} as const satisfies Record<string, Channel>;
