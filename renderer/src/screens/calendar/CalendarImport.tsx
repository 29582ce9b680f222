import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarImportResult } from '../../../../shared/schemas/aftercare';
import { GOV_CALENDAR_MAX_BYTES } from '../../../../shared/gov-calendar';
import type { ApiError } from '../../../../shared/errors';
import { callApi } from '../../api';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { formatCalendarDate } from '../../clinicTime';

/**
 * The government's office calendar CSV (行政院人事行政總處), read as text here and parsed in the main process:
 * lunar holidays, observed days and make-up working days land on the clinic calendar in one go.
 */
export function CalendarImport({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<CalendarImportResult | null>(null);

  const picked = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setResult(null);
    if (file.size > GOV_CALENDAR_MAX_BYTES) return setError({ code: 'invalid_input', messageKey: 'validation.tooLong' });
    setBusy(true);
    const r = await callApi('calendar.import', { csv: await file.text() });
    setBusy(false);
    if (!r.ok) return setError(r.error.issues?.[0] ? { code: r.error.code, messageKey: r.error.issues[0].messageKey } : r.error);
    setResult(r.value);
    onImported();
  };
  const day = (d: string) => formatCalendarDate(d, i18n.language);
  return (
    <div className="calendar-import" data-testid="calendar-import">
      <h3 className="card__subtitle">{t('intake.calendar.importTitle')}</h3>
      <p className="muted">{t('intake.calendar.importIntro')}</p>
      <input
        ref={fileRef}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="calendar-file"
        onChange={(e) => {
          void picked(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      <button type="button" className="btn btn--secondary" onClick={() => fileRef.current?.click()} disabled={busy}>
        {busy ? t('intake.calendar.importing') : t('intake.calendar.chooseFile')}
      </button>
      <FormError error={error} />
      {result ? (
        <>
          <FormSuccess>{t('intake.calendar.imported', { from: day(result.from), to: day(result.to), holidays: result.holidays, workdays: result.workdays })}</FormSuccess>
          {result.kept.length > 0 ? <p className="muted small">{t('intake.calendar.kept', { count: result.kept.length, dates: result.kept.map(day).join(', ') })}</p> : null}
          <p className="muted small">{t('intake.calendar.runningNote')}</p>
        </>
      ) : null}
    </div>
  );
}
