import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { redFlagsOf } from '../../../../shared/aftercare';
import type { In } from '../../../../shared/api';
import { Bleeding, ComplicationSeverity, ComplicationType, Grade, type Outcome, type VisitDetail } from '../../../../shared/schemas/aftercare';
import './OutcomeForm.css';
import { Field } from '../../components/Field';
import { translateKey } from '../../i18n';
import { FormError } from '../../components/FormMessage';
import { formatDateTime } from '../../clinicTime';
import { useChannelForm } from '../../components/channelForm';
import { joinList } from '../../lists';

type Fields = Omit<In<'followUps.recordOutcome'>, 'visitId' | 'expectedVersion' | 'complication'>;
const YES_NO = ['infectionSigns', 'fever', 'numbness', 'asymmetry', 'visionChange', 'skinColourChange'] as const;
const SHOWN = ['pain', 'swelling', 'bruising', 'bleeding', ...YES_NO, 'satisfaction', 'notes', 'complication'];
type YesNo = (typeof YES_NO)[number];
type BleedingLevel = (typeof Bleeding.options)[number];
/** Every clinical finding starts unchosen (null): nothing is selected before the patient is asked. */
type Draft = {
  pain: number | null;
  swelling: Grade | null;
  bruising: Grade | null;
  bleeding: BleedingLevel | null;
  satisfaction: number | 'not_asked' | null;
  notes: string;
} & Record<YesNo, boolean | null>;
const CHOSEN = ['pain', 'swelling', 'bruising', 'bleeding', ...YES_NO, 'satisfaction'] as const;
const BLANK: Draft = {
  pain: null,
  swelling: null,
  bruising: null,
  bleeding: null,
  infectionSigns: null,
  fever: null,
  numbness: null,
  asymmetry: null,
  visionChange: null,
  skinColourChange: null,
  satisfaction: null,
  notes: '',
};

/** The draft as the channel takes it, once every finding is chosen. */
function complete(d: Draft): Fields | null {
  if (CHOSEN.some((k) => d[k] === null)) return null;
  return {
    pain: d.pain!,
    swelling: d.swelling!,
    bruising: d.bruising!,
    bleeding: d.bleeding!,
    infectionSigns: d.infectionSigns!,
    fever: d.fever!,
    numbness: d.numbness!,
    asymmetry: d.asymmetry!,
    visionChange: d.visionChange!,
    skinColourChange: d.skinColourChange!,
    satisfaction: d.satisfaction === 'not_asked' ? null : d.satisfaction,
    notes: d.notes,
  };
}

function Pills<T extends string | number>({ legend, name, options, value, onChange, label, error, testId }: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T | null;
  onChange: (v: T) => void;
  label: (v: T) => string;
  error?: string | undefined;
  testId?: string;
}) {
  return (
    <fieldset className={`pills ac-pills ${error ? 'field--invalid' : ''}`} data-testid={testId} data-chosen={value !== null}>
      <legend className="field__label">{legend}</legend>
      <div className="pills__options">
        {options.map((o) => (
          <label key={String(o)} className="pill">
            <input type="radio" name={name} checked={value === o} onChange={() => onChange(o)} />
            <span>{label(o)}</span>
          </label>
        ))}
      </div>
      {error ? <p className="field__error">{translateKey(error)}</p> : null}
    </fieldset>
  );
}

/**
 * The outcome of a due visit, recorded only after the patient was reached (a call answered or an in-person visit;
 * the main process and the database refuse it otherwise). Nothing is selected in advance: each finding is chosen
 * from what the patient says. Red flags are shown as they are chosen: saving sends them to the operating physician
 * at once. The saved outcome is final (corrections are appended).
 */
