import type { ChannelName } from '../shared/api';
import type { Handler } from './services/handler';
import { auditHandlers } from './services/audit/handlers';
import { backupsHandlers } from './services/backups/handlers';
import { calendarHandlers } from './services/calendar/handlers';
import { catalogueHandlers } from './services/catalogue/handlers';
import { communicationsHandlers } from './services/communications/handlers';
import { complaintsHandlers } from './services/complaints/handlers';
import { consentsHandlers } from './services/consents/handlers';
import { consultationsHandlers } from './services/consultations/handlers';
import { evidenceHandlers } from './services/evidence/handlers';
import { followUpsHandlers } from './services/follow-ups/handlers';
import { homeHandlers } from './services/home/handlers';
import { incidentsHandlers } from './services/incidents/handlers';
import { jobsHandlers } from './services/jobs/handlers';
import { patientsHandlers } from './services/patients/handlers';
import { photosHandlers } from './services/photos/handlers';
import { retentionHandlers } from './services/retention/handlers';
import { riskFlagsHandlers } from './services/risk-flags/handlers';
import { seatsHandlers } from './services/seats/handlers';
import { sessionHandlers } from './services/session/handlers';
import { settingsHandlers } from './services/settings/handlers';
import { setupHandlers } from './services/setup/handlers';
import { staffHandlers } from './services/staff/handlers';
import { tabletHandlers } from './services/tablet/handlers';
import { treatmentsHandlers } from './services/treatments/handlers';

export type { Handler } from './services/handler';
/** Exactly the contract's channels: a channel without a handler fails the type check. */
export type Handlers = { [C in ChannelName]: Handler<C> };

export const handlers: Handlers = {
  ...auditHandlers,
  ...backupsHandlers,
  ...calendarHandlers,
  ...catalogueHandlers,
  ...communicationsHandlers,
  ...complaintsHandlers,
  ...consentsHandlers,
  ...consultationsHandlers,
  ...evidenceHandlers,
  ...followUpsHandlers,
  ...homeHandlers,
  ...incidentsHandlers,
  ...jobsHandlers,
  ...patientsHandlers,
  ...photosHandlers,
  ...retentionHandlers,
  ...riskFlagsHandlers,
  ...seatsHandlers,
  ...sessionHandlers,
  ...settingsHandlers,
  ...setupHandlers,
  ...staffHandlers,
  ...tabletHandlers,
  ...treatmentsHandlers,
};
