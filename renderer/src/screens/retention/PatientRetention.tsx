import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HoldView, PatientRetention as Retention } from '../../../../shared/schemas/retention';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { useApi } from '../../api';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { useChannelForm } from '../../components/channelForm';
import { formatCalendarDate, formatDateTime } from '../../clinicTime';
import { DestructionDetails, HoldList } from './HoldAndDestructionDetails';
import { ReasonDialog } from './ReasonDialog';
import './retention.css';

/** The patient page's retention panel: the date and why, the holds, and (administrators) placing or releasing a hold. */
export function PatientRetention({ session, patientId }: { session: SessionInfo; patientId: string }) {
  const { t, i18n } = useTranslation();
  const r = useApi('retention.forPatient', { patientId });
  const [placing, setPlacing] = useState(false);
  const [releasing, setReleasing] = useState<HoldView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const admin = session.staff.role === 'admin';
  if (r.error) return <FormError error={r.error} />;
  const v = r.value;
  if (!v) return null;
  const done = (key: 'retention.panel.holdPlaced' | 'retention.panel.holdReleased') => {
    setPlacing(false);
    setReleasing(null);
    setMessage(t(key));
    r.reload();
  };
  return (
    <section className="card rt-panel" aria-labelledby="retention-panel" data-testid="retention-panel">
      <div className="rt-panel__head">
        <h2 id="retention-panel">{t('retention.panel.title')}</h2>
        <span className="badge" data-testid="retention-status">
          {t(`retention.statuses.${v.status}`)}
        </span>
      </div>
      {v.retentionDate && v.lastEntry ? (
        <>
          <p data-testid="retention-date">
            <strong>{t('retention.panel.retainUntil', { date: formatCalendarDate(v.retentionDate, i18n.language) })}</strong>
          </p>
          <p className="small muted">
            {v.basis === 'adulthood'
              ? t('retention.panel.basisAdulthood', {
                  date: formatCalendarDate(v.adulthoodDate ?? '', i18n.language),
                  kind: t(`retention.entryKinds.${v.lastEntry.kind}`),
                })
              : t('retention.panel.basisLastEntry', {
                  kind: t(`retention.entryKinds.${v.lastEntry.kind}`),
                  date: formatCalendarDate(v.lastEntry.date, i18n.language),
                })}
          </p>
        </>
      ) : null}
      {v.proposal ? (
        <p className="small">
          {t('retention.statuses.proposed')} · {v.proposal.proposedByName} · {formatDateTime(v.proposal.proposedAt, session.timeZone, i18n.language)}
        </p>
      ) : null}
      {v.holds.length > 0 ? <HoldList holds={v.holds} timeZone={session.timeZone} /> : v.status !== 'destroyed' ? <p className="small muted">{t('retention.panel.noHolds')}</p> : null}
      <FormSuccess>{message}</FormSuccess>
      {admin && v.status !== 'destroyed' ? (
        <div className="rt-actions">
          <button type="button" className="btn btn--secondary btn--small" onClick={() => setPlacing(true)}>
            {t('retention.panel.placeHold')}
          </button>
          {v.holds
            .filter((h) => h.kind === 'admin')
            .map((h) => (
              <button key={h.id} type="button" className="btn btn--secondary btn--small" onClick={() => setReleasing(h)}>
                {t('retention.panel.release')} · {h.reason}
              </button>
            ))}
        </div>
      ) : null}
      {placing ? <HoldDialog mode={{ kind: 'place', patientId }} onCancel={() => setPlacing(false)} onDone={() => done('retention.panel.holdPlaced')} /> : null}
      {releasing ? <HoldDialog mode={{ kind: 'release', holdId: releasing.id }} onCancel={() => setReleasing(null)} onDone={() => done('retention.panel.holdReleased')} /> : null}
    </section>
  );
}

function HoldDialog({
  mode,
  onCancel,
  onDone,
}: {
  mode: { kind: 'place'; patientId: string } | { kind: 'release'; holdId: string };
  onCancel: () => void;
  onDone: (r: Retention) => void;
}) {
  const { t } = useTranslation();
  const place = useChannelForm('retention.placeHold', ['reason']);
  const release = useChannelForm('retention.releaseHold', ['reason']);
  const form = mode.kind === 'place' ? place : release;
  const submit = (reason: string) =>
    mode.kind === 'place' ? place.submit({ patientId: mode.patientId, reason }) : release.submit({ holdId: mode.holdId, reason });
  return (
    <ReasonDialog
      title={t(mode.kind === 'place' ? 'retention.panel.placeHoldTitle' : 'retention.panel.releaseTitle')}
      testId="hold-dialog"
      hint={mode.kind === 'place' ? t('retention.panel.placeHoldHint') : undefined}
      submitLabel={t('retention.panel.save')}
      form={form}
      onSubmit={(reason) => void submit(reason).then((r) => r && onDone(r))}
      onCancel={onCancel}
    />
  );
}

/** What the patient page shows for a destroyed patient: the tombstone, never the content. */
export function DestroyedPatient({ session, patientId }: { session: SessionInfo; patientId: string }) {
  const { t, i18n } = useTranslation();
  const r = useApi('retention.forPatient', { patientId });
  if (r.error) return <FormError error={r.error} />;
  const d = r.value?.destruction;
  if (!d) return null;
  return (
    <section className="card rt-panel rt-tombstone" aria-labelledby="tombstone-title" data-testid="tombstone">
      <h1 id="tombstone-title">
        {t('retention.tombstone.title')} <span className="mono">{d.chartNo}</span>
      </h1>
      <p>
        {t('retention.tombstone.body', {
          chartNo: d.chartNo,
          at: formatDateTime(d.destroyedAt, session.timeZone, i18n.language),
          proposedBy: d.proposedByName,
          approvedBy: d.approvedByName,
        })}
      </p>
      <DestructionDetails record={d} timeZone={session.timeZone} />
    </section>
  );
}
