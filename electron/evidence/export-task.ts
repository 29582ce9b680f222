import type { ExportPhase, ExportResult } from '../../shared/schemas/evidence';
import { PackBlobStore } from '../store/evidence/pack-blobs';
import { DamagedVaultFile, ExportCancelled, writePack } from './export';
import { readAhead } from './read-ahead';
import type { BlobSource, PackSnapshot, PayloadFile } from './records';

/** What the export worker is handed: the snapshot read at the start, where to write, and its own way into the vault. */
export interface ExportTaskInput {
  snapshot: PackSnapshot;
  destination: string;
  vault: { dbPath: string; key: Uint8Array };
}

export interface ExportTaskContext {
  progress(phase: ExportPhase, done: number, total: number): void;
  cancelled(): boolean;
}

/** A failure the person is told about in their own words (a locale key). */
export class ExportTaskFailed extends Error {
  readonly errorKey: string;
  constructor(errorKey: string) {
    super(errorKey);
    this.errorKey = errorKey;
  }
}

/** Structured cloning hands Buffers over as plain Uint8Arrays: the PDF and ZIP code want Buffers back. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function revived(s: PackSnapshot): PackSnapshot {
  return { ...s, files: s.files.map((f) => (f.source.from === 'bytes' ? { ...f, source: { from: 'bytes', bytes: asBuffer(f.source.bytes) } } : f)) };
}

/**
 * Writes the pack inside a job-runner worker (issue 14): rendering the PDF and zipping the files never holds the
 * event loop that answers the other seats. The vault key is zeroed and the connection closed whatever happens.
 */
export async function runExportTask(input: ExportTaskInput, ctx: ExportTaskContext): Promise<ExportResult> {
  const key = asBuffer(input.vault.key);
  let blobs: PackBlobStore | null = null;
  try {
    blobs = new PackBlobStore(input.vault.dbPath, key);
    const store = blobs;
    const read = (source: BlobSource): Buffer => (source.from === 'bytes' ? asBuffer(source.bytes) : store.read(source.from, source.sha256));
    const vault = { dbPath: input.vault.dbPath, key };
    const ahead = (photos: PayloadFile[]) => readAhead(photos.map((f) => f.source), vault, read, photos.reduce((n, f) => n + f.size, 0));
    return await writePack(revived(input.snapshot), input.destination, read, ctx, ahead);
  } catch (e) {
    if (e instanceof ExportCancelled) throw e;
    if (e instanceof DamagedVaultFile) throw new ExportTaskFailed('evidence.errors.damagedFile');
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ExportTaskFailed('evidence.errors.fileExists');
    if (code === 'ENOSPC') throw new ExportTaskFailed('evidence.errors.diskFull');
    throw e;
  } finally {
    blobs?.close();
    key.fill(0);
  }
}
