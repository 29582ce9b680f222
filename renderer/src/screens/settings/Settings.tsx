import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ClinicSettingsView } from '../../../../shared/schemas/settings';
import { IDLE_LOCK_MAX, IDLE_LOCK_MIN } from '../../../../shared/schemas/settings';
import { callApi, useApi } from '../../api';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { applyServerError, rootError, contractResolver, useFormError } from '../../forms';
import type { SessionUpdate } from '../../idle';
import { dateInZone } from '../../../../shared/dates';
import { HolidaysSection } from '../calendar/HolidaysSection';
import { PrintedDatesSection } from './PrintedDatesSection';

interface SettingsForm {
  clinicName: string;
  timeZone: string;
  idleLockMinutes: number;
  batesPrefix: string;
}
const FIELDS = ['clinicName', 'timeZone', 'idleLockMinutes', 'batesPrefix'] as const;
/** `expectedVersion`: the settings' version the form was loaded or last saved at (issue 14). */
const toInput = (v: SettingsForm, expectedVersion: number) => ({
  expectedVersion,
  clinicName: v.clinicName,
  timeZone: v.timeZone,
  idleLockMinutes: v.idleLockMinutes,
  batesPrefix: v.batesPrefix,
});
const toForm = (s: ClinicSettingsView): SettingsForm => ({ clinicName: s.clinicName, timeZone: s.timeZone, idleLockMinutes: s.idleLockMinutes, batesPrefix: s.batesPrefix });

/** Settings (admin): clinic name, time zone, idle-lock minutes. */
export function Settings({ updateSession }: { updateSession: SessionUpdate }) {
  const { t } = useTranslation();
  const loaded = useApi('settings.get', {});
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {loaded.state === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
      <FormError error={loaded.error} />
      {/* Keyed by the version loaded, so a reload after another seat's save starts the form again from it. */}
      {loaded.state === 'ok' ? <SettingsEditor key={loaded.value.version} initial={loaded.value} updateSession={updateSession} onReload={loaded.reload} /> : null}
      {loaded.state === 'ok' ? <HolidaysSection today={dateInZone(new Date(), loaded.value.timeZone)} /> : null}
      {loaded.state === 'ok' ? <PrintedDatesSection /> : null}
    </section>
  );
}

function SettingsEditor({ initial, updateSession, onReload }: { initial: ClinicSettingsView; updateSession: SessionUpdate; onReload: () => void }) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const [saved, setSaved] = useState(false);
  const [zone, setZone] = useState(initial.timeZone);
  // The version this form's values rest on: the one loaded, then each of this form's own saves.
  const [version, setVersion] = useState(initial.version);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<SettingsForm>({
    mode: 'onTouched',
    defaultValues: toForm(initial),
    resolver: contractResolver('settings.update', (v: SettingsForm) => toInput(v, initial.version), FIELDS),
  });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    setSaved(false);
    const r = await callApi('settings.update', toInput(v, version));
    if (!r.ok) {
      // Another seat's save is refused here with who and when; what was typed stays until Reload.
      setFormError(applyServerError(r.error, FIELDS, setError));
      return;
    }
    reset(toForm(r.value));
    setVersion(r.value.version);
    setZone(r.value.timeZone);
    setSaved(true);
    updateSession((s) => ({
      ...s,
      clinicName: r.value.clinicName,
      timeZone: r.value.timeZone,
      idleLockMinutes: r.value.idleLockMinutes,
    }));
  });

  return (
    <div className="card card--form">
      <form
        className="form"
        onSubmit={(e) => void submit(e)}
        onChange={() => setSaved(false)}
        noValidate
        aria-label={t('settings.title')}
      >
        <Field label={t('settings.clinicName')} error={errors.clinicName?.message}>
          {(p) => <input {...p} autoComplete="organization" {...register('clinicName')} />}
        </Field>
        <Field label={t('settings.timeZone')} error={errors.timeZone?.message} hint={t('settings.timeZoneHint')}>
          {(p) => <TimeZoneSelect {...p} current={zone} {...register('timeZone')} />}
        </Field>
        <Field
          label={t('settings.idleLockMinutes')}
          error={errors.idleLockMinutes?.message}
          hint={t('settings.idleLockHint', { min: IDLE_LOCK_MIN, max: IDLE_LOCK_MAX })}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={IDLE_LOCK_MIN}
              max={IDLE_LOCK_MAX}
              step={1}
              className="input--short"
              {...register('idleLockMinutes', { valueAsNumber: true })}
            />
          )}
        </Field>
        <Field label={t('evidence.settings.batesPrefix')} error={errors.batesPrefix?.message} hint={t('evidence.settings.batesPrefixHint')}>
          {(p) => <input {...p} className="input--short" autoComplete="off" spellCheck={false} maxLength={12} {...register('batesPrefix')} />}
        </Field>
        <FormActions
          error={formError ?? rootError(errors)}
          className="actions"
          submitLabel={t('settings.submit')}
          submitDisabled={isSubmitting || !isDirty}
          onReload={onReload}
          timeZone={zone}
        >
          <FormSuccess>{saved ? t('settings.saved') : null}</FormSuccess>
        </FormActions>
      </form>
    </div>
  );
}
