import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintSummary } from '../../../../shared/schemas/complaint';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { useApi } from '../../api';
import { useLiveUpdates } from '../../live';
import { FormError } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { useNavigate } from '../../navigation';
import { formatDateTime } from '../../clinicTime';
import { Countdown } from '../../components/Countdown';
import { RecordTable } from '../../components/RecordTable';
import { ComplaintIntake } from './ComplaintIntake';
import './complaints.css';

type Status = 'open' | 'closed' | 'all';

/** Complaints by the clock that runs out first; intake from any staff member. */
export function Complaints({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [status, setStatus] = useState<Status>('open');
  const [intake, setIntake] = useState(false);
  const list = useApi('complaints.list', { status, limit: 200 });
  useLiveUpdates(['complaints'], list.reload);
  return (
    <section aria-labelledby="complaints-title" className="ac-page" data-testid="complaints">
      <div className="section-header">
        <h1 id="complaints-title">{t('aftercare.complaints.title')}</h1>
        <button type="button" className="btn btn--primary" onClick={() => setIntake(true)}>
          <Icon name="plus" />
          {t('aftercare.complaints.intake')}
        </button>
      </div>
      {intake ? (
        <ComplaintIntake
          session={session}
          onCancel={() => setIntake(false)}
          onSaved={(c) => {
            setIntake(false);
            navigate({ screen: 'complaint', complaintId: c.id });
          }}
        />
      ) : null}
      <div className="segmented" role="group" aria-label={t('aftercare.complaints.filter')}>
        {(['open', 'closed', 'all'] as const).map((s) => (
          <button key={s} type="button" className="segmented__item" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {t(`aftercare.complaints.statuses.${s}`)}
          </button>
        ))}
      </div>
      {list.state === 'loading' && !list.value ? <p className="muted">{t('common.loading')}</p> : null}
      <FormError error={list.error} />
      {list.value ? <ComplaintTable items={list.value} session={session} /> : null}
    </section>
  );
}

export function ComplaintTable({ items, session }: { items: readonly ComplaintSummary[]; session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const openComplaint = (c: ComplaintSummary) => navigate({ screen: 'complaint', complaintId: c.id });
  return (
    <RecordTable
      className="table table--rows table--dense"
      testId="complaint-list"
      rows={items}
      rowKey={(c) => c.id}
      rowClassName={() => 'row--link'}
      onRowClick={openComplaint}
      empty={<p className="empty">{t('aftercare.complaints.none')}</p>}
      columns={[
        {
          id: 'refNo',
          header: t('aftercare.complaints.refNo'),
          cell: (c) => (
            <>
              <button type="button" className="row__open mono ac-nowrap" onClick={() => openComplaint(c)}>
                {c.refNo}
              </button>
              <div className="row__sub">
                <span className={`sev sev--${c.severity === 'critical' || c.severity === 'high' ? 'severe' : c.severity === 'medium' ? 'moderate' : 'mild'}`}>{t(`aftercare.complaintSeverities.${c.severity}`)}</span>
                {c.status === 'closed' ? <span className="badge badge--muted">{t('aftercare.complaints.statuses.closed')}</span> : null}
              </div>
            </>
          ),
        },
        {
          id: 'who',
          header: t('aftercare.complaints.who'),
          cell: (c) => (
            <>
              {c.patientName ?? c.complainantName}
              {c.chartNo ? <div className="row__sub muted mono">{c.chartNo}</div> : null}
            </>
          ),
        },
        {
          id: 'category',
          header: t('aftercare.complaints.category'),
          cell: (c) => (
            <>
              {t(`aftercare.complaintCategories.${c.category}`)}
              <div className="row__sub muted">{t(`aftercare.complaintChannels.${c.channel}`)}</div>
            </>
          ),
        },
        { id: 'received', header: t('aftercare.complaints.received'), className: 'nowrap', cell: (c) => formatDateTime(c.receivedAt, session.timeZone, i18n.language) },
        { id: 'owner', header: t('aftercare.complaints.owner'), cell: (c) => c.ownerName ?? <span className="muted ac-nowrap">{t('aftercare.complaints.unassigned')}</span> },
        {
          id: 'clocks',
          header: t('aftercare.complaints.clocks'),
          cell: (c) => {
            const open = c.clocks.filter((k) => !k.metAt && c.status === 'open');
            return (
              <div className="ac-clocks-compact">
                {open.length === 0 ? <span className="muted">{t('aftercare.complaints.noOpenClock')}</span> : null}
                {open.map((k) => (
                  <span key={k.kind} className="ac-clock-line">
                    <span className="muted small">{t(`aftercare.clockShort.${k.kind}`)}</span> <Countdown clock={k} timeZone={session.timeZone} compact />
                  </span>
                ))}
              </div>
            );
          },
        },
      ]}
    />
  );
}
