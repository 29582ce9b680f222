import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QualityFigureRow } from '../../../../shared/schemas/aftercare';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { useApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { procedureNameIn } from '../../procedureName';
import { toWallTime } from '../../clinicTime';
import { DateInput } from '../../components/DateInput';

const pct = (n: number, of: number) => (of > 0 ? `${n} (${Math.round((n / of) * 100)}%)` : '0');
const mean = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/**
 * Follow-up outcomes per procedure over a period. Outcomes recorded with the old pre-filled form are counted and
 * flagged, or left out: their findings were selected before anyone asked.
 */
export function QualityFigures({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const today = toWallTime(new Date(), session.timeZone).slice(0, 10);
  const [from, setFrom] = useState(() => `${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [prefilled, setPrefilled] = useState<'include' | 'exclude'>('exclude');
  const figures = useApi('followUps.qualityFigures', { from, to, prefilled });
  const f = figures.value;
  const row = (r: QualityFigureRow, name: string, key: string) => (
    <tr key={key}>
      <th scope="row">{name}</th>
      <td className="num">{r.outcomes}</td>
      <td className="num">{prefilled === 'include' ? r.prefilled : '—'}</td>
      <td className="num">{pct(r.withRedFlags, r.outcomes)}</td>
      <td className="num">{pct(r.withComplication, r.outcomes)}</td>
      <td className="num">{mean(r.meanPain)}</td>
      <td className="num">{mean(r.meanSatisfaction)}</td>
    </tr>
  );
  return (
    <section className="card" aria-labelledby="quality-title" data-testid="quality-figures">
      <h2 id="quality-title" className="card__title">
        {t('safety.quality.title')}
      </h2>
      <p className="muted">{t('safety.quality.intro')}</p>
      <div className="ac-grid ac-grid--3">
        <label className="field">
          <span className="field__label">{t('safety.quality.from')}</span>
          <DateInput value={from} onChange={(v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && setFrom(v)} />
        </label>
        <label className="field">
          <span className="field__label">{t('safety.quality.to')}</span>
          <DateInput value={to} onChange={(v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && setTo(v)} />
        </label>
        <label className="field">
          <span className="field__label">{t('safety.quality.prefilled')}</span>
          <select value={prefilled} onChange={(e) => setPrefilled(e.target.value === 'include' ? 'include' : 'exclude')} data-testid="quality-prefilled">
            <option value="exclude">{t('safety.quality.exclude')}</option>
            <option value="include">{t('safety.quality.include')}</option>
          </select>
        </label>
      </div>
      <FormError error={figures.error} />
      {f ? (
        <>
          {f.prefilledInPeriod > 0 ? (
            <p className="notice notice--warning" data-testid="quality-prefilled-note">
              {t('safety.quality.prefilledInPeriod', { count: f.prefilledInPeriod })} {prefilled === 'exclude' ? t('safety.quality.excludedNote') : t('safety.quality.includedNote')}
            </p>
          ) : null}
          {f.total.outcomes === 0 ? (
            <p className="muted">{t('safety.quality.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--dense">
                <thead>
                  <tr>
                    <th scope="col">{t('safety.quality.procedure')}</th>
                    <th scope="col" className="num">{t('safety.quality.outcomes')}</th>
                    <th scope="col" className="num">{t('safety.quality.prefilledCol')}</th>
                    <th scope="col" className="num">{t('safety.quality.redFlags')}</th>
                    <th scope="col" className="num">{t('safety.quality.complications')}</th>
                    <th scope="col" className="num">{t('safety.quality.meanPain')}</th>
                    <th scope="col" className="num">{t('safety.quality.meanSatisfaction')}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.byProcedure.map((r) => row(r, procedureNameIn(r, i18n.language), r.procedureId ?? 'none'))}
                  {row(f.total, t('safety.quality.total'), 'total')}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
