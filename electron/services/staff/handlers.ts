import type { staffChannels } from '../../../shared/contracts/staff';
import type { HandlersFor } from '../handler';
import * as staff from './staff';

/** The staff channels' handlers; spread into the one handler map, which checks it is complete. */
export const staffHandlers: HandlersFor<typeof staffChannels> = {
  'staff.list': staff.listStaff,
  'staff.physicians': (ctx) => staff.listPhysicians(ctx),
  'staff.add': staff.addStaff,
  'staff.deactivate': staff.deactivateStaff,
  'staff.reactivate': staff.reactivateStaff,
  'staff.resetPassword': staff.resetStaffPassword,
  'staff.update': staff.updateStaffProfile,
  'staff.history': staff.staffHistory,
};
