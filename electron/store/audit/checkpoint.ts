import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson, parseBoundedJson } from '../../../shared/canonical-json';
import {
  CHECKPOINT_FORMAT,
  ChainCheckpoint,
  type ChainCheckpointStatement,
  type CheckpointCheck,
  type CheckpointReason,
} from '../../../shared/schemas/checkpoint';
import { GENESIS_HASH } from './repository';
import { writeFileAtomic } from '../files';

/** Beside vault.db: the newest checkpoint this vault signed (sign-out, close, backup, export). */
export const CHECKPOINT_FILE = 'chain-checkpoint.json';

/** Domain separation: a checkpoint signature can never be mistaken for a tag-manifest signature. */
const SIGNED_PREFIX = `${CHECKPOINT_FORMAT}\n`;

function signedBytes(statement: ChainCheckpointStatement): Buffer {
  return Buffer.from(SIGNED_PREFIX + canonicalJson(statement), 'utf8');
}

export function signCheckpoint(
  head: { seq: number; hash: string } | null,
  opts: { chainId: string; at: string; reason: CheckpointReason; keyFingerprint: string; privateKeyPem: string },
): ChainCheckpoint {
  const statement: ChainCheckpointStatement = {
    format: CHECKPOINT_FORMAT,
    version: 1,
    chainId: opts.chainId,
    headSeq: head?.seq ?? 0,
    headHash: head?.hash ?? GENESIS_HASH,
    at: opts.at,
    reason: opts.reason,
    keyFingerprint: opts.keyFingerprint,
  };
  const signature = sign(null, signedBytes(statement), createPrivateKey(opts.privateKeyPem)).toString('base64');
  return { statement, signature };
}

export function checkpointSignatureValid(checkpoint: ChainCheckpoint, publicKeyPem: string): boolean {
  try {
    return verify(null, signedBytes(checkpoint.statement), createPublicKey(publicKeyPem), Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

export function formatCheckpoint(checkpoint: ChainCheckpoint): string {
  return `${JSON.stringify(checkpoint, null, 2)}\n`;
}

/** Parses checkpoint text from a file, a pack or a backup; null when it is not a checkpoint at all. */
export function parseCheckpoint(text: string): ChainCheckpoint | null {
  try {
    const r = ChainCheckpoint.safeParse(parseBoundedJson(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function writeCheckpointFile(dir: string, checkpoint: ChainCheckpoint): void {
  writeFileAtomic(path.join(dir, CHECKPOINT_FILE), formatCheckpoint(checkpoint));
}

export type CheckpointFileRead = { state: 'missing' } | { state: 'damaged' } | { state: 'read'; checkpoint: ChainCheckpoint };

export function readCheckpointFile(dir: string): CheckpointFileRead {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, CHECKPOINT_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'damaged' };
  }
  const checkpoint = parseCheckpoint(text);
  return checkpoint ? { state: 'read', checkpoint } : { state: 'damaged' };
}

/** What a chain needs to offer for the comparison: its head, and the hash at a given sequence number. */
export interface ChainView {
  chainId: string;
  head: { seq: number; hash: string } | null;
  hashAt(seq: number): string | null;
  publicKeyPem: string;
}

/**
 * Compares a chain with a checkpoint it signed: shorter than the checkpoint is a cut; another hash at the
 * checkpoint's sequence is a rewrite. A checkpoint that is damaged, signed by another key or for another chain
 * is invalid (it proves nothing either way, and someone may have replaced it).
 */
export function compareWithCheckpoint(chain: ChainView, found: CheckpointFileRead): CheckpointCheck {
  const headSeq = chain.head?.seq ?? 0;
  if (found.state === 'missing') return { state: 'missing', checkpointSeq: null, checkpointAt: null, headSeq, detail: CHECKPOINT_FILE };
  if (found.state === 'damaged') return { state: 'invalid', checkpointSeq: null, checkpointAt: null, headSeq, detail: 'damaged' };
  const s = found.checkpoint.statement;
  const base = { checkpointSeq: s.headSeq, checkpointAt: s.at, headSeq };
  if (s.chainId !== chain.chainId) return { state: 'invalid', ...base, detail: `for chain ${s.chainId}` };
  if (!checkpointSignatureValid(found.checkpoint, chain.publicKeyPem)) return { state: 'invalid', ...base, detail: 'signature' };
  if (headSeq < s.headSeq) return { state: 'cut', ...base, detail: `chain ends at #${headSeq}, checkpoint signed #${s.headSeq}` };
  if (s.headSeq === 0) return { state: 'ok', ...base, detail: '' };
  const hash = chain.hashAt(s.headSeq);
  if (hash !== s.headHash) return { state: 'rewritten', ...base, detail: `#${s.headSeq} is ${hash ?? 'missing'}, checkpoint signed ${s.headHash}` };
  return { state: 'ok', ...base, detail: '' };
}
