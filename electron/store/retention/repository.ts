import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/** The kinds of entry the retention clock runs from (the patient's own registration counts when nothing else exists). */
export type EntryKind = 'registration' | 'consultation' | 'consent' | 'treatment' | 'follow_up' | 'communication' | 'complaint';

export interface LastEntry {
  patientId: string;
  kind: EntryKind;
  at: string;
}

export interface RetentionPatient {
  id: string;
  chartNo: string;
  nameZh: string;
  birthDate: string;
}

export interface HoldRecord {
  kind: 'admin' | 'complaint' | 'privacy_incident';
  id: string;
  patientId: string | null;
  refNo: string | null;
  reason: string | null;
  since: string;
  placedByName: string | null;
}

export interface ProposalRecord {
  id: string;
  patientId: string;
  chartNo: string;
  nameZh: string;
  retentionDate: string;
  lastEntryAt: string | null;
  proposedAt: string;
  proposedById: string;
  proposedByName: string;
  status: 'pending' | 'approved' | 'withdrawn';
}

export interface DestroyedRecordRow {
  kind: string;
  recordId: string;
  parentId: string | null;
  sha256: string | null;
  bytes: number | null;
}

export interface DestructionLogRecord {
  proposalId: string;
  patientId: string;
  chartNo: string;
  at: string;
  proposedById: string;
  proposedByName: string;
  approvedById: string;
  approvedByName: string;
  method: string;
  placeClinic: string;
  placeVaultId: string;
  placeMachine: string;
  auditEventsKept: number;
  auditEventsWithTypedText: number;
  keepUntil: string;
  counts: Record<string, number>;
}

/** What the destruction of one patient removed (rows per table) and listed (records with their hashes). */
export interface DestructionResult {
  counts: Record<string, number>;
  records: DestroyedRecordRow[];
}

/**
 * Where each kind of entry keeps its time. Each part is grouped by patient; `filter` narrows it to one patient
 * (an indexed lookup) or leaves it open (the administrator's list, one pass over each table).
 */
function lastEntriesSql(filter: (column: string) => string): string {
  const parts: [EntryKind, string, string, string][] = [
    ['registration', 'p.id', 'p.created_at', 'patients p'],
    ['consultation', 'c.patient_id', 'MAX(c.updated_at)', 'consultations c'],
    ['consent', 'k.patient_id', 'MAX(COALESCE(k.fully_signed_at, k.issued_at))', 'consents k'],
    ['consent', 'k.patient_id', 'MAX(w.at)', 'consent_withdrawals w JOIN consents k ON k.id = w.consent_id'],
    ['treatment', 't.patient_id', 'MAX(t.performed_at)', 'treatments t'],
    ['treatment', 't.patient_id', 'MAX(x.created_at)', 'treatment_corrections x JOIN treatments t ON t.id = x.treatment_id'],
    ['follow_up', 't.patient_id', 'MAX(a.at)', 'follow_up_attempts a JOIN follow_up_visits v ON v.id = a.visit_id JOIN treatments t ON t.id = v.treatment_id'],
    ['follow_up', 't.patient_id', 'MAX(o.recorded_at)', 'follow_up_outcomes o JOIN follow_up_visits v ON v.id = o.visit_id JOIN treatments t ON t.id = v.treatment_id'],
    ['communication', 'm.patient_id', 'MAX(m.occurred_at)', 'communications m'],
    ['complaint', 'q.patient_id', 'MAX(COALESCE(q.closed_at, q.received_at))', 'complaints q'],
    ['complaint', 'q.patient_id', 'MAX(e.occurred_at)', 'complaint_entries e JOIN complaints q ON q.id = e.complaint_id'],
  ];
  return parts
    .map(([kind, pid, at, from]) =>
      kind === 'registration'
        ? `SELECT ${pid} AS patient_id, '${kind}' AS kind, ${at} AS at FROM ${from} WHERE ${filter(pid)}`
        : `SELECT ${pid} AS patient_id, '${kind}' AS kind, ${at} AS at FROM ${from} WHERE ${pid} IS NOT NULL AND ${filter(pid)} GROUP BY ${pid}`,
    )
    .join('\nUNION ALL\n');
}

