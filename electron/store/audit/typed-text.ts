import { createHmac, hkdfSync } from 'node:crypto';

/** HKDF label of the audit trail's typed-text key: a new label (v2) would mean a new key and new hashes. */
export const TYPED_TEXT_KEY_INFO = 'consentvault audit text v1';

/**
 * The form a typed text is hashed in, so the same thing typed another way matches: full-width and half-width
 * forms fold (NFKC), case folds, and spaces and dashes go ("0912-345-678" = "0912345678", "Ａ１２３" = "a123").
 */
export function normalizeTypedText(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[\s\p{Pd}\u2212]/gu, '');
}

/**
 * HMAC-SHA-256 of the normalised text under a key derived from the vault's master key, as 64 hex digits.
 * The derived key exists only for the length of this call.
 */
export function typedTextHmac(masterKey: Buffer, text: string): string {
  const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), TYPED_TEXT_KEY_INFO, 32));
  try {
    return createHmac('sha256', key).update(normalizeTypedText(text), 'utf8').digest('hex');
  } finally {
    key.fill(0);
  }
}
