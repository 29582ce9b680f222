import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintedDateEra } from '../../../../shared/schemas/settings';
import type { ApiError } from '../../../../shared/errors';
import { callApi, useApi } from '../../api';
import { FormError, FormSuccess } from '../../components/FormMessage';

/** 西元 or 民國 dates on printed forms (consents); screens are unaffected. A consent keeps the era it was issued with. */
export function PrintedDatesSection() {
  const { t } = useTranslation();
  const loaded = useApi('settings.printedDates', {});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [era, setEra] = useState<PrintedDateEra | null>(null);
  const current = era ?? loaded.value?.era ?? null;
  const choose = async (next: PrintedDateEra) => {
    setError(null);
    setSaved(null);
    // Shown chosen at once; put back if the main process refuses.
    const previous = current;
    setEra(next);
    const r = await callApi('settings.setPrintedDates', { era: next });
    if (!r.ok) {
      setEra(previous);
      return setError(r.error);
    }
    setSaved(t('intake.dates.printedSaved'));
  };
  return (
    <section className="card" aria-labelledby="printed-dates-title" data-testid="printed-dates">
      <h2 id="printed-dates-title" className="card__title">
        {t('intake.dates.printedTitle')}
      </h2>
      <p className="muted">{t('intake.dates.printedIntro')}</p>
      <FormError error={loaded.error ?? error} />
      {current ? (
        <fieldset className="choice-group">
          {PrintedDateEra.options.map((e) => (
            <label key={e} className="radio">
              <input type="radio" name="printed-era" value={e} checked={current === e} onChange={() => void choose(e)} />
              <span>{t(`intake.dates.eras.${e}`)}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <FormSuccess>{saved}</FormSuccess>
    </section>
  );
}
