import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { chartNoKey } from './repository';

/** What the suggestion of the next chart number needs to know (patients table). */
export class ChartNumberStore {
  private readonly latestStmt: Statement;
  private readonly takenStmt: Statement;

  constructor(db: Database) {
    this.latestStmt = db.prepare('SELECT chart_no FROM patients ORDER BY created_at DESC, rowid DESC LIMIT 1');
    this.takenStmt = db.prepare('SELECT 1 FROM patients WHERE chart_no_key = ?');
  }

  /** The chart number of the patient registered last. */
  latest(): string | null {
    return (this.latestStmt.get() as { chart_no: string } | undefined)?.chart_no ?? null;
  }

  taken(chartNo: string): boolean {
    return this.takenStmt.get(chartNoKey(chartNo)) !== undefined;
  }
}
