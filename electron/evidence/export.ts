import { createPrivateKey, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../../shared/canonical-json';
import { messages } from '../../shared/i18n';
import type { ExportPhase, ExportResult } from '../../shared/schemas/evidence';
import { evidencePdfWords } from '../pdf/wording';
import { fsyncFile } from '../store/backups/files';
import { crashPoint } from '../store/crash-points';
import { formatCheckpoint } from '../store/audit/checkpoint';
import { BAG_INFO, CHAIN_CHECKPOINT, DECLARATION, declaration, formatBagInfo, formatManifest, MANIFEST, payloadOxum, PUBLIC_KEY, TAG_MANIFEST, TAG_MANIFEST_SIGNATURE, VERIFYING } from './bagit';
import { sha256Hex } from '../domain/hash';
import { clinicTimeOf, renderEvidencePdf } from './evidence-pdf';
import { PdfImages, type ImageKit } from './pdf-image';
import { StreamingPdfWriter } from './pdf-writer';
import { readHere, type BlobReader, type ReadAhead } from './read-ahead';
import type { PackSnapshot, PayloadFile } from './records';
import { bagInfo, packFolderName, verifyingMd } from './tag-files';
import { ZipWriter, type WrittenFile } from './zip-writer';

/** Starts reading the photos, in the order evidence.pdf shows them, ahead of the export (read-ahead.ts). */
export type StartReadAhead = (photos: PayloadFile[]) => ReadAhead;

export interface ExportControls {
  cancelled(): boolean;
  progress(phase: ExportPhase, done: number, total: number): void;
}

export class ExportCancelled extends Error {}
/** A stored file no longer has the hash the vault recorded for it: the pack would carry damaged evidence. */
export class DamagedVaultFile extends Error {}

/**
 * The subset tags pdfkit gives its own fonts (derived from the font ids F1, F2, …), which copied consent pages
 * must not reuse.
 */
function pdfkitSubsetTags(): Set<string> {
  const tags = new Set<string>();
  for (let n = 1; n <= 20; n++) {
    const id = `F${n}`;
    tags.add([1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((id.charCodeAt(i) || 73) + 17)).join(''));
  }
  return tags;
}

/**
 * The hidden temporary files beside the destination: the pack appears under its own name only once it is
 * complete, and evidence.pdf is drawn into the second first. Named by the pack's id, so the export's start can
 * record them (they hold patient records) before they exist, and a crashed export's files can be found later.
 */
export function temporaryFiles(destination: string, packId: string): { pack: string; pdf: string } {
  const base = path.join(path.dirname(destination), `.${path.basename(destination)}.${packId}`);
  return { pack: `${base}.partial`, pdf: `${base}.pdf.partial` };
}

/** Why a pack may not be written there, or null: an existing folder, outside `insideOf` (the vault), a name not taken. */
export function destinationProblem(file: string, insideOf: string | null): { code: 'invalid_input' | 'conflict'; messageKey: string } | null {
  let folder: fs.Stats | null;
  try {
    folder = fs.statSync(path.dirname(file));
  } catch {
    folder = null;
  }
  if (!folder?.isDirectory()) return { code: 'invalid_input', messageKey: 'evidence.errors.folderMissing' };
  const guarded = insideOf === null ? null : path.resolve(insideOf);
  if (guarded && (file === guarded || file.startsWith(guarded + path.sep))) return { code: 'invalid_input', messageKey: 'evidence.errors.insideVault' };
  if (fs.existsSync(file)) return { code: 'conflict', messageKey: 'evidence.errors.fileExists' };
  return null;
}

/** Moves the finished file into place without ever replacing a file that appeared meanwhile. */
export function publishWithoutReplacing(tmp: string, destination: string): void {
  try {
    fs.linkSync(tmp, destination);
    fs.unlinkSync(tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw e;
    // File systems without hard links (FAT, exFAT USB drives): check, then rename.
    if (fs.existsSync(destination)) throw Object.assign(new Error('destination exists'), { code: 'EEXIST' });
    fs.renameSync(tmp, destination);
  }
}

/**
 * Writes the evidence pack: a ZIP with one folder holding a BagIt bag. Payload first (records.json, audit.jsonl,
 * the consent PDFs, signatures, photos, attachments, evidence.pdf), hashed as it streams; then the tag files,
 * the tag manifest and its Ed25519 signature. Written to a temporary sibling and renamed at the end, so a
 * failed or cancelled export leaves nothing under the chosen name.
 */
export async function writePack(s: PackSnapshot, destination: string, blobs: BlobReader, controls: ExportControls, startReadAhead: StartReadAhead = () => readHere(blobs)): Promise<ExportResult> {
  let last = { done: 0, total: 0 };
  const reporting: ExportControls = {
    cancelled: controls.cancelled,
    progress: (phase, done, total) => {
      last = { done, total };
      controls.progress(phase, done, total);
    },
  };
  // evidence.pdf is drawn into a file of its own first, so each photo is read from the vault once, for both.
  const { pack: tmp, pdf: pdfTmp } = temporaryFiles(destination, s.packId);
  const out = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
  await new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', reject);
  });
  const zip = new ZipWriter(out, packFolderName(s), new Date(s.exportedAt));
  const photos = s.records.photos.flatMap((ph) => s.files.filter((f) => f.path === ph.file).slice(0, 1));
  const ahead = startReadAhead(photos);
  let finished = false;
  try {
    const result = await writeContents(s, destination, pdfTmp, zip, blobs, ahead, reporting);
    controls.progress('finishing', last.done, last.total);
    const bytes = await zip.finish();
    // On the disk before it gets its name: a power cut leaves no half pack under the name the person chose.
    fsyncFile(tmp);
    if (controls.cancelled()) throw new ExportCancelled();
    publishWithoutReplacing(tmp, destination);
    finished = true;
    return { ...result, bytes };
  } finally {
    if (!finished) {
      zip.abort(out);
      await new Promise((resolve) => setImmediate(resolve));
      fs.rmSync(tmp, { force: true });
    }
    fs.rmSync(pdfTmp, { force: true });
    await ahead.close();
  }
}

