import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Out } from '../../shared/api';
import { evidenceChannels } from '../../shared/contracts/evidence';
import { toFieldIssues, type ApiError, type ApiResult } from '../../shared/errors';
import { VERIFY_UPLOAD_MAX_BYTES, type ExportStatus, type SeatDownload } from '../../shared/schemas/evidence';
import type { HostCapabilities } from '../app-core';
import { destinationProblem, publishWithoutReplacing } from '../evidence/export';
import { fsyncFile } from '../store/backups/files';
import type { ClinicClient } from './client';

/**
 * Files belong to the seat (issue 14), on a desktop that is a seat of the clinic server. Its window is the
 * desk's (a save dialog, a path, a pack to open), but the server takes no path from a seat: here the local paths
 * in the window's calls become what a browser seat does by hand. An export runs on the server without a
 * destination and, once done, its pack comes down (pinned TLS) into the file chosen here; a pack to verify is
 * streamed up to POST /api/verify-upload and checked by its upload id. The window cannot tell the difference.
 */
const FILE_CHANNELS = new Set([
  'evidence.hostInfo',
  'evidence.chooseDestination',
  'evidence.choosePack',
  'evidence.startExport',
  'evidence.progress',
  'evidence.cancel',
  'evidence.startVerify',
]);

/** Exports of this run whose local file is remembered (a few: the server runs one at a time). */
const REMEMBERED_EXPORTS = 20;

/** Errors of the local disk, as the desk's own export names them. */
const DISK_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EIO', 'EBUSY', 'EMFILE']);

/** One export started from this window, and where its pack goes on this computer. */
interface SavedHere {
  destination: string;
  /** The server's status once the pack was done (its download offered); shown as "downloading" meanwhile. */
  done: ExportStatus | null;
  bytes: number;
  abort: AbortController | null;
  saving: Promise<void> | null;
  /** What the window is told from now on: the pack in its local file, or why it is not there. */
  outcome: ExportStatus | null;
}

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const refused = (error: ApiError): ApiResult<never> => ({ ok: false, error });
const onField = (code: ApiError['code'], messageKey: string): ApiResult<never> => refused({ code, messageKey, issues: [{ path: ['destination'], messageKey }] });
const codeOf = (e: unknown): string | undefined => (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined);

function invalid(error: Parameters<typeof toFieldIssues>[0], input: unknown): ApiResult<never> {
  return refused({ code: 'invalid_input', messageKey: 'errors.invalid_input', issues: toFieldIssues(error, input) });
}

/** The checks the desk's own export makes of its destination: an existing folder, a file name not taken yet. */
function checkDestination(destination: string): ApiResult<string> {
  const file = path.resolve(destination);
  const problem = destinationProblem(file, null);
  return problem ? onField(problem.code, problem.messageKey) : ok(file);
}

function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch (e) {
    console.error('[evidence] partial download not removed:', path.basename(file), e);
  }
}

/** Why a pack did not land here, in the words the desk's own export uses. */
function reasonOf(e: unknown): string {
  const code = codeOf(e);
  if (code === 'ENOSPC') return 'evidence.errors.diskFull';
  if (code === 'EEXIST') return 'evidence.errors.fileExists';
  if (code && DISK_ERRORS.has(code)) return 'evidence.errors.writeFailed';
  return 'evidence.errors.notSavedHere';
}

export interface DeskEvidenceFiles {
  /** Whether this channel's files are the desktop's (only asked when it is a seat of the clinic server). */
  handles(channel: unknown): channel is string;
  call(seat: ClinicClient, channel: string, input: unknown): Promise<ApiResult<unknown>>;
}

