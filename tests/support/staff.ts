import type { In } from '../../shared/api';
import type { Role } from '../../shared/schemas/staff';

/**
 * Synthetic staff with CJK names (and passwords that satisfy the strength rule). They stand for people who
 * typed their own password when added (`temporaryPassword: false`); the first-sign-in change of a password an
 * administrator chose is proven in staff-login-ids.test.ts.
 */
export const NURSE = { name: '陳美玲', role: 'nurse', password: 'Nurse-Pass-2026', temporaryPassword: false } as const satisfies In<'staff.add'>;
export const PHYSICIAN = {
  name: '王志明',
  role: 'physician',
  licenceNo: '醫字第012345號',
  specialty: '整形外科',
  password: 'Doctor-Pass-2026',
  temporaryPassword: false,
} as const satisfies In<'staff.add'>;
export const CONSULTANT = { name: '張雅琪', role: 'consultant', password: 'Consult-Pass-2026', temporaryPassword: false } as const satisfies In<'staff.add'>;
export const SECOND_ADMIN = { name: '黃建國', role: 'admin', password: 'Second-Admin-2026', temporaryPassword: false } as const satisfies In<'staff.add'>;

export const NON_ADMIN_STAFF: readonly { name: string; role: Role; password: string }[] = [CONSULTANT, NURSE, PHYSICIAN];
