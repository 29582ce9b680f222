
/**
 * BagIt (RFC 8493, version 1.0) text files: the bag declaration, bag-info.txt, and the SHA-256 payload and tag
 * manifests. Pure functions, shared by the pack writer and the verifier.
 */

export const BAGIT_VERSION = '1.0';
export const DECLARATION = 'bagit.txt';
export const BAG_INFO = 'bag-info.txt';
export const MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
/** Not a BagIt file: the clinic's Ed25519 signature over tagmanifest-sha256.txt (so it cannot be listed in it). */
export const TAG_MANIFEST_SIGNATURE = 'tagmanifest-sha256.txt.sig';
export const PUBLIC_KEY = 'clinic-public-key.pem';
export const VERIFYING = 'VERIFYING.md';
/** A tag file: the clinic's signed statement of its audit chain's head at export (the chain checkpoint format). */
export const CHAIN_CHECKPOINT = 'chain-checkpoint.json';


export function declaration(): string {
  return `BagIt-Version: ${BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n`;
}

/** RFC 8493 §2.1.1: exactly these two lines, in this order. */
export function isValidDeclaration(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.length === 2 && /^BagIt-Version: 1\.0$/.test(lines[0]!) && /^Tag-File-Character-Encoding: UTF-8$/.test(lines[1]!);
}

export interface ManifestEntry {
  path: string;
  sha256: string;
}

/** Only LF, CR and % are percent-encoded in manifest paths (RFC 8493 §2.1.3). */
export function encodeManifestPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\n/g, '%0A').replace(/\r/g, '%0D');
}

export function decodeManifestPath(p: string): string {
  return p.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

/**
 * `checksum  path` lines, sorted by path. Two spaces: BagIt allows any run of whitespace, and it is the form
 * `sha256sum -c` reads.
 */
export function formatManifest(entries: readonly ManifestEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => `${e.sha256}  ${encodeManifestPath(e.path)}\n`)
    .join('');
}

export interface ManifestParse {
  entries: ManifestEntry[];
  /** 1-based line numbers that are not `<64 hex> <whitespace> <path>`. */
  badLines: number[];
}

export function parseManifest(text: string): ManifestParse {
  const entries: ManifestEntry[] = [];
  const badLines: number[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const m = /^([0-9a-fA-F]{64})[ \t]+(\S.*)$/.exec(line);
    if (!m) badLines.push(i + 1);
    else entries.push({ sha256: m[1]!.toLowerCase(), path: decodeManifestPath(m[2]!) });
  });
  return { entries, badLines };
}

export type BagInfo = [label: string, value: string][];

/** `Label: value` lines in the given order; values are single-line (line breaks become spaces). */
export function formatBagInfo(info: BagInfo): string {
  return info.map(([label, value]) => `${label}: ${value.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

/** Parses bag-info.txt, joining continuation lines (indented); returns null when a line is malformed. */
export function parseBagInfo(text: string): BagInfo | null {
  const out: BagInfo = [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (/^[ \t]/.test(line) && out.length > 0) {
      const last = out[out.length - 1]!;
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const m = /^([^:\s][^:]*?): (.*)$/.exec(line);
    if (!m) return null;
    out.push([m[1]!, m[2]!]);
  }
  return out;
}

export function bagInfoValue(info: BagInfo, label: string): string | null {
  const found = info.filter(([l]) => l.toLowerCase() === label.toLowerCase());
  return found.length === 1 ? found[0]![1] : null;
}

/** `OctetCount.StreamCount` of the payload. */
export function payloadOxum(sizes: readonly number[]): string {
  return `${sizes.reduce((n, s) => n + s, 0)}.${sizes.length}`;
}

/**
 * A relative path that stays inside the bag: forward slashes, no empty, `.` or `..` segment, no drive letter,
 * no backslash, no control character (RFC 8493 §7.1 asks implementations to guard against these).
 */
export function isSafeRelativePath(p: string): boolean {
  if (p.length === 0 || p.length > 1024 || p.startsWith('/') || p.includes('\\') || /^[A-Za-z]:/.test(p) || p.startsWith('~')) return false;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(p)) return false;
  return p.split('/').every((seg) => seg.length > 0 && seg !== '.' && seg !== '..');
}
