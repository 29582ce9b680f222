import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { In } from '../../../../shared/api';
import { ComplaintCategory, ComplaintChannel, ComplaintSeverity, type ComplaintDetail } from '../../../../shared/schemas/complaint';
import type { PatientSummary } from '../../../../shared/schemas/patient';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi, useApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import { formatDate, toWallTime, wallTimeToIso } from '../../clinicTime';
import { procedureNameIn } from '../../procedureName';
import { useChannelForm } from '../../components/channelForm';
import { DateInput } from '../../components/DateInput';

const SHOWN = ['patientId', 'complainantName', 'consultationId', 'treatmentId', 'channel', 'category', 'severity', 'receivedAt', 'patientSays', 'patientWants'];

/** Intake by any staff member: who, how it came in, what kind, how serious, what the patient says and wants. */
export function ComplaintIntake({ session, onSaved, onCancel }: { session: SessionInfo; onSaved: (c: ComplaintDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const tz = session.timeZone;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PatientSummary[]>([]);
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [complainant, setComplainant] = useState('');
  const [consultationId, setConsultationId] = useState('');
  const [channel, setChannel] = useState<In<'complaints.intake'>['channel']>('phone');
  const [category, setCategory] = useState<In<'complaints.intake'>['category']>('outcome_expectation');
  const [severity, setSeverity] = useState<In<'complaints.intake'>['severity']>('medium');
  const [receivedAt, setReceivedAt] = useState(() => toWallTime(new Date(), tz));
  const [says, setSays] = useState('');
  const [wants, setWants] = useState('');
  const form = useChannelForm('complaints.intake', SHOWN);

  const search = async (q: string) => {
    setQuery(q);
    if (q.trim().length < 1) return setResults([]);
    const r = await callApi('patients.search', { query: q, limit: 8 });
    if (r.ok) setResults(r.value);
  };
  // While a Zhuyin composition is open the box shows ㄓㄨˋ and candidates: search only what is committed.
  const composing = useRef(false);

  const save = async () => {
    let treatmentId: string | undefined;
    if (consultationId) {
      const tr = await callApi('treatments.forConsultation', { consultationId });
      if (tr.ok && tr.value) treatmentId = tr.value.id;
    }
    const r = await form.submit({
      ...(patient ? { patientId: patient.id } : {}),
      ...(complainant.trim() ? { complainantName: complainant } : {}),
      ...(consultationId ? { consultationId } : {}),
      ...(treatmentId ? { treatmentId } : {}),
      channel,
      category,
      severity,
      receivedAt: wallTimeToIso(receivedAt, tz) ?? receivedAt,
      patientSays: says,
      patientWants: wants,
    });
    if (r) onSaved(r);
  };

  return (
    <form
      className="card ac-form"
      noValidate
      aria-label={t('aftercare.complaints.intakeTitle')}
      data-testid="complaint-intake"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 className="card__title">{t('aftercare.complaints.intakeTitle')}</h2>
      <p className="muted">{t('aftercare.complaints.intakeIntro')}</p>
      {patient ? (
        <div className="ac-chosen">
          <span>
            {t('aftercare.complaints.patient')}: <strong>{patient.nameZh}</strong> <span className="mono">{patient.chartNo}</span>
          </span>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => (setPatient(null), setConsultationId(''))}>
            {t('aftercare.complaints.changePatient')}
          </button>
        </div>
      ) : (
        <div className="ac-grid">
          <Field label={t('aftercare.complaints.findPatient')} hint={t('aftercare.complaints.findPatientHint')} error={form.errors.patientId}>
            {(p) => (
              <input
                {...p}
                type="search"
                value={query}
                onChange={(e) => (composing.current ? setQuery(e.target.value) : void search(e.target.value))}
                onCompositionStart={() => (composing.current = true)}
                onCompositionEnd={(e) => {
                  composing.current = false;
                  void search(e.currentTarget.value);
                }}
                autoComplete="off"
              />
            )}
          </Field>
          <Field label={t('aftercare.complaints.complainant')} hint={t('aftercare.complaints.complainantHint')} error={form.errors.complainantName}>
            {(p) => <input {...p} value={complainant} onChange={(e) => setComplainant(e.target.value)} />}
          </Field>
          {results.length > 0 ? (
            <ul className="ac-results ac-span-all" aria-label={t('aftercare.complaints.results')}>
              {results.map((r) => (
                <li key={r.id}>
                  <button type="button" className="btn btn--ghost btn--small" onClick={() => (setPatient(r), setResults([]))}>
                    {r.nameZh} <span className="mono">{r.chartNo}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      {patient ? <ConsultationSelect patientId={patient.id} timeZone={tz} value={consultationId} onChange={setConsultationId} error={form.errors.consultationId ?? form.errors.treatmentId} /> : null}
      <fieldset className="pills">
        <legend className="field__label">{t('aftercare.complaints.channel')}</legend>
        <div className="pills__options">
          {ComplaintChannel.options.map((c) => (
            <label key={c} className="pill">
              <input type="radio" name="complaint-channel" checked={channel === c} onChange={() => setChannel(c)} />
              <span>{t(`aftercare.complaintChannels.${c}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="ac-grid">
        <Field label={t('aftercare.complaints.category')} error={form.errors.category}>
          {(p) => (
            <select {...p} value={category} onChange={(e) => setCategory(e.target.value as typeof category)}>
              {ComplaintCategory.options.map((c) => (
                <option key={c} value={c}>
                  {t(`aftercare.complaintCategories.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('aftercare.complaints.receivedAt')} error={form.errors.receivedAt} hint={t('aftercare.complaints.receivedAtHint')}>
          {(p) => <DateInput {...p} withTime value={receivedAt} onChange={setReceivedAt} />}
        </Field>
      </div>
      <fieldset className="pills">
        <legend className="field__label">{t('aftercare.complaints.severity')}</legend>
        <div className="pills__options">
          {ComplaintSeverity.options.map((s) => (
            <label key={s} className="pill">
              <input type="radio" name="complaint-severity" checked={severity === s} onChange={() => setSeverity(s)} />
              <span>{t(`aftercare.complaintSeverities.${s}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('aftercare.complaints.patientSays')} error={form.errors.patientSays}>
        {(p) => <textarea {...p} rows={3} value={says} onChange={(e) => setSays(e.target.value)} />}
      </Field>
      <Field label={t('aftercare.complaints.patientWants')} error={form.errors.patientWants}>
        {(p) => <textarea {...p} rows={2} value={wants} onChange={(e) => setWants(e.target.value)} />}
      </Field>
      <FormError error={form.formError} />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={form.busy}>
          {form.busy ? t('aftercare.saving') : t('aftercare.complaints.saveIntake')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The patient's consultations, to link the complaint to the treatment it is about. */
function ConsultationSelect({ patientId, timeZone, value, onChange, error }: { patientId: string; timeZone: string; value: string; onChange: (id: string) => void; error: string | undefined }) {
  const { t, i18n } = useTranslation();
  const detail = useApi('patients.get', { patientId });
  const consultations = detail.value?.consultations ?? [];
  if (consultations.length === 0) return null;
  return (
    <Field label={t('aftercare.complaints.consultation')} error={error}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('aftercare.complaints.noConsultation')}</option>
          {consultations.map((c) => (
            <option key={c.id} value={c.id}>
              {procedureNameIn(c, i18n.language)} · {formatDate(c.createdAt, timeZone, i18n.language)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
