import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_PASSWORD } from '../../electron/demo/seed';
import { tempDir } from '../support/app';

const ROOT = path.resolve(__dirname, '../..');
const BIN = 'bin/consentvault.mjs';
const ENV: NodeJS.ProcessEnv = { ...process.env, CONSENTVAULT_PASSWORD: DEFAULT_DEMO_PASSWORD, CONSENTVAULT_LANG: 'en' };
// The demo's own password and its first administrator, whatever the calling shell has set.
delete ENV.CONSENTVAULT_NEW_PASSWORD;
delete ENV.CONSENTVAULT_USER;

/** What an uncaught write error looks like on stderr. */
const CRASH = /EPIPE|Error|^\s+at /m;

/** Runs `consentvault ARGS | READER` in bash with pipefail, so the CLI's own exit status is the pipeline's. */
function piped(args: string[], reader: string) {
  return spawnSync('bash', ['-c', `set -o pipefail; node ${BIN} "$@" | ${reader}`, 'consentvault', ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 60_000 });
}

/** Runs the CLI with one of its output pipes closed by the reader before anything is written to it. */
function withClosedReader(args: string[], closed: 'stdout' | 'stderr'): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child[closed].destroy();
    if (closed !== 'stdout') child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    if (closed !== 'stderr') child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('consentvault with a reader that stops early', () => {
  let vault: string;

  beforeAll(() => {
    vault = path.join(tempDir('cv-pipe-'), 'vault');
    const demo = spawnSync(process.execPath, [BIN, 'demo', '--vault', vault, '--seed', '3', '--patients', '12'], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 110_000 });
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
  }, 120_000);

  it('patients list | head -1 prints the header line and exits 0 without a stack trace', () => {
    const r = piped(['patients', 'list', '--vault', vault, '--limit', '200'], 'head -1');
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('CHART\tNAME\tAGE\tCONSULTATIONS\n');
  });

  it('consents list into a reader that exits at once (a certain EPIPE) exits 0 without a stack trace', () => {
    const r = piped(['consents', 'list', '--vault', vault], 'true');
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('finishes the command when stdout is closed, so it still signs out and leaves an intact audit chain', async () => {
    const r = await withClosedReader(['patients', 'list', '--vault', vault, '--limit', '200', '--json'], 'stdout');
    expect(r.stderr).not.toMatch(CRASH);
    expect(r).toMatchObject({ code: 0, signal: null, stderr: '' });
    const audit = spawnSync(process.execPath, [BIN, 'audit', 'verify', '--vault', vault], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 60_000 });
    expect(audit.stderr).toBe('');
    expect(audit.status).toBe(0);
    expect(audit.stdout).toMatch(/^Audit chain intact: \d+ events/);
  });

  it('keeps a failure’s own exit status when stderr is closed and the message cannot be shown', async () => {
    const r = await withClosedReader(['patients', 'list', '--vault', vault, '--as', '不存在的人'], 'stderr');
    // 3 is the credentials failure; an uncaught EPIPE would have ended the process with 1.
    expect(r).toMatchObject({ code: 3, signal: null, stdout: '' });
  });
});