/** The newest entry per patient (ISO UTC times compare as text). */
function newestPerPatient(rows: LastEntry[]): Map<string, LastEntry> {
  const out = new Map<string, LastEntry>();
  for (const r of rows) {
    if (r.at === null) continue;
    const seen = out.get(r.patientId);
    // On a tie the more specific entry wins over the registration.
    if (!seen || r.at > seen.at || (r.at === seen.at && seen.kind === 'registration')) out.set(r.patientId, r);
  }
  return out;
}

/**
 * Keys of audit details that held typed text before issue 10 (see docs/ARCHITECTURE.md, "Typed text"): events
 * written then still hold it, and the chain cannot be rewritten.
 */
const LEGACY_TYPED_TEXT: Record<string, readonly string[]> = {
  'patient.searched': ['query'],
  'consent.listed': ['chartNo'],
  'consent.cooling_off_overridden': ['reason'],
  'consent.withdrawn': ['reason'],
  'privacy_incident.notified': ['authority'],
  'privacy_incident.closed': ['noNotificationReason'],
  'evidence.export_started': ['fileName'],
  'evidence.exported': ['fileName'],
};

function holdsTypedText(action: string, details: Record<string, unknown>): boolean {
  if (action === 'consent.signed' && details.role === 'witness' && typeof details.signerName === 'string') return true;
  return (LEGACY_TYPED_TEXT[action] ?? []).some((k) => k in details);
}

type Row = Record<string, string | number | null>;
const s = (v: string | number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));

/** The ids a patient's records hang from, gathered before anything is deleted. */
const OWNED = {
  consultations: 'SELECT id FROM consultations WHERE patient_id = @pid',
  consents: 'SELECT id FROM consents WHERE patient_id = @pid',
  treatments: 'SELECT id FROM treatments WHERE patient_id = @pid',
  visits: 'SELECT v.id FROM follow_up_visits v JOIN treatments t ON t.id = v.treatment_id WHERE t.patient_id = @pid',
  complaints: 'SELECT id FROM complaints WHERE patient_id = @pid',
  entries: 'SELECT e.id FROM complaint_entries e JOIN complaints q ON q.id = e.complaint_id WHERE q.patient_id = @pid',
  reviews: 'SELECT r.id FROM complaint_reviews r JOIN complaints q ON q.id = r.complaint_id WHERE q.patient_id = @pid',
  communications: 'SELECT id FROM communications WHERE patient_id = @pid',
} as const;

/**
 * Every table that holds a patient's records, children before parents (foreign keys are checked per statement),
 * with the rows of this patient. What is kept instead: the patient row itself (its personal fields blanked; the
 * chart number stays as the tombstone's anchor), evidence_exports (the record that a pack left the clinic), the
 * audit trail (never deleted) and audit_event_patients (its index of patient ids).
 */
