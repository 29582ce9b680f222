import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import {
  Anaesthesia,
  DEFAULT_COOLING_OFF_DAYS,
  FollowUpLevel,
  MIN_COOLING_OFF_DAYS,
  ProcedureCategory,
  type Procedure,
} from '../../../../shared/schemas/catalogue';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormSuccess } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { callApi } from '../../api';
import { rootError, useFormError } from '../../forms';
import { translateKey } from '../../i18n';
import { errorAt, nestedResolver, placeServerError } from '../patients/nestedForm';
import { PriceListEditor } from './PriceListEditor';
import { blankFollowUp, blankProcedure, fromProcedure, procedureChecks, procedureRename, toSaveInput, type ProcedureFormValues } from './procedureForm';

const FOLLOW_UP_ROLES = FollowUpLevel.shape.role.options;
const FOLLOW_UP_METHODS = FollowUpLevel.shape.method.options;

/** Creates a procedure or changes one (procedures.save): rules for consent, cooling-off days and the follow-up plan. */
export function ProcedureForm({
  procedure,
  onSaved,
  onCancel,
}: {
  procedure?: Procedure;
  onSaved: (p: Procedure) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const [saved, setSaved] = useState(false);
  const procedureId = procedure?.id;
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    control,
    reset,
    formState: { errors, isSubmitting, isDirty, dirtyFields },
  } = useForm<ProcedureFormValues>({
    mode: 'onTouched',
    defaultValues: procedure ? fromProcedure(procedure) : blankProcedure(),
    resolver: nestedResolver(api['procedures.save'].input, (v: ProcedureFormValues) => toSaveInput(v, procedureId, procedure?.version), {
      rename: procedureRename,
      extra: procedureChecks,
    }),
  });
  const plan = useFieldArray({ control, name: 'followUpPlan' });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    setSaved(false);
    const r = await callApi('procedures.save', toSaveInput(v, procedureId, procedure?.version));
    if (!r.ok) {
      setFormError(placeServerError(r.error, getValues(), setError, procedureRename));
      return;
    }
    reset(fromProcedure(r.value));
    setSaved(Boolean(procedureId));
    onSaved(r.value);
  });

  return (
    <form className="form pform" onSubmit={(e) => void submit(e)} onChange={() => setSaved(false)} noValidate aria-label={procedure ? t('catalogue.tabs.settings') : t('catalogue.addTitle')}>
      <div className="pform__grid">
        <Field label={t('catalogue.form.code')} error={errors.code?.message} hint={t('catalogue.form.codeHint')}>
          {(p) => <input {...p} className="mono" autoComplete="off" spellCheck={false} readOnly={Boolean(procedure)} {...register('code')} />}
        </Field>
        <Field label={t('catalogue.form.nameZh')} error={errors.nameZh?.message}>
          {(p) => <input {...p} autoComplete="off" {...register('nameZh')} />}
        </Field>
        <Field label={t('catalogue.form.nameEn')} error={errors.nameEn?.message}>
          {(p) => <input {...p} autoComplete="off" lang="en" {...register('nameEn')} />}
        </Field>
        <Field label={t('catalogue.form.category')} error={errors.category?.message}>
          {(p) => (
            <select
              {...p}
              {...register('category', {
                // A new procedure takes the category's usual cooling-off period until someone types their own.
                onChange: (e: { target: { value: string } }) => {
                  const cat = ProcedureCategory.safeParse(e.target.value);
                  if (!procedure && cat.success && !dirtyFields.coolingOffDays) setValue('coolingOffDays', DEFAULT_COOLING_OFF_DAYS[cat.data]);
                },
              })}
            >
              {ProcedureCategory.options.map((c) => (
                <option key={c} value={c}>
                  {t(`catalogue.categories.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('catalogue.form.anaesthesia')} error={errors.anaesthesia?.message}>
          {(p) => (
            <select {...p} {...register('anaesthesia')}>
              {Anaesthesia.options.map((a) => (
                <option key={a} value={a}>
                  {t(`catalogue.anaesthesiaTypes.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('catalogue.form.coolingOffDays')}
          error={errors.coolingOffDays?.message}
          hint={t('catalogue.form.coolingOffHint', { surgical: DEFAULT_COOLING_OFF_DAYS.surgical, min: MIN_COOLING_OFF_DAYS })}
        >
          {(p) => (
            <input {...p} type="number" inputMode="numeric" min={MIN_COOLING_OFF_DAYS} max={90} step={1} className="input--short" {...register('coolingOffDays', { valueAsNumber: true })} />
          )}
        </Field>
      </div>
      <div className="proc-options">
        <div className="checkbox">
          <input id="proc-witness" type="checkbox" {...register('witnessRequired')} />
          <label htmlFor="proc-witness">{t('catalogue.form.witnessRequired')}</label>
        </div>
        {procedure ? (
          <div className="checkbox">
            <input id="proc-active" type="checkbox" {...register('active')} />
            <label htmlFor="proc-active">{t('catalogue.form.active')}</label>
          </div>
        ) : null}
      </div>

      <section className="pform__section" aria-labelledby="proc-followup">
        <h3 id="proc-followup" className="pform__heading">
          {t('catalogue.form.followUp')}
        </h3>
        <p className="field__hint pform__note">{t('catalogue.form.followUpHint')}</p>
        {errorAt(errors, 'followUpPlan') ? (
          <p className="field__error" role="alert">
            {translateKey(errorAt(errors, 'followUpPlan') ?? '')}
          </p>
        ) : null}
        <ol className="followups">
          {plan.fields.map((f, i) => (
            <li key={f.id} className="followup" data-testid="follow-up">
              <Field label={t('catalogue.form.dayOffset')} error={errorAt(errors, `followUpPlan.${i}.dayOffset`)}>
                {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={365} {...register(`followUpPlan.${i}.dayOffset`, { valueAsNumber: true })} />}
              </Field>
              <Field label={t('catalogue.form.role')} error={errorAt(errors, `followUpPlan.${i}.role`)}>
                {(p) => (
                  <select {...p} {...register(`followUpPlan.${i}.role`)}>
                    {FOLLOW_UP_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`catalogue.roles.${r}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('catalogue.form.method')} error={errorAt(errors, `followUpPlan.${i}.method`)}>
                {(p) => (
                  <select {...p} {...register(`followUpPlan.${i}.method`)}>
                    {FOLLOW_UP_METHODS.map((m) => (
                      <option key={m} value={m}>
                        {t(`catalogue.methods.${m}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('catalogue.form.focus')} error={errorAt(errors, `followUpPlan.${i}.focus`) ?? errorAt(errors, `followUpPlan.${i}`)}>
                {(p) => <input {...p} autoComplete="off" {...register(`followUpPlan.${i}.focus`)} />}
              </Field>
              <button type="button" className="btn btn--danger-outline btn--small followup__remove" disabled={plan.fields.length <= 1} onClick={() => plan.remove(i)}>
                {t('catalogue.form.remove')}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="btn btn--secondary btn--small"
          disabled={plan.fields.length >= 10}
          onClick={() => {
            const last = getValues('followUpPlan').at(-1)?.dayOffset;
            plan.append(blankFollowUp(typeof last === 'number' && !Number.isNaN(last) ? last + 7 : 1));
          }}
        >
          <Icon name="plus" size={16} />
          {t('catalogue.form.addFollowUp')}
        </button>
      </section>

      <PriceListEditor control={control} register={register} errors={errors} />

      <div className="pform__actions">
        <FormActions
          error={formError ?? rootError(errors)}
          onCancel={onCancel}
          submitLabel={procedure ? t('catalogue.form.submitSave') : t('catalogue.form.submitCreate')}
          submitDisabled={isSubmitting || (Boolean(procedure) && !isDirty)}
        >
          <FormSuccess>{saved ? t('catalogue.form.saved') : null}</FormSuccess>
        </FormActions>
      </div>
    </form>
  );
}