export function OutcomeForm({
  visit,
  timeZone,
  onSaved,
  onReload,
}: {
  visit: VisitDetail;
  timeZone: string;
  onSaved: (v: VisitDetail) => void;
  /** Loads the visit as saved now; what was chosen here stays (issue 14: another seat changed the visit meanwhile). */
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [f, setF] = useState<Draft>(BLANK);
  const [tried, setTried] = useState(false);
  const [withComplication, setWithComplication] = useState(false);
  const [complication, setComplication] = useState<{ type: ComplicationType; severity: ComplicationSeverity; management: string }>({ type: 'haematoma', severity: 'mild', management: '' });
  const form = useChannelForm('followUps.recordOutcome', SHOWN);
  const inPerson = useChannelForm('followUps.logAttempt', []);
  const set = (patch: Partial<Draft>) => setF((x) => ({ ...x, ...patch }));
  const contact = visit.attempts.filter((a) => a.result === 'reached').at(-1) ?? null;
  const fields = complete(f);
  // Findings not yet chosen count as absent for the preview only (saving needs every one chosen).
  const flags = redFlagsOf({
    pain: f.pain ?? 0,
    bleeding: f.bleeding ?? 'none',
    infectionSigns: f.infectionSigns === true,
    fever: f.fever === true,
    visionChange: f.visionChange === true,
    skinColourChange: f.skinColourChange === true,
  });
  const missing = CHOSEN.filter((k) => f[k] === null);
  const err = (k: string) => form.errors[k] ?? (tried && (CHOSEN as readonly string[]).includes(k) && f[k as (typeof CHOSEN)[number]] === null ? 'safety.outcome.chooseOne' : undefined);
  const yesNo = (v: 'yes' | 'no') => t(`safety.outcome.${v}`);

  const recordInPerson = async () => {
    const r = await inPerson.submit({ visitId: visit.id, at: new Date().toISOString(), method: 'visit', result: 'reached', note: '' });
    if (r) onSaved(r);
  };

  return (
    <form
      className="card ac-form"
      noValidate
      aria-label={t('aftercare.outcome.title')}
      data-testid="outcome-form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!contact || !fields) return;
        // The visit's version as this screen holds it: another seat's outcome or reassignment since is refused.
        void form
          .submit({ visitId: visit.id, expectedVersion: visit.version, ...fields, complication: withComplication ? complication : null })
          .then((r) => r && onSaved(r));
      }}
    >
      <h2 className="card__title">{t('aftercare.outcome.title')}</h2>
      <p className="muted">{t('aftercare.outcome.focus', { focus: visit.focus })}</p>
      {contact ? (
        <p className="muted small" data-testid="outcome-contact">
          {t('safety.outcome.basedOn', { at: formatDateTime(contact.at, timeZone, i18n.language), method: t(`aftercare.methods.${contact.method}`), name: contact.staffName })}
        </p>
      ) : (
        <div className="notice notice--warning" role="status" data-testid="outcome-needs-contact">
          <strong>{t('safety.outcome.needContactTitle')}</strong>
          <p>{t('safety.outcome.needContact')}</p>
          <button type="button" className="btn btn--secondary btn--small" onClick={() => void recordInPerson()} disabled={inPerson.busy} data-testid="record-in-person">
            {inPerson.busy ? t('safety.outcome.inPersonSaving') : t('safety.outcome.inPerson')}
          </button>
          <FormError error={inPerson.formError} />
        </div>
      )}
      <fieldset className="ac-fieldset ac-fieldset--plain" disabled={!contact}>
        <p className="field__hint">{t('safety.outcome.noneSelectedHint')}</p>
        <Pills legend={t('aftercare.outcome.pain')} name="pain" options={[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]} value={f.pain} onChange={(pain) => set({ pain })} label={String} error={err('pain')} testId="outcome-pain" />
        <div className="ac-grid ac-grid--3">
          <Pills legend={t('aftercare.outcome.swelling')} name="swelling" options={Grade.options} value={f.swelling} onChange={(swelling) => set({ swelling })} label={(g) => t(`aftercare.grades.${g}`)} error={err('swelling')} />
          <Pills legend={t('aftercare.outcome.bruising')} name="bruising" options={Grade.options} value={f.bruising} onChange={(bruising) => set({ bruising })} label={(g) => t(`aftercare.grades.${g}`)} error={err('bruising')} />
          <Pills legend={t('aftercare.outcome.bleeding')} name="bleeding" options={Bleeding.options} value={f.bleeding} onChange={(bleeding) => set({ bleeding })} label={(g) => t(`aftercare.bleeding.${g}`)} error={err('bleeding')} />
        </div>
        <fieldset className="ac-fieldset">
          <legend className="field__label">{t('aftercare.outcome.findings')}</legend>
          <div className="ac-grid ac-grid--3">
            {YES_NO.map((k) => (
              <Pills
                key={k}
                legend={t(`aftercare.outcome.${k}`)}
                name={k}
                options={['yes', 'no'] as const}
                value={f[k] === null ? null : f[k] ? 'yes' : 'no'}
                onChange={(v) => set({ [k]: v === 'yes' })}
                label={yesNo}
                error={err(k)}
              />
            ))}
          </div>
        </fieldset>
        {flags.length > 0 ? (
          <p className="notice notice--error" role="status" data-testid="red-flag-preview">
            {t('aftercare.outcome.redFlagWarning', { flags: joinList(flags.map((x) => t(`aftercare.redFlags.${x}`))), physician: visit.physicianName })}
          </p>
        ) : null}
        <Pills
          legend={t('aftercare.outcome.satisfaction')}
          name="satisfaction"
          options={['not_asked', 1, 2, 3, 4, 5] as const}
          value={f.satisfaction}
          onChange={(satisfaction) => set({ satisfaction })}
          label={(s) => (s === 'not_asked' ? t('aftercare.outcome.notAsked') : String(s))}
          error={err('satisfaction')}
        />
        <Field label={t('aftercare.outcome.notes')} error={form.errors.notes}>
          {(p) => <textarea {...p} rows={3} value={f.notes} onChange={(e) => set({ notes: e.target.value })} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={withComplication} onChange={(e) => setWithComplication(e.target.checked)} />
          <span>{t('aftercare.outcome.recordComplication')}</span>
        </label>
        {withComplication ? (
          <div className="ac-grid">
            <Field label={t('aftercare.outcome.complicationType')} error={form.errors['complication.type']}>
              {(p) => (
                <select {...p} value={complication.type} onChange={(e) => setComplication((c) => ({ ...c, type: e.target.value as ComplicationType }))}>
                  {ComplicationType.options.map((o) => (
                    <option key={o} value={o}>
                      {t(`aftercare.complicationTypes.${o}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Pills legend={t('aftercare.outcome.complicationSeverity')} name="csev" options={ComplicationSeverity.options} value={complication.severity} onChange={(severity) => setComplication((c) => ({ ...c, severity }))} label={(s) => t(`aftercare.severities3.${s}`)} />
            <Field label={t('aftercare.outcome.management')} error={form.errors['complication.management']} className="ac-span-all">
              {(p) => <textarea {...p} rows={2} value={complication.management} onChange={(e) => setComplication((c) => ({ ...c, management: e.target.value }))} />}
            </Field>
          </div>
        ) : null}
      </fieldset>
      {tried && missing.length > 0 ? (
        <p className="notice notice--error" role="alert" data-testid="outcome-missing">
          {t('safety.outcome.missing', { count: missing.length })}
        </p>
      ) : null}
      <FormError
        error={form.formError}
        timeZone={timeZone}
        onReload={() => {
          form.clear();
          onReload();
        }}
      />
      <p className="field__hint">{t('aftercare.outcome.finalNote')}</p>
      <div className="actions">
        <button type="submit" className={flags.length > 0 ? 'btn btn--danger' : 'btn btn--primary'} disabled={form.busy || !contact} data-testid="outcome-save">
          {form.busy ? t('aftercare.saving') : flags.length > 0 ? t('aftercare.outcome.saveAndAlert') : t('aftercare.outcome.save')}
        </button>
      </div>
    </form>
  );
}

/** A saved outcome, read-only. */
export function OutcomeView({ outcome: o, timeZone }: { outcome: Outcome; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const yes = YES_NO.filter((k) => o[k]);
  return (
    <div className="card" data-testid="outcome-view">
      <h2 className="card__title">
        {t('aftercare.outcome.recorded')}
        {o.recordedWith === 'prefilled_defaults' ? (
          <span className="badge badge--warning outcome-prefilled" data-testid="outcome-prefilled">
            {t('safety.outcome.prefilledMark')}
          </span>
        ) : null}
      </h2>
      {o.recordedWith === 'prefilled_defaults' ? <p className="notice notice--warning">{t('safety.outcome.prefilledExplain')}</p> : null}
      {o.redFlags.length > 0 ? (
        <p className="notice notice--error">{t('aftercare.outcome.redFlagsRecorded', { flags: joinList(o.redFlags.map((x) => t(`aftercare.redFlags.${x}`))) })}</p>
      ) : null}
      <dl className="ac-facts">
        <div>
          <dt>{t('aftercare.outcome.pain')}</dt>
          <dd>{o.pain} / 10</dd>
        </div>
        <div>
          <dt>{t('aftercare.outcome.swelling')}</dt>
          <dd>{t(`aftercare.grades.${o.swelling}`)}</dd>
        </div>
        <div>
          <dt>{t('aftercare.outcome.bruising')}</dt>
          <dd>{t(`aftercare.grades.${o.bruising}`)}</dd>
        </div>
        <div>
          <dt>{t('aftercare.outcome.bleeding')}</dt>
          <dd>{t(`aftercare.bleeding.${o.bleeding}`)}</dd>
        </div>
        <div>
          <dt>{t('aftercare.outcome.findings')}</dt>
          <dd>{yes.length ? joinList(yes.map((k) => t(`aftercare.outcome.${k}`))) : t('aftercare.none')}</dd>
        </div>
        <div>
          <dt>{t('aftercare.outcome.satisfaction')}</dt>
          <dd>{o.satisfaction === null ? t('aftercare.outcome.notAsked') : `${o.satisfaction} / 5`}</dd>
        </div>
      </dl>
      {o.complication ? (
        <p>
          <strong>{t('aftercare.outcome.complication')}</strong> {t(`aftercare.complicationTypes.${o.complication.type}`)} · {t(`aftercare.severities3.${o.complication.severity}`)} —{' '}
          {o.complication.management}
        </p>
      ) : null}
      {o.notes ? <p className="pre">{o.notes}</p> : null}
      <p className="muted small">{t('aftercare.byAt', { name: o.recordedByName, at: formatDateTime(o.recordedAt, timeZone, i18n.language) })}</p>
    </div>
  );
}
