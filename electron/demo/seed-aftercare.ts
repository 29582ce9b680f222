import type { ChannelName, In, Out } from '../../shared/api';
import { addDays, isWeekend } from '../../shared/clinic-calendar';
import { dateInZone } from '../../shared/dates';
import type { Router } from '../router';
import { DomainError } from '../domain/errors';
import { ACK_NOTES, CALM_NOTES, DEMO_COMPLAINTS, DEMO_INCIDENTS, demoProducts, INTRA_OP_NOTES, RED_FLAG_NOTES } from './aftercare-data';
import { demoPhotoBase64, type DemoClock } from './seed-consents';
import type { SeededRandom, SyntheticClinic } from './synthetic';

const DAY_MS = 86_400_000;
const HOUR = 1 / 24;

async function must<C extends ChannelName>(router: Router, channel: C, input: In<C>): Promise<Out<C>> {
  const r = await router.call(channel, input);
  if (!r.ok) throw new DomainError(r.error.code, r.error.messageKey, r.error.params, r.error.issues);
  return r.value as Out<C>;
}

/** An instant `daysAgo` days (fractions allowed) before the real now: the demo clock's time once set there. */
const ago = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString();

/**
 * How each treated patient's aftercare went, so the worklists show every state: recovering well, a call due today,
 * an overdue call, an unreachable patient (three failed attempts), a red flag acknowledged, a red flag still open,
 * a day-1 call due today.
 */
const STORIES = [
  { key: 'recovering', daysAgo: 20 },
  { key: 'due_today', daysAgo: 7 },
  { key: 'overdue', daysAgo: 9 },
  { key: 'unreachable', daysAgo: 8 },
  { key: 'red_flag_acknowledged', daysAgo: 12 },
  { key: 'red_flag_open', daysAgo: 3 },
  { key: 'day1_today', daysAgo: 1 },
] as const;
type StoryKey = (typeof STORIES)[number]['key'];

interface Signed {
  consultationId: string;
  patientId: string;
  physicianId: string;
  consultantId: string;
  procedureCode: string;
  anaesthesia: In<'treatments.record'>['anaesthesia'];
  plan: { id: string; dayOffset: number; role: 'physician' | 'consultant' | 'nurse' }[];
  fullySignedAt: string;
}

interface DemoEvent {
  daysAgo: number;
  who: string;
  run: () => Promise<void>;
}

/**
 * Treatments, follow-ups in every state, complaints of every category and a few privacy incidents, written through
 * the same channels as the screens, each at its own time on the demo clock (without one, everything happens now
 * and no follow-up is due yet).
 */
