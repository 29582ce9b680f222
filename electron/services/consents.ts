import { randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../shared/api';
import type { SignatureInk, SignatureRole } from '../../shared/schemas/consent';
import { judgeSignature } from '../../shared/signature';
import { renderFinalDocument } from '../pdf/certificate';
import { consentForms, renderConsentDocument } from '../pdf/consent-document';
import { clinicTime } from '../pdf/format';
import { pngSize } from '../pdf/signature-png';
import type { ConsentRecord } from '../store/consents';
import type { ConsultationRecord } from '../store/consultations';
import { DomainError, fail, failField } from '../store/errors';
import { certificateData, consentSources, documentData } from './consent-data';
import { checklistFor, consentView, requireConsent } from './consent-view';
import { CONSENT_VALID_DAYS, DAY_MS, orderViolation, patientSideComplete, requiredRoles, requiredSignatures, sha256, signatureBinding, strokesRecord, withdrawalBinding } from './consent-rules';
import { auditedText } from './audit-text';
import type { ServiceContext } from './context';

const subject = (id: string) => ({ type: 'consent', id });

function requireConsultation(ctx: ServiceContext, id: string): ConsultationRecord {
  return ctx.vault().consultations.get(id) ?? fail('not_found', 'errors.consultationNotFound');
}

/** Ink checks shared by signing and withdrawal: something drawn, more than a dot, and a real PNG. */
function checkInk(ink: SignatureInk, path: (string | number)[]): { png: Buffer; strokes: string; strokesSha256: string; pngSha256: string } {
  const verdict = judgeSignature(ink.strokes, ink.pad.width);
  if (verdict === 'empty') failField('invalid_input', [...path, 'strokes'], 'consent.errors.signatureEmpty');
  if (verdict === 'too_small') failField('invalid_input', [...path, 'strokes'], 'consent.errors.signatureTooSmall');
  const png = Buffer.from(ink.pngBase64, 'base64');
  const size = pngSize(png);
  if (!size || size.width > 8000 || size.height > 8000) failField('invalid_input', [...path, 'pngBase64'], 'consent.errors.signaturePng');
  const strokes = strokesRecord(ink.pad, ink.strokes);
  return { png, strokes, strokesSha256: sha256(strokes), pngSha256: sha256(png) };
}

function coolingOffOver(ctx: ServiceContext, c: ConsultationRecord): boolean {
  return c.coolingOffEndsAt !== null && ctx.clock.now().toISOString() >= c.coolingOffEndsAt;
}

/** The operating physician, re-authenticated with their password (Argon2 against their key slot). */
async function requireOperatingPhysician(ctx: ServiceContext, c: ConsultationRecord, physicianId: string, password: string, action: string): Promise<string> {
  if (physicianId !== c.physicianId) failField('rule_violation', 'physicianId', 'consent.errors.notOperatingPhysician');
  const physician = ctx.vault().staff.get(physicianId);
  if (!physician || !physician.active || physician.role !== 'physician') failField('rule_violation', 'physicianId', 'consent.errors.notOperatingPhysician');
  let ok: boolean;
  try {
    ok = await ctx.vault().verifyStaffPassword(physicianId, password, ctx.clock);
  } catch (e) {
    ctx.auditEvenIfFailed(`${action}_refused`, { type: 'consultation', id: c.id }, { physicianId, reason: 'locked_out' });
    throw e;
  }
  if (!ok) {
    ctx.auditEvenIfFailed(`${action}_password_failed`, { type: 'consultation', id: c.id }, { physicianId });
    failField('invalid_credentials', 'password', 'consent.errors.physicianPasswordWrong');
  }
  return physician.name;
}

/** Issues the consent document: rendered once from the disclosed consultation, stored with its SHA-256. */
export async function issueConsent(ctx: ServiceContext, input: Parsed<'consents.issue'>): Promise<Out<'consents.issue'>> {
  const vault = ctx.vault();
  const c = requireConsultation(ctx, input.consultationId);
  if (vault.consents.forConsultation(c.id)) fail('conflict', 'consent.errors.alreadyIssued');
  if (c.status !== 'disclosed') fail('rule_violation', c.status === 'withdrawn' ? 'consent.errors.consentWithdrawn' : 'consent.errors.notDisclosed');
  const s = consentSources(ctx, c);
  if (s.minor && !s.patient.guardian) fail('rule_violation', 'consent.errors.noGuardian');
  const issuedAt = ctx.clock.now().toISOString();
  const consent = { id: randomUUID(), issuedAt, forms: consentForms(s.procedure.anaesthesia), roles: requiredRoles({ minor: s.minor, witnessRequired: s.procedure.witnessRequired }) };
  const { bytes, pageCount } = await renderConsentDocument(documentData(ctx, c, s, consent));
  const documentSha256 = sha256(bytes);
  vault.consents.putDocument(documentSha256, bytes, pageCount, issuedAt);
  vault.consents.insert({ ...consent, consultationId: c.id, patientId: c.patientId, locale: c.locale, documentSha256, issuedBy: ctx.session().staff.id });
  ctx.audit('consent.issued', subject(consent.id), {
    consultationId: c.id,
    patientId: c.patientId,
    sha256: documentSha256,
    size: bytes.length,
    pages: pageCount,
    forms: consent.forms,
    roles: consent.roles,
    locale: c.locale,
  });
  return consentView(ctx, vault.consents.get(consent.id)!);
}

export function getConsent(ctx: ServiceContext, input: Parsed<'consents.get'>): Out<'consents.get'> {
  const consent = requireConsent(ctx, input.consentId);
  ctx.audit('consent.viewed', subject(consent.id), { patientId: consent.patientId });
  return consentView(ctx, consent);
}

export function consentForConsultation(ctx: ServiceContext, input: Parsed<'consents.forConsultation'>): Out<'consents.forConsultation'> {
  const c = requireConsultation(ctx, input.consultationId);
  const consent = ctx.vault().consents.forConsultation(c.id);
  if (consent) ctx.audit('consent.viewed', subject(consent.id), { patientId: consent.patientId });
  return consent ? consentView(ctx, consent) : null;
}

/** The issued bytes, exactly as stored: what is shown for signing is what is signed. */
export function consentDocument(ctx: ServiceContext, input: Parsed<'consents.document'>): Out<'consents.document'> {
  const consent = requireConsent(ctx, input.consentId);
  const doc = ctx.vault().consents.document(consent.documentSha256) ?? fail('internal');
  ctx.audit('consent.document_viewed', subject(consent.id), { patientId: consent.patientId, sha256: doc.sha256 });
  return { sha256: doc.sha256, fileName: `consent-${consent.id}.pdf`, dataBase64: doc.bytes.toString('base64') };
}

export function consentChecklist(ctx: ServiceContext, input: Parsed<'consents.checklist'>): Out<'consents.checklist'> {
  return checklistFor(ctx, requireConsent(ctx, input.consentId));
}

/** The operating physician shortens the cooling-off period, with a reason (audited, printed on the consent). */
export async function overrideCoolingOff(ctx: ServiceContext, input: Parsed<'consents.overrideCoolingOff'>): Promise<Out<'consents.overrideCoolingOff'>> {
  const vault = ctx.vault();
  const c = requireConsultation(ctx, input.consultationId);
  if (c.status !== 'disclosed') fail('rule_violation', 'consent.errors.notDisclosed');
  if (vault.consents.override(c.id)) fail('conflict', 'consent.errors.overrideExists');
  if (coolingOffOver(ctx, c)) fail('rule_violation', 'consent.errors.coolingOffAlreadyOver');
  const physicianName = await requireOperatingPhysician(ctx, c, input.physicianId, input.password, 'consent.cooling_off_override');
  const at = ctx.clock.now().toISOString();
  const id = randomUUID();
  vault.consents.addOverride({ id, consultationId: c.id, physicianId: input.physicianId, reason: input.reason, coolingOffEndsAt: c.coolingOffEndsAt!, at, recordedBy: ctx.session().staff.id });
  const reason = auditedText(ctx, input.reason);
  ctx.audit('consent.cooling_off_overridden', { type: 'consultation', id: c.id }, {
    patientId: c.patientId,
    overrideId: id,
    physicianId: input.physicianId,
    reasonHash: reason.hash,
    reasonLength: reason.length,
    coolingOffEndsAt: c.coolingOffEndsAt,
  });
  return { id, consultationId: c.id, physicianId: input.physicianId, physicianName, reason: input.reason, at, coolingOffEndsAt: c.coolingOffEndsAt! };
}

/** Who the signer is, from the records (patient, guardian, physician) or as written (witness). */
function signerName(ctx: ServiceContext, c: ConsultationRecord, role: SignatureRole, input: Parsed<'consents.sign'>): string {
  const patient = ctx.vault().patients.get(c.patientId) ?? fail('internal');
  if (role === 'witness') return input.signerName ?? failField('invalid_input', 'signerName', 'consent.errors.signerNameRequired');
  if (input.signerName !== undefined) failField('invalid_input', 'signerName', 'consent.errors.signerNameNotAllowed');
  if (role === 'patient') return patient.nameZh;
  if (role === 'guardian') return patient.guardian?.name ?? fail('rule_violation', 'consent.errors.noGuardian');
  return ctx.vault().staff.get(c.physicianId)?.name ?? fail('internal');
}

/** One signature, in the order the rules allow; the last one locks the consent and stores the final PDF. */
export async function signConsent(ctx: ServiceContext, input: Parsed<'consents.sign'>): Promise<Out<'consents.sign'>> {
  const vault = ctx.vault();
  const consent = requireConsent(ctx, input.consentId);
  if (vault.consents.withdrawal(consent.id)) fail('rule_violation', 'consent.errors.consentWithdrawn');
  if (consent.status === 'fully_signed') fail('rule_violation', 'consent.errors.consentLocked');
  const c = requireConsultation(ctx, consent.consultationId);
  if (c.status !== 'disclosed' && c.status !== 'patient_signed') fail('rule_violation', 'consent.errors.notDisclosed');
  if (!consent.forms.includes(input.form)) failField('invalid_input', 'form', 'consent.errors.formNotInConsent');
  if (!consent.roles.includes(input.role)) failField('rule_violation', 'role', 'consent.errors.roleNotRequired');
  const signed = vault.consents.signatures(consent.id);
  if (signed.some((s) => s.form === input.form && s.role === input.role)) failField('conflict', 'role', 'consent.errors.alreadySigned');
  if (input.documentSha256 !== consent.documentSha256) failField('conflict', 'documentSha256', 'consent.errors.documentChanged');
  const isPhysician = input.role === 'physician';
  if (isPhysician && (!input.physicianId || !input.password)) failField('invalid_input', input.physicianId ? 'password' : 'physicianId', 'consent.errors.physicianCredentialsRequired');
  if (!isPhysician && (input.physicianId !== undefined || input.password !== undefined)) failField('invalid_input', 'physicianId', 'consent.errors.physicianCredentialsRequired');
  const name = signerName(ctx, c, input.role, input);
  const ink = checkInk(input.ink, ['ink']);
  if ((input.role === 'patient' || input.role === 'guardian') && !coolingOffOver(ctx, c) && !vault.consents.override(c.id)) {
    fail('cooling_off', 'consent.errors.coolingOff', { until: clinicTime(c.coolingOffEndsAt!, vault.clinicSettings().timeZone) });
  }
  const order = orderViolation(input.role, input.form, consent.forms, consent.roles, signed);
  if (order) failField('rule_violation', 'role', order);
  if (isPhysician) {
    if (input.physicianId !== c.physicianId) failField('rule_violation', 'physicianId', 'consent.errors.notOperatingPhysician');
    const list = checklistFor(ctx, consent);
    if (!list.ready) {
      throw new DomainError('rule_violation', 'consent.errors.checklistIncomplete', undefined, list.items.filter((i) => i.required && !i.ok).map((i) => ({ path: ['checklist', i.id], messageKey: `consent.checklist.${i.id}` })));
    }
    await requireOperatingPhysician(ctx, c, input.physicianId!, input.password!, 'consent.sign');
  }

  const signedAt = ctx.clock.now().toISOString();
  const staffId = isPhysician ? c.physicianId : null;
  const id = randomUUID();
  const bindingSha256 = signatureBinding({ consentId: consent.id, documentSha256: consent.documentSha256, form: input.form, role: input.role, signerName: name, staffId, signedAt, strokesSha256: ink.strokesSha256, pngSha256: ink.pngSha256 });
  vault.consents.addSignature({ id, consentId: consent.id, form: input.form, role: input.role, signerName: name, staffId, documentSha256: consent.documentSha256, ...ink, bindingSha256, signedAt, recordedBy: ctx.session().staff.id });
  ctx.audit('consent.signed', subject(consent.id), {
    patientId: consent.patientId,
    form: input.form,
    role: input.role,
    // A witness's name is typed at the signing: only its keyed hash; the others are named by the records.
    ...(input.role === 'witness' ? { signerNameHash: vault.typedTextHash(name) } : { signerName: name }),
    staffId,
    documentSha256: consent.documentSha256,
    bindingSha256,
    points: input.ink.strokes.reduce((n, s) => n + s.length, 0),
  });

  const now = [...signed, { form: input.form, role: input.role }];
  if (requiredSignatures(consent.forms, consent.roles, now).every((r) => r.signed)) {
    await lockConsent(ctx, consent, c, signedAt);
  } else if (consent.status === 'issued' && patientSideComplete(consent.forms, consent.roles, now)) {
    vault.consents.setStatus(consent.id, 'patient_signed');
    vault.consultations.save({ ...c, status: 'patient_signed', updatedAt: signedAt });
    ctx.audit('consent.patient_signed', subject(consent.id), { patientId: consent.patientId, consultationId: c.id });
  }
  return consentView(ctx, vault.consents.get(consent.id)!);
}

/** Every signature is in: the final PDF (issued bytes + certificate) is stored and the consent locks. */
async function lockConsent(ctx: ServiceContext, consent: ConsentRecord, c: ConsultationRecord, at: string): Promise<void> {
  const vault = ctx.vault();
  const issued = vault.consents.document(consent.documentSha256) ?? fail('internal');
  const final = await renderFinalDocument(issued.bytes, certificateData(ctx, consent, c, issued, at));
  const finalSha256 = sha256(final);
  vault.consents.putDocument(finalSha256, final, issued.pageCount + 1, at);
  const expiresAt = new Date(Date.parse(at) + CONSENT_VALID_DAYS * DAY_MS).toISOString();
  vault.consents.lock(consent.id, finalSha256, at, expiresAt);
  vault.consultations.save({ ...c, status: 'fully_signed', updatedAt: at });
  ctx.audit('consent.fully_signed', subject(consent.id), { patientId: consent.patientId, consultationId: c.id, documentSha256: consent.documentSha256, finalSha256, size: final.length, expiresAt });
}

export function finalDocument(ctx: ServiceContext, input: Parsed<'consents.finalDocument'>): Out<'consents.finalDocument'> {
  const consent = requireConsent(ctx, input.consentId);
  if (!consent.finalSha256) fail('rule_violation', 'consent.errors.notFullySigned');
  const doc = ctx.vault().consents.document(consent.finalSha256) ?? fail('internal');
  ctx.audit('consent.final_viewed', subject(consent.id), { patientId: consent.patientId, sha256: doc.sha256 });
  return { sha256: doc.sha256, fileName: `consent-${consent.id}-signed.pdf`, dataBase64: doc.bytes.toString('base64') };
}

/** Printing, saving or handing over the patient's copy of the final PDF is recorded. */
export function recordPrint(ctx: ServiceContext, input: Parsed<'consents.recordPrint'>): Out<'consents.recordPrint'> {
  const consent = requireConsent(ctx, input.consentId);
  if (!consent.finalSha256) fail('rule_violation', 'consent.errors.notFullySigned');
  ctx.audit(input.kind === 'patient_copy' ? 'consent.patient_copy' : input.kind === 'save' ? 'consent.saved' : 'consent.printed', subject(consent.id), {
    patientId: consent.patientId,
    sha256: consent.finalSha256,
  });
  return { ok: true };
}

/** Withdrawal before treatment: a new record with the reason and the patient's signature; the consultation ends. */
export function withdrawConsent(ctx: ServiceContext, input: Parsed<'consents.withdraw'>): Out<'consents.withdraw'> {
  const vault = ctx.vault();
  const consent = requireConsent(ctx, input.consentId);
  if (vault.consents.withdrawal(consent.id)) fail('conflict', 'consent.errors.alreadyWithdrawn');
  const c = requireConsultation(ctx, consent.consultationId);
  if (!['disclosed', 'patient_signed', 'fully_signed'].includes(c.status)) fail('rule_violation', 'consent.errors.notWithdrawable');
  if (input.signerRole === 'guardian' && !consent.roles.includes('guardian')) failField('rule_violation', 'signerRole', 'consent.errors.guardianSignerNotMinor');
  const patient = vault.patients.get(c.patientId) ?? fail('internal');
  const name = input.signerRole === 'guardian' ? (patient.guardian?.name ?? fail('rule_violation', 'consent.errors.noGuardian')) : patient.nameZh;
  const ink = checkInk(input.ink, ['ink']);
  const at = ctx.clock.now().toISOString();
  const id = randomUUID();
  const bindingSha256 = withdrawalBinding({ consentId: consent.id, documentSha256: consent.documentSha256, finalSha256: consent.finalSha256, reason: input.reason, signerRole: input.signerRole, signerName: name, at, strokesSha256: ink.strokesSha256, pngSha256: ink.pngSha256 });
  vault.consents.addWithdrawal({ id, consentId: consent.id, reason: input.reason, signerRole: input.signerRole, signerName: name, ...ink, bindingSha256, at, recordedBy: ctx.session().staff.id });
  vault.consultations.save({ ...c, status: 'withdrawn', updatedAt: at });
  const reason = auditedText(ctx, input.reason);
  ctx.audit('consent.withdrawn', subject(consent.id), { patientId: consent.patientId, consultationId: c.id, withdrawalId: id, reasonHash: reason.hash, reasonLength: reason.length, signerRole: input.signerRole, bindingSha256, previousStatus: c.status });
  return consentView(ctx, consent);
}

