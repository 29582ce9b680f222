import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CLINIC_NAME, makeTestApp } from '../support/app';
import { NURSE } from '../support/staff';
import type { RawOutcome, SeatResult, SeatStep } from '../support/netns-seat';

// The clinic server and a seat on two hosts of their own: two network namespaces this test makes, joined by a veth
// pair with private addresses, so every request crosses a real (non-loopback) interface as on a clinic's network.

const ROOT = path.join(__dirname, '../..');
const BUILT_CLI = path.join(ROOT, 'dist/cli/consentvault.mjs');
/** The `consentvault` command itself: it runs the built CLI when that is no older than the sources. */
const COMMAND = path.join(ROOT, 'bin/consentvault.mjs');
const SEAT_SCRIPT = path.join(ROOT, 'tests/support/netns-seat.ts');
const PORT = 8443;
/** This test's namespaces: cv-srv-PID-XXXX, cv-seat-PID-XXXX (PID: the test process that made them). */
const OUR_NAMESPACE = /^cv-(?:srv|seat|probe)-(\d+)-[0-9a-f]{4}$/;
const IP_STEP_MS = 10_000;
const SERVER_START_MS = 60_000;
const SEAT_STEP_MS = 60_000;
const PATIENT = { chartNo: 'N0001', nameZh: '陳怡君', sex: 'female', birthDate: '1988-02-14', phone: '0912-111-222' } as const;

/** iproute2's `ip`, also where a PATH without the sbin folders would not find it. */
const IP = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].find((p) => fs.existsSync(p)) ?? 'ip';

function ip(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(IP, args, { encoding: 'utf8', timeout: IP_STEP_MS, killSignal: 'SIGKILL' });
}

