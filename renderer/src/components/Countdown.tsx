import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockStatus, splitDuration } from '../../../shared/clinic-calendar';
import type { ClockView } from '../../../shared/schemas/complaint';
import { formatDateTime, toWallTime } from '../clinicTime';

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

/** A deadline at the clinic's midnight reads as the end of the day before (23:59), which is what it means. */
export function deadlineText(dueAt: string, timeZone: string, locale: string): string {
  const atMidnight = toWallTime(dueAt, timeZone).endsWith('T00:00');
  return formatDateTime(atMidnight ? new Date(Date.parse(dueAt) - 60_000).toISOString() : dueAt, timeZone, locale);
}

/**
 * One clock (a complaint's or an incident's) as a countdown: time left (or overdue by), highlighted when due soon or
 * breached. Open clocks are recomputed every half minute from their deadline; met or stopped clocks show their final state.
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