export function deskEvidenceFiles(host: HostCapabilities): DeskEvidenceFiles {
  const exports = new Map<string, SavedHere>();

  const remember = (jobId: string, destination: string) => {
    exports.set(jobId, { destination, done: null, bytes: 0, abort: null, saving: null, outcome: null });
    for (const [id, e] of exports) {
      if (exports.size <= REMEMBERED_EXPORTS) break;
      if (!e.saving || e.outcome) exports.delete(id);
    }
  };

  const downloading = (here: SavedHere, done: ExportStatus, download: SeatDownload): ExportStatus => ({
    ...done,
    state: 'running',
    phase: 'downloading',
    done: here.bytes,
    total: download.bytes,
    result: null,
    download: null,
  });

  const failed = (done: ExportStatus, errorKey: string): ExportStatus => ({ ...done, state: 'failed', result: null, errorKey, download: null });

  /** The pack comes down into a hidden file beside the chosen one, then takes its name (nothing half-written under it). */
  const save = (seat: ClinicClient, here: SavedHere, done: ExportStatus, download: SeatDownload) => {
    const abort = new AbortController();
    const partial = path.join(path.dirname(here.destination), `.${path.basename(here.destination)}.${randomBytes(6).toString('hex')}.part`);
    here.done = done;
    here.abort = abort;
    here.saving = (async () => {
      try {
        const got = await seat.downloadPack(download.token, partial, { signal: abort.signal, onBytes: (n) => (here.bytes = n) });
        // Refused (expired, the session ended): the server wrote nothing here and the file was never made.
        if (got.error) return void (here.outcome = failed(done, 'evidence.errors.notSavedHere'));
        // On disk, then given its name without replacing a file that appeared meanwhile: as the desk's own export.
        fsyncFile(partial);
        publishWithoutReplacing(partial, here.destination);
        here.outcome = { ...done, result: done.result ? { ...done.result, path: here.destination } : null, download: null };
      } catch (e) {
        removeQuietly(partial);
        here.outcome = abort.signal.aborted ? { ...done, state: 'cancelled', result: null, download: null } : failed(done, reasonOf(e));
        if (!abort.signal.aborted) console.error('[evidence] the pack was not saved on this computer:', e);
      }
    })();
  };

  /** What is known here without asking the server: the outcome, or the download under way. */
  const knownHere = (jobId: string): ExportStatus | null => {
    const here = exports.get(jobId);
    if (here?.outcome) return here.outcome;
    if (here?.saving && here.done?.download) return downloading(here, here.done, here.done.download);
    return null;
  };

  /** The server's status of an export started here, as the window sees it. */
  const fromServer = (seat: ClinicClient, jobId: string, r: ApiResult<unknown>): ApiResult<unknown> => {
    const here = exports.get(jobId);
    if (!r.ok || !here) return r;
    // Another call (a cancel beside a poll) got there first: one download per token.
    const known = knownHere(jobId);
    if (known) return ok(known);
    const status = r.value as ExportStatus;
    if (status.state === 'running') return ok({ ...status, download: null });
    if (status.state !== 'done') {
      exports.delete(jobId);
      return ok({ ...status, download: null });
    }
    if (!status.download || !status.result) return ok((here.outcome = failed(status, 'evidence.errors.notSavedHere')));
    save(seat, here, status, status.download);
    return ok(downloading(here, status, status.download));
  };

  const jobIdOf = (input: unknown): string | null => {
    const parsed = evidenceChannels['evidence.progress'].input.safeParse(input);
    return parsed.success ? parsed.data.jobId : null;
  };

  async function startExport(seat: ClinicClient, input: unknown): Promise<ApiResult<unknown>> {
    const parsed = evidenceChannels['evidence.startExport'].input.safeParse(input);
    if (!parsed.success) return invalid(parsed.error, input);
    const { destination, ...onServer } = parsed.data;
    // The window always names its file here (the desk's rule); the server is never told it.
    if (destination === undefined) return onField('invalid_input', 'validation.required');
    const file = checkDestination(destination);
    if (!file.ok) return file;
    const r = await seat.call('evidence.startExport', onServer);
    if (r.ok) remember((r.value as Out<'evidence.startExport'>).jobId, file.value);
    return r;
  }

  async function startVerify(seat: ClinicClient, input: unknown): Promise<ApiResult<unknown>> {
    const parsed = evidenceChannels['evidence.startVerify'].input.safeParse(input);
    if (!parsed.success) return invalid(parsed.error, input);
    const source = parsed.data.source;
    if ('uploadId' in source) return seat.call('evidence.startVerify', { source });
    let sent: Awaited<ReturnType<ClinicClient['uploadPack']>>;
    if ('path' in source) {
      const file = path.resolve(source.path);
      if (!isRegularFile(file)) return refused({ code: 'not_found', messageKey: 'evidence.errors.packNotFound' });
      sent = await seat.uploadPack(file);
    } else {
      sent = await seat.uploadPack(Buffer.from(source.dataBase64, 'base64'));
    }
    if (!sent.result.ok) return sent.result;
    const uploadId = (sent.result.value as { uploadId?: unknown } | null)?.uploadId;
    if (typeof uploadId !== 'string') return refused({ code: 'internal', messageKey: 'errors.internal' });
    return seat.call('evidence.startVerify', { source: { kind: 'upload', uploadId } });
  }

  return {
    handles: (channel): channel is string => typeof channel === 'string' && FILE_CHANNELS.has(channel),
    async call(seat, channel, input) {
      switch (channel) {
        case 'evidence.hostInfo': {
          // Asked of the server all the same: it answers only a signed-in seat, and says how big an upload may be.
          const r = await seat.call('evidence.hostInfo', input);
          if (!r.ok) return r;
          const server = r.value as Out<'evidence.hostInfo'>;
          return ok({
            canChooseFiles: Boolean(host.chooseSaveFile && host.chooseOpenFile),
            defaultDirectory: path.dirname(path.resolve(host.defaultVaultPath)),
            // A dropped pack crosses IPC as base64 (the channel's own cap); a chosen one is streamed.
            maxUploadBytes: Math.min(server.maxUploadBytes, VERIFY_UPLOAD_MAX_BYTES),
          } satisfies Out<'evidence.hostInfo'>);
        }
        case 'evidence.chooseDestination': {
          const parsed = evidenceChannels['evidence.chooseDestination'].input.safeParse(input);
          if (!parsed.success) return invalid(parsed.error, input);
          return ok({ path: host.chooseSaveFile ? await host.chooseSaveFile(parsed.data.suggestedName) : null });
        }
        case 'evidence.choosePack':
          return ok({ path: host.chooseOpenFile ? await host.chooseOpenFile() : null });
        case 'evidence.startExport':
          return startExport(seat, input);
        case 'evidence.progress': {
          const jobId = jobIdOf(input);
          const known = jobId ? knownHere(jobId) : null;
          if (known) return ok(known);
          return fromServer(seat, jobId ?? '', await seat.call(channel, input));
        }
        case 'evidence.cancel': {
          const jobId = jobIdOf(input);
          const here = jobId ? exports.get(jobId) : undefined;
          // The pack is coming down: stopping means stopping that (the partial file is removed).
          if (here?.saving && !here.outcome) {
            here.abort?.abort();
            await here.saving;
          }
          const known = jobId ? knownHere(jobId) : null;
          if (known) return ok(known);
          return fromServer(seat, jobId ?? '', await seat.call(channel, input));
        }
        case 'evidence.startVerify':
          return startVerify(seat, input);
        default:
          return seat.call(channel, input);
      }
    },
  };
}
