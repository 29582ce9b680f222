import type { complaintsChannels } from '../../../shared/contracts/complaints';
import type { HandlersFor } from '../handler';
import * as complaints from './complaints';

/** The complaints channels' handlers; spread into the one handler map, which checks it is complete. */
export const complaintsHandlers: HandlersFor<typeof complaintsChannels> = {
  'complaints.intake': complaints.intakeComplaint,
  'complaints.list': complaints.listComplaints,
  'complaints.get': complaints.getComplaint,
  'complaints.assign': complaints.assignComplaint,
  'complaints.addEntry': complaints.addEntry,
  'complaints.correctEntry': complaints.correctEntry,
  'complaints.recordAccident': complaints.recordAccident,
  'complaints.recordRecordsRequest': complaints.recordRecordsRequest,
  'complaints.addResolution': complaints.addResolution,
  'complaints.saveReview': complaints.saveReview,
  'complaints.close': complaints.closeComplaint,
  'complaints.attachment': complaints.complaintAttachment,
  'complaints.recomputeClock': complaints.recomputeClock,
};
