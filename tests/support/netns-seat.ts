// A seat on another host: run by tests/integration/clinic-server-netns.test.ts inside a network namespace of its own
// (`ip netns exec NS node --import tsx tests/support/netns-seat.ts`), so every request below crosses a real,
// non-loopback interface to the clinic server. It reads one step as JSON on stdin and prints one JSON line.
import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { ClinicClient, ClinicClientError, pairWithServer, readServerCertificate, type PairedServer } from '../../electron/server/client';
import { ensureServerCertificate } from '../../electron/server/certificate';

export type SeatStep =
  | { step: 'transport'; origin: string }
  | { step: 'unpaired'; origin: string }
  | { step: 'pair'; origin: string; code: string; signIn: { loginId: string; password: string } }
  | { step: 'browser'; origin: string; credential: string };

/** One raw request and what came back: an HTTP answer, or the error that ended it without one. */
export interface RawOutcome {
  label: string;
  status: number | null;
  headers: Record<string, string>;
  body: string;
  error: string | null;
  localAddress: string | null;
  remoteAddress: string | null;
}

export interface TransportResult {
  step: 'transport';
  plainHttp: RawOutcome[];
  https: RawOutcome;
  certificate: { sha256: string; subject: string; subjectAltName: string; pem: string };
}

export interface UnpairedResult {
  step: 'unpaired';
  answers: RawOutcome[];
  /** What the certificate itself tells a stranger. */
  certificateText: string;
}

/** A refusal as the client code reports it: its message key for a server's refusal, else the error's text. */
export interface Refusal {
  status: number | null;
  messageKey: string | null;
  error: string;
}

export interface PairResult {
  step: 'pair';
  /** Pairing with a proof over another certificate's fingerprint (a man in the middle's). */
  pairedHavingSeenAnotherCertificate: Refusal | null;
  paired: Pick<PairedServer, 'deviceId' | 'deviceName' | 'credential' | 'certificateSha256'> & { pinnedPemSha256: string | null };
  signIn: unknown;
  search: unknown;
  /** The same code a second time. */
  codeAgain: Refusal | null;
  /** The paired credential with another certificate pinned (PEM and fingerprint both another server's). */
  pinningAnotherCertificate: Refusal | null;
  /** The real certificate as trust anchor but another fingerprint pinned. */
  pinningAnotherFingerprint: Refusal | null;
  /** The real pin still works afterwards. */
  searchAfterwards: unknown;
}

export interface BrowserResult {
  step: 'browser';
  answers: RawOutcome[];
}

export type SeatResult = TransportResult | UnpairedResult | PairResult | BrowserResult;

const REQUEST_TIMEOUT_MS = 10_000;

/** A request as a stranger (or a browser) sends it: any certificate accepted, headers exactly as given. */
function raw(label: string, url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawOutcome> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  return new Promise((resolve) => {
    let done = false;
    const finish = (o: Omit<RawOutcome, 'label'>) => {
      if (done) return;
      done = true;
      resolve({ label, ...o });
    };
    const req = (secure ? https : http).request(
      target,
      { method: opts.method ?? 'GET', headers: { Host: target.host, ...opts.headers }, rejectUnauthorized: false, agent: false, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        // Read now: a connection the server closes after its answer forgets its addresses.
        const localAddress = res.socket?.localAddress ?? null;
        const remoteAddress = res.socket?.remoteAddress ?? null;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          finish({ status: res.statusCode ?? null, headers, body: Buffer.concat(chunks).toString('utf8'), error: null, localAddress, remoteAddress });
        });
      },
    );
    req.once('error', (e: NodeJS.ErrnoException) => finish({ status: null, headers: {}, body: '', error: e.code ?? e.message, localAddress: null, remoteAddress: null }));
    req.once('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })));
    req.end(opts.body);
  });
}

