import { z } from 'zod';
import { Ack, Empty, Id, IsoTime, Locale } from './schemas/common';
import { AppStatus, SessionInfo } from './schemas/session';
import { ClinicName, ClinicSettings, ClinicSettingsUpdate } from './schemas/settings';
import { TimeZone } from './schemas/common';
import { LoginId, NewPassword, NewStaffMember, Password, PhysicianChoice, type Role, StaffMember, StaffName, StaffProfileUpdate, StaffRevision } from './schemas/staff';
import { AuditEvent, AuditVerification, TypedTextMatch, TypedTextSearch, VaultInfo } from './schemas/audit';
import type { ApiResult } from './errors';
import { aftercareChannels } from './api-aftercare';
import { backupChannels } from './api-backups';
import { RestoreResult } from './schemas/backup';
import { retentionChannels } from './api-retention';
import { safetyChannels } from './api-safety';
import { intakeChannels } from './api-intake';
import {
  DisclosureTemplate,
  ProcedureFields,
  ProcedureListItem,
  Procedure,
  TemplateContent,
  TemplateVersionInfo,
} from './schemas/catalogue';
import {
  AlternativesInput,
  ComprehensionResult,
  ConsultationView,
  FeeQuote,
  GoalsInput,
  Note,
  PhotoMeta,
  PhotoUpload,
  ReadingSection,
  ScreeningInput,
} from './schemas/consultation';
import { Communication, NewCommunication, NewCorrection } from './schemas/communication';
import { AdoptedSignature, AdoptSignatureInput, ApplySignatureInput } from './schemas/signature-adoption';
import {
  Checklist,
  ConsentSummary,
  ConsentVerification,
  ConsentView,
  CoolingOffOverride,
  OverrideInput,
  PdfBytes,
  PrintKind,
  SignInput,
  WithdrawInput,
} from './schemas/consent';
import { Patient, PatientDetail, PatientFields, PatientSearch, PatientSummary } from './schemas/patient';
import { EvidencePreview, EvidenceRequest, ExportInput, ExportStatus, HostFileInfo, VerifySource } from './schemas/evidence';
import { JobRef, JobStatus } from './schemas/jobs';
import type { UploadReceipt } from './schemas/photo';

/**
 * Who may call a channel.
 * - 'public': no session needed (status, set-up, sign-in).
 * - a list of roles: a signed-in, unlocked session with one of these roles.
 * `whileLocked` channels also answer when the session is idle-locked (to unlock or sign out).
 */
export interface Channel {
  input: z.ZodType;
  output: z.ZodType;
  access: 'public' | readonly Role[];
  whileLocked?: boolean;
}

const ALL_STAFF = ['admin', 'physician', 'consultant', 'nurse'] as const satisfies readonly Role[];
const ADMIN = ['admin'] as const satisfies readonly Role[];
/** Those who hold a consultation with the patient. */
const CONSULTING = ['consultant', 'physician', 'admin'] as const satisfies readonly Role[];

export const RECOVERY_CODE_PATTERN = /^[A-Z2-9]{5}(-[A-Z2-9]{5}){7}$/;
export const RecoveryCode = z
  .string()
  .max(80, { error: 'validation.tooLong' })
  .transform((s) => s.trim().toUpperCase().replace(/\s+/g, ''))
  .refine((s) => RECOVERY_CODE_PATTERN.test(s), { error: 'validation.recoveryCodeFormat' });

/** An absolute folder path chosen by the person setting up (dialog in Electron, typed in the browser host). */
export const VaultFolder = z
  .string()
  .max(1024, { error: 'validation.tooLong' })
  .refine((p) => p.length > 0, { error: 'validation.required' })
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), { error: 'validation.absolutePath' })
  .refine((p) => !p.includes('\u0000'), { error: 'validation.invalidValue' });