const DELETES: readonly [table: string, where: string][] = [
  ['follow_up_outcome_provenance', `visit_id IN (${OWNED.visits})`],
  ['follow_up_outcome_corrections', `visit_id IN (${OWNED.visits})`],
  ['follow_up_escalations', `visit_id IN (${OWNED.visits})`],
  ['follow_up_outcomes', `visit_id IN (${OWNED.visits})`],
  ['follow_up_attempts', `visit_id IN (${OWNED.visits})`],
  ['aftercare_photos', `treatment_id IN (${OWNED.treatments})`],
  ['follow_up_visits', `treatment_id IN (${OWNED.treatments})`],
  ['treatment_products', `treatment_id IN (${OWNED.treatments})`],
  ['treatment_corrections', `treatment_id IN (${OWNED.treatments})`],
  ['complaint_review_causes', `review_id IN (${OWNED.reviews})`],
  ['complaint_review_actions', `review_id IN (${OWNED.reviews})`],
  ['complaint_reviews', `complaint_id IN (${OWNED.complaints})`],
  // A recomputation points at its clock (0150), so it goes first.
  ['complaint_clock_recomputations', `clock_id IN (SELECT id FROM complaint_clocks WHERE complaint_id IN (${OWNED.complaints}))`],
  ['complaint_clocks', `complaint_id IN (${OWNED.complaints})`],
  ['complaint_entry_corrections', `entry_id IN (${OWNED.entries})`],
  ['complaint_resolutions', `complaint_id IN (${OWNED.complaints})`],
  ['complaint_assignments', `complaint_id IN (${OWNED.complaints})`],
  ['complaint_entries', `complaint_id IN (${OWNED.complaints})`],
  ['complaints', 'patient_id = @pid'],
  ['treatments', 'patient_id = @pid'],
  ['consent_signatures', `consent_id IN (${OWNED.consents})`],
  ['consent_signature_adoptions', `consent_id IN (${OWNED.consents})`],
  ['consent_signature_boxes', `consent_id IN (${OWNED.consents})`],
  ['consent_withdrawals', `consent_id IN (${OWNED.consents})`],
  ['consent_printed_eras', `consent_id IN (${OWNED.consents})`],
  ['consents', 'patient_id = @pid'],
  ['consent_documents', `sha256 IN (SELECT record_id FROM destroyed_records WHERE patient_id = @pid AND kind = 'consent_document')`],
  ['cooling_off_overrides', `consultation_id IN (${OWNED.consultations})`],
  ['consultation_flag_assessments', `consultation_id IN (${OWNED.consultations})`],
  ['risk_acknowledgements', `consultation_id IN (${OWNED.consultations})`],
  ['reading_times', `consultation_id IN (${OWNED.consultations})`],
  ['comprehension_answers', `consultation_id IN (${OWNED.consultations})`],
  ['communication_corrections', `communication_id IN (${OWNED.communications})`],
  ['communications', 'patient_id = @pid'],
  ['photos', 'patient_id = @pid'],
  ['consultations', 'patient_id = @pid'],
  // Content-addressed files are shared: only those no other record still points at.
  [
    'attachments',
    `sha256 IN (SELECT record_id FROM destroyed_records WHERE patient_id = @pid AND kind = 'attachment')
     AND sha256 NOT IN (SELECT sha256 FROM photos) AND sha256 NOT IN (SELECT attachment_sha256 FROM communications WHERE attachment_sha256 IS NOT NULL)
     AND sha256 NOT IN (SELECT attachment_sha256 FROM complaint_entries WHERE attachment_sha256 IS NOT NULL)`,
  ],
  ['patient_revisions', 'patient_id = @pid'],
  ['patient_name_grams', 'patient_id = @pid'],
];

