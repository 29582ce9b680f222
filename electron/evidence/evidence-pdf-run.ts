import type { LocaleMessages } from '../../shared/i18n';
import type { EvidencePdfWords } from '../pdf/wording';
import type { PdfImages } from './pdf-image';
import type { StreamingPdfWriter } from './pdf-writer';
import type { BlobSource, PackSnapshot, PayloadFile } from './records';

/**
 * What the section renderers of evidence.pdf share: the writer, the data, the words, and the export's controls.
 * Its own module so that the sections (evidence-pdf-records.ts, evidence-pdf-comparison.ts) and the document
 * that orders them (evidence-pdf.ts) do not import each other.
 */
export interface PdfRun {
  w: StreamingPdfWriter;
  s: PackSnapshot;
  /** The words the screens show too (field names, statuses, roles, audit labels). */
  m: LocaleMessages;
  /** The words only evidence.pdf prints. */
  words: EvidencePdfWords;
  /** The clinic's time, with or without the zone named. */
  t(iso: string | null | undefined, withZone?: boolean): string;
  bytes(source: BlobSource): Buffer;
  /**
   * A photo's bytes, in the Photos section's order: read ahead and hashed on the export's second thread where it
   * can be, and checked against the vault's record of them.
   */
  photo(file: PayloadFile): Promise<Buffer>;
  /** The photos drawn so far, each in the file once. */
  images: PdfImages;
  stop(): boolean;
  /** Reports work done, in bytes of content. */
  progress(bytes: number): void;
  /** Puts a payload file read for the PDF into the pack as well (so it is read from the vault once). */
  pack(file: PayloadFile, bytes: Buffer): Promise<void>;
  /** Subset tags in use by consent pages copied in (kept unique across documents). */
  fontTags: Set<string>;
}

/** A record's value as a cell shows it: a dash for nothing, yes/no, lists joined, objects as `key: value`. */
export function shown(v: unknown, r: Pick<PdfRun, 'm' | 'words'>): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? r.m.patients.yes : r.m.patients.no;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((x) => shown(x, r)).join(r.words.listSeparator);
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${k}: ${shown(x, r)}`)
    .join('; ');
}
