import type { In, Out } from '../../shared/api';
import type { PatientFieldsInput } from '../../shared/schemas/patient';
import type { SignatureInk } from '../../shared/schemas/consent';
import { syntheticSignatureStrokes } from '../../electron/demo/signature-strokes';
import { encodePng, strokesToPng } from '../../electron/pdf/signature-png';
import { ADMIN, type ManualClock, type TestApp } from './app';
import { CONSULTANT, NURSE, PHYSICIAN } from './staff';

export const SECOND_PHYSICIAN = { name: '李文華', role: 'physician', licenceNo: '醫字第054321號', specialty: '皮膚科', password: 'Second-Doc-2026', temporaryPassword: false } as const satisfies In<'staff.add'>;
export const ADULT: PatientFieldsInput = { chartNo: 'C0001', nameZh: '黃詩涵', sex: 'female', birthDate: '1994-03-08', phone: '0912-000-111', allergies: '盤尼西林' };
export const MINOR: PatientFieldsInput = {
  chartNo: 'C0002',
  nameZh: '林小雨',
  sex: 'female',
  birthDate: '2010-06-01',
  phone: '0912-000-333',
  guardian: { name: '林志強', relation: '父', nationalId: 'A123456789', phone: '0912-000-444' },
};

/** Staff for consent tests: the usual three plus a second physician who is not the operating one. */
export async function addStaff(t: TestApp): Promise<{ physicianId: string; otherPhysicianId: string }> {
  await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  const physicianId = (await t.ok('staff.add', PHYSICIAN)).id;
  const otherPhysicianId = (await t.ok('staff.add', SECOND_PHYSICIAN)).id;
  await t.ok('staff.add', CONSULTANT);
  await t.ok('staff.add', NURSE);
  await t.ok('session.signOut', {});
  await t.ok('session.signIn', { loginId: CONSULTANT.name, password: CONSULTANT.password });
  return { physicianId, otherPhysicianId };
}

/** A tiny valid PNG (a before photo stand-in). */
export function photoPng(): string {
  return encodePng(4, 4, new Uint8Array(64).fill(200)).toString('base64');
}

/** A consultation taken all the way to `disclosed`, through the same channels the screens use. */
export async function disclosedConsultation(
  t: TestApp,
  physicianId: string,
  opts: { patient?: PatientFieldsInput; procedureCode?: string; photo?: boolean; questions?: string; bodyImageYes?: boolean; contraindicationPresent?: boolean } = {},
): Promise<Out<'consultations.get'>> {
  const p = await t.ok('patients.create', opts.patient ?? ADULT);
  const procedure = (await t.ok('procedures.list', {})).find((x) => x.code === (opts.procedureCode ?? 'botulinum_toxin'))!;
  const v = await t.ok('consultations.start', { patientId: p.id, procedureId: procedure.id, physicianId });
  const id = v.consultation.id;
  const tpl = v.template;
  await t.ok('consultations.saveScreening', {
    consultationId: id, expectedVersion: 1,
    screening: {
      // A risk flag for the physician when asked: the first contraindication present, a body-image "yes".
      contraindications: tpl.contraindications.map((k, i) => (opts.contraindicationPresent && i === 0 ? { id: k.id, present: true, note: '三個月前曾施打，間隔已足夠' } : { id: k.id, present: false })),
      flagNotes: v.consultation.recordFlags.map((flag) => ({ flag, note: '已與病人討論並記錄' })),
      bodyImage: { preoccupied: opts.bodyImageYes === true, distress: false, avoidance: false, repeatedProcedures: opts.bodyImageYes === true },
    },
  });
  await t.ok('consultations.saveGoals', {
    consultationId: id, expectedVersion: 2,
    goals: { goals: '希望抬頭紋變淺', assessment: '中度動態紋', expectedResult: '三至七天見效，維持三至六個月', cannotAchieve: '靜態紋無法完全消除' },
  });
  for (const [i, r] of tpl.risks.entries()) {
    await t.ok('consultations.acknowledgeRisk', { consultationId: id, riskId: r.id, method: 'consultant_tap', ...(i === 0 && opts.questions ? { questions: opts.questions } : {}) });
  }
  await t.ok('consultations.saveAlternatives', { consultationId: id, expectedVersion: 3, alternatives: { discussed: [{ id: 'no_treatment' }], preOpInstructionsGiven: true } });
  await t.ok('consultations.saveQuote', {
    consultationId: id, expectedVersion: 4,
    quote: {
      items: [
        { kind: 'procedure', description: `${procedure.nameZh} 療程`, amountTwd: 12000 },
        { kind: 'materials', description: '耗材', amountTwd: 3500 },
        { kind: 'follow_up', description: '兩週回診', amountTwd: 0 },
      ],
      revisionPolicy: '兩週內免費補打',
      refundPolicy: '未施打前可全額退費',
    },
  });
  await t.ok('consultations.acknowledgeQuote', { consultationId: id });
  await t.ok('consultations.answerComprehension', { consultationId: id, answers: tpl.comprehensionQuestions.map((q) => ({ questionId: q.id, chosenIndex: q.correctIndex })) });
  if (opts.photo !== false) await t.ok('consultations.addPhoto', { consultationId: id, mime: 'image/png', dataBase64: photoPng(), marketingConsent: false });
  return t.ok('consultations.disclose', { consultationId: id });
}

let inkSeed = 1;
/** A plausible signature: synthetic strokes with timing and pressure, and their picture. */
export function ink(seed = inkSeed++): SignatureInk {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pad = { width: 600, height: 200 };
  const strokes = syntheticSignatureStrokes(next, pad);
  return { pad, strokes, pngBase64: strokesToPng(strokes, pad).toString('base64') };
}

/** Moves the clock past the cooling-off period; the consultant's idle-locked session is unlocked again. */
export async function afterCoolingOff(t: TestApp, clock: ManualClock, v: Out<'consultations.get'>): Promise<void> {
  const ends = Date.parse(v.consultation.coolingOffEndsAt!);
  clock.advance(ends - clock.now().getTime() + 60_000);
  await t.call('session.heartbeat', {});
  await t.ok('session.unlock', { password: CONSULTANT.password });
}
