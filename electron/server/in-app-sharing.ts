import type { AppCore } from '../app-core';
import type { Router } from '../router';
import type { LiveEvents } from '../sessions/live-events';
import { startClinicServer, type ClinicServer } from './server';
import { NOT_RUNNING, type ClinicServerHandle } from './sharing';

/** The port "Share this vault" uses when none is chosen. */
export const DEFAULT_SHARING_PORT = 8443;

/**
 * "Share this vault with other seats" on the PC that holds the vault: the clinic server inside the app process,
 * on every interface (so HTTPS), with the app's own router. The vault stays open while it runs.
 */
export function inAppSharing(opts: { app: AppCore; router: Router; rendererDir: string | null; liveEvents?: LiveEvents; /** Tests: loopback only. */ host?: string }): ClinicServerHandle {
  let server: ClinicServer | null = null;
  return {
    status: () => server?.status() ?? NOT_RUNNING,
    async start(port) {
      const vaultDir = opts.app.vault?.dir ?? opts.app.vaultPath();
      if (!vaultDir) throw new Error('no vault to share');
      server = await startClinicServer({
        app: opts.app,
        router: opts.router,
        vaultDir,
        listen: { host: opts.host ?? '0.0.0.0', port: port ?? DEFAULT_SHARING_PORT },
        rendererDir: opts.rendererDir,
        ...(opts.liveEvents ? { liveEvents: opts.liveEvents } : {}),
      });
      opts.app.keepVaultOpen = true;
      return server.status();
    },
    async stop() {
      await server?.close();
      server = null;
      opts.app.keepVaultOpen = false;
      return NOT_RUNNING;
    },
  };
}
