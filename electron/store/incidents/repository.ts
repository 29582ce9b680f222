import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

export type PersonalDataKind = 'identity' | 'contact' | 'medical_record' | 'photos' | 'payment' | 'other';

export interface IncidentRecord {
  id: string;
  refNo: string;
  whatHappened: string;
  peopleAffected: number | null;
  dataKinds: PersonalDataKind[];
  occurredAt: string | null;
  discoveredAt: string;
  containment: string;
  dueAt: string;
  reportedBy: string;
  reportedByName: string;
  createdAt: string;
  notification: { notifiedAt: string; authority: string; patientsNotified: boolean; note: string; recordedByName: string } | null;
  status: 'open' | 'closed';
  closedAt: string | null;
  closedByName: string | null;
  closingSummary: string | null;
}

type Raw = Record<string, string | number | null>;
const str = (v: string | number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));

function toIncident(r: Raw): IncidentRecord {
  return {
    id: String(r.id),
    refNo: String(r.ref_no),
    whatHappened: String(r.what_happened),
    peopleAffected: r.people_affected === null ? null : Number(r.people_affected),
    dataKinds: JSON.parse(String(r.data_kinds)) as PersonalDataKind[],
    occurredAt: str(r.occurred_at),
    discoveredAt: String(r.discovered_at),
    containment: String(r.containment),
    dueAt: String(r.due_at),
    reportedBy: String(r.reported_by),
    reportedByName: String(r.reported_by_name),
    createdAt: String(r.created_at),
    notification: r.notified_at
      ? {
          notifiedAt: String(r.notified_at),
          authority: String(r.notified_authority),
          patientsNotified: r.patients_notified === 1,
          note: String(r.notification_note),
          recordedByName: String(r.notification_recorded_by_name),
        }
      : null,
    status: r.status as 'open' | 'closed',
    closedAt: str(r.closed_at),
    closedByName: str(r.closed_by_name),
    closingSummary: str(r.closing_summary),
  };
}

const SELECT = `
  SELECT i.*, rb.name AS reported_by_name, nb.name AS notification_recorded_by_name, cb.name AS closed_by_name
  FROM privacy_incidents i JOIN staff rb ON rb.id = i.reported_by
  LEFT JOIN staff nb ON nb.id = i.notification_recorded_by LEFT JOIN staff cb ON cb.id = i.closed_by`;

function statements(db: Database) {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    countRefs: p('SELECT COUNT(*) AS n FROM privacy_incidents WHERE ref_no LIKE ?'),
    insert: p(`INSERT INTO privacy_incidents (id, ref_no, what_happened, people_affected, data_kinds, occurred_at, discovered_at, containment,
      due_at, reported_by, created_at, status)
      VALUES (@id, @refNo, @whatHappened, @peopleAffected, @dataKinds, @occurredAt, @discoveredAt, @containment, @dueAt, @reportedBy, @createdAt, 'open')`),
    get: p(`${SELECT} WHERE i.id = ?`),
    list: p(`${SELECT} WHERE (@status = 'all' OR i.status = @status) ORDER BY i.discovered_at DESC LIMIT @limit`),
    notify: p(`UPDATE privacy_incidents SET notified_at = @notifiedAt, notified_authority = @authority, patients_notified = @patientsNotified,
      notification_note = @note, notification_recorded_by = @recordedBy WHERE id = @id AND notified_at IS NULL AND status = 'open'`),
    close: p(`UPDATE privacy_incidents SET status = 'closed', closed_at = @at, closed_by = @by, closing_summary = @summary WHERE id = @id AND status = 'open'`),
    insertUpdate: p('INSERT INTO privacy_incident_updates (id, incident_id, text, staff_id, created_at) VALUES (?, ?, ?, ?, ?)'),
    updates: p(`SELECT u.id, u.text, s.name AS staff_name, u.created_at FROM privacy_incident_updates u JOIN staff s ON s.id = u.staff_id
      WHERE u.incident_id = ? ORDER BY u.created_at`),
  };
}

/** The privacy-incident register: personal-data breaches, their 72-hour notification clock, updates and closure. */
export class IncidentRepository {
  private readonly s: ReturnType<typeof statements>;

  constructor(db: Database) {
    this.s = statements(db);
  }

  nextRefNo(year: string): string {
    const n = (this.s.countRefs.get(`PI-${year}-%`) as { n: number }).n + 1;
    return `PI-${year}-${String(n).padStart(3, '0')}`;
  }

  insert(i: { id: string; refNo: string; whatHappened: string; peopleAffected: number | null; dataKinds: PersonalDataKind[]; occurredAt: string | null; discoveredAt: string; containment: string; dueAt: string; reportedBy: string; createdAt: string }): void {
    this.s.insert.run({ ...i, dataKinds: JSON.stringify(i.dataKinds) });
  }

  get(id: string): IncidentRecord | null {
    const r = this.s.get.get(id) as Raw | undefined;
    return r ? toIncident(r) : null;
  }

  list(status: 'open' | 'closed' | 'all', limit: number): IncidentRecord[] {
    return (this.s.list.all({ status, limit }) as Raw[]).map(toIncident);
  }

  recordNotification(n: { id: string; notifiedAt: string; authority: string; patientsNotified: boolean; note: string; recordedBy: string }): boolean {
    return this.s.notify.run({ ...n, patientsNotified: n.patientsNotified ? 1 : 0 }).changes === 1;
  }

  close(id: string, at: string, by: string, summary: string): boolean {
    return this.s.close.run({ id, at, by, summary }).changes === 1;
  }

  addUpdate(id: string, incidentId: string, text: string, staffId: string, at: string): void {
    this.s.insertUpdate.run(id, incidentId, text, staffId, at);
  }

  updates(incidentId: string): { id: string; text: string; staffName: string; createdAt: string }[] {
    return (this.s.updates.all(incidentId) as Raw[]).map((r) => ({ id: String(r.id), text: String(r.text), staffName: String(r.staff_name), createdAt: String(r.created_at) }));
  }
}
