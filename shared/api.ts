import type { z } from 'zod';
import type { ApiResult } from './errors';
import type { Channel } from './contracts/channel';
import type { UploadReceipt } from './schemas/photo';
import { auditChannels } from './contracts/audit';
import { backupsChannels } from './contracts/backups';
import { calendarChannels } from './contracts/calendar';
import { catalogueChannels } from './contracts/catalogue';
import { communicationsChannels } from './contracts/communications';
import { complaintsChannels } from './contracts/complaints';
import { consentsChannels } from './contracts/consents';
import { consultationsChannels } from './contracts/consultations';
import { evidenceChannels } from './contracts/evidence';
import { followUpsChannels } from './contracts/follow-ups';
import { homeChannels } from './contracts/home';
import { incidentsChannels } from './contracts/incidents';
import { jobsChannels } from './contracts/jobs';
import { patientsChannels } from './contracts/patients';
import { photosChannels } from './contracts/photos';
import { retentionChannels } from './contracts/retention';
import { riskFlagsChannels } from './contracts/risk-flags';
import { seatsChannels } from './contracts/seats';
import { sessionChannels } from './contracts/session';
import { settingsChannels } from './contracts/settings';
import { setupChannels } from './contracts/setup';
import { staffChannels } from './contracts/staff';
import { tabletChannels } from './contracts/tablet';
import { treatmentsChannels } from './contracts/treatments';

/**
 * The whole contract between the renderer (or the CLI, or a remote seat) and the main process: every capability's
 * channels, one file each in contracts/. A handler map that misses a channel fails the type check.
 */
export const api = {
  ...auditChannels,
  ...backupsChannels,
  ...calendarChannels,
  ...catalogueChannels,
  ...communicationsChannels,
  ...complaintsChannels,
  ...consentsChannels,
  ...consultationsChannels,
  ...evidenceChannels,
  ...followUpsChannels,
  ...homeChannels,
  ...incidentsChannels,
  ...jobsChannels,
  ...patientsChannels,
  ...photosChannels,
  ...retentionChannels,
  ...riskFlagsChannels,
  ...seatsChannels,
  ...sessionChannels,
  ...settingsChannels,
  ...setupChannels,
  ...staffChannels,
  ...tabletChannels,
  ...treatmentsChannels,
} as const satisfies Record<string, Channel>;

export type Api = typeof api;
export type ChannelName = keyof Api;
export type In<C extends ChannelName> = z.input<Api[C]['input']>;
export type Parsed<C extends ChannelName> = z.output<Api[C]['input']>;
export type Out<C extends ChannelName> = z.output<Api[C]['output']>;

export const CHANNEL_NAMES = Object.keys(api) as ChannelName[];
export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** The one function the preload (Electron) or the bridge (browser host) exposes to the renderer. */
export interface ConsentVaultBridge {
  call<C extends ChannelName>(channel: C, input: In<C>): Promise<ApiResult<Out<C>>>;
  /**
   * Sends one file's bytes ahead of the channel call that uses it (a photo is too big for a JSON body): the
   * browser host takes them as the raw body of POST /api/upload, Electron over IPC as an ArrayBuffer. The
   * answer's uploadId goes into the channel's input.
   */
  upload(bytes: ArrayBuffer): Promise<ApiResult<UploadReceipt>>;
  /**
   * Electron only (issue 14): what other seats change, sent by the main process (the in-app clinic server's
   * events, or the clinic server's stream when this desktop is its seat). Answers a function that stops it.
   */
  onLive?(listener: (signal: LiveSignal) => void): () => void;
}

/** "Another seat changed this capability": the capability and channel, never a record or a patient. */
export interface LiveChange {
  topic: string;
  channel: string;
  at: string;
}

/** What the desktop's main process tells its window: a change, or that its stream is back after a gap (fetch all). */
export type LiveSignal = { kind: 'change'; change: LiveChange } | { kind: 'resumed' };
