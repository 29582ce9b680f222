import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Out } from '../../shared/api';
import type { ClinicClient } from '../../electron/server/client';
import { verifyPack } from '../../electron/evidence/verify';
import type { Vault } from '../../electron/store/vault';
import { ADMIN, ManualClock } from '../support/app';
import { VALID_INPUTS } from '../support/channels';
import { answerValue, errorKey, type ServedClinic, servedClinic, signInAt } from '../support/clinic-server';

let clinic: ServedClinic | null = null;
afterEach(async () => {
  await clinic?.close();
  clinic = null;
});

const value = answerValue;

/** A clinic whose administrator works at a paired PC, with one small patient to export. */
async function adminAtSeat(opts: { clock?: ManualClock; verifyUploadMaxBytes?: number } = {}): Promise<{ c: ServedClinic; office: ClinicClient; patientId: string }> {
  clinic = await servedClinic(opts);
  const c = clinic;
  const patient = await c.t.ok('patients.create', VALID_INPUTS['patients.create'] as Parameters<typeof c.t.ok<'patients.create'>>[1]);
  const office = await c.seat('Front desk PC');
  await signInAt(office, ADMIN);
  return { c, office, patientId: patient.id };
}

/** Exports the patient's lawyer pack from the seat and polls until it ends. */
async function exportAtSeat(seat: ClinicClient, patientId: string): Promise<Out<'evidence.progress'>> {
  const { jobId } = value<{ jobId: string }>(await seat.call('evidence.startExport', { patientId, scope: { type: 'patient' }, kind: 'lawyer', locale: 'en' }));
  const until = Date.now() + 60_000;
  for (;;) {
    const status = value<Out<'evidence.progress'>>(await seat.call('evidence.progress', { jobId }));
    if (status.state !== 'running') return status;
    if (Date.now() > until) throw new Error('export still running');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function verifyAtSeat(seat: ClinicClient, source: unknown): Promise<Out<'jobs.status'>> {
  const { jobId } = value<{ jobId: string }>(await seat.call('evidence.startVerify', { source }));
  const until = Date.now() + 60_000;
  for (;;) {
    const status = value<Out<'jobs.status'>>(await seat.call('jobs.status', { jobId }));
    if (status.state !== 'queued' && status.state !== 'running') return status;
    if (Date.now() > until) throw new Error('verify still running');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const folderFiles = (vault: Vault, name: string): string[] => {
  try {
    return fs.readdirSync(path.join(vault.dir, name));
  } catch {
    return [];
  }
};

async function eventsAfter(vault: Vault, seq: number, action: string): Promise<{ details: Record<string, unknown>; seatId: string | null }[]> {
  const until = Date.now() + 2000;
  for (;;) {
    const rows = vault.db.prepare(`SELECT details, seat_id FROM audit_events WHERE seq > ? AND action = ? ORDER BY seq`).all(seq, action) as { details: string; seat_id: string | null }[];
    if (rows.length > 0 || Date.now() > until) return rows.map((r) => ({ details: JSON.parse(r.details) as Record<string, unknown>, seatId: r.seat_id }));
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('files belong to the seat: an exported pack comes down to the seat that made it', () => {
  it('a paired seat exports without a server path, downloads its pack once, and the bytes verify', async () => {
    const { c, office, patientId } = await adminAtSeat();
    const vault = c.t.app.vault!;
    const started = vault.audit.head()!.seq;
    const status = await exportAtSeat(office, patientId);
    expect(status.state).toBe('done');
    expect(status.download).not.toBeNull();
    // The outcome, recorded when the job ends, comes from the seat that started it, as its start does.
    expect((await eventsAfter(vault, started, 'evidence.export_started')).map((e) => e.seatId)).toEqual([office.server.deviceId]);
    expect((await eventsAfter(vault, started, 'evidence.exported')).map((e) => e.seatId)).toEqual([office.server.deviceId]);
    const download = status.download!;
    expect(download.fileName).toMatch(/^CV-\d{4}-.+-evidence\.zip$/);
    // The seat is shown the pack's name, never where the server keeps it.
    expect(status.result!.path).toBe(download.fileName);
    const left = Date.parse(download.expiresAt) - c.t.app.clock.now().getTime();
    expect(left).toBeLessThanOrEqual(60 * 60_000);
    expect(left).toBeGreaterThan(59 * 60_000);
    const folder = fs.statSync(path.join(vault.dir, 'seat-exports'));
    expect(folder.mode & 0o777).toBe(0o700);
    expect(folderFiles(vault, 'seat-exports')).toEqual([download.fileName]);

    const seq = vault.audit.head()!.seq;
    const to = path.join(c.t.root, 'downloaded.zip');
    const got = await office.downloadPack(download.token, to);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/zip');
    expect(got.headers['cache-control']).toBe('no-store');
    expect(got.headers['content-disposition']).toContain(`filename="${download.fileName}"`);
    expect(got.bytes).toBe(download.bytes);
    expect(fs.statSync(to).size).toBe(download.bytes);
    const v = await verifyPack({ path: to }, { expected: { fingerprint: vault.settings.signingKey()!.fingerprint, confirmation: 'given_fingerprint' } });
    expect(v).toMatchObject({ ok: true, verdict: 'verified', problems: [] });

    // Audited as the seat's own act, and the server keeps no copy once it is down.
    const downloaded = await eventsAfter(vault, seq, 'evidence.downloaded');
    expect(downloaded).toHaveLength(1);
    expect(downloaded[0]!.seatId).toBe(office.server.deviceId);
    expect(folderFiles(vault, 'seat-exports')).toEqual([]);
    // Once: the token is spent.
    const again = await office.downloadPack(download.token, path.join(c.t.root, 'again.zip'));
    expect(again.status).toBe(404);
    expect(fs.existsSync(path.join(c.t.root, 'again.zip'))).toBe(false);
    expect(value<Out<'evidence.progress'>>(await office.call('evidence.progress', { jobId: status.jobId })).download).toBeNull();
  }, 90_000);

  it('another seat, even signed in as the same administrator, cannot fetch it, and the attempt is audited', async () => {
    const { c, office, patientId } = await adminAtSeat();
    const vault = c.t.app.vault!;
    const status = await exportAtSeat(office, patientId);
    const token = status.download!.token;
    const other = await c.seat('Back office PC');
    await signInAt(other, ADMIN);
    // The other seat's view of the same job carries no download.
    expect(value<Out<'evidence.progress'>>(await other.call('evidence.progress', { jobId: status.jobId })).download).toBeNull();
    const seq = vault.audit.head()!.seq;
    const stolen = await other.downloadPack(token, path.join(c.t.root, 'stolen.zip'));
    expect(stolen.status).toBe(404);
    expect(errorKey(stolen.error!)).toBe('errors.not_found');
    const refused = await eventsAfter(vault, seq, 'seat.request_refused');
    expect(refused.map((e) => [e.details.reason, e.seatId])).toEqual([['download_another_seat', other.server.deviceId]]);
    expect(JSON.stringify(refused)).not.toContain(token);
    // The pack still waits for its own seat.
    expect((await office.downloadPack(token, path.join(c.t.root, 'mine.zip'))).status).toBe(200);
  }, 90_000);

  it('a token past its hour fails and its file is removed', async () => {
    const clock = new ManualClock();
    const { c, office, patientId } = await adminAtSeat({ clock });
    const vault = c.t.app.vault!;
    const status = await exportAtSeat(office, patientId);
    clock.advance(60 * 60_000 + 1000);
    // The hour also idled the session: unlock it, so only the token's age can refuse the download.
    await office.call('session.heartbeat', {});
    value(await office.call('session.unlock', { password: ADMIN.password }));
    const seq = vault.audit.head()!.seq;
    const late = await office.downloadPack(status.download!.token, path.join(c.t.root, 'late.zip'));
    expect(late.status).toBe(404);
    expect((await eventsAfter(vault, seq, 'seat.request_refused')).map((e) => e.details.reason)).toEqual(['download_expired']);
    expect(folderFiles(vault, 'seat-exports')).toEqual([]);
  }, 90_000);

  it('a seat may not name a server path; the desk still must', async () => {
    const { c, office, patientId } = await adminAtSeat();
    const withPath = await office.call('evidence.startExport', { patientId, scope: { type: 'patient' }, kind: 'lawyer', locale: 'en', destination: path.join(c.t.root, 'pack.zip') });
    expect(withPath.ok ? null : withPath.error).toMatchObject({ code: 'rule_violation', messageKey: 'evidence.errors.serverPathFromSeat' });
    const atDesk = await c.t.call('evidence.startExport', { patientId, scope: { type: 'patient' }, kind: 'lawyer', locale: 'en' });
    expect(atDesk.ok ? null : atDesk.error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['destination'], messageKey: 'validation.required' }] });
    // The seat is shown no server folder.
    expect(value<Out<'evidence.hostInfo'>>(await office.call('evidence.hostInfo', {}))).toMatchObject({ canChooseFiles: false, defaultDirectory: '' });
    expect(fs.existsSync(path.join(c.t.root, 'pack.zip'))).toBe(false);
  }, 60_000);
});

describe('files belong to the seat: a pack to verify goes up from the seat', () => {
  it('a seat uploads a pack, verifies it by its upload id, and the server keeps nothing after', async () => {
    const { c, office, patientId } = await adminAtSeat({ verifyUploadMaxBytes: 8 * 1024 * 1024 });
    const vault = c.t.app.vault!;
    const status = await exportAtSeat(office, patientId);
    const pack = path.join(c.t.root, 'pack.zip');
    expect((await office.downloadPack(status.download!.token, pack)).status).toBe(200);

    const up = await office.uploadPack(pack);
    expect(up.status).toBe(200);
    const { uploadId } = value<{ uploadId: string }>(up.result);
    expect(folderFiles(vault, 'seat-uploads')).toEqual([`${uploadId}.zip`]);
    // Another seat cannot use it.
    const other = await c.seat('Back office PC');
    await signInAt(other, ADMIN);
    expect(errorKey(await other.call('evidence.startVerify', { source: { kind: 'upload', uploadId } }))).toBe('evidence.errors.uploadNotFound');

    const beforeVerify = vault.audit.head()!.seq;
    const verified = await verifyAtSeat(office, { kind: 'upload', uploadId });
    expect(verified).toMatchObject({ kind: 'evidence.verify', state: 'done', result: { ok: true, verdict: 'verified', signedByThisVault: true } });
    expect((await eventsAfter(vault, beforeVerify, 'evidence.verified')).map((e) => e.seatId)).toEqual([office.server.deviceId]);
    expect(folderFiles(vault, 'seat-uploads')).toEqual([]);
    // Used once: a second verify of the same upload finds nothing.
    expect(errorKey(await office.call('evidence.startVerify', { source: { kind: 'upload', uploadId } }))).toBe('evidence.errors.uploadNotFound');
  }, 90_000);

  it('an upload over the cap gets 413, whether declared or counted, and leaves no file', async () => {
    const { c, office } = await adminAtSeat({ verifyUploadMaxBytes: 256 * 1024 });
    const vault = c.t.app.vault!;
    const big = path.join(c.t.root, 'big.zip');
    fs.writeFileSync(big, Buffer.alloc(1024 * 1024, 7));
    const seq = vault.audit.head()!.seq;
    const declared = await office.uploadPack(big);
    expect(declared.status).toBe(413);
    expect(errorKey(declared.result)).toBe('validation.tooBig');
    const counted = await office.uploadPack(big, { chunked: true });
    expect(counted.status).toBe(413);
    expect(folderFiles(vault, 'seat-uploads')).toEqual([]);
    const refused = await eventsAfter(vault, seq, 'seat.request_refused');
    expect(refused.map((e) => e.details.reason)).toContain('body_too_big');
    // The seat still works after the refused upload.
    expect((await office.call('session.heartbeat', {})).ok).toBe(true);
  }, 60_000);

  it('one pack at a time per device: a second upload while the first streams in is refused, and the first then lands', async () => {
    const { c, office } = await adminAtSeat();
    const vault = c.t.app.vault!;
    const url = new URL('/api/verify-upload', office.server.origin);
    const headers = { Host: url.host, 'Content-Type': 'application/zip', 'Content-Length': String(64 * 1024), 'x-consentvault-device': office.server.credential, 'x-consentvault-session': office.sessionId! };
    let answered: (status: number) => void = () => undefined;
    const firstAnswer = new Promise<number>((resolve) => (answered = resolve));
    const first = http.request(url, { method: 'POST', agent: false, headers }, (res) => {
      res.resume();
      res.once('end', () => answered(res.statusCode ?? 0));
    });
    first.write(Buffer.alloc(1024, 1));
    await new Promise((r) => setTimeout(r, 300));
    const small = path.join(c.t.root, 'second.zip');
    fs.writeFileSync(small, Buffer.alloc(2048, 2));
    const second = await office.uploadPack(small);
    expect(second.status).toBe(429);
    expect(errorKey(second.result)).toBe('evidence.errors.uploadBusy');
    first.end(Buffer.alloc(63 * 1024, 1));
    expect(await firstAnswer).toBe(200);
    expect(folderFiles(vault, 'seat-uploads')).toHaveLength(1);
    // Done streaming: the device may send the next one.
    expect((await office.uploadPack(small)).status).toBe(200);
  });

  it('a path on the server is refused from a seat, and an upload needs a signed-in seat', async () => {
    const { c, office } = await adminAtSeat();
    const r = await office.call('evidence.startVerify', { source: { path: path.join(c.t.vaultDir, 'anything.zip') } });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'rule_violation', messageKey: 'evidence.errors.serverPathFromSeat' });
    const stranger = await c.seat('Hallway PC');
    const small = path.join(c.t.root, 'small.zip');
    fs.writeFileSync(small, Buffer.from('PK'));
    expect((await stranger.uploadPack(small)).status).toBe(401);
    expect(folderFiles(c.t.app.vault!, 'seat-uploads')).toEqual([]);
  }, 60_000);
});
