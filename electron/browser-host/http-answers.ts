import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, RENDERER_MIME } from '../security';

/**
 * What every answer of the loopback browser host and the clinic server carries: the renderer's CSP, no
 * sniffing, no framing, no referrer, and no-store (a shared tablet's browser cache must not keep a patient's
 * record).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The largest JSON request either host reads (a channel call; files come as their own streamed request). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export const FORBIDDEN = { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } } as const;
export const INVALID_INPUT = { ok: false, error: { code: 'invalid_input', messageKey: 'errors.invalid_input' } } as const;
export const INTERNAL = { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } } as const;
export const BODY_TOO_BIG = { ok: false, error: { code: 'invalid_input', messageKey: 'validation.tooLong' } } as const;

export function sendJson(res: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...extraHeaders, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function sendEmpty(res: http.ServerResponse, status: number): void {
  res.writeHead(status, SECURITY_HEADERS).end();
}

export type RequestBody = { kind: 'complete'; bytes: Buffer } | { kind: 'tooBig' } | { kind: 'aborted' };

/** Reads a request body up to `limit` bytes; past it, stops collecting and says so. */
export function readBody(req: http.IncomingMessage, limit: number): Promise<RequestBody> {
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

/** A declared Content-Length over the limit: refused before a byte is read. */
export function declaredTooBig(req: http.IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length'] ?? NaN);
  return Number.isFinite(declared) && declared > limit;
}

/** One file of the built renderer (which holds no clinic data), never a path outside its folder. */
export async function serveRendererFile(rendererDir: string, decodedPath: string, res: http.ServerResponse): Promise<void> {
  const rel = decodedPath === '/' ? '/index.html' : decodedPath;
  const file = path.resolve(rendererDir, '.' + rel);
  if (!file.startsWith(rendererDir + path.sep)) return sendEmpty(res, 404);
  let content: Buffer;
  try {
    content = await fs.promises.readFile(file);
  } catch {
    return sendEmpty(res, 404);
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': RENDERER_MIME[path.extname(file)] ?? 'application/octet-stream' });
  res.end(content);
}
