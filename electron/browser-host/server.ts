import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppCore, fileConfigStore } from '../app-core';
import { createRouter } from '../router';
import { CONTENT_SECURITY_POLICY, RENDERER_MIME as MIME } from '../security';
import { acceptUpload } from '../services/uploads';
import type { Clock } from '../store/vault';
import { PHOTO_UPLOAD_MAX_BYTES } from '../../shared/schemas/photo';
import { guardedHandler } from './guarded-handler';
import { parseRequestTarget } from './request-target';

export interface BrowserHostOptions {
  configDir: string;
  rendererDir: string;
  port?: number;
  clock?: Clock;
}

export interface BrowserHost {
  url: string;
  origin: string;
  token: string;
  app: AppCore;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** Files (photos) come as the raw body of POST /api/upload, never inside the JSON of /api. */
const UPLOAD_PATH = '/api/upload';
const UPLOAD_TYPES = new Set(['image/jpeg', 'image/png', 'application/octet-stream']);
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const FORBIDDEN = { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } } as const;
const INVALID_INPUT = { ok: false, error: { code: 'invalid_input', messageKey: 'errors.invalid_input' } } as const;
const INTERNAL = { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } } as const;

function sendJson(res: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...extraHeaders, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendEmpty(res: http.ServerResponse, status: number): void {
  res.writeHead(status, SECURITY_HEADERS).end();
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

type Body = { kind: 'complete'; bytes: Buffer } | { kind: 'tooBig' } | { kind: 'aborted' };

/** Reads a request body up to `limit` bytes; past it, stops collecting and says so. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        resolve({ kind: 'tooBig' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve({ kind: 'complete', bytes: Buffer.concat(chunks) }));
    // A client that goes away mid-body: nothing to answer (a promise settles only once, so after 'end' this is a no-op).
    req.once('close', () => resolve({ kind: 'aborted' }));
    req.once('error', () => resolve({ kind: 'aborted' }));
  });
}

/**
 * Serves the built renderer and the same router as Electron, on 127.0.0.1 only, behind a per-run token.
 * Only the transport differs from the Electron path.
 */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = path.resolve(opts.rendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html missing): run "npm run build:renderer" first.`);
  }
  const app = new AppCore({
    config: fileConfigStore(opts.configDir),
    host: { defaultVaultPath: path.resolve(opts.configDir, 'vault'), maxRequestBytes: MAX_BODY_BYTES },
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const router = createRouter(app, { checkOutput: true });
  const token = randomBytes(32).toString('hex');
  let origin = '';
  // Filled in once the port is known; until then every Host is refused.
  const ownHosts = new Set<string>();

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS-rebinding guard: only our own loopback authority is answered.
    if (!ownHosts.has(req.headers.host ?? '')) return sendJson(res, 421, FORBIDDEN);
    const target = parseRequestTarget(req.url);
    if (!target) return sendJson(res, 400, INVALID_INPUT);
    if (target.rawPath === '/api') return handleApi(req, res);
    if (target.rawPath === UPLOAD_PATH) return handleUpload(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendEmpty(res, 405);
    return serveStatic(target.path, res);
  }

  /** The same Origin and token checks for every API request; false when an answer was already sent. */
  function admitted(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (req.method !== 'POST') {
      sendEmpty(res, 405);
      return false;
    }
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && reqOrigin !== origin) {
      sendJson(res, 403, FORBIDDEN);
      return false;
    }
    if (!tokenMatches(req.headers['x-consentvault-token'], token)) {
      sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', messageKey: 'errors.unauthenticated' } });
      return false;
    }
    return true;
  }

  /**
   * A photo file as the request body, read as it streams in up to one photo's limit (a declared length over it
   * is refused before a byte is read), kept in the upload store, answered with its upload id.
   */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!admitted(req, res)) return;
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!UPLOAD_TYPES.has(type)) return sendJson(res, 415, INVALID_INPUT);
    const tooBig = { ok: false, error: { code: 'invalid_input', messageKey: 'validation.photoTooLarge' } } as const;
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > PHOTO_UPLOAD_MAX_BYTES) return sendJson(res, 413, tooBig, { Connection: 'close' });
    const body = await readBody(req, PHOTO_UPLOAD_MAX_BYTES);
    if (body.kind === 'aborted') return;
    if (body.kind === 'tooBig') return sendJson(res, 413, tooBig, { Connection: 'close' });
    sendJson(res, 200, acceptUpload(app, body.bytes));
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!admitted(req, res)) return;
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, INVALID_INPUT);
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body.kind === 'aborted') return;
    // Closing the connection after the answer stops the rest of an oversized body from being read.
    if (body.kind === 'tooBig') return sendJson(res, 413, { ok: false, error: { code: 'invalid_input', messageKey: 'validation.tooLong' } }, { Connection: 'close' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.bytes.toString('utf8'));
    } catch {
      return sendJson(res, 400, INVALID_INPUT);
    }
    const { channel, input } = (parsed && typeof parsed === 'object' ? parsed : {}) as { channel?: unknown; input?: unknown };
    sendJson(res, 200, await router.call(channel, input));
  }

  async function serveStatic(decodedPath: string, res: http.ServerResponse): Promise<void> {
    const rel = decodedPath === '/' ? '/index.html' : decodedPath;
    const file = path.resolve(rendererDir, '.' + rel);
    if (!file.startsWith(rendererDir + path.sep)) return sendEmpty(res, 404);
    let content: Buffer;
    try {
      content = await fs.promises.readFile(file);
    } catch {
      return sendEmpty(res, 404);
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    res.end(content);
  }

  const server = http.createServer(
    guardedHandler(handleRequest, {
      respond: (res, status) => sendJson(res, status, status === 400 ? INVALID_INPUT : INTERNAL, { Connection: 'close' }),
      log: (line) => console.error(`ConsentVault browser host: ${line}`),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  ownHosts.add(`127.0.0.1:${port}`).add(`localhost:${port}`);
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    app,
    close: () =>
      new Promise<void>((resolve) => {
        app.closeVault();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