export async function seedAftercare(router: Router, clinic: SyntheticClinic, password: string, rng: SeededRandom, clock: DemoClock | null): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const count = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  const admin = clinic.admin.name;
  const nurses = clinic.staff.filter((s) => s.role === 'nurse').map((s) => s.name);
  const consultants = clinic.staff.filter((s) => s.role === 'consultant').map((s) => s.name);

  // What there is to treat, and the clinic's calendar, as the administrator sees them today.
  await must(router, 'session.signIn', { loginId: admin, password });
  let signed: Signed[] = [];
  let names = new Map<string, string>();
  try {
    await seedCalendar(router, clinic.timeZone);
    names = new Map((await must(router, 'team.list', {})).map((m) => [m.id, m.name]));
    const procedures = new Map((await must(router, 'procedures.list', {})).map((p) => [p.id, p]));
    for (const row of (await must(router, 'consents.list', { limit: 1000 })).filter((r) => r.status === 'fully_signed')) {
      const consent = await must(router, 'consents.get', { consentId: row.id });
      const c = (await must(router, 'consultations.get', { consultationId: row.consultationId })).consultation;
      const p = procedures.get(c.procedureId)!;
      signed.push({ consultationId: c.id, patientId: c.patientId, physicianId: c.physicianId, consultantId: c.consultantId, procedureCode: p.code, anaesthesia: p.anaesthesia, plan: p.followUpPlan, fullySignedAt: consent.fullySignedAt! });
    }
  } finally {
    await router.call('session.signOut', {});
  }
  signed = signed.sort((a, b) => a.fullySignedAt.localeCompare(b.fullySignedAt));
  // The last one stays untreated: a patient ready for treatment on the physician's Home.
  const toTreat = signed.length > 1 ? signed.slice(0, -1) : signed;

  const events: DemoEvent[] = [];
  const on = (daysAgo: number, who: string, run: () => Promise<void>) => events.push({ daysAgo: clock ? daysAgo : 0, who, run });
  const byStory = new Map<StoryKey, { s: Signed; daysAgo: number; treatmentId: () => string }>();
  let next = 0;
  for (const s of toTreat) {
    const signedDaysAgo = (Date.now() - Date.parse(s.fullySignedAt)) / DAY_MS;
    const fits = STORIES.filter((st) => !clock || st.daysAgo < signedDaysAgo - 0.05);
    if (fits.length === 0) continue;
    const story = fits.find((st) => !byStory.has(st.key)) ?? fits[next++ % fits.length]!;
    const state = { treatmentId: '', visits: [] as Out<'followUps.forTreatment'> };
    if (!byStory.has(story.key)) byStory.set(story.key, { s, daysAgo: clock ? story.daysAgo : 0, treatmentId: () => state.treatmentId });
    planTreatment(s, story.key, clock ? story.daysAgo : 0, state);
    count(`treated_${story.key}`);
  }

  function planTreatment(s: Signed, story: StoryKey, d: number, state: { treatmentId: string; visits: Out<'followUps.forTreatment'> }) {
    const nurse = rng.pick(nurses);
    const physician = names.get(s.physicianId)!;
    const consultant = names.get(s.consultantId) && consultants.includes(names.get(s.consultantId)!) ? names.get(s.consultantId)! : rng.pick(consultants);
    const photo = rng.next() < 0.5;
    // Half an hour before the demo clock's now, unless that is before the signing or on the clinic's previous day
    // (just after midnight the treatment would move a day, and no follow-up would be due today).
    const performedAt = () => {
      const earlier = ago(d + 0.5 * HOUR);
      const sameDay = dateInZone(new Date(earlier), clinic.timeZone) === dateInZone(new Date(ago(d)), clinic.timeZone);
      return earlier > s.fullySignedAt && sameDay ? earlier : ago(d);
    };
    on(d, nurse, async () => {
      const team = await must(router, 'team.list', {});
      const nurseId = team.find((m) => m.name === nurse)!.id;
      const t = await must(router, 'treatments.record', {
        consultationId: s.consultationId,
        performedAt: performedAt(),
        physicianId: s.physicianId,
        assistantIds: [nurseId],
        anaesthesia: s.anaesthesia,
        products: demoProducts(s.procedureCode, rng, new Date().getFullYear()),
        intraOpNotes: rng.pick(INTRA_OP_NOTES),
      });
      state.treatmentId = t.id;
      state.visits = await must(router, 'followUps.forTreatment', { treatmentId: t.id });
      if (photo) await must(router, 'treatments.addPhoto', { treatmentId: t.id, mime: 'image/png', dataBase64: demoPhotoBase64(rng), marketingConsent: false });
    });
    if (!clock) return;
    const visitOf = (levelId: string) => state.visits.find((v) => v.levelId === levelId)!;
    const who = (role: 'physician' | 'consultant' | 'nurse') => (role === 'physician' ? physician : role === 'consultant' ? consultant : nurse);
    const plan = [...s.plan].sort((a, b) => a.dayOffset - b.dayOffset);
    plan.forEach((level, i) => {
      const due = d - level.dayOffset;
      if (due < 0) return; // upcoming
      const actor = who(level.role);
      const calm = () =>
        on(due, actor, async () => {
          const v = visitOf(level.id);
          if (level.role === 'nurse' && !v.assignedToId) await takeVisit(v.id, v.version, actor);
          const reached = await must(router, 'followUps.logAttempt', { visitId: v.id, at: ago(due + HOUR / 4), method: 'phone', result: 'reached', note: '' });
          await must(router, 'followUps.recordOutcome', { visitId: v.id, expectedVersion: reached.version, ...calmOutcome(rng, level.role) });
        });
      const first = i === 0;
      if (story === 'recovering') calm();
      else if (story === 'due_today') {
        if (due > 0) calm();
      }
      else if (story === 'overdue') {
        if (first) calm();
        else if (due > 0) on(due, actor, async () => void (await must(router, 'followUps.logAttempt', { visitId: visitOf(level.id).id, at: ago(due), method: 'phone', result: 'no_answer', note: '響鈴無人接聽，已傳 LINE 訊息' })));
      } else if (story === 'unreachable' && first) {
        on(due, actor, async () => {
          for (const [n, result] of (['no_answer', 'busy', 'no_answer'] as const).entries()) {
            await must(router, 'followUps.logAttempt', { visitId: visitOf(level.id).id, at: ago(due + (3 - n) * HOUR), method: 'phone', result, note: n === 2 ? '三次聯絡未果，已留言請病人回電' : '' });
          }
        });
      } else if ((story === 'red_flag_acknowledged' || story === 'red_flag_open') && first) {
        on(due, actor, async () => {
          // The patient came back in person with the symptoms: the contact an outcome rests on.
          const reached = await must(router, 'followUps.logAttempt', { visitId: visitOf(level.id).id, at: ago(due + HOUR / 4), method: 'visit', result: 'reached', note: '' });
          await must(router, 'followUps.recordOutcome', { visitId: reached.id, expectedVersion: reached.version, ...redFlagOutcome() });
        });
        if (story === 'red_flag_acknowledged') {
          on(due - 2 * HOUR, physician, async () => {
            const open = (await must(router, 'followUps.escalations', { scope: 'mine' })).find((e) => e.visitId === visitOf(level.id).id)!;
            await must(router, 'followUps.acknowledge', { escalationId: open.id, note: rng.pick(ACK_NOTES) });
          });
        }
      } else if (story === 'red_flag_acknowledged' && due > 0) calm();
    });
  }

  async function takeVisit(visitId: string, version: number, name: string) {
    const me = (await must(router, 'team.list', {})).find((m) => m.name === name)!;
    await must(router, 'followUps.assign', { visitId, expectedVersion: version, staffId: me.id });
  }

  planComplaints(on, byStory, clinic, rng, names, router);
  planIncidents(on, nurses, admin, rng, router);
  for (const k of Object.keys(DEMO_COMPLAINTS)) count(`complaint_${k}`);
  counts.privacy_incidents = DEMO_INCIDENTS.length;

  await runEvents(router, events, password, clock);
  return counts;
}