/** The records listed in the tombstone, with the hash of what each held (documents, pictures, files). */
const LISTED: readonly string[] = [
  `SELECT 'consultation' AS kind, id AS record_id, NULL AS parent_id, NULL AS sha256, NULL AS bytes FROM consultations WHERE patient_id = @pid`,
  `SELECT 'consent', id, consultation_id, document_sha256, NULL FROM consents WHERE patient_id = @pid`,
  `SELECT 'consent_document', d.sha256, k.id, d.sha256, d.size FROM consents k JOIN consent_documents d ON d.sha256 = k.document_sha256 WHERE k.patient_id = @pid
   UNION SELECT 'consent_document', d.sha256, k.id, d.sha256, d.size FROM consents k JOIN consent_documents d ON d.sha256 = k.final_sha256 WHERE k.patient_id = @pid`,
  `SELECT 'signature', g.id, g.consent_id, g.binding_sha256, length(g.png) FROM consent_signatures g JOIN consents k ON k.id = g.consent_id WHERE k.patient_id = @pid`,
  `SELECT 'signature_adoption', a.id, a.consent_id, a.png_sha256, length(a.png) FROM consent_signature_adoptions a JOIN consents k ON k.id = a.consent_id WHERE k.patient_id = @pid`,
  `SELECT 'withdrawal', w.id, w.consent_id, w.binding_sha256, length(w.png) FROM consent_withdrawals w JOIN consents k ON k.id = w.consent_id WHERE k.patient_id = @pid`,
  `SELECT 'photo', p.id, p.consultation_id, p.sha256, a.size FROM photos p JOIN attachments a ON a.sha256 = p.sha256 WHERE p.patient_id = @pid`,
  `SELECT 'communication', id, consultation_id, attachment_sha256, NULL FROM communications WHERE patient_id = @pid`,
  `SELECT 'treatment', id, consultation_id, NULL, NULL FROM treatments WHERE patient_id = @pid`,
  `SELECT 'complaint', id, NULL, NULL, NULL FROM complaints WHERE patient_id = @pid`,
  // A file another record still points at (the same PDF sent to two patients) is not this patient's to destroy.
  `SELECT DISTINCT 'attachment', a.sha256, NULL, a.sha256, a.size FROM attachments a WHERE a.sha256 IN (
     SELECT sha256 FROM photos WHERE patient_id = @pid
     UNION SELECT attachment_sha256 FROM communications WHERE patient_id = @pid AND attachment_sha256 IS NOT NULL
     UNION SELECT e.attachment_sha256 FROM complaint_entries e JOIN complaints q ON q.id = e.complaint_id WHERE q.patient_id = @pid AND e.attachment_sha256 IS NOT NULL)
   AND a.sha256 NOT IN (SELECT sha256 FROM photos WHERE patient_id <> @pid)
   AND a.sha256 NOT IN (SELECT attachment_sha256 FROM communications WHERE patient_id <> @pid AND attachment_sha256 IS NOT NULL)
   AND a.sha256 NOT IN (SELECT e.attachment_sha256 FROM complaint_entries e JOIN complaints q ON q.id = e.complaint_id
     WHERE q.patient_id IS NOT @pid AND e.attachment_sha256 IS NOT NULL)`,
];

