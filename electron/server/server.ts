import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createSession } from 'better-sse';
import { z } from 'zod';
import type { ApiResult } from '../../shared/errors';
import type { AuditAction } from '../../shared/schemas/audit-actions';
import { PHOTO_UPLOAD_MAX_BYTES } from '../../shared/schemas/photo';
import { PairingCode, type ClinicServerStatus } from '../../shared/schemas/seats';
import type { AppCore } from '../app-core';
import { guardedHandler } from '../browser-host/guarded-handler';
import {
  BODY_TOO_BIG,
  declaredTooBig,
  FORBIDDEN,
  INTERNAL,
  INVALID_INPUT,
  MAX_JSON_BODY_BYTES,
  readBody,
  sendEmpty,
  sendJson,
  serveRendererFile,
  SECURITY_HEADERS,
} from '../browser-host/http-answers';
import { parseRequestTarget } from '../browser-host/request-target';
import { whenVaultIdle } from '../jobs/vault-idle';
import type { Router } from '../router';
import { makeContext, type Subject } from '../services/context';
import { credentialHash, pairDevice, unpairedSeat, type PairingOutcome } from '../services/seats/pairing';
import { acceptUpload, uploadRefusal } from '../services/uploads';
import { seatFilesOf } from '../services/evidence/seat-files';
import type { LiveEvents } from '../sessions/live-events';
import type { Caller } from '../sessions/registry';
import type { Seat } from '../sessions/seat';
import type { PairedDevice } from '../../shared/schemas/seats';
import type { Vault } from '../store/vault';
import { CA_FILE, ensureServerCertificate } from './certificate';
import { cookieHeader, readCookies } from './cookies';
import { RefusalBudget } from './refusal-budget';
import { handlePackDownload, handlePackUpload, type SeatFileRequest } from './seat-file-routes';

export interface ClinicServerOptions {
  app: AppCore;
  /** The app's one router: every transport of one vault shares its serialised queue. */
  router: Router;
  vaultDir: string;
  listen: { host: string; port: number };
  /** The built renderer, served to paired and unpaired browsers alike (it holds no clinic data); none: API only. */
  rendererDir?: string | null;
  /** Where the certificate and key are kept (default: server-tls/ in the vault folder). */
  tlsDir?: string;
  /** HTTPS even on loopback (tests of the certificate). Off loopback it is always HTTPS. */
  forceTls?: boolean;
  liveEvents?: LiveEvents;
  /** Started by `consentvault serve` rather than from the app's Settings. */
  headless?: boolean;
  log?: (line: string) => void;
  /** The largest pack a seat may upload for checking (default SEAT_UPLOAD_MAX_BYTES; tests set it small). */
  verifyUploadMaxBytes?: number;
}

export interface ClinicServer {
  /** The first address seats type (https://host:port, or http://127.0.0.1:port on loopback). */
  origin: string;
  addresses: string[];
  tls: boolean;
  /** SHA-256 of the certificate (colon-separated hex); null for plain HTTP on loopback. */
  certificateSha256: string | null;
  liveEvents: LiveEvents;
  status(): ClinicServerStatus;
  close(): Promise<void>;
}

export const DEVICE_COOKIE = 'cv_device';
export const SESSION_COOKIE = 'cv_session';

/** Where a tablet fetches the clinic's certificate authority to install it. */
export const CLINIC_CA_PATH = `/${CA_FILE}`;

/** A certificate to install: the type iOS and Android offer to install as a profile / CA certificate. */
function sendCertificate(res: http.ServerResponse, pem: string): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/x-x509-ca-cert', 'Content-Disposition': `attachment; filename="${CA_FILE}"` });
  res.end(pem);
}

/** The Node/Electron client sends its credential and session as headers (it keeps no cookie jar). */
export const DEVICE_HEADER = 'x-consentvault-device';
export const SESSION_HEADER = 'x-consentvault-session';
const TEN_YEARS_S = 10 * 365 * 24 * 60 * 60;

