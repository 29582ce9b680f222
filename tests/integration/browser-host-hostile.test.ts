import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, guardedHandler } from '../../electron/browser-host/guarded-handler';
import { parseRequestTarget } from '../../electron/browser-host/request-target';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';

const INDEX_HTML = '<!doctype html><title>ConsentVault test renderer</title>';

interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

function dechunk(body: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', i);
    const size = parseInt(body.slice(i, eol), 16);
    if (!(size > 0)) return out;
    out += body.slice(eol + 2, eol + 2 + size);
    i = eol + 2 + size + 2;
  }
}

/** Sends bytes exactly as given (http.request would normalise the target) and reads the answer to the close. */
function rawRequest(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer in time')));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (!status?.[1]) return reject(new Error(`not an HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      const split = text.indexOf('\r\n\r\n');
      const head = text.slice(0, split);
      const body = text.slice(split + 4);
      resolve({ status: Number(status[1]), head, body: /transfer-encoding: chunked/i.test(head) ? dechunk(body) : body });
    });
    socket.write(request, 'latin1');
  });
}

function get(port: number, target: string, method = 'GET'): Promise<RawAnswer> {
  return rawRequest(port, `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
}

function apiCall(port: number, token: string, body: string): Promise<RawAnswer> {
  return rawRequest(
    port,
    `POST /api HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\nContent-Type: application/json\r\nX-ConsentVault-Token: ${token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Request targets a web page can make a browser (or a script) send to 127.0.0.1, and what each must get. */
const HOSTILE: Array<{ what: string; method?: string; target: string; status: 400 | 404 }> = [
  { what: 'malformed percent-encoding', target: '/%E0%A4%A', status: 400 },
  { what: 'a lone percent sign', target: '/index.html%', status: 400 },
  { what: 'a scheme-relative path', target: '//evil.example/x', status: 400 },
  { what: 'absolute-form with a bad port', target: 'http://127.0.0.1:99999/', status: 400 },
  { what: 'absolute-form to the API', method: 'POST', target: 'http://127.0.0.1:1/api', status: 400 },
  { what: 'asterisk-form', method: 'OPTIONS', target: '*', status: 400 },
  { what: 'an encoded NUL', target: '/index.html%00.js', status: 400 },
  { what: 'a scheme-relative API path', method: 'POST', target: '//api', status: 400 },
  { what: 'dot-segments out of the renderer', target: '/../../../../etc/passwd', status: 404 },
  { what: 'encoded dot-segments out of the renderer', target: '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', status: 404 },
  { what: 'a file that is not there', target: '/no-such-chunk.js', status: 404 },
];

function tempRenderer(): { configDir: string; rendererDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-hostile-'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  return { configDir: path.join(root, 'config'), rendererDir };
}

describe('request target parsing', () => {
  it('accepts origin-form paths and decodes them', () => {
    expect(parseRequestTarget('/')).toEqual({ rawPath: '/', path: '/', query: '' });
    expect(parseRequestTarget('/assets/%E4%B8%AD.js?v=1')).toEqual({ rawPath: '/assets/%E4%B8%AD.js', path: '/assets/中.js', query: 'v=1' });
  });

  it('refuses every other form, broken encoding, NUL, fragments and raw control or non-ASCII bytes', () => {
    for (const bad of [undefined, '', '*', '//evil.example/x', 'http://127.0.0.1:99999/', '127.0.0.1:80', '/%E0%A4%A', '/%', '/a%00b', '/a\0b', '/a#b', '/a b', '/\u00e9', '/a\r\nX: y']) {
      expect(parseRequestTarget(bad), String(bad)).toBeNull();
    }
  });
});

describe('guarded request handler', () => {
  let server: http.Server;
  let port: number;
  const logged: string[] = [];

  beforeAll(async () => {
    server = http.createServer(
      guardedHandler(
        async (req, res) => {
          if (req.url === '/throws') throw new Error('secret detail: patient A123456789');
          if (req.url === '/rejects') await Promise.reject(new Error('router.call rejected with secret detail'));
          if (req.url === '/bad') throw new BadRequestError('unparseable');
          if (req.url === '/uri') decodeURIComponent('%E0%A4%A');
          if (req.url === '/after-headers') {
            res.writeHead(200, { 'Content-Type': 'text/plain' });
            res.write('partial');
            throw new Error('failed mid-answer');
          }
          if (req.url === '/string') throw 'not even an Error' as unknown as Error;
          res.writeHead(200, { 'Content-Type': 'text/plain' }).end('fine');
        },
        { log: (line) => logged.push(line) },
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('answers 500 to a throwing or rejecting handler without telling the client why, and logs the reason', async () => {
    for (const target of ['/throws', '/rejects', '/string']) {
      const answer = await get(port, target);
      expect(answer.status, target).toBe(500);
      expect(answer.body).not.toMatch(/secret|rejected|Error|at /);
    }
    expect(logged.some((l) => l.includes('secret detail: patient A123456789'))).toBe(true);
    expect(logged.some((l) => l.includes('router.call rejected'))).toBe(true);
  });

  it('answers 400 to a bad-request error or a failed percent-decode', async () => {
    expect((await get(port, '/bad')).status).toBe(400);
    expect((await get(port, '/uri')).status).toBe(400);
  });

  it('drops the connection when the failure comes after the headers, and keeps serving', async () => {
    const answer = await get(port, '/after-headers');
    expect(answer.status).toBe(200);
    expect(answer.body).not.toMatch(/failed mid-answer/);
    expect(logged.some((l) => l.includes('failed mid-answer'))).toBe(true);
    const fine = await get(port, '/ok');
    expect(fine.status).toBe(200);
    expect(fine.body).toBe('fine');
  });
});

describe('browser host on hostile request targets', () => {
  let host: BrowserHost;
  let port: number;

  beforeAll(async () => {
    const dirs = tempRenderer();
    host = await startBrowserHost({ configDir: dirs.configDir, rendererDir: dirs.rendererDir, port: 0 });
    port = Number(new URL(host.origin).port);
  });

  afterAll(async () => {
    await host.close();
  });

  it.each(HOSTILE)('answers $status to $what and keeps the security headers', async ({ method, target, status }) => {
    const answer = await get(port, target, method);
    expect(answer.status).toBe(status);
    expect(answer.head).toMatch(/cache-control: no-store/i);
    expect(answer.head).toMatch(/content-security-policy: default-src 'self'/i);
    expect(answer.body).not.toContain('root:');
  });

  it('still refuses a foreign Host and an API call without the token', async () => {
    const foreign = await rawRequest(port, `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    expect(foreign.status).toBe(421);
    const noToken = await apiCall(port, 'not-the-token', JSON.stringify({ channel: 'app.status', input: {} }));
    expect(noToken.status).toBe(401);
  });

  it('still serves the renderer and the API after all of them', async () => {
    const index = await get(port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX_HTML);
    const api = await apiCall(port, host.token, JSON.stringify({ channel: 'app.status', input: {} }));
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ ok: true });
  });
});

const URL_LINE = /ConsentVault browser host: http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+)/;

describe('browser host process on hostile request targets', () => {
  let child: ChildProcess;
  let output = '';
  let port: number;
  let token: string;

  beforeAll(async () => {
    const dirs = tempRenderer();
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/browser-host/main.ts', '--config-dir', dirs.configDir, '--renderer-dir', dirs.rendererDir, '--port', '0'],
      { cwd: path.resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
    );
    [port, token] = await new Promise<[number, string]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`browser host did not start in time:\n${output}`)), 45_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const m = URL_LINE.exec(output);
        if (m?.[1] && m[2]) {
          clearTimeout(timer);
          resolve([Number(m[1]), m[2]]);
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`browser host exited (code ${code}) before printing its URL:\n${output}`));
      });
    });
  });

  afterAll(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  });

  it('answers every hostile request with 400 or 404, stays alive, and still serves / and /api', async () => {
    for (const { what, method, target, status } of HOSTILE) {
      expect((await get(port, target, method)).status, what).toBe(status);
    }
    // Give a crash (an exception thrown after the answer) time to end the process before looking.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.exitCode, output).toBeNull();
    expect(child.signalCode, output).toBeNull();

    const index = await get(port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX_HTML);
    const api = await apiCall(port, token, JSON.stringify({ channel: 'app.status', input: {} }));
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ ok: true });
    expect(output).not.toMatch(/Uncaught|TypeError|URIError|ERR_INVALID_URL/);
  });
});