function statements(db: Database) {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    lastOne: p(lastEntriesSql((c) => `${c} = @pid`)),
    lastAll: p(lastEntriesSql(() => '1')),
    patients: p(`SELECT id, chart_no, name_zh, birth_date FROM patients WHERE id NOT IN (SELECT patient_id FROM destruction_tombstones)`),
    patient: p('SELECT id, chart_no, name_zh, birth_date FROM patients WHERE id = ?'),
    adminHolds: p(`SELECT h.id, h.patient_id, h.reason, h.placed_at, s.name AS placed_by_name FROM retention_holds h JOIN staff s ON s.id = h.placed_by
      WHERE (@pid IS NULL OR h.patient_id = @pid) AND NOT EXISTS (SELECT 1 FROM retention_hold_releases r WHERE r.hold_id = h.id) ORDER BY h.placed_at`),
    adminHoldsOf: p(`SELECT h.id, h.patient_id, h.reason, h.placed_at, s.name AS placed_by_name FROM retention_holds h JOIN staff s ON s.id = h.placed_by
      WHERE h.patient_id = @pid AND NOT EXISTS (SELECT 1 FROM retention_hold_releases r WHERE r.hold_id = h.id) ORDER BY h.placed_at`),
    hold: p(`SELECT h.id, h.patient_id, h.reason, h.placed_at, (SELECT 1 FROM retention_hold_releases r WHERE r.hold_id = h.id) AS released
      FROM retention_holds h WHERE h.id = ?`),
    openComplaints: p(`SELECT id, patient_id, ref_no, received_at FROM complaints WHERE status <> 'closed' AND patient_id IS NOT NULL AND (@pid IS NULL OR patient_id = @pid)`),
    openComplaintsOf: p(`SELECT id, patient_id, ref_no, received_at FROM complaints WHERE status <> 'closed' AND patient_id = @pid`),
    openIncidents: p(`SELECT id, ref_no, discovered_at FROM privacy_incidents WHERE status <> 'closed' ORDER BY discovered_at`),
    insertHold: p('INSERT INTO retention_holds (id, patient_id, reason, placed_by, placed_at) VALUES (?, ?, ?, ?, ?)'),
    releaseHold: p('INSERT INTO retention_hold_releases (hold_id, reason, released_by, released_at) VALUES (?, ?, ?, ?)'),
    insertProposal: p(`INSERT INTO destruction_proposals (id, patient_id, retention_date, last_entry_at, proposed_by, proposed_at)
      VALUES (@id, @patientId, @retentionDate, @lastEntryAt, @proposedBy, @proposedAt)`),
    proposals: p(`SELECT d.*, p.chart_no, p.name_zh, s.name AS proposed_by_name,
        CASE WHEN EXISTS (SELECT 1 FROM destruction_approvals a WHERE a.proposal_id = d.id) THEN 'approved'
             WHEN EXISTS (SELECT 1 FROM destruction_proposal_withdrawals w WHERE w.proposal_id = d.id) THEN 'withdrawn'
             ELSE 'pending' END AS status
      FROM destruction_proposals d JOIN patients p ON p.id = d.patient_id JOIN staff s ON s.id = d.proposed_by
      WHERE (@id IS NULL OR d.id = @id) AND (@pid IS NULL OR d.patient_id = @pid) ORDER BY d.proposed_at DESC, d.id LIMIT @limit`),
    pendingProposals: p(`SELECT d.*, p.chart_no, p.name_zh, s.name AS proposed_by_name, 'pending' AS status
      FROM destruction_proposals d JOIN patients p ON p.id = d.patient_id JOIN staff s ON s.id = d.proposed_by
      WHERE NOT EXISTS (SELECT 1 FROM destruction_approvals a WHERE a.proposal_id = d.id)
        AND NOT EXISTS (SELECT 1 FROM destruction_proposal_withdrawals w WHERE w.proposal_id = d.id)
      ORDER BY d.proposed_at, d.id LIMIT @limit`),
    withdrawProposal: p('INSERT INTO destruction_proposal_withdrawals (proposal_id, reason, withdrawn_by, withdrawn_at) VALUES (?, ?, ?, ?)'),
    approve: p('INSERT INTO destruction_approvals (proposal_id, patient_id, approved_by, approved_at) VALUES (?, ?, ?, ?)'),
    listed: p(`INSERT INTO destroyed_records (patient_id, kind, record_id, parent_id, sha256, bytes)
      SELECT @pid, kind, record_id, parent_id, sha256, bytes FROM (${LISTED.join('\nUNION ALL\n')})`),
    destroyed: p('SELECT kind, record_id, parent_id, sha256, bytes FROM destroyed_records WHERE patient_id = ? ORDER BY kind, record_id'),
    destroyedConsent: p(`SELECT d.patient_id, d.sha256 FROM destroyed_records d JOIN destruction_tombstones t ON t.patient_id = d.patient_id
      WHERE d.kind = 'consent' AND d.record_id = ?`),
    destroyedChildren: p(`SELECT kind, record_id, sha256 FROM destroyed_records WHERE parent_id = ? AND kind IN ('signature', 'withdrawal', 'consent_document')`),
    deleteSearch: p('DELETE FROM patient_search WHERE rowid = (SELECT search_rowid FROM patient_search_keys WHERE patient_id = ?)'),
    insertSearch: p('INSERT INTO patient_search (patient_id, body) VALUES (?, ?)'),
    searchKey: p('INSERT OR REPLACE INTO patient_search_keys (patient_id, search_rowid) VALUES (?, ?)'),
    // The row stays as the tombstone's anchor (evidence exports and the tombstone point at it); nothing personal stays in it.
    blankPatient: p(`UPDATE patients SET name_zh = '', name_en = NULL, sex = 'other', birth_date = '', national_id = NULL, phone = '', phone_digits = '',
      email = NULL, line_id = NULL, address = NULL, emergency_contact = NULL, allergies = NULL, risk_medications = '[]', medications = NULL,
      medical_history = NULL, prior_procedures = NULL, pregnancy = 'unknown', smoking = 'never', keloid_history = 0, guardian = NULL,
      version = version + 1, updated_at = @at WHERE id = @pid`),
    auditNaming: p(`SELECT action, details FROM audit_events WHERE subject_id IN (SELECT value FROM json_each(@ids)) OR instr(details, @pid) > 0`),
    insertTombstone: p(`INSERT INTO destruction_tombstones (patient_id, proposal_id, chart_no, counts, proposed_by, approved_by, destroyed_at, method)
      VALUES (@patientId, @proposalId, @chartNo, @counts, @proposedById, @approvedById, @at, @method)`),
    insertLog: p(`INSERT INTO destruction_log (id, proposal_id, patient_id, chart_no, at, proposed_by, proposed_by_name, approved_by, approved_by_name, method,
      place_clinic, place_vault_id, place_machine, audit_events_kept, audit_events_with_typed_text, keep_until)
      VALUES (@id, @proposalId, @patientId, @chartNo, @at, @proposedById, @proposedByName, @approvedById, @approvedByName, @method,
      @placeClinic, @placeVaultId, @placeMachine, @auditEventsKept, @auditEventsWithTypedText, @keepUntil)`),
    log: p(`SELECT l.*, t.counts FROM destruction_log l JOIN destruction_tombstones t ON t.proposal_id = l.proposal_id
      WHERE (@pid IS NULL OR l.patient_id = @pid) ORDER BY l.at DESC, l.id LIMIT @limit`),
    tombstoned: p('SELECT t.destroyed_at FROM destruction_tombstones t WHERE t.patient_id = ?'),
    latestDestruction: p('SELECT MAX(at) AS at FROM destruction_log'),
  };
}

