import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
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
  /** Why the entry's data could not be read (corrupt compressed data, a size that does not match, too large), if so. */
  error: string | null;
}

/** Not a ZIP we will read at all: not a regular file, not a ZIP, a ZIP bomb's shape. */
export class UnreadableZip extends Error {}

/** Reading stopped before the end: the time budget ran out, or the requester went away. */
export class ZipReadStopped extends Error {
  readonly reason: 'time_budget' | 'cancelled';
  constructor(reason: 'time_budget' | 'cancelled') {
    super(reason === 'time_budget' ? 'the time budget for reading the pack ran out' : 'cancelled');
    this.reason = reason;
  }
}

/**
 * What one read may cost. A real heavy patient's pack is hundreds of MB of photos that do not compress, so the
 * defaults sit well above that; a ZIP bomb (entries that share one stream, or a tiny file declaring terabytes) is
 * refused from its central directory before anything is inflated.
 */
export interface ZipLimits {
  maxEntries: number;
  /** Total of the entries' declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Declared total at most this many times the archive's own size (plus `ratioSlackBytes`). */
  maxRatio: number;
  ratioSlackBytes: number;
  /** Bytes kept in memory for one file, and for all kept files together. */
  maxKeptPerFile: number;
  maxKeptTotal: number;
  /** Epoch ms after which reading stops with ZipReadStopped('time_budget'); computed from the declared size by `timeBudgetMs`. */
  deadline?: number;
  cancelled?: () => boolean;
  progress?: (doneBytes: number, totalBytes: number) => void;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxRatio: 200,
  ratioSlackBytes: 64 * 1024 ** 2,
  maxKeptPerFile: 64 * 1024 ** 2,
  maxKeptTotal: 256 * 1024 ** 2,
};

/**
 * The time a read may take: a minute plus 4 MiB a second of declared content, so a real 500 MB pack on a slow
 * machine still finishes (about three minutes) while the budget of a hostile one stays bounded.
 */
export function timeBudgetMs(declaredBytes: number): number {
  return 60_000 + Math.ceil(declaredBytes / (4 * 1024 * 1024)) * 1000;
}

export type ZipSource = { path: string } | { buffer: Buffer };

/**
 * Opens a path as a regular file only: opened without blocking first (a FIFO or device would otherwise hang the
 * open or the reads for ever), then checked on the descriptor itself so the answer cannot change in between.
 */
function openRegularFile(file: string): number {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableZip(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : `cannot open (${code ?? 'error'})`);
  }
  const stat = fs.fstatSync(fd);
  if (!stat.isFile()) {
    fs.closeSync(fd);
    throw new UnreadableZip('not a regular file');
  }
  return fd;
}

/** The pieces a pack's entries are read in. */
const READ_PIECE = 1024 * 1024;

/**
 * Bytes [start, end) of an open file. Not fs.createReadStream: destroying one closes its descriptor even with
 * autoClose off, and yauzl destroys an entry's stream when the entry ends, while the next entry needs the file.
 */
class RangeStream extends Readable {
  private readonly fd: number;
  private readonly end: number;
  private position: number;
  constructor(fd: number, start: number, end: number) {
    super({ highWaterMark: READ_PIECE });
    this.fd = fd;
    this.end = end;
    this.position = start;
  }

  override _read(): void {
    const want = Math.min(READ_PIECE, this.end - this.position);
    if (want <= 0) {
      this.push(null);
      return;
    }
    const piece = Buffer.allocUnsafe(want);
    fs.read(this.fd, piece, 0, want, this.position, (err, bytesRead) => {
      if (err) return this.destroy(err);
      // A file shorter than its directory says: the end, which yauzl's byte count reports as too few bytes.
      if (bytesRead === 0) return this.push(null);
      this.position += bytesRead;
      this.push(bytesRead < want ? piece.subarray(0, bytesRead) : piece);
    });
  }
}

/**
 * The pack's file as yauzl reads it, in 1 MiB pieces. yauzl's own descriptor reader reads 64 KiB at a time, and the
 * stream hops per piece (read, byte count, inflate, hash) then cost more than the hashing: verifying a heavy
 * patient's 165 MiB pack took 0.53 s that way against 0.30 s in 1 MiB pieces (raw SHA-256 of it: 0.19 s).
 */
class PackFileReader extends yauzl.RandomAccessReader {
  private readonly fd: number;
  constructor(fd: number) {
    super();
    this.fd = fd;
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new RangeStream(this.fd, start, end);
  }

  /** The central directory's small reads, straight from the descriptor (as yauzl's own reader does). */
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    fs.read(this.fd, buffer, offset, length, position, (err, bytesRead) => callback(err, bytesRead));
  }

  override close(callback: (err: Error | null) => void): void {
    fs.close(this.fd, (err) => callback(err ?? null));
  }
}

function openZip(source: ZipSource): Promise<ZipFile> {
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false } as const;
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip: ZipFile | undefined) => (err || !zip ? reject(new UnreadableZip(err?.message ?? 'not a ZIP file')) : resolve(zip));
    if ('path' in source) {
      let fd: number;
      try {
        fd = openRegularFile(source.path);
      } catch (e) {
        return reject(e instanceof Error ? e : new UnreadableZip(String(e)));
      }
      yauzl.fromRandomAccessReader(new PackFileReader(fd), fs.fstatSync(fd).size, options, (err, zip) => {
        if (err) closeQuietly(fd);
        done(err, zip);
      });
    } else yauzl.fromBuffer(source.buffer, options, done);
  });
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    /* yauzl closed it already */
  }
}

