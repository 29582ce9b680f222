import { createHash, createPrivateKey, sign } from 'node:crypto';
import fs from 'node:fs';
import { ZipFile } from 'yazl';
import { DEFAULT_ZIP_LIMITS, readZip } from '../../electron/evidence/zip-reader';

export const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A pack's files by their path inside the bag folder, and the folder's name. */
export interface PackFiles {
  root: string;
  files: Map<string, Buffer>;
}

export async function readPack(zipPath: string): Promise<PackFiles> {
  const entries = await readZip({ path: zipPath }, () => true, { ...DEFAULT_ZIP_LIMITS, maxKeptPerFile: 1024 ** 3, maxKeptTotal: 4 * 1024 ** 3 });
  const files = new Map<string, Buffer>();
  let root = '';
  for (const e of entries) {
    if (e.directory || !e.name || !e.bytes) continue;
    const slash = e.name.indexOf('/');
    root = e.name.slice(0, slash);
    files.set(e.name.slice(slash + 1), e.bytes);
  }
  return { root, files };
}

/** Writes the files back as a ZIP (entries may be placed outside the folder with `raw:` names). */
export async function writePack(zipPath: string, pack: PackFiles): Promise<void> {
  const zip = new ZipFile();
  for (const [name, bytes] of pack.files) zip.addBuffer(bytes, name.startsWith('raw:') ? name.slice(4) : `${pack.root}/${name}`);
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(zipPath);
    out.on('close', () => resolve());
    out.on('error', reject);
    (zip.outputStream as NodeJS.ReadableStream).pipe(out);
  });
}

export function clonePack(p: PackFiles): PackFiles {
  return { root: p.root, files: new Map([...p.files].map(([k, v]) => [k, Buffer.from(v)])) };
}

/** What someone holding the clinic's private key could do: rewrite the manifests for the files as they now are and sign again. */
export function resign(p: PackFiles, privateKeyPem: string): void {
  const manifest = [...p.files.keys()]
    .filter((k) => k.startsWith('data/'))
    .sort()
    .map((k) => `${sha(p.files.get(k)!)}  ${k}\n`)
    .join('');
  p.files.set('manifest-sha256.txt', Buffer.from(manifest));
  const tags = ['VERIFYING.md', 'bag-info.txt', 'bagit.txt', 'chain-checkpoint.json', 'clinic-public-key.pem', 'manifest-sha256.txt']
    .filter((k) => p.files.has(k))
    .map((k) => `${sha(p.files.get(k)!)}  ${k}\n`)
    .join('');
  p.files.set('tagmanifest-sha256.txt', Buffer.from(tags));
  p.files.set('tagmanifest-sha256.txt.sig', sign(null, Buffer.from(tags), createPrivateKey(privateKeyPem)));
}
