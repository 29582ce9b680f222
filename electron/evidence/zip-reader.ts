import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface ZipEntryRead {
  /** The entry name as stored (UTF-8), or null when it is not valid UTF-8. */
  name: string | null;
  rawName: string;
  directory: boolean;
  size: number;
  sha256: string | null;
  /** Kept only when asked for (small files the verifier parses). */
  bytes: Buffer | null;
  /** Why the entry's data could not be read (corrupt compressed data, a size that does not match), if so. */
  error: string | null;
}

export class UnreadableZip extends Error {}

const MAX_ENTRIES = 200_000;

function openZip(source: { path: string } | { buffer: Buffer }): Promise<ZipFile> {
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true } as const;
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip: ZipFile | undefined) => (err || !zip ? reject(new UnreadableZip(err?.message ?? 'not a ZIP file')) : resolve(zip));
    if ('path' in source) yauzl.open(source.path, options, done);
    else yauzl.fromBuffer(source.buffer, options, done);
  });
}

function decodeName(raw: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return null;
  }
}

function readEntry(zip: ZipFile, entry: Entry, keep: boolean): Promise<{ sha256: string; bytes: Buffer | null }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream?: Readable) => {
      if (err || !stream) return reject(err ?? new Error('no data'));
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        hash.update(c);
        if (keep) chunks.push(c);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve({ sha256: hash.digest('hex'), bytes: keep ? Buffer.concat(chunks) : null }));
    });
  });
}

/**
 * Reads every entry of a ZIP, hashing each file's data as it streams by and keeping the bytes of those `keep`
 * accepts (up to `keepMax` bytes each). Throws UnreadableZip when the file is not a ZIP at all.
 */
export async function readZip(source: { path: string } | { buffer: Buffer }, keep: (name: string) => boolean, keepMax = 64 * 1024 * 1024): Promise<ZipEntryRead[]> {
  const zip = await openZip(source);
  const out: ZipEntryRead[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (e: Error) => reject(new UnreadableZip(e.message)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      const rawName = (entry.fileName as unknown as Buffer).toString('latin1');
      const name = decodeName(entry.fileName as unknown as Buffer);
      const directory = rawName.endsWith('/');
      const base: Omit<ZipEntryRead, 'sha256' | 'bytes' | 'error'> = { name, rawName, directory, size: entry.uncompressedSize };
      if (out.length >= MAX_ENTRIES) {
        zip.close();
        reject(new UnreadableZip(`more than ${MAX_ENTRIES} entries`));
        return;
      }
      if (directory) {
        out.push({ ...base, sha256: null, bytes: null, error: null });
        zip.readEntry();
        return;
      }
      const wanted = name !== null && keep(name) && entry.uncompressedSize <= keepMax;
      readEntry(zip, entry, wanted).then(
        ({ sha256, bytes }) => {
          out.push({ ...base, sha256, bytes, error: null });
          zip.readEntry();
        },
        (e: unknown) => {
          out.push({ ...base, sha256: null, bytes: null, error: e instanceof Error ? e.message : String(e) });
          zip.readEntry();
        },
      );
    });
    zip.readEntry();
  });
  return out;
}