function decodeName(raw: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return null;
  }
}

/** The central directory alone, every entry, before any data is read. */
function readDirectory(zip: ZipFile, maxEntries: number): Promise<Entry[]> {
  if (zip.entryCount > maxEntries) return Promise.reject(new UnreadableZip(`more than ${maxEntries} entries`));
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('error', (e: Error) => reject(new UnreadableZip(e.message)));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/**
 * Refuses the shapes of a ZIP bomb from the directory alone: declared sizes beyond the limits, compressed data
 * larger than the file, and entries whose data overlap (several directory entries pointing into one stream, the
 * trick that makes a 67 KB file inflate to gigabytes).
 */
function checkDirectory(entries: Entry[], fileSize: number, limits: ZipLimits): number {
  let total = 0;
  for (const e of entries) {
    if (e.compressionMethod !== 0 && e.compressionMethod !== 8) throw new UnreadableZip(`unsupported compression method ${e.compressionMethod}`);
    if (e.compressionMethod === 0 && e.compressedSize !== e.uncompressedSize) throw new UnreadableZip('a stored entry whose sizes differ');
    if (e.compressedSize > fileSize) throw new UnreadableZip('an entry larger than the file');
    total += e.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) throw new UnreadableZip(`declares ${total} bytes, more than the ${limits.maxTotalBytes} a pack may hold`);
  if (total > limits.ratioSlackBytes + limits.maxRatio * fileSize) throw new UnreadableZip(`declares ${total} bytes from a ${fileSize}-byte file: not a real pack`);
  const byOffset = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1]!;
    // The local header is at least 30 bytes plus the name; its extra field can only push the data further.
    const prevEnd = prev.relativeOffsetOfLocalHeader + 30 + prev.fileNameLength + prev.compressedSize;
    if (byOffset[i]!.relativeOffsetOfLocalHeader < prevEnd) throw new UnreadableZip('entries overlap (several entries share the same data)');
  }
  return total;
}

interface ReadBudget {
  kept: number;
  done: number;
  total: number;
  limits: ZipLimits;
}

function stopReason(limits: ZipLimits): ZipReadStopped | null {
  if (limits.cancelled?.()) return new ZipReadStopped('cancelled');
  if (limits.deadline !== undefined && Date.now() > limits.deadline) return new ZipReadStopped('time_budget');
  return null;
}

function readEntry(zip: ZipFile, entry: Entry, keep: boolean, budget: ReadBudget): Promise<{ sha256: string; bytes: Buffer | null }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream?: Readable) => {
      if (err || !stream) return reject(err ?? new Error('no data'));
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let settled = false;
      const stop = (e: Error) => {
        if (settled) return;
        settled = true;
        stream.destroy();
        reject(e);
      };
      stream.on('data', (c: Buffer) => {
        const stopped = stopReason(budget.limits);
        if (stopped) return stop(stopped);
        hash.update(c);
        budget.done += c.length;
        budget.limits.progress?.(budget.done, budget.total);
        if (keep) chunks.push(c);
      });
      stream.on('error', (e: Error) => stop(e));
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        resolve({ sha256: hash.digest('hex'), bytes: keep ? Buffer.concat(chunks) : null });
      });
    });
  });
}

/**
 * Reads every entry of a ZIP, hashing each file's data as it streams by and keeping the bytes of those `keep`
 * accepts, within `limits`. Throws UnreadableZip when the file is not a ZIP we will read, ZipReadStopped when the
 * time budget runs out or the read is cancelled.
 */
export async function readZip(source: ZipSource, keep: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipEntryRead[]> {
  const zip = await openZip(source);
  try {
    const entries = await readDirectory(zip, limits.maxEntries);
    const total = checkDirectory(entries, zip.fileSize, limits);
    const effective: ZipLimits = { ...limits, deadline: limits.deadline ?? Date.now() + timeBudgetMs(total) };
    const budget: ReadBudget = { kept: 0, done: 0, total, limits: effective };
    const out: ZipEntryRead[] = [];
    for (const entry of entries) {
      const stopped = stopReason(effective);
      if (stopped) throw stopped;
      const rawBytes = entry.fileName as unknown as Buffer;
      const rawName = rawBytes.toString('latin1');
      const name = decodeName(rawBytes);
      const directory = rawName.endsWith('/');
      const base = { name, rawName, directory, size: entry.uncompressedSize };
      if (directory) {
        out.push({ ...base, sha256: null, bytes: null, error: null });
        continue;
      }
      const wanted = name !== null && keep(name);
      const fits = entry.uncompressedSize <= effective.maxKeptPerFile && budget.kept + entry.uncompressedSize <= effective.maxKeptTotal;
      if (wanted && !fits) {
        out.push({ ...base, sha256: null, bytes: null, error: `too large to check (${entry.uncompressedSize} bytes)` });
        continue;
      }
      if (wanted) budget.kept += entry.uncompressedSize;
      try {
        const { sha256, bytes } = await readEntry(zip, entry, wanted, budget);
        out.push({ ...base, sha256, bytes, error: null });
      } catch (e) {
        if (e instanceof ZipReadStopped) throw e;
        out.push({ ...base, sha256: null, bytes: null, error: e instanceof Error ? e.message : String(e) });
      }
    }
    return out;
  } finally {
    zip.close();
  }
}
