/**
 * "Share this vault with other seats" (Settings › Seats): the clinic server inside the app, started and stopped by
 * the administrator at the desk. Stopping it signs the other seats out: they cannot reach their sessions any more,
 * and a later start must not bring those sessions back. Loopback only here (the app itself listens on every
 * interface).
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ClinicClient, pairWithServer } from '../../electron/server/client';
import { inAppSharing } from '../../electron/server/in-app-sharing';
import { ADMIN, makeTestApp, type TestApp } from '../support/app';
import { errorKey, signInAt } from '../support/clinic-server';
import { NURSE } from '../support/staff';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) {
    await t.app.clinicServer?.stop();
    t.dispose();
  }
});

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('sharing the vault from the desk', () => {
  it('stopping sharing signs the other seats out (audited); started again, their old session ids open nothing', async () => {
    const t = makeTestApp();
    apps.push(t);
    await t.setup();
    if (!t.app.session) await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    await t.ok('staff.add', NURSE);
    t.app.clinicServer = inAppSharing({ app: t.app, router: t.router, rendererDir: null, host: '127.0.0.1' });
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const started = await t.ok('seats.startSharing', { port });
    expect(started.running).toBe(true);

    const code = await t.ok('seats.createPairingCode', { deviceName: 'Nurses station', kind: 'desktop' });
    const station = new ClinicClient(await pairWithServer(origin, code.code));
    await signInAt(station, NURSE);
    const staleSession = station.sessionId;
    expect(staleSession).not.toBeNull();
    expect((await t.ok('seats.sessions', {})).map((s) => s.staffName).sort()).toEqual([ADMIN.name, NURSE.name].sort());

    const seq = t.app.vault!.audit.head()!.seq;
    expect((await t.ok('seats.stopSharing', {})).running).toBe(false);
    const stopped = (await t.ok('audit.recent', { limit: 10 })).filter((e) => e.seq > seq && e.action === 'server.stopped');
    expect(stopped.map((e) => e.details)).toEqual([{ headless: false, sessionsEnded: 1 }]);
    expect((await t.ok('seats.sessions', {})).map((s) => s.staffName)).toEqual([ADMIN.name]);
    expect(t.app.keepVaultOpen).toBe(false);

    await t.ok('seats.startSharing', { port });
    // The paired seat still reaches the server, but its session ended with the sharing.
    expect(station.sessionId).toBe(staleSession);
    expect(errorKey(await station.call('patients.search', { query: '', limit: 5 }))).toBe('errors.unauthenticated');
    await signInAt(station, NURSE);
    expect((await station.call('patients.search', { query: '', limit: 5 })).ok).toBe(true);
  });
});