async function refusalOf(attempt: () => Promise<unknown>): Promise<Refusal | null> {
  try {
    await attempt();
    return null;
  } catch (e) {
    if (e instanceof ClinicClientError) return { status: e.status, messageKey: e.messageKey, error: e.message };
    const err = e as NodeJS.ErrnoException;
    return { status: null, messageKey: null, error: err.code ?? err.message };
  }
}

/** A call whose refusal is an answer (`ok: false`) or a thrown error: either way what the seat got. */
async function callRefusal(client: ClinicClient, channel: string, input: unknown): Promise<Refusal | null> {
  return refusalOf(async () => {
    const r = await client.call(channel, input);
    if (!r.ok) throw new ClinicClientError(0, r.error.messageKey);
  });
}

async function transport(origin: string): Promise<TransportResult> {
  const url = new URL(origin);
  const plain = `http://${url.host}`;
  const plainHttp = [
    await raw('plain GET /', `${plain}/`),
    await raw('plain POST /pair', `${plain}/pair`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"code":"ABCDEFGH23"}' }),
  ];
  const seen = await readServerCertificate(origin);
  // The names are on the certificate the server presents; the fingerprint is its anchor's (what seats pin).
  const x = new X509Certificate(seen.serverPem);
  return {
    step: 'transport',
    plainHttp,
    https: await raw('https GET /', `${origin}/`),
    certificate: { sha256: seen.sha256, subject: x.subject, subjectAltName: x.subjectAltName ?? '', pem: seen.pem },
  };
}

async function unpaired(origin: string): Promise<UnpairedResult> {
  const json = { 'Content-Type': 'application/json' };
  const call = (channel: string, input: unknown) => JSON.stringify({ channel, input });
  const answers = [
    await raw('GET /', `${origin}/`),
    await raw('POST /api app.status', `${origin}/api`, { method: 'POST', headers: json, body: call('app.status', {}) }),
    await raw('POST /api staff.list', `${origin}/api`, { method: 'POST', headers: json, body: call('staff.list', {}) }),
    await raw('POST /api session.signIn', `${origin}/api`, { method: 'POST', headers: json, body: call('session.signIn', { loginId: 'anyone', password: 'anything-at-all' }) }),
    await raw('POST /api with a made-up credential', `${origin}/api`, { method: 'POST', headers: { ...json, 'x-consentvault-device': 'made-up-credential' }, body: call('staff.list', {}) }),
    await raw('GET /api/events', `${origin}/api/events`, { headers: { Accept: 'text/event-stream' } }),
    await raw('POST /api/upload', `${origin}/api/upload`, { method: 'POST', headers: { 'Content-Type': 'image/jpeg' }, body: 'not a photo' }),
    await raw('GET /api/download/x', `${origin}/api/download/x`),
    await raw('POST /pair with a wrong code', `${origin}/pair`, { method: 'POST', headers: json, body: JSON.stringify({ code: 'WRNGCDE234' }) }),
  ];
  const seen = await readServerCertificate(origin);
  const texts = [seen.serverPem, seen.pem].map((pem) => new X509Certificate(pem)).map((x) => `${x.subject}\n${x.issuer}\n${x.subjectAltName ?? ''}`);
  return { step: 'unpaired', answers, certificateText: texts.join('\n') };
}

