import type { patientsChannels } from '../../../shared/contracts/patients';
import type { HandlersFor } from '../handler';
import { suggestChartNo } from './chart-numbers';
import * as patients from './patients';

/** The patients channels' handlers; spread into the one handler map, which checks it is complete. */
export const patientsHandlers: HandlersFor<typeof patientsChannels> = {
  'patients.search': patients.searchPatients,
  'patients.get': patients.getPatient,
  'patients.create': patients.createPatient,
  'patients.nextChartNo': (ctx) => suggestChartNo(ctx),
  'patients.update': patients.updatePatient,
};