async function writeContents(s: PackSnapshot, destination: string, pdfTmp: string, zip: ZipWriter, blobs: BlobReader, ahead: ReadAhead, controls: ExportControls): Promise<Omit<ExportResult, 'bytes'>> {
  const stop = () => controls.cancelled();
  const check = () => {
    if (stop()) throw new ExportCancelled();
  };
  const recordsJson = Buffer.from(`${JSON.stringify(s.records, null, 2)}\n`, 'utf8');
  const auditJsonl = s.kind === 'lawyer' ? Buffer.from(s.audit.map((e) => `${canonicalJson(e)}\n`).join(''), 'utf8') : null;
  // Progress in bytes: the files copied, and about as much again for the evidence PDF's photos and consents.
  const pdfShare = s.files.filter((f) => f.path.startsWith('photos/') || f.path.endsWith('.pdf')).reduce((n, f) => n + f.size, 0) + 256 * 1024;
  const total = recordsJson.length + (auditJsonl?.length ?? 0) + s.files.reduce((n, f) => n + f.size, 0) + pdfShare + 64 * 1024;
  let done = 0;
  const advance = (phase: ExportPhase, bytes: number) => {
    done += bytes;
    controls.progress(phase, Math.min(done, total), total);
  };
  controls.progress('records', 0, total);

  const payload: WrittenFile[] = [];
  const add = async (file: string, data: Buffer, compress: boolean, phase: ExportPhase, knownSha256: string | null = null): Promise<WrittenFile> => {
    check();
    const written = await zip.addBuffer(`data/${file}`, data, compress, knownSha256);
    payload.push(written);
    advance(phase, data.length);
    return written;
  };
  const packed = new Set<string>();
  /**
   * The ZIP hashes each file on its way in: a stored file whose bytes no longer match the vault's record fails the
   * export (its partial pack is removed), without hashing every file twice. `checked`: a photo already hashed on
   * the reading thread and checked against the record (`photo` below), which the ZIP takes without hashing again.
   */
  const addFile = async (f: PayloadFile, data: Buffer, phase: ExportPhase, checked = false) => {
    if (packed.has(f.path)) return;
    const written = await add(f.path, data, f.compress, phase, checked ? f.sha256 : null);
    if (written.sha256 !== f.sha256) throw new DamagedVaultFile(f.path);
    packed.add(f.path);
  };
  await add('records.json', recordsJson, true, 'records');
  crashPoint('export:after-records');
  if (auditJsonl) await add('audit.jsonl', auditJsonl, true, 'records');
  // Photos go in while the PDF shows them (below); everything else now.
  for (const f of s.files) if (!f.path.startsWith('photos/')) await addFile(f, blobs(f.source), 'files');

  // evidence.pdf, streamed into the ZIP as it is drawn; records.json travels inside it too (PDF/A-3 attachment).
  check();
  controls.progress('pdf', done, total);
  const m = messages[s.locale];
  const words = evidencePdfWords(s.locale);
  const writer = new StreamingPdfWriter({
    title: `${s.kind === 'lawyer' ? words.title : words.titlePatient} ${s.records.patient.nameZh} ${s.records.patient.chartNo}`,
    subject: `${s.packId}`,
    author: s.clinic.name,
    keywords: `evidence-pack:${s.packId} patient:${s.records.patient.id} pack-no:${s.packNo}`,
    createdAt: new Date(s.exportedAt),
    lang: s.locale,
  });
  let pdfError: Error | null = null;
  writer.stream.on('error', (e: Error) => (pdfError ??= e));
  const pdfOut = fs.createWriteStream(pdfTmp, { flags: 'wx', mode: 0o600 });
  const pdfClosed = new Promise<void>((resolve, reject) => {
    pdfOut.on('close', () => resolve());
    pdfOut.on('error', (e: Error) => {
      pdfError ??= e;
      reject(e);
    });
  });
  pdfClosed.catch(() => undefined);
  writer.stream.pipe(pdfOut);
  // PDF/A-3 associated file; `relationship` (AFRelationship) is in pdfkit but not in its type definitions.
  const attachment: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = {
    name: 'records.json',
    type: 'application/json',
    relationship: 'Data',
    description: words.attachmentName,
    creationDate: new Date(s.exportedAt),
    modifiedDate: new Date(s.exportedAt),
  };
  writer.doc.file(recordsJson, attachment);
  let pdf: Awaited<ReturnType<typeof renderEvidencePdf>>;
  let inFlight: Promise<void> = Promise.resolve();
  try {
    pdf = await renderEvidencePdf({
      w: writer,
      s,
      m,
      words,
      t: clinicTimeOf(s),
      bytes: blobs,
      photo: async (f) => {
        const read = await ahead.next(f.source);
        if (read.sha256 !== f.sha256) throw new DamagedVaultFile(f.path);
        return read.bytes;
      },
      images: new PdfImages(writer.doc as unknown as ImageKit),
      stop: () => stop() || pdfError !== null,
      progress: (bytes) => advance('pdf', bytes),
      // The ZIP takes a photo while the next one is drawn: one in flight at a time.
      pack: (f, data) => {
        const previous = inFlight;
        inFlight = previous.then(() => addFile(f, data, 'pdf', true));
        inFlight.catch(() => undefined);
        return previous;
      },
      fontTags: pdfkitSubsetTags(),
    });
  } catch (e) {
    // Close the half-drawn PDF's file before it is removed.
    writer.stream.unpipe(pdfOut);
    pdfOut.destroy();
    throw e;
  }
  await inFlight;
  if (pdfError) throw pdfError;
  check();
  for (const f of s.files) if (!packed.has(f.path)) await addFile(f, blobs(f.source), 'files');
  await pdfClosed;
  crashPoint('export:after-pdf');
  // Read back in 1 MiB pieces: at the default 64 KiB, the four stream hops per piece (read, hash, CRC, write) took
  // twice as long as the bytes themselves for a heavy patient's 85 MiB PDF (measured: 350-430 ms down to 155-185 ms).
  payload.push(await zip.addStream('data/evidence.pdf', fs.createReadStream(pdfTmp, { highWaterMark: 1024 * 1024 }), false));
  advance('pdf', 256 * 1024);

  // The tag files, the tag manifest over them, and the clinic's signature of the tag manifest.
  controls.progress('manifests', done, total);
  const manifest = formatManifest(payload);
  const payloadBytes = payload.reduce((n, f) => n + f.size, 0);
  const info = bagInfo(s, payloadOxum(payload.map((f) => f.size)), payloadBytes, { first: pdf.batesFirst, last: pdf.batesLast });
  const tags: WrittenFile[] = [];
  for (const [file, text] of [
    [DECLARATION, declaration()],
    [BAG_INFO, formatBagInfo(info)],
    [MANIFEST, manifest],
    [PUBLIC_KEY, s.key.publicKeyPem],
    [VERIFYING, verifyingMd(s, path.basename(destination))],
    [CHAIN_CHECKPOINT, formatCheckpoint(s.checkpoint)],
  ] as const) {
    check();
    tags.push(await zip.addBuffer(file, Buffer.from(text, 'utf8'), true));
  }
  const tagManifest = Buffer.from(formatManifest(tags), 'utf8');
  await zip.addBuffer(TAG_MANIFEST, tagManifest, true);
  const signature = sign(null, tagManifest, createPrivateKey(s.key.privateKeyPem));
  await zip.addBuffer(TAG_MANIFEST_SIGNATURE, signature, false);
  advance('manifests', 64 * 1024);
  return {
    packId: s.packId,
    packNo: s.packNo,
    path: destination,
    files: payload.length,
    pages: pdf.pages,
    tagManifestSha256: sha256Hex(tagManifest),
    batesFirst: pdf.batesFirst,
    batesLast: pdf.batesLast,
  };
}