const NOT_PAIRED = { ok: false, error: { code: 'unauthenticated', messageKey: 'seats.errors.notPaired' } } as const;
const DEVICE_REVOKED = { ok: false, error: { code: 'unauthenticated', messageKey: 'seats.errors.deviceRevoked' } } as const;
const ANOTHER_SEAT = { ok: false, error: { code: 'forbidden', messageKey: 'seats.errors.sessionOfAnotherSeat' } } as const;
const TOO_MANY_TRIES = { ok: false, error: { code: 'locked', messageKey: 'seats.errors.tooManyTries' } } as const;
const UNAVAILABLE = { ok: false, error: { code: 'unauthenticated', messageKey: 'seats.errors.serverUnavailable' } } as const;
const UPLOAD_BUSY = { ok: false, error: { code: 'rule_violation', messageKey: 'intake.errors.uploadBusy' } } as const;
/** Photos being received at once from one device (the screens send them one after another). */
const UPLOADS_IN_FLIGHT_PER_DEVICE = 2;

/** Channels only the computer that holds the vault may call: they name its folders or open its dialogs. */
const SERVER_ONLY_CHANNELS = new Set([
  'session.recover', 'setup.chooseVaultFolder', 'setup.createVault', 'setup.clearAbandoned', 'setup.restoreBackup',
  'evidence.chooseDestination', 'evidence.choosePack', 'backups.chooseFolder', 'seats.startSharing', 'seats.stopSharing',
]);

const PairRequest = z
  .object({
    code: PairingCode.optional(),
    /** HMAC-SHA256(SHA-256 hex of the code, the certificate fingerprint the client saw), in hex. */
    proof: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
    deviceName: z.string().max(60).optional(),
    certificateSha256Seen: z.string().max(128).optional(),
  })
  .strict()
  .refine((r) => (r.code === undefined) !== (r.proof === undefined));

const isLoopback = (host: string): boolean => host === '127.0.0.1' || host === '::1' || host === 'localhost';

/** The names and addresses this server answers to (Host check) and shows (status). */
function ownNames(listenHost: string): { dns: string[]; ips: string[] } {
  const hostname = os.hostname();
  const dns = ['localhost'];
  if (hostname) dns.push(hostname, hostname.includes('.') ? hostname : `${hostname}.local`);
  const wildcard = listenHost === '0.0.0.0' || listenHost === '::' || listenHost === '';
  const ips = new Set<string>(['127.0.0.1', '::1']);
  if (wildcard) {
    for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (listenHost !== '0.0.0.0' || a.family === 'IPv4') ips.add(a.address);
  } else if (/^[\d.]+$/.test(listenHost) || listenHost.includes(':')) ips.add(listenHost);
  else dns.push(listenHost);
  return { dns: [...new Set(dns)], ips: [...ips] };
}

const hostPart = (name: string): string => (name.includes(':') ? `[${name}]` : name);

/** Runs `fn` in a synchronous transaction once no router call holds the vault; answers its value once on disk. */
function inVaultTransaction<T>(app: AppCore, vault: Vault, fn: () => T): Promise<T | null> {
  let value: T | null = null;
  return whenVaultIdle(app, vault, () => {
    value = fn();
  })
    .then(() => vault.durability.whenDurable())
    .then(() => value);
}

/**
 * The clinic server: the same router as Electron and the browser host, for paired seats across the clinic's
 * network. HTTPS off loopback with a certificate made at first start; unpaired requests reach only POST /pair and
 * the renderer's static files; every other request needs a paired device's credential, and a session a seat
 * presents must be that seat's own.
 */
