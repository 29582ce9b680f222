import type { AftercareChannel } from '../../../shared/api-aftercare';
import type { Handler } from '../../handlers';
import * as calendar from './calendar';
import * as complaints from './complaints';
import * as followUps from './follow-ups';
import * as home from './home';
import * as incidents from './incidents';
import * as treatments from './treatments';

/** The aftercare channels' handlers; spread into the one handler map (which checks it is complete). */
export const aftercareHandlers: { [C in AftercareChannel]: Handler<C> } = {
  'team.list': (ctx) => home.teamList(ctx),
  'calendar.list': calendar.listCalendar,
  'calendar.add': calendar.addCalendarDay,
  'calendar.remove': calendar.removeCalendarDay,
  'treatments.record': treatments.recordTreatment,
  'treatments.get': treatments.getTreatment,
  'treatments.forConsultation': treatments.treatmentForConsultation,
  'treatments.addPhoto': treatments.addTreatmentPhoto,
  'treatments.correct': treatments.correctTreatment,
  'followUps.worklist': followUps.worklist,
  'followUps.forTreatment': followUps.visitsForTreatment,
  'followUps.get': followUps.getVisit,
  'followUps.logAttempt': followUps.logAttempt,
  'followUps.recordOutcome': followUps.recordOutcome,
  'followUps.correctOutcome': followUps.correctOutcome,
  'followUps.addPhoto': followUps.addVisitPhoto,
  'followUps.assign': followUps.assignVisit,
  'followUps.escalations': followUps.listEscalations,
  'followUps.acknowledge': followUps.acknowledgeEscalation,
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
  'incidents.report': incidents.reportIncident,
  'incidents.list': incidents.listIncidents,
  'incidents.get': incidents.getIncident,
  'incidents.addUpdate': incidents.addIncidentUpdate,
  'incidents.recordNotification': incidents.recordNotification,
  'incidents.close': incidents.closeIncident,
  'home.today': (ctx) => home.homeToday(ctx),
};
