import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppCore, fileConfigStore } from '../../electron/app-core';
import { createRouter } from '../../electron/router';
import { createDeskBridge } from '../../electron/server/desk-bridge';
import { answerValue, type ServedClinic, servedClinic } from '../support/clinic-server';
import { NURSE } from '../support/staff';

/**
 * The desktop app set up with "Connect to the clinic's server": the same bridge Electron's main process uses,
 * driven in plain Node. It pairs once (the code proves the certificate, which is then pinned), and from then on
 * the renderer's one call goes to the server.
 */
let served: ServedClinic | null = null;
const dirs: string[] = [];

function clientDesk() {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-desk-client-'));
  dirs.push(configDir);
  const app = new AppCore({ config: fileConfigStore(configDir), host: { defaultVaultPath: path.join(configDir, 'vault') } });
  return { app, configDir, bridge: createDeskBridge(app, createRouter(app)) };
}

const value = answerValue;

afterEach(async () => {
  await served?.close();
  served = null;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('a desktop that is a seat of the clinic server', () => {
  it('pairs over HTTPS with a one-time code, keeps the pinned certificate, and then works on the server’s records', async () => {
    served = await servedClinic({ tls: true });
    const issued = await served.code('諮詢室電腦', 'desktop');
    const desk = clientDesk();
    const paired = value(await desk.bridge.call('setup.connectToServer', { address: served.server.origin, code: issued.code })) as { certificateSha256: string | null };
    expect(paired.certificateSha256).toBe(served.server.status().certificateSha256);

    // Kept in this computer's settings: the address, the device credential and the certificate.
    const config = JSON.parse(fs.readFileSync(path.join(desk.configDir, 'config.json'), 'utf8')) as { vaultPath: null; clinicServer: { origin: string; certificatePem: string } };
    expect(config.clinicServer.origin).toBe(served.server.origin);
    expect(config.clinicServer.certificatePem).toContain('BEGIN CERTIFICATE');

    const status = value(await desk.bridge.call('app.status', {})) as { setupRequired: boolean; vaultPath: string | null; connectedTo: { origin: string } | null; seat: { kind: string } };
    expect(status).toMatchObject({ setupRequired: false, vaultPath: null, connectedTo: { origin: served.server.origin }, seat: { kind: 'desktop' } });

    value(await desk.bridge.call('session.signIn', { loginId: NURSE.name, password: NURSE.password }));
    const me = value(await desk.bridge.call('session.heartbeat', {})) as { staff: { name: string } };
    expect(me.staff.name).toBe(NURSE.name);
    // The desk at the server is still signed in as the administrator: two seats, two people.
    expect(served.t.app.session?.staff.role).toBe('admin');
    expect(served.t.app.sessions.all().map((s) => s.seat.name).sort()).toEqual([served.t.app.deskCaller.seat.name, '諮詢室電腦'].sort());

    // A second pairing of the same computer is refused.
    expect(await desk.bridge.call('setup.connectToServer', { address: served.server.origin, code: issued.code })).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'seats.errors.alreadyConnected' } });
  }, 60_000);

  it('refuses a wrong code and writes nothing on this computer', async () => {
    served = await servedClinic({ tls: true });
    const desk = clientDesk();
    const r = await desk.bridge.call('setup.connectToServer', { address: served.server.origin, code: 'ABCDE-FGHJK' });
    expect(r.ok).toBe(false);
    expect(fs.existsSync(path.join(desk.configDir, 'config.json'))).toBe(false);
  }, 60_000);

  it('answers "server unavailable" when the server is gone', async () => {
    served = await servedClinic({ tls: false });
    const issued = await served.code('護理站電腦', 'desktop');
    const desk = clientDesk();
    value(await desk.bridge.call('setup.connectToServer', { address: served.server.origin, code: issued.code }));
    value(await desk.bridge.call('session.signIn', { loginId: NURSE.name, password: NURSE.password }));
    await served.server.close();
    expect(await desk.bridge.call('patients.search', { query: '', limit: 5 })).toEqual({ ok: false, error: { code: 'internal', messageKey: 'seats.errors.serverUnavailable' } });
  }, 60_000);
});
