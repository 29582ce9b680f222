import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { DeviceKind, PairedDevice } from '../../../shared/schemas/seats';

interface DeviceRow {
  id: string;
  name: string;
  kind: DeviceKind;
  paired_at: string;
  paired_by_name: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}

const DEVICE_COLUMNS = `d.id, d.name, d.kind, d.paired_at, s.name AS paired_by_name, d.last_seen_at, d.revoked_at`;

function rowToDevice(r: DeviceRow): PairedDevice {
  return { id: r.id, name: r.name, kind: r.kind, pairedAt: r.paired_at, pairedByName: r.paired_by_name, lastSeenAt: r.last_seen_at, revokedAt: r.revoked_at };
}

/** A pairing code as stored: only the SHA-256 of the code itself. */
export interface PairingCodeRecord {
  id: string;
  codeSha256: string;
  deviceName: string;
  deviceKind: DeviceKind;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  triesLeft: number;
  usedAt: string | null;
  deviceId: string | null;
}

interface CodeRow {
  id: string;
  code_sha256: string;
  device_name: string;
  device_kind: DeviceKind;
  created_at: string;
  created_by: string;
  expires_at: string;
  tries_left: number;
  used_at: string | null;
  device_id: string | null;
}

function rowToCode(r: CodeRow): PairingCodeRecord {
  return {
    id: r.id,
    codeSha256: r.code_sha256,
    deviceName: r.device_name,
    deviceKind: r.device_kind,
    createdAt: r.created_at,
    createdBy: r.created_by,
    expiresAt: r.expires_at,
    triesLeft: r.tries_left,
    usedAt: r.used_at,
    deviceId: r.device_id,
  };
}

/** A paired device with what the server checks on every request. */
export interface DeviceCredentialRecord {
  device: PairedDevice;
  credentialSha256: string;
}

/** Paired devices and their one-time pairing codes (migration 0180). Credentials and codes only as SHA-256. */
export class SeatRepository {
  private readonly db: Database;
  /** Every request of every seat looks its device up: prepared once. */
  private byCredentialStmt: Statement | null = null;

  constructor(db: Database) {
    this.db = db;
  }

  insertPairingCode(c: Omit<PairingCodeRecord, 'usedAt' | 'deviceId'>): void {
    this.db
      .prepare(
        `INSERT INTO pairing_codes (id, code_sha256, device_name, device_kind, created_at, created_by, expires_at, tries_left)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.id, c.codeSha256, c.deviceName, c.deviceKind, c.createdAt, c.createdBy, c.expiresAt, c.triesLeft);
  }

  pairingCodeByHash(codeSha256: string): PairingCodeRecord | null {
    const r = this.db.prepare(`SELECT * FROM pairing_codes WHERE code_sha256 = ?`).get(codeSha256) as CodeRow | undefined;
    return r ? rowToCode(r) : null;
  }

  /** Codes created since `sinceIso`, used or not: a proof names no code, so each is tried in turn. */
  pairingCodesSince(sinceIso: string): PairingCodeRecord[] {
    return (this.db.prepare(`SELECT * FROM pairing_codes WHERE created_at >= ? ORDER BY created_at`).all(sinceIso) as CodeRow[]).map(rowToCode);
  }

  /** Codes that can still pair a device at `nowIso`. */
  livePairingCodes(nowIso: string): PairingCodeRecord[] {
    return (
      this.db.prepare(`SELECT * FROM pairing_codes WHERE used_at IS NULL AND tries_left > 0 AND expires_at > ? ORDER BY created_at`).all(nowIso) as CodeRow[]
    ).map(rowToCode);
  }

  spendTry(codeId: string): void {
    this.db.prepare(`UPDATE pairing_codes SET tries_left = tries_left - 1 WHERE id = ? AND tries_left > 0`).run(codeId);
  }

  markCodeUsed(codeId: string, usedAt: string, deviceId: string): void {
    this.db.prepare(`UPDATE pairing_codes SET used_at = ?, device_id = ? WHERE id = ? AND used_at IS NULL`).run(usedAt, deviceId, codeId);
  }

  insertDevice(d: { id: string; name: string; kind: DeviceKind; credentialSha256: string; pairedAt: string; pairedBy: string }): void {
    this.db
      .prepare(`INSERT INTO paired_devices (id, name, kind, credential_sha256, paired_at, paired_by) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(d.id, d.name, d.kind, d.credentialSha256, d.pairedAt, d.pairedBy);
  }

  device(id: string): PairedDevice | null {
    const r = this.db.prepare(`SELECT ${DEVICE_COLUMNS} FROM paired_devices d JOIN staff s ON s.id = d.paired_by WHERE d.id = ?`).get(id) as DeviceRow | undefined;
    return r ? rowToDevice(r) : null;
  }

  deviceByCredential(credentialSha256: string): PairedDevice | null {
    this.byCredentialStmt ??= this.db.prepare(`SELECT ${DEVICE_COLUMNS} FROM paired_devices d JOIN staff s ON s.id = d.paired_by WHERE d.credential_sha256 = ?`);
    const r = this.byCredentialStmt.get(credentialSha256) as DeviceRow | undefined;
    return r ? rowToDevice(r) : null;
  }

  devices(): PairedDevice[] {
    return (
      this.db.prepare(`SELECT ${DEVICE_COLUMNS} FROM paired_devices d JOIN staff s ON s.id = d.paired_by ORDER BY d.revoked_at IS NOT NULL, d.paired_at DESC`).all() as DeviceRow[]
    ).map(rowToDevice);
  }

  rename(id: string, name: string): void {
    this.db.prepare(`UPDATE paired_devices SET name = ? WHERE id = ?`).run(name, id);
  }

  revoke(id: string, at: string, by: string): void {
    this.db.prepare(`UPDATE paired_devices SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL`).run(at, by, id);
  }

  touch(id: string, at: string): void {
    this.db.prepare(`UPDATE paired_devices SET last_seen_at = ? WHERE id = ?`).run(at, id);
  }
}
