import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '../../../../shared/schemas/aftercare';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { useApi } from '../../api';
import { useLiveUpdates } from '../../live';
import { FormError } from '../../components/FormMessage';
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
  return (
    <section className={`ac-worklist ac-worklist--${tone}`} data-testid={testId}>
      <h2 className="ac-section__title">
        {title}
        <span className="tabs__count">{visits.length}</span>
      </h2>
      {visits.length === 0 ? (
        <p className="empty">{t('aftercare.followUp.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--rows table--dense">
            <thead>
              <tr>
                <th>{t('aftercare.followUp.patient')}</th>
                <th>{t('aftercare.followUp.procedure')}</th>
                <th>{t('aftercare.followUp.level')}</th>
                <th>{t('aftercare.followUp.due')}</th>
                <th>{t('aftercare.followUp.assignee')}</th>
                <th>{t('aftercare.followUp.status')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={v.id} className={`row--link ${v.openEscalations.length ? 'ac-row--flagged' : ''}`} onClick={() => navigate({ screen: 'followUp', visitId: v.id })}>
                  <th scope="row">
                    <button type="button" className="row__open" onClick={() => navigate({ screen: 'followUp', visitId: v.id })}>
                      {v.patientName}
                    </button>
                    <div className="row__sub muted mono">{v.chartNo}</div>
                    {v.phone ? <div className="row__sub muted">{v.phone}</div> : null}
                  </th>
                  <td>
                    {procedureNameIn(v, i18n.language)}
                    <div className="row__sub muted">{t('aftercare.followUp.treatedOn', { date: formatDate(v.performedAt, session.timeZone, i18n.language) })}</div>
                  </td>
                  <td className="ac-nowrap">
                    <LevelLabel visit={v} />
                  </td>
                  <td className="nowrap">{formatCalendarDate(v.dueDate, i18n.language)}</td>
                  <td>{v.assignedToName ?? <span className="muted">{t('aftercare.followUp.anyRole', { role: t(`aftercare.followUpRoles.${v.role}`) })}</span>}</td>
                  <td>
                    <div className="ac-badges">
                      <DueBadge visit={v} />
                      {v.failedAttempts > 0 ? <span className="badge badge--waiting">{t('aftercare.followUp.failedAttempts', { count: v.failedAttempts })}</span> : null}
                      {v.openEscalations.map((k) => (
                        <span key={k} className="badge badge--danger">
                          {t(`aftercare.escalationKinds.${k}`)}
                        </span>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
