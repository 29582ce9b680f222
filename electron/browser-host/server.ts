import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppCore, fileConfigStore } from '../app-core';
import { createRouter } from '../router';
import { CONTENT_SECURITY_POLICY, RENDERER_MIME as MIME } from '../security';
import type { Clock } from '../store/vault';

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
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

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
  });
  const router = createRouter(app, { checkOutput: true });
  const token = randomBytes(32).toString('hex');
  let origin = '';

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    // DNS-rebinding guard: only our own loopback authority is answered.
    if (host !== new URL(origin).host && host !== new URL(origin).host.replace('127.0.0.1', 'localhost')) {
      sendJson(res, 421, { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } });
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/api') {
      handleApi(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    serveStatic(url.pathname, res);
  });

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'POST') return void res.writeHead(405, SECURITY_HEADERS).end();
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && reqOrigin !== origin) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } });
    if (!tokenMatches(req.headers['x-consentvault-token'], token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', messageKey: 'errors.unauthenticated' } });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { code: 'invalid_input', messageKey: 'errors.invalid_input' } });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooBig = true;
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooBig) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', messageKey: 'errors.invalid_input' } });
      }
      const { channel, input } = (body && typeof body === 'object' ? body : {}) as { channel?: unknown; input?: unknown };
      void router.call(channel, input).then((result) => sendJson(res, 200, result));
    });
    req.on('close', () => {
      if (tooBig && !res.headersSent) sendJson(res, 413, { ok: false, error: { code: 'invalid_input', messageKey: 'validation.tooLong' } });
    });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(rendererDir, '.' + rel);
    if (!file.startsWith(rendererDir + path.sep)) return void res.writeHead(404, SECURITY_HEADERS).end();
    fs.readFile(file, (err, content) => {
      if (err) return void res.writeHead(404, SECURITY_HEADERS).end();
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
      res.end(content);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
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
