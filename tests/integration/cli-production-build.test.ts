import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_PASSWORD } from '../../electron/demo/seed';
import { tempDir } from '../support/app';

const ROOT = path.resolve(__dirname, '../..');
const ADMIN_PASSWORD = 'Clinic-Admin-2026';
// Packing and installing from the npm cache takes seconds here; the limit only bounds a registry that hangs.
const INSTALL_TIMEOUT_MS = 180_000;
const SKIP = process.env.CONSENTVAULT_SKIP_PACK_TEST === '1';
if (SKIP) console.log('cli-production-build: skipped because CONSENTVAULT_SKIP_PACK_TEST=1 (npm pack + npm install --omit=dev not run)');

/** The environment without npm's own variables (a run under `npm test` must not steer the install) or ours. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && !k.startsWith('CONSENTVAULT_')));
  return { ...env, CONSENTVAULT_LANG: 'en', ...extra };
}

function must(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  if (r.error) throw new Error(`${what}: ${r.error.message}${r.error.message.includes('ETIMEDOUT') ? ' (set CONSENTVAULT_SKIP_PACK_TEST=1 to skip this test)' : ''}`);
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

describe.skipIf(SKIP)('consentvault installed with production dependencies only', () => {
  let work: string;
  let install: string;
  let cli: string;
  /** Runs the installed CLI from a folder outside the project, so nothing is found through the checkout. */
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(cli, args, { cwd: work, env: cleanEnv({ CONSENTVAULT_DEBUG: '1', ...env }), encoding: 'utf8', timeout: 120_000 });

  beforeAll(() => {
    work = tempDir('cv-pack-');
    must(spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }), 'npm run build:cli');
    const packed = must(spawnSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 120_000 }), 'npm pack');
    const tarball = path.join(work, packed.stdout.trim().split('\n').pop()!.trim());
    install = path.join(work, 'clinic-pc');
    fs.mkdirSync(install);
    fs.writeFileSync(path.join(install, 'package.json'), JSON.stringify({ name: 'clinic-pc', version: '1.0.0', private: true }));
    must(
      spawnSync('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: install, env: cleanEnv(), encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS }),
      'npm install --omit=dev',
    );
    cli = path.join(install, 'node_modules', '.bin', 'consentvault');
  }, 600_000);

  it('installs no build tools and no TypeScript sources', () => {
    const modules = path.join(install, 'node_modules');
    for (const devOnly of ['tsx', 'typescript', 'esbuild', 'electron', 'vite', 'vitest']) expect(fs.existsSync(path.join(modules, devOnly)), devOnly).toBe(false);
    const pkg = path.join(modules, 'consentvault');
    expect(fs.existsSync(path.join(pkg, 'dist/cli/consentvault.mjs'))).toBe(true);
    expect(fs.existsSync(path.join(pkg, 'resources/fonts/NotoSansHant-Regular.otf'))).toBe(true);
    expect(fs.existsSync(path.join(pkg, 'electron'))).toBe(false);
  });

  it('creates a vault and verifies its audit trail from the built CLI', { timeout: 120_000 }, () => {
    const vault = path.join(work, 'vault');
    const init = run(['init', '--vault', vault, '--clinic', '美麗人生醫美診所', '--admin-name', '林雅婷'], { CONSENTVAULT_NEW_PASSWORD: ADMIN_PASSWORD });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain(`Vault created at ${vault}`);
    expect(init.stderr).toContain(`running ${path.join(install, 'node_modules/consentvault/dist/cli/consentvault.mjs')}`);
    const verify = run(['audit', 'verify', '--vault', vault], { CONSENTVAULT_PASSWORD: ADMIN_PASSWORD });
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toContain('Audit trail verified.');

    // A backup runs in the job runner's worker thread: the built worker must be found next to the built CLI.
    const backups = path.join(work, 'usb-drive');
    fs.mkdirSync(backups);
    const backup = run(['backup', '--vault', vault, '--to', backups], { CONSENTVAULT_PASSWORD: ADMIN_PASSWORD });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('Backup verified:');
    expect(fs.readdirSync(backups)).toHaveLength(1);
  });

  it("writes an evidence pack whose PDF uses pdfkit's data files and the packaged CJK font, and verifies it", { timeout: 180_000 }, () => {
    const vault = path.join(work, 'demo');
    must(run(['demo', '--vault', vault, '--seed', '3', '--patients', '1']), 'consentvault demo');
    const pack = path.join(work, 'P000001.zip');
    const exported = run(['export', '--vault', vault, '--patient', 'P000001', '--out', pack], { CONSENTVAULT_PASSWORD: DEFAULT_DEMO_PASSWORD });
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/evidence\.pdf: +\d+ pages/);
    const verified = run(['verify', pack]);
    // 4: complete and unchanged, but no --fingerprint was given to confirm whose key signed it.
    expect(verified.status, verified.stdout + verified.stderr).toBe(4);
    expect(verified.stdout).toContain('Evidence pack intact');
  });

  it('serve, run from another folder, serves the screens installed beside it to browser seats, and says so when they are missing', { timeout: 120_000 }, async () => {
    const vault = path.join(work, 'served');
    must(run(['init', '--vault', vault, '--clinic', '美麗人生醫美診所', '--admin-name', '林雅婷'], { CONSENTVAULT_NEW_PASSWORD: ADMIN_PASSWORD }), 'consentvault init');
    const installed = path.join(install, 'node_modules', 'consentvault', 'dist', 'renderer');
    // A release packs the built screens (`npm run build` before `npm pack`); this test built only the CLI, so it
    // places a page there when the checkout had none to pack.
    if (!fs.existsSync(path.join(installed, 'index.html'))) {
      fs.mkdirSync(installed, { recursive: true });
      fs.writeFileSync(path.join(installed, 'index.html'), '<!doctype html><title>ConsentVault</title>');
    }
    const page = fs.readFileSync(path.join(installed, 'index.html'), 'utf8');

    const served = await serveFrom(work, ['--vault', vault, '--listen', '127.0.0.1:0'], { CONSENTVAULT_PASSWORD: ADMIN_PASSWORD });
    try {
      expect(served.output()).not.toContain('built screens were not found');
      const answer = await fetch(`${served.origin}/`);
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe(page);
    } finally {
      await served.stop();
    }

    const missing = path.join(work, 'no-screens');
    const without = await serveFrom(work, ['--vault', vault, '--listen', '127.0.0.1:0', '--renderer-dir', missing], { CONSENTVAULT_PASSWORD: ADMIN_PASSWORD });
    try {
      expect(without.output()).toContain(`The built screens were not found (${missing})`);
      expect((await fetch(`${without.origin}/`)).status).toBe(404);
    } finally {
      await without.stop();
    }
  });

  /** The installed `consentvault serve`, run from `cwd` until it says it is listening; `stop` sends SIGTERM. */
  async function serveFrom(cwd: string, args: string[], env: Record<string, string>): Promise<{ origin: string; output: () => string; stop: () => Promise<void> }> {
    const child = spawn(cli, ['serve', ...args], { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const until = Date.now() + 60_000;
    while (!/Press Ctrl\+C/.test(out)) {
      if (child.exitCode !== null || Date.now() > until) {
        child.kill('SIGKILL');
        throw new Error(`serve did not start: ${out}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return {
      origin: /Address: (\S+)/.exec(out)![1]!,
      output: () => out,
      stop: async () => {
        child.kill('SIGTERM');
        await exited;
      },
    };
  }
});
