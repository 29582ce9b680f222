import { z } from 'zod';
import { Id, IsoTime, requiredLine, text } from './common';

export const Role = z.enum(['admin', 'physician', 'consultant', 'nurse']);
export type Role = z.infer<typeof Role>;
export const ROLES = Role.options;

/** A staff member's sign-in name, also shown on records (Chinese names allowed). */
export const StaffName = requiredLine(64);

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
    role: Role,
    licenceNo: z.string().nullable(),
    specialty: z.string().nullable(),
    active: z.boolean(),
    createdAt: IsoTime,
    deactivatedAt: IsoTime.nullable(),
  })
  .strict();
export type StaffMember = z.infer<typeof StaffMember>;

export const NewStaffMember = z
  .object({
    name: StaffName,
    role: Role,
    licenceNo: LicenceNo.optional(),
    specialty: Specialty.optional(),
    password: NewPassword,
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.role === 'physician') {
      if (!s.licenceNo) ctx.addIssue({ code: 'custom', path: ['licenceNo'], message: 'validation.physicianLicenceRequired' });
      if (!s.specialty) ctx.addIssue({ code: 'custom', path: ['specialty'], message: 'validation.physicianSpecialtyRequired' });
    }
    for (const key of passwordWeaknesses(s.password, s.name)) {
      if (key === 'validation.passwordContainsName') ctx.addIssue({ code: 'custom', path: ['password'], message: key });
    }
  });
export type NewStaffMember = z.infer<typeof NewStaffMember>;

export const StaffNote = text(500);

/** What a consultant sees when choosing the operating physician. */
export const PhysicianChoice = z
  .object({ id: Id, name: z.string(), licenceNo: z.string(), specialty: z.string() })
  .strict();
export type PhysicianChoice = z.infer<typeof PhysicianChoice>;
