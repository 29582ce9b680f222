import fs from 'node:fs';
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AppCore } from '../app-core';
import { declaredTooBig, sendJson, SECURITY_HEADERS } from '../browser-host/http-answers';
import { whenVaultIdle } from '../jobs/vault-idle';
import { makeContext } from '../services/context';
import { activeStaff, seatFilesOf } from '../services/evidence/seat-files';
import type { Caller } from '../sessions/registry';

/** What the two routes need of the server: who is calling, and how a refusal is audited. */
export interface SeatFileRequest {
  app: AppCore;
  deviceId: string;
  caller: Caller;
  /** Audits 'seat.request_refused' for this device with these details (within the server's refusal budget). */
  refuse(details: Record<string, unknown>): void;
}

const NOT_FOUND = { ok: false, error: { code: 'not_found', messageKey: 'errors.not_found' } } as const;
const NOT_SIGNED_IN = { ok: false, error: { code: 'unauthenticated', messageKey: 'errors.unauthenticated' } } as const;
const UPLOAD_TOO_BIG = { ok: false, error: { code: 'invalid_input', messageKey: 'validation.tooBig' } } as const;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const PACK_TYPES = new Set(['application/zip', 'application/x-zip-compressed', 'application/octet-stream']);

/** RFC 6266: an ASCII fallback beside the UTF-8 name (a pack's name holds the chart number, never a patient's name). */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * GET /api/download/<token>: the pack a paired seat exported, streamed to that device and staff member only,
 * once. Anything else is answered as not found (a token never tells a stranger it exists) and audited.
 */
export async function handlePackDownload(req: http.IncomingMessage, res: http.ServerResponse, r: SeatFileRequest, token: string): Promise<void> {
  if (req.method !== 'GET') return void res.writeHead(405, SECURITY_HEADERS).end();
  const staff = activeStaff(r.app, r.caller);
  const claimed = staff && TOKEN.test(token) ? seatFilesOf(r.app).claimDownload(token, r.deviceId, staff.id, r.app.clock.now()) : { refused: staff ? ('unknown' as const) : ('not_signed_in' as const) };
  if ('refused' in claimed) {
    r.refuse({ reason: `download_${claimed.refused}`, path: '/api/download' });
    return sendJson(res, 404, NOT_FOUND);
  }
  const files = seatFilesOf(r.app);
  let stream: fs.ReadStream;
  let size: number;
  try {
    size = fs.statSync(claimed.file).size;
    // Bounded by the size, the stream ends with its last byte: without it, one more read to find the end would let
    // a client that has everything (and closes, as one that asked for Connection: close does) look like one that left.
    stream = fs.createReadStream(claimed.file, size > 0 ? { start: 0, end: size - 1 } : {});
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
  } catch {
    // The file went (removed by hand, say): the token is of no use any more.
    files.downloaded(claimed);
    return sendJson(res, 404, NOT_FOUND);
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/zip',
    'Content-Disposition': attachment(claimed.fileName),
    'Content-Length': String(size),
    'Cache-Control': 'no-store',
  });
  try {
    await pipeline(stream, res);
  } catch {
    // Every byte read and the answer ended: the pack was handed to the network, and the client closed before our
    // end was acknowledged. Anything less is a transfer cut short, and the token stays usable.
    const handedOver = stream.bytesRead === size && res.writableEnded;
    if (!handedOver) {
      files.downloadInterrupted(claimed);
      return;
    }
  }
  files.downloaded(claimed);
  const vault = r.app.vault;
  if (!vault) return;
  const ctx = makeContext(r.app, undefined, r.caller);
  await whenVaultIdle(r.app, vault, () => ctx.audit('evidence.downloaded', { type: 'evidence_pack', id: claimed.packId }, { jobId: claimed.jobId, bytes: claimed.bytes })).catch((e: unknown) =>
    console.error('[evidence] download not audited:', e),
  );
}

/**
 * POST /api/verify-upload: a pack streamed to a file in the vault folder's seat-uploads/, never held in memory,
 * refused past the cap (declared or counted) with nothing left behind. Answers the id `evidence.startVerify` names.
 */
