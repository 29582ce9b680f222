import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingItem } from '../../../../shared/schemas/home';
import type { SessionInfo } from '../../../../shared/schemas/session';
import type { Role } from '../../../../shared/schemas/staff';
import { useApi } from '../../api';
import { useLiveUpdates } from '../../live';
import { FormError } from '../../components/FormMessage';
import { useNavigate, type Route } from '../../navigation';
import { formatCalendarDate, formatDateTime } from '../../clinicTime';
import { procedureNameIn } from '../../procedureName';
import { BackupHomeCard } from '../backups/BackupHomeCard';
import { Countdown, useNow } from '../../components/Countdown';
import { DueBadge, LevelLabel } from '../follow-ups/VisitLabels';
import { EscalationBanner } from '../follow-ups/EscalationBanner';
import { FlagChips } from '../patients/ConsultationFlags';

/** Which lists each role has (an empty one still shows, so "nothing waiting" is visible). */
const LISTS: Record<Role, readonly string[]> = {
  physician: ['awaitingPhysician', 'followUps', 'readyForTreatment', 'complaints'],
  consultant: ['coolingOffEnding', 'followUps', 'complaints'],
  nurse: ['readyForTreatment', 'followUps', 'complaints'],
  admin: ['followUps', 'complaints', 'incidents', 'awaitingPhysician', 'coolingOffEnding', 'readyForTreatment'],
};

