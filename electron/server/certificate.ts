import { webcrypto, X509Certificate as NodeX509 } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../store/files';

/** The clinic server's certificate, made once at first start and kept in the vault folder. */
export interface ServerCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the DER certificate, colon-separated upper-case hex (what browsers show). */
  sha256: string;
}

export const CERT_FILE = 'certificate.pem';
export const KEY_FILE = 'key.pem';
const TEN_YEARS_MS = 10 * 365.25 * 24 * 60 * 60_000;

/** The fingerprint as compared on every seat: SHA-256 of the DER bytes, AA:BB:... */
export function certificateSha256(certPem: string): string {
  return new NodeX509(certPem).fingerprint256;
}

function toPem(der: ArrayBuffer, label: string): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}

/**
 * Reads the server's certificate from `tlsDir`, or makes one (ECDSA P-256, valid ten years) naming the given host
 * names and IP addresses. Seats pin it at pairing, so it is never replaced behind their back: a new certificate
 * means pairing every seat again.
 */
/**
 * @peculiar/x509 (through tsyringe) needs the Reflect metadata polyfill loaded before it. Loaded here, on first use:
 * only a server that has no certificate yet needs it, and a bundle's static imports would run before any polyfill.
 */
async function x509Library(): Promise<typeof import('@peculiar/x509')> {
  await import('reflect-metadata');
  return import('@peculiar/x509');
}

export async function ensureServerCertificate(tlsDir: string, names: { dns: string[]; ips: string[] }, now: Date = new Date()): Promise<ServerCertificate> {
  const certFile = path.join(tlsDir, CERT_FILE);
  const keyFile = path.join(tlsDir, KEY_FILE);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const certPem = fs.readFileSync(certFile, 'utf8');
    return { certPem, keyPem: fs.readFileSync(keyFile, 'utf8'), sha256: certificateSha256(certPem) };
  }
  const x509 = await x509Library();
  const crypto = webcrypto as unknown as Crypto;
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const sans = [...[...new Set(names.dns)].map((value) => ({ type: 'dns' as const, value })), ...[...new Set(names.ips)].map((value) => ({ type: 'ip' as const, value }))];
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
      name: `CN=${names.dns[0] ?? 'consentvault'}, O=ConsentVault clinic server`,
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + TEN_YEARS_MS),
      signingAlgorithm: alg,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(sans),
      ],
    },
    crypto,
  );
  const certPem = cert.toString('pem') + '\n';
  const keyPem = toPem(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  fs.mkdirSync(tlsDir, { recursive: true, mode: 0o700 });
  // The key first, readable by the server's user only; the certificate last marks the pair complete.
  writeFileAtomic(keyFile, keyPem);
  fs.chmodSync(keyFile, 0o600);
  writeFileAtomic(certFile, certPem);
  return { certPem, keyPem, sha256: certificateSha256(certPem) };
}
