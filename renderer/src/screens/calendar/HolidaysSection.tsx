import { useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import { useTranslation } from 'react-i18next';
import { CalendarDayKind } from '../../../../shared/schemas/complaint';
import { callApi, useApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import { formatCalendarDate } from '../../clinicTime';
import { useChannelForm } from '../../components/channelForm';
import { DateInput } from '../../components/DateInput';
import { CalendarImport } from './CalendarImport';
import './calendar.css';

/**
 * The clinic's calendar (administrator): holidays the clinic is closed and weekend make-up working days. Working-day
 * clocks (a medical accident: 5 working days; record copies: 7) count on it; a clock already running keeps its deadline.
 */
export function HolidaysSection({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  const from = `${today.slice(0, 4)}-01-01`;
  const to = `${Number(today.slice(0, 4)) + 1}-12-31`;
  const list = useApi('calendar.list', { from, to });
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<CalendarDayKind>('holiday');
  const [name, setName] = useState('');
  const form = useChannelForm('calendar.add', ['date', 'kind', 'name']);
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const remove = async (d: string) => {
    const r = await callApi('calendar.remove', { date: d });
    setRemoveError(r.ok ? null : r.error);
    list.reload();
  };
  return (
    <section className="card ac-holidays" aria-labelledby="holidays-title" data-testid="holidays">
      <h2 id="holidays-title" className="card__title">
        {t('aftercare.holidays.title')}
      </h2>
      <p className="muted">{t('aftercare.holidays.intro')}</p>
      <form
        className="ac-row"
        noValidate
        aria-label={t('aftercare.holidays.add')}
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit({ date, kind, name }).then((r) => {
            if (!r) return;
            setDate('');
            setName('');
            list.reload();
          });
        }}
      >
        <Field label={t('aftercare.holidays.date')} error={form.errors.date}>
          {(p) => <DateInput {...p} value={date} onChange={setDate} />}
        </Field>
        <Field label={t('aftercare.holidays.kind')} error={form.errors.kind}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as CalendarDayKind)}>
              {CalendarDayKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(`aftercare.calendarKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('aftercare.holidays.name')} error={form.errors.name} className="ac-row__grow">
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} placeholder={t('aftercare.holidays.namePlaceholder')} />}
        </Field>
        <button type="submit" className="btn btn--primary ac-row__button" disabled={form.busy}>
          {t('aftercare.holidays.add')}
        </button>
      </form>
      <FormError error={form.formError ?? removeError} />
      <CalendarImport onImported={list.reload} />
      {list.value && list.value.length === 0 ? <p className="empty">{t('aftercare.holidays.none')}</p> : null}
      {list.value && list.value.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense">
            <thead>
              <tr>
                <th>{t('aftercare.holidays.date')}</th>
                <th>{t('aftercare.holidays.kind')}</th>
                <th>{t('aftercare.holidays.name')}</th>
                <th>{t('aftercare.holidays.addedBy')}</th>
                <th className="table__actions-head">
                  <span className="visually-hidden">{t('aftercare.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.value.map((d) => (
                <tr key={d.date}>
                  <td className="nowrap">{formatCalendarDate(d.date, i18n.language)}</td>
                  <td>{t(`aftercare.calendarKinds.${d.kind}`)}</td>
                  <td>{d.name}</td>
                  <td className="muted">{d.createdByName}</td>
                  <td className="table__actions">
                    <button type="button" className="btn btn--ghost btn--small" onClick={() => void remove(d.date)} aria-label={t('aftercare.holidays.removeLabel', { date: formatCalendarDate(d.date, i18n.language) })}>
                      {t('aftercare.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
