import http from 'node:http';
import https from 'node:https';
import type { In, Out } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import type { DeviceKind } from '../../shared/schemas/seats';
import { ClinicClient, pairWithServer } from '../../electron/server/client';
import { startClinicServer, type ClinicServer } from '../../electron/server/server';
import type { Clock } from '../../electron/store/vault';
import { ADMIN, makeTestApp, type TestApp } from './app';
import { CONSULTANT, NURSE, PHYSICIAN } from './staff';

export interface ServedClinic {
  t: TestApp;
  server: ClinicServer;
  /** A new pairing code from the administrator signed in at the desk. */
  code(deviceName?: string, kind?: DeviceKind): Promise<Out<'seats.createPairingCode'>>;
  /** A new paired seat (a fresh code each time). */
  seat(deviceName: string, kind?: DeviceKind): Promise<ClinicClient>;
  close(): Promise<void>;
}

/**
 * A vault with a consultant, a nurse and a physician, the administrator signed in at the desk, and the clinic
 * server on 127.0.0.1 (HTTPS with `tls`), sharing the desk's router as the app does.
 */
export async function servedClinic(opts: { tls?: boolean; clock?: Clock; verifyUploadMaxBytes?: number } = {}): Promise<ServedClinic> {
  const t = makeTestApp(opts.clock ? { clock: opts.clock } : {});
  await t.setup();
  if (!t.app.session) await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  for (const s of [CONSULTANT, NURSE, PHYSICIAN]) await t.ok('staff.add', s);
  t.app.keepVaultOpen = true;
  const server = await startClinicServer({ app: t.app, router: t.router, vaultDir: t.vaultDir, listen: { host: '127.0.0.1', port: 0 }, forceTls: opts.tls ?? false, log: () => undefined, ...(opts.verifyUploadMaxBytes !== undefined ? { verifyUploadMaxBytes: opts.verifyUploadMaxBytes } : {}) });
  const code = (deviceName = 'Nurses station', kind: DeviceKind = 'desktop') => t.ok('seats.createPairingCode', { deviceName, kind });
  return {
    t,
    server,
    code,
    async seat(deviceName, kind = 'desktop') {
      const issued = await code(deviceName, kind);
      return new ClinicClient(await pairWithServer(server.origin, issued.code));
    },
    async close() {
      await server.close();
      t.app.keepVaultOpen = false;
      t.dispose();
    },
  };
}

/** Signs a seat in as one of the test staff; fails the test if refused. */
export async function signInAt(seat: ClinicClient, who: { name: string; password: string }): Promise<void> {
  const r = await seat.call('session.signIn', { loginId: who.name, password: who.password } satisfies In<'session.signIn'>);
  if (!r.ok) throw new Error(`sign-in of ${who.name} refused: ${JSON.stringify(r.error)}`);
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, as a hostile or unpaired device would send it (TLS: any certificate accepted, as a stranger would). */
export function rawRequest(origin: string, method: string, path: string, opts: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawAnswer> {
  const url = new URL(path, origin);
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(url, { method, headers: { Host: url.host, ...opts.headers }, rejectUnauthorized: false, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.once('error', reject);
    req.end(opts.body);
  });
}

export const errorKey = (r: ApiResult<unknown>): string | null => (r.ok ? null : r.error.messageKey);

/** A seat's answer's value; a refusal fails the test with the server's error. */
export function answerValue<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
