import type { ChainCheckpoint } from '../../shared/schemas/checkpoint';
import type { AuditEvent } from '../../shared/schemas/audit';
import type { TemplateContent } from '../../shared/schemas/catalogue';
import type { Communication } from '../../shared/schemas/communication';
import type { ConsentForm, SignatureRole, StoredConsentStatus } from '../../shared/schemas/consent';
import type { Consultation, PhotoMeta } from '../../shared/schemas/consultation';
import type { EvidenceKind, EvidenceScope } from '../../shared/schemas/evidence';
import type { Locale } from '../../shared/schemas/common';
import type { PatientRevision } from '../../shared/schemas/patient';
import type { Role } from '../../shared/schemas/staff';
import type { PatientRecord } from '../store/patients/repository';

/** What records.json holds: every record in the pack with its IDs and times, and where its files are in data/. */
export interface PackRecords {
  patient: PatientRecord & { revisions: PatientRevision[] };
  consultations: (Consultation & {
    procedureNameZh: string;
    procedureNameEn: string;
    template: { id: string; version: number; locale: Locale; content: TemplateContent };
    coolingOffOverride: { physicianName: string; reason: string; at: string; coolingOffEndsAt: string } | null;
  })[];
  communications: (Communication & { attachmentFile: string | null })[];
  consents: PackConsent[];
  /** Issue 6 (treatments, follow-ups, complaints): records of their own shape, listed when the vault has them. */
  treatments: Record<string, unknown>[];
  followUps: Record<string, unknown>[];
  complaints: Record<string, unknown>[];
  photos: (PhotoMeta & { file: string })[];
}

export interface PackSignature {
  id: string;
  form: ConsentForm;
  role: SignatureRole;
  signerName: string;
  staffId: string | null;
  documentSha256: string;
  strokesSha256: string;
  pngSha256: string;
  bindingSha256: string;
  signedAt: string;
  files: { png: string; strokes: string };
}

export interface PackConsent {
  id: string;
  consultationId: string;
  locale: Locale;
  forms: ConsentForm[];
  roles: SignatureRole[];
  status: StoredConsentStatus;
  withdrawn: boolean;
  documentSha256: string;
  documentSize: number;
  documentPages: number;
  issuedAt: string;
  issuedByName: string;
  finalSha256: string | null;
  fullySignedAt: string | null;
  expiresAt: string | null;
  files: { issued: string; signed: string | null };
  signatures: PackSignature[];
  withdrawal: {
    id: string;
    reason: string;
    signerRole: 'patient' | 'guardian';
    signerName: string;
    at: string;
    strokesSha256: string;
    pngSha256: string;
    bindingSha256: string;
    files: { png: string; strokes: string };
  } | null;
}

/** Where a payload file's bytes come from: the vault's immutable, content-addressed stores, or bytes at hand. */
export type BlobSource = { from: 'attachment'; sha256: string } | { from: 'consentDocument'; sha256: string } | { from: 'bytes'; bytes: Buffer };

export interface PayloadFile {
  /** Relative to data/. */
  path: string;
  size: number;
  /** Known from the vault; the writer hashes the bytes again as it copies them and refuses a mismatch. */
  sha256: string;
  source: BlobSource;
  /** Deflate text; store what is already compressed (images, PDFs). */
  compress: boolean;
}

export interface Exporter {
  id: string;
  name: string;
  role: Role;
}

/** Everything an export needs, read from the vault in one transaction when the export starts. */
export interface PackSnapshot {
  packId: string;
  packNo: number;
  kind: EvidenceKind;
  locale: Locale;
  scope: EvidenceScope;
  exportedAt: string;
  exporter: Exporter;
  clinic: { name: string; timeZone: string; batesPrefix: string };
  key: { publicKeyPem: string; privateKeyPem: string; fingerprint: string };
  chainHead: { seq: number; hash: string } | null;
  /** The clinic's signed statement of that head, travelling in the pack as chain-checkpoint.json. */
  checkpoint: ChainCheckpoint;
  /** Restores this vault went through (issue 11): named in bag-info.txt, so two copies in use at once show. */
  restoredFrom?: { backupName: string; backupTakenAt: string; checkpointSeq: number; checkpointHash: string; restoredAt: string }[];
  records: PackRecords;
  files: PayloadFile[];
  /** The scope's audit events (empty in a patient copy). */
  audit: AuditEvent[];
}
