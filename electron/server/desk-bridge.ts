import type { ApiResult } from '../../shared/errors';
import type { UploadReceipt } from '../../shared/schemas/photo';
import type { AppCore } from '../app-core';
import type { Router } from '../router';
import { acceptUpload } from '../services/uploads';
import { ClinicClient, ClinicClientError } from './client';

/** Channels this computer answers itself even when it is a seat of a clinic server. */
const LOCAL_CHANNELS = new Set(['setup.connectToServer']);

const UNAVAILABLE: ApiResult<never> = { ok: false, error: { code: 'internal', messageKey: 'seats.errors.serverUnavailable' } };

/**
 * The desktop app's one `call(channel, input)`: the local router when this computer keeps the vault, the clinic
 * server (certificate pinned at pairing) when it was set up with "Connect to the clinic's server". The renderer
 * cannot tell the difference, except that a server it cannot reach answers `seats.errors.serverUnavailable`.
 */
export function createDeskBridge(app: AppCore, router: Router): { call(channel: unknown, input: unknown): Promise<ApiResult<unknown>>; upload(bytes: Buffer): Promise<ApiResult<UploadReceipt>> } {
  let client: ClinicClient | null = null;
  const remote = (): ClinicClient | null => {
    const paired = app.config.load().clinicServer ?? null;
    if (!paired) return (client = null);
    if (!client || client.server.credential !== paired.credential) client = new ClinicClient(paired);
    return client;
  };
  const guarded = async <T>(run: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> => {
    try {
      return await run();
    } catch (e) {
      if (e instanceof ClinicClientError && e.status === 495) return { ok: false, error: { code: 'forbidden', messageKey: e.messageKey } };
      return UNAVAILABLE;
    }
  };
  return {
    async call(channel, input) {
      const seat = remote();
      if (!seat || (typeof channel === 'string' && LOCAL_CHANNELS.has(channel))) return router.call(channel, input);
      const answer = await guarded(() => seat.call(String(channel), input));
      // The status says which server this desktop is a seat of.
      if (channel === 'app.status' && answer.ok) {
        const s = seat.server;
        return { ok: true, value: { ...(answer.value as object), connectedTo: { origin: s.origin, deviceName: s.deviceName, certificateSha256: s.certificateSha256 } } };
      }
      return answer;
    },
    async upload(bytes) {
      const seat = remote();
      if (!seat) return acceptUpload(app, bytes);
      return guarded(async () => (await seat.upload(bytes)).result as ApiResult<UploadReceipt>);
    },
  };
}
