import type { z } from 'zod';
import { api, CHANNEL_NAMES, type ChannelName } from '../../shared/api';

const UUID = '3f0c2a4e-8b1d-4c6a-9e2f-1a2b3c4d5e6f';

const PATIENT_FIELDS = {
  chartNo: 'C-000123',
  nameZh: '王小明',
  sex: 'male',
  birthDate: '1990-05-20',
  nationalId: 'A123456789',
  phone: '0912-345-678',
};

/**
 * One valid input per channel (valid for the schema; what the handler then does depends on the state).
 * Channels added later without an entry here fall back to `{}`; `validInput` checks the fallback parses.
 */
// Keyed by plain strings so that a channel renamed or removed in the contract does not break the type check here
// (the contract-sanity test in staff-and-session.test.ts reports drift instead).
export const VALID_INPUTS: Readonly<Record<string, Record<string, unknown>>> = {
  'app.status': {},
  'setup.chooseVaultFolder': {},
  'setup.connectToServer': { address: 'https://192.168.1.20:8443', code: 'ABCDE-FGHJK' },
  'setup.createVault': {
    clinicName: '美麗人生醫美診所',
    timeZone: 'Asia/Taipei',
    vaultDir: '/tmp/consentvault-never-created',
    adminName: '林雅婷',
    adminPassword: 'Clinic-Admin-2026',
    locale: 'zh-TW',
  },
  'setup.clearAbandoned': { vaultDir: '/tmp/consentvault-never-created' },
  'setup.restoreBackup': {
    backupDir: '/tmp/consentvault-never-created-backups/consentvault-backup-20261123-090000',
    vaultDir: '/tmp/consentvault-never-created',
    credential: { kind: 'password', loginId: '林雅婷', password: 'Clinic-Admin-2026' },
  },
  'session.signIn': { loginId: '林雅婷', password: 'Clinic-Admin-2026' },
  'session.recover': { recoveryCode: 'ABCDE-FGHJK-MNPQR-STUVW-XYZ23-45678-9ABCD-EFGHJ', adminLoginId: '林雅婷', newPassword: 'Recovered-Pass-2026' },
  'session.signOut': {},
  'session.heartbeat': {},
  'session.lock': { reason: 'manual' },
  'session.unlock': { password: 'Clinic-Admin-2026' },
  'account.changePassword': { currentPassword: 'Clinic-Admin-2026', newPassword: 'Another-Pass-2026' },
  'staff.list': { includeInactive: true },
  'staff.add': { name: '李小華', role: 'physician', licenceNo: '醫字第000001號', specialty: '皮膚科', password: 'Doctor-Pass-2026' },
  'staff.deactivate': { staffId: UUID },
  'staff.reactivate': { staffId: UUID, newPassword: 'Back-Again-2026' },
  'staff.resetPassword': { staffId: UUID, newPassword: 'Reset-Pass-2026' },
  'staff.update': { staffId: UUID, expectedVersion: 1, role: 'physician', licenceNo: '醫字第000002號', specialty: '整形外科' },
  'staff.history': { staffId: UUID },
  'settings.get': {},
  'settings.update': { expectedVersion: 1, clinicName: '新名稱診所', timeZone: 'Asia/Taipei', idleLockMinutes: 15 },
  'audit.verify': {},
  'audit.recent': { limit: 10 },
  'audit.findTypedText': { text: 'A123456789' },
  'patients.search': { query: '王小', limit: 10 },
  'patients.get': { patientId: UUID },
  'patients.create': PATIENT_FIELDS,
  'patients.nextChartNo': {},
  'patients.update': { patientId: UUID, expectedVersion: 1, fields: PATIENT_FIELDS },
  'procedures.list': { includeInactive: true },
  'procedures.save': {
    fields: {
      code: 'botox_forehead',
      nameZh: '肉毒桿菌素注射（額頭）',
      nameEn: 'Botulinum toxin injection (forehead)',
      category: 'injectable',
      anaesthesia: 'topical',
      witnessRequired: false,
      coolingOffDays: 1,
      followUpPlan: [{ id: 'day3', dayOffset: 3, role: 'nurse', method: 'phone', focus: '瘀青、頭痛、眼瞼下垂' }],
      priceList: {
        items: [{ kind: 'procedure', description: '肉毒桿菌素 額頭 20 單位', amountTwd: 6000 }],
        packages: [{ id: 'three_sessions', name: '三次療程', items: [{ kind: 'procedure', description: '三次注射', amountTwd: 15000 }] }],
      },
    },
  },
  'templates.current': { procedureId: UUID, locale: 'zh-TW' },
  'templates.get': { templateId: UUID },
  'templates.versions': { procedureId: UUID },
  'templates.saveDraft': {
    procedureId: UUID,
    locale: 'zh-TW',
    expectedDraft: { templateId: UUID, editVersion: 1 },
    content: {
      title: '肉毒桿菌素注射說明',
      purpose: '減少額頭動態皺紋。',
      howItIsDone: '以細針於額肌數點注射。',
      expectedResult: '約三至七天見效，維持三至六個月。',
      recoveryTimeline: '注射處可能紅腫一至兩天。',
      limitations: '靜態皺紋改善有限。',
      risks: [{ id: 'bruising', text: '注射處瘀青', frequency: 'common', severity: 'mild' }],
      alternatives: [{ id: 'no_treatment', text: '不接受治療' }],
      aftercare: '四小時內勿平躺或按摩注射處。',
      preOpInstructions: '告知是否懷孕或服用抗凝血藥物。',
      contraindications: [],
      comprehensionQuestions: [
        { id: 'q1', question: '效果大約維持多久？', options: ['一週', '三至六個月'], correctIndex: 1, topic: 'expected_result' },
        { id: 'q2', question: '常見的副作用是？', options: ['瘀青', '永久疤痕'], correctIndex: 0, topic: 'risks' },
        { id: 'q3', question: '注射後四小時內可以平躺嗎？', options: ['可以', '不可以'], correctIndex: 1, topic: 'aftercare' },
      ],
    },
  },
  'templates.publish': { templateId: UUID, expectedEditVersion: 1 },
  'communications.list': { patientId: UUID },
  'communications.log': { patientId: UUID, channel: 'line', direction: 'inbound', occurredAt: '2026-01-01T00:00:00.000Z', summary: '詢問術後瘀青。' },
  'communications.correct': { communicationId: UUID, text: '更正：時間為下午。' },
  'communications.attachment': { communicationId: UUID },
  'consents.issue': { consultationId: UUID },
  'consents.get': { consentId: UUID },
  'consents.forConsultation': { consultationId: UUID },
  'consents.document': { consentId: UUID },
  'consents.checklist': { consentId: UUID },
  'consents.sign': {
    consentId: UUID,
    form: 'procedure',
    role: 'patient',
    documentSha256: 'a'.repeat(64),
    ink: {
      pad: { width: 600, height: 200 },
      strokes: [[{ x: 10, y: 50, t: 0, pressure: 0.5 }, { x: 200, y: 120, t: 180 }, { x: 400, y: 60, t: 360 }]],
      pngBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    },
  },
  'consents.adoptSignature': {
    consentId: UUID,
    role: 'guardian',
    documentSha256: 'a'.repeat(64),
    ink: {
      pad: { width: 600, height: 200 },
      strokes: [[{ x: 10, y: 50, t: 0, pressure: 0.5 }, { x: 200, y: 120, t: 180 }, { x: 400, y: 60, t: 360 }]],
      pngBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    },
    identityDocument: { kind: 'national_id', number: 'A123456789' },
  },
  'consents.applySignature': { consentId: UUID, form: 'anaesthesia', role: 'guardian', documentSha256: 'a'.repeat(64), adoptionId: UUID },
  'consents.patientCopy': { consentId: UUID },
  'consents.overrideCoolingOff': { consultationId: UUID, reason: '病人出國工作，已完成術前評估', physicianId: UUID, password: 'Doctor-Pass-2026' },
  'consents.finalDocument': { consentId: UUID },
  'consents.recordPrint': { consentId: UUID, kind: 'patient_copy' },
  'consents.withdraw': {
    consentId: UUID,
    reason: '決定暫不進行療程',
    signerRole: 'patient',
    ink: { pad: { width: 600, height: 200 }, strokes: [[{ x: 10, y: 50, t: 0 }, { x: 300, y: 150, t: 200 }]], pngBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' },
  },
  'consents.list': { chartNo: 'C-000123', limit: 10 },
  'consents.verify': { consentId: UUID },
  'evidence.preview': { patientId: UUID, scope: { type: 'dateRange', from: '2026-01-01', to: '2026-03-31' }, kind: 'lawyer', locale: 'zh-TW' },
  'evidence.startExport': { patientId: UUID, scope: { type: 'consultation', consultationId: UUID }, kind: 'patient', locale: 'en', destination: '/tmp/consentvault-never-created/pack.zip' },
  'evidence.progress': { jobId: UUID },
  'evidence.cancel': { jobId: UUID },
  'evidence.startVerify': { source: { path: '/tmp/consentvault-never-created/pack.zip' } },
  'jobs.status': { jobId: UUID },
  'jobs.cancel': { jobId: UUID },
  'retention.forPatient': { patientId: UUID },
  'retention.overview': {},
  'retention.placeHold': { patientId: UUID, reason: '病人提起訴訟，法院調閱中' },
  'retention.releaseHold': { holdId: UUID, reason: '訴訟已判決確定' },
  'retention.propose': { patientIds: [UUID] },
  'retention.withdrawProposal': { proposalId: UUID, reason: '院長要求再保存一年' },
  'retention.confirmDestruction': { proposalIds: [UUID], password: 'Clinic-Admin-2026' },
  'retention.log': { limit: 20 },
  'backups.overview': {},
  'backups.updateSettings': { expectedVersion: 1, destination: '/tmp/consentvault-never-created-backups', intervalHours: 4, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 },
  'backups.start': { destination: '/tmp/consentvault-never-created-backups' },
  'backups.chooseFolder': {},
  'evidence.hostInfo': {},
  'evidence.chooseDestination': { suggestedName: 'CV-0001-C0001-evidence.zip' },
  'evidence.choosePack': {},
  // Aftercare (issue 6)
  'team.list': {},
  'calendar.list': { from: '2026-01-01', to: '2026-12-31' },
  'calendar.add': { date: '2026-10-09', kind: 'holiday', name: '國慶日補假' },
  'calendar.remove': { date: '2026-10-09' },
  // Photos by angle, the office calendar, clocks recomputed, printed dates (issue 12, items 6 and 8)
  'photos.comparison': { consultationId: UUID },
  'calendar.import': { csv: '西元日期,星期,是否放假,備註\n20261009,五,2,國慶日補假\n' },
  'complaints.recomputeClock': { complaintId: UUID, kind: 'records_copy', reason: '匯入政府辦公日曆表後重算' },
  'settings.printedDates': {},
  'settings.setPrintedDates': { era: 'roc' },
  'treatments.record': {
    consultationId: UUID,
    performedAt: '2026-01-01T02:00:00.000Z',
    physicianId: UUID,
    assistantIds: [UUID],
    anaesthesia: 'topical',
    anaesthesiaDetails: '表面麻醉藥膏 30 分鐘',
    products: [{ kind: 'drug', name: '玻尿酸', brand: 'Restylane', lot: 'LOT123', expiryDate: '2027-06-30', quantity: '1.0 mL' }],
    intraOpNotes: '兩側法令紋各 0.5 mL，過程順利。',
  },
  'treatments.get': { treatmentId: UUID },
  'treatments.forConsultation': { consultationId: UUID },
  'treatments.addPhoto': { treatmentId: UUID, mime: 'image/png', dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', marketingConsent: false },
  'treatments.correct': { treatmentId: UUID, text: '更正：右側 0.4 mL。' },
  'followUps.worklist': { scope: 'mine', upcomingDays: 14 },
  'followUps.forTreatment': { treatmentId: UUID },
  'followUps.get': { visitId: UUID },
  'followUps.logAttempt': { visitId: UUID, at: '2026-01-02T02:00:00.000Z', method: 'phone', result: 'no_answer', note: '響鈴十聲無人接聽' },
  'followUps.recordOutcome': {
    visitId: UUID,
    expectedVersion: 1,
    pain: 3,
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
    notes: '恢復良好',
    complication: null,
  },
  'followUps.correctOutcome': { visitId: UUID, text: '更正：疼痛為 2 分。' },
  'followUps.addPhoto': { visitId: UUID, mime: 'image/png', dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', marketingConsent: false },
  'followUps.assign': { visitId: UUID, expectedVersion: 1, staffId: UUID },
  'followUps.escalations': { scope: 'mine' },
  'followUps.acknowledge': { escalationId: UUID, note: '已致電病人，安排今日回診。' },
  'complaints.intake': {
    patientId: UUID,
    channel: 'line',
    category: 'complication',
    severity: 'high',
    receivedAt: '2026-01-02T02:00:00.000Z',
    patientSays: '術後第三天左臉仍腫痛。',
    patientWants: '希望醫師看診並說明。',
  },
  'complaints.list': { status: 'open', limit: 50 },
  'complaints.get': { complaintId: UUID },
  'complaints.assign': { complaintId: UUID, expectedVersion: 1, ownerId: UUID },
  'complaints.addEntry': { complaintId: UUID, kind: 'contact', occurredAt: '2026-01-02T03:00:00.000Z', summary: '已致電病人並安排回診。' },
  'complaints.correctEntry': { entryId: UUID, text: '更正：回診時間為週三。' },
  'complaints.recordAccident': { complaintId: UUID, occurredAt: '2026-01-01T02:00:00.000Z', summary: '注射後疑似血管栓塞，已施打玻尿酸分解酶。' },
  'complaints.recordRecordsRequest': { complaintId: UUID, requestedAt: '2026-01-02T02:00:00.000Z', summary: '病人申請病歷及照片複本。' },
  'complaints.addResolution': { complaintId: UUID, kind: 'refund', amountTwd: 12000, description: '退還療程費用', decidedAt: '2026-01-05T02:00:00.000Z' },
  'complaints.saveReview': {
    complaintId: UUID,
    whatHappened: '術前未充分說明恢復期。',
    causes: [{ category: 'communication', detail: '說明書未特別強調腫脹期' }],
    actions: [{ action: '修訂衛教單張', ownerId: UUID, dueDate: '2026-02-01' }],
  },
  'complaints.close': { complaintId: UUID, summary: '病人接受說明與退費，結案。' },
  'complaints.attachment': { entryId: UUID },
  'incidents.report': {
    whatHappened: '一封含病人名單的電子郵件誤寄給廠商。',
    peopleAffected: 12,
    dataKinds: ['identity', 'contact'],
    occurredAt: '2026-01-01T02:00:00.000Z',
    discoveredAt: '2026-01-01T05:00:00.000Z',
    containment: '已請廠商刪除並回覆確認。',
  },
  'incidents.list': { status: 'open', limit: 50 },
  'incidents.get': { incidentId: UUID },
  'incidents.addUpdate': { incidentId: UUID, text: '廠商已書面確認刪除。' },
  'incidents.recordNotification': { incidentId: UUID, notifiedAt: '2026-01-02T05:00:00.000Z', authority: '臺北市政府衛生局', patientsNotified: true, note: '以電話及書面通知當事人' },
  'incidents.close': { incidentId: UUID, summary: '已完成通報與改善措施。' },
  'home.today': {},
  'followUps.qualityFigures': { from: '2026-11-01', to: '2026-11-30', prefilled: 'exclude' },
  'riskFlags.forConsultation': { consultationId: UUID },
  'riskFlags.forPatient': { patientId: UUID },
  'riskFlags.assess': { consultationId: UUID, physicianId: UUID, password: 'Doctor-Pass-2026', assessments: [{ kind: 'body_image', key: 'body_image', text: '已親自面談評估，期待合理' }] },
  'session.handBack': { password: 'Consult-Pass-2026', view: 'reading_mode', consultationId: UUID },
  'audit.search': { patientId: UUID, actorId: UUID, action: 'patient.viewed', viewsOnly: true, from: '2026-11-01', to: '2026-11-30', limit: 50 },
  'audit.event': { seq: 1 },
  'audit.exportCsv': { patientId: UUID, actorId: UUID, action: 'patient.viewed', viewsOnly: true, from: '2026-11-01', to: '2026-11-30', lang: 'zh-TW' },
  'audit.actions': {},
  'seats.sessions': {},
  'seats.endSession': { handle: '0123456789abcdef' },
  'seats.devices': {},
  'seats.createPairingCode': { deviceName: '護理站電腦', kind: 'desktop' },
  'seats.renameDevice': { deviceId: UUID, name: '諮詢室平板' },
  'seats.revokeDevice': { deviceId: UUID },
  'seats.serverStatus': {},
  'seats.startSharing': { port: 8443 },
  'seats.stopSharing': {},
  'seats.unattendedKeyStatus': {},
  'seats.createUnattendedKey': { keyFile: '/tmp/consentvault-never-created/unattended.key', acknowledged: true },
  'seats.revokeUnattendedKey': {},
  'tablet.assignment': {},
  'tablet.online': {},
  'tablet.send': { consentId: UUID, deviceId: UUID },
  'tablet.takeBack': { consentId: UUID },
};

/** The sample input for a channel, or null when the contract changed and the sample no longer parses. */
export function sampleInput(channel: ChannelName): Record<string, unknown> | null {
  const input = VALID_INPUTS[channel] ?? {};
  return (api[channel].input as z.ZodType).safeParse(input).success ? input : null;
}

export function validInput(channel: ChannelName): Record<string, unknown> {
  const input = sampleInput(channel);
  if (!input) throw new Error(`tests/support/channels.ts: no valid sample input for ${channel}; add one to VALID_INPUTS`);
  return input;
}

/** Channels with a sample input that parses (the contract-sanity test names the ones without). */
export function channelsWithSamples(channels: readonly ChannelName[]): ChannelName[] {
  return channels.filter((c) => sampleInput(c) !== null);
}

export const PUBLIC_CHANNELS = CHANNEL_NAMES.filter((c) => api[c].access === 'public');
/** Channels of a signed-in session (a signing tablet's own question is neither public nor a session's). */
export const SESSION_CHANNELS = CHANNEL_NAMES.filter((c) => api[c].access !== 'public' && api[c].access !== 'tablet');
/** Channels only a paired signing tablet may call. */
export const TABLET_CHANNELS = CHANNEL_NAMES.filter((c) => api[c].access === 'tablet');
/** Channels only an administrator may call. */
export const ADMIN_ONLY_CHANNELS = CHANNEL_NAMES.filter((c) => {
  const access = api[c].access;
  return access !== 'public' && access.length === 1 && access[0] === 'admin';
});
