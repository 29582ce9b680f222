import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { ConsultationFlag, ConsultationFlags as Flags, FlagChip } from '../../../../shared/schemas/risk-flags';
import { callApi, useApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { formatDateTime } from '../../clinicTime';
import { procedureNameIn } from '../../procedureName';
import { useLiveUpdates } from '../../live';
import './ConsultationFlags.css';

/** A flag's name: the record flag or body-image screen in the locale's words, a contraindication as the sheet words it. */
function useFlagName() {
  const { t } = useTranslation();
  return (f: Pick<ConsultationFlag, 'kind' | 'key' | 'label'>) =>
    f.kind === 'record' ? t(`consultation.screening.flags.${f.key}`, { defaultValue: f.key }) : f.kind === 'body_image' ? t('safety.flags.bodyImage') : f.label;
}

/** Each flag with the consultant's note and the physician's assessment, or "physician to assess". */
export function FlagList({ flags, timeZone }: { flags: readonly ConsultationFlag[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const name = useFlagName();
  return (
    <ul className="cflags">
      {flags.map((f) => (
        <li
          key={`${f.kind}:${f.key}`}
          className={`cflag cflag--${f.needsAssessment ? (f.assessment ? 'assessed' : 'open') : 'info'}`}
          data-testid="consultation-flag"
          data-kind={f.kind}
          data-key={f.key}
          data-assessed={f.assessment !== null}
        >
          <div className="cflag__head">
            <Icon name="warning" size={15} />
            <span className="cflag__kind">{t(`safety.flags.kinds.${f.kind}`)}</span>
            <strong>{name(f)}</strong>
            {f.needsAssessment && !f.assessment ? <span className="badge badge--danger">{t('safety.flags.toAssess')}</span> : null}
          </div>
          {f.bodyImageAnswers.length > 0 ? <p className="cflag__note">{f.bodyImageAnswers.map((q) => t(`safety.flags.bodyImageAnswers.${q}`)).join(i18n.language === 'en' ? '; ' : '、')}</p> : null}
          {f.consultantNote ? <p className="cflag__note">{t('safety.flags.consultantNote', { note: f.consultantNote })}</p> : null}
          {f.assessment ? (
            <p className="cflag__assessment">
              <span className="muted">{t('safety.flags.assessed', { name: f.assessment.physicianName, at: formatDateTime(f.assessment.at, timeZone, i18n.language) })}</span> {f.assessment.text}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The patient banner: the flags of every consultation still under way, so none stops at the consultation. */
export function PatientFlagsBanner({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const flags = useApi('riskFlags.forPatient', { patientId });
  // A flag raised or assessed at another seat shows here within moments.
  useLiveUpdates(['riskFlags', 'consultations', 'patients'], flags.reload);
  if (!flags.value || flags.value.length === 0) return <FormError error={flags.error} />;
  return (
    <section className="cflags-banner" aria-label={t('safety.flags.bannerTitle')} data-testid="patient-flags-banner">
      <h2 className="cflags-banner__title">{t('safety.flags.bannerTitle')}</h2>
      {flags.value.map((c) => (
        <div key={c.consultationId} className="cflags-banner__consultation">
          <p className="muted small">
            {t('safety.flags.consultationLine', { procedure: procedureNameIn(c, i18n.language), status: t(`patients.consultations.statuses.${c.status}`), physician: c.physicianName })}
            {c.awaitingAssessment > 0 ? <strong className="cflags-banner__open"> · {t('safety.flags.unassessed', { count: c.awaitingAssessment })}</strong> : null}
          </p>
          <FlagList flags={c.flags} timeZone={timeZone} />
        </div>
      ))}
    </section>
  );
}

/** The flags above the treatment form: the physician and nurse see them before anything is recorded as performed. */
export function TreatmentFlags({ consultationId, timeZone }: { consultationId: string; timeZone: string }) {
  const { t } = useTranslation();
  const flags = useApi('riskFlags.forConsultation', { consultationId });
  if (!flags.value) return <FormError error={flags.error} />;
  if (flags.value.flags.length === 0) return null;
  return (
    <section className="card cflags-card" aria-labelledby="treatment-flags-title" data-testid="treatment-flags">
      <h2 id="treatment-flags-title" className="card__title">
        {t('safety.flags.treatmentTitle')}
      </h2>
      {flags.value.awaitingAssessment > 0 ? <p className="notice notice--error">{t('safety.flags.unassessed', { count: flags.value.awaitingAssessment })}</p> : null}
      <FlagList flags={flags.value.flags} timeZone={timeZone} />
    </section>
  );
}

/** Flags as chips in a worklist row (Home). */
export function FlagChips({ chips }: { chips: readonly FlagChip[] }) {
  const { t } = useTranslation();
  const name = useFlagName();
  if (chips.length === 0) return null;
  return (
    <span className="cflag-chips" data-testid="flag-chips">
      {chips.map((c) => (
        <span key={`${c.kind}:${c.key}`} className={`cflag-chip cflag-chip--${c.needsAssessment ? (c.assessed ? 'assessed' : 'open') : 'info'}`} data-kind={c.kind}>
          <Icon name="warning" size={12} />
          {name(c)}
          {c.needsAssessment && !c.assessed ? ` · ${t('safety.flags.toAssess')}` : ''}
        </span>
      ))}
    </span>
  );
}

/**
 * On the signing screen: the flags, and for those the operating physician must assess, a text box each and the
 * physician's password. Countersigning is blocked (checklist item "risk flags") until every one is assessed.
 */
export function FlagAssessmentCard({ consultationId, timeZone, editable, onAssessed }: { consultationId: string; timeZone: string; editable: boolean; onAssessed?: () => void }) {
  const { t } = useTranslation();
  const loaded = useApi('riskFlags.forConsultation', { consultationId });
  const [latest, setLatest] = useState<Flags | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const name = useFlagName();
  const v = latest ?? loaded.value;
  if (!v) return <FormError error={loaded.error} />;
  if (v.flags.length === 0) return null;
  const open = v.flags.filter((f) => f.needsAssessment && !f.assessment);
  const id = (f: ConsultationFlag) => `${f.kind}:${f.key}`;
  const ready = open.length > 0 && open.every((f) => (texts[id(f)] ?? '').trim().length > 0) && password.length > 0;
  const issueFor = (i: number) => error?.issues?.find((x) => x.path[0] === 'assessments' && x.path[1] === i)?.messageKey;

  const submit = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    const r = await callApi('riskFlags.assess', { consultationId, physicianId: v.physicianId, password, assessments: open.map((f) => ({ kind: f.kind, key: f.key, text: texts[id(f)] ?? '' })) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setLatest(r.value);
    setPassword('');
    setTexts({});
    setSaved(true);
    onAssessed?.();
  };

  return (
    <section className="card cflags-card" aria-labelledby="flag-assess-title" data-testid="flag-assessment" data-open={open.length}>
      <h2 id="flag-assess-title" className="card__title">
        {t('safety.flags.assessTitle')}
      </h2>
      <p className="muted">{t('safety.flags.assessIntro')}</p>
      <FlagList flags={v.flags} timeZone={timeZone} />
      {editable && open.length > 0 ? (
        <form
          className="cflags-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) void submit();
          }}
        >
          {open.map((f, i) => (
            <Field key={id(f)} label={`${t('safety.flags.assessment')} — ${name(f)}`} hint={t('safety.flags.assessmentHint')} error={issueFor(i)}>
              {(p) => <textarea {...p} rows={2} value={texts[id(f)] ?? ''} onChange={(e) => setTexts((x) => ({ ...x, [id(f)]: e.target.value }))} data-testid={`assess-${f.kind}-${f.key}`} />}
            </Field>
          ))}
          <Field label={t('safety.flags.password', { name: v.physicianName })} error={error?.issues?.find((x) => x.path[0] === 'password')?.messageKey}>
            {(p) => <input {...p} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" data-testid="assess-password" />}
          </Field>
          {error && !error.issues?.some((x) => x.path[0] === 'password' || x.path[0] === 'assessments') ? <FormError error={error} /> : null}
          <button type="submit" className="btn btn--primary" disabled={!ready || busy} data-testid="assess-submit">
            {busy ? t('safety.flags.saving') : t('safety.flags.save')}
          </button>
        </form>
      ) : null}
      {saved ? <FormSuccess>{t('safety.flags.saved')}</FormSuccess> : null}
    </section>
  );
}
