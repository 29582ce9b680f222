import { createHash, type Hash } from 'node:crypto';
import { createRequire } from 'node:module';
import { PassThrough, Transform, type Readable, type Writable } from 'node:stream';
import zlib from 'node:zlib';
import { ZipFile } from 'yazl';

/**
 * yazl checks every byte it zips with buffer-crc32's byte-at-a-time JavaScript table, a tenth of a heavy pack's
 * export time. Node's zlib.crc32 is the same CRC-32 (same polynomial, same chaining) in native code: yazl's own
 * instance of buffer-crc32 (the CommonJS one it requires) is given it. tests/unit/zip-crc.test.ts holds them equal.
 */
const yazlCrc32 = createRequire(import.meta.url)('buffer-crc32') as { unsigned(buf: Buffer, previous?: number): number };
yazlCrc32.unsigned = (buf, previous) => zlib.crc32(buf, previous ?? 0);

export interface WrittenFile {
  /** Relative to the bag's folder. */
  path: string;
  sha256: string;
  size: number;
}

/** Counts and hashes what passes through (or only counts, given the digest of the bytes it will see). */
class HashingStream extends Transform {
  private readonly hash: Hash | null;
  size = 0;
  digest: string | null = null;

  constructor(known: string | null = null) {
    super();
    this.hash = known === null ? createHash('sha256') : null;
    this.digest = known;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null, data?: Buffer) => void): void {
    this.hash?.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }

  override _flush(done: (err?: Error | null) => void): void {
    if (this.hash) this.digest = this.hash.digest('hex');
    done();
  }
}

/**
 * A ZIP written as a stream (yazl): files are added one at a time and each add resolves once its bytes have been
 * taken, so the pack is never held in memory. Every file is hashed (SHA-256) on its way in. All entries sit
 * under one folder (`root/`), the bag's base directory.
 */
export class ZipWriter {
  private readonly zip = new ZipFile();
  private failure: Error | null = null;
  private rejectPending: ((e: Error) => void) | null = null;
  private readonly closed: Promise<void>;
  private bytesOut = 0;
  private readonly root: string;
  private readonly mtime: Date;

  constructor(out: Writable, root: string, mtime: Date) {
    this.root = root;
    this.mtime = mtime;
    this.zip.on('error', (e: Error) => {
      this.failure ??= e;
      this.rejectPending?.(e);
    });
    const output = this.zip.outputStream as Readable;
    output.on('data', (c: Buffer) => (this.bytesOut += c.length));
    this.closed = new Promise((resolve, reject) => {
      out.on('close', () => (this.failure ? reject(this.failure) : resolve()));
      out.on('error', (e: Error) => {
        this.failure ??= e;
        reject(e);
      });
      output.on('error', (e: Error) => {
        this.failure ??= e;
        reject(e);
      });
    });
    // Keep the promise from being reported as unhandled when the writer is aborted before anyone awaits it.
    this.closed.catch(() => undefined);
    output.pipe(out);
  }

  /** Bytes of ZIP written so far. */
  get written(): number {
    return this.bytesOut;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /**
   * `knownSha256`: the digest of these very bytes, computed elsewhere (the export's reading thread), so the ZIP
   * does not hash them again.
   */
  addBuffer(path: string, data: Buffer, compress: boolean, knownSha256: string | null = null): Promise<WrittenFile> {
    const source = new PassThrough();
    source.end(data);
    return this.addStream(path, source, compress, data.length, knownSha256);
  }

  /** Adds a file read from `source`; resolves with its hash once the ZIP has consumed all of it. */
  addStream(path: string, source: Readable, compress: boolean, size?: number, knownSha256: string | null = null): Promise<WrittenFile> {
    this.check();
    const hasher = new HashingStream(knownSha256);
    const done = new Promise<WrittenFile>((resolve, reject) => {
      source.on('error', (e: Error) => {
        this.failure ??= e;
        hasher.destroy(e);
        reject(e);
      });
      hasher.on('error', reject);
      hasher.on('end', () => resolve({ path, sha256: hasher.digest!, size: hasher.size }));
      this.rejectPending = reject;
    });
    this.zip.addReadStreamLazy(
      `${this.root}/${path}`,
      { mtime: this.mtime, mode: 0o100644, compress, ...(size !== undefined ? { size } : {}) },
      (cb) => cb(null, source.pipe(hasher)),
    );
    return done;
  }

  /** Writes the central directory and waits until the file is closed. */
  async finish(): Promise<number> {
    this.check();
    this.zip.end();
    await this.closed;
    return this.bytesOut;
  }

  /** Stops writing: the caller removes the partial file. */
  abort(out: Writable): void {
    this.failure ??= new Error('aborted');
    const output = this.zip.outputStream as Readable;
    output.unpipe(out);
    output.destroy();
    out.destroy();
  }
}
