import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../../../shared/schemas/audit-actions';
import type { Out, Parsed } from '../../../shared/api';
import type { TemplateContent } from '../../../shared/schemas/catalogue';
import type { Consultation } from '../../../shared/schemas/consultation';
import { toConsultation } from '../../domain/consultation-view';
import { DomainError, fail, failField } from '../../domain/errors';
import type { ConsultationRecord } from '../../store/consultations/repository';
import { requireProcedure } from '../catalogue/catalogue';
import { clinicToday } from '../clinic-time';
import { failEditedElsewhere, requireVersion } from '../edited-elsewhere';
import type { ServiceContext } from '../context';
import { storePhoto } from '../photos/photo-intake';
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

/** The consultation as the screens show it, from what the vault holds now (the builder is shared with the evidence export). */
function consultationView(ctx: ServiceContext, c: ConsultationRecord): Consultation {
  const vault = ctx.vault();
  return toConsultation(c, {
    patient: vault.patients.get(c.patientId)!,
    template: vault.catalogue.template(c.templateId) ?? fail('internal'),
    procedure: vault.catalogue.get(c.procedureId)!,
    consultant: vault.staff.get(c.consultantId),
    physician: vault.staff.get(c.physicianId),
    acknowledgements: vault.consultations.acknowledgements(c.id),
    readingSeconds: vault.consultations.readingSeconds(c.id),
    comprehensionAnswers: vault.consultations.comprehensionAnswers(c.id),
    photos: vault.photos.forConsultation(c.id),
    clinicDate: clinicToday(ctx),
  });
}

function view(ctx: ServiceContext, c: ConsultationRecord) {
  return { consultation: consultationView(ctx, c), template: templateOf(ctx, c) };
}

/**
 * Writes the consultation as the signed-in person. The version counts saves of what the step forms edit
 * (`stepSave`): an action (a risk acknowledged, a photo) reads and writes in one transaction and overwrites no
 * typed text, so it does not turn another seat's open form stale.
 */
function save(ctx: ServiceContext, c: ConsultationRecord, action: AuditAction, details: Record<string, unknown> = {}, stepSave = false) {
  const next = { ...c, updatedAt: ctx.clock.now().toISOString(), updatedBy: ctx.session().staff.id };
  const vault = ctx.vault();
  if (!vault.consultations.save(next, stepSave ? c.version + 1 : c.version)) failEditedElsewhere(ctx, vault.consultations.get(c.id) ?? c);
  ctx.audit(action, { type: 'consultation', id: c.id }, { patientId: c.patientId, ...details });
  return view(ctx, vault.consultations.get(c.id)!);
}

/** A step's form is saved over the version it loaded, or not at all. */
function requireDraftAt(ctx: ServiceContext, id: string, expectedVersion: number): ConsultationRecord {
  const c = requireDraft(ctx, id);
  requireVersion(ctx, c, expectedVersion);
  return c;
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
  const c = requireDraftAt(ctx, input.consultationId, input.expectedVersion);
  const known = new Set(templateOf(ctx, c).contraindications.map((k) => k.id));
  input.screening.contraindications.forEach((a, i) => {
    if (!known.has(a.id)) throw new DomainError('invalid_input', 'errors.invalid_input', undefined, [{ path: ['screening', 'contraindications', i, 'id'], messageKey: 'errors.unknownContraindication' }]);
  });
  const bodyImageFlag = Object.values(input.screening.bodyImage).some(Boolean);
  return save(ctx, { ...c, screening: input.screening }, 'consultation.screening_saved', { bodyImageFlag }, true);
}

export function saveGoals(ctx: ServiceContext, input: Parsed<'consultations.saveGoals'>): Out<'consultations.saveGoals'> {
  const c = requireDraftAt(ctx, input.consultationId, input.expectedVersion);
  return save(ctx, { ...c, goals: input.goals }, 'consultation.goals_saved', {}, true);
}

export function saveAlternatives(ctx: ServiceContext, input: Parsed<'consultations.saveAlternatives'>): Out<'consultations.saveAlternatives'> {
  const c = requireDraftAt(ctx, input.consultationId, input.expectedVersion);
  const known = new Set(templateOf(ctx, c).alternatives.map((a) => a.id));
  input.alternatives.discussed.forEach((a, i) => {
    if (!known.has(a.id)) throw new DomainError('invalid_input', 'errors.invalid_input', undefined, [{ path: ['alternatives', 'discussed', i, 'id'], messageKey: 'errors.unknownAlternative' }]);
  });
  return save(ctx, { ...c, alternatives: input.alternatives }, 'consultation.alternatives_saved', { discussed: input.alternatives.discussed.map((a) => a.id) }, true);
}

/** A changed quote must be acknowledged again. */
export function saveQuote(ctx: ServiceContext, input: Parsed<'consultations.saveQuote'>): Out<'consultations.saveQuote'> {
  const c = requireDraftAt(ctx, input.consultationId, input.expectedVersion);
  const total = input.quote.items.reduce((sum, i) => sum + i.amountTwd, 0);
  return save(ctx, { ...c, quote: input.quote, quoteTotalTwd: total, quoteAcknowledgedAt: null }, 'consultation.quote_saved', { totalTwd: total, items: input.quote.items.length }, true);
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
  const current = consultationView(ctx, c);
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
  const photo = storePhoto(ctx, { patientId: c.patientId, consultationId: c.id, kind: 'before' }, input);
  return save(ctx, c, 'consultation.photo_added', {
    photoId: photo.id,
    sha256: photo.sha256,
    bytesRemoved: photo.bytesRemoved,
    marketingConsent: input.marketingConsent,
    angle: photo.angle,
    area: photo.area,
    capturedAtSource: photo.capturedAtSource,
  });
}
