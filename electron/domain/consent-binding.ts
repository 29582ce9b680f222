import { canonicalJson } from '../../shared/canonical-json';
import type { ConsentForm, SignatureRole } from '../../shared/schemas/consent';
import { sha256Hex } from './hash';

/**
 * The binding hashes of a consent's signatures and of its withdrawal: computed when one is recorded (the consent
 * service) and recomputed by whoever checks it later (the vault's own verification, an evidence pack's verifier).
 */
export interface BindingFields {
  consentId: string;
  documentSha256: string;
  form: ConsentForm;
  role: SignatureRole;
  signerName: string;
  staffId: string | null;
  signedAt: string;
  strokesSha256: string;
  pngSha256: string;
}

/** The one hash that ties a signature to its document, signer, time, strokes and picture. */
export function signatureBinding(b: BindingFields): string {
  return sha256Hex(canonicalJson({ v: 1, kind: 'consent_signature', ...b }));
}

export interface WithdrawalBindingFields {
  consentId: string;
  documentSha256: string;
  finalSha256: string | null;
  reason: string;
  signerRole: 'patient' | 'guardian';
  signerName: string;
  at: string;
  strokesSha256: string;
  pngSha256: string;
}

export function withdrawalBinding(b: WithdrawalBindingFields): string {
  return sha256Hex(canonicalJson({ v: 1, kind: 'consent_withdrawal', ...b }));
}
