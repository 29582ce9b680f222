import type { LiveSignal } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import type { UploadReceipt } from '../../shared/schemas/photo';
import type { AppCore } from '../app-core';
import type { Router } from '../router';
import { acceptUpload } from '../services/uploads';
import { ClinicClient, ClinicClientError } from './client';
import { deskEvidenceFiles } from './desk-files';
import { createDeskLive } from './desk-live';

/** Channels this computer answers itself even when it is a seat of a clinic server. */
const LOCAL_CHANNELS = new Set(['setup.connectToServer']);

const UNAVAILABLE: ApiResult<never> = { ok: false, error: { code: 'internal', messageKey: 'seats.errors.serverUnavailable' } };

export interface DeskBridge {
  call(channel: unknown, input: unknown): Promise<ApiResult<unknown>>;
  upload(bytes: Buffer): Promise<ApiResult<UploadReceipt>>;
  /** What other seats change, for the window (main.ts sends it over IPC); answers a function that stops it. */
  onLive(listener: (signal: LiveSignal) => void): () => void;
  /** Stops the live stream and its timers (app quit, tests). */
  close(): void;
}

/**
 * The desktop app's one `call(channel, input)`: the local router when this computer keeps the vault, the clinic
 * server (certificate pinned at pairing) when it was set up with "Connect to the clinic's server". The renderer
 * cannot tell the difference, except that a server it cannot reach answers `seats.errors.serverUnavailable`.
 * As a seat, the evidence screens' files stay on this computer (`desk-files.ts`), and other seats' writes reach
 * the window as they do on the PC that keeps the vault (`desk-live.ts`).
 */
export function createDeskBridge(app: AppCore, router: Router): DeskBridge {
  let client: ClinicClient | null = null;
  const remote = (): ClinicClient | null => {
    const paired = app.config.load().clinicServer ?? null;
    // A client given up (unpaired, paired anew) closes the connections it keeps open.
    if (!paired) {
      client?.close();
      return (client = null);
    }
    if (!client || client.server.credential !== paired.credential) {
      client?.close();
      client = new ClinicClient(paired);
    }
    return client;
  };
  const files = deskEvidenceFiles(app.host);
  const live = createDeskLive(app, remote);
  const guarded = async <T>(run: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> => {
    try {
      return await run();
    } catch (e) {
      if (e instanceof ClinicClientError && e.status === 495) return { ok: false, error: { code: 'forbidden', messageKey: e.messageKey } };
      return UNAVAILABLE;
    }
  };
  const answer = async (seat: ClinicClient | null, channel: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (!seat || (typeof channel === 'string' && LOCAL_CHANNELS.has(channel))) return router.call(channel, input);
    if (files.handles(channel)) return guarded(() => files.call(seat, channel, input));
    const result = await guarded(() => seat.call(String(channel), input));
    // The status says which server this desktop is a seat of.
    if (channel === 'app.status' && result.ok) {
      const s = seat.server;
      return { ok: true, value: { ...(result.value as object), connectedTo: { origin: s.origin, deviceName: s.deviceName, certificateSha256: s.certificateSha256 } } };
    }
    return result;
  };
  return {
    async call(channel, input) {
      const seat = remote();
      const result = await answer(seat, channel, input);
      // A sign-in, a sign-out or a new pairing changes which live events this window hears.
      live.follow(channel === 'setup.connectToServer' ? remote() : seat);
      return result;
    },
    async upload(bytes) {
      const seat = remote();
      if (!seat) return acceptUpload(app, bytes);
      return guarded(async () => (await seat.upload(bytes)).result as ApiResult<UploadReceipt>);
    },
    onLive: (listener) => live.subscribe(listener),
    close: () => {
      live.close();
      client?.close();
    },
  };
}
