import type { Out, Parsed } from '../../../shared/api';
import type { ConsentForm, SignatureInk, SignatureRole } from '../../../shared/schemas/consent';
import { normalizeTaiwanId } from '../../../shared/taiwan-id';
import { judgeSignature } from '../../../shared/signature';
import type { SignatureBox } from '../../pdf/stamps';
import { consentForms } from '../../pdf/consent-document';
import { asBuffer } from '../../pdf/consent-renders';
import { clinicTime } from '../../pdf/format';
import { pngSize } from '../../pdf/signature-png';
import { pdfWording } from '../../pdf/wording';
import type { ConsentRecord, SignatureRecord, StoredDocument } from '../../store/consents/repository';
import type { ConsultationRecord } from '../../store/consultations/repository';
import { DomainError, fail, failField } from '../../domain/errors';
import { sha256Hex } from '../../domain/hash';
import { certificateData, consentSources, documentData } from './document-content';
import { checklistFor, consentView, requireConsent } from './view';
import { CONSENT_VALID_DAYS, DAY_MS, orderViolation, patientSideComplete, requiredRoles, requiredSignatures, strokesRecord } from './rules';
import { signatureBinding, withdrawalBinding } from '../../domain/consent-binding';
import { auditedQuery, auditedText } from '../audit/typed-text';
import type { ServiceContext } from '../context';
import { RenderRequested } from '../prepared-render';
import { requireOperatingPhysician } from './operating-physician';

const subject = (id: string) => ({ type: 'consent', id }) as const;

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
  return { png, strokes, strokesSha256: sha256Hex(strokes), pngSha256: sha256Hex(png) };
}

