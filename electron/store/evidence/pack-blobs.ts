import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { openReadOnly } from '../backups/copy';

/** Where a pack's stored file lives in the vault: the content-addressed attachments, or a consent's document. */
export type PackBlobTable = 'attachment' | 'consentDocument';

/**
 * The stored files an evidence export copies, read on the export worker's own read-only connection: the files
 * are content-addressed and never change, so they are the same bytes the starting call's transaction saw.
 */
export class PackBlobStore {
  private readonly db: Database;
  private readonly attachmentStmt: Statement;
  private readonly documentStmt: Statement;

  constructor(dbPath: string, key: Buffer) {
    this.db = openReadOnly(dbPath, key);
    this.attachmentStmt = this.db.prepare('SELECT bytes FROM attachments WHERE sha256 = ?');
    this.documentStmt = this.db.prepare('SELECT bytes FROM consent_documents WHERE sha256 = ?');
  }

  read(table: PackBlobTable, sha256: string): Buffer {
    const row = (table === 'attachment' ? this.attachmentStmt : this.documentStmt).get(sha256) as { bytes: Buffer } | undefined;
    if (!row) throw new Error(`${table} ${sha256} is missing`);
    return row.bytes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
