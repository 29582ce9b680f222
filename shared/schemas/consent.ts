import { z } from 'zod';
import { Id, IsoTime, Locale, requiredLine, text } from './common';
import { Password } from './staff';

/**
 * A consent: the issued document (its bytes never change), the signatures on it, and the final PDF
 * (issued bytes + a signature certificate page). The procedure consent and, where the procedure uses
 * anaesthesia, a separate anaesthesia consent are two forms of one document; each form is signed by every
 * required role.
 */
export const SignatureRole = z.enum(['patient', 'guardian', 'witness', 'physician']);
export type SignatureRole = z.infer<typeof SignatureRole>;
export const SIGNATURE_ROLES = SignatureRole.options;

export const ConsentForm = z.enum(['procedure', 'anaesthesia']);
export type ConsentForm = z.infer<typeof ConsentForm>;

/** Stored status; a withdrawal is a record of its own, so `withdrawn` is derived from it. */
export const StoredConsentStatus = z.enum(['issued', 'patient_signed', 'fully_signed']);
export type StoredConsentStatus = z.infer<typeof StoredConsentStatus>;
export const ConsentStatus = z.enum(['issued', 'patient_signed', 'fully_signed', 'withdrawn']);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

/** Pad coordinates are CSS pixels of the pad; t is milliseconds since the pad was first touched. */
export const STROKE_LIMITS = { maxCoordinate: 10_000, maxStrokes: 200, maxPointsPerStroke: 5_000, maxPoints: 20_000, maxMillis: 3_600_000 } as const;
export const StrokePoint = z
  .object({
    x: z.number().finite().min(0).max(STROKE_LIMITS.maxCoordinate),
    y: z.number().finite().min(0).max(STROKE_LIMITS.maxCoordinate),
    t: z.number().int().min(0).max(STROKE_LIMITS.maxMillis),
    pressure: z.number().finite().min(0).max(1).optional(),
  })
  .strict();
export type StrokePoint = z.infer<typeof StrokePoint>;
export const Stroke = z.array(StrokePoint).max(STROKE_LIMITS.maxPointsPerStroke);
export type Stroke = z.infer<typeof Stroke>;

export const SIGNATURE_PNG_MAX_BYTES = 2 * 1024 * 1024;
/** What a signature pad hands over: the strokes with their timing, the pad's size and the picture the signer saw. */
export const SignatureInk = z
  .object({
    pad: z.object({ width: z.number().int().min(50).max(4000), height: z.number().int().min(30).max(4000) }).strict(),
    strokes: z
      .array(Stroke)
      .max(STROKE_LIMITS.maxStrokes)
      .refine((s) => s.reduce((n, stroke) => n + stroke.length, 0) <= STROKE_LIMITS.maxPoints, { error: 'validation.tooBig' }),
    pngBase64: z.base64().max(Math.ceil((SIGNATURE_PNG_MAX_BYTES * 4) / 3) + 4, { error: 'validation.tooBig' }),
  })
  .strict();
export type SignatureInk = z.infer<typeof SignatureInk>;

export const SignerName = requiredLine(64);
export const Reason = text(1000).refine((s) => s.trim().length >= 4, { error: 'validation.reasonTooShort' });

export const SignInput = z
  .object({
    consentId: Id,
    form: ConsentForm,
    role: SignatureRole,
    /** The SHA-256 of the document the signer was shown: a signature binds to exactly those bytes. */
    documentSha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.invalidFormat' }),
    ink: SignatureInk,
    /** Witness only: the witness's name as they write it (the others come from the records). */
    signerName: SignerName.optional(),
    /** Physician only: who is signing (must be the operating physician) and their password again. */
    physicianId: Id.optional(),
    password: Password.optional(),
  })
  .strict();
export type SignInput = z.infer<typeof SignInput>;

export const OverrideInput = z
  .object({ consultationId: Id, reason: Reason, physicianId: Id, password: Password })
  .strict();

export const WithdrawInput = z
  .object({
    consentId: Id,
    reason: Reason,
    signerRole: z.enum(['patient', 'guardian']),
    ink: SignatureInk,
  })
  .strict();

