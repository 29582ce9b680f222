import { randomInt, randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../../shared/api';
import type { SeatSession } from '../../../shared/schemas/seats';
import type { AppCore, Session } from '../../app-core';
import { fail } from '../../domain/errors';
import { sha256Hex } from '../../domain/hash';
import { NOT_RUNNING } from '../../server/sharing';
import type { ServiceContext } from '../context';
import { isPairedSeat } from '../evidence/seat-files';

/** A pairing code lives 10 minutes and allows 5 tries (issue 14). */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;
export const PAIRING_CODE_TRIES = 5;
/** The letters of a pairing code: no 0/O, 1/I (misread on a tablet). 32 symbols, 10 of them: 50 bits. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A session's public handle: it names the session on the admin's screen without being able to act as it. */
export const sessionHandle = (sessionId: string): string => sha256Hex(sessionId).slice(0, 16);

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Ends sessions; a staff member's jobs are cancelled only when no other seat of theirs is still signed in. */
export function endSessions(app: AppCore, ended: Session[]): void {
  for (const s of ended) app.sessions.end(s.id);
  const stillIn = new Set(app.sessions.all().map((s) => s.staff.id));
  for (const s of ended) if (!stillIn.has(s.staff.id)) app.jobs.cancelOwnedBy(s.staff.id);
}

export function listSessions(ctx: ServiceContext): SeatSession[] {
  const own = ctx.session().id;
  return ctx.app.sessions
    .all()
    .sort((a, b) => a.signedInAt.getTime() - b.signedInAt.getTime())
    .map((s) => ({
      handle: sessionHandle(s.id),
      staffName: s.staff.name,
      role: s.staff.role,
      seatName: s.seat.name,
      deviceId: s.seat.deviceId,
      signedInAt: s.signedInAt.toISOString(),
      lastActivity: s.lastActivity.toISOString(),
      locked: s.locked,
      yours: s.id === own,
    }));
}

export function endSession(ctx: ServiceContext, input: Parsed<'seats.endSession'>): Out<'seats.endSession'> {
  const { app, caller } = ctx;
  const target = app.sessions.all().find((s) => sessionHandle(s.id) === input.handle) ?? fail('not_found', 'seats.errors.sessionNotFound');
  ctx.audit('seat.session_ended', { type: 'staff', id: target.staff.id }, { seatName: target.seat.name, deviceId: target.seat.deviceId, handle: input.handle });
  ctx.afterCommit(() => {
    endSessions(app, [target]);
    if (caller.sessionId === target.id) caller.sessionId = null;
  });
  return { ok: true };
}

export function listDevices(ctx: ServiceContext): Out<'seats.devices'> {
  return ctx.vault().seats.devices();
}

export function createPairingCode(ctx: ServiceContext, input: Parsed<'seats.createPairingCode'>): Out<'seats.createPairingCode'> {
  const vault = ctx.vault();
  const staff = ctx.session().staff;
  const now = ctx.clock.now();
  const code = newPairingCode();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS).toISOString();
  vault.seats.insertPairingCode({
    id,
    codeSha256: sha256Hex(code),
    deviceName: input.deviceName,
    deviceKind: input.kind,
    createdAt: now.toISOString(),
    createdBy: staff.id,
    expiresAt,
    triesLeft: PAIRING_CODE_TRIES,
  });
  ctx.audit('seat.pairing_code_created', { type: 'device', id: null }, { codeId: id, deviceName: input.deviceName, kind: input.kind, expiresAt });
  return { code: `${code.slice(0, 5)}-${code.slice(5)}`, deviceName: input.deviceName, kind: input.kind, expiresAt, tries: PAIRING_CODE_TRIES };
}

export function renameDevice(ctx: ServiceContext, input: Parsed<'seats.renameDevice'>): Out<'seats.renameDevice'> {
  const vault = ctx.vault();
  const before = vault.seats.device(input.deviceId) ?? fail('not_found', 'seats.errors.deviceNotFound');
  if (before.name !== input.name) {
    vault.seats.rename(before.id, input.name);
    ctx.audit('seat.renamed', { type: 'device', id: before.id }, { from: before.name, to: input.name });
  }
  return vault.seats.device(before.id)!;
}

export function revokeDevice(ctx: ServiceContext, input: Parsed<'seats.revokeDevice'>): Out<'seats.revokeDevice'> {
  const { app } = ctx;
  const vault = ctx.vault();
  const device = vault.seats.device(input.deviceId) ?? fail('not_found', 'seats.errors.deviceNotFound');
  if (device.revokedAt) return device;
  vault.seats.revoke(device.id, ctx.clock.now().toISOString(), ctx.session().staff.id);
  const ended = app.sessions.all().filter((s) => s.seat.deviceId === device.id);
  ctx.audit('seat.revoked', { type: 'device', id: device.id }, { name: device.name, kind: device.kind, sessionsEnded: ended.length });
  ctx.afterCommit(() => endSessions(app, ended));
  return vault.seats.device(device.id)!;
}

export function serverStatus(ctx: ServiceContext): Out<'seats.serverStatus'> {
  return ctx.app.clinicServer?.status() ?? NOT_RUNNING;
}

export async function startSharing(ctx: ServiceContext, input: Parsed<'seats.startSharing'>): Promise<Out<'seats.startSharing'>> {
  const server = ctx.app.clinicServer ?? fail('rule_violation', 'seats.errors.notSharing');
  const before = server.status();
  if (before.headless) fail('conflict', 'seats.errors.headlessServer');
  if (before.running) fail('conflict', 'seats.errors.alreadySharing');
  const status = await server.start(input.port);
  ctx.audit('server.started', null, { addresses: status.addresses, certificateSha256: status.certificateSha256, headless: false });
  return status;
}

export async function stopSharing(ctx: ServiceContext): Promise<Out<'seats.stopSharing'>> {
  const server = ctx.app.clinicServer ?? fail('rule_violation', 'seats.errors.notSharing');
  const before = server.status();
  if (before.headless) fail('conflict', 'seats.errors.headlessServer');
  if (!before.running) return before;
  const status = await server.stop();
  // The other seats can no longer reach their sessions: they end now, so the vault closes with the desk's last
  // sign-out as before sharing, and a later start does not bring a stale session back.
  const ended = ctx.app.sessions.all().filter((s) => isPairedSeat(s.seat));
  ctx.audit('server.stopped', null, { headless: false, sessionsEnded: ended.length });
  ctx.afterCommit(() => endSessions(ctx.app, ended));
  return status;
}
