import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppendCorrection } from '../../components/AppendCorrection';
import { AttemptResult, FollowUpMethod, type VisitDetail } from '../../../../shared/schemas/aftercare';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi, useApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { useNavigate } from '../../navigation';
import { formatCalendarDate, formatDateTime, toWallTime, wallTimeToIso } from '../../clinicTime';
import { procedureNameIn } from '../../procedureName';
import { DueBadge, LevelLabel } from './VisitLabels';
import { StoredPhoto } from '../photos/StoredPhoto';
import { useChannelForm } from '../../components/channelForm';
import { PhotoIntake } from '../photos/PhotoIntake';
import { OutcomeForm, OutcomeView } from './OutcomeForm';
import { Corrections } from '../treatments/TreatmentView';
import { EscalationList } from './Escalations';
import { DateInput } from '../../components/DateInput';
import './follow-ups.css';

const CLINICAL = ['physician', 'consultant', 'nurse'];

/** One follow-up: the patient and the plan's focus, every attempt, the outcome (or its form), escalations, photos. */
export function FollowUpVisit({ session, visitId }: { session: SessionInfo; visitId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const loaded = useApi('followUps.get', { visitId });
  const [latest, setLatest] = useState<VisitDetail | null>(null);
  const v = latest ?? loaded.value;
  // After another seat changed the visit: the visit as saved now, leaving any form's typed values as they are.
  const reload = () => void callApi('followUps.get', { visitId }).then((r) => r.ok && setLatest(r.value));
  return (
    <section aria-labelledby="visit-title" className="ac-page" data-testid="follow-up-visit">
      <button type="button" className="btn btn--link back" onClick={() => navigate({ screen: 'followUps' })}>
        <Icon name="arrowLeft" size={16} />
        {t('aftercare.followUp.back')}
      </button>
      {loaded.state === 'loading' && !v ? <p className="muted">{t('common.loading')}</p> : null}
      <FormError error={loaded.error} />
      {v ? <VisitBody session={session} v={v} onChanged={setLatest} onReload={reload} /> : null}
    </section>
  );
}

function VisitBody({ session, v, onChanged, onReload }: { session: SessionInfo; v: VisitDetail; onChanged: (v: VisitDetail) => void; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const tz = session.timeZone;
  const me = session.staff;
  const clinical = CLINICAL.includes(me.role);
  const due = v.dueState !== 'upcoming';
  return (
    <>
      <header className="card ac-head">
        <div>
          <h1 id="visit-title">
            {v.patientName} <span className="mono ac-head__chart">{v.chartNo}</span>
          </h1>
          <p className="ac-head__meta">
            <LevelLabel visit={v} /> · {procedureNameIn(v, i18n.language)} · {t('aftercare.followUp.treatedOn', { date: formatDateTime(v.performedAt, tz, i18n.language) })}
          </p>
          <p className="ac-head__meta">
            {t('aftercare.followUp.dueOn', { date: formatCalendarDate(v.dueDate, i18n.language) })} · {t('aftercare.followUp.physicianIs', { name: v.physicianName })}
            {v.phone ? ` · ${v.phone}` : ''}
          </p>
          <p className="ac-focus">{v.focus}</p>
        </div>
        <div className="ac-head__side">
          <DueBadge visit={v} />
          <span className="muted">{v.assignedToName ? t('aftercare.followUp.assignedTo', { name: v.assignedToName }) : t('aftercare.followUp.anyRole', { role: t(`aftercare.followUpRoles.${v.role}`) })}</span>
          {!v.done && me.role === v.role && v.assignedToId !== me.id ? <TakeVisit visit={v} staffId={me.id} timeZone={tz} onSaved={onChanged} onReload={onReload} /> : null}
          <button type="button" className="btn btn--ghost btn--small" onClick={() => navigate({ screen: 'patient', patientId: v.patientId })}>
            {t('aftercare.openPatient')}
          </button>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => navigate({ screen: 'treatment', consultationId: v.consultationId })}>
            {t('aftercare.followUp.openTreatment')}
          </button>
        </div>
      </header>

      <EscalationList visit={v} session={session} onChanged={onChanged} />

      <div className="ac-columns">
        <div className="ac-stack">
          {v.outcome ? (
            <>
              <OutcomeView outcome={v.outcome} timeZone={tz} />
              <Corrections items={v.outcome.corrections} timeZone={tz} />
              {clinical ? <AppendCorrection
                  channel="followUps.correctOutcome"
                  input={(text) => ({ visitId: v.id, text })}
                  onSaved={onChanged}
                  toggleClassName="btn btn--ghost btn--small ac-self-start"
                  formClassName="ac-inline-form card"
                /> : null}
            </>
          ) : !due ? (
            <p className="notice notice--warning">{t('aftercare.errors.visitNotDue', { due: formatCalendarDate(v.dueDate, i18n.language) })}</p>
          ) : clinical ? (
            <OutcomeForm visit={v} timeZone={tz} onSaved={onChanged} onReload={onReload} />
          ) : (
            <p className="muted">{t('aftercare.outcome.notYet')}</p>
          )}
        </div>
        <div className="ac-stack">
          <div className="card" data-testid="attempt-log">
            <h2 className="card__title">{t('aftercare.attempts.title', { count: v.attempts.length })}</h2>
            {v.attempts.length === 0 ? <p className="muted">{t('aftercare.attempts.none')}</p> : null}
            <ol className="ac-attempts">
              {v.attempts.map((a) => (
                <li key={a.id} className={a.result === 'reached' ? 'ac-attempt ac-attempt--ok' : 'ac-attempt'}>
                  <strong>{t(`aftercare.attemptResults.${a.result}`)}</strong> · {t(`aftercare.methods.${a.method}`)}
                  <div className="muted small">{t('aftercare.byAt', { name: a.staffName, at: formatDateTime(a.at, tz, i18n.language) })}</div>
                  {a.note ? <div className="pre">{a.note}</div> : null}
                </li>
              ))}
            </ol>
            {v.failedAttempts > 0 && !v.done ? <p className="notice notice--warning">{t('aftercare.attempts.failedInARow', { count: v.failedAttempts })}</p> : null}
            {clinical && due && !v.done ? <AttemptForm visit={v} timeZone={tz} onSaved={onChanged} /> : null}
          </div>
          <div className="card">
            <h2 className="card__title">{t('aftercare.photos.visitTitle', { count: v.photos.length })}</h2>
            <div className="ac-photos">
              {v.photos.map((p) => (
                <StoredPhoto key={p.id} photo={p} timeZone={tz} />
              ))}
            </div>
            {clinical && due ? <VisitPhoto visitId={v.id} onSaved={onChanged} /> : null}
          </div>
        </div>
      </div>
    </>
  );
}

/** Takes the visit as shown: refused, naming who and when, if someone took or was given it meanwhile (issue 14). */
function TakeVisit({
  visit,
  staffId,
  timeZone,
  onSaved,
  onReload,
}: {
  visit: VisitDetail;
  staffId: string;
  timeZone: string;
  onSaved: (v: VisitDetail) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const form = useChannelForm('followUps.assign', []);
  return (
    <>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        disabled={form.busy}
        onClick={() => void form.submit({ visitId: visit.id, expectedVersion: visit.version, staffId }).then((r) => r && onSaved(r))}
      >
        {t('aftercare.followUp.take')}
      </button>
      <FormError
        error={form.formError}
        timeZone={timeZone}
        onReload={() => {
          form.clear();
          onReload();
        }}
      />
    </>
  );
}

function AttemptForm({ visit, timeZone, onSaved }: { visit: VisitDetail; timeZone: string; onSaved: (v: VisitDetail) => void }) {
  const { t } = useTranslation();
  const [at, setAt] = useState(() => toWallTime(new Date(), timeZone));
  const [method, setMethod] = useState<FollowUpMethod>(visit.method === 'phone_or_visit' ? 'phone' : visit.method);
  const [result, setResult] = useState<AttemptResult>('no_answer');
  const [note, setNote] = useState('');
  const form = useChannelForm('followUps.logAttempt', ['at', 'method', 'result', 'note']);
  return (
    <form
      className="ac-inline-form"
      noValidate
      aria-label={t('aftercare.attempts.log')}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({ visitId: visit.id, at: wallTimeToIso(at, timeZone) ?? at, method, result, note }).then((r) => {
          if (r) {
            setNote('');
            onSaved(r);
          }
        });
      }}
    >
      <h3 className="ac-subtitle">{t('aftercare.attempts.log')}</h3>
      <fieldset className="pills">
        <legend className="field__label">{t('aftercare.attempts.result')}</legend>
        <div className="pills__options">
          {AttemptResult.options.map((r) => (
            <label key={r} className="pill">
              <input type="radio" name="attempt-result" checked={result === r} onChange={() => setResult(r)} />
              <span>{t(`aftercare.attemptResults.${r}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('aftercare.attempts.at')} error={form.errors.at}>
        {(p) => <DateInput {...p} withTime value={at} onChange={setAt} />}
      </Field>
      <Field label={t('aftercare.attempts.method')} error={form.errors.method}>
        {(p) => (
          <select {...p} value={method} onChange={(e) => setMethod(e.target.value as FollowUpMethod)}>
            {FollowUpMethod.options.map((m) => (
              <option key={m} value={m}>
                {t(`aftercare.methods.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('aftercare.attempts.note')} error={form.errors.note}>
        {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormError error={form.formError} />
      <button type="submit" className="btn btn--secondary" disabled={form.busy}>
        {t('aftercare.attempts.save')}
      </button>
    </form>
  );
}


/** Photos from a due visit: several at once, labelled with angle and area; clinical record only (no marketing). */
function VisitPhoto({ visitId, onSaved }: { visitId: string; onSaved: (v: VisitDetail) => void }) {
  return <PhotoIntake marketing="never" save={(photo) => callApi('followUps.addPhoto', { visitId, ...photo })} onSaved={onSaved} testId="visit-photo-intake" />;
}
