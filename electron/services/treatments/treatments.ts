import { randomUUID } from 'node:crypto';
import { plannedVisits } from '../../../shared/aftercare';
import type { Out, Parsed } from '../../../shared/api';
import { dateInZone } from '../../../shared/dates';
import type { Treatment } from '../../../shared/schemas/aftercare';
import type { ProductRecord, TreatmentRecord } from '../../store/treatments/repository';
import type { ConsultationRecord } from '../../store/consultations/repository';
import { fail, failField } from '../../domain/errors';
import { consentUsableForTreatment } from '../consents/view';
import type { ServiceContext } from '../context';
import { clinicZone, notInFuture, nowIso } from '../clinic-time';
import { storePhoto } from '../photos/photo-intake';
import { requireActiveStaff } from '../staff/staff';

const subject = (id: string) => ({ type: 'treatment', id }) as const;
/** Products that must be traceable to their lot when a complaint questions them. */
const LOT_REQUIRED = new Set(['drug', 'device', 'implant']);
const EXPIRY_REQUIRED = new Set(['drug', 'implant']);

export function requireTreatment(ctx: ServiceContext, id: string): TreatmentRecord {
  return ctx.vault().treatments.get(id) ?? fail('not_found', 'aftercare.errors.treatmentNotFound');
}

export function treatmentView(ctx: ServiceContext, t: TreatmentRecord): Treatment {
  const vault = ctx.vault();
  const store = vault.treatments;
  const c = vault.consultations.get(t.consultationId) ?? fail('internal');
  const patient = vault.patients.get(t.patientId) ?? fail('internal');
  const procedure = vault.catalogue.get(c.procedureId) ?? fail('internal');
  const name = (id: string) => vault.staff.get(id)?.name ?? '';
  return {
    id: t.id,
    consultationId: t.consultationId,
    consentId: t.consentId,
    patientId: t.patientId,
    patientName: patient.nameZh,
    chartNo: patient.chartNo,
    procedureName: procedure.nameZh,
    procedureNameEn: procedure.nameEn,
    procedureCategory: procedure.category,
    performedAt: t.performedAt,
    physicianId: t.physicianId,
    physicianName: name(t.physicianId),
    assistants: t.assistantIds.map((id) => ({ id, name: name(id) })),
    anaesthesia: t.anaesthesia,
    anaesthesiaDetails: t.anaesthesiaDetails,
    products: store.products(t.id),
    intraOpNotes: t.intraOpNotes,
    recordedByName: name(t.recordedBy),
    createdAt: t.createdAt,
    photos: store.photos(t.id),
    corrections: store.corrections(t.id),
  };
}

const CONSENT_REASON_KEYS = {
  no_consent: 'aftercare.errors.consentMissing',
  not_fully_signed: 'aftercare.errors.consentNotFullySigned',
  withdrawn: 'aftercare.errors.consentWithdrawn',
  expired: 'aftercare.errors.consentExpired',
} as const;

/** Lot for drugs, devices and implants; expiry for drugs and implants; nothing used past its expiry date. */
function checkProducts(products: Parsed<'treatments.record'>['products'], treatedOn: string): ProductRecord[] {
  return products.map((p, i) => {
    if (LOT_REQUIRED.has(p.kind) && !p.lot) failField('rule_violation', ['products', i, 'lot'], 'aftercare.errors.lotRequired');
    if (EXPIRY_REQUIRED.has(p.kind) && !p.expiryDate) failField('rule_violation', ['products', i, 'expiryDate'], 'aftercare.errors.expiryRequired');
    if (p.expiryDate && p.expiryDate < treatedOn) failField('rule_violation', ['products', i, 'expiryDate'], 'aftercare.errors.productExpired');
    return { kind: p.kind, name: p.name, brand: p.brand, lot: p.lot || null, serialNo: p.serialNo || null, expiryDate: p.expiryDate ?? null, quantity: p.quantity || null };
  });
}

/**
 * The procedure as performed: only on the consultation's fully signed, not withdrawn, unexpired consent, by that
 * consent's operating physician. The procedure's follow-up plan creates the visits; the consultation becomes
 * `treated`.
 */
