import { isMinorOn } from '../../../shared/dates';
import type { ConsentForm, SignatureRole } from '../../../shared/schemas/consent';
import type { CertificateData } from '../../pdf/certificate';
import { documentTitle, type ConsentDocumentData } from '../../pdf/consent-document';
import type { ConsentRecord, StoredDocument } from '../../store/consents/repository';
import type { ConsultationRecord } from '../../store/consultations/repository';
import { fail } from '../../domain/errors';
import { clinicToday } from '../clinic-time';
import type { ServiceContext } from '../context';
import type { PrintedDateEra } from '../../../shared/schemas/settings';

/** The records a consent is made from, read once. */
export function consentSources(ctx: ServiceContext, c: ConsultationRecord) {
  const vault = ctx.vault();
  const patient = vault.patients.get(c.patientId) ?? fail('internal');
  const procedure = vault.catalogue.get(c.procedureId) ?? fail('internal');
  const template = vault.catalogue.template(c.templateId) ?? fail('internal');
  const physician = vault.staff.get(c.physicianId) ?? fail('internal');
  const consultant = vault.staff.get(c.consultantId) ?? fail('internal');
  const settings = vault.clinicSettings();
  const minor = isMinorOn(patient.birthDate, clinicToday(ctx));
  return { patient, procedure, template, physician, consultant, settings, minor };
}

export type ConsentSources = ReturnType<typeof consentSources>;

/** Everything the issued document says, from the consultation as disclosed (its fields are frozen by triggers). */
export function documentData(
  ctx: ServiceContext,
  c: ConsultationRecord,
  s: ConsentSources,
  consent: { id: string; issuedAt: string; forms: ConsentForm[]; roles: SignatureRole[]; printedEra?: PrintedDateEra },
): ConsentDocumentData {
  const vault = ctx.vault();
  const override = vault.consents.override(c.id);
  const answers = vault.consultations.comprehensionAnswers(c.id);
  if (!c.quote || c.quoteTotalTwd === null || !c.quoteAcknowledgedAt || !c.comprehensionPassedAt || !c.disclosedAt || !c.coolingOffEndsAt) fail('internal');
  return {
    consentId: consent.id,
    consultationId: c.id,
    locale: c.locale,
    timeZone: s.settings.timeZone,
    issuedAt: consent.issuedAt,
    clinicName: s.settings.clinicName,
    patient: {
      nameZh: s.patient.nameZh,
      nameEn: s.patient.nameEn,
      chartNo: s.patient.chartNo,
      birthDate: s.patient.birthDate,
      sex: s.patient.sex,
      allergies: s.patient.allergies,
      medications: s.patient.medications,
      guardian: s.minor && s.patient.guardian ? { name: s.patient.guardian.name, relation: s.patient.guardian.relation, phone: s.patient.guardian.phone } : null,
    },
    procedure: { name: c.locale === 'en' ? s.procedure.nameEn : s.procedure.nameZh, category: s.procedure.category, anaesthesia: s.procedure.anaesthesia },
    physician: { name: s.physician.name, licenceNo: s.physician.licenceNo ?? '', specialty: s.physician.specialty ?? '' },
    consultantName: s.consultant.name,
    template: { version: s.template.version, publishedAt: s.template.publishedAt ?? s.template.createdAt, content: s.template.content },
    goals: c.goals,
    flagNotes: (c.screening?.flagNotes ?? []).filter((f) => f.note.length > 0),
    discussedAlternatives: c.alternatives?.discussed ?? [],
    quote: c.quote,
    quoteTotalTwd: c.quoteTotalTwd,
    quoteAcknowledgedAt: c.quoteAcknowledgedAt,
    acknowledgements: vault.consultations.acknowledgements(c.id),
    comprehension: { passedAt: c.comprehensionPassedAt, attempts: Math.max(1, ...answers.map((a) => a.attempt)) },
    disclosedAt: c.disclosedAt,
    coolingOffDays: c.coolingOffDays,
    coolingOffEndsAt: c.coolingOffEndsAt,
    override: override ? { physicianName: vault.staff.get(override.physicianId)?.name ?? '', at: override.at, reason: override.reason } : null,
    forms: consent.forms,
    roles: consent.roles,
    // Fixed at issue: the setting at that moment, then whatever consent_printed_eras kept for it.
    printedEra: consent.printedEra ?? vault.consents.printedEra(consent.id),
  };
}

/** What the signature certificate shows, once the last signature is in. */
export function certificateData(ctx: ServiceContext, consent: ConsentRecord, c: ConsultationRecord, issued: StoredDocument, lockedAt: string): CertificateData {
  const vault = ctx.vault();
  const s = consentSources(ctx, c);
  const override = vault.consents.override(c.id);
  const title = documentTitle({ locale: consent.locale, procedure: { name: consent.locale === 'en' ? s.procedure.nameEn : s.procedure.nameZh, category: s.procedure.category, anaesthesia: s.procedure.anaesthesia } });
  return {
    consentId: consent.id,
    consultationId: c.id,
    locale: consent.locale,
    timeZone: s.settings.timeZone,
    clinicName: s.settings.clinicName,
    title,
    issued: { sha256: issued.sha256, size: issued.size, pageCount: issued.pageCount, at: consent.issuedAt },
    disclosedAt: c.disclosedAt ?? consent.issuedAt,
    coolingOffDays: c.coolingOffDays,
    coolingOffEndsAt: c.coolingOffEndsAt ?? consent.issuedAt,
    override: override ? { physicianName: vault.staff.get(override.physicianId)?.name ?? '', at: override.at, reason: override.reason } : null,
    lockedAt,
    signatures: vault.consents.signatures(consent.id).map((sig) => {
      const strokes = (JSON.parse(sig.strokes) as { strokes: unknown[][] }).strokes;
      return {
        form: sig.form,
        role: sig.role,
        signerName: sig.signerName,
        licenceNo: sig.staffId ? (vault.staff.get(sig.staffId)?.licenceNo ?? null) : null,
        signedAt: sig.signedAt,
        png: sig.png,
        strokes: strokes.length,
        points: strokes.reduce((n, st) => n + st.length, 0),
        strokesSha256: sig.strokesSha256,
        pngSha256: sig.pngSha256,
        bindingSha256: sig.bindingSha256,
      };
    }),
  };
}