function calmOutcome(rng: SeededRandom, role: string): Omit<In<'followUps.recordOutcome'>, 'visitId' | 'expectedVersion'> {
  return {
    pain: rng.int(0, 4),
    swelling: rng.pick(['none', 'mild', 'mild', 'moderate'] as const),
    bruising: rng.pick(['none', 'none', 'mild'] as const),
    bleeding: 'none',
    infectionSigns: false,
    fever: false,
    numbness: rng.next() < 0.1,
    asymmetry: rng.next() < 0.08,
    visionChange: false,
    skinColourChange: false,
    satisfaction: role === 'physician' ? null : rng.int(3, 5),
    notes: rng.pick(CALM_NOTES),
    complication: null,
  };
}

function redFlagOutcome(): Omit<In<'followUps.recordOutcome'>, 'visitId' | 'expectedVersion'> {
  return {
    pain: 8,
    swelling: 'severe',
    bruising: 'moderate',
    bleeding: 'none',
    infectionSigns: true,
    fever: true,
    numbness: false,
    asymmetry: true,
    visionChange: false,
    skinColourChange: false,
    satisfaction: 2,
    notes: RED_FLAG_NOTES,
    complication: { type: 'infection', severity: 'moderate', management: '請病人立即回診，由主治醫師評估並開立抗生素。' },
  };
}

