import { z } from 'zod';
import { Ack, Empty, Id } from '../schemas/common';
import { NewPassword, NewStaffMember, PhysicianChoice, StaffMember, StaffProfileUpdate, StaffRevision } from '../schemas/staff';
import { ADMIN, ALL_STAFF, type Channel } from './channel';

/** The staff channels: what each takes, returns and who may call it. */
export const staffChannels = {
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
} as const satisfies Record<string, Channel>;
