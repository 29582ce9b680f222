import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Out } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import type { ExportStatus } from '../../shared/schemas/evidence';
import type { ClinicClient } from '../../electron/server/client';
import { deskEvidenceFiles } from '../../electron/server/desk-files';

const JOB = '7b0c7a43-5d1e-4c59-9a1c-0f2b8f0e6a11';
const PATIENT = '0d6c6f6e-2a53-4b8e-9a57-3c1f5f7f2b10';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const doneOnServer: ExportStatus = {
  jobId: JOB,
  state: 'done',
  phase: 'done',
  done: 10,
  total: 10,
  result: { packId: JOB, packNo: 1, path: 'CV-0001-C-1-evidence.zip', bytes: 6, files: 3, pages: 2, tagManifestSha256: 'ab'.repeat(32), batesFirst: 'CV-0001-0001', batesLast: 'CV-0001-0002' },
  errorKey: null,
  download: { token: 't'.repeat(43), fileName: 'CV-0001-C-1-evidence.zip', bytes: 6, expiresAt: '2026-01-01T01:00:00.000Z' },
};

/**
 * The server side of a seat, as the desk's evidence files use it: an export that is done at once, and a download
 * the test drives (it writes the first bytes, then does what `rest` says).
 */
function fakeSeat(rest: (file: string, signal: AbortSignal) => Promise<void>) {
  const calls: { channel: string; input: unknown }[] = [];
  const seat = {
    async call(channel: string, input: unknown): Promise<ApiResult<unknown>> {
      calls.push({ channel, input });
      if (channel === 'evidence.startExport') return { ok: true, value: { jobId: JOB, packId: JOB, packNo: 1 } };
      return { ok: true, value: doneOnServer };
    },
    async downloadPack(_token: string, file: string, opts: { onBytes?: (n: number) => void; signal?: AbortSignal }) {
      fs.writeFileSync(file, 'PK', { flag: 'wx' });
      opts.onBytes?.(2);
      await rest(file, opts.signal!);
      return { status: 200, headers: {}, bytes: 6, error: null };
    },
  };
  return { seat: seat as unknown as ClinicClient, calls };
}

async function startedExport(seat: ClinicClient) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-desk-files-unit-'));
  dirs.push(folder);
  const destination = path.join(folder, 'pack.zip');
  const files = deskEvidenceFiles({ defaultVaultPath: path.join(folder, 'ConsentVault') });
  const r = await files.call(seat, 'evidence.startExport', { patientId: PATIENT, scope: { type: 'patient' }, kind: 'lawyer', destination });
  expect(r.ok).toBe(true);
  const first = (await files.call(seat, 'evidence.progress', { jobId: JOB })) as ApiResult<Out<'evidence.progress'>>;
  return { files, folder, destination, first };
}

const statusOf = (r: ApiResult<unknown>): ExportStatus => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as ExportStatus;
};

describe('a desktop seat’s export, while its pack comes down', () => {
  it('reports the download as progress, and cancelling stops it and leaves no file here', async () => {
    const { seat } = fakeSeat((_file, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))));
    const { files, folder, first } = await startedExport(seat);
    expect(statusOf(first)).toMatchObject({ state: 'running', phase: 'downloading', total: 6, result: null, download: null });
    await new Promise((r) => setTimeout(r, 10));
    expect(statusOf(await files.call(seat, 'evidence.progress', { jobId: JOB }))).toMatchObject({ state: 'running', phase: 'downloading', done: 2, total: 6 });

    expect(statusOf(await files.call(seat, 'evidence.cancel', { jobId: JOB }))).toMatchObject({ state: 'cancelled', result: null, download: null });
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('a broken download is a failure that says the pack is not here, with no partial file left', async () => {
    const { seat } = fakeSeat(async () => {
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    });
    const { files, folder } = await startedExport(seat);
    await new Promise((r) => setTimeout(r, 10));
    expect(statusOf(await files.call(seat, 'evidence.progress', { jobId: JOB }))).toMatchObject({ state: 'failed', errorKey: 'evidence.errors.notSavedHere', result: null });
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('never replaces a file that took the chosen name meanwhile', async () => {
    let destination = '';
    const { seat } = fakeSeat(async () => {
      fs.writeFileSync(destination, 'someone else’s');
    });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-desk-files-unit-'));
    dirs.push(folder);
    destination = path.join(folder, 'pack.zip');
    const files = deskEvidenceFiles({ defaultVaultPath: path.join(folder, 'ConsentVault') });
    await files.call(seat, 'evidence.startExport', { patientId: PATIENT, scope: { type: 'patient' }, kind: 'lawyer', destination });
    await files.call(seat, 'evidence.progress', { jobId: JOB });
    await new Promise((r) => setTimeout(r, 10));
    expect(statusOf(await files.call(seat, 'evidence.progress', { jobId: JOB }))).toMatchObject({ state: 'failed', errorKey: 'evidence.errors.fileExists' });
    expect(fs.readdirSync(folder)).toEqual(['pack.zip']);
    expect(fs.readFileSync(destination, 'utf8')).toBe('someone else’s');
  });

  it('a finished download gets the chosen name and the window is shown that path', async () => {
    const { seat, calls } = fakeSeat(async (file) => fs.appendFileSync(file, 'DATA'));
    const { files, folder, destination } = await startedExport(seat);
    await new Promise((r) => setTimeout(r, 10));
    expect(statusOf(await files.call(seat, 'evidence.progress', { jobId: JOB }))).toMatchObject({ state: 'done', result: { path: destination }, download: null });
    expect(fs.readdirSync(folder)).toEqual(['pack.zip']);
    expect(fs.readFileSync(destination, 'utf8')).toBe('PKDATA');
    expect(calls[0]).toEqual({ channel: 'evidence.startExport', input: { patientId: PATIENT, scope: { type: 'patient' }, kind: 'lawyer', locale: 'zh-TW' } });
  });
});