/** Fixed-date national holidays this year and next, and one clinic closure in the coming days. */
async function seedCalendar(router: Router, timeZone: string): Promise<void> {
  const today = dateInZone(new Date(), timeZone);
  const year = Number(today.slice(0, 4));
  const fixed: [string, string][] = [
    ['01-01', '開國紀念日'],
    ['02-28', '和平紀念日'],
    ['04-04', '兒童節'],
    ['05-01', '勞動節'],
    ['10-10', '國慶日'],
    ['12-25', '行憲紀念日'],
  ];
  const days = new Map<string, string>();
  for (const y of [year, year + 1]) for (const [md, name] of fixed) days.set(`${y}-${md}`, name);
  let closure = addDays(today, 6);
  while (isWeekend(closure) || days.has(closure)) closure = addDays(closure, 1);
  days.set(closure, '院慶休診');
  for (const [date, name] of [...days].sort()) await must(router, 'calendar.add', { date, kind: 'holiday', name });
}

type On = (daysAgo: number, who: string, run: () => Promise<void>) => void;

function planComplaints(on: On, byStory: Map<StoryKey, { s: Signed; daysAgo: number; treatmentId: () => string }>, clinic: SyntheticClinic, rng: SeededRandom, names: Map<string, string>, router: Router) {
  const admin = clinic.admin.name;
  const nurse = clinic.staff.find((s) => s.role === 'nurse')!.name;
  const consultant = clinic.staff.find((s) => s.role === 'consultant')!.name;
  const state = new Map<string, string>();
  // Each complaint's edit version as this seeding last saw it: every change of owner names it (issue 14).
  const versions = new Map<string, number>();
  const idOf = async (name: string) => (await must(router, 'team.list', {})).find((m) => m.name === name)!.id;
  /** The story's patient, else any patient treated before the complaint came in, else someone not identified. */
  const subject = (story: StoryKey, receivedDaysAgo: number) => {
    const x = byStory.get(story) ?? [...byStory.values()].find((y) => y.daysAgo > receivedDaysAgo);
    return x ? { patientId: x.s.patientId, treatmentId: x.treatmentId() } : { complainantName: `匿名網友 ${rng.digits(3)}` };
  };
  const intake = (key: keyof typeof DEMO_COMPLAINTS, daysAgo: number, who: string, story: StoryKey | null, channel: In<'complaints.intake'>['channel'], severity: In<'complaints.intake'>['severity']) =>
    on(daysAgo, who, async () => {
      const c = await must(router, 'complaints.intake', {
        ...(story ? subject(story, daysAgo) : { complainantName: `Google 評論者 ${rng.digits(3)}` }),
        channel,
        category: key,
        severity,
        receivedAt: ago(daysAgo),
        patientSays: DEMO_COMPLAINTS[key].says,
        patientWants: DEMO_COMPLAINTS[key].wants,
      });
      state.set(key, c.id);
      versions.set(key, c.version);
    });
  const entry = (key: string, daysAgo: number, who: string, kind: In<'complaints.addEntry'>['kind'], summary: string) =>
    on(daysAgo, who, async () => void (await must(router, 'complaints.addEntry', { complaintId: state.get(key)!, kind, occurredAt: ago(daysAgo), summary })));
  const assign = (key: string, daysAgo: number, owner: string) =>
    on(daysAgo, admin, async () => {
      const assigned = await must(router, 'complaints.assign', { complaintId: state.get(key)!, expectedVersion: versions.get(key)!, ownerId: await idOf(owner) });
      versions.set(key, assigned.version);
    });
  const physicianOf = (story: StoryKey, daysAgo: number) => {
    const x = byStory.get(story) ?? [...byStory.values()].find((y) => y.daysAgo > daysAgo);
    return names.get(x?.s.physicianId ?? '') ?? clinic.staff.find((s) => s.role === 'physician')!.name;
  };

  // Effect not as expected: answered within hours, free revision, reviewed and closed.
  intake('outcome_expectation', 15, consultant, 'recovering', 'line', 'medium');
  assign('outcome_expectation', 15 - HOUR, consultant);
  entry('outcome_expectation', 15 - 3 * HOUR, consultant, 'contact', '致電病人了解狀況，安排醫師回診評估對稱性。');
  entry('outcome_expectation', 14, consultant, 'meeting', '醫師回診評估：左右差異約 1 mm，屬消腫期變化，約定兩週後再評估。');
  on(13, admin, async () => {
    const id = state.get('outcome_expectation')!;
    await must(router, 'complaints.addResolution', { complaintId: id, kind: 'free_revision', amountTwd: null, description: '兩週後若仍不對稱，免費修整一次。', decidedAt: ago(13) });
    await must(router, 'complaints.saveReview', {
      complaintId: id,
      whatHappened: '病人以他人照片為期待，術前未以本人模擬說明可達成的效果。',
      causes: [
        { category: 'communication', detail: '諮詢時使用他人案例照片，未強調個人差異。' },
        { category: 'patient_factors', detail: '兩側原本即有差異。' },
      ],
      actions: [{ action: '諮詢一律以本人照片模擬並記錄病人確認', ownerId: await idOf(consultant), dueDate: addDays(dateInZone(new Date(ago(13)), clinic.timeZone), 30) }],
    });
  });
  on(12, admin, async () => void (await must(router, 'complaints.close', { complaintId: state.get('outcome_expectation')!, summary: '病人接受說明，兩週後回診對稱性已改善，結案。' })));

  // A complication: a medical accident with its 5-working-day clock, a request for record copies, compensation.
  const doctor = physicianOf('red_flag_acknowledged', 10.5);
  intake('complication', 10.5, nurse, 'red_flag_acknowledged', 'phone', 'high');
  assign('complication', 10.5 - HOUR, doctor);
  entry('complication', 10.5 - 2 * HOUR, doctor, 'contact', '主治醫師致電關心，確認已服用抗生素、今日已退燒。');
  on(10.5 - 3 * HOUR, doctor, async () => void (await must(router, 'complaints.recordAccident', { complaintId: state.get('complication')!, occurredAt: ago(11), summary: '術後感染，經醫療事故關懷小組判定為醫療事故。' })));
  on(9, nurse, async () => void (await must(router, 'complaints.recordRecordsRequest', { complaintId: state.get('complication')!, requestedAt: ago(9), summary: '病人申請病歷、手術紀錄與照片複本。' })));
  entry('complication', 8, doctor, 'explanation', '醫師與關懷小組向病人及家屬說明感染原因、處置與後續照護計畫。');
  entry('complication', 3, nurse, 'records_provided', '已交付病歷複本 18 頁與照片光碟，病人簽收。');
  on(2, admin, async () => {
    const id = state.get('complication')!;
    await must(router, 'complaints.addResolution', { complaintId: id, kind: 'compensation', amountTwd: 30000, description: '負擔後續治療費用並補償工作損失。', decidedAt: ago(2) });
    await must(router, 'complaints.saveReview', {
      complaintId: id,
      whatHappened: '術後第二天傷口感染，追蹤電話當天發現並即時處置。',
      causes: [
        { category: 'aftercare', detail: '術後衛教未特別說明傷口清潔方式。' },
        { category: 'management', detail: '器械滅菌紀錄當週有漏登。' },
      ],
      actions: [
        { action: '重新訓練器械滅菌登錄並每週稽核', ownerId: await idOf(nurse), dueDate: addDays(dateInZone(new Date(ago(2)), clinic.timeZone), 14) },
        { action: '修訂術後衛教單張（傷口清潔）', ownerId: await idOf(doctor), dueDate: addDays(dateInZone(new Date(ago(2)), clinic.timeZone), 21) },
      ],
    });
  });

  // Pain and recovery: met in person at once, explained; still open.
  intake('pain_recovery', 2, nurse, 'overdue', 'in_person', 'medium');
  entry('pain_recovery', 2 - HOUR, nurse, 'meeting', '護理師現場了解疼痛狀況，安排醫師加診。');
  assign('pain_recovery', 2 - 2 * HOUR, nurse);
  on(1, admin, async () => void (await must(router, 'complaints.addResolution', { complaintId: state.get('pain_recovery')!, kind: 'explanation', amountTwd: null, description: '說明恢復期個人差異，調整止痛藥物。', decidedAt: ago(1) })));

  // Communication and service: an online review nobody answered within 24 hours (breached).
  intake('communication_service', 1.25, consultant, null, 'online_review', 'low');
  // Fees: received this morning, the clock is running.
  intake('billing_contract', 0.2, consultant, 'day1_today', 'email', 'medium');
  // Device or drug: answered, records requested: the 7-working-day clock runs.
  intake('device_drug', 1, nurse, 'red_flag_open', 'letter', 'high');
  assign('device_drug', 1 - HOUR, physicianOf('red_flag_open', 1));
  entry('device_drug', 1 - 2 * HOUR, physicianOf('red_flag_open', 1), 'contact', '致電說明產品來源與批號查詢流程。');
  on(1 - 3 * HOUR, nurse, async () => void (await must(router, 'complaints.recordRecordsRequest', { complaintId: state.get('device_drug')!, requestedAt: ago(1 - 3 * HOUR), summary: '病人申請病歷與產品批號紀錄複本。' })));
}

