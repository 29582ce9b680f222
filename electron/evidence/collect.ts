import { dateInZone } from '../../shared/dates';
import type { EvidenceScope } from '../../shared/schemas/evidence';
import type { AuditEvent } from '../../shared/schemas/audit';
import { toConsultation } from '../domain/consultation-view';
import { fail } from '../domain/errors';
import type { Vault } from '../store/vault';
import { collectFollowOnRecords } from './follow-on';
import type { PackConsent, PackRecords, PayloadFile } from './records';

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf', 'text/plain': 'txt' };
const STORED = new Set(['image/jpeg', 'image/png', 'application/pdf']);

export interface Collected {
  records: PackRecords;
  files: PayloadFile[];
  audit: AuditEvent[];
}

/** Is this instant on one of the scope's calendar days (in the clinic's time zone)? */
function inRange(iso: string, scope: EvidenceScope, timeZone: string): boolean {
  if (scope.type !== 'dateRange') return true;
  const day = dateInZone(new Date(iso), timeZone);
  return day >= scope.from && day <= scope.to;
}

function consentFiles(vault: Vault, consultationId: string, files: PayloadFile[]): PackConsent | null {
  const c = vault.consents.forConsultation(consultationId);
  if (!c) return null;
  const issued = vault.consents.document(c.documentSha256) ?? fail('internal');
  const issuedPath = `consents/${c.id}-issued.pdf`;
  files.push({ path: issuedPath, size: issued.size, sha256: issued.sha256, source: { from: 'consentDocument', sha256: issued.sha256 }, compress: false });
  let signedPath: string | null = null;
  if (c.finalSha256) {
    const final = vault.consents.document(c.finalSha256) ?? fail('internal');
    signedPath = `consents/${c.id}-signed.pdf`;
    files.push({ path: signedPath, size: final.size, sha256: final.sha256, source: { from: 'consentDocument', sha256: final.sha256 }, compress: false });
  }
  const bytesFile = (path: string, data: Buffer, sha256: string, compress: boolean) => {
    files.push({ path, size: data.length, sha256, source: { from: 'bytes', bytes: data }, compress });
    return path;
  };
  const signatures = vault.consents.signatures(c.id).map((s) => {
    const base = `signatures/${c.id}-${s.form}-${s.role}`;
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
      signedAt: s.signedAt,
      files: { png: bytesFile(`${base}.png`, s.png, s.pngSha256, false), strokes: bytesFile(`${base}.strokes.json`, Buffer.from(s.strokes, 'utf8'), s.strokesSha256, true) },
    };
  });
  const w = vault.consents.withdrawal(c.id);
  const withdrawal = w
    ? {
        id: w.id,
        reason: w.reason,
        signerRole: w.signerRole,
        signerName: w.signerName,
        at: w.at,
        strokesSha256: w.strokesSha256,
        pngSha256: w.pngSha256,
        bindingSha256: w.bindingSha256,
        files: {
          png: bytesFile(`signatures/${c.id}-withdrawal.png`, w.png, w.pngSha256, false),
          strokes: bytesFile(`signatures/${c.id}-withdrawal.strokes.json`, Buffer.from(w.strokes, 'utf8'), w.strokesSha256, true),
        },
      }
    : null;
  return {
    id: c.id,
    consultationId: c.consultationId,
    locale: c.locale,
    forms: c.forms,
    roles: c.roles,
    status: c.status,
    withdrawn: w !== null,
    documentSha256: c.documentSha256,
    documentSize: issued.size,
    documentPages: issued.pageCount,
    issuedAt: c.issuedAt,
    issuedByName: vault.staff.get(c.issuedBy)?.name ?? '',
    finalSha256: c.finalSha256,
    fullySignedAt: c.fullySignedAt,
    expiresAt: c.expiresAt,
    files: { issued: issuedPath, signed: signedPath },
    signatures,
    withdrawal,
  };
}

/**
 * Reads the records of one scope (call inside the export's transaction, so they are one consistent state):
 * the patient with its edit history always; consultations, their consents, photos and follow-on records by
 * the scope; communications of the patient (of the consultation, in that scope); and the scope's audit events.
 * `now` is the export's clock (the consultations' flags and gaps are as of the clinic's date then). The caller
 * has already refused a destroyed patient.
 */
