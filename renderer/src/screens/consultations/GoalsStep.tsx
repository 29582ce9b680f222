import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import { callApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { rootError, useFormError } from '../../forms';
import { TextArea } from './Choice';
import { Reference, StepActions, StepFrame, type StepProps } from './StepFrame';
import { applyStepServerError, stepResolver } from './stepForm';

interface GoalsForm {
  goals: string;
  assessment: string;
  expectedResult: string;
  cannotAchieve: string;
}
const FIELDS = ['goals', 'assessment', 'expectedResult', 'cannotAchieve'] as const;
const FORM = { prefix: ['goals'], fields: FIELDS } as const;

/** The service counts an empty answer as a gap: say so beside the field at once. */
const allWritten = (v: GoalsForm): FieldIssue[] => FIELDS.filter((f) => !v[f].trim()).map((f) => ({ path: [f], messageKey: 'validation.required' }));

/** Goals in the patient's own words, the consultant's assessment, what to expect and what cannot be achieved. */
export function GoalsStep({ view, editable, timeZone, onSaved, onContinue, onReload }: StepProps) {
  const { t } = useTranslation();
  const { consultation: c, template } = view;
  const { formError, setFormError } = useFormError();
  const toInput = (v: GoalsForm) => ({ consultationId: c.id, expectedVersion: c.version, goals: v });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<GoalsForm>({
    defaultValues: c.goals ?? { goals: '', assessment: '', expectedResult: '', cannotAchieve: '' },
    resolver: stepResolver('consultations.saveGoals', toInput, FORM, allWritten),
  });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('consultations.saveGoals', toInput(v));
    if (!r.ok) return setFormError(applyStepServerError(r.error, FORM, setError));
    onSaved(r.value);
    onContinue();
  });

  const reference = (
    <>
      <p className="consult-reference__heading">{t('consultation.goals.referenceTitle')}</p>
      <Reference title={t('consultation.sections.purpose')} text={template.purpose} />
      <Reference title={t('consultation.sections.expected_result')} text={template.expectedResult} />
      <Reference title={t('consultation.sections.limitations')} text={template.limitations} />
    </>
  );

  return (
    <StepFrame step="goals" intro={t('consultation.goals.intro')} aside={reference}>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <fieldset disabled={!editable} className="consult-fieldset">
          <TextArea label={t('consultation.goals.goals')} hint={t('consultation.goals.goalsHint')} registration={register('goals')} error={errors.goals?.message} rows={4} />
          <TextArea label={t('consultation.goals.assessment')} registration={register('assessment')} error={errors.assessment?.message} rows={4} />
          <TextArea label={t('consultation.goals.expectedResult')} registration={register('expectedResult')} error={errors.expectedResult?.message} rows={3} />
          <TextArea label={t('consultation.goals.cannotAchieve')} registration={register('cannotAchieve')} error={errors.cannotAchieve?.message} rows={3} />
        </fieldset>
        <FormError error={formError ?? rootError(errors)} timeZone={timeZone} onReload={onReload} />
        <StepActions editable={editable} busy={isSubmitting} onContinue={onContinue} />
      </form>
    </StepFrame>
  );
}
