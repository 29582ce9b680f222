import { z } from 'zod';
import { IsoTime } from './common';

/**
 * A chain checkpoint: a small signed statement that a chain had reached this head at this time. One format for
 * every use (sign-out, backups, evidence packs, patient receipts, external statements, several chains later), so
 * a chain shorter than a checkpoint it signed is caught wherever a copy of the checkpoint survives.
 */
export const CHECKPOINT_FORMAT = 'consentvault-chain-checkpoint';
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const CheckpointReason = z.enum(['created', 'sign_out', 'close', 'opened_without_checkpoint', 'backup', 'export', 'restore']);
export type CheckpointReason = z.infer<typeof CheckpointReason>;

export const ChainCheckpointStatement = z
  .object({
    format: z.literal(CHECKPOINT_FORMAT),
    version: z.literal(1),
    /** Which chain: the vault id (a clinic group's one chain later). */
    chainId: z.string().min(1).max(64),
    /** 0 with the genesis hash for an empty chain. */
    headSeq: z.number().int().min(0),
    headHash: Hex64,
    at: IsoTime,
    reason: CheckpointReason,
    /** SHA-256 of the signing key's SPKI DER, as printed on evidence packs. */
    keyFingerprint: Hex64,
  })
  .strict();
export type ChainCheckpointStatement = z.infer<typeof ChainCheckpointStatement>;

/** The file: the statement and the Ed25519 signature over its canonical JSON. */
export const ChainCheckpoint = z
  .object({ statement: ChainCheckpointStatement, signature: z.base64().max(200) })
  .strict();
export type ChainCheckpoint = z.infer<typeof ChainCheckpoint>;

/**
 * What comparing a chain with a checkpoint found. ok: the chain holds the checkpoint's head; cut: the chain is
 * shorter than the checkpoint; rewritten: the event at the checkpoint's sequence has another hash; missing: no
 * checkpoint file; invalid: the file is damaged, not signed by this vault's key, or for another chain.
 */
export const CheckpointState = z.enum(['ok', 'cut', 'rewritten', 'missing', 'invalid']);
export type CheckpointState = z.infer<typeof CheckpointState>;

export const CheckpointCheck = z
  .object({
    state: CheckpointState,
    checkpointSeq: z.number().int().nullable(),
    checkpointAt: IsoTime.nullable(),
    headSeq: z.number().int(),
    detail: z.string().max(500),
  })
  .strict();
export type CheckpointCheck = z.infer<typeof CheckpointCheck>;
