import type { ChannelName, ConsentVaultBridge, In, Out } from '../../shared/api';
import type { ApiError, ApiResult } from '../../shared/errors';
import { ERROR_CODES } from '../../shared/errors';
import { UploadReceipt } from '../../shared/schemas/photo';

/**
 * The renderer's only way out: `window.consentVault.call(channel, input)`.
 * In Electron the preload provides it. In the browser host (tests, machines without Electron) this module
 * installs an HTTP bridge: POST /api with the per-run token from the URL fragment.
 *
 * Files travel beside the JSON, never inside it: `upload(bytes)` sends one file (POST /api/upload as the raw
 * body here, an ArrayBuffer over IPC in Electron) and answers an uploadId; the channel call then names that id.
 * Screens use `uploadFile` below and `callApi`, the same on both transports.
 *
 * The clinic server (issue 14) serves this same bundle to paired seats: there the address carries no #token and
 * the browser's cookies (cv_device, cv_session, HttpOnly, same-origin) authenticate every call instead.
 */

const TOKEN_KEY = 'consentvault.token';
const TOKEN_HEADER = 'x-consentvault-token';

type BridgeWindow = Window & { consentVault?: ConsentVaultBridge };

/**
 * Where this window's calls go: Electron's preload (the desk, or a desktop client of the clinic server), the
 * loopback browser host (its per-run #token), or the clinic server itself (paired by cookie, other seats beside it).
 */
export type ConnectionMode = 'electron' | 'browserHost' | 'clinicServer';
let mode: ConnectionMode = 'electron';

/** Set once by installBridge. */
export function connectionMode(): ConnectionMode {
  return mode;
}

/** Only the clinic server has other seats whose writes this window hears about, and a server it can lose. */
export function hasOtherSeats(): boolean {
  return mode === 'clinicServer';
}

export const TRANSPORT_ERROR: ApiError = { code: 'internal', messageKey: 'errors.transport' };

