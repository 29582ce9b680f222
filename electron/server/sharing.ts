import type { ClinicServerStatus } from '../../shared/schemas/seats';

/**
 * The clinic server as the core sees it: its status and, where the host can run it (the app on the PC that holds
 * the vault), start and stop. Types only, so the core and the seats service never import the server itself.
 */
export interface ClinicServerHandle {
  status(): ClinicServerStatus;
  /** Runs the server inside this process ("Share this vault with other seats"). */
  start(port: number | undefined): Promise<ClinicServerStatus>;
  stop(): Promise<ClinicServerStatus>;
}

export const NOT_RUNNING: ClinicServerStatus = { running: false, addresses: [], certificateSha256: null, headless: false };
