import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/**
 * The commit marks of key-slot changes: a change's row is inserted in the same transaction as the staff
 * record and audit event it belongs to, so "did this change commit?" is answered by the database alone.
 */
export class KeySlotChanges {
  private readonly insertStmt: Statement;
  private readonly existsStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare('INSERT INTO keyslot_changes (id, operation, at) VALUES (@id, @operation, @at)');
    this.existsStmt = db.prepare('SELECT 1 FROM keyslot_changes WHERE id = ?');
  }

  record(c: { id: string; operation: string; at: string }): void {
    this.insertStmt.run(c);
  }

  committed(id: string): boolean {
    return this.existsStmt.get(id) !== undefined;
  }
}
