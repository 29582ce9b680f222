import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import type { ConsultationView } from '../../../../shared/schemas/consultation';
import { callApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { translateKey } from '../../i18n';
import { rootError, useFormError } from '../../forms';
import { TextArea } from './Choice';
import { Prose, Reference, StepActions, StepFrame, type StepProps } from './StepFrame';
import { applyStepServerError, stepResolver } from './stepForm';

interface AlternativesForm {
  discussed: { id: string; checked: boolean; note: string }[];
  preOpInstructionsGiven: boolean;
}
const FORM = { prefix: ['alternatives'], fields: ['discussed', 'preOpInstructionsGiven'], arrays: ['discussed'] } as const;
const NO_TREATMENT = 'no_treatment';

function defaults({ consultation: c, template }: ConsultationView): AlternativesForm {
  const saved = new Map(c.alternatives?.discussed.map((a) => [a.id, a]));
  return {
    discussed: template.alternatives.map((a) => ({ id: a.id, checked: saved.has(a.id), note: saved.get(a.id)?.note ?? '' })),
    preOpInstructionsGiven: c.alternatives?.preOpInstructionsGiven ?? false,
  };
}

/**
 * "No treatment" is always a choice the patient must hear about. (This also covers the schema's "at least one
 * discussed", whose list-level message would otherwise stay on screen until the next save.)
 */
function noTreatmentDiscussed(v: AlternativesForm): FieldIssue[] {
  const i = v.discussed.findIndex((a) => a.id === NO_TREATMENT);
  return i >= 0 && !v.discussed[i]!.checked ? [{ path: ['discussed', i, 'checked'], messageKey: 'consultation.validation.noTreatmentRequired' }] : [];
}

/** The template's alternatives (with no treatment) discussed, with notes, and the pre-op instructions given. */
export function AlternativesStep({ view, editable, timeZone, onSaved, onContinue, onReload }: StepProps) {
  const { t } = useTranslation();
  const { consultation: c, template } = view;
  const { formError, setFormError } = useFormError();
  const toInput = (v: AlternativesForm) => ({
    consultationId: c.id,
    expectedVersion: c.version,
    alternatives: {
      discussed: v.discussed.filter((a) => a.checked).map((a) => ({ id: a.id, ...(a.note.trim() ? { note: a.note } : {}) })),
      // The schema accepts only `true`; a missing tick is reported beside the checkbox.
      preOpInstructionsGiven: v.preOpInstructionsGiven as true,
    },
  });
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<AlternativesForm>({
    defaultValues: defaults(view),
    resolver: stepResolver('consultations.saveAlternatives', toInput, FORM, noTreatmentDiscussed),
  });
  const discussed = useWatch({ control, name: 'discussed' });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('consultations.saveAlternatives', toInput(v));
    if (!r.ok) return setFormError(applyStepServerError(r.error, FORM, setError));
    onSaved(r.value);
    onContinue();
  });

  return (
    <StepFrame step="alternatives" intro={t('consultation.alternatives.intro')} aside={<Reference title={t('consultation.alternatives.aftercareTitle')} text={template.aftercare} />}>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <fieldset disabled={!editable} className="consult-fieldset">
          <div className="card consult-card">
            <ul className="consult-list">
              {template.alternatives.map((a, i) => {
                const error = errors.discussed?.[i]?.checked?.message;
                return (
                  <li key={a.id} className={`consult-list__item ${a.id === NO_TREATMENT ? 'consult-list__item--highlight' : ''}`} data-testid="alternative" data-alternative={a.id}>
                    <p className="consult-list__text">{a.text}</p>
                    <div className="checkbox checkbox--tight">
                      <input type="checkbox" id={`alt-${a.id}`} aria-invalid={Boolean(error)} {...register(`discussed.${i}.checked`)} />
                      <label htmlFor={`alt-${a.id}`}>{t('consultation.alternatives.discussed')}</label>
                    </div>
                    {error ? (
                      <p className="field__error" role="alert">
                        {translateKey(error)}
                      </p>
                    ) : null}
                    {discussed[i]?.checked ? <TextArea label={t('consultation.alternatives.note')} registration={register(`discussed.${i}.note`)} error={errors.discussed?.[i]?.note?.message} rows={2} /> : null}
                  </li>
                );
              })}
            </ul>
          </div>

          <div className="card consult-card">
            <h3 className="consult-card__title">{t('consultation.alternatives.preOpTitle')}</h3>
            <Prose text={template.preOpInstructions} className="consult-preop" />
            <div className="checkbox">
              <input type="checkbox" id="preop-given" aria-invalid={Boolean(errors.preOpInstructionsGiven)} {...register('preOpInstructionsGiven')} />
              <label htmlFor="preop-given">{t('consultation.alternatives.preOpGiven')}</label>
            </div>
            {errors.preOpInstructionsGiven?.message ? (
              <p className="field__error" role="alert">
                {translateKey(errors.preOpInstructionsGiven.message)}
              </p>
            ) : null}
          </div>
        </fieldset>
        <FormError error={formError ?? rootError(errors)} timeZone={timeZone} onReload={onReload} />
        <StepActions editable={editable} busy={isSubmitting} onContinue={onContinue} />
      </form>
    </StepFrame>
  );
}