export async function handlePackUpload(req: http.IncomingMessage, res: http.ServerResponse, r: SeatFileRequest): Promise<void> {
  if (req.method !== 'POST') return void res.writeHead(405, SECURITY_HEADERS).end();
  const vault = r.app.vault;
  const staff = activeStaff(r.app, r.caller);
  if (!staff || !vault) return sendJson(res, 401, NOT_SIGNED_IN, { Connection: 'close' });
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!PACK_TYPES.has(type)) return sendJson(res, 415, { ok: false, error: { code: 'invalid_input', messageKey: 'errors.invalid_input' } }, { Connection: 'close' });
  const files = seatFilesOf(r.app);
  const cap = files.uploadMaxBytes;
  if (declaredTooBig(req, cap)) {
    r.refuse({ reason: 'body_too_big', path: '/api/verify-upload' });
    // Before a byte is read (a client that asked "100-continue" has sent none).
    return sendJson(res, 413, UPLOAD_TOO_BIG, { Connection: 'close' });
  }
  files.sweep(vault.dir, r.app.clock.now());
  const upload = files.newUploadFile(vault.dir, r.deviceId);
  if (!upload) return sendJson(res, 429, { ok: false, error: { code: 'rule_violation', messageKey: 'evidence.errors.uploadBusy' } }, { Connection: 'close' });
  const { uploadId, file } = upload;
  // Accepted so far: a client waiting for "100 Continue" may now send the pack.
  if (/100-continue/i.test(req.headers.expect ?? '')) res.writeContinue();
  const outcome = await streamToFile(req, file, cap);
  if (outcome.kind !== 'complete') {
    files.uploadFailed(file);
    if (outcome.kind === 'tooBig') {
      r.refuse({ reason: 'body_too_big', path: '/api/verify-upload' });
      return refuseTooBig(req, res);
    }
    if (outcome.kind === 'failed') sendJson(res, 500, { ok: false, error: { code: 'internal', messageKey: 'evidence.errors.writeFailed' } }, { Connection: 'close' });
    return;
  }
  // The person is working: an upload counts as activity, as a photo's does.
  const session = r.app.sessions.get(r.caller.sessionId);
  if (session) r.app.sessions.touch(session.id, r.app.clock.now());
  files.uploadReceived({ uploadId, file, bytes: outcome.bytes }, r.deviceId, staff.id, r.app.clock.now());
  sendJson(res, 200, { ok: true, value: { uploadId } });
}

/** How long the rest of an over-size upload is read and dropped before the answer is sent and the connection cut. */
const REFUSED_UPLOAD_LINGER_MS = 2_000;

/**
 * 413 for an upload found too big while it streams: what still arrives is read and dropped (never kept) for a
 * moment, so a client that is nearly done reads the answer instead of a broken pipe; a sender that goes on is
 * answered and cut off.
 */
function refuseTooBig(req: http.IncomingMessage, res: http.ServerResponse): void {
  let answered = false;
  const answer = () => {
    if (answered) return;
    answered = true;
    clearTimeout(cut);
    sendJson(res, 413, UPLOAD_TOO_BIG, { Connection: 'close' });
  };
  const cut = setTimeout(answer, REFUSED_UPLOAD_LINGER_MS);
  req.once('end', answer);
  req.once('close', answer);
  req.resume();
}

type Streamed = { kind: 'complete'; bytes: number } | { kind: 'tooBig' } | { kind: 'aborted' } | { kind: 'failed' };

/** Copies the request body into a new private file, counting; stops reading at the cap. */
function streamToFile(req: http.IncomingMessage, file: string, cap: number): Promise<Streamed> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (s: Streamed) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (s.kind === 'complete' || out.closed) return resolve(s);
      // The file is removed by the caller once closed (an open handle would keep it on some systems).
      out.once('close', () => resolve(s));
      out.destroy();
    };
    const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
    let bytes = 0;
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > cap) {
        // Stop reading: the answer closes the connection, whatever the client still sends is never read.
        req.pause();
        return settle({ kind: 'tooBig' });
      }
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    };
    req.on('data', onData);
    req.once('end', () => {
      if (settled) return;
      out.end(() => settle({ kind: 'complete', bytes }));
    });
    req.once('aborted', () => settle({ kind: 'aborted' }));
    req.once('error', () => settle({ kind: 'aborted' }));
    req.once('close', () => {
      if (!req.complete) settle({ kind: 'aborted' });
    });
    out.once('error', () => settle({ kind: 'failed' }));
  });
}
