import type { Checklist, ConsentStatus, ConsentView } from '../../../shared/schemas/consent';
import type { ConsentRecord } from '../../store/consents/repository';
import { fail } from '../../domain/errors';
import { checklist, requiredSignatures } from './rules';
import type { ServiceContext } from '../context';
import { flagsOf } from '../risk-flags/risk-flags';

export function requireConsent(ctx: ServiceContext, id: string): ConsentRecord {
  return ctx.vault().consents.get(id) ?? fail('not_found', 'consent.errors.consentNotFound');
}

/** The physician's completeness checklist, from the consultation as disclosed and the signatures so far. */
export function checklistFor(ctx: ServiceContext, consent: ConsentRecord): Checklist {
  const vault = ctx.vault();
  const c = vault.consultations.get(consent.consultationId) ?? fail('internal');
  const template = vault.catalogue.template(c.templateId) ?? fail('internal');
  const acknowledged = new Set(vault.consultations.acknowledgements(c.id).map((a) => a.riskId));
  const patient = vault.patients.get(c.patientId) ?? fail('internal');
  const toAssess = flagsOf(ctx, c).flags.filter((f) => f.needsAssessment);
  const items = checklist({
    photos: vault.photos.forConsultation(c.id).length,
    risksTotal: template.content.risks.length,
    risksAcknowledged: template.content.risks.filter((r) => acknowledged.has(r.id)).length,
    quoteAcknowledged: c.quoteAcknowledgedAt !== null,
    comprehensionPassed: c.comprehensionPassedAt !== null,
    coolingOffOver: c.coolingOffEndsAt !== null && ctx.clock.now().toISOString() >= c.coolingOffEndsAt,
    overridden: vault.consents.override(c.id) !== null,
    guardianRecorded: patient.guardian !== null,
    forms: consent.forms,
    roles: consent.roles,
    signed: vault.consents.signatures(consent.id),
    flagsToAssess: toAssess.length,
    flagsAssessed: toAssess.filter((f) => f.assessment !== null).length,
  });
  return { consentId: consent.id, ready: items.every((i) => !i.required || i.ok), items };
}

export function consentView(ctx: ServiceContext, consent: ConsentRecord): ConsentView {
  const vault = ctx.vault();
  const c = vault.consultations.get(consent.consultationId) ?? fail('internal');
  const patient = vault.patients.get(consent.patientId) ?? fail('internal');
  const procedure = vault.catalogue.get(c.procedureId) ?? fail('internal');
  const physician = vault.staff.get(c.physicianId);
  const issuer = vault.staff.get(consent.issuedBy);
  const doc = vault.consents.document(consent.documentSha256) ?? fail('internal');
  const signatures = vault.consents.signatures(consent.id);
  const override = vault.consents.override(c.id);
  const withdrawal = vault.consents.withdrawal(consent.id);
  const now = ctx.clock.now().toISOString();
  const status: ConsentStatus = withdrawal ? 'withdrawn' : consent.status;
  const nameFor = (role: string) =>
    role === 'patient' ? patient.nameZh : role === 'guardian' ? (patient.guardian?.name ?? '') : role === 'physician' ? (physician?.name ?? '') : '';
  return {
    id: consent.id,
    consultationId: c.id,
    patientId: patient.id,
    chartNo: patient.chartNo,
    patientName: patient.nameZh,
    procedureName: consent.locale === 'en' ? procedure.nameEn : procedure.nameZh,
    physicianId: c.physicianId,
    physicianName: physician?.name ?? '',
    locale: consent.locale,
    status,
    forms: consent.forms,
    roles: consent.roles,
    required: requiredSignatures(consent.forms, consent.roles, signatures).map((r) => ({
      ...r,
      signerName: signatures.find((s) => s.form === r.form && s.role === r.role)?.signerName ?? nameFor(r.role),
    })),
    documentSha256: consent.documentSha256,
    documentSize: doc.size,
    pageCount: doc.pageCount,
    issuedAt: consent.issuedAt,
    issuedByName: issuer?.name ?? '',
    coolingOffEndsAt: c.coolingOffEndsAt ?? consent.issuedAt,
    coolingOffOver: c.coolingOffEndsAt !== null && now >= c.coolingOffEndsAt,
    override: override
      ? {
          id: override.id,
          consultationId: override.consultationId,
          physicianId: override.physicianId,
          physicianName: vault.staff.get(override.physicianId)?.name ?? '',
          reason: override.reason,
          at: override.at,
          coolingOffEndsAt: override.coolingOffEndsAt,
        }
      : null,
    signatures: signatures.map((s) => {
      const points = (JSON.parse(s.strokes) as { strokes: unknown[][] }).strokes.reduce((n, st) => n + st.length, 0);
      return {
        id: s.id,
        form: s.form,
        role: s.role,
        signerName: s.signerName,
        staffId: s.staffId,
        documentSha256: s.documentSha256,
        strokesSha256: s.strokesSha256,
        pngSha256: s.pngSha256,
        bindingSha256: s.bindingSha256,
        pointCount: points,
        signedAt: s.signedAt,
      };
    }),
    finalSha256: consent.finalSha256,
    fullySignedAt: consent.fullySignedAt,
    expiresAt: consent.expiresAt,
    usableForTreatment: !withdrawal && consent.status === 'fully_signed' && consent.expiresAt !== null && now < consent.expiresAt,
    withdrawal: withdrawal
      ? {
          id: withdrawal.id,
          reason: withdrawal.reason,
          signerRole: withdrawal.signerRole,
          signerName: withdrawal.signerName,
          at: withdrawal.at,
          recordedByName: vault.staff.get(withdrawal.recordedBy)?.name ?? '',
        }
      : null,
  };
}

/**
 * Whether a consultation has a consent that treatment may rely on: fully signed, not withdrawn, not expired.
 * The treatment step calls this before anything is recorded as performed.
 */
export function consentUsableForTreatment(ctx: ServiceContext, consultationId: string): { ok: true } | { ok: false; reason: 'no_consent' | 'not_fully_signed' | 'withdrawn' | 'expired' } {
  const vault = ctx.vault();
  const consent = vault.consents.forConsultation(consultationId);
  if (!consent) return { ok: false, reason: 'no_consent' };
  if (vault.consents.withdrawal(consent.id)) return { ok: false, reason: 'withdrawn' };
  if (consent.status !== 'fully_signed' || !consent.expiresAt) return { ok: false, reason: 'not_fully_signed' };
  if (ctx.clock.now().toISOString() >= consent.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true };
}