export const PrintKind = z.enum(['print', 'patient_copy', 'save']);

export const ChecklistItemId = z.enum(['photos', 'risks', 'quote', 'comprehension', 'cooling_off', 'guardian', 'witness', 'patient_signatures', 'risk_flags']);
export type ChecklistItemId = z.infer<typeof ChecklistItemId>;
export const ChecklistItem = z
  .object({ id: ChecklistItemId, ok: z.boolean(), required: z.boolean(), detail: z.record(z.string(), z.union([z.string(), z.number()])) })
  .strict();
export type ChecklistItem = z.infer<typeof ChecklistItem>;
export const Checklist = z.object({ consentId: Id, ready: z.boolean(), items: z.array(ChecklistItem) }).strict();
export type Checklist = z.infer<typeof Checklist>;

export const CoolingOffOverride = z
  .object({
    id: Id,
    consultationId: Id,
    physicianId: Id,
    physicianName: z.string(),
    reason: z.string(),
    at: IsoTime,
    coolingOffEndsAt: IsoTime,
  })
  .strict();
export type CoolingOffOverride = z.infer<typeof CoolingOffOverride>;

export const SignatureView = z
  .object({
    id: Id,
    form: ConsentForm,
    role: SignatureRole,
    signerName: z.string(),
    staffId: Id.nullable(),
    documentSha256: z.string(),
    strokesSha256: z.string(),
    pngSha256: z.string(),
    bindingSha256: z.string(),
    pointCount: z.number().int(),
    signedAt: IsoTime,
  })
  .strict();
export type SignatureView = z.infer<typeof SignatureView>;

export const WithdrawalView = z
  .object({ id: Id, reason: z.string(), signerRole: z.enum(['patient', 'guardian']), signerName: z.string(), at: IsoTime, recordedByName: z.string() })
  .strict();
export type WithdrawalView = z.infer<typeof WithdrawalView>;

/** One required signature and whether it is in. */
export const RequiredSignature = z.object({ form: ConsentForm, role: SignatureRole, signed: z.boolean(), signerName: z.string() }).strict();

export const ConsentView = z
  .object({
    id: Id,
    consultationId: Id,
    patientId: Id,
    chartNo: z.string(),
    patientName: z.string(),
    procedureName: z.string(),
    physicianId: Id,
    physicianName: z.string(),
    locale: Locale,
    status: ConsentStatus,
    forms: z.array(ConsentForm),
    roles: z.array(SignatureRole),
    required: z.array(RequiredSignature),
    documentSha256: z.string(),
    documentSize: z.number().int(),
    pageCount: z.number().int(),
    issuedAt: IsoTime,
    issuedByName: z.string(),
    coolingOffEndsAt: IsoTime,
    coolingOffOver: z.boolean(),
    override: CoolingOffOverride.nullable(),
    signatures: z.array(SignatureView),
    finalSha256: z.string().nullable(),
    fullySignedAt: IsoTime.nullable(),
    expiresAt: IsoTime.nullable(),
    /** Fully signed, not withdrawn and not past `expiresAt`: only such a consent may be used for treatment. */
    usableForTreatment: z.boolean(),
    withdrawal: WithdrawalView.nullable(),
  })
  .strict();
export type ConsentView = z.infer<typeof ConsentView>;

export const ConsentSummary = z
  .object({
    id: Id,
    consultationId: Id,
    chartNo: z.string(),
    patientName: z.string(),
    procedureName: z.string(),
    status: ConsentStatus,
    sha256: z.string(),
    finalSha256: z.string().nullable(),
    issuedAt: IsoTime,
  })
  .strict();
export type ConsentSummary = z.infer<typeof ConsentSummary>;

export const PdfBytes = z.object({ sha256: z.string(), fileName: z.string(), dataBase64: z.string() }).strict();

export const ConsentVerification = z
  .object({
    consentId: Id,
    ok: z.boolean(),
    checks: z.array(z.object({ check: z.string(), ok: z.boolean(), detail: z.string() }).strict()),
  })
  .strict();
export type ConsentVerification = z.infer<typeof ConsentVerification>;
