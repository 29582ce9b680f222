import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/errors';
import { callApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { formatDateTime } from '../../clinicTime';

type Kind = 'first_response' | 'accident_explanation' | 'records_copy';

/**
 * An administrator recomputes a running working-day deadline on today's calendar (after the government calendar
 * was imported, say). The deadline was fixed when the clock started; the reason is kept with the complaint.
 */
export function RecomputeClock({ complaintId, kind, timeZone, onDone }: { complaintId: string; kind: Kind; timeZone: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Out<'complaints.recomputeClock'> | null>(null);
  const submit = async () => {
    setError(null);
    const r = await callApi('complaints.recomputeClock', { complaintId, kind, reason });
    if (!r.ok) return setError(r.error.issues?.[0] ? { code: r.error.code, messageKey: r.error.issues[0].messageKey } : r.error);
    setDone(r.value);
    setOpen(false);
    onDone();
  };
  const at = (iso: string) => formatDateTime(iso, timeZone, i18n.language);
  return (
    <>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => setOpen(true)} data-testid="recompute-clock">
        {t('intake.clocks.recompute')}
      </button>
      {done ? <p className="muted small">{t('intake.clocks.recomputed', { from: at(done.previousDueAt), to: at(done.dueAt) })}</p> : null}
      {open ? (
        <Dialog title={t('intake.clocks.recomputeTitle')} onCancel={() => setOpen(false)} testId="recompute-dialog">
          <p>{t('intake.clocks.recomputeIntro')}</p>
          <label className="field">
            <span className="field__label">{t('intake.clocks.reason')}</span>
            <textarea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <FormActions error={error} onCancel={() => setOpen(false)} submitLabel={t('intake.clocks.confirm')} onConfirm={() => void submit()} />
        </Dialog>
      ) : null}
    </>
  );
}
