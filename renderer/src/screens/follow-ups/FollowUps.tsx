import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '../../../../shared/schemas/aftercare';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { useApi } from '../../api';
import { useLiveUpdates } from '../../live';
import { FormError } from '../../components/FormMessage';
import { RecordTable } from '../../components/RecordTable';
import { useNavigate } from '../../navigation';
import { formatCalendarDate, formatDate } from '../../clinicTime';
import { procedureNameIn } from '../../procedureName';
import { DueBadge, LevelLabel } from './VisitLabels';
import { EscalationBanner } from './EscalationBanner';
import { QualityFigures } from './QualityFigures';
import './follow-ups.css';

type Scope = 'mine' | 'all';

/**
 * The follow-up worklist: overdue (highlighted), due today, upcoming. "Mine" is what is assigned to me or waiting
 * for my role; "Clinic" is everyone's. A physician sees the red-flag banner first.
 */
export function FollowUps({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const admin = session.staff.role === 'admin';
  const [scope, setScope] = useState<Scope>(admin ? 'all' : 'mine');
  const list = useApi('followUps.worklist', { scope, upcomingDays: 14 });
  const escalations = useApi('followUps.escalations', { scope: 'mine' });
  useLiveUpdates(['followUps', 'treatments'], () => {
    list.reload();
    escalations.reload();
  });
  const showBanner = session.staff.role === 'physician' || admin;

  return (
    <section aria-labelledby="followups-title" className="ac-page" data-testid="follow-ups">
      <div className="section-header">
        <h1 id="followups-title">{t('aftercare.followUp.title')}</h1>
        {admin ? null : (
          <div className="segmented" role="group" aria-label={t('aftercare.followUp.scope')}>
            {(['mine', 'all'] as const).map((s) => (
              <button key={s} type="button" className="segmented__item" aria-pressed={scope === s} onClick={() => setScope(s)}>
                {t(`aftercare.followUp.scopes.${s}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      {showBanner && escalations.value ? <EscalationBanner items={escalations.value} timeZone={session.timeZone} clinicWide={admin} /> : null}
      {list.state === 'loading' && !list.value ? <p className="muted">{t('common.loading')}</p> : null}
      <FormError error={list.error} />
      {list.value ? (
        <>
          <p className="muted">{t('aftercare.followUp.today', { date: formatCalendarDate(list.value.today, i18n.language) })}</p>
          <VisitTable title={t('aftercare.followUp.overdue')} visits={list.value.overdue} tone="overdue" testId="worklist-overdue" session={session} />
          <VisitTable title={t('aftercare.followUp.dueToday')} visits={list.value.dueToday} tone="today" testId="worklist-due-today" session={session} />
          <VisitTable title={t('aftercare.followUp.upcoming')} visits={list.value.upcoming} tone="upcoming" testId="worklist-upcoming" session={session} />
        </>
      ) : null}
      {session.staff.role === 'physician' || admin ? <QualityFigures session={session} /> : null}
    </section>
  );
}

export function VisitTable({ title, visits, tone, testId, session }: { title: string; visits: readonly VisitSummary[]; tone: 'overdue' | 'today' | 'upcoming'; testId: string; session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const openVisit = (v: VisitSummary) => navigate({ screen: 'followUp', visitId: v.id });
  return (
    <section className={`ac-worklist ac-worklist--${tone}`} data-testid={testId}>
      <h2 className="ac-section__title">
        {title}
        <span className="tabs__count">{visits.length}</span>
      </h2>
      <RecordTable
        className="table table--rows table--dense"
        rows={visits}
        rowKey={(v) => v.id}
        rowClassName={(v) => `row--link ${v.openEscalations.length ? 'ac-row--flagged' : ''}`}
        onRowClick={openVisit}
        empty={<p className="empty">{t('aftercare.followUp.none')}</p>}
        columns={[
          {
            id: 'patient',
            header: t('aftercare.followUp.patient'),
            cell: (v) => (
              <>
                <button type="button" className="row__open" onClick={() => openVisit(v)}>
                  {v.patientName}
                </button>
                <div className="row__sub muted mono">{v.chartNo}</div>
                {v.phone ? <div className="row__sub muted">{v.phone}</div> : null}
              </>
            ),
          },
          {
            id: 'procedure',
            header: t('aftercare.followUp.procedure'),
            cell: (v) => (
              <>
                {procedureNameIn(v, i18n.language)}
                <div className="row__sub muted">{t('aftercare.followUp.treatedOn', { date: formatDate(v.performedAt, session.timeZone, i18n.language) })}</div>
              </>
            ),
          },
          { id: 'level', header: t('aftercare.followUp.level'), className: 'ac-nowrap', cell: (v) => <LevelLabel visit={v} /> },
          { id: 'due', header: t('aftercare.followUp.due'), className: 'nowrap', cell: (v) => formatCalendarDate(v.dueDate, i18n.language) },
          {
            id: 'assignee',
            header: t('aftercare.followUp.assignee'),
            cell: (v) => v.assignedToName ?? <span className="muted">{t('aftercare.followUp.anyRole', { role: t(`aftercare.followUpRoles.${v.role}`) })}</span>,
          },
          {
            id: 'status',
            header: t('aftercare.followUp.status'),
            cell: (v) => (
              <div className="ac-badges">
                <DueBadge visit={v} />
                {v.failedAttempts > 0 ? <span className="badge badge--waiting">{t('aftercare.followUp.failedAttempts', { count: v.failedAttempts })}</span> : null}
                {v.openEscalations.map((k) => (
                  <span key={k} className="badge badge--danger">
                    {t(`aftercare.escalationKinds.${k}`)}
                  </span>
                ))}
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}
