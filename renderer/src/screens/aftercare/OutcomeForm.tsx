import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { redFlagsOf } from '../../../../shared/aftercare';
import type { In } from '../../../../shared/api';
import { Bleeding, ComplicationSeverity, ComplicationType, Grade, type Outcome, type VisitDetail } from '../../../../shared/schemas/aftercare';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import { formatDateTime } from '../patients/clinicTime';
import { useChannelForm } from './form';

type Fields = Omit<In<'followUps.recordOutcome'>, 'visitId' | 'complication'>;
const YES_NO = ['infectionSigns', 'fever', 'numbness', 'asymmetry', 'visionChange', 'skinColourChange'] as const;
const SHOWN = ['pain', 'swelling', 'bruising', 'bleeding', ...YES_NO, 'satisfaction', 'notes', 'complication'];

function Pills<T extends string | number>({ legend, name, options, value, onChange, label, error }: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T | null;
  onChange: (v: T) => void;
  label: (v: T) => string;
  error?: string | undefined;
}) {
  return (
    <fieldset className={`pills ac-pills ${error ? 'field--invalid' : ''}`}>
      <legend className="field__label">{legend}</legend>
      <div className="pills__options">
        {options.map((o) => (
          <label key={String(o)} className="pill">
            <input type="radio" name={name} checked={value === o} onChange={() => onChange(o)} />
            <span>{label(o)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The outcome of a due visit. Red flags are shown as they are ticked: saving sends them to the operating
 * physician at once. The saved outcome is final (corrections are appended).
 */
export function OutcomeForm({ visit, onSaved }: { visit: VisitDetail; onSaved: (v: VisitDetail) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState<Fields>({
    pain: 0,
    swelling: 'none',
    bruising: 'none',
    bleeding: 'none',
    infectionSigns: false,
    fever: false,
    numbness: false,
    asymmetry: false,
    visionChange: false,
    skinColourChange: false,
    satisfaction: null,
    notes: '',
  });
  const [withComplication, setWithComplication] = useState(false);
  const [complication, setComplication] = useState<{ type: ComplicationType; severity: ComplicationSeverity; management: string }>({ type: 'haematoma', severity: 'mild', management: '' });
  const form = useChannelForm('followUps.recordOutcome', SHOWN);
  const set = (patch: Partial<Fields>) => setF((x) => ({ ...x, ...patch }));
  const flags = redFlagsOf(f);
  const err = (k: string) => form.errors[k];

  return (
    <form
      className="card ac-form"
      noValidate
      aria-label={t('aftercare.outcome.title')}
      data-testid="outcome-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({ visitId: visit.id, ...f, complication: withComplication ? complication : null }).then((r) => r && onSaved(r));
      }}
    >
      <h2 className="card__title">{t('aftercare.outcome.title')}</h2>
      <p className="muted">{t('aftercare.outcome.focus', { focus: visit.focus })}</p>
      <Pills legend={t('aftercare.outcome.pain')} name="pain" options={[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]} value={f.pain} onChange={(pain) => set({ pain })} label={String} error={err('pain')} />
      <div className="ac-grid ac-grid--3">
        <Pills legend={t('aftercare.outcome.swelling')} name="swelling" options={Grade.options} value={f.swelling} onChange={(swelling) => set({ swelling })} label={(g) => t(`aftercare.grades.${g}`)} />
        <Pills legend={t('aftercare.outcome.bruising')} name="bruising" options={Grade.options} value={f.bruising} onChange={(bruising) => set({ bruising })} label={(g) => t(`aftercare.grades.${g}`)} />
        <Pills legend={t('aftercare.outcome.bleeding')} name="bleeding" options={Bleeding.options} value={f.bleeding} onChange={(bleeding) => set({ bleeding })} label={(g) => t(`aftercare.bleeding.${g}`)} />
      </div>
      <fieldset className="ac-fieldset">
        <legend className="field__label">{t('aftercare.outcome.findings')}</legend>
        <div className="ac-checks">
          {YES_NO.map((k) => (
            <label key={k} className="chip-check">
              <input type="checkbox" checked={f[k]} onChange={(e) => set({ [k]: e.target.checked })} />
              <span>{t(`aftercare.outcome.${k}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {flags.length > 0 ? (
        <p className="notice notice--error" role="status" data-testid="red-flag-preview">
          {t('aftercare.outcome.redFlagWarning', { flags: flags.map((x) => t(`aftercare.redFlags.${x}`)).join('、'), physician: visit.physicianName })}
        </p>
      ) : null}
      <Pills
        legend={t('aftercare.outcome.satisfaction')}
        name="satisfaction"
        options={[0, 1, 2, 3, 4, 5]}
        value={f.satisfaction ?? 0}
        onChange={(s) => set({ satisfaction: s === 0 ? null : s })}
        label={(s) => (s === 0 ? t('aftercare.outcome.notAsked') : String(s))}
        error={err('satisfaction')}
      />
      <Field label={t('aftercare.outcome.notes')} error={err('notes')}>
        {(p) => <textarea {...p} rows={3} value={f.notes} onChange={(e) => set({ notes: e.target.value })} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={withComplication} onChange={(e) => setWithComplication(e.target.checked)} />
        <span>{t('aftercare.outcome.recordComplication')}</span>
      </label>
      {withComplication ? (
        <div className="ac-grid">
          <Field label={t('aftercare.outcome.complicationType')} error={err('complication.type')}>
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
          <Field label={t('aftercare.outcome.management')} error={err('complication.management')} className="ac-span-all">
            {(p) => <textarea {...p} rows={2} value={complication.management} onChange={(e) => setComplication((c) => ({ ...c, management: e.target.value }))} />}
          </Field>
        </div>
      ) : null}
      <FormError error={form.formError} />
      <p className="field__hint">{t('aftercare.outcome.finalNote')}</p>
      <div className="actions">
        <button type="submit" className={flags.length > 0 ? 'btn btn--danger' : 'btn btn--primary'} disabled={form.busy}>
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
      <h2 className="card__title">{t('aftercare.outcome.recorded')}</h2>
      {o.redFlags.length > 0 ? (
        <p className="notice notice--error">{t('aftercare.outcome.redFlagsRecorded', { flags: o.redFlags.map((x) => t(`aftercare.redFlags.${x}`)).join('、') })}</p>
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
          <dd>{yes.length ? yes.map((k) => t(`aftercare.outcome.${k}`)).join('、') : t('aftercare.none')}</dd>
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
