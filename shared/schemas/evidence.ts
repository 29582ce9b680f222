import { z } from 'zod';
import { ISO_DATE, isRealDate } from '../dates';
import { Id, IsoTime, Locale } from './common';

/**
 * Evidence packs: a ZIP holding a BagIt bag (RFC 8493) with the patient's records, the exact signed consent
 * PDFs, signatures, photos, the audit events of the scope and a human-readable evidence.pdf; the tag manifest is
 * signed with the clinic's Ed25519 key.
 */

/** `lawyer`: everything, with the audit trail; `patient`: the patient's copy of their records, without internal audit detail. */
export const EvidenceKind = z.enum(['lawyer', 'patient']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const CalendarDate = z
  .string()
  .max(10, { error: 'validation.invalidFormat' })
  .refine((s) => ISO_DATE.test(s) && isRealDate(s), { error: 'validation.invalidFormat' });

/** What part of the patient's story goes into the pack. Dates are the clinic's calendar dates, both inclusive. */
export const EvidenceScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('patient') }).strict(),
  z.object({ type: z.literal('consultation'), consultationId: Id }).strict(),
  z
    .object({ type: z.literal('dateRange'), from: CalendarDate, to: CalendarDate })
    .strict()
    .refine((s) => s.from <= s.to, { error: 'validation.dateRangeOrder', path: ['to'] }),
]);
export type EvidenceScope = z.infer<typeof EvidenceScope>;

/** An absolute path of a .zip file, chosen in a save dialog (Electron) or typed (browser host). */
export const PackPath = z
  .string()
  .max(1024, { error: 'validation.tooLong' })
  .refine((p) => p.length > 0, { error: 'validation.required' })
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: 'validation.absolutePath' })
  .refine((p) => !p.includes('\u0000'), { error: 'validation.invalidValue' })
  .refine((p) => /\.zip$/i.test(p), { error: 'validation.zipFile' });

export const EvidenceRequest = z
  .object({ patientId: Id, scope: EvidenceScope, kind: EvidenceKind, locale: Locale.default('zh-TW') })
  .strict();
export type EvidenceRequest = z.infer<typeof EvidenceRequest>;

/**
 * `destination` is a path on the computer that holds the vault: the desk and the command line give one; a paired
 * seat gives none (its pack is kept on the server for it to download, see ExportStatus.download).
 */
export const ExportInput = z
  .object({ patientId: Id, scope: EvidenceScope, kind: EvidenceKind, locale: Locale.default('zh-TW'), destination: PackPath.optional() })
  .strict();
export type ExportInput = z.infer<typeof ExportInput>;

const Count = z.number().int().min(0);

/** What the export screen shows before exporting: what the pack will hold. */
export const EvidencePreview = z
  .object({
    patient: z.object({ id: Id, chartNo: z.string(), nameZh: z.string(), nameEn: z.string().nullable() }).strict(),
    kind: EvidenceKind,
    consultations: z.array(z.object({ id: Id, procedureName: z.string(), procedureNameEn: z.string(), status: z.string(), createdAt: IsoTime }).strict()),
    counts: z
      .object({
        consultations: Count,
        consents: Count,
        signatures: Count,
        communications: Count,
        attachments: Count,
        photos: Count,
        treatments: Count,
        followUps: Count,
        complaints: Count,
        auditEvents: Count,
      })
      .strict(),
    /** Bytes of the files copied into the pack (the evidence PDF comes on top). */
    payloadBytes: Count,
    suggestedFileName: z.string(),
    batesPrefix: z.string(),
  })
  .strict();
export type EvidencePreview = z.infer<typeof EvidencePreview>;

/** `downloading`: only at a desktop that is a seat of the clinic server, while the done pack comes down to it. */
export const ExportPhase = z.enum(['preparing', 'records', 'files', 'pdf', 'manifests', 'finishing', 'downloading', 'done']);
export type ExportPhase = z.infer<typeof ExportPhase>;
export const ExportState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type ExportState = z.infer<typeof ExportState>;

export const ExportResult = z
  .object({
    packId: Id,
    packNo: z.number().int().positive(),
    path: z.string(),
    bytes: Count,
    files: Count,
    pages: Count,
    tagManifestSha256: z.string(),
    batesFirst: z.string(),
    batesLast: z.string(),
  })
  .strict();
export type ExportResult = z.infer<typeof ExportResult>;

/** A paired seat's finished pack, waiting on the server: fetched once from GET /api/download/<token>, by that seat. */
export const SeatDownload = z
  .object({ token: z.string(), fileName: z.string(), bytes: Count, expiresAt: IsoTime })
  .strict();
export type SeatDownload = z.infer<typeof SeatDownload>;

export const ExportStatus = z
  .object({
    jobId: Id,
    state: ExportState,
    phase: ExportPhase,
    /** Work done and total, in bytes of pack content (real, not a timer). */
    done: Count,
    total: Count,
    result: ExportResult.nullable(),
    errorKey: z.string().nullable(),
    /** For the paired seat that started it, once done (null before, elsewhere, and after it was downloaded). */
    download: SeatDownload.nullable(),
  })
  .strict();
export type ExportStatus = z.infer<typeof ExportStatus>;

