import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelName, In, Out } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import { AppCore, fixedConfigStore } from '../../electron/app-core';
import { createRouter } from '../../electron/router';
import type { Clock } from '../../electron/store/vault';

/** A clock the test moves by hand (idle lock, lockout back-off). */
export class ManualClock implements Clock {
  private t: number;
  constructor(start = '2026-11-23T01:00:00.000Z') {
    this.t = Date.parse(start);
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export function tempDir(prefix = 'cv-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const ADMIN = { name: '林雅婷', password: 'Clinic-Admin-2026' };
export const CLINIC_NAME = '美麗人生醫美診所';

export interface TestAppOptions {
  clock?: Clock;
  /** The vault folder (default: `vault` inside a fresh temp folder). */
  vaultDir?: string;
  /**
   * The installation already knows this vault folder (as after set-up and an app restart): the config
   * store starts with `vaultDir` instead of null. Use it for a second AppCore over the same vault.
   */
  configured?: boolean;
  /** Keep a job worker started ahead while the vault is open, as the desktop app and the clinic server do. */
  spareJobWorker?: boolean;
}

/** A real app core and router over a real vault in a temp folder, as Electron would have it. */
export function makeTestApp(opts: TestAppOptions = {}) {
  const root = tempDir();
  const vaultDir = opts.vaultDir ?? path.join(root, 'vault');
  const app = new AppCore({
    config: fixedConfigStore(opts.configured ? vaultDir : null),
    host: { defaultVaultPath: vaultDir },
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.spareJobWorker ? { spareJobWorker: true } : {}),
  });
  const router = createRouter(app, { checkOutput: true, logError: () => undefined });
  async function call<C extends ChannelName>(channel: C, input: In<C>): Promise<ApiResult<Out<C>>> {
    return (await router.call(channel, input)) as ApiResult<Out<C>>;
  }
  async function ok<C extends ChannelName>(channel: C, input: In<C>): Promise<Out<C>> {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  }
  async function setup(): Promise<string> {
    const r = await ok('setup.createVault', {
      clinicName: CLINIC_NAME,
      timeZone: 'Asia/Taipei',
      vaultDir,
      adminName: ADMIN.name,
      adminPassword: ADMIN.password,
    });
    return r.recoveryCode;
  }
  /** Signs in and returns the raw answer (so tests can assert failures). */
  function signIn(name: string, password: string) {
    return call('session.signIn', { loginId: name, password });
  }
  /** Signs out if someone is signed in; closes the vault either way. */
  async function signOut(): Promise<void> {
    if (app.session) await ok('session.signOut', {});
    app.closeVault();
  }
  /** Removes the temp folder (and the vault in it, unless the vault lives elsewhere). */
  function dispose(): void {
    app.closeVault();
    fs.rmSync(root, { recursive: true, force: true });
  }
  return { app, router, call, ok, setup, signIn, signOut, dispose, vaultDir, root };
}

export type TestApp = ReturnType<typeof makeTestApp>;

/** Waits for a job the test started (through `jobs.status`, as the screen does) and returns its last status. */
export async function waitForJob(t: Pick<TestApp, 'ok'>, jobId: string, timeoutMs = 60_000): Promise<Out<'jobs.status'>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await t.ok('jobs.status', { jobId });
    if (status.state !== 'queued' && status.state !== 'running') return status;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${status.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Verifies a pack inside the app (the job runner) and returns the verification as the screen shows it. */
export async function verifyInApp(t: Pick<TestApp, 'ok'>, source: In<'evidence.startVerify'>['source']) {
  const { jobId } = await t.ok('evidence.startVerify', { source });
  const status = await waitForJob(t, jobId);
  if (status.kind !== 'evidence.verify' || status.state !== 'done' || !status.result) throw new Error(`verification ${status.state}: ${status.errorKey ?? ''}`);
  return status.result;
}