export async function startClinicServer(opts: ClinicServerOptions): Promise<ClinicServer> {
  const { app, router } = opts;
  const log = opts.log ?? ((line: string) => console.error(`ConsentVault clinic server: ${line}`));
  // The core publishes after every write, whichever transport it came through (the desk's too).
  const liveEvents = opts.liveEvents ?? app.liveEvents;
  const rendererDir = opts.rendererDir ? path.resolve(opts.rendererDir) : null;
  const tls = Boolean(opts.forceTls) || !isLoopback(opts.listen.host);
  const names = ownNames(opts.listen.host);
  const certificate = tls ? await ensureServerCertificate(opts.tlsDir ?? path.join(opts.vaultDir, 'server-tls'), names, app.clock.now()) : null;
  const scheme = tls ? 'https' : 'http';
  const ownHosts = new Set<string>();
  const refusals = new RefusalBudget();
  const pairingFailures = new RefusalBudget({ perWindow: 10, windowMs: 10 * 60_000 });
  const lastSeen = new Map<string, number>();
  const openStreams = new Set<() => void>();
  const uploadsInFlight = new Map<string, number>();
  // Seats' files left by an earlier run (their tokens died with it) or expired are removed at start.
  const seatFiles = seatFilesOf(app);
  if (opts.verifyUploadMaxBytes !== undefined) seatFiles.uploadMaxBytes = opts.verifyUploadMaxBytes;
  if (app.vault) seatFiles.sweep(app.vault.dir, app.clock.now());
  // An upload nobody verified, a pack nobody fetched: gone within minutes of their hour even if no seat comes back.
  const seatFileSweep = setInterval(() => app.vault && seatFiles.sweep(app.vault.dir, app.clock.now()), 5 * 60_000);
  seatFileSweep.unref();

  const remoteOf = (req: http.IncomingMessage): string => req.socket.remoteAddress ?? 'unknown';

  /** A refusal joins the audit trail (within a per-address budget, so a flood cannot fill it); nothing else is written. */
  function auditRefusal(req: http.IncomingMessage, action: AuditAction, seat: Seat, details: Record<string, unknown>, subject: Subject | null = null): Promise<void> {
    return auditRefusalFrom(remoteOf(req), action, seat, details, subject);
  }

  function auditRefusalFrom(remote: string, action: AuditAction, seat: Seat, details: Record<string, unknown>, subject: Subject | null = null): Promise<void> {
    const vault = app.vault;
    if (!vault || !refusals.take(remote, app.clock.now().getTime())) return Promise.resolve();
    const ctx = makeContext(app, undefined, { seat, sessionId: null });
    return whenVaultIdle(app, vault, () => ctx.audit(action, subject, { ...details, remote: remote.slice(0, 64) })).catch((e: unknown) => log(`could not audit a refusal: ${String(e)}`));
  }

  function secureCookie(name: string, value: string | null, maxAgeS?: number): string {
    return cookieHeader(name, value, { secure: tls, maxAgeS });
  }

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS-rebinding guard: only this server's own names and addresses are answered.
    if (!ownHosts.has((req.headers.host ?? '').toLowerCase())) {
      void auditRefusal(req, 'seat.request_refused', unpairedSeat(remoteOf(req)), { reason: 'foreign_host', host: String(req.headers.host ?? '').slice(0, 100) });
      return sendJson(res, 421, FORBIDDEN);
    }
    // A browser's request from another site is refused before anything is read.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `${scheme}://${req.headers.host}`) {
      void auditRefusal(req, 'seat.request_refused', unpairedSeat(remoteOf(req)), { reason: 'foreign_origin', origin: origin.slice(0, 100) });
      return sendJson(res, 403, FORBIDDEN);
    }
    const target = parseRequestTarget(req.url);
    if (!target) return sendJson(res, 400, INVALID_INPUT);
    if (target.rawPath === '/pair') return handlePair(req, res);
    // The clinic's certificate authority, for a tablet to install and trust (public; the fingerprint is what is checked).
    if (target.rawPath === CLINIC_CA_PATH && certificate && (req.method === 'GET' || req.method === 'HEAD')) return sendCertificate(res, certificate.anchorPem);
    if (target.rawPath === '/api' || target.rawPath.startsWith('/api/')) return handleDeviceRequest(req, res, target.rawPath);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendEmpty(res, 405);
    if (!rendererDir) return sendEmpty(res, 404);
    return serveRendererFile(rendererDir, target.path, res);
  }

  async function handlePair(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendEmpty(res, 405);
    const vault = app.vault;
    if (!vault) return sendJson(res, 503, UNAVAILABLE);
    const remote = remoteOf(req);
    const seat = unpairedSeat(remote);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, INVALID_INPUT);
    if (declaredTooBig(req, 4096)) {
      void auditRefusal(req, 'seat.request_refused', seat, { reason: 'body_too_big', path: '/pair' });
      return sendJson(res, 413, BODY_TOO_BIG, { Connection: 'close' });
    }
    const body = await readBody(req, 4096);
    if (body.kind === 'aborted') return;
    if (body.kind === 'tooBig') {
      void auditRefusal(req, 'seat.request_refused', seat, { reason: 'body_too_big', path: '/pair' });
      return sendJson(res, 413, BODY_TOO_BIG, { Connection: 'close' });
    }
    if (!pairingFailures.left(remote, app.clock.now().getTime())) {
      void auditRefusal(req, 'seat.pairing_failed', seat, { reason: 'too_many_tries' });
      return sendJson(res, 429, TOO_MANY_TRIES);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(body.bytes.toString('utf8'));
    } catch {
      return sendJson(res, 400, INVALID_INPUT);
    }
    const parsed = PairRequest.safeParse(raw);
    if (!parsed.success) {
      const formatIssue = parsed.error.issues.some((i) => i.message === 'seats.errors.codeFormat');
      pairingFailures.take(remote, app.clock.now().getTime());
      void auditRefusal(req, 'seat.pairing_failed', seat, { reason: formatIssue ? 'code_format' : 'bad_request' });
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', messageKey: formatIssue ? 'seats.errors.codeFormat' : 'errors.invalid_input' } });
    }
    const attempt = parsed.data.code !== undefined ? { kind: 'code' as const, code: parsed.data.code } : { kind: 'proof' as const, proof: parsed.data.proof! };
    const outcome: PairingOutcome | null = await inVaultTransaction(app, vault, () =>
      pairDevice(app, vault, attempt, { remote, serverCertificateSha256: certificate?.sha256 ?? null }),
    );
    if (!outcome) return sendJson(res, 503, UNAVAILABLE);
    if (!outcome.ok) {
      pairingFailures.take(remote, app.clock.now().getTime());
      return sendJson(res, 401, { ok: false, error: { code: 'invalid_credentials', messageKey: outcome.messageKey } });
    }
    const d = outcome.device;
    // A browser (it sends Origin) gets the credential only as an HttpOnly cookie; the Node client reads it from the body.
    const forBrowser = req.headers.origin !== undefined;
    sendJson(
      res,
      200,
      { ok: true, value: { deviceId: d.id, deviceName: d.name, kind: d.kind, certificateSha256: certificate?.sha256 ?? null, ...(forBrowser ? {} : { credential: outcome.credential }) } },
      { 'Set-Cookie': secureCookie(DEVICE_COOKIE, outcome.credential, TEN_YEARS_S) },
    );
  }

  type Admission = { device: PairedDevice; caller: Caller; sessionPresented: string | null; clearSession: boolean } | null;

  /** The device credential and the session it presents; false (after answering) when refused. */
  async function admitDevice(req: http.IncomingMessage, res: http.ServerResponse, pathName: string): Promise<Admission> {
    const vault = app.vault;
    if (!vault || !vault.db.open) {
      sendJson(res, 503, UNAVAILABLE);
      return null;
    }
    const cookies = readCookies(req.headers.cookie);
    const headerCredential = req.headers[DEVICE_HEADER];
    const credential = typeof headerCredential === 'string' ? headerCredential : cookies.get(DEVICE_COOKIE);
    const remote = remoteOf(req);
    const device = credential && credential.length <= 128 ? vault.seats.deviceByCredential(credentialHash(credential)) : null;
    if (!device) {
      void auditRefusal(req, 'seat.request_refused', unpairedSeat(remote), { reason: credential ? 'unknown_device' : 'not_paired', path: pathName.slice(0, 64) });
      sendJson(res, 401, NOT_PAIRED);
      return null;
    }
    const seat: Seat = { deviceId: device.id, name: device.name, kind: device.kind };
    if (device.revokedAt) {
      void auditRefusal(req, 'seat.request_refused', seat, { reason: 'device_revoked', path: pathName.slice(0, 64) }, { type: 'device', id: device.id });
      sendJson(res, 401, DEVICE_REVOKED, { 'Set-Cookie': secureCookie(DEVICE_COOKIE, null) });
      return null;
    }
    const now = app.clock.now().getTime();
    if (now - (lastSeen.get(device.id) ?? 0) > 60_000) {
      lastSeen.set(device.id, now);
      void whenVaultIdle(app, vault, () => vault.seats.touch(device.id, new Date(now).toISOString())).catch(() => undefined);
    }
    const headerSession = req.headers[SESSION_HEADER];
    const presented = (typeof headerSession === 'string' && headerSession !== '' ? headerSession : cookies.get(SESSION_COOKIE)) || null;
    let sessionId: string | null = null;
    let clearSession = false;
    if (presented) {
      const session = presented.length <= 128 ? app.sessions.get(presented) : null;
      if (session && session.seat.deviceId !== device.id) {
        void auditRefusal(req, 'seat.request_refused', seat, { reason: 'session_of_another_seat', path: pathName.slice(0, 64) }, { type: 'device', id: device.id });
        sendJson(res, 403, ANOTHER_SEAT, { 'Set-Cookie': secureCookie(SESSION_COOKIE, null) });
        return null;
      }
      if (!session) {
        // Forged, or replayed after sign-out or a restart: answered as not signed in, once (the cookie is cleared).
        void auditRefusal(req, 'seat.request_refused', seat, { reason: 'unknown_session', path: pathName.slice(0, 64) }, { type: 'device', id: device.id });
        clearSession = true;
      } else sessionId = session.id;
    }
    return { device, caller: { seat, sessionId }, sessionPresented: presented, clearSession };
  }

  async function handleDeviceRequest(req: http.IncomingMessage, res: http.ServerResponse, rawPath: string): Promise<void> {
    const admission = await admitDevice(req, res, rawPath);
    if (!admission) return;
    if (rawPath === '/api') return handleApi(req, res, admission);
    if (rawPath === '/api/upload') return handleUpload(req, res, admission);
    if (rawPath === '/api/events') return handleEvents(req, res, admission);
    // Files belong to the seat: the pack it exported comes down, the pack it verifies goes up (streamed both ways).
    if (rawPath === '/api/verify-upload') return handlePackUpload(req, res, seatFileRequest(req, admission));
    if (rawPath.startsWith('/api/download/')) return handlePackDownload(req, res, seatFileRequest(req, admission), rawPath.slice('/api/download/'.length));
    return sendEmpty(res, 404);
  }

  function seatFileRequest(req: http.IncomingMessage, a: NonNullable<Admission>): SeatFileRequest {
    return {
      app,
      deviceId: a.device.id,
      caller: a.caller,
      refuse: (details) => void auditRefusal(req, 'seat.request_refused', a.caller.seat, details, { type: 'device', id: a.device.id }),
    };
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, a: NonNullable<Admission>): Promise<void> {
    if (req.method !== 'POST') return sendEmpty(res, 405);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, INVALID_INPUT);
    if (declaredTooBig(req, MAX_JSON_BODY_BYTES)) {
      void auditRefusal(req, 'seat.request_refused', a.caller.seat, { reason: 'body_too_big', path: '/api' }, { type: 'device', id: a.device.id });
      return sendJson(res, 413, BODY_TOO_BIG, { Connection: 'close' });
    }
    const body = await readBody(req, MAX_JSON_BODY_BYTES);
    if (body.kind === 'aborted') return;
    if (body.kind === 'tooBig') {
      void auditRefusal(req, 'seat.request_refused', a.caller.seat, { reason: 'body_too_big', path: '/api' }, { type: 'device', id: a.device.id });
      return sendJson(res, 413, BODY_TOO_BIG, { Connection: 'close' });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.bytes.toString('utf8'));
    } catch {
      return sendJson(res, 400, INVALID_INPUT);
    }
    const { channel, input } = (parsed && typeof parsed === 'object' ? parsed : {}) as { channel?: unknown; input?: unknown };
    if (typeof channel === 'string' && SERVER_ONLY_CHANNELS.has(channel)) {
      void auditRefusal(req, 'seat.request_refused', a.caller.seat, { reason: 'server_only_channel', channel }, { type: 'device', id: a.device.id });
      return sendJson(res, 403, FORBIDDEN);
    }
    const before = a.caller.sessionId;
    const result: ApiResult<unknown> = await router.call(channel, input, a.caller);
    const headers: Record<string, string | string[]> = {};
    const after = a.caller.sessionId;
    if (after !== before || (a.clearSession && after === null)) {
      headers['Set-Cookie'] = secureCookie(SESSION_COOKIE, after);
      headers['X-ConsentVault-Session'] = after ?? '';
    }
    sendJson(res, 200, result, headers);
  }

  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, a: NonNullable<Admission>): Promise<void> {
    if (req.method !== 'POST') return sendEmpty(res, 405);
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!['image/jpeg', 'image/png', 'application/octet-stream'].includes(type)) return sendJson(res, 415, INVALID_INPUT);
    const tooBig = { ok: false, error: { code: 'invalid_input', messageKey: 'validation.photoTooLarge' } } as const;
    if (declaredTooBig(req, PHOTO_UPLOAD_MAX_BYTES)) {
      void auditRefusal(req, 'seat.request_refused', a.caller.seat, { reason: 'body_too_big', path: '/api/upload' }, { type: 'device', id: a.device.id });
      return sendJson(res, 413, tooBig, { Connection: 'close' });
    }
    // Refused before the body is read: a device nobody is signed in at never makes the server hold a photo.
    const refused = uploadRefusal(app, a.caller);
    if (refused) return sendJson(res, 200, refused, { Connection: 'close' });
    // Photos are sent one after another; a device sending many at once is held to a few.
    const inFlight = uploadsInFlight.get(a.device.id) ?? 0;
    if (inFlight >= UPLOADS_IN_FLIGHT_PER_DEVICE) return sendJson(res, 429, UPLOAD_BUSY, { Connection: 'close' });
    uploadsInFlight.set(a.device.id, inFlight + 1);
    try {
      const body = await readBody(req, PHOTO_UPLOAD_MAX_BYTES);
      if (body.kind === 'aborted') return;
      if (body.kind === 'tooBig') {
        void auditRefusal(req, 'seat.request_refused', a.caller.seat, { reason: 'body_too_big', path: '/api/upload' }, { type: 'device', id: a.device.id });
        return sendJson(res, 413, tooBig, { Connection: 'close' });
      }
      sendJson(res, 200, acceptUpload(app, body.bytes, a.caller));
    } finally {
      const left = (uploadsInFlight.get(a.device.id) ?? 1) - 1;
      if (left > 0) uploadsInFlight.set(a.device.id, left);
      else uploadsInFlight.delete(a.device.id);
    }
  }

  /** Server-sent events for a signed-in session: what another seat changed, by capability, within a moment. */
  async function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, a: NonNullable<Admission>): Promise<void> {
    if (req.method !== 'GET') return sendEmpty(res, 405);
    const sessionId = a.caller.sessionId;
    if (!sessionId) return sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', messageKey: 'errors.unauthenticated' } });
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (k !== 'Content-Security-Policy') res.setHeader(k, v);
    const stream = await createSession(req, res, { keepAlive: 15_000 });
    let unsubscribe: () => void = () => undefined;
    const end = () => {
      unsubscribe();
      openStreams.delete(end);
      if (!res.writableEnded) res.end();
    };
    unsubscribe = liveEvents.subscribe((e) => {
      // A session that ended (signed out, ended by an administrator, the device revoked) stops hearing at once.
      if (!app.sessions.get(sessionId)) return end();
      if (e.fromDeviceId === a.device.id) return;
      stream.push({ topic: e.topic, channel: e.channel, at: e.at }, 'change');
    });
    openStreams.add(end);
    stream.once('disconnected', end);
  }

  const handler = guardedHandler(handleRequest, {
    respond: (res, status) => sendJson(res, status, status === 400 ? INVALID_INPUT : INTERNAL, { Connection: 'close' }),
    log,
  });
  const server: http.Server = certificate ? https.createServer({ cert: certificate.chainPem, key: certificate.keyPem, minVersion: 'TLSv1.2' }, handler) : http.createServer(handler);
  // "Expect: 100-continue": a seat's pack upload is told to go on only once its size and sender are accepted.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!(req.url ?? '').startsWith('/api/verify-upload')) res.writeContinue();
    handler(req, res);
  });
  // A client that breaks off the handshake (it pinned another certificate, or is no seat of ours) never reaches
  // the handler: its refusal is audited here, within the same per-address budget as every other.
  // The TLS socket has lost its address by then; the raw connection under it keeps it once read at connect
  // (`_parent` is Node's own link between the two; without it the refusal names no address).
  server.prependListener('connection', (raw: { remoteAddress?: string }) => void raw.remoteAddress);
  server.on('tlsClientError', (e: NodeJS.ErrnoException, socket: { remoteAddress?: string; _parent?: { remoteAddress?: string } | null }) => {
    const remote = socket.remoteAddress ?? socket._parent?.remoteAddress ?? 'unknown';
    void auditRefusalFrom(remote, 'seat.request_refused', unpairedSeat(remote), { reason: 'tls_handshake_failed', error: String(e.code ?? 'unknown').slice(0, 64) });
  });
  // A slow client must not hold a connection open for ever: its headers within 20 s, then no minute without a byte
  // either way (the event stream's keep-alives count). The whole request may take an hour: a seat's pack to verify
  // may be 1 GiB over the clinic's Wi-Fi (about 2.4 Mbit/s at least), which two minutes cut off every time.
  server.headersTimeout = 20_000;
  server.timeout = 60_000;
  server.requestTimeout = 60 * 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.listen.port, opts.listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  for (const n of [...names.dns, ...names.ips]) {
    ownHosts.add(`${hostPart(n).toLowerCase()}:${port}`);
    if (port === (tls ? 443 : 80)) ownHosts.add(hostPart(n).toLowerCase());
  }
  const shown = isLoopback(opts.listen.host) ? [hostPart(opts.listen.host === 'localhost' ? '127.0.0.1' : opts.listen.host)] : names.ips.filter((ip) => !ip.startsWith('127.') && ip !== '::1' && !ip.startsWith('fe80')).map(hostPart);
  if (!isLoopback(opts.listen.host) && names.dns[1]) shown.push(names.dns[1]);
  const addresses = (shown.length ? shown : ['127.0.0.1']).map((h) => `${scheme}://${h}:${port}`);
  let running = true;

  const status = (): ClinicServerStatus => ({
    running,
    addresses: running ? addresses : [],
    certificateSha256: certificate?.sha256 ?? null,
    headless: Boolean(opts.headless),
  });

  return {
    origin: addresses[0]!,
    addresses,
    tls,
    certificateSha256: certificate?.sha256 ?? null,
    liveEvents,
    status,
    close: () =>
      new Promise<void>((resolve) => {
        running = false;
        clearInterval(seatFileSweep);
        for (const end of [...openStreams]) end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