function planIncidents(on: On, nurses: string[], admin: string, rng: SeededRandom, router: Router) {
  const [sent, tablet, folder, email] = DEMO_INCIDENTS;
  const ids = new Map<string, string>();
  const report = (key: string, data: (typeof DEMO_INCIDENTS)[number], discoveredDaysAgo: number) =>
    on(discoveredDaysAgo - HOUR, rng.pick(nurses), async () => {
      const i = await must(router, 'incidents.report', { ...data, dataKinds: [...data.dataKinds], occurredAt: ago(discoveredDaysAgo + 0.3), discoveredAt: ago(discoveredDaysAgo) });
      ids.set(key, i.id);
    });
  // Notified in time and closed.
  report('sent', sent!, 18);
  on(17, admin, async () =>
    void (await must(router, 'incidents.recordNotification', { incidentId: ids.get('sent')!, notifiedAt: ago(17), authority: '臺北市政府衛生局', patientsNotified: true, note: '逐一致電致歉並寄發書面通知。' })),
  );
  on(10, admin, async () => void (await must(router, 'incidents.close', { incidentId: ids.get('sent')!, summary: '改以加密檔案傳送預約表，完成全員個資訓練。' })));
  // Closed without notification, with the reason.
  report('tablet', tablet!, 9);
  on(8, admin, async () =>
    void (await must(router, 'incidents.close', { incidentId: ids.get('tablet')!, summary: '平板已尋回。', noNotificationReason: '裝置全碟加密並已遠端清除，經查無資料外洩。' })),
  );
  // Open past its 72 hours, and one just found.
  report('folder', folder!, 4);
  on(3, admin, async () => void (await must(router, 'incidents.addUpdate', { incidentId: ids.get('folder')!, text: '已完成存取紀錄清查，三台電腦曾開啟該檔案。' })));
  report('email', email!, 0.4);
}

/** Runs the events in time order; whoever acts signs in, at that time on the demo clock. */
async function runEvents(router: Router, events: DemoEvent[], password: string, clock: DemoClock | null): Promise<void> {
  const ordered = events.map((e, i) => ({ ...e, i })).sort((a, b) => b.daysAgo - a.daysAgo || a.i - b.i);
  let who: string | null = null;
  let at: number | null = null;
  try {
    for (const e of ordered) {
      if (e.who !== who || e.daysAgo !== at) {
        if (who) await router.call('session.signOut', {});
        clock?.setDaysAgo(e.daysAgo);
        await must(router, 'session.signIn', { loginId: e.who, password });
        who = e.who;
        at = e.daysAgo;
      }
      await e.run();
    }
  } finally {
    if (who) await router.call('session.signOut', {});
    clock?.setDaysAgo(0);
  }
}
