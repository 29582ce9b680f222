import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Out } from '../../shared/api';
import { VERIFY_UPLOAD_MAX_BYTES } from '../../shared/schemas/evidence';
import { AppCore, fileConfigStore } from '../../electron/app-core';
import { verifyPack } from '../../electron/evidence/verify';
import { createRouter } from '../../electron/router';
import { createDeskBridge, type DeskBridge } from '../../electron/server/desk-bridge';
import { ADMIN } from '../support/app';
import { VALID_INPUTS } from '../support/channels';
import { answerValue, type ServedClinic, servedClinic } from '../support/clinic-server';

/**
 * Files belong to the seat, on a desktop that is a seat of the clinic server: its window names local files (the
 * save dialog, a pack to open) as the desk's does, and the bridge turns them into the seat's download and upload.
 * The server is never sent a path.
 */
let served: ServedClinic | null = null;
const dirs: string[] = [];
const bridges: DeskBridge[] = [];

afterEach(async () => {
  for (const b of bridges.splice(0)) b.close();
  await served?.close();
  served = null;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const value = answerValue;
const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

interface SentToServer {
  channel: string;
  input: unknown;
}

/**
 * A clinic served over HTTPS with one patient, and a desktop paired with it, the administrator signed in there.
 * Every call the server's router gets from that desktop is recorded (and the server's own copy of a pack hashed
 * the moment its download is offered, before the desktop takes it and the server removes it).
 */
async function deskOfTheClinic() {
  served = await servedClinic({ tls: true });
  const c = served;
  const patient = await c.t.ok('patients.create', VALID_INPUTS['patients.create'] as Parameters<typeof c.t.ok<'patients.create'>>[1]);
  const local = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-desk-files-'));
  dirs.push(local);
  const packs = path.join(local, 'Packs');
  fs.mkdirSync(packs);
  const dialogs = { save: path.join(packs, 'chosen-pack.zip'), open: path.join(packs, 'chosen-pack.zip'), suggested: [] as string[] };
  const app = new AppCore({
    config: fileConfigStore(path.join(local, 'config')),
    host: {
      defaultVaultPath: path.join(local, 'Documents', 'ConsentVault'),
      chooseSaveFile: async (suggestedName) => (dialogs.suggested.push(suggestedName), dialogs.save),
      chooseOpenFile: async () => dialogs.open,
    },
  });
  const bridge = createDeskBridge(app, createRouter(app));
  bridges.push(bridge);
  const issued = await c.code('律師窗口電腦', 'desktop');
  value(await bridge.call('setup.connectToServer', { address: c.server.origin, code: issued.code }));
  const paired = app.config.load().clinicServer!;
  value(await bridge.call('session.signIn', { loginId: ADMIN.name, password: ADMIN.password }));

  const sent: SentToServer[] = [];
  const serverCopies = new Map<string, string>();
  const vault = c.t.app.vault!;
  const original = c.t.router.call.bind(c.t.router);
  c.t.router.call = async (channel, input, caller) => {
    if (caller?.seat.deviceId === paired.deviceId) sent.push({ channel: String(channel), input });
    const r = await original(channel, input, caller);
    if (channel === 'evidence.progress' && r.ok) {
      const download = (r.value as Out<'evidence.progress'>).download;
      if (download) serverCopies.set(download.fileName, sha256(path.join(vault.dir, 'seat-exports', download.fileName)));
    }
    return r;
  };
  return { c, bridge, patientId: patient.id, local, packs, dialogs, sent, serverCopies, vault };
}

async function exportAtDesk(bridge: DeskBridge, patientId: string, destination: string) {
  const { jobId } = value<{ jobId: string }>(await bridge.call('evidence.startExport', { patientId, scope: { type: 'patient' }, kind: 'lawyer', locale: 'en', destination }));
  const phases: string[] = [];
  const until = Date.now() + 60_000;
  for (;;) {
    const status = value<Out<'evidence.progress'>>(await bridge.call('evidence.progress', { jobId }));
    phases.push(status.phase);
    if (status.state !== 'running') return { status, phases };
    if (Date.now() > until) throw new Error('export still running');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function verifyAtDesk(bridge: DeskBridge, source: unknown): Promise<Out<'jobs.status'>> {
  const { jobId } = value<{ jobId: string }>(await bridge.call('evidence.startVerify', { source }));
  const until = Date.now() + 60_000;
  for (;;) {
    const status = value<Out<'jobs.status'>>(await bridge.call('jobs.status', { jobId }));
    if (status.state !== 'queued' && status.state !== 'running') return status;
    if (Date.now() > until) throw new Error('verify still running');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function eventually<T>(probe: () => T | null): Promise<T> {
  const until = Date.now() + 5000;
  for (;;) {
    const found = probe();
    if (found !== null) return found;
    if (Date.now() > until) throw new Error('not within 5 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** No call the server got from the desktop names a file: no destination, no path, nothing of this computer's folders. */
function expectNoPathSent(sent: SentToServer[], local: string): void {
  for (const s of sent) {
    const text = JSON.stringify(s.input) ?? '';
    expect(text).not.toContain(local);
    expect(text).not.toContain('"destination"');
    expect(text).not.toContain('"path"');
  }
}

describe('a desktop that is a seat: evidence files stay on this computer', () => {
  it('shows its own folder and dialogs, exports on the server and saves the pack where the person chose, byte for byte the server’s', async () => {
    const d = await deskOfTheClinic();
    const host = value<Out<'evidence.hostInfo'>>(await d.bridge.call('evidence.hostInfo', {}));
    expect(host).toEqual({ canChooseFiles: true, defaultDirectory: path.join(d.local, 'Documents'), maxUploadBytes: VERIFY_UPLOAD_MAX_BYTES });

    const preview = value<Out<'evidence.preview'>>(await d.bridge.call('evidence.preview', { patientId: d.patientId, scope: { type: 'patient' }, kind: 'lawyer' }));
    const chosen = value<{ path: string | null }>(await d.bridge.call('evidence.chooseDestination', { suggestedName: preview.suggestedFileName }));
    expect(d.dialogs.suggested).toEqual([preview.suggestedFileName]);
    expect(chosen.path).toBe(d.dialogs.save);

    const { status, phases } = await exportAtDesk(d.bridge, d.patientId, chosen.path!);
    expect(status.state).toBe('done');
    // The window is told where the pack is on this computer; there is no download left for it to follow.
    expect(status.result!.path).toBe(d.dialogs.save);
    expect(status.download).toBeNull();
    expect(phases).toContain('downloading');

    // Byte for byte the pack the server made, and nothing else left in the folder (no partial file).
    expect(fs.readdirSync(d.packs)).toEqual(['chosen-pack.zip']);
    expect([...d.serverCopies.values()]).toEqual([sha256(d.dialogs.save)]);
    expect(fs.statSync(d.dialogs.save).size).toBe(status.result!.bytes);
    const v = await verifyPack({ path: d.dialogs.save }, { expected: { fingerprint: d.vault.settings.signingKey()!.fingerprint, confirmation: 'given_fingerprint' } });
    expect(v).toMatchObject({ ok: true, verdict: 'verified' });
    // The server keeps no copy once it is down, and the export ran as the seat's (its pack in seat-exports).
    expect(fs.readdirSync(path.join(d.vault.dir, 'seat-exports'))).toEqual([]);
    expect(d.sent.find((s) => s.channel === 'evidence.startExport')?.input).toEqual({ patientId: d.patientId, scope: { type: 'patient' }, kind: 'lawyer', locale: 'en' });
    // Asked again, the window still sees its local file (the server's token is spent).
    expect(value<Out<'evidence.progress'>>(await d.bridge.call('evidence.progress', { jobId: status.jobId })).result!.path).toBe(d.dialogs.save);
    expectNoPathSent(d.sent, d.local);
  }, 120_000);

  it('refuses a destination whose folder is missing or whose file exists, before anything reaches the server', async () => {
    const d = await deskOfTheClinic();
    const missing = await d.bridge.call('evidence.startExport', { patientId: d.patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: path.join(d.local, 'nowhere', 'p.zip') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['destination'], messageKey: 'evidence.errors.folderMissing' }] } });
    const taken = path.join(d.packs, 'taken.zip');
    fs.writeFileSync(taken, 'mine');
    const exists = await d.bridge.call('evidence.startExport', { patientId: d.patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: taken });
    expect(exists).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: ['destination'], messageKey: 'evidence.errors.fileExists' }] } });
    const none = await d.bridge.call('evidence.startExport', { patientId: d.patientId, scope: { type: 'patient' }, kind: 'lawyer' });
    expect(none).toMatchObject({ ok: false, error: { issues: [{ path: ['destination'], messageKey: 'validation.required' }] } });
    expect(d.sent.filter((s) => s.channel.startsWith('evidence.'))).toEqual([]);
    expect(fs.readFileSync(taken, 'utf8')).toBe('mine');
    expect(d.vault.db.prepare(`SELECT COUNT(*) AS n FROM audit_events WHERE action = 'evidence.export_started'`).get()).toEqual({ n: 0 });
  }, 120_000);

  it('verifies a pack of this computer by streaming it up, whether chosen (or typed) or dropped, and never names its path', async () => {
    const d = await deskOfTheClinic();
    const { status } = await exportAtDesk(d.bridge, d.patientId, path.join(d.packs, 'to-check.zip'));
    expect(status.state).toBe('done');
    d.dialogs.open = path.join(d.packs, 'to-check.zip');

    const chosen = value<{ path: string | null }>(await d.bridge.call('evidence.choosePack', {}));
    const byChoice = await verifyAtDesk(d.bridge, { path: chosen.path });
    expect(byChoice).toMatchObject({ kind: 'evidence.verify', state: 'done', result: { ok: true, verdict: 'verified', signer: { matches: true } } });

    const dropped = await verifyAtDesk(d.bridge, { fileName: 'to-check.zip', dataBase64: fs.readFileSync(d.dialogs.open).toString('base64') });
    expect(dropped).toMatchObject({ state: 'done', result: { verdict: 'verified' } });

    // Each went up as an upload the server's verify names by id; the server's upload folder is empty after.
    const verifies = d.sent.filter((s) => s.channel === 'evidence.startVerify').map((s) => s.input as { source: { kind?: string; uploadId?: string } });
    expect(verifies).toHaveLength(2);
    for (const v of verifies) expect(v.source).toEqual({ kind: 'upload', uploadId: expect.any(String) });
    // The verify jobs' end (audit, removing the upload) runs just after their status says done.
    const audited = await eventually(() => {
      const rows = d.vault.db.prepare(`SELECT details FROM audit_events WHERE action = 'evidence.verified' ORDER BY seq`).all() as { details: string }[];
      return rows.length === 2 && fs.readdirSync(path.join(d.vault.dir, 'seat-uploads')).length === 0 ? rows : null;
    });
    expect(audited.map((a) => (JSON.parse(a.details) as { source: string }).source)).toEqual(['seat_upload', 'seat_upload']);

    // A path that is no file here is answered here.
    const before = d.sent.length;
    expect(await d.bridge.call('evidence.startVerify', { source: { path: path.join(d.packs, 'gone.zip') } })).toEqual({ ok: false, error: { code: 'not_found', messageKey: 'evidence.errors.packNotFound' } });
    expect(d.sent.length).toBe(before);
    expectNoPathSent(d.sent, d.local);
  }, 120_000);
});
