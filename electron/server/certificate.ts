import { createPrivateKey, webcrypto, X509Certificate as NodeX509 } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../store/files';

/**
 * The clinic server's TLS identity, kept in the vault folder (server-tls/). Seats pin `anchorPem`, the clinic's own
 * certificate authority, made once at first start; the server presents a certificate it signed (`certPem`), valid
 * 800 days and renewed by the server before it runs out. Why two: Apple's devices refuse a TLS server certificate
 * valid more than 825 days (iOS 13 and later, user-trusted ones too), so the certificate a tablet talks to must be
 * renewed; pinning the authority instead of it means a renewal needs no seat paired again, and a tablet trusts the
 * authority once (installed as a profile / CA certificate).
 * A vault set up before the authority existed keeps its one self-signed certificate (anchor and certificate at
 * once, ten years): its seats pinned that one.
 */
export interface ServerCertificate {
  /** The certificate presented, followed by the authority that signed it (the chain a TLS client is sent). */
  chainPem: string;
  certPem: string;
  keyPem: string;
  /** What seats pin and tablets install: the clinic's authority (or, in an older vault, the certificate itself). */
  anchorPem: string;
  /** SHA-256 of the anchor's DER bytes, colon-separated upper-case hex: shown on the server and compared at pairing. */
  sha256: string;
}

export const CERT_FILE = 'certificate.pem';
export const KEY_FILE = 'key.pem';
export const CA_FILE = 'clinic-ca.pem';
export const CA_KEY_FILE = 'clinic-ca-key.pem';
const DAY_MS = 24 * 60 * 60_000;
/** Under Apple's 825-day limit for TLS server certificates, with room for clocks that disagree. */
export const SERVER_CERT_DAYS = 800;
const CA_DAYS = 20 * 365;
/** A certificate running out within this is replaced at the server's start. */
export const RENEW_BEFORE_MS = 60 * DAY_MS;

/** The fingerprint as compared on every seat: SHA-256 of the DER bytes, AA:BB:... */
export function certificateSha256(certPem: string): string {
  return new NodeX509(certPem).fingerprint256;
}

function toPem(der: ArrayBuffer, label: string): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}

/**
 * @peculiar/x509 (through tsyringe) needs the Reflect metadata polyfill loaded before it. Loaded here, on first use:
 * only a server that makes or renews a certificate needs it, and a bundle's static imports would run before any polyfill.
 */
async function x509Library(): Promise<typeof import('@peculiar/x509')> {
  await import('reflect-metadata');
  return import('@peculiar/x509');
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const CRYPTO = webcrypto as unknown as Crypto;
const serial = () => Buffer.from(CRYPTO.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1');

const read = (file: string) => fs.readFileSync(file, 'utf8');

/** Writes a key (readable by the server's user only) and then its certificate, which marks the pair complete. */
function savePair(tlsDir: string, keyName: string, certName: string, keyPem: string, certPem: string): void {
  fs.mkdirSync(tlsDir, { recursive: true, mode: 0o700 });
  const keyFile = path.join(tlsDir, keyName);
  writeFileAtomic(keyFile, keyPem);
  fs.chmodSync(keyFile, 0o600);
  writeFileAtomic(path.join(tlsDir, certName), certPem);
}

async function makeAuthority(tlsDir: string, now: Date): Promise<{ pem: string; keyPem: string }> {
  const x509 = await x509Library();
  const keys = await CRYPTO.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serial(),
      name: 'CN=ConsentVault clinic certificate authority, O=ConsentVault clinic server',
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + CA_DAYS * DAY_MS),
      signingAlgorithm: ALG,
      keys,
      extensions: [
        // An authority for this clinic's server certificates only (path length 0: no authorities under it).
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, CRYPTO),
      ],
    },
    CRYPTO,
  );
  const pem = cert.toString('pem') + '\n';
  const keyPem = toPem(await CRYPTO.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  savePair(tlsDir, CA_KEY_FILE, CA_FILE, keyPem, pem);
  return { pem, keyPem };
}

async function issueServerCertificate(tlsDir: string, authority: { pem: string; keyPem: string }, names: { dns: string[]; ips: string[] }, now: Date): Promise<{ certPem: string; keyPem: string }> {
  const x509 = await x509Library();
  const issuer = new x509.X509Certificate(authority.pem);
  const issuerKey = await CRYPTO.subtle.importKey('pkcs8', Buffer.from(authority.keyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64'), ALG, false, ['sign']);
  const keys = await CRYPTO.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const sans = [...[...new Set(names.dns)].map((value) => ({ type: 'dns' as const, value })), ...[...new Set(names.ips)].map((value) => ({ type: 'ip' as const, value }))];
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serial(),
      subject: `CN=${names.dns[0] ?? 'consentvault'}, O=ConsentVault clinic server`,
      issuer: issuer.subject,
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + SERVER_CERT_DAYS * DAY_MS),
      signingAlgorithm: ALG,
      publicKey: keys.publicKey,
      signingKey: issuerKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(sans),
        await x509.AuthorityKeyIdentifierExtension.create(issuer, false, CRYPTO),
      ],
    },
    CRYPTO,
  );
  const keyPem = toPem(await CRYPTO.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  const certPem = cert.toString('pem') + '\n';
  savePair(tlsDir, KEY_FILE, CERT_FILE, keyPem, certPem);
  return { certPem, keyPem };
}

/**
 * Reads the server's TLS identity from `tlsDir`, making what is missing: the clinic's authority at first start, and
 * a server certificate (ECDSA P-256, 800 days, naming the given host names and IP addresses) whenever there is none
 * or the one there runs out within 60 days. An older vault's lone self-signed certificate is kept as it is.
 */
export async function ensureServerCertificate(tlsDir: string, names: { dns: string[]; ips: string[] }, now: Date = new Date()): Promise<ServerCertificate> {
  const certFile = path.join(tlsDir, CERT_FILE);
  const keyFile = path.join(tlsDir, KEY_FILE);
  const caFile = path.join(tlsDir, CA_FILE);
  const caKeyFile = path.join(tlsDir, CA_KEY_FILE);
  const complete = (f: string, k: string) => fs.existsSync(f) && fs.existsSync(k);
  if (complete(certFile, keyFile) && !fs.existsSync(caFile)) {
    // Before the clinic's authority: seats pinned this certificate itself.
    const certPem = read(certFile);
    return { chainPem: certPem, certPem, keyPem: read(keyFile), anchorPem: certPem, sha256: certificateSha256(certPem) };
  }
  const authority = complete(caFile, caKeyFile) ? { pem: read(caFile), keyPem: read(caKeyFile) } : await makeAuthority(tlsDir, now);
  const current = complete(certFile, keyFile) ? { certPem: read(certFile), keyPem: read(keyFile) } : null;
  const pair = current && stillGood(current, authority.pem, now) ? current : await issueServerCertificate(tlsDir, authority, names, now);
  return { chainPem: pair.certPem + authority.pem, certPem: pair.certPem, keyPem: pair.keyPem, anchorPem: authority.pem, sha256: certificateSha256(authority.pem) };
}

/**
 * Whether the server certificate on disk may go on being used: issued by the authority, matching its key (a
 * renewal cut off between writing the two leaves a pair that does not), and not running out within 60 days.
 */
function stillGood(pair: { certPem: string; keyPem: string }, authorityPem: string, now: Date): boolean {
  const cert = new NodeX509(pair.certPem);
  return cert.checkIssued(new NodeX509(authorityPem)) && cert.checkPrivateKey(createPrivateKey(pair.keyPem)) && Date.parse(cert.validTo) - now.getTime() > RENEW_BEFORE_MS;
}
