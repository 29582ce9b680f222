import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clockStatus, splitDuration } from '../../../shared/clinic-calendar';
import type { EscalationItem, VisitSummary } from '../../../shared/schemas/aftercare';
import type { ClockView } from '../../../shared/schemas/complaint';
import type { PhotoMeta } from '../../../shared/schemas/consultation';
import { callApi } from '../api';
import { Icon } from '../components/Icon';
import { useNavigate } from '../navigation';
import { formatCalendarDate, formatDateTime, procedureNameIn, toWallTime } from './patients/clinicTime';
import { PhotoLabel } from './photos/PhotoComparison';
import { joinList } from '../lists';

/** The current time, refreshed every half minute so countdowns move. */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** "1 day 2 h", "3 h 5 min", "12 min". */
export function useDurationText() {
  const { t } = useTranslation();
  return (ms: number) => {
    const { days, hours, minutes } = splitDuration(ms);
    if (days > 0) return t('aftercare.time.daysHours', { days, hours });
    if (hours > 0) return t('aftercare.time.hoursMinutes', { hours, minutes });
    return t('aftercare.time.minutes', { minutes });
  };
}

/**
 * One clock as a countdown: time left (or overdue by), highlighted when due soon or breached. Open clocks are
 * recomputed every half minute from their deadline; met or stopped clocks show their final state.
 */
export function Countdown({ clock, timeZone, live = true, compact = false }: { clock: ClockView; timeZone: string; live?: boolean; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const duration = useDurationText();
  const status = live && !clock.metAt && clock.state !== 'stopped' ? clockStatus(clock, now) : { state: clock.state, remainingMs: clock.remainingMs };
  const text =
    status.state === 'running' || status.state === 'due_soon'
      ? t('aftercare.time.left', { time: duration(status.remainingMs ?? 0) })
      : status.state === 'breached'
        ? t('aftercare.time.overdueBy', { time: duration(status.remainingMs ?? 0) })
        : t(`aftercare.clockStates.${status.state}`);
  return (
    <span className={`countdown countdown--${status.state}`} data-testid={`clock-${clock.kind}`} data-state={status.state}>
      {compact ? null : <span className="countdown__kind">{t(`aftercare.clockKinds.${clock.kind}`)}</span>}
      <strong className="countdown__value">{text}</strong>
      {compact ? null : <span className="countdown__due muted">{t('aftercare.time.dueAt', { at: deadlineText(clock.dueAt, timeZone, i18n.language) })}</span>}
    </span>
  );
}

export function DueBadge({ visit }: { visit: Pick<VisitSummary, 'dueState' | 'daysOverdue' | 'done'> }) {
  const { t } = useTranslation();
  if (visit.done) return <span className="badge badge--ok">{t('aftercare.followUp.done')}</span>;
  const cls = visit.dueState === 'overdue' ? 'badge badge--danger' : visit.dueState === 'due_today' ? 'badge badge--waiting' : 'badge badge--muted';
  return (
    <span className={cls}>
      {visit.dueState === 'overdue' ? t('aftercare.followUp.overdueDays', { count: visit.daysOverdue }) : t(`aftercare.dueStates.${visit.dueState}`)}
    </span>
  );
}

/** A deadline at the clinic's midnight reads as the end of the day before (23:59), which is what it means. */
export function deadlineText(dueAt: string, timeZone: string, locale: string): string {
  const atMidnight = toWallTime(dueAt, timeZone).endsWith('T00:00');
  return formatDateTime(atMidnight ? new Date(Date.parse(dueAt) - 60_000).toISOString() : dueAt, timeZone, locale);
}

/** "Day 7 · Nurse · Phone or visit" */
export function LevelLabel({ visit }: { visit: Pick<VisitSummary, 'dayOffset' | 'role' | 'method'> }) {
  const { t } = useTranslation();
  return (
    <>
      {t('aftercare.followUp.day', { day: visit.dayOffset })} · {t(`aftercare.followUpRoles.${visit.role}`)} · {t(`aftercare.methods.${visit.method}`)}
    </>
  );
}

/**
 * The operating physician's banner: red flags and unreachable patients waiting for them, until acknowledged.
 * Each opens the follow-up, where the physician acknowledges with what was done.
 */
export function EscalationBanner({ items, timeZone, clinicWide = false }: { items: readonly EscalationItem[]; timeZone: string; clinicWide?: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  if (items.length === 0) return null;
  return (
    <div className="escalation-banner" role="alert" data-testid="red-flag-banner">
      <h2 className="escalation-banner__title">
        <Icon name="warning" />
        {clinicWide ? t('aftercare.escalation.bannerTitleClinic', { count: items.length }) : t('aftercare.escalation.bannerTitle', { count: items.length })}
      </h2>
      <ul className="escalation-banner__list">
        {items.map((e) => (
          <li key={e.id} className={`escalation-banner__item escalation-banner__item--${e.kind}`}>
            <div>
              <strong>{e.patientName}</strong> <span className="mono">{e.chartNo}</span> · {procedureNameIn(e, i18n.language)}
              <div className="escalation-banner__what">
                {e.kind === 'red_flag' ? joinList(e.redFlags.map((f) => t(`aftercare.redFlags.${f}`))) : t('aftercare.escalationKinds.unreachable')}
                {e.phone ? <span className="muted"> · {e.phone}</span> : null}
                <span className="muted"> · {formatDateTime(e.createdAt, timeZone, i18n.language)}</span>
              </div>
            </div>
            <button type="button" className="btn btn--danger btn--small" onClick={() => navigate({ screen: 'followUp', visitId: e.visitId })}>
              {t('aftercare.escalation.open')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A stored photo, loaded through photos.get (audited as a view). */
export function StoredPhoto({ photo, timeZone }: { photo: PhotoMeta; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void callApi('photos.get', { photoId: photo.id }).then((r) => {
      if (live && r.ok) setSrc(`data:${r.value.mime};base64,${r.value.dataBase64}`);
    });
    return () => {
      live = false;
    };
  }, [photo.id]);
  return (
    <figure className="ac-photo">
      {src ? <img src={src} alt={t('aftercare.photos.alt', { at: formatDateTime(photo.capturedAt, timeZone, i18n.language) })} /> : <div className="ac-photo__placeholder" />}
      <figcaption className="muted small">
        <PhotoLabel angle={photo.angle} area={photo.area} /> · {formatDateTime(photo.capturedAt, timeZone, i18n.language)}
        {photo.capturedAtSource ? ` (${t(`intake.photos.sources.${photo.capturedAtSource}`)})` : ''}
      </figcaption>
    </figure>
  );
}

export function Section({ title, children, count, testId }: { title: ReactNode; children: ReactNode; count?: number; testId?: string }) {
  return (
    <section className="ac-section" data-testid={testId}>
      <h2 className="ac-section__title">
        {title}
        {count !== undefined ? <span className="tabs__count">{count}</span> : null}
      </h2>
      {children}
    </section>
  );
}

export function calendarDate(date: string, locale: string): string {
  return formatCalendarDate(date, locale);
}