/** Reads `#token=<hex>` once, keeps it in sessionStorage (so a reload works) and removes it from the address bar. */
export function takeTokenFromUrl(): string | null {
  const fragment = window.location.hash.replace(/^#/, '');
  const fromUrl = new URLSearchParams(fragment).get('token');
  if (fromUrl && /^[0-9a-fA-F]{16,256}$/.test(fromUrl)) {
    try {
      window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // storage can be disabled; the token still works for this page load
    }
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function isApiError(value: unknown): value is ApiError {
  if (!value || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(e.code) &&
    typeof e.messageKey === 'string'
  );
}

/** Accepts only a well-formed ApiResult; anything else is a transport failure. */
export function asApiResult<T>(body: unknown): ApiResult<T> {
  if (body && typeof body === 'object' && 'ok' in body) {
    const r = body as { ok: unknown; value?: unknown; error?: unknown };
    if (r.ok === true && 'value' in r) return { ok: true, value: r.value as T };
    if (r.ok === false && isApiError(r.error)) return { ok: false, error: r.error };
  }
  return { ok: false, error: TRANSPORT_ERROR };
}

export function createHttpBridge(token: string | null, endpoint = '/api'): ConsentVaultBridge {
  return {
    async call<C extends ChannelName>(channel: C, input: In<C>): Promise<ApiResult<Out<C>>> {
      try {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (token) headers[TOKEN_HEADER] = token;
        const response = await fetch(endpoint, {
          method: 'POST',
          headers,
          body: JSON.stringify({ channel, input }),
          credentials: 'same-origin',
          cache: 'no-store',
        });
        const body: unknown = await response.json();
        return asApiResult<Out<C>>(body);
      } catch {
        return { ok: false, error: TRANSPORT_ERROR };
      }
    },
    async upload(bytes: ArrayBuffer): Promise<ApiResult<UploadReceipt>> {
      try {
        const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
        if (token) headers[TOKEN_HEADER] = token;
        const response = await fetch(`${endpoint}/upload`, { method: 'POST', headers, body: bytes, credentials: 'same-origin', cache: 'no-store' });
        return checkedReceipt(asApiResult<unknown>(await response.json()));
      } catch {
        return { ok: false, error: TRANSPORT_ERROR };
      }
    },
  };
}

function checkedReceipt(result: ApiResult<unknown>): ApiResult<UploadReceipt> {
  if (!result.ok) return result;
  const receipt = UploadReceipt.safeParse(result.value);
  return receipt.success ? { ok: true, value: receipt.data } : { ok: false, error: TRANSPORT_ERROR };
}

/** One file (a photo) to the main process, by whichever transport this window has; its uploadId comes back. */
export async function uploadFile(file: Blob): Promise<ApiResult<UploadReceipt>> {
  const bridge = getBridge();
  if (!bridge || typeof bridge.upload !== 'function') return { ok: false, error: TRANSPORT_ERROR };
  try {
    return checkedReceipt(asApiResult<unknown>(await bridge.upload(await file.arrayBuffer())));
  } catch {
    return { ok: false, error: TRANSPORT_ERROR };
  }
}

/**
 * Installs the HTTP bridge when no preload provided one. Call once, before the first render. Without a token the
 * page was served by the clinic server (the loopback host always opens its page with one): cookies authenticate.
 */
export function installBridge(): void {
  const w = window as BridgeWindow;
  if (w.consentVault) {
    mode = 'electron';
    return;
  }
  const token = takeTokenFromUrl();
  mode = token ? 'browserHost' : 'clinicServer';
  const bridge = createHttpBridge(token);
  Object.defineProperty(w, 'consentVault', { value: Object.freeze(bridge), writable: false, configurable: false });
}

/** What the clinic server answers a browser it paired (the credential itself stays in an HttpOnly cookie). */
export interface PairedHere {
  deviceId: string;
  deviceName: string;
  kind: 'desktop' | 'tablet' | 'browser';
  certificateSha256: string | null;
}

function asPairedHere(value: unknown): PairedHere | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const kind = v.kind;
  if (typeof v.deviceId !== 'string' || typeof v.deviceName !== 'string' || (kind !== 'desktop' && kind !== 'tablet' && kind !== 'browser')) return null;
  return { deviceId: v.deviceId, deviceName: v.deviceName, kind, certificateSha256: typeof v.certificateSha256 === 'string' ? v.certificateSha256 : null };
}

/** Pairs this browser with the clinic server that served it: POST /pair {code, deviceName}. */
export async function pairThisBrowser(code: string, deviceName: string, endpoint = '/pair'): Promise<ApiResult<PairedHere>> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(deviceName.trim() ? { code, deviceName: deviceName.trim() } : { code }),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const result = asApiResult<unknown>(await response.json());
    if (!result.ok) return result;
    const paired = asPairedHere(result.value);
    return paired ? { ok: true, value: paired } : { ok: false, error: TRANSPORT_ERROR };
  } catch {
    return { ok: false, error: TRANSPORT_ERROR };
  }
}

export function getBridge(): ConsentVaultBridge | undefined {
  return (window as BridgeWindow).consentVault;
}

/**
 * A pack to verify, from a seat of the clinic server (issue 14: files belong to the seat): the browser streams
 * the chosen file to POST /api/verify-upload and gets back the id `evidence.startVerify` names. Only the clinic
 * server has this route; in Electron and the loopback host the verify screen sends the pack as it always did.
 */
export async function uploadPackToServer(file: Blob, endpoint = '/api/verify-upload'): Promise<ApiResult<{ uploadId: string }>> {
  try {
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/zip' }, body: file, credentials: 'same-origin', cache: 'no-store' });
    const result = asApiResult<unknown>(await response.json());
    if (!result.ok) return result;
    const uploadId = (result.value as { uploadId?: unknown } | null)?.uploadId;
    return typeof uploadId === 'string' ? { ok: true, value: { uploadId } } : { ok: false, error: TRANSPORT_ERROR };
  } catch {
    return { ok: false, error: TRANSPORT_ERROR };
  }
}
