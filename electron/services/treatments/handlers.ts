import type { treatmentsChannels } from '../../../shared/contracts/treatments';
import type { HandlersFor } from '../handler';
import * as treatments from './treatments';

/** The treatments channels' handlers; spread into the one handler map, which checks it is complete. */
export const treatmentsHandlers: HandlersFor<typeof treatmentsChannels> = {
  'treatments.record': treatments.recordTreatment,
  'treatments.get': treatments.getTreatment,
  'treatments.forConsultation': treatments.treatmentForConsultation,
  'treatments.addPhoto': treatments.addTreatmentPhoto,
  'treatments.correct': treatments.correctTreatment,
};