export function recordTreatment(ctx: ServiceContext, input: Parsed<'treatments.record'>): Out<'treatments.record'> {
  const vault = ctx.vault();
  const c: ConsultationRecord = vault.consultations.get(input.consultationId) ?? fail('not_found', 'errors.consultationNotFound');
  if (vault.treatments.forConsultation(c.id)) fail('conflict', 'aftercare.errors.alreadyTreated');
  const usable = consentUsableForTreatment(ctx, c.id);
  if (!usable.ok) fail('rule_violation', CONSENT_REASON_KEYS[usable.reason]);
  if (c.status !== 'fully_signed') fail('rule_violation', 'aftercare.errors.consentNotFullySigned');
  const consent = vault.consents.forConsultation(c.id) ?? fail('internal');
  if (input.physicianId !== c.physicianId) failField('rule_violation', 'physicianId', 'aftercare.errors.notOperatingPhysician');
  requireActiveStaff(ctx, input.physicianId, 'physicianId', ['physician']);

  notInFuture(ctx, input.performedAt, 'performedAt');
  if (consent.fullySignedAt && input.performedAt < consent.fullySignedAt) failField('rule_violation', 'performedAt', 'aftercare.errors.beforeConsent');
  if (consent.expiresAt && input.performedAt >= consent.expiresAt) failField('rule_violation', 'performedAt', 'aftercare.errors.consentExpired');
  const seen = new Set<string>([input.physicianId]);
  input.assistantIds.forEach((id, i) => {
    if (seen.has(id)) failField('invalid_input', ['assistantIds', i], 'aftercare.errors.duplicateAssistant');
    seen.add(id);
    requireActiveStaff(ctx, id, ['assistantIds', i], ['physician', 'nurse', 'consultant']);
  });
  const zone = clinicZone(ctx);
  const treatedOn = dateInZone(new Date(input.performedAt), zone);
  const products = checkProducts(input.products, treatedOn);
  const procedure = vault.catalogue.get(c.procedureId) ?? fail('internal');

  const now = nowIso(ctx);
  const id = randomUUID();
  vault.treatments.insert(
    {
      id,
      consultationId: c.id,
      consentId: consent.id,
      patientId: c.patientId,
      physicianId: input.physicianId,
      performedAt: input.performedAt,
      assistantIds: input.assistantIds,
      anaesthesia: input.anaesthesia,
      anaesthesiaDetails: input.anaesthesiaDetails || null,
      intraOpNotes: input.intraOpNotes,
      recordedBy: ctx.session().staff.id,
      createdAt: now,
    },
    products,
  );
  const consultant = vault.staff.get(c.consultantId);
  const visits = plannedVisits(procedure.followUpPlan, treatedOn).map((level) => ({
    id: randomUUID(),
    treatmentId: id,
    levelId: level.id,
    dayOffset: level.dayOffset,
    role: level.role,
    method: level.method,
    focus: level.focus,
    dueDate: level.dueDate,
    // The operating physician makes the physician's calls; the consultant who held the consultation makes theirs.
    assignedTo: level.role === 'physician' ? input.physicianId : level.role === 'consultant' && consultant?.active && consultant.role === 'consultant' ? consultant.id : null,
    createdAt: now,
  }));
  for (const v of visits) vault.followUps.insertVisit(v);
  vault.consultations.save({ ...c, status: 'treated', updatedAt: now });
  ctx.audit('treatment.recorded', subject(id), {
    patientId: c.patientId,
    consultationId: c.id,
    consentId: consent.id,
    physicianId: input.physicianId,
    performedAt: input.performedAt,
    anaesthesia: input.anaesthesia,
    products: products.map((p) => ({ kind: p.kind, brand: p.brand, name: p.name, lot: p.lot, serialNo: p.serialNo })),
    visits: visits.map((v) => ({ levelId: v.levelId, dueDate: v.dueDate, role: v.role })),
  });
  return treatmentView(ctx, vault.treatments.get(id)!);
}

export function getTreatment(ctx: ServiceContext, input: Parsed<'treatments.get'>): Out<'treatments.get'> {
  const t = requireTreatment(ctx, input.treatmentId);
  ctx.audit('treatment.viewed', subject(t.id), { patientId: t.patientId });
  return treatmentView(ctx, t);
}

export function treatmentForConsultation(ctx: ServiceContext, input: Parsed<'treatments.forConsultation'>): Out<'treatments.forConsultation'> {
  const c = ctx.vault().consultations.get(input.consultationId) ?? fail('not_found', 'errors.consultationNotFound');
  const t = ctx.vault().treatments.forConsultation(c.id);
  if (!t) return null;
  ctx.audit('treatment.viewed', subject(t.id), { patientId: t.patientId });
  return treatmentView(ctx, t);
}

/** After photos are added to the record (never replacing anything). */
export function addTreatmentPhoto(ctx: ServiceContext, input: Parsed<'treatments.addPhoto'>): Out<'treatments.addPhoto'> {
  const t = requireTreatment(ctx, input.treatmentId);
  const photo = storePhoto(ctx, { patientId: t.patientId, consultationId: null, kind: 'after' }, input);
  ctx.vault().treatments.linkPhoto(photo.id, t.id, null);
  ctx.audit('treatment.photo_added', subject(t.id), { patientId: t.patientId, photoId: photo.id, sha256: photo.sha256, bytesRemoved: photo.bytesRemoved, marketingConsent: input.marketingConsent, angle: photo.angle, area: photo.area, capturedAtSource: photo.capturedAtSource });
  return treatmentView(ctx, t);
}

/** The record stays as it was saved; the correction is appended beside it. */
export function correctTreatment(ctx: ServiceContext, input: Parsed<'treatments.correct'>): Out<'treatments.correct'> {
  const t = requireTreatment(ctx, input.treatmentId);
  const id = randomUUID();
  ctx.vault().treatments.addCorrection(id, t.id, input.text, ctx.session().staff.id, nowIso(ctx));
  ctx.audit('treatment.corrected', subject(t.id), { patientId: t.patientId, correctionId: id });
  return treatmentView(ctx, t);
}
