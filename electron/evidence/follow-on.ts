import type { Vault } from '../store/vault';
import type { PayloadFile } from './records';

/** The records that follow a signed consent (issue 6): treatments, follow-ups, complaints, as records.json lists them. */
export interface FollowOnRecords {
  treatments: Record<string, unknown>[];
  followUps: Record<string, unknown>[];
  complaints: Record<string, unknown>[];
  /** Their IDs, so the audit events about them come into the pack too. */
  ids: string[];
  /** Files they carry (complaint timeline attachments). */
  files: PayloadFile[];
}

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf', 'text/plain': 'txt' };

/**
 * The one place where evidence packs read treatments, follow-ups and complaints (the aftercare store,
 * migration 0080). `consultationIds`: only those consultations' records (one-consultation scope), or null;
 * `inScope`: whether a record's own time falls in the scope (a date range), always true otherwise.
 * Follow-up visits come with the treatment they follow; a complaint with its whole timeline.
 */
export function collectFollowOnRecords(vault: Vault, patientId: string, consultationIds: ReadonlySet<string> | null, inScope: (iso: string) => boolean): FollowOnRecords {
  const store = vault;
  const staffName = (id: string | null) => (id ? (vault.staff.get(id)?.name ?? '') : null);
  const ids: string[] = [];
  const files: PayloadFile[] = [];

  const treatmentRecords = store.treatments
    .forPatient(patientId)
    .filter((t) => (consultationIds ? consultationIds.has(t.consultationId) : true) && inScope(t.performedAt))
    .sort((a, b) => (a.performedAt < b.performedAt ? -1 : 1));
  const treatmentIds = new Set(treatmentRecords.map((t) => t.id));
  const treatments = treatmentRecords.map((t) => {
    ids.push(t.id);
    return {
      id: t.id,
      consultationId: t.consultationId,
      consentId: t.consentId,
      performedAt: t.performedAt,
      physician: staffName(t.physicianId),
      assistants: t.assistantIds.map((id) => staffName(id)),
      anaesthesia: t.anaesthesia,
      anaesthesiaDetails: t.anaesthesiaDetails,
      intraOpNotes: t.intraOpNotes,
      products: store.treatments.products(t.id),
      corrections: store.treatments.corrections(t.id),
      photoIds: store.treatments.photos(t.id).map((p) => p.id),
      recordedBy: staffName(t.recordedBy),
      createdAt: t.createdAt,
    };
  });

  const followUps = treatmentRecords.flatMap((t) =>
    store.followUps.forTreatment(t.id).map((v) => {
      ids.push(v.id);
      const outcome = store.followUps.outcome(v.id);
      return {
        id: v.id,
        treatmentId: v.treatmentId,
        consultationId: v.consultationId,
        levelId: v.levelId,
        dayOffset: v.dayOffset,
        role: v.role,
        method: v.method,
        focus: v.focus,
        dueDate: v.dueDate,
        assignedTo: v.assignedToName,
        doneAt: v.doneAt,
        attempts: store.followUps.attempts(v.id).map(({ visitId: _visitId, ...a }) => a),
        outcome: outcome ? (({ visitId: _visitId, recordedBy: _recordedBy, ...o }) => o)(outcome) : null,
        outcomeCorrections: store.followUps.outcomeCorrections(v.id),
        escalations: store.followUps.escalationsForVisit(v.id).map(({ visitId: _visitId, physicianId: _physicianId, ...e }) => e),
        // The visit's photos, so the before/after comparison can place them (issue 12).
        photoIds: store.followUps.visitPhotos(v.id).map((ph) => ph.id),
        createdAt: v.createdAt,
      };
    }),
  );

  const attached = new Set<string>();
  const complaints = store.complaints
    .forPatient(patientId)
    .filter((c) =>
      consultationIds ? (c.consultationId !== null && consultationIds.has(c.consultationId)) || (c.treatmentId !== null && treatmentIds.has(c.treatmentId)) : inScope(c.receivedAt),
    )
    .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1))
    .map((c) => {
      ids.push(c.id);
      const corrections = store.complaints.corrections(c.id);
      const timeline = store.complaints.entries(c.id).map((e) => {
        let file: string | null = null;
        if (e.attachment) {
          file = `attachments/${e.attachment.sha256}.${EXT[e.attachment.mime] ?? 'bin'}`;
          if (!attached.has(file)) {
            attached.add(file);
            files.push({ path: file, size: e.attachment.size, sha256: e.attachment.sha256, source: { from: 'attachment', sha256: e.attachment.sha256 }, compress: e.attachment.mime === 'text/plain' });
          }
        }
        return { id: e.id, kind: e.kind, occurredAt: e.occurredAt, summary: e.summary, staffName: e.staffName, createdAt: e.createdAt, attachment: e.attachment, attachmentFile: file, corrections: corrections.get(e.id) ?? [] };
      });
      return {
        id: c.id,
        refNo: c.refNo,
        consultationId: c.consultationId,
        treatmentId: c.treatmentId,
        channel: c.channel,
        category: c.category,
        severity: c.severity,
        receivedAt: c.receivedAt,
        patientSays: c.patientSays,
        patientWants: c.patientWants,
        status: c.status,
        owner: c.ownerName,
        closedAt: c.closedAt,
        closedBy: c.closedByName,
        closingSummary: c.closingSummary,
        createdBy: c.createdByName,
        createdAt: c.createdAt,
        timeline,
        assignments: store.complaints.assignments(c.id),
        clocks: store.complaints.clocks(c.id),
        resolutions: store.complaints.resolutions(c.id),
        reviews: store.complaints.reviews(c.id),
      };
    });

  return { treatments, followUps, complaints, ids, files };
}
