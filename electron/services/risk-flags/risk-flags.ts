import { randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../../shared/api';
import { BODY_IMAGE_QUESTIONS } from '../../../shared/schemas/consultation';
import { PHYSICIAN_ASSESSES, type ConsultationFlag, type ConsultationFlags, type FlagChip, type FlagKind } from '../../../shared/schemas/risk-flags';
import type { ConsultationRecord } from '../../store/consultations/repository';
import { fail, failField } from '../../domain/errors';
import { requireOperatingPhysician } from '../consents/operating-physician';
import { recordFlags } from '../../domain/consultation-view';
import { clinicToday } from '../clinic-time';
import type { ServiceContext } from '../context';

const flagId = (kind: FlagKind, key: string) => `${kind}:${key}`;
/** Consultations whose flags no longer travel anywhere. */
const ENDED = new Set(['closed', 'withdrawn']);

function requireConsultation(ctx: ServiceContext, id: string): ConsultationRecord {
  return ctx.vault().consultations.get(id) ?? fail('not_found', 'errors.consultationNotFound');
}

/**
 * Every risk flag of a consultation: the record's flags (as screened, plus any the record has gained since),
 * each contraindication answered "present", and the body-image screen when any answer is "yes"; with the
 * consultant's note and the operating physician's written assessment, if any.
 */
export function flagsOf(ctx: ServiceContext, c: ConsultationRecord): ConsultationFlags {
  const vault = ctx.vault();
  const patient = vault.patients.get(c.patientId) ?? fail('internal');
  const template = (vault.catalogue.template(c.templateId) ?? fail('internal')).content;
  const procedure = vault.catalogue.get(c.procedureId) ?? fail('internal');
  const assessed = new Map(vault.flagAssessments.forConsultation(c.id).map((a) => [flagId(a.kind, a.key), a]));
  const s = c.screening;
  const flag = (kind: FlagKind, key: string, rest: Pick<ConsultationFlag, 'label' | 'consultantNote' | 'bodyImageAnswers'>): ConsultationFlag => {
    const a = assessed.get(flagId(kind, key));
    return { kind, key, ...rest, needsAssessment: PHYSICIAN_ASSESSES.includes(kind), assessment: a ? { text: a.assessment, physicianName: a.physicianName, at: a.assessedAt } : null };
  };
  const today = clinicToday(ctx);
  const record = [...new Set([...(s?.flagNotes.map((f) => f.flag) ?? []), ...recordFlags(patient, today)])];
  const flags: ConsultationFlag[] = [
    ...record.map((f) => flag('record', f, { label: '', consultantNote: s?.flagNotes.find((n) => n.flag === f)?.note ?? '', bodyImageAnswers: [] })),
    ...(s?.contraindications ?? [])
      .filter((a) => a.present)
      .map((a) => flag('contraindication', a.id, { label: template.contraindications.find((k) => k.id === a.id)?.text ?? a.id, consultantNote: a.note ?? '', bodyImageAnswers: [] })),
  ];
  const yes = s ? BODY_IMAGE_QUESTIONS.filter((q) => s.bodyImage[q]) : [];
  if (yes.length > 0) flags.push(flag('body_image', 'body_image', { label: '', consultantNote: '', bodyImageAnswers: yes }));
  return {
    consultationId: c.id,
    patientId: c.patientId,
    procedureName: procedure.nameZh,
    procedureNameEn: procedure.nameEn,
    status: c.status,
    physicianId: c.physicianId,
    physicianName: vault.staff.get(c.physicianId)?.name ?? '',
    flags,
    awaitingAssessment: flags.filter((f) => f.needsAssessment && !f.assessment).length,
  };
}

/** The flags as chips for a worklist row (Home). */
export function flagChips(ctx: ServiceContext, consultationId: string): FlagChip[] {
  const c = ctx.vault().consultations.get(consultationId);
  if (!c) return [];
  return flagsOf(ctx, c).flags.map((f) => ({ kind: f.kind, key: f.key, label: f.label, assessed: f.assessment !== null, needsAssessment: f.needsAssessment }));
}

export function flagsForConsultation(ctx: ServiceContext, input: Parsed<'riskFlags.forConsultation'>): Out<'riskFlags.forConsultation'> {
  const c = requireConsultation(ctx, input.consultationId);
  const out = flagsOf(ctx, c);
  ctx.audit('risk_flags.viewed', { type: 'consultation', id: c.id }, { patientId: c.patientId, count: out.flags.length });
  return out;
}

/** The patient's consultations still under way that carry a flag: what the patient banner shows. */
export function flagsForPatient(ctx: ServiceContext, input: Parsed<'riskFlags.forPatient'>): Out<'riskFlags.forPatient'> {
  const vault = ctx.vault();
  if (!vault.patients.get(input.patientId)) fail('not_found', 'errors.patientNotFound');
  const out = vault.consultations
    .forPatient(input.patientId)
    .filter((s) => !ENDED.has(s.status))
    .map((s) => flagsOf(ctx, vault.consultations.get(s.id)!))
    .filter((f) => f.flags.length > 0);
  ctx.audit('risk_flags.viewed', { type: 'patient', id: input.patientId }, { patientId: input.patientId, count: out.reduce((n, f) => n + f.flags.length, 0) });
  return out;
}

/**
 * The operating physician's written assessment of flags, once each, after the consultation is disclosed and while
 * it is under way. The physician re-enters their password (the consultant's session may be the one signed in).
 * The text stays in the record, not in the audit trail (typed text).
 */
export async function assessFlags(ctx: ServiceContext, input: Parsed<'riskFlags.assess'>): Promise<Out<'riskFlags.assess'>> {
  const vault = ctx.vault();
  const c = requireConsultation(ctx, input.consultationId);
  if (c.status === 'draft') fail('rule_violation', 'safety.flags.notDisclosed');
  if (ENDED.has(c.status)) fail('rule_violation', 'safety.flags.consultationEnded');
  const current = flagsOf(ctx, c);
  const seen = new Set<string>();
  input.assessments.forEach((a, i) => {
    const f = current.flags.find((x) => x.kind === a.kind && x.key === a.key);
    if (!f) failField('invalid_input', ['assessments', i, 'key'], 'safety.flags.unknownFlag');
    if (f.assessment || seen.has(flagId(a.kind, a.key))) failField('conflict', ['assessments', i, 'key'], 'safety.flags.alreadyAssessed');
    seen.add(flagId(a.kind, a.key));
  });
  await requireOperatingPhysician(ctx, c, input.physicianId, input.password, 'risk_flags.assess');
  const at = ctx.clock.now().toISOString();
  const ids = input.assessments.map((a) => {
    const id = randomUUID();
    vault.flagAssessments.add({ id, consultationId: c.id, kind: a.kind, key: a.key, assessment: a.text, physicianId: input.physicianId, assessedAt: at, recordedBy: ctx.session().staff.id });
    return id;
  });
  ctx.audit('risk_flags.assessed', { type: 'consultation', id: c.id }, {
    patientId: c.patientId,
    physicianId: input.physicianId,
    assessmentIds: ids,
    flags: input.assessments.map((a) => ({ kind: a.kind, key: a.key })),
  });
  return flagsOf(ctx, c);
}
