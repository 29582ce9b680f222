import { z } from 'zod';
import { Ack, Empty, Id, Locale } from './schemas/common';
import { AppStatus, SessionInfo } from './schemas/session';
import { ClinicName, ClinicSettings, ClinicSettingsUpdate } from './schemas/settings';
import { TimeZone } from './schemas/common';
import { NewPassword, NewStaffMember, Password, type Role, StaffMember, StaffName } from './schemas/staff';
import { AuditEvent, AuditVerification, VaultInfo } from './schemas/audit';
import type { ApiResult } from './errors';
import { Patient, PatientDetail, PatientFields, PatientSearch, PatientSummary } from './schemas/patient';

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
        adminPassword: NewPassword,
        locale: Locale.optional(),
      })
      .strict(),
    output: z.object({ recoveryCode: z.string(), vaultPath: z.string() }).strict(),
    access: 'public',
  },
  'session.signIn': {
    input: z.object({ name: StaffName, password: Password }).strict(),
    output: SessionInfo,
    access: 'public',
  },
  'session.recover': {
    input: z.object({ recoveryCode: RecoveryCode, adminName: StaffName, newPassword: NewPassword }).strict(),
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
  'settings.get': { input: Empty, output: ClinicSettings, access: ALL_STAFF },
  'settings.update': { input: ClinicSettingsUpdate, output: ClinicSettings, access: ADMIN },
  'audit.verify': { input: Empty, output: AuditVerification, access: ADMIN },
  'vault.info': { input: Empty, output: VaultInfo, access: ADMIN },
  'audit.recent': {
    input: z.object({ limit: z.number().int().min(1).max(500) }).strict(),
    output: z.array(AuditEvent),
    access: ADMIN,
  },
  'patients.search': { input: PatientSearch, output: z.array(PatientSummary), access: ALL_STAFF },
  'patients.get': { input: z.object({ patientId: Id }).strict(), output: PatientDetail, access: ALL_STAFF },
  'patients.create': { input: PatientFields, output: Patient, access: ALL_STAFF },
  'patients.update': {
    input: z.object({ patientId: Id, expectedVersion: z.number().int().positive(), fields: PatientFields }).strict(),
    output: Patient,
    access: ALL_STAFF,
  },
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
}
