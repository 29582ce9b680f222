/**
 * The clinic server's TLS identity (server-tls/ in the vault folder): the clinic's own certificate authority, which
 * seats pin and tablets install, and the server certificate it signs, within Apple's limits for TLS server
 * certificates (825 days at most, serverAuth, names in the SAN) and renewed before it runs out.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CA_FILE, CA_KEY_FILE, CERT_FILE, ensureServerCertificate, KEY_FILE, RENEW_BEFORE_MS, SERVER_CERT_DAYS } from '../../electron/server/certificate';

const DAY = 24 * 60 * 60_000;
const NAMES = { dns: ['front-desk-pc', 'localhost'], ips: ['192.168.1.20', '127.0.0.1'] };
const dirs: string[] = [];
const newDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-tls-'));
  dirs.push(d);
  return path.join(d, 'server-tls');
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const cert = (dir: string, name: string) => new X509Certificate(fs.readFileSync(path.join(dir, name)));

describe('the clinic server certificate', () => {
  it('is made by the clinic’s own authority: 800 days, serverAuth, the server’s names; seats pin the authority', async () => {
    const dir = newDir();
    const now = new Date('2026-12-04T02:00:00Z');
    const made = await ensureServerCertificate(dir, NAMES, now);
    const ca = cert(dir, CA_FILE);
    const server = cert(dir, CERT_FILE);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    const days = (Date.parse(server.validTo) - Date.parse(server.validFrom)) / DAY;
    expect(days).toBeLessThanOrEqual(825);
    expect(Math.round(days)).toBe(SERVER_CERT_DAYS);
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(server.subjectAltName).toBe('DNS:front-desk-pc, DNS:localhost, IP Address:192.168.1.20, IP Address:127.0.0.1');
    expect(made.sha256).toBe(ca.fingerprint256);
    expect(made.anchorPem).toBe(fs.readFileSync(path.join(dir, CA_FILE), 'utf8'));
    expect(made.chainPem).toBe(made.certPem + made.anchorPem);
    for (const key of [KEY_FILE, CA_KEY_FILE]) expect(fs.statSync(path.join(dir, key)).mode & 0o777).toBe(0o600);
    // Read again, nothing is made anew.
    expect(await ensureServerCertificate(dir, NAMES, new Date(now.getTime() + DAY))).toEqual(made);
  });

  it('is renewed under the same authority once it runs out within 60 days, so pinned seats keep working', async () => {
    const dir = newDir();
    const now = new Date('2026-12-04T02:00:00Z');
    const first = await ensureServerCertificate(dir, NAMES, now);
    const notYet = new Date(Date.parse(cert(dir, CERT_FILE).validTo) - RENEW_BEFORE_MS - DAY);
    expect((await ensureServerCertificate(dir, NAMES, notYet)).certPem).toBe(first.certPem);
    const due = new Date(Date.parse(cert(dir, CERT_FILE).validTo) - RENEW_BEFORE_MS + DAY);
    const renewed = await ensureServerCertificate(dir, NAMES, due);
    expect(renewed.certPem).not.toBe(first.certPem);
    expect(renewed.sha256).toBe(first.sha256);
    expect(new X509Certificate(renewed.certPem).checkIssued(new X509Certificate(first.anchorPem))).toBe(true);
    expect(Date.parse(new X509Certificate(renewed.certPem).validTo)).toBeGreaterThan(due.getTime() + 700 * DAY);
  });

  it('a renewal cut off between the new key and its certificate is made again at the next start', async () => {
    const dir = newDir();
    const first = await ensureServerCertificate(dir, NAMES);
    // The new key was written, the crash came before its certificate.
    fs.writeFileSync(path.join(dir, KEY_FILE), generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const after = await ensureServerCertificate(dir, NAMES);
    expect(after.certPem).not.toBe(first.certPem);
    expect(after.sha256).toBe(first.sha256);
    expect(new X509Certificate(after.certPem).checkPrivateKey(await import('node:crypto').then((c) => c.createPrivateKey(after.keyPem)))).toBe(true);
  });

  it('an older vault’s lone self-signed certificate is kept as it is: its seats pinned it', async () => {
    const dir = newDir();
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path.join(dir, KEY_FILE), '-out', path.join(dir, CERT_FILE), '-days', '3650', '-subj', '/CN=consentvault'], { stdio: 'ignore' });
    const before = fs.readFileSync(path.join(dir, CERT_FILE), 'utf8');
    const kept = await ensureServerCertificate(dir, NAMES);
    expect(kept.certPem).toBe(before);
    expect(kept.anchorPem).toBe(before);
    expect(kept.chainPem).toBe(before);
    expect(kept.sha256).toBe(new X509Certificate(before).fingerprint256);
    expect(fs.existsSync(path.join(dir, CA_FILE))).toBe(false);
  });
});
