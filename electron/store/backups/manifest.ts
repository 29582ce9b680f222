import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJson, parseBoundedJson } from '../../../shared/canonical-json';
import { BACKUP_FORMAT, BackupManifest, type BackupManifestBody } from '../../../shared/schemas/backup';

/** Domain separation: a manifest signature is never mistaken for a checkpoint's or a tag manifest's. */
const SIGNED_PREFIX = `${BACKUP_FORMAT}-manifest\n`;

function signedBytes(body: BackupManifestBody): Buffer {
  return Buffer.from(SIGNED_PREFIX + canonicalJson(body), 'utf8');
}

export function signManifest(body: BackupManifestBody, privateKeyPem: string): BackupManifest {
  return { ...body, signature: sign(null, signedBytes(body), createPrivateKey(privateKeyPem)).toString('base64') };
}

export function manifestSignatureValid(manifest: BackupManifest, publicKeyPem: string): boolean {
  const { signature, ...body } = manifest;
  try {
    return verify(null, signedBytes(body), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function formatManifest(manifest: BackupManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** null when the text is not a manifest of ours (damaged, edited into another shape, too deep). */
export function parseManifest(text: string): BackupManifest | null {
  try {
    const r = BackupManifest.safeParse(parseBoundedJson(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
