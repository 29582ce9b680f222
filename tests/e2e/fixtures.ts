import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

/** One browser host per test: a fresh temp config dir (so a fresh vault), its URL with the token. */
export interface BrowserHostHandle {
  /** `http://127.0.0.1:PORT/#token=HEX` as printed by the host. */
  url: string;
  configDir: string;
  /** What the host printed so far (for failure messages). */
  output: () => string;
}

const URL_LINE = /ConsentVault browser host: (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/;
const START_TIMEOUT_MS = 30_000;

export async function startHost(configDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/browser-host/main.ts', '--config-dir', configDir, '--port', '0'],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  let out = '';
  const output = () => out;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start in time:\n${out}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = URL_LINE.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited (code ${code}) before printing its URL:\n${out}`));
    });
  });
  return { child, url, output };
}

export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ host: BrowserHostHandle }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  host: async ({}, use) => {
    const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consentvault-e2e-'));
    const { child, url, output } = await startHost(configDir);
    try {
      await use({ url, configDir, output });
    } finally {
      await stopHost(child);
      fs.rmSync(configDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Calls a channel through the renderer's own bridge, as the page would. */
export function callFromPage(page: Page, channel: string, input: unknown) {
  return page.evaluate(
    async ([c, i]) => {
      const bridge = (window as unknown as { consentVault: { call(c: string, i: unknown): Promise<unknown> } })
        .consentVault;
      return bridge.call(c as string, i);
    },
    [channel, input] as const,
  ) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; messageKey: string } }>;
}
