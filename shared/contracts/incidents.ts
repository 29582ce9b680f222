import { z } from 'zod';
import { Id, requiredText, StatusFilter, text } from '../schemas/common';
import {
    IncidentNotification,
    IncidentView,
    NewIncident
} from '../schemas/complaint';
import { ADMIN, ALL_STAFF, type Channel } from './channel';

/** The incidents channels: what each takes, returns and who may call it. */
export const incidentsChannels = {
  /** Anyone who finds a personal-data breach reports it; the administrator keeps the register. */
  'incidents.report': { input: NewIncident, output: IncidentView, access: ALL_STAFF },
  'incidents.list': { input: StatusFilter, output: z.array(IncidentView), access: ADMIN },
  'incidents.get': { input: z.object({ incidentId: Id }).strict(), output: IncidentView, access: ADMIN },
  'incidents.addUpdate': { input: z.object({ incidentId: Id, text: requiredText(2000) }).strict(), output: IncidentView, access: ADMIN },
  'incidents.recordNotification': { input: IncidentNotification, output: IncidentView, access: ADMIN },
  /** Closing without a recorded notification needs the reason none was due. */
  'incidents.close': {
    input: z.object({ incidentId: Id, summary: requiredText(2000), noNotificationReason: text(1000).optional() }).strict(),
    output: IncidentView,
    access: ADMIN,
  },
} as const satisfies Record<string, Channel>;
