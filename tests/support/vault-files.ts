import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult } from '../../shared/errors';

export const DB_FILE = 'vault.db';
export const KEYSLOTS_FILE = 'keyslots.json';
export const GUARD_FILE = 'signin-guard.json';
export const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** sha256 of each named file in the folder (null when absent). */
export function fileHashes(dir: string, names: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(names.map((n) => [n, fs.existsSync(path.join(dir, n)) ? sha256File(path.join(dir, n)) : null]));
}

/** keyslots.json as plain JSON (not through the product's parser). */
export interface RawSlot {
  id: string;
  kind: 'staff' | 'recovery';
  staffId?: string;
  nameKey?: string;
  kdf: { salt: string } & Record<string, unknown>;
  wrap: { iv: string; ciphertext: string; tag: string } & Record<string, unknown>;
  createdAt: string;
}
export interface RawKeySlots {
  format: string;
  version: number;
  vaultId: string;
  cipher: string;
  slots: RawSlot[];
}
export function readRawSlots(dir: string): RawKeySlots {
  return JSON.parse(fs.readFileSync(path.join(dir, KEYSLOTS_FILE), 'utf8')) as RawKeySlots;
}

/** Every occurrence check the encryption tests need: the UTF-8 and UTF-16LE forms of a text. */
export function encodings(text: string): { label: string; bytes: Buffer }[] {
  return [
    { label: `utf8 ${text}`, bytes: Buffer.from(text, 'utf8') },
    { label: `utf16le ${text}`, bytes: Buffer.from(text, 'utf16le') },
  ];
}

/** The texts (in either encoding) found in a buffer; empty when none leaks. */
export function leakedTexts(data: Buffer, texts: readonly string[]): string[] {
  return texts.flatMap((t) => encodings(t).filter((e) => data.includes(e.bytes)).map((e) => e.label));
}

/** Narrows an answer to its error (fails the test with the value when it succeeded). */
export function errorOf<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.error;
}