/**
 * A pack is checked from its path or, from the browser host, its bytes (capped: a big pack is opened by path), or
 * from a paired seat, the file it streamed to POST /api/verify-upload (a path on the server is not a seat's to name).
 */
export const VERIFY_UPLOAD_MAX_BYTES = 256 * 1024 * 1024;
/** The largest pack a paired seat may stream to the server for checking (the verifier's own limits apply after). */
export const SEAT_UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;
export const VerifySource = z.union([
  z.object({ path: PackPath }).strict(),
  z.object({ fileName: z.string().max(255), dataBase64: z.base64().max(Math.ceil((VERIFY_UPLOAD_MAX_BYTES * 4) / 3) + 4, { error: 'validation.tooBig' }) }).strict(),
  z.object({ kind: z.literal('upload'), uploadId: Id }).strict(),
]);
export type VerifySource = z.infer<typeof VerifySource>;

export const PackProblemCode = z.enum([
  'unreadable',
  'not_one_folder',
  'unsafe_path',
  'duplicate_entry',
  'missing_required',
  'bad_declaration',
  'bad_bag_info',
  'bad_manifest_line',
  'missing_file',
  'unlisted_file',
  'hash_mismatch',
  'oxum_mismatch',
  'missing_signature',
  'bad_public_key',
  'bad_signature',
  'records_invalid',
  'consent_document_mismatch',
  'consent_final_not_extension',
  'signature_document_mismatch',
  'signature_binding_mismatch',
  'audit_hash_mismatch',
  'audit_link_broken',
  'audit_order',
  'audit_head_mismatch',
  // The audit trail records a consent, signature or withdrawal that records.json lacks or holds differently.
  'audit_record_mismatch',
  'signed_by_other_key',
  'json_too_deep',
  'time_budget_exceeded',
  'checkpoint_invalid',
]);
export type PackProblemCode = z.infer<typeof PackProblemCode>;

/**
 * A pack re-signed with a fresh key is internally consistent: only comparing the key with one known to be the
 * clinic's (given as --fingerprint, or the clinic's own key when verifying inside its app) tells it apart.
 */
export const SignerConfirmation = z.enum(['given_fingerprint', 'this_clinic', 'not_confirmed']);
export type SignerConfirmation = z.infer<typeof SignerConfirmation>;
export const PackSigner = z
  .object({
    fingerprint: z.string().nullable(),
    confirmation: SignerConfirmation,
    /** The fingerprint it was compared with (null when not confirmed). */
    expectedFingerprint: z.string().nullable(),
    matches: z.boolean().nullable(),
  })
  .strict();
export type PackSigner = z.infer<typeof PackSigner>;

/**
 * verified: every check held and the signer's key was confirmed; intact_signer_unconfirmed: every check held but
 * nobody confirmed whose key signed it; signed_by_other_key: the key is not the one expected; invalid: a check
 * failed; unreadable: not a pack that could be read to the end.
 */
export const PackVerdict = z.enum(['verified', 'intact_signer_unconfirmed', 'signed_by_other_key', 'invalid', 'unreadable']);
export type PackVerdict = z.infer<typeof PackVerdict>;

export const PackProblem = z.object({ file: z.string(), code: PackProblemCode, detail: z.string() }).strict();
export type PackProblem = z.infer<typeof PackProblem>;

export const PackVerification = z
  .object({
    /** Every check held. */
    ok: z.boolean(),
    /** The file could be read as a ZIP at all (false: exit 2 in the CLI). */
    readable: z.boolean(),
    info: z
      .object({
        packId: z.string().nullable(),
        kind: z.string().nullable(),
        clinic: z.string().nullable(),
        patient: z.string().nullable(),
        scope: z.string().nullable(),
        baggingDate: z.string().nullable(),
        keyFingerprint: z.string().nullable(),
        auditChainHead: z.string().nullable(),
      })
      .strict(),
    checked: z.object({ payloadFiles: Count, tagFiles: Count, consents: Count, signatures: Count, auditEvents: Count }).strict(),
    problems: z.array(PackProblem),
    /** Whose key signed the pack, and whether anyone confirmed that key is the clinic's. */
    signer: PackSigner,
    verdict: PackVerdict,
  })
  .strict();
export type PackVerification = z.infer<typeof PackVerification>;

/** In the app: also whether the pack was signed with this vault's own key. */
export const PackVerificationView = PackVerification.extend({ signedByThisVault: z.boolean().nullable() }).strict();
export type PackVerificationView = z.infer<typeof PackVerificationView>;

export const HostFileInfo = z
  .object({
    canChooseFiles: z.boolean(),
    defaultDirectory: z.string(),
    /** The largest pack the verify screen can send as bytes; bigger ones are verified by their path. */
    maxUploadBytes: z.number().int().min(0),
  })
  .strict();

/** Administrator-set prefix of every Bates number in evidence PDFs. */
export const BatesPrefix = z
  .string()
  .max(24, { error: 'validation.tooLong' })
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => /^[A-Z0-9]{1,12}$/.test(s), { error: 'validation.batesPrefix' });
export const DEFAULT_BATES_PREFIX = 'CV';
