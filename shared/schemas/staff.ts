import { z } from 'zod';
import { Id, IsoTime, requiredLine, text } from './common';
import { EditVersion } from './edit-version';

export const Role = z.enum(['admin', 'physician', 'consultant', 'nurse']);
export type Role = z.infer<typeof Role>;
export const ROLES = Role.options;

/** A staff member's name as shown on records and printed on consents (two people may share one). */
export const StaffName = requiredLine(64);

/**
 * What a staff member types to sign in: unique in the clinic (compared case- and width-insensitively), so two
 * people with the same name can both have an account. Staff added before login ids existed got their name as
 * their login id (migration 0160), which is what they already typed.
 */
export const LoginId = requiredLine(64);

export const PASSWORD_MIN_LENGTH = 10;
/**
 * Strength rule for a new password: at least 10 characters, at least three of
 * lower case / upper case / digit / symbol (CJK characters count as symbols), and not containing the name.
 * Returns message keys; an empty list means the password is acceptable.
 */
export function passwordWeaknesses(password: string, name?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('validation.passwordTooShort');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('validation.passwordClasses');
  const n = name?.trim().toLowerCase();
  if (n && n.length >= 2 && password.toLowerCase().includes(n)) problems.push('validation.passwordContainsName');
  return problems;
}

/** A password as typed at sign-in: only bounded, never judged. */
export const Password = z.string().min(1, { error: 'validation.required' }).max(256, { error: 'validation.tooLong' });
/** A password being chosen: bounded and checked against the strength rule. */
export const NewPassword = Password.superRefine((pw, ctx) => {
  for (const key of passwordWeaknesses(pw)) ctx.addIssue({ code: 'custom', message: key });
});

export const LicenceNo = requiredLine(32);
export const Specialty = requiredLine(64);

export const StaffMember = z
  .object({
    id: Id,
    name: z.string(),
    loginId: z.string(),
    role: Role,
    licenceNo: z.string().nullable(),
    specialty: z.string().nullable(),
    active: z.boolean(),
    /** The password was set by an administrator: this person must choose their own at the next sign-in. */
    passwordChangeRequired: z.boolean(),
    createdAt: IsoTime,
    deactivatedAt: IsoTime.nullable(),
    /** Edit version of role, licence number and specialty: what a change of them names (issue 14). */
    version: EditVersion,
  })
  .strict();
export type StaffMember = z.infer<typeof StaffMember>;

export const NewStaffMember = z
  .object({
    name: StaffName,
    /** Default: the name (as for staff added before login ids existed). */
    loginId: LoginId.optional(),
    role: Role,
    licenceNo: LicenceNo.optional(),
    specialty: Specialty.optional(),
    password: NewPassword,
    /**
     * Default true: the administrator chose this password, so the person must replace it at first sign-in.
     * False only when the new staff member typed it themselves (the demo clinic, a set-up at their own desk);
     * the choice is recorded in the audit event.
     */
    temporaryPassword: z.boolean().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.role === 'physician') {
      if (!s.licenceNo) ctx.addIssue({ code: 'custom', path: ['licenceNo'], message: 'validation.physicianLicenceRequired' });
      if (!s.specialty) ctx.addIssue({ code: 'custom', path: ['specialty'], message: 'validation.physicianSpecialtyRequired' });
    }
    for (const key of new Set([...passwordWeaknesses(s.password, s.name), ...(s.loginId ? passwordWeaknesses(s.password, s.loginId) : [])])) {
      if (key === 'validation.passwordContainsName') ctx.addIssue({ code: 'custom', path: ['password'], message: key });
    }
  });
export type NewStaffMember = z.infer<typeof NewStaffMember>;

/**
 * The particulars an administrator may correct: role, licence number and specialty (printed on consents).
 * Every change keeps the previous values in the staff member's history.
 */
export const StaffProfileUpdate = z
  .object({
    staffId: Id,
    /** The version the form loaded: refused as edited elsewhere when another seat changed the person since. */
    expectedVersion: EditVersion,
    role: Role,
    licenceNo: LicenceNo.nullable(),
    specialty: Specialty.nullable(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.role === 'physician') {
      if (!s.licenceNo) ctx.addIssue({ code: 'custom', path: ['licenceNo'], message: 'validation.physicianLicenceRequired' });
      if (!s.specialty) ctx.addIssue({ code: 'custom', path: ['specialty'], message: 'validation.physicianSpecialtyRequired' });
    }
  });
export type StaffProfileUpdate = z.infer<typeof StaffProfileUpdate>;

/** One change of a staff member's role, licence number or specialty: what it was, what it became, who, when. */
export const StaffRevision = z
  .object({
    id: Id,
    staffId: Id,
    at: IsoTime,
    byStaffId: Id,
    byName: z.string(),
    before: z.object({ role: Role, licenceNo: z.string().nullable(), specialty: z.string().nullable() }).strict(),
    after: z.object({ role: Role, licenceNo: z.string().nullable(), specialty: z.string().nullable() }).strict(),
  })
  .strict();
export type StaffRevision = z.infer<typeof StaffRevision>;

export const StaffNote = text(500);

/** What a consultant sees when choosing the operating physician. */
export const PhysicianChoice = z
  .object({ id: Id, name: z.string(), licenceNo: z.string(), specialty: z.string() })
  .strict();
export type PhysicianChoice = z.infer<typeof PhysicianChoice>;