function toProposal(r: Row): ProposalRecord {
  return {
    id: String(r.id),
    patientId: String(r.patient_id),
    chartNo: String(r.chart_no),
    nameZh: String(r.name_zh),
    retentionDate: String(r.retention_date),
    lastEntryAt: s(r.last_entry_at),
    proposedAt: String(r.proposed_at),
    proposedById: String(r.proposed_by),
    proposedByName: String(r.proposed_by_name),
    status: r.status as ProposalRecord['status'],
  };
}

function toLog(r: Row): DestructionLogRecord {
  return {
    proposalId: String(r.proposal_id),
    patientId: String(r.patient_id),
    chartNo: String(r.chart_no),
    at: String(r.at),
    proposedById: String(r.proposed_by),
    proposedByName: String(r.proposed_by_name),
    approvedById: String(r.approved_by),
    approvedByName: String(r.approved_by_name),
    method: String(r.method),
    placeClinic: String(r.place_clinic),
    placeVaultId: String(r.place_vault_id),
    placeMachine: String(r.place_machine),
    auditEventsKept: Number(r.audit_events_kept),
    auditEventsWithTypedText: Number(r.audit_events_with_typed_text),
    keepUntil: String(r.keep_until),
    counts: JSON.parse(String(r.counts)) as Record<string, number>,
  };
}

const toAdminHold = (r: Row): HoldRecord => ({
  kind: 'admin',
  id: String(r.id),
  patientId: String(r.patient_id),
  refNo: null,
  reason: String(r.reason),
  since: String(r.placed_at),
  placedByName: String(r.placed_by_name),
});
const toComplaintHold = (r: Row): HoldRecord => ({
  kind: 'complaint',
  id: String(r.id),
  patientId: String(r.patient_id),
  refNo: String(r.ref_no),
  reason: null,
  since: String(r.received_at),
  placedByName: null,
});