function mustIp(args: string[]): void {
  const r = ip(args);
  if (r.error || r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.error?.message ?? (r.stderr.trim() || `exit ${r.status}`)}`);
}

const suffix = (): string => `${process.pid}-${randomBytes(2).toString('hex')}`;

/** Why this machine cannot make the two hosts (null: it can), found by trying exactly what the test does. */
function whyNoNamespaces(): string | null {
  if (process.platform !== 'linux') return `network namespaces are Linux only (this is ${process.platform})`;
  const ns = `cv-probe-${suffix()}`;
  const add = ip(['netns', 'add', ns]);
  if (add.error) return (add.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the `ip` command (iproute2) is not installed' : `ip netns add failed: ${add.error.message}`;
  if (add.status !== 0) return `ip netns add is not permitted here (${add.stderr.trim() || `exit ${add.status}`}); it needs root (CAP_SYS_ADMIN)`;
  try {
    const veth = ip(['-n', ns, 'link', 'add', 'cvprobe0', 'type', 'veth', 'peer', 'name', 'cvprobe1']);
    if (veth.status !== 0) return `no veth pair can be made here (${veth.stderr.trim() || `exit ${veth.status}`})`;
    return null;
  } finally {
    ip(['netns', 'del', ns]);
  }
}

const WHY_SKIPPED = whyNoNamespaces();
if (WHY_SKIPPED) console.log(`clinic-server-netns: skipped because ${WHY_SKIPPED}`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Ends what still runs inside one of our namespaces (only processes this test started there), then removes it. */
function removeNamespace(ns: string): void {
  const pids = ip(['netns', 'pids', ns]);
  for (const pid of pids.status === 0 ? pids.stdout.split(/\s+/).filter(Boolean).map(Number) : []) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  // The veth end inside goes with the namespace, and takes its peer along.
  ip(['netns', 'del', ns]);
}

const namespaces = (): string[] => ip(['netns', 'list']).stdout.split('\n').map((l) => l.split(' ')[0] ?? '').filter(Boolean);

/** Namespaces an earlier run left (its test process is gone: killed, or stopped by a timeout). */
function removeStaleNamespaces(): void {
  for (const ns of namespaces()) {
    const m = OUR_NAMESPACE.exec(ns);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) removeNamespace(ns);
  }
}

interface TestNetwork {
  server: string;
  seat: string;
  serverAddress: string;
  seatAddress: string;
}

/** Two hosts on a /30 of their own; `made` hears each namespace before anything goes into it (for afterAll). */
function makeNetwork(made: (ns: string) => void): TestNetwork {
  const id = suffix();
  const net = `10.213.${randomInt(1, 255)}`;
  const n: TestNetwork = { server: `cv-srv-${id}`, seat: `cv-seat-${id}`, serverAddress: `${net}.1`, seatAddress: `${net}.2` };
  for (const ns of [n.server, n.seat]) {
    made(ns);
    mustIp(['netns', 'add', ns]);
    mustIp(['-n', ns, 'link', 'set', 'lo', 'up']);
  }
  // Made straight inside the two namespaces: nothing appears on the machine's own interfaces.
  mustIp(['link', 'add', 'cvsrv0', 'netns', n.server, 'type', 'veth', 'peer', 'name', 'cvseat0', 'netns', n.seat]);
  mustIp(['-n', n.server, 'addr', 'add', `${n.serverAddress}/30`, 'dev', 'cvsrv0']);
  mustIp(['-n', n.seat, 'addr', 'add', `${n.seatAddress}/30`, 'dev', 'cvseat0']);
  mustIp(['-n', n.server, 'link', 'set', 'cvsrv0', 'up']);
  mustIp(['-n', n.seat, 'link', 'set', 'cvseat0', 'up']);
  return n;
}

/** The newest modification time of what the CLI is built from, as bin/consentvault.mjs compares it. */
function newestSourceMs(): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of ['electron', 'shared']) walk(path.join(ROOT, dir));
  return newest;
}

/** The built CLI, rebuilt first if the sources are newer (a clean clone runs vitest before `npm run build`). */
function ensureBuiltCli(): void {
  if (fs.existsSync(BUILT_CLI) && fs.statSync(BUILT_CLI).mtimeMs >= newestSourceMs()) return;
  const r = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' });
  if (r.error || r.status !== 0) throw new Error(`npm run build:cli failed: ${r.error?.message ?? ''}${r.stdout}${r.stderr}`);
}

/** The process environment without our own variables (the test's settings must not steer the server). */
const cleanEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CONSENTVAULT_'))),
  CONSENTVAULT_LANG: 'en',
  ...extra,
});

/** A closed vault with the administrator, a nurse and one patient. */
async function closedVault(): Promise<{ vaultDir: string; dispose(): void }> {
  const t = makeTestApp();
  await t.setup();
  if (!t.app.session) await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  await t.ok('staff.add', NURSE);
  await t.ok('patients.create', PATIENT);
  await t.signOut();
  return { vaultDir: t.vaultDir, dispose: t.dispose };
}

interface Served {
  child: ChildProcess;
  origin: string;
  certificateSha256: string;
  code: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `consentvault serve` inside the server's namespace, unlocked by the administrator, with a first pairing code. */
async function serveIn(net: TestNetwork, vaultDir: string, started: (child: ChildProcess) => void): Promise<Served> {
  const args = ['netns', 'exec', net.server, process.execPath, COMMAND, 'serve', '--vault', vaultDir, '--listen', `${net.serverAddress}:${PORT}`, '--as', ADMIN.name, '--pair', 'Nurses station'];
  // `ip netns exec` execs node in place, so the child's pid is the server's own.
  const child = spawn(IP, args, { cwd: ROOT, env: cleanEnv({ CONSENTVAULT_PASSWORD: ADMIN.password, CONSENTVAULT_DEBUG: '1' }), stdio: ['ignore', 'pipe', 'pipe'] });
  started(child);
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const until = Date.now() + SERVER_START_MS;
  while (!/Press Ctrl\+C/.test(out)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`serve exited (${child.signalCode ?? `exit ${child.exitCode}`}) before listening:\n${out}`);
    if (Date.now() > until) throw new Error(`serve did not listen within ${SERVER_START_MS / 1000} s:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const origin = /Address: (\S+)/.exec(out)?.[1];
  const certificateSha256 = /Certificate SHA-256: ([0-9A-F:]+)$/m.exec(out)?.[1];
  const code = /Pairing code for Nurses station: (\S+)/.exec(out)?.[1];
  if (!origin || !certificateSha256 || !code) throw new Error(`serve printed no address, certificate or code:\n${out}`);
  return { child, origin, certificateSha256, code, output: () => out, exited };
}

/** Waits for a process to end, SIGTERM first and SIGKILL if it has not within `graceMs`. */
async function stop(child: ChildProcess, graceMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

type ResultOf<S extends SeatStep['step']> = Extract<SeatResult, { step: S }>;

/** One step of the seat, run on the seat's host with the client code (through tsx), bounded by SEAT_STEP_MS. */
function seatStep<S extends SeatStep>(net: TestNetwork, step: S, started: (child: ChildProcess) => void): Promise<ResultOf<S['step']>> {
  const child = spawn(IP, ['netns', 'exec', net.seat, process.execPath, '--import', 'tsx', SEAT_SCRIPT], {
    cwd: ROOT,
    env: cleanEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: SEAT_STEP_MS,
    killSignal: 'SIGKILL',
  });
  started(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  child.stdin!.end(JSON.stringify(step));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`seat step ${step.step} ended with ${signal ?? `exit ${code}`}:\n${err}${out}`));
      const result = JSON.parse(out.trim().split('\n').pop() ?? 'null') as SeatResult | null;
      if (result?.step !== step.step) return reject(new Error(`seat step ${step.step} printed no result:\n${out}${err}`));
      resolve(result as ResultOf<S['step']>);
    });
  });
}

