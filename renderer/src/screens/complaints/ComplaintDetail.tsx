import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppendCorrection } from '../../components/AppendCorrection';
import type { ComplaintDetail as Detail, TimelineItem } from '../../../../shared/schemas/complaint';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi, useApi } from '../../api';
import { useLiveUpdates } from '../../live';
import { FormError } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { useNavigate } from '../../navigation';
import { formatDateTime } from '../../clinicTime';
import { base64ToBytes, formatBytes } from '../../files';
import { Countdown } from '../../components/Countdown';
import { AccidentForm, AssignOwner, EntryForm, RecordsRequestForm } from './ComplaintActions';
import { CloseComplaint, ResolutionForm, ResolutionList, ReviewForm, ReviewView } from './ComplaintResolution';
import { Corrections } from '../treatments/TreatmentView';
import { RecomputeClock } from './RecomputeClock';
import './complaints.css';

/** One complaint: its clocks, what the patient says and wants, the timeline, owner, resolutions, root cause, closure. */
export function ComplaintDetail({ session, complaintId }: { session: SessionInfo; complaintId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const loaded = useApi('complaints.get', { complaintId });
  const [latest, setLatest] = useState<Detail | null>(null);
  const c = latest ?? loaded.value;
  // An entry or a clock change from another seat: the complaint as saved now.
  useLiveUpdates(['complaints'], () => void callApi('complaints.get', { complaintId }).then((r) => r.ok && setLatest(r.value)));
  return (
    <section aria-labelledby="complaint-title" className="ac-page" data-testid="complaint-detail">
      <button type="button" className="btn btn--link back" onClick={() => navigate({ screen: 'complaints' })}>
        <Icon name="arrowLeft" size={16} />
        {t('aftercare.complaints.back')}
      </button>
      {loaded.state === 'loading' && !c ? <p className="muted">{t('common.loading')}</p> : null}
      <FormError error={loaded.error} />
      {c ? <Body session={session} c={c} onChanged={setLatest} /> : null}
    </section>
  );
}

function Body({ session, c, onChanged }: { session: SessionInfo; c: Detail; onChanged: (c: Detail) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const tz = session.timeZone;
  const role = session.staff.role;
  const admin = role === 'admin';
  const open = c.status === 'open';
  return (
    <>
      <header className="card ac-head">
        <div>
          <h1 id="complaint-title">
            <span className="mono">{c.refNo}</span> {t(`aftercare.complaintCategories.${c.category}`)}
          </h1>
          <p className="ac-head__meta">
            {c.patientId ? (
              <button type="button" className="btn btn--link" onClick={() => navigate({ screen: 'patient', patientId: c.patientId! })}>
                {c.patientName} <span className="mono">{c.chartNo}</span>
              </button>
            ) : (
              <span>{c.complainantName}</span>
            )}
            {' · '}
            {t(`aftercare.complaintChannels.${c.channel}`)} · {t(`aftercare.complaintSeverities.${c.severity}`)} · {t('aftercare.complaints.receivedBy', { name: c.createdByName, at: formatDateTime(c.receivedAt, tz, i18n.language) })}
          </p>
          {c.consultationId ? (
            <p className="ac-head__meta">
              {t('aftercare.complaints.about')}{' '}
              <button type="button" className="btn btn--link" onClick={() => navigate({ screen: c.treatmentId ? 'treatment' : 'consultation', consultationId: c.consultationId! })}>
                {i18n.language === 'en' ? c.procedureNameEn : c.procedureName}
              </button>
            </p>
          ) : null}
        </div>
        <div className="ac-head__side">
          <span className={open ? 'badge badge--waiting' : 'badge badge--muted'} data-testid="complaint-status">
            {t(`aftercare.complaints.statuses.${c.status}`)}
          </span>
          <span>{c.ownerName ? t('aftercare.complaints.ownerIs', { name: c.ownerName }) : t('aftercare.complaints.noOwner')}</span>
        </div>
      </header>

      <div className="ac-clocks" data-testid="complaint-clocks">
        {c.clocks.map((k) => (
          <div key={k.kind} className="card ac-clock">
            <Countdown clock={k} timeZone={tz} live={open} />
            {open && session.staff.role === 'admin' && k.kind !== 'incident_notification' && k.metAt === null ? (
              <RecomputeClock complaintId={c.id} kind={k.kind} timeZone={tz} onDone={() => void callApi('complaints.get', { complaintId: c.id }).then((r) => r.ok && onChanged(r.value))} />
            ) : null}
          </div>
        ))}
      </div>

      <div className="ac-columns">
        <div className="ac-stack">
          <div className="card">
            <h2 className="card__title">{t('aftercare.complaints.patientSays')}</h2>
            <p className="pre">{c.patientSays}</p>
            <h3 className="ac-subtitle">{t('aftercare.complaints.patientWants')}</h3>
            <p className="pre">{c.patientWants || t('aftercare.none')}</p>
          </div>
          <Timeline c={c} session={session} onChanged={onChanged} />
          {open ? <EntryForm complaint={c} timeZone={tz} onSaved={onChanged} /> : null}
        </div>
        <div className="ac-stack">
          {open && admin ? <AssignOwner complaint={c} timeZone={tz} onSaved={onChanged} /> : null}
          {open && (role === 'physician' || admin) && !c.medicalAccident ? <AccidentForm complaint={c} timeZone={tz} onSaved={onChanged} /> : null}
          {open && !c.recordsRequested ? <RecordsRequestForm complaint={c} timeZone={tz} onSaved={onChanged} /> : null}
          <ResolutionList complaint={c} timeZone={tz} />
          {open && admin ? <ResolutionForm complaint={c} timeZone={tz} onSaved={onChanged} /> : null}
          {c.reviews.length > 0 ? <ReviewView review={c.reviews[c.reviews.length - 1]!} count={c.reviews.length} timeZone={tz} /> : null}
          {open && admin ? <ReviewForm complaint={c} onSaved={onChanged} /> : null}
          {open && admin ? <CloseComplaint complaint={c} onSaved={onChanged} /> : null}
          {!open ? (
            <div className="card" data-testid="complaint-closed">
              <h2 className="card__title">{t('aftercare.complaints.closedTitle')}</h2>
              <p className="pre">{c.closingSummary}</p>
              <p className="muted small">{t('aftercare.byAt', { name: c.closedByName ?? '', at: formatDateTime(c.closedAt ?? '', tz, i18n.language) })}</p>
            </div>
          ) : null}
        </div>
      </div>
    </>
  );
}

function Timeline({ c, session, onChanged }: { c: Detail; session: SessionInfo; onChanged: (c: Detail) => void }) {
  const { t, i18n } = useTranslation();
  const tz = session.timeZone;
  const download = async (item: TimelineItem) => {
    const r = await callApi('complaints.attachment', { entryId: item.id });
    if (!r.ok) return;
    const url = URL.createObjectURL(new Blob([base64ToBytes(r.value.dataBase64)], { type: r.value.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div className="card" data-testid="complaint-timeline">
      <h2 className="card__title">{t('aftercare.complaints.timeline')}</h2>
      <ol className="ac-timeline">
        {c.timeline.map((item) => (
          <li key={`${item.kind}-${item.id}`} className={`ac-timeline__item ac-timeline__item--${item.kind}`}>
            <div className="ac-timeline__head">
              <strong>{t(`aftercare.entryKinds.${item.kind}`)}</strong>
              <span className="muted small">{t('aftercare.byAt', { name: item.staffName, at: formatDateTime(item.occurredAt, tz, i18n.language) })}</span>
            </div>
            {item.kind === 'assigned' ? <p>{t('aftercare.complaints.ownerIs', { name: item.summary })}</p> : <p className="pre">{item.summary}</p>}
            {item.attachment ? (
              <button type="button" className="btn btn--link" onClick={() => void download(item)}>
                <Icon name="paperclip" size={16} />
                {item.attachment.fileName} ({formatBytes(item.attachment.size)})
              </button>
            ) : null}
            <Corrections items={item.corrections} timeZone={tz} />
            {item.correctable ? <AppendCorrection
                channel="complaints.correctEntry"
                input={(text) => ({ entryId: item.id, text })}
                onSaved={onChanged}
                toggleClassName="btn btn--link btn--small"
                cancellable
              /> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

