import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppCore, fileConfigStore } from '../app-core';
import { createRouter } from '../router';
import { inAppSharing } from '../server/in-app-sharing';
import { acceptUpload } from '../services/uploads';
import type { Clock } from '../store/vault';
import { PHOTO_UPLOAD_MAX_BYTES } from '../../shared/schemas/photo';
import { guardedHandler } from './guarded-handler';
import { FORBIDDEN, INTERNAL, INVALID_INPUT, MAX_JSON_BODY_BYTES, readBody, sendEmpty, sendJson, serveRendererFile } from './http-answers';
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

const MAX_BODY_BYTES = MAX_JSON_BODY_BYTES;
/** Files (photos) come as the raw body of POST /api/upload, never inside the JSON of /api. */
const UPLOAD_PATH = '/api/upload';
const UPLOAD_TYPES = new Set(['image/jpeg', 'image/png', 'application/octet-stream']);

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
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
    spareJobWorker: true,
  });
  const router = createRouter(app, { checkOutput: true });
  // "Share this vault with other seats" from the desk's browser: the clinic server in this process, same router.
  app.clinicServer = inAppSharing({ app, router, rendererDir });
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

  const serveStatic = (decodedPath: string, res: http.ServerResponse) => serveRendererFile(rendererDir, decodedPath, res);

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
    close: async () => {
      await app.clinicServer?.stop().catch((e: unknown) => console.error('[server] stopping the clinic server failed:', e));
      await new Promise<void>((resolve) => {
        app.closeVault();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
