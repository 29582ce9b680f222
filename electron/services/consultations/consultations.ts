import { randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../../shared/api';
import { dateInZone, isMinorOn } from '../../../shared/dates';
import type { TemplateContent } from '../../../shared/schemas/catalogue';
import type { Consultation, DisclosureGap, RecordFlag } from '../../../shared/schemas/consultation';
import { DomainError, fail, failField } from '../../domain/errors';
import type { ConsultationRecord } from '../../store/consultations/repository';
import type { PatientRecord } from '../../store/patients/repository';
import { requireProcedure } from '../catalogue/catalogue';
import type { ServiceContext } from '../context';
import { preparePhoto } from '../photos/photo-intake';
import { requirePatient } from '../patients/patients';

const DAY_MS = 86_400_000;

function requireConsultation(ctx: ServiceContext, id: string): ConsultationRecord {
  return ctx.vault().consultations.get(id) ?? fail('not_found', 'errors.consultationNotFound');
}

/** Everything disclosed is edited only while the consultation is a draft. */
function requireDraft(ctx: ServiceContext, id: string): ConsultationRecord {
  const c = requireConsultation(ctx, id);
  if (c.status !== 'draft') fail('rule_violation', 'errors.consultationNotEditable');
  return c;
}

function templateOf(ctx: ServiceContext, c: ConsultationRecord): TemplateContent {
  return (ctx.vault().catalogue.template(c.templateId) ?? fail('internal')).content;
}

/** Facts in the patient's record that the consultant must address in writing. */
export function recordFlags(p: PatientRecord, clinicDate: string): RecordFlag[] {
  const flags: RecordFlag[] = [...p.riskMedications];
  if (p.pregnancy === 'pregnant') flags.push('pregnancy');
  if (p.pregnancy === 'breastfeeding') flags.push('breastfeeding');
  if (p.smoking === 'current') flags.push('smoking');
  if (p.keloidHistory) flags.push('keloid');
  if (p.allergies) flags.push('allergies');
  if (isMinorOn(p.birthDate, clinicDate)) flags.push('minor');
  return flags;
}

/** What is still missing before disclosure; the service refuses `disclose` until this is empty. */
export function disclosureGaps(c: ConsultationRecord, template: TemplateContent, patient: PatientRecord, flags: RecordFlag[], acknowledged: Set<string>, clinicDate: string): DisclosureGap[] {
  const gaps: DisclosureGap[] = [];
  const s = c.screening;
  if (!s) gaps.push('screening');
  else {
    const noted = new Set(s.flagNotes.filter((f) => f.note.length > 0).map((f) => f.flag));
    if (flags.some((f) => !noted.has(f))) gaps.push('flag_notes');
    const answers = new Map(s.contraindications.map((a) => [a.id, a]));
    if (template.contraindications.some((k) => !answers.has(k.id) || (answers.get(k.id)!.present && !answers.get(k.id)!.note))) gaps.push('contraindication_notes');
  }
  if (!c.goals || Object.values(c.goals).some((v) => !v)) gaps.push('goals');
  if (template.risks.some((r) => !acknowledged.has(r.id))) gaps.push('risks');
  if (!c.alternatives) gaps.push('alternatives');
  if (!c.quote) gaps.push('quote');
  else if (!c.quoteAcknowledgedAt) gaps.push('quote_acknowledgement');
  if (!c.comprehensionPassedAt) gaps.push('comprehension');
  if (isMinorOn(patient.birthDate, clinicDate) && !patient.guardian) gaps.push('guardian');
  return gaps;
}

function clinicDate(ctx: ServiceContext): string {
  return dateInZone(ctx.clock.now(), ctx.vault().clinicSettings().timeZone);
}

export function toConsultation(ctx: ServiceContext, c: ConsultationRecord): Consultation {
  const vault = ctx.vault();
  const patient = vault.patients.get(c.patientId)!;
  const template = templateOf(ctx, c);
  const acks = vault.consultations.acknowledgements(c.id);
  const on = clinicDate(ctx);
  const flags = recordFlags(patient, on);
  const body = c.screening?.bodyImage;
  const staffName = (id: string) => vault.staff.get(id)?.name ?? '';
  const physician = vault.staff.get(c.physicianId);
  const procedure = vault.catalogue.get(c.procedureId)!;
  return {
    id: c.id,
    patientId: c.patientId,
    patientName: patient.nameZh,
    consultantId: c.consultantId,
    consultantName: staffName(c.consultantId),
    physicianId: c.physicianId,
    physicianName: physician?.name ?? '',
    physicianSpecialty: physician?.specialty ?? null,
    physicianLicenceNo: physician?.licenceNo ?? null,
    procedureId: c.procedureId,
    procedureName: c.locale === 'en' ? procedure.nameEn : procedure.nameZh,
    templateId: c.templateId,
    templateVersion: vault.catalogue.template(c.templateId)!.version,
    locale: c.locale,
    status: c.status,
    screening: c.screening,
    recordFlags: flags,
    bodyImageFlag: body ? Object.values(body).some(Boolean) : false,
    goals: c.goals,
    alternatives: c.alternatives,
    quote: c.quote,
    quoteTotalTwd: c.quoteTotalTwd,
    quoteAcknowledgedAt: c.quoteAcknowledgedAt,
    riskAcknowledgements: acks,
    readingSeconds: vault.consultations.readingSeconds(c.id),
    comprehensionAnswers: vault.consultations.comprehensionAnswers(c.id),
    comprehensionPassedAt: c.comprehensionPassedAt,
    photos: vault.consultations.photos(c.id),
    gaps: c.status === 'draft' ? disclosureGaps(c, template, patient, flags, new Set(acks.map((a) => a.riskId)), on) : [],
    coolingOffDays: c.status === 'draft' ? procedure.coolingOffDays : c.coolingOffDays,
    disclosedAt: c.disclosedAt,
    coolingOffEndsAt: c.coolingOffEndsAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

function view(ctx: ServiceContext, c: ConsultationRecord) {
  return { consultation: toConsultation(ctx, c), template: templateOf(ctx, c) };
}

function save(ctx: ServiceContext, c: ConsultationRecord, action: string, details: Record<string, unknown> = {}) {
  const next = { ...c, updatedAt: ctx.clock.now().toISOString() };
  ctx.vault().consultations.save(next);
  ctx.audit(action, { type: 'consultation', id: c.id }, { patientId: c.patientId, ...details });
  return view(ctx, next);
}

export function startConsultation(ctx: ServiceContext, input: Parsed<'consultations.start'>): Out<'consultations.start'> {
  const vault = ctx.vault();
  const patient = requirePatient(ctx, input.patientId);
  const procedure = requireProcedure(ctx, input.procedureId);
  if (!procedure.active) failField('rule_violation', 'procedureId', 'errors.procedureInactive');
  const physician = vault.staff.get(input.physicianId);
  if (!physician || physician.role !== 'physician' || !physician.active || !physician.specialty) failField('rule_violation', 'physicianId', 'errors.notAPhysician');
  const template =
    vault.catalogue.latestPublished(procedure.id, patient.preferredLocale) ??
    vault.catalogue.latestPublished(procedure.id, 'zh-TW') ??
    failField('rule_violation', 'procedureId', 'errors.templateNotPublished');
  const id = randomUUID();
  vault.consultations.insert({
    id,
    patientId: patient.id,
    consultantId: ctx.session().staff.id,
    physicianId: physician.id,
    procedureId: procedure.id,
    templateId: template.id,
    locale: template.locale,
    coolingOffDays: procedure.coolingOffDays,
    at: ctx.clock.now().toISOString(),
  });
  ctx.audit('consultation.started', { type: 'consultation', id }, { patientId: patient.id, procedureId: procedure.id, templateId: template.id, templateVersion: template.version, physicianId: physician.id });
  return view(ctx, vault.consultations.get(id)!);
}

export function getConsultation(ctx: ServiceContext, input: Parsed<'consultations.get'>): Out<'consultations.get'> {
  const c = requireConsultation(ctx, input.consultationId);
  ctx.audit('consultation.viewed', { type: 'consultation', id: c.id }, { patientId: c.patientId });
  return view(ctx, c);
}

export function saveScreening(ctx: ServiceContext, input: Parsed<'consultations.saveScreening'>): Out<'consultations.saveScreening'> {
  const c = requireDraft(ctx, input.consultationId);
  const known = new Set(templateOf(ctx, c).contraindications.map((k) => k.id));
  input.screening.contraindications.forEach((a, i) => {
    if (!known.has(a.id)) throw new DomainError('invalid_input', 'errors.invalid_input', undefined, [{ path: ['screening', 'contraindications', i, 'id'], messageKey: 'errors.unknownContraindication' }]);
  });
  const bodyImageFlag = Object.values(input.screening.bodyImage).some(Boolean);
  return save(ctx, { ...c, screening: input.screening }, 'consultation.screening_saved', { bodyImageFlag });
}

export function saveGoals(ctx: ServiceContext, input: Parsed<'consultations.saveGoals'>): Out<'consultations.saveGoals'> {
  const c = requireDraft(ctx, input.consultationId);
  return save(ctx, { ...c, goals: input.goals }, 'consultation.goals_saved');
}

export function saveAlternatives(ctx: ServiceContext, input: Parsed<'consultations.saveAlternatives'>): Out<'consultations.saveAlternatives'> {
  const c = requireDraft(ctx, input.consultationId);
  const known = new Set(templateOf(ctx, c).alternatives.map((a) => a.id));
  input.alternatives.discussed.forEach((a, i) => {
    if (!known.has(a.id)) throw new DomainError('invalid_input', 'errors.invalid_input', undefined, [{ path: ['alternatives', 'discussed', i, 'id'], messageKey: 'errors.unknownAlternative' }]);
  });
  return save(ctx, { ...c, alternatives: input.alternatives }, 'consultation.alternatives_saved', { discussed: input.alternatives.discussed.map((a) => a.id) });
}

/** A changed quote must be acknowledged again. */
export function saveQuote(ctx: ServiceContext, input: Parsed<'consultations.saveQuote'>): Out<'consultations.saveQuote'> {
  const c = requireDraft(ctx, input.consultationId);
  const total = input.quote.items.reduce((sum, i) => sum + i.amountTwd, 0);
  return save(ctx, { ...c, quote: input.quote, quoteTotalTwd: total, quoteAcknowledgedAt: null }, 'consultation.quote_saved', { totalTwd: total, items: input.quote.items.length });
}

export function acknowledgeQuote(ctx: ServiceContext, input: Parsed<'consultations.acknowledgeQuote'>): Out<'consultations.acknowledgeQuote'> {
  const c = requireDraft(ctx, input.consultationId);
  if (!c.quote) fail('rule_violation', 'errors.quoteMissing');
  // What the patient acknowledges is the total they were shown, and it must be the one saved (and printed).
  if (input.totalTwd !== undefined && input.totalTwd !== c.quoteTotalTwd) fail('conflict', 'workday.quote.totalChanged');
  return save(ctx, { ...c, quoteAcknowledgedAt: ctx.clock.now().toISOString() }, 'consultation.quote_acknowledged', { totalTwd: c.quoteTotalTwd });
}

/** One risk at a time: explained, questions noted, acknowledged by the patient (time-stamped). */
export function acknowledgeRisk(ctx: ServiceContext, input: Parsed<'consultations.acknowledgeRisk'>): Out<'consultations.acknowledgeRisk'> {
  const c = requireDraft(ctx, input.consultationId);
  const risk = templateOf(ctx, c).risks.find((r) => r.id === input.riskId);
  if (!risk) failField('invalid_input', 'riskId', 'errors.unknownRisk');
  const vault = ctx.vault();
  if (vault.consultations.acknowledgements(c.id).some((a) => a.riskId === risk.id)) failField('conflict', 'riskId', 'errors.riskAlreadyAcknowledged');
  const now = ctx.clock.now().toISOString();
  const explainedAt = input.explainedAt && input.explainedAt <= now ? input.explainedAt : now;
  vault.consultations.addAcknowledgement({
    consultationId: c.id,
    riskId: risk.id,
    explainedAt,
    acknowledgedAt: now,
    method: input.method,
    questions: input.questions || null,
    recordedBy: ctx.session().staff.id,
  });
  return save(ctx, c, 'consultation.risk_acknowledged', { riskId: risk.id, severity: risk.severity, method: input.method });
}

export function recordReadingTime(ctx: ServiceContext, input: Parsed<'consultations.recordReading'>): Out<'consultations.recordReading'> {
  const c = requireDraft(ctx, input.consultationId);
  ctx.vault().consultations.addReadingTime(c.id, input.section, input.seconds, ctx.clock.now().toISOString());
  ctx.audit('consultation.reading_recorded', { type: 'consultation', id: c.id }, { section: input.section, seconds: input.seconds });
  return { readingSeconds: ctx.vault().consultations.readingSeconds(c.id) };
}

/** Every question once; any wrong answer names its topic so the flow goes back there. */
export function answerComprehension(ctx: ServiceContext, input: Parsed<'consultations.answerComprehension'>): Out<'consultations.answerComprehension'> {
  const c = requireDraft(ctx, input.consultationId);
  const questions = templateOf(ctx, c).comprehensionQuestions;
  const byId = new Map(input.answers.map((a) => [a.questionId, a.chosenIndex]));
  input.answers.forEach((a, i) => {
    const q = questions.find((x) => x.id === a.questionId);
    if (!q || a.chosenIndex >= q.options.length) {
      throw new DomainError('invalid_input', 'errors.invalid_input', undefined, [{ path: ['answers', i], messageKey: 'errors.unknownQuestion' }]);
    }
  });
  if (byId.size !== input.answers.length || questions.some((q) => !byId.has(q.id))) fail('invalid_input', 'errors.answerEveryQuestion');
  const graded = questions.map((q) => ({ questionId: q.id, chosenIndex: byId.get(q.id)!, correct: byId.get(q.id) === q.correctIndex, topic: q.topic }));
  const now = ctx.clock.now().toISOString();
  const attempt = ctx.vault().consultations.addComprehensionAttempt(c.id, graded, now);
  const passed = graded.every((g) => g.correct);
  const wrong = graded.filter((g) => !g.correct).map((g) => ({ questionId: g.questionId, topic: g.topic }));
  const next = { ...c, comprehensionPassedAt: passed ? now : null };
  const result = save(ctx, next, 'consultation.comprehension_answered', { attempt, passed, wrong: wrong.map((w) => w.questionId) });
  return { ...result, result: { passed, wrong } };
}

export function disclose(ctx: ServiceContext, input: Parsed<'consultations.disclose'>): Out<'consultations.disclose'> {
  const c = requireDraft(ctx, input.consultationId);
  const current = toConsultation(ctx, c);
  if (current.gaps.length > 0) {
    throw new DomainError('rule_violation', 'errors.disclosureIncomplete', undefined, current.gaps.map((g) => ({ path: ['gaps', g], messageKey: `gaps.${g}` })));
  }
  const procedure = requireProcedure(ctx, c.procedureId);
  const now = ctx.clock.now();
  const next: ConsultationRecord = {
    ...c,
    status: 'disclosed',
    coolingOffDays: procedure.coolingOffDays,
    disclosedAt: now.toISOString(),
    coolingOffEndsAt: new Date(now.getTime() + procedure.coolingOffDays * DAY_MS).toISOString(),
  };
  return save(ctx, next, 'consultation.disclosed', { coolingOffDays: next.coolingOffDays, coolingOffEndsAt: next.coolingOffEndsAt, bodyImageFlag: current.bodyImageFlag });
}

export function addPhoto(ctx: ServiceContext, input: Parsed<'consultations.addPhoto'>): Out<'consultations.addPhoto'> {
  const c = requireDraft(ctx, input.consultationId);
  const photo = preparePhoto(ctx, input);
  const { clean, sha256 } = photo;
  const now = ctx.clock.now().toISOString();
  const id = randomUUID();
  ctx.vault().consultations.addPhoto({
    id,
    patientId: c.patientId,
    consultationId: c.id,
    kind: 'before',
    sha256,
    mime: input.mime,
    bytes: clean,
    capturedAt: photo.capturedAt,
    capturedAtSource: photo.capturedAtSource,
    angle: photo.angle,
    area: photo.area,
    marketingConsent: input.marketingConsent,
    createdAt: now,
    createdBy: ctx.session().staff.id,
  });
  return save(ctx, c, 'consultation.photo_added', {
    photoId: id,
    sha256,
    bytesRemoved: photo.bytesRemoved,
    marketingConsent: input.marketingConsent,
    angle: photo.angle,
    area: photo.area,
    capturedAtSource: photo.capturedAtSource,
  });
}

/** Marketing use of a photo can be withdrawn at any time; the withdrawal is kept, not the consent erased. */
export function withdrawPhotoMarketing(ctx: ServiceContext, input: Parsed<'photos.withdrawMarketing'>): Out<'photos.withdrawMarketing'> {
  const vault = ctx.vault();
  const photo = vault.consultations.photo(input.photoId) ?? fail('not_found', 'errors.photoNotFound');
  if (!photo.marketingConsent || photo.marketingWithdrawnAt) fail('rule_violation', 'errors.noMarketingConsent');
  vault.consultations.withdrawMarketing(photo.id, ctx.clock.now().toISOString());
  ctx.audit('photo.marketing_withdrawn', { type: 'photo', id: photo.id }, { patientId: photo.patientId });
  const { patientId: _p, ...meta } = vault.consultations.photo(photo.id)!;
  return meta;
}

export function getPhoto(ctx: ServiceContext, input: Parsed<'photos.get'>): Out<'photos.get'> {
  const vault = ctx.vault();
  const photo = vault.consultations.photo(input.photoId) ?? fail('not_found', 'errors.photoNotFound');
  ctx.audit('photo.viewed', { type: 'photo', id: photo.id }, { patientId: photo.patientId });
  const { patientId: _p, ...meta } = photo;
  return { ...meta, dataBase64: vault.consultations.attachmentBytes(photo.sha256).toString('base64') };
}
