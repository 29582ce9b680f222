import { z } from 'zod';
import { normalizeTaiwanId, taiwanIdKind } from '../taiwan-id';
import { Id, IsoTime } from './common';
import { ConsentForm, SignatureInk, SignatureRole, SignerName } from './consent';
import { Password } from './staff';

/**
 * Signing once per signer (issue 12, item 10): a signer adopts a signature once in a signing session, and each
 * box they must sign is an explicit tap that applies it, recorded as its own signature bound to the document.
 */
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.invalidFormat' });

export const IdentityDocumentKind = z.enum(['national_id', 'resident_certificate', 'passport']);
export type IdentityDocumentKind = z.infer<typeof IdentityDocumentKind>;

/** Passport numbers vary by country: letters and digits only, 5 to 20 of them. */
const PASSPORT = /^[A-Z0-9]{5,20}$/;

/** An ID card or resident certificate number: NFKC first, so full-width digits (Ａ１２３…) are the same number. */
const taiwanNumber = (kind: 'national_id' | 'resident_certificate') =>
  z
    .string()
    .max(20, { error: 'validation.tooLong' })
    .transform(normalizeTaiwanId)
    .refine((n) => taiwanIdKind(n) === kind, { error: 'validation.taiwanId' });

/** The identity document the guardian shows: its kind and number, the number checked for that kind. */
export const IdentityDocument = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('national_id'), number: taiwanNumber('national_id') }).strict(),
  z.object({ kind: z.literal('resident_certificate'), number: taiwanNumber('resident_certificate') }).strict(),
  z
    .object({
      kind: z.literal('passport'),
      number: z
        .string()
        .max(40, { error: 'validation.tooLong' })
        .transform(normalizeTaiwanId)
        .refine((n) => PASSPORT.test(n), { error: 'validation.invalidFormat' }),
    })
    .strict(),
]);
export type IdentityDocument = z.infer<typeof IdentityDocument>;

export const AdoptSignatureInput = z
  .object({
    consentId: Id,
    role: SignatureRole,
    /** The SHA-256 of the document the signer was shown. */
    documentSha256: Sha256Hex,
    ink: SignatureInk,
    /** Witness only: the witness's name as they write it. */
    signerName: SignerName.optional(),
    /** Physician only: the operating physician and their password, checked once for the session's adoption. */
    physicianId: Id.optional(),
    password: Password.optional(),
    /** Guardian only, and required for them: the identity document they showed. */
    identityDocument: IdentityDocument.optional(),
  })
  .strict();

export const AdoptedSignature = z
  .object({ id: Id, consentId: Id, role: SignatureRole, signerName: z.string(), pngSha256: z.string(), adoptedAt: IsoTime, usableUntil: IsoTime })
  .strict();
export type AdoptedSignature = z.infer<typeof AdoptedSignature>;

/** One tap on one box: the adopted signature applied to (form, role). */
export const ApplySignatureInput = z.object({ consentId: Id, form: ConsentForm, role: SignatureRole, documentSha256: Sha256Hex, adoptionId: Id }).strict();
