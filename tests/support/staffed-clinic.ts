import { asPhysician, fullySignedConsultation, treatmentInput } from './aftercare-flow';
import { makeTestApp, ManualClock, type TestApp } from './app';
import { addStaff } from './consent-flow';

/** Monday 23 November 2026, 10:00 in Taipei: the day the consent and aftercare tests open the clinic. */
export const CLINIC_MONDAY = '2026-11-23T02:00:00.000Z';

export interface StaffedClinic {
  t: TestApp;
  clock: ManualClock;
  physicianId: string;
  /** A second physician, not the one operating. */
  otherPhysicianId: string;
}

/** A new vault on the clinic's Monday with the consent team (tests/support/consent-flow.ts `addStaff`); the consultant is signed in. */
export async function staffedClinic(): Promise<StaffedClinic> {
  const clock = new ManualClock(CLINIC_MONDAY);
  const t = makeTestApp({ clock });
  await t.setup();
  return { t, clock, ...(await addStaff(t)) };
}

export interface ClinicWithTreatedPatient extends StaffedClinic {
  patientId: string;
  consultationId: string;
  treatmentId: string;
}

/** A staffed clinic whose patient was treated on a fully signed consent, recorded now by the operating physician, who stays signed in. */
export async function clinicWithTreatedPatient(): Promise<ClinicWithTreatedPatient> {
  const clinic = await staffedClinic();
  const { t, clock } = clinic;
  const { consultation } = await fullySignedConsultation(t, clock, clinic.physicianId);
  await asPhysician(t);
  const treatment = await t.ok('treatments.record', treatmentInput(consultation, clock));
  return { ...clinic, patientId: consultation.consultation.patientId, consultationId: consultation.consultation.id, treatmentId: treatment.id };
}
