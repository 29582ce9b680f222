import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/errors';
import type { AuditEvent, AuditVerification } from '../../../shared/schemas/audit';
import type { SessionInfo } from '../../../shared/schemas/session';
import { callApi, useApi } from '../api';
import { FormError } from '../components/FormMessage';
import { translateKey } from '../i18n';
import i18next from 'i18next';
import { formatInstant, timeZoneLabel } from '../timezones';

const RECENT_LIMIT = 100;

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

/** Audit trail (admin): verify the hash chain and read the latest events in the clinic's time zone. */
export function AuditTrail({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const cities = t('timeZones', { returnObjects: true }) as unknown as Record<string, string>;
  const recent = useApi('audit.recent', { limit: RECENT_LIMIT });
  const info = useApi('vault.info', {});
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<ApiError | null>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    setVerification(null);
    const r = await callApi('audit.verify', {});
    setVerifying(false);
    if (r.ok) setVerification(r.value);
    else setVerifyError(r.error);
    recent.reload();
    info.reload();
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
          {verification.ok
            ? t('audit.verifyOk', { checked: verification.checked })
            : t('audit.verifyBroken', {
                seq: verification.firstBreak?.seq ?? '?',
                reason: verification.firstBreak ? t(`audit.reasons.${verification.firstBreak.reason}`) : '',
              })}
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
      <div className="section-header section-header--sub">
        <h2>{t('audit.recentTitle', { count: RECENT_LIMIT })}</h2>
        <button type="button" className="btn btn--secondary" onClick={recent.reload}>
          {t('common.refresh')}
        </button>
      </div>
      <p className="muted small">
        {t('audit.timeZoneNote', {
          zone: timeZoneLabel(session.timeZone, i18n.language, cities[session.timeZone.replace('/', '_')]),
        })}
      </p>
      <FormError error={recent.error} />
      {recent.state === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
      {recent.state === 'ok' ? (
        recent.value.length === 0 ? (
          <p className="muted">{t('audit.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--dense" aria-label={t('audit.recentTitle', { count: RECENT_LIMIT })}>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.subject')}</th>
                </tr>
              </thead>
              <tbody>
                {recent.value.map((e) => (
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
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
