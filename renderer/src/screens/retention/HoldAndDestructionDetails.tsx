import { useTranslation } from 'react-i18next';
import type { DestructionRecord, HoldView } from '../../../../shared/schemas/retention';
import { formatCalendarDate, formatDateTime } from '../../clinicTime';
import { joinList } from '../../lists';
import './retention.css';

/** The holds on a patient's records, one badge each with what holds them. */
export function HoldList({ holds, timeZone }: { holds: readonly HoldView[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (holds.length === 0) return null;
  return (
    <ul className="rt-holds">
      {holds.map((h) => (
        <li key={`${h.kind}-${h.id}`} className="rt-hold" data-testid={`hold-${h.kind}`}>
          <span className="badge rt-badge--hold">{t(`retention.holdKinds.${h.kind}`)}</span>{' '}
          <span>{h.reason ?? h.refNo ?? ''}</span>{' '}
          <span className="muted small">
            {t('retention.panel.since', { date: formatDateTime(h.since, timeZone, i18n.language) })}
            {h.placedByName ? t('retention.panel.by', { name: h.placedByName }) : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The tombstone and destruction log entry: who proposed and confirmed, when, how, where, and what was destroyed. */
export function DestructionDetails({ record: d, timeZone }: { record: DestructionRecord; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="rt-destruction" data-testid="destruction-record">
      <dl className="rt-facts">
        <div>
          <dt>{t('retention.columns.destroyedAt')}</dt>
          <dd>{formatDateTime(d.destroyedAt, timeZone, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('retention.columns.proposedBy')}</dt>
          <dd>{d.proposedByName}</dd>
        </div>
        <div>
          <dt>{t('retention.columns.approvedBy')}</dt>
          <dd>{d.approvedByName}</dd>
        </div>
        <div>
          <dt>{t('retention.columns.place')}</dt>
          <dd>{t('retention.place', { clinic: d.place.clinic, machine: d.place.machine, vaultId: d.place.vaultId })}</dd>
        </div>
      </dl>
      <p className="small">
        <strong>{t('retention.columns.method')}</strong> {t(`retention.methods.${d.method}`, { defaultValue: d.method })}
      </p>
      <p className="small">
        <strong>{t('retention.columns.destroyed')}</strong>{' '}
        {joinList(Object.entries(d.counts).map(([table, n]) => `${t(`retention.tables.${table}`, { defaultValue: table })} ${n}`))}
      </p>
      <p className="small muted">{t('retention.auditKept', { kept: d.auditEventsKept, typed: d.auditEventsWithTypedText })}</p>
      <p className="small muted">{t('retention.keepUntil', { date: formatCalendarDate(d.keepUntil, i18n.language) })}</p>
      <details className="rt-hashes">
        <summary>{t('retention.documents', { count: d.documents.length })}</summary>
        <ul className="mono small">
          {d.documents.map((doc) => (
            <li key={`${doc.kind}-${doc.recordId}`}>
              {doc.kind} {doc.sha256}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
