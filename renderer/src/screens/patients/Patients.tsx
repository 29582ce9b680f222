import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { PatientSummary } from '../../../../shared/schemas/patient';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi, useApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { useCommittedText } from '../../components/useCommittedText';
import { useNavigate } from '../../navigation';
import { PatientForm } from './PatientForm';
import '../retention/retention.css';
import './patients.css';

/** Typing pauses shorter than this are one search (each search is an audited view of the names it shows). */
const SEARCH_DEBOUNCE_MS = 150;
const RESULT_LIMIT = 50;

/** Patients (everyone): search as you type, open a record, or add a new patient. */
export function Patients({ session, startAdding = false }: { session: SessionInfo; startAdding?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(startAdding);

  return (
    <section aria-labelledby="patients-title">
      <div className="section-header">
        <h1 id="patients-title">{adding ? t('patients.addTitle') : t('patients.title')}</h1>
        {!adding ? (
          <button type="button" className="btn btn--primary" onClick={() => setAdding(true)}>
            <Icon name="userPlus" />
            {t('patients.add')}
          </button>
        ) : null}
      </div>
      {adding ? (
        <div className="card card--panel">
          <PatientForm
            timeZone={session.timeZone}
            onCancel={() => setAdding(false)}
            onSaved={(p) => navigate({ screen: 'patient', patientId: p.id })}
          />
        </div>
      ) : (
        <PatientSearch onOpen={(id) => navigate({ screen: 'patient', patientId: id })} />
      )}
    </section>
  );
}

function PatientSearch({ onOpen }: { onOpen: (patientId: string) => void }) {
  const { t } = useTranslation();
  // Searches follow what is committed: nothing is searched while a Zhuyin composition is open.
  const box = useCommittedText();
  const query = box.committed;
  const [debounced, setDebounced] = useState('');
  const [enterError, setEnterError] = useState<ApiError | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(query.trim()), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  const results = useApi('patients.search', { query: debounced, limit: RESULT_LIMIT });
  const pending = query.trim() !== debounced;

  // Enter opens the first match for what is typed now, even if the list has not caught up with the last keystroke.
  const onKeyDown = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const q = query.trim();
    if (!q) return;
    const first = !pending && results.state === 'ok' ? results.value[0] : undefined;
    if (first) {
      onOpen(first.id);
      return;
    }
    const r = await callApi('patients.search', { query: q, limit: 1 });
    if (!r.ok) setEnterError(r.error);
    else if (r.value[0]) onOpen(r.value[0].id);
  };

  return (
    <>
      <div className="search">
        <label htmlFor="patient-search" className="field__label">
          {t('patients.searchLabel')}
        </label>
        <div className="search__box">
          <Icon name="search" size={20} className="search__icon" />
          <input
            id="patient-search"
            type="search"
            className="search__input"
            {...box.inputProps}
            placeholder={t('patients.searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            autoFocus
            aria-describedby="patient-search-hint"
            aria-controls="patient-results"
            onChange={(e) => {
              setEnterError(null);
              box.inputProps.onChange(e);
            }}
            onKeyDown={(e) => void onKeyDown(e)}
          />
        </div>
        <p id="patient-search-hint" className="field__hint">
          {t('patients.searchHint')}
        </p>
      </div>
      <FormError error={enterError ?? results.error} />
      {results.state === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
      {results.state === 'ok' ? (
        <ResultTable
          rows={results.value}
          query={debounced}
          busy={pending}
          onOpen={onOpen}
        />
      ) : null}
    </>
  );
}

function ResultTable({
  rows,
  query,
  busy,
  onOpen,
}: {
  rows: PatientSummary[];
  query: string;
  busy: boolean;
  onOpen: (patientId: string) => void;
}) {
  const { t } = useTranslation();
  const caption = query ? t('patients.results', { count: rows.length }) : t('patients.recent');
  return (
    <div id="patient-results" aria-busy={busy}>
      <p className="results__caption" aria-live="polite">
        <span>{caption}</span>
        {busy ? <span className="muted">{t('patients.searching')}</span> : null}
      </p>
      {rows.length === 0 ? (
        <p className="empty">{query ? t('patients.noResults', { query }) : t('patients.noPatients')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--rows">
            <thead>
              <tr>
                <th scope="col">{t('patients.columns.chartNo')}</th>
                <th scope="col">{t('patients.columns.name')}</th>
                <th scope="col">{t('patients.columns.nameEn')}</th>
                <th scope="col">{t('patients.columns.sex')}</th>
                <th scope="col" className="num-head">
                  {t('patients.columns.age')}
                </th>
                <th scope="col">{t('patients.columns.phone')}</th>
                <th scope="col" className="num-head">
                  {t('patients.columns.consultations')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} className="row--link" data-testid="patient-row" onClick={() => onOpen(p.id)}>
                  <td className="nowrap mono">
                    {p.chartNo}
                    {p.destroyedAt ? (
                      <>
                        {' '}
                        <span className="badge rt-badge--destroyed" data-testid="destroyed-badge">
                          {t('retention.tombstone.badge')}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <th scope="row" className="nowrap">
                    <button
                      type="button"
                      className="row__open"
                      aria-label={t('patients.openPatient', { name: p.nameZh })}
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpen(p.id);
                      }}
                    >
                      {p.destroyedAt ? t('retention.tombstone.nameGone') : p.nameZh}
                    </button>
                  </th>
                  <td className="cell--clip">{p.nameEn ?? '—'}</td>
                  <td className="nowrap">{p.destroyedAt ? '—' : t(`patients.sex.${p.sex}`)}</td>
                  <td className="num nowrap">{p.destroyedAt ? '—' : t('patients.ageValue', { count: p.age })}</td>
                  <td className="nowrap">{p.phone}</td>
                  <td className="num">{p.consultationCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
