import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/app';

const ROOT = path.resolve(__dirname, '../..');
const URL_LINE = /ConsentVault browser host: (http:\/\/127\.0\.0\.1:\d+)\/#token=[0-9a-f]{64}/;
// The renderer and dist/cli are rebuilt first when their sources changed (vite on two shared cores).
const START_TIMEOUT_MS = 240_000;

/** Resolves with the exit code, or null if the process is still running after `ms`. */
function exitWithin(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('npm start on a machine where Electron cannot show a window', () => {
  let child: ChildProcess | null = null;

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('starts the browser host, prints its address with the token, serves the app and stops on SIGTERM', { timeout: START_TIMEOUT_MS + 30_000 }, async () => {
    const configDir = path.join(tempDir('cv-npm-start-'), 'config');
    // No desktop session: Electron could not open a window here even if its binary were installed.
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const started = spawn(process.execPath, ['scripts/start.mjs', '--config-dir', configDir, '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let output = '';
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no address in time:\n${output}`)), START_TIMEOUT_MS);
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const m = URL_LINE.exec(output);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (code ${code}) before printing an address:\n${output}`));
      });
    });

    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toBe(fs.readFileSync(path.join(ROOT, 'dist/renderer/index.html'), 'utf8'));

    const t0 = Date.now();
    started.kill('SIGTERM');
    const code = await exitWithin(started, 10_000);
    expect(code, `npm start did not exit within 10 s of SIGTERM:\n${output}`).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    // The browser host it started is gone too, not left serving the vault in the background.
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });
});
