import type { In, Out } from '../../shared/api';
import type { PatientFieldsInput } from '../../shared/schemas/patient';
import { ADMIN, type ManualClock, type TestApp } from './app';
import { afterCoolingOff, disclosedConsultation, ink } from './consent-flow';
import { CONSULTANT, NURSE, PHYSICIAN } from './staff';

export type ConsultationView = Out<'consultations.get'>;

/** Signs in as someone else (the router serves one session at a time, like the desktop). */
export async function actAs(t: TestApp, who: { name: string; password: string }): Promise<void> {
  if (t.app.session) await t.ok('session.signOut', {});
  await t.ok('session.signIn', { loginId: who.name, password: who.password });
}

export const asAdmin = (t: TestApp) => actAs(t, ADMIN);
export const asNurse = (t: TestApp) => actAs(t, NURSE);
export const asPhysician = (t: TestApp) => actAs(t, PHYSICIAN);
export const asConsultant = (t: TestApp) => actAs(t, CONSULTANT);

/**
 * A consultation taken to a fully signed consent through the same channels as the screens: disclosed, the
 * cooling-off period over, issued, signed by the patient, countersigned by the operating physician.
 * Leaves the consultant signed in.
 */
export async function fullySignedConsultation(
  t: TestApp,
  clock: ManualClock,
  physicianId: string,
  opts: { patient?: PatientFieldsInput; procedureCode?: string } = {},
): Promise<{ consultation: ConsultationView; consent: Out<'consents.get'> }> {
  const c = await disclosedConsultation(t, physicianId, opts);
  await afterCoolingOff(t, clock, c);
  const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
  for (const form of v.forms) {
    for (const role of v.roles.filter((r) => r !== 'physician')) {
      await t.ok('consents.sign', { consentId: v.id, form, role, documentSha256: v.documentSha256, ink: ink(), ...(role === 'witness' ? { signerName: '陳美玲' } : {}) });
    }
  }
  let consent = v;
  for (const form of v.forms) {
    consent = await t.ok('consents.sign', { consentId: v.id, form, role: 'physician', documentSha256: v.documentSha256, ink: ink(), physicianId, password: PHYSICIAN.password });
  }
  return { consultation: await t.ok('consultations.get', { consultationId: c.consultation.id }), consent };
}

/** A plausible treatment record for the consultation, performed now (the clock's time) by its operating physician. */
export function treatmentInput(c: ConsultationView, clock: ManualClock, over: Partial<In<'treatments.record'>> = {}): In<'treatments.record'> {
  return {
    consultationId: c.consultation.id,
    performedAt: clock.now().toISOString(),
    physicianId: c.consultation.physicianId,
    assistantIds: [],
    anaesthesia: 'topical',
    products: [{ kind: 'drug', name: 'A 型肉毒桿菌素', brand: 'Botox', lot: 'C1234A', expiryDate: '2028-03-31', quantity: '24 U' }],
    intraOpNotes: '眉間 20 U、魚尾紋兩側各 2 U，過程順利，無出血。',
    ...over,
  };
}

/** Row counts of the given tables (to show that a refused call wrote nothing). */
export function rowCounts(t: TestApp, tables: string[]): Record<string, number> {
  const db = t.app.vault!.db;
  return Object.fromEntries(tables.map((name) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM ${name}`).get() as { n: number }).n]));
}

export const DAY_MS = 86_400_000;

/** A follow-up outcome with nothing of concern, every finding answered (tests override what they need). */
export const CALM_OUTCOME = {
  pain: 2,
  swelling: 'mild',
  bruising: 'none',
  bleeding: 'none',
  infectionSigns: false,
  fever: false,
  numbness: false,
  asymmetry: false,
  visionChange: false,
  skinColourChange: false,
  satisfaction: 4,
  notes: '恢復良好，已說明冰敷與睡姿。',
  complication: null,
} as const satisfies Omit<In<'followUps.recordOutcome'>, 'visitId' | 'expectedVersion'>;
