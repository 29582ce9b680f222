import { isMinorOn } from '../../shared/dates';
import type { TemplateContent } from '../../shared/schemas/catalogue';
import type { Consultation, DisclosureGap, RecordFlag } from '../../shared/schemas/consultation';
import type { ConsultationRecord } from '../store/consultations/repository';
import type { PatientRecord } from '../store/patients/repository';
import type { Vault } from '../store/vault';
import { fail } from './errors';

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

/** The repositories a consultation's view is read from. */
export type ConsultationSources = Pick<Vault, 'patients' | 'consultations' | 'catalogue' | 'staff' | 'photos'>;

/**
 * A consultation as the screens show it and the evidence pack records it: the record with the names, the
 * patient's flags and what is still missing, on the clinic's date `clinicDate` (the caller's clock, so the
 * consultation service and the evidence export read it alike). Reads only.
 */
export function toConsultation(vault: ConsultationSources, clinicDate: string, c: ConsultationRecord): Consultation {
  const patient = vault.patients.get(c.patientId)!;
  const template = (vault.catalogue.template(c.templateId) ?? fail('internal')).content;
  const acks = vault.consultations.acknowledgements(c.id);
  const flags = recordFlags(patient, clinicDate);
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
    photos: vault.photos.forConsultation(c.id),
    gaps: c.status === 'draft' ? disclosureGaps(c, template, patient, flags, new Set(acks.map((a) => a.riskId)), clinicDate) : [],
    coolingOffDays: c.status === 'draft' ? procedure.coolingOffDays : c.coolingOffDays,
    disclosedAt: c.disclosedAt,
    coolingOffEndsAt: c.coolingOffEndsAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
