import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/**
 * Files kept in the vault (photos, communication attachments, documents), addressed by their SHA-256 so
 * the same bytes are stored once and a stored file can never be swapped for another.
 */
export class AttachmentRepository {
  private readonly insertStmt: Statement;
  private readonly bytesStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare('INSERT OR IGNORE INTO attachments (sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)');
    this.bytesStmt = db.prepare('SELECT bytes FROM attachments WHERE sha256 = ?');
  }

  put(sha256: string, mime: string, bytes: Buffer, createdAt: string): void {
    this.insertStmt.run(sha256, mime, bytes.length, bytes, createdAt);
  }

  bytes(sha256: string): Buffer {
    const row = this.bytesStmt.get(sha256) as { bytes: Buffer } | undefined;
    if (!row) throw new Error(`attachment ${sha256} is missing`);
    return row.bytes;
  }
}
