import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonalDataKind, type IncidentView } from '../../../../shared/schemas/complaint';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { useApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { formatDateTime, toWallTime, wallTimeToIso } from '../../clinicTime';
import { Countdown } from '../../components/Countdown';
import { useChannelForm } from '../../components/channelForm';
import { parseTypedNumber } from '../../../../shared/fullwidth';
import { DateInput } from '../../components/DateInput';
import { joinList } from '../../lists';
import './incidents.css';

type Status = 'open' | 'closed' | 'all';

/** The privacy-incident register (administrator) and the report form (everyone). */
export function Incidents({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const admin = session.staff.role === 'admin';
  const [reporting, setReporting] = useState(!admin);
  const [reported, setReported] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>('open');
  return (
    <section aria-labelledby="incidents-title" className="ac-page" data-testid="incidents">
      <div className="section-header">
        <h1 id="incidents-title">{t('aftercare.incidents.title')}</h1>
        {admin && !reporting ? (
          <button type="button" className="btn btn--primary" onClick={() => setReporting(true)}>
            <Icon name="plus" />
            {t('aftercare.incidents.report')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('aftercare.incidents.intro')}</p>
      <FormSuccess>{reported ? t('aftercare.incidents.reported', { refNo: reported }) : null}</FormSuccess>
      {reporting ? (
        <ReportForm
          session={session}
          onCancel={admin ? () => setReporting(false) : null}
          onSaved={(i) => {
            setReported(i.refNo);
            setReporting(!admin);
          }}
        />
      ) : null}
      {admin ? (
        <>
          <div className="segmented" role="group" aria-label={t('aftercare.complaints.filter')}>
            {(['open', 'closed', 'all'] as const).map((s) => (
              <button key={s} type="button" className="segmented__item" aria-pressed={status === s} onClick={() => setStatus(s)}>
                {t(`aftercare.complaints.statuses.${s}`)}
              </button>
            ))}
          </div>
          <Register key={reported ?? ''} session={session} status={status} />
        </>
      ) : (
        <p className="notice notice--info">{t('aftercare.incidents.registerAdminOnly')}</p>
      )}
    </section>
  );
}

function Register({ session, status }: { session: SessionInfo; status: Status }) {
  const { t } = useTranslation();
  const list = useApi('incidents.list', { status, limit: 200 });
  const [changed, setChanged] = useState<Record<string, IncidentView>>({});
  if (list.state === 'loading' && !list.value) return <p className="muted">{t('common.loading')}</p>;
  if (list.error) return <FormError error={list.error} />;
  const items = (list.value ?? []).map((i) => changed[i.id] ?? i);
  if (items.length === 0) return <p className="empty">{t('aftercare.incidents.none')}</p>;
  return (
    <div className="ac-stack" data-testid="incident-register">
      {items.map((i) => (
        <IncidentCard key={i.id} incident={i} session={session} onChanged={(v) => setChanged((c) => ({ ...c, [v.id]: v }))} />
      ))}
    </div>
  );
}

function IncidentCard({ incident: i, session, onChanged }: { incident: IncidentView; session: SessionInfo; onChanged: (i: IncidentView) => void }) {
  const { t, i18n } = useTranslation();
  const tz = session.timeZone;
  const open = i.status === 'open';
  const [acting, setActing] = useState(false);
  return (
    <article className="card ac-incident" data-testid={`incident-${i.refNo}`}>
      <header className="ac-incident__head">
        <h2 className="card__title">
          <span className="mono">{i.refNo}</span> {open ? null : <span className="badge badge--muted">{t('aftercare.complaints.statuses.closed')}</span>}
        </h2>
        <Countdown clock={i.clock} timeZone={tz} live={open} />
      </header>
      <p className="pre">{i.whatHappened}</p>
      <dl className="ac-facts">
        <div>
          <dt>{t('aftercare.incidents.people')}</dt>
          <dd>{i.peopleAffected ?? t('aftercare.incidents.unknown')}</dd>
        </div>
        <div>
          <dt>{t('aftercare.incidents.dataKinds')}</dt>
          <dd>{joinList(i.dataKinds.map((k) => t(`aftercare.dataKinds.${k}`)))}</dd>
        </div>
        <div>
          <dt>{t('aftercare.incidents.discoveredAt')}</dt>
          <dd>{formatDateTime(i.discoveredAt, tz, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('aftercare.incidents.reportedBy')}</dt>
          <dd>{i.reportedByName}</dd>
        </div>
      </dl>
      {i.containment ? <p className="pre"><strong>{t('aftercare.incidents.containment')}</strong> {i.containment}</p> : null}
      {i.notification ? (
        <p className="notice notice--success">
          {t('aftercare.incidents.notifiedLine', { authority: i.notification.authority, at: formatDateTime(i.notification.notifiedAt, tz, i18n.language) })}
          {i.notification.patientsNotified ? ` · ${t('aftercare.incidents.patientsNotified')}` : ''}
        </p>
      ) : null}
      {i.updates.length > 0 ? (
        <ul className="ac-list">
          {i.updates.map((u) => (
            <li key={u.id} className="ac-list__item ac-list__item--stack">
              <span className="pre">{u.text}</span>
              <span className="muted small">{t('aftercare.byAt', { name: u.staffName, at: formatDateTime(u.createdAt, tz, i18n.language) })}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {i.closingSummary ? <p className="pre"><strong>{t('aftercare.incidents.closedWith')}</strong> {i.closingSummary}</p> : null}
      {open && acting ? <IncidentActions incident={i} timeZone={tz} onChanged={onChanged} /> : null}
      {open ? (
        <button type="button" className="btn btn--secondary btn--small" onClick={() => setActing((x) => !x)} aria-expanded={acting}>
          {acting ? t('aftercare.incidents.hideActions') : t('aftercare.incidents.manage')}
        </button>
      ) : null}
    </article>
  );
}

function IncidentActions({ incident, timeZone, onChanged }: { incident: IncidentView; timeZone: string; onChanged: (i: IncidentView) => void }) {
  const { t } = useTranslation();
  const [update, setUpdate] = useState('');
  const [authority, setAuthority] = useState('');
  const [notifiedAt, setNotifiedAt] = useState(() => toWallTime(new Date(), timeZone));
  const [patientsNotified, setPatientsNotified] = useState(false);
  const [note, setNote] = useState('');
  const [summary, setSummary] = useState('');
  const [reason, setReason] = useState('');
  const upd = useChannelForm('incidents.addUpdate', ['text']);
  const notify = useChannelForm('incidents.recordNotification', ['notifiedAt', 'authority', 'note']);
  const close = useChannelForm('incidents.close', ['summary', 'noNotificationReason']);
  return (
    <div className="ac-columns">
      <form className="ac-inline-form" noValidate onSubmit={(e) => (e.preventDefault(), void upd.submit({ incidentId: incident.id, text: update }).then((r) => r && (setUpdate(''), onChanged(r))))}>
        <Field label={t('aftercare.incidents.addUpdate')} error={upd.errors.text}>
          {(p) => <textarea {...p} rows={2} value={update} onChange={(e) => setUpdate(e.target.value)} />}
        </Field>
        <FormError error={upd.formError} />
        <button type="submit" className="btn btn--secondary btn--small" disabled={upd.busy}>
          {t('aftercare.incidents.saveUpdate')}
        </button>
      </form>
      {incident.notification ? null : (
        <form
          className="ac-inline-form"
          noValidate
          onSubmit={(e) => (
            e.preventDefault(),
            void notify.submit({ incidentId: incident.id, notifiedAt: wallTimeToIso(notifiedAt, timeZone) ?? notifiedAt, authority, patientsNotified, note }).then((r) => r && onChanged(r))
          )}
        >
          <Field label={t('aftercare.incidents.authority')} error={notify.errors.authority} hint={t('aftercare.incidents.authorityHint')}>
            {(p) => <input {...p} value={authority} onChange={(e) => setAuthority(e.target.value)} />}
          </Field>
          <Field label={t('aftercare.incidents.notifiedAt')} error={notify.errors.notifiedAt}>
            {(p) => <DateInput {...p} withTime value={notifiedAt} onChange={setNotifiedAt} />}
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={patientsNotified} onChange={(e) => setPatientsNotified(e.target.checked)} />
            <span>{t('aftercare.incidents.patientsNotified')}</span>
          </label>
          <Field label={t('aftercare.incidents.note')} error={notify.errors.note}>
            {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <FormError error={notify.formError} />
          <button type="submit" className="btn btn--primary btn--small" disabled={notify.busy}>
            {t('aftercare.incidents.recordNotification')}
          </button>
        </form>
      )}
      <form
        className="ac-inline-form"
        noValidate
        onSubmit={(e) => (
          e.preventDefault(), void close.submit({ incidentId: incident.id, summary, ...(reason.trim() ? { noNotificationReason: reason } : {}) }).then((r) => r && onChanged(r))
        )}
      >
        <Field label={t('aftercare.incidents.closingSummary')} error={close.errors.summary}>
          {(p) => <textarea {...p} rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />}
        </Field>
        {incident.notification ? null : (
          <Field label={t('aftercare.incidents.noNotificationReason')} error={close.errors.noNotificationReason} hint={t('aftercare.incidents.noNotificationHint')}>
            {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        )}
        <FormError error={close.formError} />
        <button type="submit" className="btn btn--secondary btn--small" disabled={close.busy}>
          {t('aftercare.incidents.close')}
        </button>
      </form>
    </div>
  );
}

function ReportForm({ session, onSaved, onCancel }: { session: SessionInfo; onSaved: (i: IncidentView) => void; onCancel: (() => void) | null }) {
  const { t } = useTranslation();
  const tz = session.timeZone;
  const [what, setWhat] = useState('');
  const [people, setPeople] = useState('');
  const [kinds, setKinds] = useState<PersonalDataKind[]>([]);
  const [discoveredAt, setDiscoveredAt] = useState(() => toWallTime(new Date(), tz));
  const [occurredAt, setOccurredAt] = useState('');
  const [containment, setContainment] = useState('');
  const form = useChannelForm('incidents.report', ['whatHappened', 'peopleAffected', 'dataKinds', 'occurredAt', 'discoveredAt', 'containment']);
  return (
    <form
      className="card ac-form"
      noValidate
      aria-label={t('aftercare.incidents.report')}
      data-testid="incident-report"
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit({
            whatHappened: what,
            peopleAffected: people.trim() === '' ? null : parseTypedNumber(people),
            dataKinds: kinds,
            occurredAt: occurredAt ? (wallTimeToIso(occurredAt, tz) ?? occurredAt) : null,
            discoveredAt: wallTimeToIso(discoveredAt, tz) ?? discoveredAt,
            containment,
          })
          .then((r) => {
            if (!r) return;
            setWhat('');
            setPeople('');
            setKinds([]);
            setContainment('');
            onSaved(r);
          });
      }}
    >
      <h2 className="card__title">{t('aftercare.incidents.report')}</h2>
      <p className="field__hint">{t('aftercare.incidents.reportHint')}</p>
      <Field label={t('aftercare.incidents.whatHappened')} error={form.errors.whatHappened}>
        {(p) => <textarea {...p} rows={3} value={what} onChange={(e) => setWhat(e.target.value)} />}
      </Field>
      <fieldset className="ac-fieldset">
        <legend className="field__label">{t('aftercare.incidents.dataKinds')}</legend>
        <div className="ac-checks">
          {PersonalDataKind.options.map((k) => (
            <label key={k} className="chip-check">
              <input type="checkbox" checked={kinds.includes(k)} onChange={(e) => setKinds((xs) => (e.target.checked ? [...xs, k] : xs.filter((x) => x !== k)))} />
              <span>{t(`aftercare.dataKinds.${k}`)}</span>
            </label>
          ))}
        </div>
        {form.errors.dataKinds ? <p className="field__error">{t('aftercare.incidents.chooseDataKind')}</p> : null}
      </fieldset>
      <div className="ac-grid">
        <Field label={t('aftercare.incidents.people')} error={form.errors.peopleAffected} hint={t('aftercare.incidents.peopleHint')}>
          {(p) => <input {...p} type="text" inputMode="numeric" value={people} onChange={(e) => setPeople(e.target.value)} />}
        </Field>
        <Field label={t('aftercare.incidents.discoveredAt')} error={form.errors.discoveredAt} hint={t('aftercare.incidents.clockHint')}>
          {(p) => <DateInput {...p} withTime value={discoveredAt} onChange={setDiscoveredAt} />}
        </Field>
        <Field label={t('aftercare.incidents.occurredAt')} error={form.errors.occurredAt} hint={t('aftercare.incidents.occurredHint')}>
          {(p) => <DateInput {...p} withTime value={occurredAt} onChange={setOccurredAt} />}
        </Field>
      </div>
      <Field label={t('aftercare.incidents.containment')} error={form.errors.containment}>
        {(p) => <textarea {...p} rows={2} value={containment} onChange={(e) => setContainment(e.target.value)} />}
      </Field>
      <FormError error={form.formError} />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={form.busy}>
          {t('aftercare.incidents.submitReport')}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
