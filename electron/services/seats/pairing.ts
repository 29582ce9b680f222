import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { PairedDevice } from '../../../shared/schemas/seats';
import type { AppCore } from '../../app-core';
import { sha256Hex } from '../../domain/hash';
import type { Seat } from '../../sessions/seat';
import type { PairingCodeRecord } from '../../store/seats/repository';
import type { Vault } from '../../store/vault';
import { makeContext } from '../context';

/**
 * What a device sends to pair. A browser sends the code itself (it cannot see the certificate it was given); the
 * Node/Electron client sends `proof = HMAC-SHA256(key = SHA-256 hex of the code, message = the certificate
 * fingerprint it saw)`, so a man in the middle presenting another certificate cannot turn the code into a
 * pairing with the real server. The key is the code's SHA-256 because that is all the vault keeps of it.
 */
export type PairingAttempt = { kind: 'code'; code: string } | { kind: 'proof'; proof: string };

export type PairingRefusal = 'code_wrong' | 'code_expired' | 'code_used' | 'certificate_mismatch';

export type PairingOutcome =
  | { ok: true; device: PairedDevice; credential: string }
  | { ok: false; reason: PairingRefusal; messageKey: string };

const MESSAGE: Record<PairingRefusal, string> = {
  code_wrong: 'seats.errors.codeWrong',
  code_expired: 'seats.errors.codeExpired',
  code_used: 'seats.errors.codeUsed',
  certificate_mismatch: 'seats.errors.codeWrong',
};

export function pairingProof(code: string, certificateSha256: string): string {
  return createHmac('sha256', sha256Hex(code)).update(certificateSha256).digest('hex');
}

function proofFor(record: PairingCodeRecord, certificateSha256: string): string {
  return createHmac('sha256', record.codeSha256).update(certificateSha256).digest('hex');
}

const sameHex = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** A device's credential: 256 random bits, kept by the device; the vault keeps its SHA-256. */
export const credentialHash = (credential: string): string => sha256Hex(credential);

/** Who an unpaired request is, for the audit trail: its network address only (it has no name yet). */
export const unpairedSeat = (remote: string): Seat => ({ deviceId: 'unpaired', name: `unpaired (${remote.slice(0, 64)})`, kind: 'browser' });

/**
 * Pairs a device, or refuses and counts the try. Runs in one synchronous transaction (the caller waits for the
 * vault to be idle). A wrong code names no code, so it spends a try of every code still open: a clinic has one or
 * two at a time for ten minutes, and an administrator makes a new one in seconds.
 */
export function pairDevice(
  app: AppCore,
  vault: Vault,
  attempt: PairingAttempt,
  opts: { remote: string; serverCertificateSha256: string | null },
): PairingOutcome {
  const now = app.clock.now();
  const nowIso = now.toISOString();
  let record: PairingCodeRecord | null = null;
  if (attempt.kind === 'code') {
    record = vault.seats.pairingCodeByHash(sha256Hex(attempt.code));
  } else if (opts.serverCertificateSha256) {
    const since = new Date(now.getTime() - 24 * 60 * 60_000).toISOString();
    const cert = opts.serverCertificateSha256;
    record = vault.seats.pairingCodesSince(since).find((c) => sameHex(proofFor(c, cert), attempt.proof.toLowerCase())) ?? null;
  }
  const refuse = (reason: PairingRefusal, codeId: string | null): PairingOutcome => {
    const ctx = makeContext(app, undefined, { seat: unpairedSeat(opts.remote), sessionId: null });
    if (reason === 'code_wrong' || reason === 'certificate_mismatch') for (const c of vault.seats.livePairingCodes(nowIso)) vault.seats.spendTry(c.id);
    ctx.audit('seat.pairing_failed', { type: 'device', id: null }, { reason, codeId, remote: opts.remote.slice(0, 64), method: attempt.kind });
    return { ok: false, reason, messageKey: MESSAGE[reason] };
  };
  if (!record) return refuse(attempt.kind === 'proof' ? 'certificate_mismatch' : 'code_wrong', null);
  if (record.usedAt) return refuse('code_used', record.id);
  if (record.triesLeft <= 0 || record.expiresAt <= nowIso) return refuse('code_expired', record.id);
  const credential = randomBytes(32).toString('base64url');
  const deviceId = randomUUID();
  vault.seats.insertDevice({ id: deviceId, name: record.deviceName, kind: record.deviceKind, credentialSha256: credentialHash(credential), pairedAt: nowIso, pairedBy: record.createdBy });
  vault.seats.markCodeUsed(record.id, nowIso, deviceId);
  const ctx = makeContext(app, undefined, { seat: { deviceId, name: record.deviceName, kind: record.deviceKind }, sessionId: null });
  ctx.audit('seat.paired', { type: 'device', id: deviceId }, { codeId: record.id, kind: record.deviceKind, name: record.deviceName, pairedBy: record.createdBy, method: attempt.kind, remote: opts.remote.slice(0, 64) });
  return { ok: true, device: vault.seats.device(deviceId)!, credential };
}

