import { randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../../shared/api';
import { ageOn, isMinorOn } from '../../../shared/dates';
import type { Patient, PatientFields, PatientRevision, PatientSummary, TimelineEntry } from '../../../shared/schemas/patient';
import { fail, failField } from '../../domain/errors';
import type { PatientRecord, PatientSummaryRecord } from '../../store/patients/repository';
import { auditedQuery } from '../audit/typed-text';
import { clinicToday } from '../clinic-time';
import type { ServiceContext } from '../context';
import { failEditedBy } from '../edited-elsewhere';
import { refuseIfDestroyed } from '../retention/records';

export function toPatient(ctx: ServiceContext, r: PatientRecord): Patient {
  const on = clinicToday(ctx);
  return { ...r, age: ageOn(r.birthDate, on), isMinor: isMinorOn(r.birthDate, on) };
}

function toSummary(ctx: ServiceContext, r: PatientSummaryRecord, on: string): PatientSummary {
  // A destroyed patient is found by chart number only and shown as destroyed (issue 11): nothing else is left.
  const destroyedAt = ctx.vault().retention.destroyedAt(r.id);
  if (destroyedAt) return { ...r, age: 0, consultationCount: 0, destroyedAt };
  return { ...r, age: ageOn(r.birthDate, on), consultationCount: ctx.vault().consultations.countForPatient(r.id) };
}

/** A patient whose records may be opened: a destroyed one answers with its destruction record instead. */
export function requirePatient(ctx: ServiceContext, patientId: string): PatientRecord {
  const record = ctx.vault().patients.get(patientId) ?? fail('not_found', 'errors.patientNotFound');
  refuseIfDestroyed(ctx, patientId);
  return record;
}

/** Chart number and ID are unique; the clash is reported on the field that clashes. */
function checkUnique(ctx: ServiceContext, fields: PatientFields, selfId: string | null): void {
  const repo = ctx.vault().patients;
  const byChart = repo.getByChartNo(fields.chartNo);
  if (byChart && byChart.id !== selfId) failField('conflict', 'chartNo', 'errors.chartNoTaken');
  if (fields.nationalId) {
    const byId = repo.getByNationalId(fields.nationalId);
    if (byId && byId.id !== selfId) failField('conflict', 'nationalId', 'errors.nationalIdTaken');
  }
}

function fieldsToRecord(fields: PatientFields): Omit<PatientRecord, 'id' | 'version' | 'createdAt' | 'updatedAt'> {
  return {
    chartNo: fields.chartNo,
    nameZh: fields.nameZh,
    nameEn: fields.nameEn || null,
    sex: fields.sex,
    birthDate: fields.birthDate,
    nationalId: fields.nationalId ?? null,
    phone: fields.phone,
    email: fields.email ?? null,
    lineId: fields.lineId || null,
    address: fields.address || null,
    emergencyContact: fields.emergencyContact ?? null,
    allergies: fields.allergies || null,
    riskMedications: [...new Set(fields.riskMedications)].sort(),
    medications: fields.medications || null,
    medicalHistory: fields.medicalHistory || null,
    priorProcedures: fields.priorProcedures || null,
    pregnancy: fields.pregnancy,
    smoking: fields.smoking,
    keloidHistory: fields.keloidHistory,
    guardian: fields.guardian ?? null,
    preferredLocale: fields.preferredLocale,
  };
}

/** A first version of a patient record from validated fields (also used by the demo and the benchmark's bulk load). */
export function newPatientRecord(fields: PatientFields, at: string): PatientRecord {
  return { id: randomUUID(), ...fieldsToRecord(fields), version: 1, createdAt: at, updatedAt: at };
}

export function searchPatients(ctx: ServiceContext, input: Parsed<'patients.search'>): Out<'patients.search'> {
  const found = ctx.vault().patients.search(input.query, input.limit);
  // A result list shows names: it is a view of those records, so it is audited like opening them. The query
  // (a name, an ID, a phone number) is kept only as its keyed hash: `audit.findTypedText` finds who searched for it.
  ctx.audit('patient.searched', null, { ...auditedQuery(ctx, input.query), resultCount: found.length, resultIds: found.map((p) => p.id) });
  const on = clinicToday(ctx);
  return found.map((r) => toSummary(ctx, r, on));
}

export function createPatient(ctx: ServiceContext, input: Parsed<'patients.create'>): Out<'patients.create'> {
  checkUnique(ctx, input, null);
  const at = ctx.clock.now().toISOString();
  const record = newPatientRecord(input, at);
  ctx.vault().patients.insert(record, ctx.session().staff.id);
  ctx.audit('patient.created', { type: 'patient', id: record.id }, { chartNo: record.chartNo });
  return toPatient(ctx, record);
}

/** Refuses an edit of a replaced version, naming who saved the current one (its revision, or the creator of version 1). */
function failPatientEdited(ctx: ServiceContext, patientId: string): never {
  const vault = ctx.vault();
  const current = vault.patients.get(patientId);
  const last = vault.patients.revisions(patientId).find((r) => r.version === current?.version);
  if (last) return failEditedBy(last.changedByName, last.changedAt);
  return failEditedBy(vault.patients.createdByName(patientId) ?? '', current?.updatedAt ?? '');
}

/** Saves an edit as a new version; the previous values stay readable in the revision history. */
export function updatePatient(ctx: ServiceContext, input: Parsed<'patients.update'>): Out<'patients.update'> {
  const current = requirePatient(ctx, input.patientId);
  if (current.version !== input.expectedVersion) failPatientEdited(ctx, current.id);
  checkUnique(ctx, input.fields, current.id);
  const next: PatientRecord = { ...current, ...fieldsToRecord(input.fields), version: current.version + 1, updatedAt: ctx.clock.now().toISOString() };
  const changes: PatientRevision['changes'] = [];
  for (const key of Object.keys(fieldsToRecord(input.fields)) as (keyof ReturnType<typeof fieldsToRecord>)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) changes.push({ field: key, from: current[key], to: next[key] });
  }
  if (changes.length === 0) return toPatient(ctx, current);
  if (!ctx.vault().patients.update(next, ctx.session().staff.id, changes)) failPatientEdited(ctx, current.id);
  ctx.audit('patient.updated', { type: 'patient', id: current.id }, { version: next.version, fields: changes.map((c) => c.field) });
  return toPatient(ctx, next);
}

