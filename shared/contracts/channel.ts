import type { z } from 'zod';
import type { Role } from '../schemas/staff';

/**
 * One channel of the contract. Who may call it:
 * - 'public': no session needed (status, set-up, sign-in).
 * - 'tablet': a paired signing tablet, with no one signed in on it (it asks what it was sent).
 * - a list of roles: a signed-in, unlocked session with one of these roles.
 * `whileLocked` channels also answer when the session is idle-locked (to unlock or sign out).
 */
export interface Channel {
  input: z.ZodType;
  output: z.ZodType;
  access: 'public' | 'tablet' | readonly Role[];
  whileLocked?: boolean;
}

export const ALL_STAFF = ['admin', 'physician', 'consultant', 'nurse'] as const satisfies readonly Role[];
export const ADMIN = ['admin'] as const satisfies readonly Role[];
/** Those who hold a consultation with the patient. */
export const CONSULTING = ['consultant', 'physician', 'admin'] as const satisfies readonly Role[];
/** Those at the treatment: the physician, the nurses, and the administrator who keeps the records. */
export const TREATING = ['physician', 'nurse', 'admin'] as const satisfies readonly Role[];
/** Those who call and see patients after the treatment. */
export const CLINICAL = ['physician', 'consultant', 'nurse'] as const satisfies readonly Role[];
/** Those who run the signing screen, where the operating physician assesses the flags (as on consents.sign). */
export const AT_SIGNING = ['consultant', 'physician', 'admin'] as const satisfies readonly Role[];
