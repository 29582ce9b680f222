import type { ChannelName, In, Out } from '../../shared/api';
import type { Router } from '../router';
import { DomainError } from '../domain/errors';
import { dateInZone } from '../../shared/dates';
import { SeededRandom, syntheticClinic, syntheticPatient, type SyntheticClinic } from './synthetic';
import { demoPhotoBase64, seedConsents, type DemoClock } from './seed-consents';
import { seedAftercare } from './seed-aftercare';

export const DEFAULT_DEMO_PASSWORD = 'Demo-Clinic-2026';

async function must<C extends ChannelName>(router: Router, channel: C, input: In<C>): Promise<Out<C>> {
  const r = await router.call(channel, input);
  if (!r.ok) throw new DomainError(r.error.code, r.error.messageKey, r.error.params, r.error.issues);
  return r.value as Out<C>;
}

/**
 * Builds a demo vault through the same router the app uses (validation, rules and audit included),
 * so demo data is never something the app itself could not have written.
 */
export async function seedDemoVault(
  router: Router,
  vaultDir: string,
  seed: number,
  password: string,
  patientCount = 0,
  /** The router's clock, when it can be set back (the CLI's demo): consents then sign after real cooling-off periods. */
  clock: DemoClock | null = null,
): Promise<{ clinic: SyntheticClinic; recoveryCode: string; consultations: Record<string, number> }> {
  const clinic = syntheticClinic(seed);
  const { recoveryCode } = await must(router, 'setup.createVault', {
    clinicName: clinic.clinicName,
    timeZone: clinic.timeZone,
    vaultDir,
    adminName: clinic.admin.name,
    adminPassword: password,
  });
  await must(router, 'session.signIn', { loginId: clinic.admin.name, password });
  try {
    for (const s of clinic.staff) {
      await must(router, 'staff.add', {
        name: s.name,
        role: s.role,
        password,
        // The demo's accounts share one published password, to try the app with; nobody is asked to change it.
        temporaryPassword: false,
        ...(s.licenceNo ? { licenceNo: s.licenceNo } : {}),
        ...(s.specialty ? { specialty: s.specialty } : {}),
      });
    }
  } finally {
    await router.call('session.signOut', {});
  }
  const consultations = patientCount > 0 ? await seedPatients(router, clinic, seed, password, patientCount, clock) : {};
  return { clinic, recoveryCode, consultations };
}

/** How far a demo consultation gets: every state the workflow has so far, in turn. */
const PROGRESS = ['disclosed', 'draft_screened', 'disclosed', 'draft_risks', 'draft_new', 'disclosed', 'draft_comprehension_failed'] as const;

/**
 * Patients with realistic names and valid IDs; the first ones get consultations in every state, held by the
 * clinic's consultants with its physicians, through the same channels the consultation screens use.
 */
async function seedPatients(router: Router, clinic: SyntheticClinic, seed: number, password: string, count: number, clock: DemoClock | null): Promise<Record<string, number>> {
  const rng = new SeededRandom(seed ^ 0x5eed);
  const consultant = clinic.staff.find((s) => s.role === 'consultant')!;
  await must(router, 'session.signIn', { loginId: consultant.name, password });
  const states: Record<string, number> = {};
  const disclosed: string[] = [];
  try {
    const today = dateInZone(new Date(), clinic.timeZone);
    const physicians = await must(router, 'staff.physicians', {});
    const procedures = await must(router, 'procedures.list', {});
    for (let n = 1; n <= count; n++) {
      const patient = await must(router, 'patients.create', syntheticPatient(rng, n, today));
      if (n > 60) continue;
      const progress = PROGRESS[(n - 1) % PROGRESS.length]!;
      const procedure = rng.pick(procedures);
      const physicianId = rng.pick(physicians).id;
      const v = await must(router, 'consultations.start', { patientId: patient.id, procedureId: procedure.id, physicianId });
      const id = v.consultation.id;
      const tpl = v.template;
      states[progress] = (states[progress] ?? 0) + 1;
      if (progress === 'draft_new') continue;
      await must(router, 'consultations.saveScreening', {
        consultationId: id, expectedVersion: 1,
        screening: {
          contraindications: tpl.contraindications.map((k) => ({ id: k.id, present: false })),
          flagNotes: v.consultation.recordFlags.map((flag) => ({ flag, note: '已向病人說明並記錄於病歷' })),
          bodyImage: { preoccupied: rng.next() < 0.05, distress: false, avoidance: false, repeatedProcedures: rng.next() < 0.1 },
        },
      });
      if (progress === 'draft_screened') continue;
      await must(router, 'consultations.saveGoals', {
        consultationId: id, expectedVersion: 2,
        goals: {
          goals: '希望看起來自然、有精神',
          assessment: '條件適合，已說明個人差異',
          expectedResult: '依說明書所述的一般效果與恢復期',
          cannotAchieve: '無法保證完全對稱或達到照片中他人的效果',
        },
      });
      const risks = progress === 'draft_risks' ? tpl.risks.slice(0, Math.ceil(tpl.risks.length / 2)) : tpl.risks;
      for (const r of risks) {
        await must(router, 'consultations.acknowledgeRisk', { consultationId: id, riskId: r.id, method: rng.next() < 0.4 ? 'patient_reading_mode' : 'consultant_tap' });
      }
      if (progress === 'draft_risks') continue;
      await must(router, 'consultations.recordReading', { consultationId: id, section: 'risks', seconds: rng.int(90, 600) });
      await must(router, 'consultations.saveAlternatives', { consultationId: id, expectedVersion: 3, alternatives: { discussed: [{ id: 'no_treatment' }], preOpInstructionsGiven: true } });
      await must(router, 'consultations.saveQuote', {
        consultationId: id, expectedVersion: 4,
        quote: {
          items: [
            { kind: 'procedure', description: procedure.nameZh, amountTwd: rng.int(8, 180) * 1000 },
            { kind: 'follow_up', description: '術後回診', amountTwd: 0 },
          ],
          revisionPolicy: '依本院修整政策辦理，細節已說明',
          refundPolicy: '施作前可全額退費；已使用之耗材不退',
        },
      });
      await must(router, 'consultations.acknowledgeQuote', { consultationId: id });
      const wrongFirst = progress === 'draft_comprehension_failed';
      await must(router, 'consultations.answerComprehension', {
        consultationId: id,
        answers: tpl.comprehensionQuestions.map((q, i) => ({ questionId: q.id, chosenIndex: wrongFirst && i === 0 ? (q.correctIndex + 1) % q.options.length : q.correctIndex })),
      });
      if (wrongFirst) continue;
      const ready = await must(router, 'consultations.get', { consultationId: id });
      if (ready.consultation.gaps.length === 0) {
        await must(router, 'consultations.addPhoto', { consultationId: id, mime: 'image/png', dataBase64: demoPhotoBase64(rng), marketingConsent: rng.next() < 0.3 });
        await must(router, 'consultations.disclose', { consultationId: id });
        disclosed.push(id);
      } else states[progress] -= 1;
    }
  } finally {
    await router.call('session.signOut', {});
  }
  const consents = await seedConsents(router, clinic, password, disclosed, new SeededRandom(seed ^ 0xc0de), clock);
  return { ...states, ...consents, ...(await seedAftercare(router, clinic, password, new SeededRandom(seed ^ 0xa5ca), clock)) };
}