export function collectScope(vault: Vault, now: Date, patientId: string, scope: EvidenceScope, withAudit: boolean): Collected {
  const tz = vault.clinicSettings().timeZone;
  const clinicDate = dateInZone(now, tz);
  const patient = vault.patients.get(patientId) ?? fail('not_found', 'errors.patientNotFound');
  const files: PayloadFile[] = [];

  let consultationRecords = vault.consultations.forPatient(patient.id).map((s) => vault.consultations.get(s.id) ?? fail('internal'));
  if (scope.type === 'consultation') {
    consultationRecords = consultationRecords.filter((c) => c.id === scope.consultationId);
    if (consultationRecords.length === 0) fail('not_found', 'errors.consultationNotFound');
  } else {
    consultationRecords = consultationRecords.filter((c) => inRange(c.createdAt, scope, tz));
  }
  consultationRecords.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const consultationIds = new Set(consultationRecords.map((c) => c.id));

  const consultations = consultationRecords.map((c) => {
    const template = vault.catalogue.template(c.templateId) ?? fail('internal');
    const procedure = vault.catalogue.get(c.procedureId) ?? fail('internal');
    // The same view as the consultation screens (one builder), from what the vault holds at the export.
    const view = toConsultation(c, {
      patient,
      template,
      procedure,
      consultant: vault.staff.get(c.consultantId),
      physician: vault.staff.get(c.physicianId),
      acknowledgements: vault.consultations.acknowledgements(c.id),
      readingSeconds: vault.consultations.readingSeconds(c.id),
      comprehensionAnswers: vault.consultations.comprehensionAnswers(c.id),
      photos: vault.photos.forConsultation(c.id),
      clinicDate,
    });
    const o = vault.consents.override(c.id);
    return {
      ...view,
      procedureNameZh: procedure.nameZh,
      procedureNameEn: procedure.nameEn,
      template: { id: template.id, version: template.version, locale: template.locale, content: template.content },
      coolingOffOverride: o ? { physicianName: vault.staff.get(o.physicianId)?.name ?? '', reason: o.reason, at: o.at, coolingOffEndsAt: o.coolingOffEndsAt } : null,
    };
  });

  const consents = consultationRecords.map((c) => consentFiles(vault, c.id, files)).filter((c): c is PackConsent => c !== null);

  const photoMetas = vault.evidence
    .patientPhotos(patient.id)
    .filter((p) => (p.consultationId && consultationIds.has(p.consultationId)) || (!p.consultationId && scope.type !== 'consultation' && inRange(p.capturedAt, scope, tz)));
  const photos = photoMetas.map(({ patientId: _patientId, ...p }) => {
    const file = `photos/${p.id}.${EXT[p.mime] ?? 'bin'}`;
    files.push({ path: file, size: p.size, sha256: p.sha256, source: { from: 'attachment', sha256: p.sha256 }, compress: false });
    return { ...p, file };
  });

  const attached = new Set<string>();
  const communications = vault.communications
    .forPatient(patient.id)
    .filter((m) => (scope.type === 'consultation' ? m.consultationId === scope.consultationId : inRange(m.occurredAt, scope, tz)))
    .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.createdAt < b.createdAt ? -1 : 1))
    .map((m) => {
      let attachmentFile: string | null = null;
      if (m.attachment) {
        attachmentFile = `attachments/${m.attachment.sha256}.${EXT[m.attachment.mime] ?? 'bin'}`;
        if (!attached.has(attachmentFile)) {
          attached.add(attachmentFile);
          files.push({ path: attachmentFile, size: m.attachment.size, sha256: m.attachment.sha256, source: { from: 'attachment', sha256: m.attachment.sha256 }, compress: !STORED.has(m.attachment.mime) });
        }
      }
      return { ...m, attachmentFile };
    });

  const followOn = collectFollowOnRecords(vault, patient.id, scope.type === 'consultation' ? consultationIds : null, (iso) => inRange(iso, scope, tz));
  for (const f of followOn.files) if (!files.some((x) => x.path === f.path)) files.push(f);

  const records: PackRecords = {
    patient: { ...patient, revisions: vault.patients.revisions(patient.id) },
    consultations,
    communications,
    consents,
    treatments: followOn.treatments,
    followUps: followOn.followUps,
    complaints: followOn.complaints,
    photos,
  };

  let audit: AuditEvent[] = [];
  if (withAudit) {
    const ids = [
      patient.id,
      ...consultationIds,
      ...consents.map((c) => c.id),
      ...photos.map((p) => p.id),
      ...communications.map((m) => m.id),
      ...followOn.ids,
    ];
    const anchors = scope.type === 'consultation' ? [scope.consultationId, ...consents.map((c) => c.id)] : [patient.id];
    const subjectIds = scope.type === 'consultation' ? ids.filter((id) => id !== patient.id) : ids;
    audit = vault.evidence.auditEventsFor(subjectIds, anchors).filter((e) => inRange(e.at, scope, tz));
  }
  return { records, files, audit };
}
