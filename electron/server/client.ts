import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tls from 'node:tls';
import type { LiveChange } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import { pairingProof } from '../services/seats/pairing';

/** What a seat keeps after pairing: the server's address, its own credential and the pinned certificate. */
export interface PairedServer {
  origin: string;
  deviceId: string;
  deviceName: string;
  credential: string;
  /** The certificate seen at pairing (PEM) and its SHA-256; null for plain HTTP on loopback. */
  certificatePem: string | null;
  certificateSha256: string | null;
}

export class ClinicClientError extends Error {
  readonly status: number;
  readonly messageKey: string;
  constructor(status: number, messageKey: string) {
    super(`${status}: ${messageKey}`);
    this.name = 'ClinicClientError';
    this.status = status;
    this.messageKey = messageKey;
  }
}

/** The root of a presented chain: the certificate that issued itself (a lone self-signed one is its own root). */
function rootOf(cert: tls.DetailedPeerCertificate): tls.DetailedPeerCertificate {
  let at = cert;
  for (let i = 0; i < 8 && at.issuerCertificate && at.issuerCertificate !== at && at.issuerCertificate.fingerprint256 !== at.fingerprint256; i++) at = at.issuerCertificate;
  return at;
}

const derToPem = (der: Buffer): string => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END CERTIFICATE-----\n`;

/**
 * What a server presents, read without trusting it (first contact, before pairing): the anchor a seat pins (the
 * clinic's certificate authority at the top of the chain; in an older vault the lone certificate itself) and the
 * certificate the server itself presents.
 */
export function readServerCertificate(origin: string): Promise<{ pem: string; sha256: string; serverPem: string }> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443), rejectUnauthorized: false, servername: /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname }, () => {
      const peer = socket.getPeerCertificate(true);
      socket.end();
      if (!peer?.raw) return reject(new Error('the server presented no certificate'));
      const root = rootOf(peer);
      resolve({ pem: derToPem(root.raw), sha256: root.fingerprint256, serverPem: derToPem(peer.raw) });
    });
    socket.once('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('timed out')));
  });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * TLS options that trust only the pinned anchor (as the only CA: the chain must lead to it), checked by its
 * fingerprint instead of by host name: the server may be reached by an address its certificate does not name, and
 * its certificate is renewed under the same anchor.
 */
function pinnedTo(pin: { pem: string; sha256: string }): Pick<https.RequestOptions, 'ca' | 'checkServerIdentity'> {
  return {
    ca: pin.pem,
    checkServerIdentity: (_host, cert) => (rootOf(cert as tls.DetailedPeerCertificate).fingerprint256 === pin.sha256 ? undefined : new ClinicClientError(495, 'seats.errors.certificateMismatch')),
  };
}

/** What TLS answers when the server's certificate is not the pinned one (another self-signed one, or re-made). */
const CERTIFICATE_REFUSALS = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_SIGNATURE_FAILURE', 'CERT_UNTRUSTED', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/**
 * A failed request as the seat should see it: a server whose certificate is not the pinned one is
 * "certificate mismatch" (someone in between, or the server was set up again), not "server unavailable".
 */
function refusalOf(e: NodeJS.ErrnoException): Error {
  return e.code !== undefined && CERTIFICATE_REFUSALS.has(e.code) ? new ClinicClientError(495, 'seats.errors.certificateMismatch') : e;
}

/**
 * One request to the server. Over HTTPS only the pinned certificate is trusted (as the only CA, and checked by
 * its fingerprint instead of by host name: the server may be reached by an address its certificate does not name).
 */
function request(origin: string, pin: { pem: string; sha256: string } | null, method: string, path: string, headers: Record<string, string>, body?: Buffer, agent?: http.Agent): Promise<Answer> {
  const url = new URL(path, origin);
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions = { method, headers: { ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) }, timeout: 30_000, agent: agent ?? false };
    if (secure) {
      if (!pin) return reject(new Error('an HTTPS server needs a pinned certificate'));
      Object.assign(options, pinnedTo(pin));
    }
    const req = (secure ? https : http).request(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.once('error', reject);
    });
    req.once('error', (e: NodeJS.ErrnoException) => {
      // A kept connection the server closed as idle just as this request went out: the server never read it,
      // so it is sent again once on a new connection (the pattern Node's documentation gives for reusedSocket).
      if (agent && req.reusedSocket && e.code === 'ECONNRESET') resolve(request(origin, pin, method, path, headers, body));
      else reject(refusalOf(e));
    });
    req.once('timeout', () => req.destroy(new Error('timed out')));
    req.end(body);
  });
}

function collect(res: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.once('end', () => resolve(Buffer.concat(chunks)));
    // The server may close the connection right after a refusal: what arrived is the answer.
    res.once('error', () => resolve(Buffer.concat(chunks)));
    res.once('close', () => resolve(Buffer.concat(chunks)));
  });
}

function parseResult(a: Answer): ApiResult<unknown> {
  try {
    return JSON.parse(a.body.toString('utf8')) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };
  }
}

/**
 * Pairs this process with the clinic server: reads the certificate it presents, proves the code over that
 * certificate's fingerprint (never sending the code itself) and pins it. `certificateSha256Seen` replaces the
 * fingerprint in the proof (tests: a client that saw another certificate must fail).
 */
export async function pairWithServer(origin: string, code: string, opts: { certificateSha256Seen?: string } = {}): Promise<PairedServer> {
  const normalised = code.toUpperCase().replace(/[\s-]+/g, '');
  const secure = new URL(origin).protocol === 'https:';
  const seen = secure ? await readServerCertificate(origin) : null;
  const body = seen ? { proof: pairingProof(normalised, opts.certificateSha256Seen ?? seen.sha256), certificateSha256Seen: opts.certificateSha256Seen ?? seen.sha256 } : { code: normalised };
  const a = await request(origin, seen, 'POST', '/pair', { 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify(body)));
  const r = parseResult(a);
  if (!r.ok) throw new ClinicClientError(a.status, r.error.messageKey);
  const v = r.value as { deviceId: string; deviceName: string; credential?: string };
  if (!v.credential) throw new ClinicClientError(a.status, 'errors.internal');
  return { origin, deviceId: v.deviceId, deviceName: v.deviceName, credential: v.credential, certificatePem: seen?.pem ?? null, certificateSha256: seen?.sha256 ?? null };
}

export type { LiveChange } from '../../shared/api';

/** One "change" event's data as the server sends it; anything else is dropped (never thrown in the stream's handler). */
function asLiveChange(data: string): LiveChange | null {
  try {
    const v = JSON.parse(data) as Record<string, unknown> | null;
    if (!v || typeof v.topic !== 'string' || typeof v.channel !== 'string') return null;
    return { topic: v.topic, channel: v.channel, at: typeof v.at === 'string' ? v.at : '' };
  } catch {
    return null;
  }
}

/**
 * A paired seat's one `call(channel, input)` to the clinic server, as the renderer has it over IPC: the Electron
 * main process as a client uses this, and tests drive it in plain Node. It keeps the seat's session id.
 */
export class ClinicClient {
  readonly server: PairedServer;
  sessionId: string | null = null;
  /**
   * Calls reuse their connections: a TLS handshake per call would cost more than most calls themselves. The pin is
   * checked at each connection's handshake; idle sockets do not keep the process alive.
   */
  private readonly agent: http.Agent;

  constructor(server: PairedServer) {
    this.server = server;
    const secure = new URL(server.origin).protocol === 'https:';
    this.agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 4 }) : new http.Agent({ keepAlive: true, maxSockets: 4 });
  }

  /** Closes the kept connections (the seat is unpaired, or the process is done with this server). */
  close(): void {
    this.agent.destroy();
  }

  private get pin(): { pem: string; sha256: string } | null {
    return this.server.certificatePem && this.server.certificateSha256 ? { pem: this.server.certificatePem, sha256: this.server.certificateSha256 } : null;
  }

  private headers(): Record<string, string> {
    return { 'x-consentvault-device': this.server.credential, ...(this.sessionId ? { 'x-consentvault-session': this.sessionId } : {}) };
  }

  /** The raw answer (tests look at the status); `call` is what screens use. */
  async send(channel: unknown, input: unknown): Promise<{ status: number; result: ApiResult<unknown> }> {
    const a = await request(this.server.origin, this.pin, 'POST', '/api', { ...this.headers(), 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify({ channel, input })), this.agent);
    const next = a.headers['x-consentvault-session'];
    if (typeof next === 'string') this.sessionId = next === '' ? null : next;
    return { status: a.status, result: parseResult(a) };
  }

  async call(channel: string, input: unknown): Promise<ApiResult<unknown>> {
    return (await this.send(channel, input)).result;
  }

  /** A photo's bytes ahead of the channel call that names the upload. */
  async upload(bytes: Buffer, contentType = 'application/octet-stream'): Promise<{ status: number; result: ApiResult<unknown> }> {
    const a = await request(this.server.origin, this.pin, 'POST', '/api/upload', { ...this.headers(), 'Content-Type': contentType }, bytes, this.agent);
    return { status: a.status, result: parseResult(a) };
  }

  /**
   * The pack this seat exported (its status's `download.token`), streamed into `toFile`. Answers the status and,
   * when refused, the server's error (the file is then not written). `onBytes` hears the count so far; `signal`
   * stops the transfer (rejects; what was written stays for the caller to remove).
   */
  async downloadPack(
    token: string,
    toFile: string,
    opts: { onBytes?: (bytes: number) => void; signal?: AbortSignal } = {},
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number; error: ApiResult<unknown> | null }> {
    const res = await this.openRequest('GET', `/api/download/${encodeURIComponent(token)}`, this.headers(), null);
    if (res.statusCode !== 200) {
      const body = await collect(res);
      return { status: res.statusCode ?? 0, headers: res.headers, bytes: 0, error: parseResult({ status: res.statusCode ?? 0, headers: res.headers, body }) };
    }
    let bytes = 0;
    res.on('data', (c: Buffer) => {
      bytes += c.length;
      opts.onBytes?.(bytes);
    });
    const out = fs.createWriteStream(toFile, { flags: 'wx' });
    await (opts.signal ? pipeline(res, out, { signal: opts.signal }) : pipeline(res, out));
    // A response cut short still ends the stream: only a complete body is the pack.
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared !== bytes) throw new Error(`download ended after ${bytes} of ${declared} bytes`);
    return { status: 200, headers: res.headers, bytes, error: null };
  }

  /**
   * A pack to verify, streamed from a file to POST /api/verify-upload (never read into memory here either), or
   * bytes already in memory (a pack dropped on the desktop's screen). `chunked` leaves out Content-Length, so the
   * server can only count what arrives (tests of its cap).
   */
  async uploadPack(from: string | Buffer, opts: { chunked?: boolean } = {}): Promise<{ status: number; result: ApiResult<unknown> }> {
    const size = typeof from === 'string' ? fs.statSync(from).size : from.length;
    // The pack is sent only once the server says "100 Continue": a refusal (too big, not signed in) comes first.
    const headers = { ...this.headers(), 'Content-Type': 'application/zip', Expect: '100-continue', ...(opts.chunked ? {} : { 'Content-Length': String(size) }) };
    const res = await this.openRequest('POST', '/api/verify-upload', headers, typeof from === 'string' ? fs.createReadStream(from) : Readable.from([from]));
    const body = await collect(res);
    return { status: res.statusCode ?? 0, result: parseResult({ status: res.statusCode ?? 0, headers: res.headers, body }) };
  }

  /**
   * One streamed request with the pinned certificate; resolves with the response as soon as it starts, even if the
   * server answered (a refusal) before the body was all sent.
   */
  private openRequest(method: string, pathName: string, headers: Record<string, string>, body: Readable | null): Promise<http.IncomingMessage> {
    const url = new URL(pathName, this.server.origin);
    const secure = url.protocol === 'https:';
    const pin = this.pin;
    return new Promise((resolve, reject) => {
      const options: https.RequestOptions = { method, headers, timeout: 60_000, agent: false };
      if (secure) {
        if (!pin) return reject(new Error('an HTTPS server needs a pinned certificate'));
        Object.assign(options, pinnedTo(pin));
      }
      let answered = false;
      const req = (secure ? https : http).request(url, options, (res) => {
        answered = true;
        resolve(res);
      });
      // Once answered, a broken pipe while still sending (the server stopped reading) is not the outcome.
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (!answered) reject(refusalOf(e));
      });
      req.once('timeout', () => req.destroy(new Error('timed out')));
      if (!body) return void req.end();
      body.on('error', (e) => req.destroy(e));
      if (!/100-continue/i.test(headers.Expect ?? '')) return void body.pipe(req);
      let sending = false;
      const send = () => {
        if (sending || answered) return;
        sending = true;
        body.pipe(req);
      };
      req.once('continue', send);
      // A server that never answers "100 Continue" still gets the body, after a moment (RFC 9110 §10.1.1).
      setTimeout(send, 2000).unref();
      req.once('response', () => {
        if (!sending) {
          body.destroy();
          req.end();
        }
      });
    });
  }

  /**
   * Listens to what other seats change; answers a function that stops listening. `onEnd` hears that an open
   * stream ended by itself (the server stopped, the session ended, the network): not after the function was called.
   */
  listen(onChange: (change: LiveChange) => void, onEnd?: () => void): Promise<() => void> {
    const url = new URL('/api/events', this.server.origin);
    const secure = url.protocol === 'https:';
    const pin = this.pin;
    return new Promise((resolve, reject) => {
      const options: https.RequestOptions = { method: 'GET', headers: { ...this.headers(), Accept: 'text/event-stream' }, agent: false };
      if (secure && pin) {
        Object.assign(options, pinnedTo(pin));
      }
      const req = (secure ? https : http).request(url, options, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new ClinicClientError(res.statusCode ?? 0, 'errors.unauthenticated'));
        }
        let buffered = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffered += chunk;
          let end: number;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const event = /^event: ?(.*)$/m.exec(block)?.[1];
            const data = /^data: ?(.*)$/m.exec(block)?.[1];
            const change = event === 'change' && data ? asLiveChange(data) : null;
            if (change) onChange(change);
          }
        });
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          onEnd?.();
        };
        res.on('error', end);
        res.once('end', end);
        res.once('close', end);
        resolve(() => {
          ended = true;
          req.destroy();
        });
      });
      req.once('error', (e: NodeJS.ErrnoException) => reject(refusalOf(e)));
      req.end();
    });
  }
}

/** The fingerprint of a PEM certificate, as the server screen shows it. */
export const fingerprintOf = (pem: string): string => new X509Certificate(pem).fingerprint256;