function coolingOffOver(ctx: ServiceContext, c: ConsultationRecord): boolean {
  return c.coolingOffEndsAt !== null && ctx.clock.now().toISOString() >= c.coolingOffEndsAt;
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
  const printedEra = vault.settings.printedDateEra();
  const consent = { id: ctx.newId(), issuedAt, forms: consentForms(s.procedure.anaesthesia), roles: requiredRoles({ minor: s.minor, witnessRequired: s.procedure.witnessRequired }), printedEra };
  const rendered = await ctx.render('pdf.consent', documentData(ctx, c, s, consent));
  const { pageCount, boxes } = rendered;
  const bytes = asBuffer(rendered.bytes);
  const documentSha256 = sha256Hex(bytes);
  vault.consents.putDocument(documentSha256, bytes, pageCount, issuedAt);
  vault.consents.insert({ ...consent, consultationId: c.id, patientId: c.patientId, locale: c.locale, documentSha256, issuedBy: ctx.session().staff.id });
  // Where each signature goes, fixed with the bytes: the final PDF places the signatures there.
  vault.consents.addBoxes(consent.id, boxes);
  // 民國 dates, when the clinic prints them, are part of the issued bytes: kept with the consent.
  if (printedEra === 'roc') vault.consents.recordPrintedEra(consent.id, printedEra);
  ctx.audit('consent.issued', subject(consent.id), {
    consultationId: c.id,
    patientId: c.patientId,
    sha256: documentSha256,
    size: bytes.length,
    pages: pageCount,
    forms: consent.forms,
    roles: consent.roles,
    locale: c.locale,
    boxes: boxes.length,
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
  return { sha256: doc.sha256, fileName: fileName(ctx, consent, 'issued'), dataBase64: doc.bytes.toString('base64') };
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
  const id = ctx.newId();
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
function signerName(ctx: ServiceContext, c: ConsultationRecord, role: SignatureRole, input: { signerName?: string | undefined }): string {
  const patient = ctx.vault().patients.get(c.patientId) ?? fail('internal');
  if (role === 'witness') return input.signerName ?? failField('invalid_input', 'signerName', 'consent.errors.signerNameRequired');
  if (input.signerName !== undefined) failField('invalid_input', 'signerName', 'consent.errors.signerNameNotAllowed');
  if (role === 'patient') return patient.nameZh;
  if (role === 'guardian') return patient.guardian?.name ?? fail('rule_violation', 'consent.errors.noGuardian');
  return ctx.vault().staff.get(c.physicianId)?.name ?? fail('internal');
}

/** An open consent, its disclosed consultation and its signatures so far, for a signature in `role`. */
function openForSigning(ctx: ServiceContext, input: { consentId: string; role: SignatureRole; documentSha256: string }) {
  const vault = ctx.vault();
  const consent = requireConsent(ctx, input.consentId);
  if (vault.consents.withdrawal(consent.id)) fail('rule_violation', 'consent.errors.consentWithdrawn');
  if (consent.status === 'fully_signed') fail('rule_violation', 'consent.errors.consentLocked');
  const c = requireConsultation(ctx, consent.consultationId);
  if (c.status !== 'disclosed' && c.status !== 'patient_signed') fail('rule_violation', 'consent.errors.notDisclosed');
  if (!consent.roles.includes(input.role)) failField('rule_violation', 'role', 'consent.errors.roleNotRequired');
  if (input.documentSha256 !== consent.documentSha256) failField('conflict', 'documentSha256', 'consent.errors.documentChanged');
  return { consent, c, signed: vault.consents.signatures(consent.id) };
}

/** The patient and the guardian sign only once the cooling-off period is over or shortened. */
function requireCoolingOffOver(ctx: ServiceContext, c: ConsultationRecord, role: SignatureRole): void {
  if ((role === 'patient' || role === 'guardian') && !coolingOffOver(ctx, c) && !ctx.vault().consents.override(c.id)) {
    fail('cooling_off', 'consent.errors.coolingOff', { until: clinicTime(c.coolingOffEndsAt!, ctx.vault().clinicSettings().timeZone) });
  }
}

type CheckedInk = ReturnType<typeof checkInk>;

/**
 * Puts one signature on one (form, role) box, in the order the rules allow: the box must be unsigned, and the
 * physician's checklist must be complete. The last signature locks the consent and stores the final PDF.
 */
async function placeSignature(
  ctx: ServiceContext,
  o: { consent: ConsentRecord; c: ConsultationRecord; signed: SignatureRecord[]; form: ConsentForm; role: SignatureRole; name: string; staffId: string | null; ink: CheckedInk; points: number; adoptionId: string | null; beforeWrite?: () => Promise<void> },
): Promise<Out<'consents.sign'>> {
  const vault = ctx.vault();
  const { consent, c, signed, form, role } = o;
  if (!consent.forms.includes(form)) failField('invalid_input', 'form', 'consent.errors.formNotInConsent');
  if (signed.some((s) => s.form === form && s.role === role)) failField('conflict', 'role', 'consent.errors.alreadySigned');
  requireCoolingOffOver(ctx, c, role);
  const order = orderViolation(role, form, consent.forms, consent.roles, signed);
  if (order) failField('rule_violation', 'role', order);
  if (role === 'physician') {
    if (o.staffId !== c.physicianId) failField('rule_violation', 'physicianId', 'consent.errors.notOperatingPhysician');
    const list = checklistFor(ctx, consent);
    if (!list.ready) {
      throw new DomainError('rule_violation', 'consent.errors.checklistIncomplete', undefined, list.items.filter((i) => i.required && !i.ok).map((i) => ({ path: ['checklist', i.id], messageKey: `consent.checklist.${i.id}` })));
    }
  }
  await o.beforeWrite?.();

  const signedAt = ctx.clock.now().toISOString();
  const id = ctx.newId();
  const bindingSha256 = signatureBinding({ consentId: consent.id, documentSha256: consent.documentSha256, form, role, signerName: o.name, staffId: o.staffId, signedAt, strokesSha256: o.ink.strokesSha256, pngSha256: o.ink.pngSha256 });
  vault.consents.addSignature({ id, consentId: consent.id, form, role, signerName: o.name, staffId: o.staffId, documentSha256: consent.documentSha256, ...o.ink, bindingSha256, signedAt, recordedBy: ctx.session().staff.id, adoptionId: o.adoptionId });
  ctx.audit('consent.signed', subject(consent.id), {
    patientId: consent.patientId,
    form,
    role,
    // A witness's name is typed at the signing: only its keyed hash; the others are named by the records.
    ...(role === 'witness' ? { signerNameHash: vault.typedTextHash(o.name) } : { signerName: o.name }),
    staffId: o.staffId,
    documentSha256: consent.documentSha256,
    bindingSha256,
    points: o.points,
    ...(o.adoptionId ? { adoptionId: o.adoptionId } : {}),
  });

  const now = [...signed, { form, role }];
  if (requiredSignatures(consent.forms, consent.roles, now).every((r) => r.signed)) {
    await lockConsent(ctx, consent, c, signedAt);
  } else if (consent.status === 'issued' && patientSideComplete(consent.forms, consent.roles, now)) {
    vault.consents.setStatus(consent.id, 'patient_signed');
    vault.consultations.save({ ...c, status: 'patient_signed', updatedAt: signedAt });
    ctx.audit('consent.patient_signed', subject(consent.id), { patientId: consent.patientId, consultationId: c.id });
  }
  return consentView(ctx, vault.consents.get(consent.id)!);
}

const pointCount = (ink: SignatureInk) => ink.strokes.reduce((n, s) => n + s.length, 0);

/** One signature drawn for one box; the last one locks the consent and stores the final PDF. */
export async function signConsent(ctx: ServiceContext, input: Parsed<'consents.sign'>): Promise<Out<'consents.sign'>> {
  const { consent, c, signed } = openForSigning(ctx, input);
  if (!consent.forms.includes(input.form)) failField('invalid_input', 'form', 'consent.errors.formNotInConsent');
  if (signed.some((s) => s.form === input.form && s.role === input.role)) failField('conflict', 'role', 'consent.errors.alreadySigned');
  const isPhysician = input.role === 'physician';
  // The operating physician at their own seat, signed in as themselves, countersigns without typing the password
  // again; at someone else's seat the password is the fallback (checked against their key slot).
  const me = ctx.session().staff;
  const asThemselves = isPhysician && me.role === 'physician' && me.id === c.physicianId && input.password === undefined && (input.physicianId ?? me.id) === me.id;
  if (isPhysician && !asThemselves && (!input.physicianId || !input.password)) failField('invalid_input', input.physicianId ? 'password' : 'physicianId', 'consent.errors.physicianCredentialsRequired');
  if (!isPhysician && (input.physicianId !== undefined || input.password !== undefined)) failField('invalid_input', 'physicianId', 'consent.errors.physicianCredentialsRequired');
  const name = signerName(ctx, c, input.role, input);
  const ink = checkInk(input.ink, ['ink']);
  return placeSignature(ctx, {
    consent,
    c,
    signed,
    form: input.form,
    role: input.role,
    name,
    staffId: isPhysician ? (asThemselves ? me.id : input.physicianId!) : null,
    ink,
    points: pointCount(input.ink),
    adoptionId: null,
    // The password last: a refused signature for any other reason does not count as a failed password.
    ...(isPhysician && !asThemselves ? { beforeWrite: async () => void (await requireOperatingPhysician(ctx, c, input.physicianId!, input.password!, 'consent.sign')) } : {}),
  });
}

/** An adopted signature may be applied in the signing session it was adopted in, for this long. */
export const ADOPTION_VALID_MS = 30 * 60_000;

/** The guardian's identity document: required for the guardian, refused for anyone else, matched to the record. */
function identityFor(ctx: ServiceContext, c: ConsultationRecord, role: SignatureRole, doc: Parsed<'consents.adoptSignature'>['identityDocument']) {
  if (role !== 'guardian') {
    if (doc) failField('invalid_input', 'identityDocument', 'signaturePlacement.errors.identityNotAllowed');
    return null;
  }
  if (!doc) failField('invalid_input', 'identityDocument', 'signaturePlacement.errors.identityRequired');
  const recorded = ctx.vault().patients.get(c.patientId)?.guardian?.nationalId ?? null;
  if (doc.kind !== 'passport' && recorded && normalizeTaiwanId(recorded) !== doc.number) failField('rule_violation', ['identityDocument', 'number'], 'signaturePlacement.errors.identityMismatch');
  return doc;
}

/**
 * A signer adopts their signature once for this signing session: checked like a signature (ink, signer, the
 * cooling-off period; the physician's password; the guardian's identity document) and recorded, but on no box
 * yet. Each box is then its own explicit tap (applySignature).
 */
export async function adoptSignature(ctx: ServiceContext, input: Parsed<'consents.adoptSignature'>): Promise<Out<'consents.adoptSignature'>> {
  const vault = ctx.vault();
  const { consent, c } = openForSigning(ctx, input);
  const isPhysician = input.role === 'physician';
  // The operating physician at their own seat, signed in as themselves, countersigns without typing the password
  // again; at someone else's seat the password is the fallback (checked against their key slot).
  const me = ctx.session().staff;
  const asThemselves = isPhysician && me.role === 'physician' && me.id === c.physicianId && input.password === undefined && (input.physicianId ?? me.id) === me.id;
  if (isPhysician && !asThemselves && (!input.physicianId || !input.password)) failField('invalid_input', input.physicianId ? 'password' : 'physicianId', 'consent.errors.physicianCredentialsRequired');
  if (!isPhysician && (input.physicianId !== undefined || input.password !== undefined)) failField('invalid_input', 'physicianId', 'consent.errors.physicianCredentialsRequired');
  const name = signerName(ctx, c, input.role, input);
  const identity = identityFor(ctx, c, input.role, input.identityDocument);
  const ink = checkInk(input.ink, ['ink']);
  requireCoolingOffOver(ctx, c, input.role);
  if (isPhysician && !asThemselves) await requireOperatingPhysician(ctx, c, input.physicianId!, input.password!, 'consent.sign');
  const session = ctx.session();
  const adoptedAt = ctx.clock.now().toISOString();
  const id = ctx.newId();
  vault.consents.addAdoption({
    id,
    consentId: consent.id,
    role: input.role,
    signerName: name,
    staffId: isPhysician ? c.physicianId : null,
    documentSha256: consent.documentSha256,
    ...ink,
    identityKind: identity?.kind ?? null,
    identityNumber: identity?.number ?? null,
    sessionStartedAt: session.signedInAt.toISOString(),
    adoptedAt,
    recordedBy: session.staff.id,
  });
  ctx.audit('consent.signature_adopted', subject(consent.id), {
    patientId: consent.patientId,
    adoptionId: id,
    role: input.role,
    ...(input.role === 'witness' ? { signerNameHash: vault.typedTextHash(name) } : { signerName: name }),
    staffId: isPhysician ? c.physicianId : null,
    documentSha256: consent.documentSha256,
    strokesSha256: ink.strokesSha256,
    pngSha256: ink.pngSha256,
    points: pointCount(input.ink),
    // The number is typed: the trail keeps only its keyed hash.
    ...(identity ? { identityKind: identity.kind, identityNumberHash: vault.typedTextHash(identity.number) } : {}),
  });
  return { id, consentId: consent.id, role: input.role, signerName: name, pngSha256: ink.pngSha256, adoptedAt, usableUntil: new Date(Date.parse(adoptedAt) + ADOPTION_VALID_MS).toISOString() };
}

/** One explicit tap: the signer's adopted signature on one box, its own signature row bound to the document. */
export async function applySignature(ctx: ServiceContext, input: Parsed<'consents.applySignature'>): Promise<Out<'consents.applySignature'>> {
  const { consent, c, signed } = openForSigning(ctx, input);
  const adoption = ctx.vault().consents.adoption(input.adoptionId) ?? failField('not_found', 'adoptionId', 'signaturePlacement.errors.adoptionNotFound');
  if (adoption.consentId !== consent.id || adoption.role !== input.role || adoption.documentSha256 !== consent.documentSha256) {
    failField('rule_violation', 'adoptionId', 'signaturePlacement.errors.adoptionMismatch');
  }
  const session = ctx.session();
  const now = ctx.clock.now().getTime();
  if (adoption.recordedBy !== session.staff.id || adoption.sessionStartedAt !== session.signedInAt.toISOString() || now - Date.parse(adoption.adoptedAt) > ADOPTION_VALID_MS) {
    failField('rule_violation', 'adoptionId', 'signaturePlacement.errors.adoptionOtherSession');
  }
  if (input.role === 'physician' && adoption.staffId !== c.physicianId) failField('rule_violation', 'adoptionId', 'consent.errors.notOperatingPhysician');
  const points = (JSON.parse(adoption.strokes) as { strokes: unknown[][] }).strokes.reduce((n, s) => n + s.length, 0);
  return placeSignature(ctx, {
    consent,
    c,
    signed,
    form: input.form,
    role: input.role,
    name: adoption.signerName,
    staffId: adoption.staffId,
    ink: { png: adoption.png, strokes: adoption.strokes, strokesSha256: adoption.strokesSha256, pngSha256: adoption.pngSha256 },
    points,
    adoptionId: adoption.id,
  });
}

/**
 * The boxes recorded at issue. A consent issued before boxes were recorded gets them by rendering its document
 * again from the records: only when that gives the issued bytes exactly are they the issued boxes.
 */
async function boxesFor(ctx: ServiceContext, consent: ConsentRecord, c: ConsultationRecord, issued: StoredDocument): Promise<SignatureBox[]> {
  const recorded = ctx.vault().consents.boxes(consent.id);
  if (recorded.length > 0) return recorded;
  try {
    const again = await ctx.render('pdf.consent', documentData(ctx, c, consentSources(ctx, c), consent));
    return sha256Hex(asBuffer(again.bytes)) === issued.sha256 ? again.boxes : [];
  } catch (e) {
    // The pass stops here for its render; only a render that failed means "no boxes".
    if (e instanceof RenderRequested) throw e;
    return [];
  }
}

/** Every signature is in: the final PDF (issued bytes + signatures in their boxes + certificate) is stored and the consent locks. */
async function lockConsent(ctx: ServiceContext, consent: ConsentRecord, c: ConsultationRecord, at: string): Promise<void> {
  const vault = ctx.vault();
  const issued = vault.consents.document(consent.documentSha256) ?? fail('internal');
  const rendered = await ctx.render('pdf.final', { issued: issued.bytes, data: certificateData(ctx, consent, c, issued, at), boxes: await boxesFor(ctx, consent, c, issued) });
  const final = asBuffer(rendered.bytes);
  const finalSha256 = sha256Hex(final);
  vault.consents.putDocument(finalSha256, final, rendered.pageCount, at);
  const expiresAt = new Date(Date.parse(at) + CONSENT_VALID_DAYS * DAY_MS).toISOString();
  vault.consents.lock(consent.id, finalSha256, at, expiresAt);
  vault.consultations.save({ ...c, status: 'fully_signed', updatedAt: at });
  ctx.audit('consent.fully_signed', subject(consent.id), { patientId: consent.patientId, consultationId: c.id, documentSha256: consent.documentSha256, finalSha256, size: final.length, expiresAt });
}

/** A file name a person can find again: patient, procedure, date (the clinic's), and what the file is. */
function fileName(ctx: ServiceContext, consent: ConsentRecord, kind: 'issued' | 'final' | 'patientCopy'): string {
  const vault = ctx.vault();
  const patient = vault.patients.get(consent.patientId) ?? fail('internal');
  const c = vault.consultations.get(consent.consultationId) ?? fail('internal');
  const procedure = vault.catalogue.get(c.procedureId) ?? fail('internal');
  const day = clinicTime(kind === 'issued' ? consent.issuedAt : (consent.fullySignedAt ?? consent.issuedAt), vault.clinicSettings().timeZone, false).slice(0, 10);
  const what = pdfWording[consent.locale].signedDocument.fileNames[kind];
  const name = [patient.nameZh, consent.locale === 'en' ? procedure.nameEn : procedure.nameZh, day, what].map(fileNamePart).join('_');
  return `${name}.pdf`;
}

/** Characters no file system takes (and control characters) become '-'; runs of spaces one '-'; capped. */
function fileNamePart(s: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return [...s.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-').replace(/\s+/g, '-').replace(/^[.-]+|[.-]+$/g, '')].slice(0, 40).join('') || '-';
}

export function finalDocument(ctx: ServiceContext, input: Parsed<'consents.finalDocument'>): Out<'consents.finalDocument'> {
  const consent = requireConsent(ctx, input.consentId);
  if (!consent.finalSha256) fail('rule_violation', 'consent.errors.notFullySigned');
  const doc = ctx.vault().consents.document(consent.finalSha256) ?? fail('internal');
  ctx.audit('consent.final_viewed', subject(consent.id), { patientId: consent.patientId, sha256: doc.sha256 });
  return { sha256: doc.sha256, fileName: fileName(ctx, consent, 'final'), dataBase64: doc.bytes.toString('base64') };
}

/**
 * The patient's copy, in the consent's language (the patient's, chosen at the consultation): the issued pages
 * with each signature in its box and a plain signature summary, as an update after the issued bytes like the
 * final PDF, without the certificate's hashes and stroke data. Made from the stored records each time.
 */
export async function patientCopy(ctx: ServiceContext, input: Parsed<'consents.patientCopy'>): Promise<Out<'consents.patientCopy'>> {
  const vault = ctx.vault();
  const consent = requireConsent(ctx, input.consentId);
  if (!consent.finalSha256 || !consent.fullySignedAt) fail('rule_violation', 'consent.errors.notFullySigned');
  const c = requireConsultation(ctx, consent.consultationId);
  const issued = vault.consents.document(consent.documentSha256) ?? fail('internal');
  const cert = certificateData(ctx, consent, c, issued, consent.fullySignedAt);
  const bytes = asBuffer(await ctx.render('pdf.patientCopy', { issued: issued.bytes, data: cert, boxes: await boxesFor(ctx, consent, c, issued) }));
  const copySha256 = sha256Hex(bytes);
  ctx.audit('consent.patient_copy_viewed', subject(consent.id), { patientId: consent.patientId, sha256: copySha256, finalSha256: consent.finalSha256 });
  return { sha256: copySha256, fileName: fileName(ctx, consent, 'patientCopy'), dataBase64: bytes.toString('base64') };
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
  const id = ctx.newId();
  const bindingSha256 = withdrawalBinding({ consentId: consent.id, documentSha256: consent.documentSha256, finalSha256: consent.finalSha256, reason: input.reason, signerRole: input.signerRole, signerName: name, at, strokesSha256: ink.strokesSha256, pngSha256: ink.pngSha256 });
  vault.consents.addWithdrawal({ id, consentId: consent.id, reason: input.reason, signerRole: input.signerRole, signerName: name, ...ink, bindingSha256, at, recordedBy: ctx.session().staff.id });
  vault.consultations.save({ ...c, status: 'withdrawn', updatedAt: at });
  const reason = auditedText(ctx, input.reason);
  ctx.audit('consent.withdrawn', subject(consent.id), { patientId: consent.patientId, consultationId: c.id, withdrawalId: id, reasonHash: reason.hash, reasonLength: reason.length, signerRole: input.signerRole, bindingSha256, previousStatus: c.status });
  return consentView(ctx, consent);
}

/** The consents register, newest first (optionally one chart's); the chart number searched is audited as typed text. */
export function listConsents(ctx: ServiceContext, input: Parsed<'consents.list'>): Out<'consents.list'> {
  const rows = ctx.vault().consents.list({ limit: input.limit, ...(input.chartNo ? { chartNo: input.chartNo } : {}) });
  ctx.audit('consent.listed', null, { ...auditedQuery(ctx, input.chartNo ?? ''), count: rows.length });
  return rows.map((r) => ({
    id: r.id,
    consultationId: r.consultationId,
    chartNo: r.chartNo,
    patientName: r.patientName,
    procedureName: r.procedureNameZh,
    status: r.withdrawn ? 'withdrawn' : r.status,
    sha256: r.documentSha256,
    finalSha256: r.finalSha256,
    issuedAt: r.issuedAt,
  }));
}
