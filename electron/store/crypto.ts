import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';

/** Argon2id parameters, stored in each key slot so they can be raised later without breaking old slots. */
export const KdfParams = z
  .object({
    alg: z.literal('argon2id'),
    memoryKiB: z.number().int().min(8192).max(4_194_304),
    iterations: z.number().int().min(1).max(64),
    parallelism: z.number().int().min(1).max(16),
    salt: z.base64().refine((s) => Buffer.from(s, 'base64').length >= 16),
  })
  .strict();
export type KdfParams = z.infer<typeof KdfParams>;

/** Argon2id with 64 MiB and 3 passes: above OWASP's minimum, about a quarter of a second per sign-in. */
export const DEFAULT_KDF = { alg: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 } as const;

export function newKdfParams(): KdfParams {
  return { ...DEFAULT_KDF, salt: randomBytes(16).toString('base64') };
}

const ARGON2ID = 2;

export async function deriveKey(secret: string, params: KdfParams): Promise<Buffer> {
  // NFC so that the same password typed with different input methods derives the same key.
  const out = await hashRaw(Buffer.from(secret.normalize('NFC'), 'utf8'), {
    // Algorithm.Argon2id: the package declares it as an ambient const enum, unusable with isolatedModules.
    algorithm: ARGON2ID,
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: 32,
    salt: Buffer.from(params.salt, 'base64'),
  });
  return Buffer.from(out);
}

export const WrappedKey = z
  .object({
    alg: z.literal('aes-256-gcm'),
    iv: z.base64().refine((s) => Buffer.from(s, 'base64').length === 12),
    ciphertext: z.base64().refine((s) => Buffer.from(s, 'base64').length === 32),
    tag: z.base64().refine((s) => Buffer.from(s, 'base64').length === 16),
  })
  .strict();
export type WrappedKey = z.infer<typeof WrappedKey>;

export function wrapKey(masterKey: Buffer, kek: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(masterKey), cipher.final()]);
  return {
    alg: 'aes-256-gcm',
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the master key, or null when the key-encryption key (password) or the slot's binding is wrong. */
export function unwrapKey(wrapped: WrappedKey, kek: Buffer, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Crockford-like alphabet without 0/O/1/I/L confusion. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 40 characters from a 31-letter alphabet: ~198 bits, printed as 8 groups of 5. */
export function newRecoveryCode(): string {
  const chars: string[] = [];
  while (chars.length < 40) {
    for (const byte of randomBytes(64)) {
      // Rejection sampling keeps every letter equally likely.
      if (byte < 248 && chars.length < 40) chars.push(RECOVERY_ALPHABET[byte % 31]!);
    }
  }
  return chars.join('').match(/.{5}/g)!.join('-');
}
