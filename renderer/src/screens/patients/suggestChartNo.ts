import { useEffect, useState } from 'react';
import { callApi } from '../../api';

/**
 * For a new patient: asks the main process for the next free chart number and fills it in while the field is
 * still empty (the person may change it). Returns whether the shown number was suggested.
 */
export function useSuggestedChartNo(enabled: boolean, current: () => string, fill: (chartNo: string) => void): boolean {
  const [suggested, setSuggested] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void callApi('patients.nextChartNo', {}).then((r) => {
      if (!live || !r.ok || current().trim() !== '') return;
      fill(r.value.chartNo);
      setSuggested(true);
    });
    return () => {
      live = false;
    };
    // Once, when a new-patient form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled]);
  return suggested;
}
