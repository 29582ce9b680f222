import type { incidentsChannels } from '../../../shared/contracts/incidents';
import type { HandlersFor } from '../handler';
import * as incidents from './incidents';

/** The incidents channels' handlers; spread into the one handler map, which checks it is complete. */
export const incidentsHandlers: HandlersFor<typeof incidentsChannels> = {
  'incidents.report': incidents.reportIncident,
  'incidents.list': incidents.listIncidents,
  'incidents.get': incidents.getIncident,
  'incidents.addUpdate': incidents.addIncidentUpdate,
  'incidents.recordNotification': incidents.recordNotification,
  'incidents.close': incidents.closeIncident,
};
