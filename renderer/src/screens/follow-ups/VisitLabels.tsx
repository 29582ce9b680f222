import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '../../../../shared/schemas/aftercare';

/** Whether a follow-up visit is done, overdue (by how many days), due today or upcoming. */
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

/** "Day 7 · Nurse · Phone or visit" */
export function LevelLabel({ visit }: { visit: Pick<VisitSummary, 'dayOffset' | 'role' | 'method'> }) {
  const { t } = useTranslation();
  return (
    <>
      {t('aftercare.followUp.day', { day: visit.dayOffset })} · {t(`aftercare.followUpRoles.${visit.role}`)} · {t(`aftercare.methods.${visit.method}`)}
    </>
  );
}
