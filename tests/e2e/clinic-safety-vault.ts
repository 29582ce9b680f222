import path from 'node:path';
import { makeTestApp, ManualClock } from '../support/app';
import { actAs, DAY_MS } from '../support/aftercare-flow';
import { addStaff, afterCoolingOff, disclosedConsultation, ink } from '../support/consent-flow';
import { CONSULTANT, NURSE, PHYSICIAN } from '../support/staff';
import { pointHostAt } from './aftercare-vault';

export const FLAGGED = { chartNo: 'C0001', nameZh: '黃詩涵', sex: 'female', birthDate: '1994-03-08', phone: '0912-000-111', allergies: '盤尼西林' } as const;
export const READER = { chartNo: 'C0002', nameZh: '林雅文', sex: 'female', birthDate: '1991-05-08', phone: '0912-000-222' } as const;

/**
 * A clinic for the safety journeys, written three days back through the same router as the app:
 * - 黃詩涵: a botulinum-toxin consent whose screening answered "yes" to the body-image questions, signed by the
 *   patient and waiting for the operating physician's countersignature;
 * - 林雅文: a draft consultation screened and with goals, so it opens at the risks step (patient reading mode);
 * - views of 黃詩涵's record by the consultant (twice) and the nurse (once), and of 林雅文's once.
 * Returns how many times each patient's record was opened (patient.viewed) in the trail.
 */
export async function clinicSafetyVault(configDir: string) {
  const vaultDir = path.join(configDir, 'vault');
  const clock = new ManualClock(new Date(Date.now() - 3 * DAY_MS).toISOString());
  const t = makeTestApp({ clock, vaultDir });
  try {
    await t.setup();
    const { physicianId } = await addStaff(t);
    const flagged = await disclosedConsultation(t, physicianId, { patient: FLAGGED, bodyImageYes: true });
    await afterCoolingOff(t, clock, flagged);
    const consent = await t.ok('consents.issue', { consultationId: flagged.consultation.id });
    for (const form of consent.forms) await t.ok('consents.sign', { consentId: consent.id, form, role: 'patient', documentSha256: consent.documentSha256, ink: ink() });

    const reader = await t.ok('patients.create', READER);
    const procedure = (await t.ok('procedures.list', {})).find((x) => x.code === 'botulinum_toxin')!;
    const draft = await t.ok('consultations.start', { patientId: reader.id, procedureId: procedure.id, physicianId });
    await t.ok('consultations.saveScreening', {
      consultationId: draft.consultation.id, expectedVersion: 1,
      screening: {
        contraindications: draft.template.contraindications.map((k) => ({ id: k.id, present: false })),
        flagNotes: [],
        bodyImage: { preoccupied: false, distress: false, avoidance: false, repeatedProcedures: false },
      },
    });
    await t.ok('consultations.saveGoals', {
      consultationId: draft.consultation.id, expectedVersion: 2,
      goals: { goals: '希望抬頭紋變淺', assessment: '中度動態紋', expectedResult: '三至七天見效', cannotAchieve: '靜態紋無法完全消除' },
    });

    const flaggedId = flagged.consultation.patientId;
    for (let i = 0; i < 2; i += 1) await t.ok('patients.get', { patientId: flaggedId });
    await t.ok('patients.get', { patientId: reader.id });
    clock.advance(DAY_MS / 2);
    await actAs(t, NURSE);
    await t.ok('patients.get', { patientId: flaggedId });
    const views = (patientId: string) => t.app.vault!.audit.recent(10_000).filter((e) => e.action === 'patient.viewed' && e.subjectId === patientId).length;
    const result = { flaggedViews: views(flaggedId), readerViews: views(reader.id) };
    await t.signOut();
    pointHostAt(configDir, vaultDir);
    return { ...result, consultant: CONSULTANT, nurse: NURSE, physician: PHYSICIAN };
  } finally {
    t.dispose();
  }
}
