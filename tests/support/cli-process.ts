import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI (`bin/consentvault.mjs`) in a process of its own, so a crash point can kill it with SIGKILL
 * exactly as `kill -9` would. The environment is the test's with CONSENTVAULT_* replaced by `env` only.
 */
export function runCliProcess(args: string[], env: Record<string, string> = {}): CliRun {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CONSENTVAULT_')));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/consentvault.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...base, CONSENTVAULT_LANG: 'en', ...env },
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Copies a closed vault folder (a fresh one per crash scenario, without repeating set-up). */
export function copyFolder(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** A `consentvault serve` process that has started listening, and what it printed. */
export interface ServeProcess {
  child: ChildProcess;
  origin: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `consentvault serve ARGS` as a process of its own (environment as runCliProcess) and waits, at most a
 * minute, until it says it listens. `started` hears the child at once, so the caller can stop it whatever happens.
 */
export async function startServeProcess(args: string[], env: Record<string, string>, started: (child: ChildProcess) => void): Promise<ServeProcess> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CONSENTVAULT_')));
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/consentvault.mjs'), 'serve', ...args], {
    cwd: ROOT,
    env: { ...base, CONSENTVAULT_LANG: 'en', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started(child);
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const until = Date.now() + 60_000;
  while (!/Press Ctrl\+C/.test(out)) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`serve did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, origin: /Address: (\S+)/.exec(out)![1]!, output: () => out, exited };
}