/** Retention: last entries, legal holds, proposals and approvals, and the destruction itself with its tombstone and log. */
export class RetentionRepository {
  private readonly st: ReturnType<typeof statements>;
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
    this.st = statements(db);
  }

  lastEntry(patientId: string): LastEntry | null {
    return newestPerPatient(this.rawEntries(this.st.lastOne, { pid: patientId })).get(patientId) ?? null;
  }

  /** The newest entry of every patient not destroyed (one pass over each table). */
  lastEntries(): Map<string, LastEntry> {
    return newestPerPatient(this.rawEntries(this.st.lastAll, {}));
  }

  private rawEntries(stmt: Statement, params: Record<string, string>): LastEntry[] {
    return (stmt.all(params) as Row[]).map((r) => ({ patientId: String(r.patient_id), kind: r.kind as EntryKind, at: r.at as string }));
  }

  livingPatients(): RetentionPatient[] {
    return (this.st.patients.all() as Row[]).map((r) => ({ id: String(r.id), chartNo: String(r.chart_no), nameZh: String(r.name_zh), birthDate: String(r.birth_date) }));
  }

  patient(id: string): RetentionPatient | null {
    const r = this.st.patient.get(id) as Row | undefined;
    return r ? { id: String(r.id), chartNo: String(r.chart_no), nameZh: String(r.name_zh), birthDate: String(r.birth_date) } : null;
  }

  /** Holds on one patient: admin holds not released, open complaints (open privacy incidents: see clinicHolds). */
  holdsOf(patientId: string): HoldRecord[] {
    return [
      ...(this.st.adminHoldsOf.all({ pid: patientId }) as Row[]).map(toAdminHold),
      ...(this.st.openComplaintsOf.all({ pid: patientId }) as Row[]).map(toComplaintHold),
    ];
  }

  /** Every patient's holds at once (the administrator's list). */
  allHolds(): Map<string, HoldRecord[]> {
    const out = new Map<string, HoldRecord[]>();
    const add = (h: HoldRecord) => {
      const list = out.get(h.patientId!) ?? [];
      list.push(h);
      out.set(h.patientId!, list);
    };
    (this.st.adminHolds.all({ pid: null }) as Row[]).map(toAdminHold).forEach(add);
    (this.st.openComplaints.all({ pid: null }) as Row[]).map(toComplaintHold).forEach(add);
    return out;
  }

  /** Open privacy incidents: the register names no patients, so each one holds every patient's records. */
  clinicHolds(): HoldRecord[] {
    return (this.st.openIncidents.all() as Row[]).map((r) => ({
      kind: 'privacy_incident',
      id: String(r.id),
      patientId: null,
      refNo: String(r.ref_no),
      reason: null,
      since: String(r.discovered_at),
      placedByName: null,
    }));
  }

  hold(id: string): { id: string; patientId: string; released: boolean } | null {
    const r = this.st.hold.get(id) as Row | undefined;
    return r ? { id: String(r.id), patientId: String(r.patient_id), released: r.released === 1 } : null;
  }

  placeHold(h: { id: string; patientId: string; reason: string; placedBy: string; at: string }): void {
    this.st.insertHold.run(h.id, h.patientId, h.reason, h.placedBy, h.at);
  }

  releaseHold(r: { holdId: string; reason: string; releasedBy: string; at: string }): void {
    this.st.releaseHold.run(r.holdId, r.reason, r.releasedBy, r.at);
  }

  insertProposal(p: { id: string; patientId: string; retentionDate: string; lastEntryAt: string | null; proposedBy: string; proposedAt: string }): void {
    this.st.insertProposal.run(p);
  }

  proposal(id: string): ProposalRecord | null {
    const r = this.st.proposals.get({ id, pid: null, limit: 1 }) as Row | undefined;
    return r ? toProposal(r) : null;
  }

  /** The patient's newest proposal (pending, approved or withdrawn). */
  latestProposalOf(patientId: string): ProposalRecord | null {
    const r = this.st.proposals.get({ id: null, pid: patientId, limit: 1 }) as Row | undefined;
    return r ? toProposal(r) : null;
  }

  pendingProposals(limit = 500): ProposalRecord[] {
    return (this.st.pendingProposals.all({ limit }) as Row[]).map(toProposal);
  }

  withdrawProposal(w: { proposalId: string; reason: string; withdrawnBy: string; at: string }): void {
    this.st.withdrawProposal.run(w.proposalId, w.reason, w.withdrawnBy, w.at);
  }

  /**
   * Carries out an approved destruction inside the caller's transaction: the approval opens the sanctioned delete
   * path of the protected tables' triggers, the records are listed with their hashes, every row of the patient's
   * records is deleted (secure_delete overwrites the freed space), the patient row keeps only its id and chart
   * number, and the tombstone — written last — closes the path again.
   */
  destroy(d: {
    proposalId: string;
    patientId: string;
    chartNo: string;
    proposedById: string;
    approvedById: string;
    at: string;
    method: string;
  }): DestructionResult {
    this.st.approve.run(d.proposalId, d.patientId, d.approvedById, d.at);
    const pid = d.patientId;
    this.st.listed.run({ pid });
    const counts: Record<string, number> = {};
    for (const [table, where] of DELETES) {
      const changes = this.db.prepare(`DELETE FROM ${table} WHERE ${where}`).run({ pid }).changes;
      if (changes > 0) counts[table] = changes;
    }
    // The search index keeps only the chart number: a destroyed patient can still be found, and shown as destroyed.
    this.st.deleteSearch.run(pid);
    const { lastInsertRowid } = this.st.insertSearch.run(pid, d.chartNo.normalize('NFKC').toLowerCase());
    this.st.searchKey.run(pid, lastInsertRowid);
    this.st.blankPatient.run({ pid, at: d.at });
    counts.patients = 1;
    this.st.insertTombstone.run({ ...d, counts: JSON.stringify(counts) });
    return { counts, records: this.destroyedRecords(pid) };
  }

  /** Audit events naming the patient or one of their records, and how many of them hold typed text from before issue 10. */
  auditEventsNaming(patientId: string, recordIds: readonly string[]): { kept: number; withTypedText: number } {
    let kept = 0;
    let withTypedText = 0;
    for (const r of this.st.auditNaming.iterate({ ids: JSON.stringify([patientId, ...recordIds]), pid: patientId }) as Iterable<Row>) {
      kept++;
      let details: Record<string, unknown> = {};
      try {
        details = JSON.parse(String(r.details)) as Record<string, unknown>;
      } catch {
        /* an unreadable event is still a kept one */
      }
      if (holdsTypedText(String(r.action), details)) withTypedText++;
    }
    return { kept, withTypedText };
  }

  /** The record ids the patient's audit events may name (gathered before the destruction). */
  recordIdsOf(patientId: string): string[] {
    const ids: string[] = [];
    for (const sql of Object.values(OWNED)) {
      for (const r of this.db.prepare(sql).all({ pid: patientId }) as Row[]) ids.push(String(r.id));
    }
    return ids;
  }

  writeLog(l: Omit<DestructionLogRecord, 'counts'> & { id: string }): void {
    this.st.insertLog.run(l);
  }

  destroyedRecords(patientId: string): DestroyedRecordRow[] {
    return (this.st.destroyed.all(patientId) as Row[]).map((r) => ({
      kind: String(r.kind),
      recordId: String(r.record_id),
      parentId: s(r.parent_id),
      sha256: s(r.sha256),
      bytes: r.bytes === null ? null : Number(r.bytes),
    }));
  }

  /**
   * A consent destroyed by an approved destruction, as its tombstone lists it: the issued document's hash, and the
   * hashes of its documents, signatures and withdrawal (so audit events still verify against what was destroyed).
   */
  destroyedConsent(consentId: string): { patientId: string; documentSha256: string; documents: string[]; signatures: string[]; withdrawals: string[] } | null {
    const r = this.st.destroyedConsent.get(consentId) as Row | undefined;
    if (!r) return null;
    const children = this.st.destroyedChildren.all(consentId) as Row[];
    const of = (kind: string) => children.filter((c) => c.kind === kind).map((c) => String(c.sha256));
    return { patientId: String(r.patient_id), documentSha256: String(r.sha256), documents: of('consent_document'), signatures: of('signature'), withdrawals: of('withdrawal') };
  }

  log(limit: number, patientId: string | null = null): DestructionLogRecord[] {
    return (this.st.log.all({ pid: patientId, limit }) as Row[]).map(toLog);
  }

  destroyedAt(patientId: string): string | null {
    return s((this.st.tombstoned.get(patientId) as Row | undefined)?.destroyed_at);
  }

  /** The newest destruction: backups taken before it still hold destroyed records (rotation expires them). */
  latestDestructionAt(): string | null {
    return s((this.st.latestDestruction.get() as Row | undefined)?.at);
  }

  /** Empties the write-ahead log into the database file, so no earlier page images of destroyed rows stay in it. */
  truncateWal(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
