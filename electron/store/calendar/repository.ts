import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { CalendarDayKind } from '../../../shared/clinic-calendar';

export interface CalendarEntryRecord {
  date: string;
  kind: CalendarDayKind;
  name: string;
  createdByName: string;
  createdAt: string;
}

interface Row {
  date: string;
  kind: string;
  name: string;
  created_by_name: string;
  created_at: string;
}

const toEntry = (r: Row): CalendarEntryRecord => ({ date: r.date, kind: r.kind as CalendarDayKind, name: r.name, createdByName: r.created_by_name, createdAt: r.created_at });

/** The clinic's calendar: holidays and make-up working days the administrator entered. */
export class ClinicCalendarRepository {
  private readonly listStmt: Statement;
  private readonly rangeStmt: Statement;
  private readonly getStmt: Statement;
  private readonly insertStmt: Statement;
  private readonly importStmt: Statement;
  private readonly deleteStmt: Statement;

  constructor(db: Database) {
    const select = 'SELECT c.date, c.kind, c.name, c.created_at, s.name AS created_by_name FROM clinic_calendar c JOIN staff s ON s.id = c.created_by';
    this.listStmt = db.prepare(`${select} WHERE c.date >= ? AND c.date <= ? ORDER BY c.date`);
    this.rangeStmt = db.prepare('SELECT date, kind FROM clinic_calendar WHERE date >= ? AND date <= ?');
    this.getStmt = db.prepare(`${select} WHERE c.date = ?`);
    this.insertStmt = db.prepare('INSERT INTO clinic_calendar (date, kind, name, created_by, created_at) VALUES (@date, @kind, @name, @createdBy, @createdAt)');
    this.importStmt = db.prepare(
      `INSERT INTO clinic_calendar (date, kind, name, created_by, created_at, source) VALUES (@date, @kind, @name, @createdBy, @createdAt, 'imported')
       ON CONFLICT (date) DO NOTHING`,
    );
    this.deleteStmt = db.prepare('DELETE FROM clinic_calendar WHERE date = ?');
  }

  list(from: string, to: string): CalendarEntryRecord[] {
    return (this.listStmt.all(from, to) as Row[]).map(toEntry);
  }

  /** Just the dates and kinds, for computing deadlines. */
  days(from: string, to: string): { date: string; kind: CalendarDayKind }[] {
    return (this.rangeStmt.all(from, to) as { date: string; kind: string }[]).map((r) => ({ date: r.date, kind: r.kind as CalendarDayKind }));
  }

  get(date: string): CalendarEntryRecord | null {
    const r = this.getStmt.get(date) as Row | undefined;
    return r ? toEntry(r) : null;
  }

  insert(e: { date: string; kind: CalendarDayKind; name: string; createdBy: string; createdAt: string }): void {
    this.insertStmt.run(e);
  }

  /** Adds an imported day unless the date is already on the calendar; true when it was added. */
  importDay(d: { date: string; kind: CalendarDayKind; name: string; createdBy: string; createdAt: string }): boolean {
    return this.importStmt.run(d).changes === 1;
  }

  remove(date: string): boolean {
    return this.deleteStmt.run(date).changes === 1;
  }
}