/** What needs the signed-in person today: red flags first, then signatures, cooling-off, treatments, calls, complaints. */
export function HomeToday({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const today = useApi('home.today', {});
  // Another seat's write (a patient signing on the tablet, a complaint logged) changes what waits here.
  useLiveUpdates(['consents', 'consultations', 'riskFlags', 'followUps', 'complaints', 'incidents', 'treatments'], today.reload);
  const now = useNow();
  const tz = session.timeZone;
  const lists = LISTS[session.staff.role];
  if (today.state === 'loading' && !today.value) return <p className="muted">{t('common.loading')}</p>;
  if (!today.value) return <FormError error={today.error} />;
  const h = today.value;
  const visits = [...h.followUpsOverdue, ...h.followUpsDueToday];
  const total = h.escalations.length + h.awaitingPhysician.length + h.coolingOffEnding.length + h.readyForTreatment.length + visits.length + h.complaints.length + h.incidents.length;

  const waiting = (items: readonly WaitingItem[], route: (w: WaitingItem) => Route, when: (w: WaitingItem) => string) =>
    items.map((w) => (
      <Row
        key={w.consultationId}
        onOpen={() => navigate(route(w))}
        title={w.patientName}
        sub={
          <>
            {`${w.chartNo} · ${procedureNameIn(w, i18n.language)}`}
            <FlagChips chips={w.flags} />
          </>
        }
        side={when(w)}
      />
    ));

  const blocks: Record<string, ReactNode> = {
    awaitingPhysician: (
      <Block title={t('aftercare.home.awaitingPhysician')} count={h.awaitingPhysician.length} testId="home-awaiting-physician">
        {waiting(h.awaitingPhysician, (w) => ({ screen: 'signing', consultationId: w.consultationId }), (w) => t('aftercare.home.patientSignedAt', { at: formatDateTime(w.at, tz, i18n.language) }))}
      </Block>
    ),
    coolingOffEnding: (
      <Block title={t('aftercare.home.coolingOffEnding')} count={h.coolingOffEnding.length} testId="home-cooling-off">
        {waiting(
          h.coolingOffEnding,
          (w) => (w.consentId ? { screen: 'signing', consultationId: w.consultationId } : { screen: 'consultation', consultationId: w.consultationId }),
          (w) => (Date.parse(w.at) <= now.getTime() ? t('aftercare.home.coolingOffOver') : t('aftercare.home.coolingOffEnds', { at: formatDateTime(w.at, tz, i18n.language) })),
        )}
      </Block>
    ),
    readyForTreatment: (
      <Block title={t('aftercare.home.readyForTreatment')} count={h.readyForTreatment.length} testId="home-ready">
        {waiting(h.readyForTreatment, (w) => ({ screen: 'treatment', consultationId: w.consultationId }), (w) => t('aftercare.home.signedAt', { at: formatDateTime(w.at, tz, i18n.language) }))}
      </Block>
    ),
    followUps: (
      <Block title={t('aftercare.home.followUps')} count={visits.length} testId="home-follow-ups" onMore={() => navigate({ screen: 'followUps' })}>
        {visits.map((v) => (
          <Row
            key={v.id}
            tone={v.dueState === 'overdue' ? 'overdue' : undefined}
            onOpen={() => navigate({ screen: 'followUp', visitId: v.id })}
            title={v.patientName}
            sub={
              <>
                <LevelLabel visit={v} /> · {procedureNameIn(v, i18n.language)}
              </>
            }
            side={<DueBadge visit={v} />}
          />
        ))}
      </Block>
    ),
    complaints: (
      <Block title={session.staff.role === 'admin' ? t('aftercare.home.complaintsAll') : t('aftercare.home.complaintsMine')} count={h.complaints.length} testId="home-complaints" onMore={() => navigate({ screen: 'complaints' })}>
        {h.complaints.map((c) => {
          const next = c.clocks.find((k) => k.dueAt === c.nextDueAt && !k.metAt);
          return (
            <Row
              key={c.id}
              onOpen={() => navigate({ screen: 'complaint', complaintId: c.id })}
              title={`${c.refNo} · ${c.patientName ?? c.complainantName ?? ''}`}
              sub={t(`aftercare.complaintCategories.${c.category}`)}
              side={next ? <Countdown clock={next} timeZone={tz} compact /> : <span className="muted small">{t('aftercare.complaints.noOpenClock')}</span>}
            />
          );
        })}
      </Block>
    ),
    incidents: (
      <Block title={t('aftercare.home.incidents')} count={h.incidents.length} testId="home-incidents" onMore={() => navigate({ screen: 'incidents' })}>
        {h.incidents.map((i) => (
          <Row key={i.id} onOpen={() => navigate({ screen: 'incidents' })} title={i.refNo} sub={i.whatHappened} side={<Countdown clock={i.clock} timeZone={tz} compact />} />
        ))}
      </Block>
    ),
  };

  return (
    <div className="ac-home" data-testid="home-today">
      <p className="ac-home__summary">{total === 0 ? t('aftercare.home.nothing') : t('aftercare.home.summary', { date: formatCalendarDate(h.today, i18n.language), count: total })}</p>
      <EscalationBanner items={h.escalations} timeZone={tz} clinicWide={session.staff.role === 'admin'} />
      {h.backup ? <BackupHomeCard status={h.backup} timeZone={tz} /> : null}
      {h.exportLeftovers.length > 0 ? (
        <section className="notice notice--warning" role="status" data-testid="home-export-leftovers">
          <strong>{t('aftercare.home.exportLeftoversTitle')}</strong>
          <ul>
            {h.exportLeftovers.map((l) => (
              <li key={`${l.exportId}:${l.path}`}>
                {t('aftercare.home.exportLeftover', { packNo: String(l.packNo).padStart(4, '0'), at: formatDateTime(l.abandonedAt, tz, i18n.language) })}{' '}
                <code className="mono">{l.path}</code>
              </li>
            ))}
          </ul>
          <p className="small">{t('aftercare.home.exportLeftoverAfter')}</p>
        </section>
      ) : null}
      <div className="ac-home__grid">
        {lists.map((k) => (
          <Fragment key={k}>{blocks[k]}</Fragment>
        ))}
      </div>
    </div>
  );
}

function Block({ title, count, children, testId, onMore }: { title: string; count: number; children: ReactNode; testId: string; onMore?: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card ac-block" data-testid={testId}>
      <h2 className="ac-block__title">
        {title}
        <span className="tabs__count">{count}</span>
      </h2>
      {count === 0 ? <p className="muted small">{t('aftercare.home.none')}</p> : <ul className="ac-block__list">{children}</ul>}
      {onMore ? (
        <button type="button" className="btn btn--link btn--small" onClick={onMore}>
          {t('aftercare.home.openAll')}
        </button>
      ) : null}
    </section>
  );
}

function Row({ title, sub, side, onOpen, tone }: { title: string; sub: ReactNode; side: ReactNode; onOpen: () => void; tone?: 'overdue' | undefined }) {
  return (
    <li className={tone ? `ac-block__row ac-block__row--${tone}` : 'ac-block__row'}>
      <div className="ac-block__main">
        <button type="button" className="row__open" onClick={onOpen}>
          {title}
        </button>
        <div className="muted small ac-block__sub">{sub}</div>
      </div>
      <div className="ac-block__side">{side}</div>
    </li>
  );
}
