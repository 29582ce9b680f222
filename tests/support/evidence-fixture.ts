import type { Out } from '../../shared/api';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from './app';
import { addStaff, afterCoolingOff, disclosedConsultation, ink, photoPng } from './consent-flow';
import { PHYSICIAN } from './staff';

export interface EvidenceFixture {
  t: TestApp;
  clock: ManualClock;
  patientId: string;
  chartNo: string;
  /** The consultation whose consent is fully signed. */
  signed: Out<'consultations.get'>;
  consentId: string;
  /** A second consultation with its consent issued but not signed. */
  issued: Out<'consultations.get'>;
  treatmentId: string;
  complaintId: string;
}

/**
 * A patient with a story: a consultation whose consent is fully signed, a second one with the consent only
 * issued, a photo, communications (one with an attachment, one corrected), an edit of the patient record.
 * Ends signed in as the administrator.
 */
export async function evidenceFixture(): Promise<EvidenceFixture> {
  const clock = new ManualClock(new Date(Date.now() - 20 * 86_400_000).toISOString());
  const t = makeTestApp({ clock });
  await t.setup();
  const { physicianId } = await addStaff(t);
  const signed = await disclosedConsultation(t, physicianId, { questions: '會不會瘀青很久？' });
  const patientId = signed.consultation.patientId;
  const consent = await t.ok('consents.issue', { consultationId: signed.consultation.id });
  await afterCoolingOff(t, clock, signed);
  await t.ok('consents.sign', { consentId: consent.id, form: 'procedure', role: 'patient', documentSha256: consent.documentSha256, ink: ink() });
  await t.ok('consents.sign', { consentId: consent.id, form: 'procedure', role: 'physician', documentSha256: consent.documentSha256, ink: ink(), physicianId, password: PHYSICIAN.password });

  // A second consultation for the same patient (another procedure), consent issued only.
  const procedures = await t.ok('procedures.list', {});
  const other = procedures.find((p) => p.code === 'ha_filler') ?? procedures[1]!;
  const started = await t.ok('consultations.start', { patientId, procedureId: other.id, physicianId });
  const id = started.consultation.id;
  const tpl = started.template;
  await t.ok('consultations.saveScreening', {
    consultationId: id, expectedVersion: 1,
    screening: {
      contraindications: tpl.contraindications.map((k) => ({ id: k.id, present: false })),
      flagNotes: started.consultation.recordFlags.map((flag) => ({ flag, note: '已與病人討論並記錄' })),
      bodyImage: { preoccupied: false, distress: false, avoidance: false, repeatedProcedures: false },
    },
  });
  await t.ok('consultations.saveGoals', { consultationId: id, expectedVersion: 2, goals: { goals: '希望法令紋變淺', assessment: '中度法令紋', expectedResult: '維持六至十二個月', cannotAchieve: '無法完全消除' } });
  for (const r of tpl.risks) await t.ok('consultations.acknowledgeRisk', { consultationId: id, riskId: r.id, method: 'patient_reading_mode' });
  await t.ok('consultations.recordReading', { consultationId: id, section: 'risks', seconds: 95 });
  await t.ok('consultations.saveAlternatives', { consultationId: id, expectedVersion: 3, alternatives: { discussed: [{ id: 'no_treatment', note: '病人了解可不治療' }], preOpInstructionsGiven: true } });
  await t.ok('consultations.saveQuote', {
    consultationId: id, expectedVersion: 4,
    quote: { items: [{ kind: 'procedure', description: `${other.nameZh} 療程`, amountTwd: 18000 }], revisionPolicy: '兩週內免費補打', refundPolicy: '未施打前可全額退費' },
  });
  await t.ok('consultations.acknowledgeQuote', { consultationId: id });
  // One wrong answer first, then the right ones.
  const qs = tpl.comprehensionQuestions;
  await t.ok('consultations.answerComprehension', { consultationId: id, answers: qs.map((q, i) => ({ questionId: q.id, chosenIndex: i === 0 ? (q.correctIndex + 1) % q.options.length : q.correctIndex })) });
  await t.ok('consultations.answerComprehension', { consultationId: id, answers: qs.map((q) => ({ questionId: q.id, chosenIndex: q.correctIndex })) });
  await t.ok('consultations.addPhoto', { consultationId: id, mime: 'image/png', dataBase64: photoPng(), marketingConsent: true });
  const issued = await t.ok('consultations.disclose', { consultationId: id });
  await t.ok('consents.issue', { consultationId: id });

  const line = await t.ok('communications.log', {
    patientId,
    consultationId: signed.consultation.id,
    channel: 'line',
    direction: 'inbound',
    occurredAt: clock.now().toISOString(),
    summary: '病人詢問術後瘀青多久會消。',
    attachment: { fileName: 'line-截圖.png', mime: 'image/png', dataBase64: photoPng() },
  });
  await t.ok('communications.correct', { communicationId: line.id, text: '更正：病人是詢問右側眼下瘀青。' });
  await t.ok('communications.log', { patientId, channel: 'phone', direction: 'outbound', occurredAt: clock.now().toISOString(), summary: '護理師電話追蹤，病人表示恢復良好。' });
  await t.ok('session.signOut', {});

  // Treated, with a follow-up plan; then a complaint about it with a timeline.
  await t.ok('session.signIn', { loginId: PHYSICIAN.name, password: PHYSICIAN.password });
  const treatment = await t.ok('treatments.record', {
    consultationId: signed.consultation.id,
    performedAt: clock.now().toISOString(),
    physicianId,
    assistantIds: [],
    anaesthesia: 'topical',
    anaesthesiaDetails: '表面麻醉藥膏 30 分鐘',
    products: [{ kind: 'drug', name: '肉毒桿菌素', brand: 'Botox', lot: 'LOT123', expiryDate: '2027-06-30', quantity: '20 U' }],
    intraOpNotes: '額頭五點注射，過程順利。',
  });
  const complaint = await t.ok('complaints.intake', {
    patientId,
    consultationId: signed.consultation.id,
    channel: 'line',
    category: 'complication',
    severity: 'high',
    receivedAt: clock.now().toISOString(),
    patientSays: '術後第三天眼皮仍下垂。',
    patientWants: '希望醫師看診並說明。',
  });
  await t.ok('complaints.addEntry', { complaintId: complaint.id, kind: 'contact', occurredAt: clock.now().toISOString(), summary: '已致電病人並安排回診。' });
  await t.ok('session.signOut', {});

  await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  const detail = await t.ok('patients.get', { patientId });
  const p = detail.patient;
  await t.ok('patients.update', {
    patientId,
    expectedVersion: p.version,
    fields: { chartNo: p.chartNo, nameZh: p.nameZh, sex: p.sex, birthDate: p.birthDate, phone: '0912-000-999', allergies: p.allergies ?? '', email: 'patient@example.com' },
  });
  return { t, clock, patientId, chartNo: p.chartNo, signed, consentId: consent.id, issued, treatmentId: treatment.id, complaintId: complaint.id };
}
