/**
 * Evidence-pack benchmark (issue 5): a heavy patient (3 consultations with signed consents, 40 photos of 2 MB,
 * 300 communications, 2,000 audit events about the patient) is exported by a separate process, which reports
 * the export's wall time and its own peak resident memory. Run by `npm run bench` (or `tsx bench/evidence.ts`).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelName, In, Out } from '../shared/api';
import { AppCore, fixedConfigStore } from '../electron/app-core';
import { demoInk } from '../electron/demo/seed-consents';
import { SeededRandom } from '../electron/demo/synthetic';
import { createRouter } from '../electron/router';
import { Vault } from '../electron/store/vault';
import { noisePng } from './noise-png';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-bench-evidence-'));
const vaultDir = path.join(tmp, 'vault');
const ADMIN = { name: '證據管理員', password: 'Evidence-Admin-2026' };
const PHYSICIAN = { name: '證據醫師', role: 'physician', licenceNo: '醫字第099999號', specialty: '整形外科', password: 'Evidence-Doctor-2026', temporaryPassword: false } as const;
const CONSULTANT = { name: '證據諮詢師', role: 'consultant', password: 'Evidence-Consult-2026', temporaryPassword: false } as const;

let nowMs = Date.now() - 40 * 86_400_000;
const clock = { now: () => new Date(nowMs) };
const app = new AppCore({ config: fixedConfigStore(null), host: { defaultVaultPath: vaultDir }, clock });
const router = createRouter(app, { checkOutput: false });
async function ok<C extends ChannelName>(channel: C, input: In<C>): Promise<Out<C>> {
  const r = await router.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as Out<C>;
}


const setupStart = Date.now();
await ok('setup.createVault', { clinicName: '證據基準診所', timeZone: 'Asia/Taipei', vaultDir, adminName: ADMIN.name, adminPassword: ADMIN.password });
await ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
const physicianId = (await ok('staff.add', PHYSICIAN)).id;
await ok('staff.add', CONSULTANT);
await ok('session.signOut', {});
await ok('session.signIn', { loginId: CONSULTANT.name, password: CONSULTANT.password });
const patient = await ok('patients.create', { chartNo: 'H0001', nameZh: '黃詩涵', sex: 'female', birthDate: '1990-04-12', phone: '0912-000-555', allergies: '盤尼西林' });
const procedures = (await ok('procedures.list', {})).slice(0, 3);
const rng = new SeededRandom(5);
const consultations: { id: string; consentId: string; sha: string }[] = [];
for (const procedure of procedures) {
  const v = await ok('consultations.start', { patientId: patient.id, procedureId: procedure.id, physicianId });
  const id = v.consultation.id;
  const tpl = v.template;
  await ok('consultations.saveScreening', {
    consultationId: id, expectedVersion: 1,
    screening: {
      contraindications: tpl.contraindications.map((k) => ({ id: k.id, present: false })),
      flagNotes: v.consultation.recordFlags.map((flag) => ({ flag, note: '已與病人討論並記錄' })),
      bodyImage: { preoccupied: false, distress: false, avoidance: false, repeatedProcedures: false },
    },
  });
  await ok('consultations.saveGoals', { consultationId: id, expectedVersion: 2, goals: { goals: '希望改善', assessment: '適合施作', expectedResult: '逐步改善', cannotAchieve: '無法保證完全對稱' } });
  for (const r of tpl.risks) await ok('consultations.acknowledgeRisk', { consultationId: id, riskId: r.id, method: 'consultant_tap' });
  await ok('consultations.saveAlternatives', { consultationId: id, expectedVersion: 3, alternatives: { discussed: [{ id: 'no_treatment' }], preOpInstructionsGiven: true } });
  await ok('consultations.saveQuote', { consultationId: id, expectedVersion: 4, quote: { items: [{ kind: 'procedure', description: procedure.nameZh, amountTwd: 50000 }], revisionPolicy: '依診所規定', refundPolicy: '施作前可退費' } });
  await ok('consultations.acknowledgeQuote', { consultationId: id });
  await ok('consultations.answerComprehension', { consultationId: id, answers: tpl.comprehensionQuestions.map((q) => ({ questionId: q.id, chosenIndex: q.correctIndex })) });
  await ok('consultations.addPhoto', { consultationId: id, mime: 'image/png', dataBase64: noisePng(64 * 1024).toString('base64'), marketingConsent: false });
  await ok('consultations.disclose', { consultationId: id });
  const consent = await ok('consents.issue', { consultationId: id });
  consultations.push({ id, consentId: consent.id, sha: consent.documentSha256 });
}
// Past every cooling-off period; the idle-locked session is unlocked again.
nowMs += 20 * 86_400_000;
await router.call('session.heartbeat', {});
await ok('session.unlock', { password: CONSULTANT.password });
for (const c of consultations) {
  const consent = await ok('consents.get', { consentId: c.consentId });
  for (const form of consent.forms) {
    for (const role of consent.roles.filter((r) => r !== 'physician')) {
      await ok('consents.sign', { consentId: c.consentId, form, role, documentSha256: c.sha, ink: demoInk(rng), ...(role === 'witness' ? { signerName: '見證人甲' } : {}) });
    }
  }
  for (const form of consent.forms) {
    await ok('consents.sign', { consentId: c.consentId, form, role: 'physician', documentSha256: c.sha, ink: demoInk(rng), physicianId, password: PHYSICIAN.password });
  }
}
const consultantId = app.session!.staff.id;
await ok('session.signOut', {});

// The bulk: 37 more photos (40 of 2 MB in all, replacing the small ones in count), 300 communications, 2,000 audit events.
const { vault } = await Vault.openWithPassword(vaultDir, ADMIN.name, ADMIN.password, clock);
const at = () => new Date(nowMs).toISOString();
vault.transaction(() => {
  for (let i = 0; i < 40; i++) {
    const bytes = noisePng(2 * 1024 * 1024);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    vault.photos.add({ id: randomUUID(), patientId: patient.id, consultationId: consultations[i % 3]!.id, kind: i % 2 ? 'after' : 'before', sha256, mime: 'image/png', bytes, capturedAt: at(), capturedAtSource: 'received', angle: i % 2 ? 'left_45' : 'front', area: 'full_face', marketingConsent: false, createdAt: at(), createdBy: consultantId });
  }
  for (let i = 0; i < 300; i++) {
    vault.communications.insert({
      id: randomUUID(),
      patientId: patient.id,
      consultationId: consultations[i % 3]!.id,
      channel: (['phone', 'line', 'email', 'sms', 'in_person'] as const)[i % 5]!,
      direction: i % 2 ? 'inbound' : 'outbound',
      occurredAt: new Date(nowMs - (300 - i) * 3_600_000).toISOString(),
      summary: `第 ${i + 1} 次聯繫：病人詢問術後照護與回診時間，護理師說明冰敷、用藥與注意事項。`,
      attachment: null,
      staffId: consultantId,
      createdAt: at(),
    });
  }
  const events = 2000 - vault.evidence.auditEventsFor([patient.id, ...consultations.flatMap((c) => [c.id, c.consentId])], [patient.id]).length;
  for (let i = 0; i < events; i++) {
    vault.appendAudit({ at: at(), actorId: consultantId, actorName: CONSULTANT.name, actorRole: 'consultant', action: 'patient.viewed', subjectType: 'patient', subjectId: patient.id, details: {} });
  }
});
vault.close();
const setupSeconds = (Date.now() - setupStart) / 1000;

// The export itself, in a process of its own so its memory is its own.
const out = path.join(tmp, 'heavy-patient.zip');
const child = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'evidence-export.ts'), vaultDir, ADMIN.name, ADMIN.password, patient.id, out], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
const r = JSON.parse(child.trim().split('\n').pop()!) as { exportMs: number; hashCopySyncMs: number; verifyMs: number; rawShaMs: number; jobVerifyMs: number; heartbeatP95Ms: number; peakRssMiB: number; baselineRssMiB: number; bytes: number; pages: number; files: number; auditEvents: number; ok: boolean };
const line = (name: string, value: string, target = '') => console.log(`${name.padEnd(44)} ${value.padStart(10)}${target ? `   (target ${target})` : ''}`);
line('evidence bench set-up (not timed)', `${setupSeconds.toFixed(1)} s`);
line(`evidence export, heavy patient (${r.files} files)`, `${(r.exportMs / 1000).toFixed(2)} s`, '< 5 s');
line('  hash + copy + sync of the pack (reference)', `${(r.hashCopySyncMs / 1000).toFixed(2)} s`);
line('  export / reference (same run)', `${(r.exportMs / r.hashCopySyncMs).toFixed(1)}x`, '< 2x');
line('evidence export, peak RSS of its process', `${r.peakRssMiB.toFixed(0)} MiB`, '< 500 MB');
line('evidence export, RSS before export', `${r.baselineRssMiB.toFixed(0)} MiB`);
line('evidence pack size / evidence.pdf pages', `${(r.bytes / 1024 / 1024).toFixed(0)} MiB / ${r.pages}`);
line(`evidence verify (${r.auditEvents} audit events)`, `${(r.verifyMs / 1000).toFixed(2)} s`);
line('  raw SHA-256 of the same pack bytes', `${(r.rawShaMs / 1000).toFixed(2)} s`);
line('  verify / raw SHA-256 (same run)', `${(r.verifyMs / r.rawShaMs).toFixed(1)}x`);
line('  verify in the job runner (worker thread)', `${(r.jobVerifyMs / 1000).toFixed(2)} s`);
line('  heartbeat p95 while the job runs', `${r.heartbeatP95Ms.toFixed(1)} ms`);
if (!r.ok) throw new Error('the benchmark pack did not verify');
if (process.env.CV_BENCH_KEEP) console.log(`kept ${vaultDir} patient ${patient.id}`);
else fs.rmSync(tmp, { recursive: true, force: true });