const byLabel = (answers: RawOutcome[], label: string): RawOutcome => {
  const a = answers.find((x) => x.label === label);
  if (!a) throw new Error(`no answer for ${label}`);
  return a;
};

const messageKeyOf = (a: RawOutcome): string | null => {
  try {
    const body = JSON.parse(a.body) as { error?: { messageKey?: string } };
    return body.error?.messageKey ?? null;
  } catch {
    return null;
  }
};

describe.skipIf(WHY_SKIPPED !== null)('the clinic server and a seat on two hosts (network namespaces joined by a veth pair)', () => {
  const children: ChildProcess[] = [];
  const ours: string[] = [];
  let net: TestNetwork;
  let served: Served;
  let vault: { vaultDir: string; dispose(): void } | null = null;
  /** The seat the pairing test paired (its credential), for the browser-like requests after it. */
  let pairedCredential: string | null = null;
  const seat = <S extends SeatStep>(step: S) => seatStep(net, step, (c) => children.push(c));

  beforeAll(async () => {
    removeStaleNamespaces();
    ensureBuiltCli();
    vault = await closedVault();
    net = makeNetwork((ns) => ours.push(ns));
    served = await serveIn(net, vault.vaultDir, (c) => children.push(c));
  }, 180_000);

  afterAll(async () => {
    // Each step is bounded, so this ends whatever failed before it: processes, then namespaces, then the vault.
    for (const c of children) await stop(c, 10_000);
    for (const ns of ours) removeNamespace(ns);
    vault?.dispose();
    const left = namespaces().filter((ns) => ours.includes(ns));
    if (left.length) throw new Error(`namespaces left behind: ${left.join(', ')}`);
  }, 60_000);

  it('answers only HTTPS on its non-loopback address, presenting the certificate whose SHA-256 it prints', async () => {
    // The built server (the command says which it ran), not the sources through tsx.
    expect(served.output()).toContain(`consentvault: running ${BUILT_CLI}\n`);
    expect(served.origin).toBe(`https://${net.serverAddress}:${PORT}`);
    const r = await seat({ step: 'transport', origin: served.origin });
    // Plain HTTP to the same port gets no HTTP answer at all: the connection ends in the TLS handshake.
    for (const plain of r.plainHttp) {
      expect(plain.status, plain.label).toBeNull();
      expect(plain.error, plain.label).toBeTruthy();
    }
    expect(r.https.status).not.toBeNull();
    expect(r.https.error).toBeNull();
    // Across the veth, not loopback: the seat's own address to the server's.
    expect(r.https.localAddress).toBe(net.seatAddress);
    expect(r.https.remoteAddress).toBe(net.serverAddress);
    expect(r.certificate.sha256).toBe(served.certificateSha256);
    expect(r.certificate.subjectAltName).toContain(`IP Address:${net.serverAddress}`);
  }, SEAT_STEP_MS + 10_000);

  it('gives an unpaired device only the pairing endpoint and nothing that names the clinic, its staff or patients', async () => {
    const r = await seat({ step: 'unpaired', origin: served.origin });
    for (const label of ['POST /api app.status', 'POST /api staff.list', 'POST /api session.signIn', 'POST /api with a made-up credential', 'GET /api/events', 'POST /api/upload', 'GET /api/download/x']) {
      const a = byLabel(r.answers, label);
      expect(a.status, label).toBe(401);
      expect(messageKeyOf(a), label).toBe('seats.errors.notPaired');
    }
    // The pairing endpoint answers (a wrong code is refused as wrong, not as unpaired).
    const pair = byLabel(r.answers, 'POST /pair with a wrong code');
    expect(pair.status).toBe(401);
    expect(messageKeyOf(pair)).toBe('seats.errors.codeWrong');
    // The renderer's static files hold no clinic data; without a built renderer there is nothing at /.
    const page = byLabel(r.answers, 'GET /');
    expect([200, 404]).toContain(page.status);
    const everything = [...r.answers.map((a) => `${JSON.stringify(a.headers)}\n${a.body}`), r.certificateText].join('\n');
    for (const secret of [CLINIC_NAME, ADMIN.name, NURSE.name, PATIENT.nameZh, PATIENT.chartNo]) expect(everything).not.toContain(secret);
    for (const a of r.answers) {
      expect(a.headers['cache-control'], a.label).toBe('no-store');
      expect([a.localAddress, a.remoteAddress], a.label).toEqual([net.seatAddress, net.serverAddress]);
    }
  }, SEAT_STEP_MS + 10_000);

  it('pairs with the one-time code over the certificate it pins, serves the seat, and fails a seat pinning another certificate', async () => {
    const r = await seat({ step: 'pair', origin: served.origin, code: served.code, signIn: { loginId: NURSE.name, password: NURSE.password } });
    // A proof over another certificate's fingerprint (a man in the middle's) pairs nothing.
    expect(r.pairedHavingSeenAnotherCertificate).toMatchObject({ status: 401, messageKey: 'seats.errors.codeWrong' });
    expect(r.paired.deviceName).toBe('Nurses station');
    expect(r.paired.certificateSha256).toBe(served.certificateSha256);
    expect(r.paired.pinnedPemSha256).toBe(served.certificateSha256);
    // Signed in, the paired seat does learn names: what the unpaired device was denied.
    expect(r.signIn).toMatchObject({ ok: true, value: { staff: { name: NURSE.name }, clinicName: CLINIC_NAME } });
    expect(r.search).toMatchObject({ ok: true, value: [{ chartNo: PATIENT.chartNo, nameZh: PATIENT.nameZh }] });
    expect(r.codeAgain).toMatchObject({ status: 401, messageKey: 'seats.errors.codeUsed' });
    // Another certificate pinned: the TLS handshake fails (nothing reaches the server's router), and the seat is told why.
    expect(r.pinningAnotherCertificate).toMatchObject({ status: 495, messageKey: 'seats.errors.certificateMismatch' });
    // The server's own certificate trusted but another fingerprint pinned: refused by the pin check.
    expect(r.pinningAnotherFingerprint).toMatchObject({ status: 495, messageKey: 'seats.errors.certificateMismatch' });
    expect(r.searchAfterwards).toMatchObject({ ok: true, value: [{ chartNo: PATIENT.chartNo }] });
    pairedCredential = r.paired.credential;
  }, SEAT_STEP_MS + 10_000);

  it('refuses a browser-like request from a foreign Origin or to a foreign Host, even carrying a paired seat’s cookie', async () => {
    if (!pairedCredential) throw new Error('needs the seat the pairing test paired');
    const r = await seat({ step: 'browser', origin: served.origin, credential: pairedCredential });
    for (const label of ['foreign Origin, POST /api', 'foreign Origin on the same host, other port', 'plain-http Origin of the same host', 'foreign Origin, POST /pair', 'foreign Origin, GET /']) {
      const a = byLabel(r.answers, label);
      expect(a.status, label).toBe(403);
      expect(messageKeyOf(a), label).toBe('errors.forbidden');
    }
    const rebinding = byLabel(r.answers, 'foreign Host (DNS rebinding)');
    expect(rebinding.status).toBe(421);
    // The same request from the server's own origin passes both checks and reaches the router (no session yet).
    const own = byLabel(r.answers, 'own Origin, POST /api');
    expect(own.status).toBe(200);
    expect(messageKeyOf(own)).toBe('errors.unauthenticated');
    for (const a of r.answers) {
      expect(a.headers['cache-control'], a.label).toBe('no-store');
      expect(a.headers['content-security-policy'], a.label).toBeTruthy();
    }
  }, SEAT_STEP_MS + 10_000);

  it('stops on SIGTERM, and its audit trail names the seat by its address on the network, not loopback', async () => {
    expect(await stop(served.child, 15_000)).toEqual({ code: 0, signal: null });
    const t = makeTestApp({ vaultDir: vault!.vaultDir, configured: true });
    try {
      await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
      const rows = t.app.vault!.db.prepare("SELECT action, details FROM audit_events WHERE action IN ('seat.paired', 'seat.pairing_failed', 'seat.request_refused') ORDER BY seq").all() as { action: string; details: string }[];
      const remotes = rows.map((row) => `${row.action} ${(JSON.parse(row.details) as { remote?: string }).remote}`);
      expect(remotes).toContain(`seat.paired ${net.seatAddress}`);
      expect(remotes).toContain(`seat.pairing_failed ${net.seatAddress}`);
      expect(remotes).toContain(`seat.request_refused ${net.seatAddress}`);
      expect(remotes.filter((x) => !x.endsWith(` ${net.seatAddress}`))).toEqual([]);
      expect((await t.ok('audit.verify', {})).ok).toBe(true);
      await t.signOut();
    } finally {
      t.dispose();
    }
  }, 60_000);
});
