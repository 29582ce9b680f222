import type { consultationsChannels } from '../../../shared/contracts/consultations';
import type { HandlersFor } from '../handler';
import * as consultations from './consultations';

/** The consultations channels' handlers; spread into the one handler map, which checks it is complete. */
export const consultationsHandlers: HandlersFor<typeof consultationsChannels> = {
  'consultations.start': consultations.startConsultation,
  'consultations.get': consultations.getConsultation,
  'consultations.saveScreening': consultations.saveScreening,
  'consultations.saveGoals': consultations.saveGoals,
  'consultations.addPhoto': consultations.addPhoto,
  'consultations.acknowledgeRisk': consultations.acknowledgeRisk,
  'consultations.recordReading': consultations.recordReadingTime,
  'consultations.saveAlternatives': consultations.saveAlternatives,
  'consultations.saveQuote': consultations.saveQuote,
  'consultations.acknowledgeQuote': consultations.acknowledgeQuote,
  'consultations.answerComprehension': consultations.answerComprehension,
  'consultations.disclose': consultations.disclose,
};
