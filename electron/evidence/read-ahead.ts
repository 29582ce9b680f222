import { Worker } from 'node:worker_threads';
import { sha256Hex } from '../domain/hash';
import { PackBlobStore, type PackBlobTable } from '../store/evidence/pack-blobs';
import { workerEntry } from '../jobs/worker-entry';
import type { BlobSource } from './records';

/** Reads a file's bytes from the vault (content-addressed and immutable, so safe to read while the export runs). */
export type BlobReader = (source: BlobSource) => Buffer;

/** A file's bytes and their SHA-256, computed where they were read. */
export interface ReadFile {
  bytes: Buffer;
  sha256: string;
}

/**
 * Files the export will want in a known order (the photos, as evidence.pdf shows them), read and hashed on a
 * thread of their own. Decrypting and hashing a heavy patient's photos is a fifth of an export; read ahead, it
 * happens on the machine's second core while the first is still drawing the pages before the photos.
 */
export interface ReadAhead {
  /** `source`'s bytes: the ones read ahead when it is the next in the order, otherwise read here and now. */
  next(source: BlobSource): Promise<ReadFile>;
  /** Stops the reading thread (also when the export fails or is cancelled half-way). */
  close(): Promise<void>;
}

/** What the reading thread is started with (one of the job runner's worker kinds). */
export interface PackReadsStart {
  dbPath: string;
  /** A copy of the vault key for the thread's own read-only connection; zeroed there once it is open. */
  key: Uint8Array;
  order: { table: PackBlobTable; sha256: string }[];
  /** Int32 [taken, stop]: the exporter counts what it has taken; the reader stays at most WINDOW ahead. */
  control: SharedArrayBuffer;
}
export type PackRead = { index: number; bytes: Uint8Array; sha256: string } | { index: number; failed: true };

/** At most this many files read and not yet taken (about 16 MB of photos): memory stays bounded. */
export const READ_AHEAD_WINDOW = 8;
/** Below this many bytes to read, a second thread costs more to start than it saves. */
export const READ_AHEAD_MIN_BYTES = 4 * 1024 * 1024;

const TAKEN = 0;
const STOP = 1;

const stored = (s: BlobSource): s is Extract<BlobSource, { sha256: string }> => s.from !== 'bytes';
const tableOf = (s: Extract<BlobSource, { sha256: string }>): PackBlobTable => s.from;

/** Reads (and hashes) one file on the export's own thread. */
function readFileHere(read: BlobReader, source: BlobSource): ReadFile {
  const bytes = read(source);
  return { bytes, sha256: sha256Hex(bytes) };
}

/** Reads everything here, on the export's own thread: for small packs, and whenever the reading thread is gone. */
export function readHere(read: BlobReader): ReadAhead {
  return { next: (source) => Promise.resolve(readFileHere(read, source)), close: () => Promise.resolve() };
}

/**
 * Reads `order` on a second thread, `read` being the fallback: a file the thread could not read, one asked out of
 * order, or every file once the thread has died is read here, so the export never depends on the second thread.
 */
export function readAhead(order: BlobSource[], vault: { dbPath: string; key: Uint8Array }, read: BlobReader, sizes: number): ReadAhead {
  const files = order.filter(stored);
  if (files.length === 0 || sizes < READ_AHEAD_MIN_BYTES) return readHere(read);
  const control = new Int32Array(new SharedArrayBuffer(8));
  const arrived = new Map<number, ReadFile | null>();
  const waiting = new Map<number, () => void>();
  let thread: Worker | null = null;
  const gone = () => {
    thread = null;
    for (const wake of waiting.values()) wake();
    waiting.clear();
  };
  try {
    const entry = workerEntry();
    const start: PackReadsStart = { dbPath: vault.dbPath, key: new Uint8Array(vault.key), order: files.map((f) => ({ table: tableOf(f), sha256: f.sha256 })), control: control.buffer as SharedArrayBuffer };
    thread = new Worker(entry.file, { workerData: { packReads: start }, execArgv: entry.execArgv, resourceLimits: { maxOldGenerationSizeMb: 128 }, stdout: false, stderr: false });
    // The Worker constructor has cloned workerData: this thread's copy of the key is not needed.
    start.key.fill(0);
  } catch {
    return readHere(read);
  }
  thread.on('message', (m: PackRead) => {
    arrived.set(m.index, 'failed' in m ? null : { bytes: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength), sha256: m.sha256 });
    waiting.get(m.index)?.();
    waiting.delete(m.index);
  });
  thread.on('error', gone);
  // Not unref'd: while the export waits for a photo, this thread is what keeps its event loop alive.
  thread.on('exit', gone);
  let cursor = 0;
  return {
    async next(source) {
      if (!stored(source)) return { bytes: source.bytes, sha256: sha256Hex(source.bytes) };
      const wanted = files[cursor];
      if (!wanted || wanted.from !== source.from || wanted.sha256 !== source.sha256) return readFileHere(read, source);
      const index = cursor++;
      if (!arrived.has(index) && thread) await new Promise<void>((resolve) => waiting.set(index, resolve));
      const file = arrived.get(index) ?? null;
      arrived.delete(index);
      Atomics.add(control, TAKEN, 1);
      Atomics.notify(control, TAKEN);
      return file ?? readFileHere(read, source);
    },
    async close() {
      Atomics.store(control, STOP, 1);
      Atomics.notify(control, TAKEN);
      arrived.clear();
      const t = thread;
      if (t) await t.terminate();
    },
  };
}

/** The reading thread: opens its own read-only connection and posts each file, hashed, in order, WINDOW at most ahead. */
export function servePackReads(start: PackReadsStart, post: (m: PackRead, transfer: ArrayBuffer[]) => void): void {
  const control = new Int32Array(start.control);
  const key = Buffer.from(start.key.buffer, start.key.byteOffset, start.key.byteLength);
  let store: PackBlobStore;
  try {
    store = new PackBlobStore(start.dbPath, key);
  } finally {
    key.fill(0);
  }
  try {
    for (let index = 0; index < start.order.length; index++) {
      // Blocking here is what this thread is for; the timeout re-checks the stop flag.
      while (index - Atomics.load(control, TAKEN) >= READ_AHEAD_WINDOW && Atomics.load(control, STOP) === 0) Atomics.wait(control, TAKEN, Atomics.load(control, TAKEN), 100);
      if (Atomics.load(control, STOP) === 1) return;
      const file = start.order[index]!;
      let bytes: Buffer;
      try {
        bytes = store.read(file.table, file.sha256);
      } catch {
        post({ index, failed: true }, []);
        continue;
      }
      // Hashed here, off the exporter's thread: the vault's check and the pack's manifest use this digest.
      const sha256 = sha256Hex(bytes);
      // A Buffer that owns its whole memory moves to the exporter without a copy; any other is copied.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer);
      post({ index, bytes, sha256 }, own ? [bytes.buffer as ArrayBuffer] : []);
    }
  } finally {
    store.close();
  }
}