export const api = {
  'app.status': { input: Empty, output: AppStatus, access: 'public', whileLocked: true },
  'setup.chooseVaultFolder': {
    input: Empty,
    output: z.object({ path: z.string().nullable() }).strict(),
    access: 'public',
  },
  'setup.createVault': {
    input: z
      .object({
        clinicName: ClinicName,
        timeZone: TimeZone,
        vaultDir: VaultFolder,
        adminName: StaffName,
        /** Default: the name. */
        adminLoginId: LoginId.optional(),
        adminPassword: NewPassword,
        locale: Locale.optional(),
      })
      .strict(),
    output: z.object({ recoveryCode: z.string(), vaultPath: z.string() }).strict(),
    access: 'public',
  },
  /** Removes an interrupted set-up's files (ours only, never a complete vault) so set-up can run again. */
  'setup.clearAbandoned': {
    input: z.object({ vaultDir: VaultFolder }).strict(),
    output: z.object({ removed: z.array(z.string()) }).strict(),
    access: 'public',
  },
  /**
   * Restores a backup into a new folder (issue 11): every hash in its manifest is checked first, then a staff
   * password or the recovery code from the backup's key slots opens it. Never into a folder holding a vault.
   */
  'setup.restoreBackup': {
    input: z
      .object({
        backupDir: VaultFolder,
        vaultDir: VaultFolder,
        credential: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('password'), loginId: LoginId, password: Password }).strict(),
          z.object({ kind: z.literal('recovery_code'), recoveryCode: RecoveryCode }).strict(),
        ]),
      })
      .strict(),
    output: RestoreResult,
    access: 'public',
  },
  'session.signIn': {
    input: z.object({ loginId: LoginId, password: Password }).strict(),
    output: SessionInfo,
    access: 'public',
  },
  'session.recover': {
    input: z.object({ recoveryCode: RecoveryCode, adminLoginId: LoginId, newPassword: NewPassword }).strict(),
    output: Ack,
    access: 'public',
  },
  'session.signOut': { input: Empty, output: Ack, access: ALL_STAFF, whileLocked: true },
  'session.heartbeat': { input: Empty, output: SessionInfo, access: ALL_STAFF, whileLocked: true },
  'session.lock': {
    input: z.object({ reason: z.enum(['manual', 'idle']).optional() }).strict(),
    output: SessionInfo,
    access: ALL_STAFF,
    whileLocked: true,
  },
  'session.unlock': {
    input: z.object({ password: Password }).strict(),
    output: SessionInfo,
    access: ALL_STAFF,
    whileLocked: true,
  },
  'account.changePassword': {
    input: z.object({ currentPassword: Password, newPassword: NewPassword }).strict(),
    output: Ack,
    access: ALL_STAFF,
  },
  'staff.list': {
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: z.array(StaffMember),
    access: ADMIN,
  },
  /** Active physicians with a recorded specialty: the operating-physician picker. */
  'staff.physicians': { input: Empty, output: z.array(PhysicianChoice), access: ALL_STAFF },
  'staff.add': { input: NewStaffMember, output: StaffMember, access: ADMIN },
  'staff.deactivate': { input: z.object({ staffId: Id }).strict(), output: StaffMember, access: ADMIN },
  /** Deactivation removed the person's key slot, so coming back needs a new password. */
  'staff.reactivate': {
    input: z.object({ staffId: Id, newPassword: NewPassword }).strict(),
    output: StaffMember,
    access: ADMIN,
  },
  'staff.resetPassword': {
    input: z.object({ staffId: Id, newPassword: NewPassword }).strict(),
    output: Ack,
    access: ADMIN,
  },
  /** Role, licence number and specialty (printed on consents); the previous values stay in the history. */
  'staff.update': { input: StaffProfileUpdate, output: StaffMember, access: ADMIN },
  'staff.history': { input: z.object({ staffId: Id }).strict(), output: z.array(StaffRevision), access: ADMIN },
  'settings.get': { input: Empty, output: ClinicSettings, access: ALL_STAFF },
  'settings.update': { input: ClinicSettingsUpdate, output: ClinicSettings, access: ADMIN },
  'audit.verify': { input: Empty, output: AuditVerification, access: ADMIN },
  'vault.info': { input: Empty, output: VaultInfo, access: ADMIN },
  'audit.recent': {
    input: z.object({ limit: z.number().int().min(1).max(500) }).strict(),
    output: z.array(AuditEvent),
    access: ADMIN,
  },
  /** The events that hold this text's keyed hash (searched for, or typed as a reason or file name), newest first. */
  'audit.findTypedText': { input: TypedTextSearch, output: z.array(TypedTextMatch), access: ADMIN },
  'patients.search': { input: PatientSearch, output: z.array(PatientSummary), access: ALL_STAFF },
  'patients.get': { input: z.object({ patientId: Id }).strict(), output: PatientDetail, access: ALL_STAFF },
  'patients.create': { input: PatientFields, output: Patient, access: ALL_STAFF },
  /** The next free chart number in the clinic's numbering, offered (editable) by the new-patient form. */
  'patients.nextChartNo': { input: Empty, output: z.object({ chartNo: z.string() }).strict(), access: ALL_STAFF },
  'patients.update': {
    input: z.object({ patientId: Id, expectedVersion: z.number().int().positive(), fields: PatientFields }).strict(),
    output: Patient,
    access: ALL_STAFF,
  },
  'procedures.list': {
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: z.array(ProcedureListItem),
    access: ALL_STAFF,
  },
  'procedures.save': {
    input: z.object({ procedureId: Id.optional(), fields: ProcedureFields, active: z.boolean().optional() }).strict(),
    output: Procedure,
    access: ADMIN,
  },
  'templates.current': {
    input: z.object({ procedureId: Id, locale: Locale }).strict(),
    output: DisclosureTemplate,
    access: ALL_STAFF,
  },
  'templates.get': { input: z.object({ templateId: Id }).strict(), output: DisclosureTemplate, access: ALL_STAFF },
  'templates.versions': { input: z.object({ procedureId: Id }).strict(), output: z.array(TemplateVersionInfo), access: ALL_STAFF },
  'templates.saveDraft': {
    input: z.object({ procedureId: Id, locale: Locale, content: TemplateContent }).strict(),
    output: DisclosureTemplate,
    access: ADMIN,
  },
  'templates.publish': { input: z.object({ templateId: Id }).strict(), output: DisclosureTemplate, access: ADMIN },
  'consultations.start': {
    input: z.object({ patientId: Id, procedureId: Id, physicianId: Id }).strict(),
    output: ConsultationView,
    access: CONSULTING,
  },
  'consultations.get': { input: z.object({ consultationId: Id }).strict(), output: ConsultationView, access: ALL_STAFF },
  'consultations.saveScreening': {
    input: z.object({ consultationId: Id, screening: ScreeningInput }).strict(),
    output: ConsultationView,
    access: CONSULTING,
  },
  'consultations.saveGoals': { input: z.object({ consultationId: Id, goals: GoalsInput }).strict(), output: ConsultationView, access: CONSULTING },
  'consultations.addPhoto': { input: PhotoUpload, output: ConsultationView, access: CONSULTING },
  'consultations.acknowledgeRisk': {
    input: z
      .object({
        consultationId: Id,
        riskId: z.string().max(64),
        questions: Note.optional(),
        method: z.enum(['consultant_tap', 'patient_reading_mode']),
        explainedAt: IsoTime.optional(),
      })
      .strict(),
    output: ConsultationView,
    access: CONSULTING,
  },
  'consultations.recordReading': {
    input: z.object({ consultationId: Id, section: ReadingSection, seconds: z.number().int().min(0).max(3600) }).strict(),
    output: z.object({ readingSeconds: z.record(z.string(), z.number().int()) }).strict(),
    access: CONSULTING,
  },
  'consultations.saveAlternatives': {
    input: z.object({ consultationId: Id, alternatives: AlternativesInput }).strict(),
    output: ConsultationView,
    access: CONSULTING,
  },
  'consultations.saveQuote': { input: z.object({ consultationId: Id, quote: FeeQuote }).strict(), output: ConsultationView, access: CONSULTING },
  /** `totalTwd`: the total the patient was shown; refused when the saved quote's total differs. */
  'consultations.acknowledgeQuote': { input: z.object({ consultationId: Id, totalTwd: z.number().int().min(0).optional() }).strict(), output: ConsultationView, access: CONSULTING },
  'consultations.answerComprehension': {
    input: z
      .object({
        consultationId: Id,
        answers: z.array(z.object({ questionId: z.string().max(64), chosenIndex: z.number().int().min(0).max(4) }).strict()).min(1).max(5),
      })
      .strict(),
    output: ConsultationView.extend({ result: ComprehensionResult }).strict(),
    access: CONSULTING,
  },
  'consultations.disclose': { input: z.object({ consultationId: Id }).strict(), output: ConsultationView, access: CONSULTING },
  'photos.get': {
    input: z.object({ photoId: Id }).strict(),
    output: PhotoMeta.extend({ dataBase64: z.string() }).strict(),
    access: ALL_STAFF,
  },
  'communications.list': { input: z.object({ patientId: Id }).strict(), output: z.array(Communication), access: ALL_STAFF },
  'communications.log': { input: NewCommunication, output: Communication, access: ALL_STAFF },
  'communications.correct': { input: NewCorrection, output: Communication, access: ALL_STAFF },
  'communications.attachment': {
    input: z.object({ communicationId: Id }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }).strict(),
    access: ALL_STAFF,
  },
  'photos.withdrawMarketing': { input: z.object({ photoId: Id }).strict(), output: PhotoMeta, access: ALL_STAFF },
  /** Issues the consent document from the disclosed consultation: rendered once, stored with its SHA-256. */
  'consents.issue': { input: z.object({ consultationId: Id }).strict(), output: ConsentView, access: CONSULTING },
  'consents.get': { input: z.object({ consentId: Id }).strict(), output: ConsentView, access: ALL_STAFF },
  'consents.forConsultation': { input: z.object({ consultationId: Id }).strict(), output: ConsentView.nullable(), access: ALL_STAFF },
  /** The issued PDF's bytes exactly as stored (what is shown is what is signed). */
  'consents.document': { input: z.object({ consentId: Id }).strict(), output: PdfBytes, access: ALL_STAFF },
  'consents.checklist': { input: z.object({ consentId: Id }).strict(), output: Checklist, access: ALL_STAFF },
  'consents.sign': { input: SignInput, output: ConsentView, access: CONSULTING },
  /** A signer's signature drawn once in this signing session (the guardian's identity document with it). */
  'consents.adoptSignature': { input: AdoptSignatureInput, output: AdoptedSignature, access: CONSULTING },
  /** One explicit tap: the adopted signature applied to one box, recorded as its own signature. */
  'consents.applySignature': { input: ApplySignatureInput, output: ConsentView, access: CONSULTING },
  'consents.overrideCoolingOff': { input: OverrideInput, output: CoolingOffOverride, access: CONSULTING },
  /** Issued document + signature certificate; only once fully signed. */
  'consents.finalDocument': { input: z.object({ consentId: Id }).strict(), output: PdfBytes, access: ALL_STAFF },
  /** The patient's copy: the signed pages with the signatures in their boxes and a plain summary, no audit detail. */
  'consents.patientCopy': { input: z.object({ consentId: Id }).strict(), output: PdfBytes, access: ALL_STAFF },
  'consents.recordPrint': { input: z.object({ consentId: Id, kind: PrintKind }).strict(), output: Ack, access: ALL_STAFF },
  'consents.withdraw': { input: WithdrawInput, output: ConsentView, access: CONSULTING },
  'consents.list': {
    input: z.object({ chartNo: z.string().max(20).trim().optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(ConsentSummary),
    access: ALL_STAFF,
  },
  /** Recomputes the stored hashes and the signatures' bindings (the CLI's `consent verify`). */
  'consents.verify': { input: z.object({ consentId: Id }).strict(), output: ConsentVerification, access: ALL_STAFF },
  /** Evidence packs (issue 5). What a pack for this patient and scope would hold. */
  'evidence.preview': { input: EvidenceRequest, output: EvidencePreview, access: ADMIN },
  /** Starts writing a pack in the background; `evidence.progress` reports it, `evidence.cancel` stops it. */
  'evidence.startExport': {
    input: ExportInput,
    output: z.object({ jobId: Id, packId: Id, packNo: z.number().int().positive() }).strict(),
    access: ADMIN,
  },
  'evidence.progress': { input: z.object({ jobId: Id }).strict(), output: ExportStatus, access: ADMIN },
  'evidence.cancel': { input: z.object({ jobId: Id }).strict(), output: ExportStatus, access: ADMIN },
  /**
   * Checks a pack offline: every role may (a pack handed back by a lawyer, a patient's copy). The check runs in the
   * job runner, off the request path; `jobs.status` reports it and gives the result, `jobs.cancel` stops it.
   */
  'evidence.startVerify': { input: z.object({ source: VerifySource }).strict(), output: JobRef, access: ALL_STAFF },
  'evidence.hostInfo': { input: Empty, output: HostFileInfo, access: ALL_STAFF },
  /** Native save dialog (Electron); null in the browser host, where the path is typed. */
  'evidence.chooseDestination': {
    input: z.object({ suggestedName: z.string().max(200) }).strict(),
    output: z.object({ path: z.string().nullable() }).strict(),
    access: ADMIN,
  },
  'evidence.choosePack': { input: Empty, output: z.object({ path: z.string().nullable() }).strict(), access: ALL_STAFF },
  /** A job the caller started (its owner only): state, progress and, once done, the result. */
  'jobs.status': { input: JobRef, output: JobStatus, access: ALL_STAFF },
  'jobs.cancel': { input: JobRef, output: JobStatus, access: ALL_STAFF },
  ...aftercareChannels,
  ...backupChannels,
  ...retentionChannels,
  ...safetyChannels,
  ...intakeChannels,
} as const satisfies Record<string, Channel>;

export type Api = typeof api;
export type ChannelName = keyof Api;
export type In<C extends ChannelName> = z.input<Api[C]['input']>;
export type Parsed<C extends ChannelName> = z.output<Api[C]['input']>;
export type Out<C extends ChannelName> = z.output<Api[C]['output']>;

export const CHANNEL_NAMES = Object.keys(api) as ChannelName[];
export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** The one function the preload (Electron) or the bridge (browser host) exposes to the renderer. */
export interface ConsentVaultBridge {
  call<C extends ChannelName>(channel: C, input: In<C>): Promise<ApiResult<Out<C>>>;
  /**
   * Sends one file's bytes ahead of the channel call that uses it (a photo is too big for a JSON body): the
   * browser host takes them as the raw body of POST /api/upload, Electron over IPC as an ArrayBuffer. The
   * answer's uploadId goes into the channel's input.
   */
  upload(bytes: ArrayBuffer): Promise<ApiResult<UploadReceipt>>;
}
