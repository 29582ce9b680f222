import i18next from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { In, Out } from '../../../../shared/api';
import type { ApiError, ApiResult } from '../../../../shared/errors';
import type { AuditListItem, AuditPatientRef } from '../../../../shared/schemas/audit';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi, useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { DateInput } from '../../components/DateInput';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { translateKey } from '../../i18n';
import { formatInstant } from '../../clinicTime';
import { saveFile } from '../../files';
import './AuditSearch.css';

/** An audit action code such as `patient.viewed`, in words when the locale knows it. */
export function actionLabel(action: string): string {
  const key = `auditActions.${action.replace(/\./g, '_')}`;
  return i18next.exists(key) ? translateKey(key) : action;
}

function subjectTypeLabel(type: string): string {
  const key = `auditSubjects.${type}`;
  return i18next.exists(key) ? translateKey(key) : type;
}

/** Events a page. */
const PAGE = 50;

type Filter = { patient: AuditPatientRef | null; actorId: string; action: string; viewsOnly: boolean; from: string; to: string };
const NO_FILTER: Filter = { patient: null, actorId: '', action: '', viewsOnly: false, from: '', to: '' };

/** The filter as the channels take it (empty boxes left out). */
function filterInput(f: Filter) {
  return {
    ...(f.patient ? { patientId: f.patient.id } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: f.action } : {}),
    viewsOnly: f.viewsOnly,
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

/** Patients named by an event: the first few by name and chart number, and how many more. */
function PatientsCell({ item }: { item: AuditListItem }) {
  const { t } = useTranslation();
  if (item.patientCount === 0) return <>{item.event.subjectType ? subjectTypeLabel(item.event.subjectType) : '—'}</>;
  return (
    <>
      {item.patients.map((p, i) => (
        <span key={p.id}>
          {i > 0 ? ', ' : ''}
          {p.name} <span className="mono muted">{p.chartNo}</span>
        </span>
      ))}
      {item.patientCount > item.patients.length ? <span className="muted"> {t('safety.audit.morePatients', { count: item.patientCount })}</span> : null}
    </>
  );
}

/** Picks one patient by name or chart number (patients.search, itself audited). */
function PatientPicker({ value, onChange }: { value: AuditPatientRef | null; onChange: (p: AuditPatientRef | null) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<AuditPatientRef[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let live = true;
    const timer = setTimeout(() => {
      void callApi('patients.search', { query: q, limit: 8 }).then((r) => {
        if (live && r.ok) setFound(r.value.map((p) => ({ id: p.id, name: p.nameZh, chartNo: p.chartNo })));
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  if (value) {
    return (
      <div className="audit-picker__chosen" data-testid="audit-patient-chosen">
        <strong>{value.name}</strong> <span className="mono">{value.chartNo}</span>
        <button type="button" className="btn btn--link" onClick={() => onChange(null)}>
          {t('safety.audit.clearPatient')}
        </button>
      </div>
    );
  }
  return (
    <div className="audit-picker">
      <input
        id="audit-patient"
        type="search"
        value={query}
        placeholder={t('safety.audit.patientSearch')}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          if (!e.target.value.trim()) setFound([]);
        }}
        data-testid="audit-patient-search"
      />
      {query.trim() && found.length > 0 ? (
        <ul className="audit-picker__list" role="listbox" aria-label={t('safety.audit.patient')}>
          {found.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                role="option"
                aria-selected="false"
                className="audit-picker__option"
                onClick={() => {
                  onChange(p);
                  setQuery('');
                  setFound([]);
                }}
              >
                {p.name} <span className="mono muted">{p.chartNo}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One event in full: who, when, what, the patients it names, its details and hashes. */
function EventDialog({ seq, session, onClose }: { seq: number; session: SessionInfo; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const loaded = useApi('audit.event', { seq });
  const item = loaded.value;
  return (
    <Dialog title={t('safety.audit.detailTitle', { seq })} onCancel={onClose} className="dialog--wide" testId="audit-event-dialog">
      <FormError error={loaded.error} />
      {item ? (
        <dl className="audit-detail">
          <dt>{t('safety.audit.at')}</dt>
          <dd>
            <time dateTime={item.event.at}>{formatInstant(item.event.at, session.timeZone, i18n.language)}</time> <span className="mono muted">{item.event.at}</span>
          </dd>
          <dt>{t('safety.audit.actor')}</dt>
          <dd>
            {item.event.actorName ?? t('audit.system')}
            {item.event.actorRole ? ` · ${t(`roles.${item.event.actorRole}`)}` : ''}
          </dd>
          <dt>{t('safety.audit.seat')}</dt>
          <dd data-testid="audit-seat">{item.event.seat ? item.event.seat.name : t('safety.audit.noSeat')}</dd>
          <dt>{t('safety.audit.action_')}</dt>
          <dd>
            {actionLabel(item.event.action)} <span className="mono muted">{item.event.action}</span>
          </dd>
          <dt>{t('safety.audit.subject')}</dt>
          <dd>
            {item.event.subjectType ? subjectTypeLabel(item.event.subjectType) : '—'} <span className="mono muted">{item.event.subjectId ?? ''}</span>
          </dd>
          <dt>{t('safety.audit.patients')}</dt>
          <dd data-testid="audit-event-patients">
            {item.patients.length === 0
              ? '—'
              : item.patients.map((p) => (
                  <div key={p.id}>
                    {p.name} <span className="mono muted">{p.chartNo}</span>
                  </div>
                ))}
          </dd>
          <dt>{t('safety.audit.details')}</dt>
          <dd>
            <pre className="audit-detail__json">{JSON.stringify(item.event.details, null, 2)}</pre>
          </dd>
          <dt>{t('safety.audit.hash')}</dt>
          <dd className="mono small audit-detail__hash">{item.event.hash}</dd>
          <dt>{t('safety.audit.prevHash')}</dt>
          <dd className="mono small audit-detail__hash">{item.event.prevHash}</dd>
        </dl>
      ) : null}
      <div className="actions actions--end dialog__footer">
        <button type="button" className="btn btn--secondary" onClick={onClose}>
          {t('safety.audit.close')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * The audit trail filtered by patient, staff member, action and clinic days, a page at a time, each event's
 * details a click away, and the same filter as CSV. With `patient` the filter is fixed to that patient (the
 * patient page's "who accessed this record" tab).
 */
export function AuditSearch({ session, patient }: { session: SessionInfo; patient?: AuditPatientRef }) {
  const { t, i18n } = useTranslation();
  const staff = useApi('staff.list', { includeInactive: true });
  const actions = useApi('audit.actions', {});
  const [draft, setDraft] = useState<Filter>({ ...NO_FILTER, patient: patient ?? null });
  const [applied, setApplied] = useState<Filter>(draft);
  const [items, setItems] = useState<AuditListItem[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);

  const show = useCallback((r: ApiResult<Out<'audit.search'>>, more: boolean) => {
    if (!r.ok) return setError(r.error);
    setError(null);
    setItems((xs) => (more ? [...xs, ...r.value.items] : r.value.items));
    setTotal(r.value.total);
    setNext(r.value.nextBefore);
  }, []);

  // The first page of each filter applied.
  useEffect(() => {
    let live = true;
    void callApi('audit.search', { ...filterInput(applied), limit: PAGE }).then((r) => live && show(r, false));
    return () => {
      live = false;
    };
  }, [applied, show]);

  const more = async (before: number) => {
    setBusy(true);
    const input: In<'audit.search'> = { ...filterInput(applied), limit: PAGE, before };
    const r = await callApi('audit.search', input);
    setBusy(false);
    show(r, true);
  };

  const exportCsv = async () => {
    setExporting(true);
    setExported(null);
    setError(null);
    const r = await callApi('audit.exportCsv', { ...filterInput(applied), lang: i18n.language === 'en' ? 'en' : 'zh-TW' });
    setExporting(false);
    if (!r.ok) return setError(r.error);
    saveFile(r.value.csv, r.value.fileName, 'text/csv;charset=utf-8');
    setExported(r.value.truncated ? t('safety.audit.truncated', { max: r.value.rows }) : t('safety.audit.exported', { count: r.value.rows, file: r.value.fileName }));
  };

  const fieldError = (name: string) => error?.issues?.find((i) => i.path[0] === name)?.messageKey;
  return (
    <section className="audit-search" aria-labelledby={patient ? undefined : 'audit-search-title'} aria-label={patient ? t('safety.audit.tab') : undefined} data-testid="audit-search">
      {patient ? <p className="muted">{t('safety.audit.tabIntro')}</p> : (
        <>
          <div className="section-header section-header--sub">
            <h2 id="audit-search-title">{t('safety.audit.searchTitle')}</h2>
          </div>
          <p className="muted">{t('safety.audit.searchIntro')}</p>
        </>
      )}
      <form
        className="audit-filters"
        noValidate
        aria-label={t('safety.audit.searchTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ ...draft });
        }}
      >
        {patient ? null : (
          <div className="field">
            <label htmlFor="audit-patient" className="field__label">
              {t('safety.audit.patient')}
            </label>
            <PatientPicker value={draft.patient} onChange={(p) => setDraft((d) => ({ ...d, patient: p }))} />
          </div>
        )}
        <div className="field">
          <label htmlFor="audit-staff" className="field__label">
            {t('safety.audit.staff')}
          </label>
          <select id="audit-staff" value={draft.actorId} onChange={(e) => setDraft((d) => ({ ...d, actorId: e.target.value }))}>
            <option value="">{t('safety.audit.anyStaff')}</option>
            {(staff.value ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} · {t(`roles.${s.role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action" className="field__label">
            {t('safety.audit.action')}
          </label>
          <select id="audit-action" value={draft.action} onChange={(e) => setDraft((d) => ({ ...d, action: e.target.value }))}>
            <option value="">{t('safety.audit.anyAction')}</option>
            {(actions.value ?? []).map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from" className="field__label">
            {t('safety.audit.from')}
          </label>
          <DateInput id="audit-from" value={draft.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} />
        </div>
        <div className={`field ${fieldError('to') ? 'field--invalid' : ''}`}>
          <label htmlFor="audit-to" className="field__label">
            {t('safety.audit.to')}
          </label>
          <DateInput id="audit-to" value={draft.to} onChange={(to) => setDraft((d) => ({ ...d, to }))} />
          {fieldError('to') ? <p className="field__error">{translateKey(fieldError('to')!)}</p> : null}
        </div>
        <label className="checkbox audit-filters__views">
          <input type="checkbox" checked={draft.viewsOnly} onChange={(e) => setDraft((d) => ({ ...d, viewsOnly: e.target.checked }))} />
          <span>{t('safety.audit.viewsOnly')}</span>
        </label>
        <div className="actions audit-filters__actions">
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="audit-apply">
            {t('safety.audit.apply')}
          </button>
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => {
              const cleared = { ...NO_FILTER, patient: patient ?? null };
              setDraft(cleared);
              setApplied(cleared);
            }}
          >
            {t('safety.audit.reset')}
          </button>
          <button type="button" className="btn btn--secondary" onClick={() => void exportCsv()} disabled={exporting || total === 0} data-testid="audit-export-csv">
            {exporting ? t('safety.audit.exporting') : t('safety.audit.exportCsv')}
          </button>
        </div>
      </form>
      {error && !fieldError('to') ? <FormError error={error} /> : null}
      <FormSuccess>{exported}</FormSuccess>
      {total !== null ? (
        <p role="status" data-testid="audit-total" data-total={total}>
          {t('safety.audit.total', { count: total })}
          {items.length < total ? ` · ${t('safety.audit.shown', { shown: items.length, total })}` : ''}
        </p>
      ) : null}
      {total === 0 ? <p className="muted">{t('safety.audit.none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense" aria-label={patient ? t('safety.audit.tab') : t('safety.audit.searchTitle')}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('safety.audit.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.event.seq} data-testid="audit-row" data-action={item.event.action} data-seq={item.event.seq}>
                  <td className="num">{item.event.seq}</td>
                  <td className="nowrap">
                    <time dateTime={item.event.at}>{formatInstant(item.event.at, session.timeZone, i18n.language)}</time>
                  </td>
                  <td>
                    {item.event.actorName ?? t('audit.system')}
                    {item.event.actorRole ? <span className="muted"> · {t(`roles.${item.event.actorRole}`)}</span> : null}
                    {item.event.seat ? <div className="muted small">{item.event.seat.name}</div> : null}
                  </td>
                  <td>
                    <span title={item.event.action}>{actionLabel(item.event.action)}</span>
                  </td>
                  <td>
                    <PatientsCell item={item} />
                  </td>
                  <td>
                    <button type="button" className="btn btn--link" onClick={() => setOpen(item.event.seq)}>
                      {t('safety.audit.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next !== null ? (
        <button type="button" className="btn btn--secondary" onClick={() => void more(next)} disabled={busy} data-testid="audit-more">
          {busy ? t('safety.audit.loading') : t('safety.audit.more')}
        </button>
      ) : null}
      {open !== null ? <EventDialog seq={open} session={session} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
