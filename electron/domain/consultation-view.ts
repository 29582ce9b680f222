import { isMinorOn } from '../../shared/dates';
import type { DisclosureTemplate, Procedure, TemplateContent } from '../../shared/schemas/catalogue';
import type { Consultation, DisclosureGap, RecordFlag } from '../../shared/schemas/consultation';
import type { StaffMember } from '../../shared/schemas/staff';
import type { ConsultationRecord } from '../store/consultations/repository';
import type { PatientRecord } from '../store/patients/repository';

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

/** What a consultation's view is built from besides its record: read from the store by the caller. */
export interface ConsultationFacts {
  patient: PatientRecord;
  template: Pick<DisclosureTemplate, 'version' | 'content'>;
  procedure: Pick<Procedure, 'nameZh' | 'nameEn' | 'coolingOffDays'>;
  consultant: Pick<StaffMember, 'name'> | null;
  physician: Pick<StaffMember, 'name' | 'specialty' | 'licenceNo'> | null;
  acknowledgements: Consultation['riskAcknowledgements'];
  readingSeconds: Consultation['readingSeconds'];
  comprehensionAnswers: Consultation['comprehensionAnswers'];
  photos: Consultation['photos'];
  /** The clinic's date now (the caller's clock): the patient's flags and the gaps are as of this day. */
  clinicDate: string;
}

/**
 * A consultation as the screens show it and the evidence pack records it: the record with the names, the
 * patient's flags and what is still missing. The consultation service and the evidence export both build it here.
 */
export function toConsultation(c: ConsultationRecord, f: ConsultationFacts): Consultation {
  const { patient, procedure, physician, clinicDate } = f;
  const template = f.template.content;
  const acks = f.acknowledgements;
  const flags = recordFlags(patient, clinicDate);
  const body = c.screening?.bodyImage;
  return {
    id: c.id,
    patientId: c.patientId,
    patientName: patient.nameZh,
    consultantId: c.consultantId,
    consultantName: f.consultant?.name ?? '',
    physicianId: c.physicianId,
    physicianName: physician?.name ?? '',
    physicianSpecialty: physician?.specialty ?? null,
    physicianLicenceNo: physician?.licenceNo ?? null,
    procedureId: c.procedureId,
    procedureName: c.locale === 'en' ? procedure.nameEn : procedure.nameZh,
    templateId: c.templateId,
    templateVersion: f.template.version,
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
    readingSeconds: f.readingSeconds,
    comprehensionAnswers: f.comprehensionAnswers,
    comprehensionPassedAt: c.comprehensionPassedAt,
    photos: f.photos,
    gaps: c.status === 'draft' ? disclosureGaps(c, template, patient, flags, new Set(acks.map((a) => a.riskId)), clinicDate) : [],
    coolingOffDays: c.status === 'draft' ? procedure.coolingOffDays : c.coolingOffDays,
    disclosedAt: c.disclosedAt,
    coolingOffEndsAt: c.coolingOffEndsAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}