/** Opening a patient is itself recorded: who viewed whose record, and when. */
export function getPatient(ctx: ServiceContext, input: Parsed<'patients.get'>): Out<'patients.get'> {
  const vault = ctx.vault();
  const record = requirePatient(ctx, input.patientId);
  ctx.audit('patient.viewed', { type: 'patient', id: record.id });
  const revisions = vault.patients.revisions(record.id);
  const consultations = vault.consultations.forPatient(record.id);
  const communications = vault.communications.forPatient(record.id);
  const timeline: TimelineEntry[] = [
    ...communications.map((m) => ({
      at: m.occurredAt,
      kind: 'communication' as const,
      refId: m.id,
      staffName: m.staffName,
      summary: `${m.channel}/${m.direction}: ${m.summary.length > 80 ? `${m.summary.slice(0, 80)}…` : m.summary}`,
    })),
    ...consultations.map((c) => ({ at: c.createdAt, kind: 'consultation' as const, refId: c.id, staffName: c.consultantName, summary: `${c.procedureName} (${c.status})` })),
    { at: record.createdAt, kind: 'patient_created' as const, refId: record.id, staffName: vault.patients.createdByName(record.id), summary: record.chartNo },
    ...revisions.map((r) => ({
      at: r.changedAt,
      kind: 'patient_updated' as const,
      refId: `${record.id}#${r.version}`,
      staffName: r.changedByName,
      summary: r.changes.map((c) => c.field).join(', '),
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { patient: toPatient(ctx, record), revisions, consultations, timeline };
}
