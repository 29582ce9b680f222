import type { Out } from '../../../shared/api';
import { nextChartNo } from '../../../shared/chart-numbers';
import { ChartNumberStore } from '../../store/patients/chart-numbers';
import type { ServiceContext } from '../context';

/** The chart number the new-patient form offers (editable); patients.create still refuses a taken one. */
export function suggestChartNo(ctx: ServiceContext): Out<'patients.nextChartNo'> {
  const store = new ChartNumberStore(ctx.vault().db);
  return { chartNo: nextChartNo(store.latest(), (c) => store.taken(c)) };
}
