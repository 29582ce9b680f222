import { z } from 'zod';
import { Ack, Empty, Id } from '../schemas/common';
import { RecoveryCode, SessionInfo } from '../schemas/session';
import { LoginId, NewPassword, Password } from '../schemas/staff';
import { ALL_STAFF, type Channel } from './channel';

/** The session channels: what each takes, returns and who may call it. */
export const sessionChannels = {
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
  /**
   * The staff member takes the screen back from the patient (reading mode, the tablet signing view): their own
   * password, checked by the main process with the sign-in lockout. A wrong one keeps the patient view.
   */
  'session.handBack': {
    input: z.object({ password: Password, view: z.enum(['reading_mode', 'tablet_signing']), consultationId: Id }).strict(),
    output: Ack,
    access: ALL_STAFF,
  },
} as const satisfies Record<string, Channel>;
