import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { AuditEvent, AuditVerification, TypedTextMatch } from '../../../../shared/schemas/audit';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi, useApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { translateKey } from '../../i18n';
import i18next from 'i18next';
import { formatInstant } from '../../clinicTime';
import { timeZoneLabel } from '../../timezones';
import { AuditSearch } from './AuditSearch';

/** An audit action code such as `staff.added`, in words when the locale knows it. */
function actionLabel(action: string): string {
  const key = `auditActions.${action.replace(/\./g, '_')}`;
  return i18next.exists(key) ? translateKey(key) : action;
}

function subjectLabel(e: AuditEvent): string {
  if (!e.subjectType) return '—';
  const key = `auditSubjects.${e.subjectType}`;
  const type = i18next.exists(key) ? translateKey(key) : e.subjectType;
  const name = typeof e.details.name === 'string' ? e.details.name : null;
  return name ? translateKey('audit.subjectWithName', { type, name }) : type;
}

/** Which details field held the text's keyed hash, in words when the locale knows it. */
function typedFieldLabel(field: string): string {
  const key = `audit.find.fields.${field}`;
  return i18next.exists(key) ? translateKey(key) : field;
}

/** Events as rows: number, time in the clinic's zone, actor, action, subject (and, for a search, the field). */
function EventTable({ label, rows, session }: { label: string; rows: { event: AuditEvent; field?: string }[]; session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const withField = rows.some((r) => r.field !== undefined);
  return (
    <div className="table-wrap">
      <table className="table table--dense" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.subject')}</th>
            {withField ? <th scope="col">{t('audit.find.field')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ event: e, field }) => (
            <tr key={e.seq} data-testid="audit-row">
              <td className="num">{e.seq}</td>
              <td className="nowrap">
                <time dateTime={e.at}>{formatInstant(e.at, session.timeZone, i18n.language)}</time>
              </td>
              <td>
                {e.actorName ?? t('audit.system')}
                {e.actorRole ? <span className="muted"> · {t(`roles.${e.actorRole}`)}</span> : null}
              </td>
              <td>
                <span title={e.action}>{actionLabel(e.action)}</span>
              </td>
              <td>{subjectLabel(e)}</td>
              {withField ? <td>{field ? typedFieldLabel(field) : ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "Who searched for or typed…": the trail keeps typed text only as a keyed hash, so the main process hashes
 * what is entered here the same way and lists the events that hold it.
 */
function FindTypedText({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<TypedTextMatch[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [searching, setSearching] = useState(false);

  const find = async () => {
    setSearching(true);
    setError(null);
    setMatches(null);
    const r = await callApi('audit.findTypedText', { text });
    setSearching(false);
    if (r.ok) setMatches(r.value);
    else setError(r.error);
  };

  return (
    <section aria-labelledby="audit-find-title" data-testid="audit-find">
      <div className="section-header section-header--sub">
        <h2 id="audit-find-title">{t('audit.find.title')}</h2>
      </div>
      <p className="muted">{t('audit.find.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <div className="field">
          <label htmlFor="audit-find-text" className="field__label">
            {t('audit.find.label')}
          </label>
          <div className="input-row">
            <input
              id="audit-find-text"
              type="search"
              value={text}
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
              aria-describedby="audit-find-hint"
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="btn btn--secondary" disabled={searching || text.trim() === ''}>
              {searching ? t('audit.find.searching') : t('audit.find.submit')}
            </button>
          </div>
          <p id="audit-find-hint" className="field__hint">
            {t('audit.find.oldEvents')}
          </p>
        </div>
      </form>
      <FormError error={error} />
      {matches ? (
        matches.length === 0 ? (
          <p className="muted" role="status">
            {t('audit.find.none')}
          </p>
        ) : (
          <>
            <p role="status">{t('audit.find.results', { count: matches.length })}</p>
            <EventTable label={t('audit.find.title')} rows={matches} session={session} />
          </>
        )
      ) : null}
    </section>
  );
}

/**
 * Audit trail (admin): verify the hash chain, find who searched for or typed a text, and search the whole trail
 * (by patient, staff member, action, dates; paged; each event's details; CSV) in the clinic's time zone.
 */
export function AuditTrail({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const cities = t('timeZones', { returnObjects: true }) as unknown as Record<string, string>;
  const info = useApi('vault.info', {});
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<ApiError | null>(null);
  const [verifying, setVerifying] = useState(false);
  // Verifying adds an event: the search below starts again to show it.
  const [searchKey, setSearchKey] = useState(0);

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    setVerification(null);
    const r = await callApi('audit.verify', {});
    setVerifying(false);
    if (r.ok) setVerification(r.value);
    else setVerifyError(r.error);
    info.reload();
    setSearchKey((k) => k + 1);
  };

  return (
    <section aria-labelledby="audit-title">
      <div className="section-header">
        <h1 id="audit-title">{t('audit.title')}</h1>
        <button type="button" className="btn btn--primary" onClick={() => void verify()} disabled={verifying}>
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </button>
      </div>
      <p className="muted">{t('audit.intro')}</p>
      <FormError error={verifyError} />
      {verification ? (
        <div
          className={verification.ok ? 'notice notice--success' : 'notice notice--error'}
          role="status"
          data-testid="audit-verification"
        >
          {verification.ok ? (
            t('audit.verifyOk', { checked: verification.checked })
          ) : verification.firstBreak ? (
            t('audit.verifyBroken', { seq: verification.firstBreak.seq, reason: t(`audit.reasons.${verification.firstBreak.reason}`) })
          ) : (
            <>
              {verification.checkpoint.state !== 'ok' ? (
                <p>
                  {t(`chainAlert.${verification.checkpoint.state}`, {
                    checkpointSeq: verification.checkpoint.checkpointSeq ?? '?',
                    headSeq: verification.checkpoint.headSeq,
                    at: verification.checkpoint.checkpointAt ?? '?',
                  })}
                </p>
              ) : null}
              {verification.records.problems.length > 0 ? (
                <>
                  <p>{t('audit.recordsMissing', { count: verification.records.problems.length })}</p>
                  <ul data-testid="audit-record-problems">
                    {verification.records.problems.map((p) => (
                      <li key={p.seq} className="mono small">
                        #{p.seq} {actionLabel(p.action)}: {t(`audit.recordProblems.${p.problem}`)} ({p.consentId})
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
        </div>
      ) : null}
      {info.state === 'ok' ? (
        <dl className="facts" data-testid="vault-info" aria-label={t('audit.vaultTitle')}>
          <div className="facts__wide">
            <dt>{t('audit.vaultPath')}</dt>
            <dd className="mono">{info.value.vaultPath}</dd>
          </div>
          <div>
            <dt>{t('audit.eventCount')}</dt>
            <dd>{info.value.auditEvents}</dd>
          </div>
          <div>
            <dt>{t('audit.chainHead')}</dt>
            <dd className="mono nowrap" title={info.value.chainHead?.hash}>
              {info.value.chainHead ? `#${info.value.chainHead.seq} · ${info.value.chainHead.hash.slice(0, 8)}…` : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('audit.schemaVersion')}</dt>
            <dd>
              {info.value.schemaVersion} / {info.value.appSchemaVersion}
            </dd>
          </div>
        </dl>
      ) : null}
      <FindTypedText session={session} />
      <p className="muted small">
        {t('audit.timeZoneNote', {
          zone: timeZoneLabel(session.timeZone, i18n.language, cities[session.timeZone.replace('/', '_')]),
        })}
      </p>
      <AuditSearch key={searchKey} session={session} />
    </section>
  );
}
