import { createHash } from 'node:crypto';

/**
 * The SHA-256 of some bytes (or of text as UTF-8), as lowercase hex: how the vault names stored files and
 * documents, chains its audit trail and fingerprints keys. One definition, so every hash is computed alike.
 */
export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
