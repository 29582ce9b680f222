import { spawnSync } from 'node:child_process';
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