async function pair(origin: string, code: string, who: { loginId: string; password: string }): Promise<PairResult> {
  // Another server's certificate, made as the clinic server makes its own.
  const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-other-cert-'));
  try {
    const other = await ensureServerCertificate(otherDir, { dns: ['localhost'], ips: [new URL(origin).hostname] });
    const pairedHavingSeenAnotherCertificate = await refusalOf(() => pairWithServer(origin, code, { certificateSha256Seen: other.sha256 }));
    const paired = await pairWithServer(origin, code);
    const client = new ClinicClient(paired);
    const signIn = await client.call('session.signIn', who);
    const search = await client.call('patients.search', { query: '', limit: 10 });
    const codeAgain = await refusalOf(() => pairWithServer(origin, code));
    const anotherCert = new ClinicClient({ ...paired, certificatePem: other.anchorPem, certificateSha256: other.sha256 });
    anotherCert.sessionId = client.sessionId;
    const pinningAnotherCertificate = await callRefusal(anotherCert, 'patients.search', { query: '', limit: 10 });
    anotherCert.close();
    const anotherFingerprint = new ClinicClient({ ...paired, certificateSha256: other.sha256 });
    anotherFingerprint.sessionId = client.sessionId;
    const pinningAnotherFingerprint = await callRefusal(anotherFingerprint, 'patients.search', { query: '', limit: 10 });
    anotherFingerprint.close();
    const searchAfterwards = await client.call('patients.search', { query: '', limit: 10 });
    await client.call('session.signOut', {});
    client.close();
    return {
      step: 'pair',
      pairedHavingSeenAnotherCertificate,
      paired: {
        deviceId: paired.deviceId,
        deviceName: paired.deviceName,
        credential: paired.credential,
        certificateSha256: paired.certificateSha256,
        pinnedPemSha256: paired.certificatePem ? new X509Certificate(paired.certificatePem).fingerprint256 : null,
      },
      signIn,
      search,
      codeAgain,
      pinningAnotherCertificate,
      pinningAnotherFingerprint,
      searchAfterwards,
    };
  } finally {
    fs.rmSync(otherDir, { recursive: true, force: true });
  }
}

async function browser(origin: string, credential: string): Promise<BrowserResult> {
  const host = new URL(origin).host;
  // What Chromium sends for a fetch() from another site's page that carries the seat's cookie.
  const browserLike = (from: string): Record<string, string> => ({
    Origin: from,
    Cookie: `cv_device=${credential}`,
    'Content-Type': 'application/json',
    'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
    'Sec-Fetch-Site': from === origin ? 'same-origin' : 'cross-site',
    'Sec-Fetch-Mode': 'cors',
  });
  const search = JSON.stringify({ channel: 'patients.search', input: { query: '', limit: 10 } });
  const answers = [
    await raw('foreign Origin, POST /api', `${origin}/api`, { method: 'POST', headers: browserLike('https://clinic-offers.example'), body: search }),
    await raw('foreign Origin on the same host, other port', `${origin}/api`, { method: 'POST', headers: browserLike(`https://${new URL(origin).hostname}:9443`), body: search }),
    await raw('plain-http Origin of the same host', `${origin}/api`, { method: 'POST', headers: browserLike(`http://${host}`), body: search }),
    await raw('foreign Origin, POST /pair', `${origin}/pair`, { method: 'POST', headers: browserLike('https://clinic-offers.example'), body: JSON.stringify({ code: 'WRNGCDE234' }) }),
    await raw('foreign Origin, GET /', `${origin}/`, { headers: { ...browserLike('https://clinic-offers.example'), 'Sec-Fetch-Mode': 'navigate' } }),
    await raw('foreign Host (DNS rebinding)', `${origin}/api`, { method: 'POST', headers: { ...browserLike('https://clinic-offers.example:8443'), Host: 'clinic-offers.example:8443' }, body: search }),
    await raw('own Origin, POST /api', `${origin}/api`, { method: 'POST', headers: browserLike(origin), body: search }),
  ];
  return { step: 'browser', answers };
}

function run(s: SeatStep): Promise<SeatResult> {
  switch (s.step) {
    case 'transport':
      return transport(s.origin);
    case 'unpaired':
      return unpaired(s.origin);
    case 'pair':
      return pair(s.origin, s.code, s.signIn);
    case 'browser':
      return browser(s.origin, s.credential);
  }
}

async function main(): Promise<void> {
  // Bounded whatever happens: the test kills it later still, but it stops by itself first.
  setTimeout(() => {
    process.stderr.write('netns-seat: gave up after 50 s\n');
    process.exit(3);
  }, 50_000).unref();
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const step = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SeatStep;
  const result = await run(step);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`netns-seat: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
