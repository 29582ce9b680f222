import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import { BODY_IMAGE_QUESTIONS, type ConsultationView, type RecordFlag } from '../../../../shared/schemas/consultation';
import { callApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { rootError, useFormError } from '../../forms';
import { ChoiceGroup, TextArea } from './Choice';
import { StepActions, StepFrame, type StepProps } from './StepFrame';
import { applyStepServerError, stepResolver, yesNo, type YesNo } from './stepForm';

type BodyImageQuestion = (typeof BODY_IMAGE_QUESTIONS)[number];
interface ScreeningForm {
  contraindications: { id: string; present: YesNo; note: string }[];
  flagNotes: { flag: RecordFlag; note: string }[];
  bodyImage: Record<BodyImageQuestion, YesNo>;
}
const FORM = { prefix: ['screening'], fields: ['contraindications', 'flagNotes', 'bodyImage'] } as const;

function defaults({ consultation: c, template }: ConsultationView): ScreeningForm {
  const saved = c.screening;
  const answers = new Map(saved?.contraindications.map((a) => [a.id, a]));
  const notes = new Map(saved?.flagNotes.map((f) => [f.flag, f.note]));
  return {
    contraindications: template.contraindications.map((k) => ({ id: k.id, present: yesNo(answers.get(k.id)?.present), note: answers.get(k.id)?.note ?? '' })),
    flagNotes: c.recordFlags.map((flag) => ({ flag, note: notes.get(flag) ?? '' })),
    bodyImage: Object.fromEntries(BODY_IMAGE_QUESTIONS.map((q) => [q, yesNo(saved?.bodyImage[q])])) as Record<BodyImageQuestion, YesNo>,
  };
}

/** The save of the consultation at the version this form loaded. */
function toInput(consultationId: string, expectedVersion: number) {
  return (v: ScreeningForm) => ({
    consultationId,
    expectedVersion,
    screening: {
      contraindications: v.contraindications.map((a) => ({ id: a.id, present: a.present === 'yes', ...(a.present === 'yes' && a.note.trim() ? { note: a.note } : {}) })),
      flagNotes: v.flagNotes.map((f) => ({ flag: f.flag, note: f.note })),
      bodyImage: Object.fromEntries(BODY_IMAGE_QUESTIONS.map((q) => [q, v.bodyImage[q] === 'yes'])) as Record<BodyImageQuestion, boolean>,
    },
  });
}

/** Everything the service needs for no screening gap: each contraindication answered (a "yes" explained), each flag noted. */
function formChecks(v: ScreeningForm): FieldIssue[] {
  const issues: FieldIssue[] = [];
  v.contraindications.forEach((a, i) => {
    if (a.present === '') issues.push({ path: ['contraindications', i, 'present'], messageKey: 'consultation.validation.choosePresent' });
    if (a.present === 'yes' && !a.note.trim()) issues.push({ path: ['contraindications', i, 'note'], messageKey: 'consultation.validation.noteRequired' });
  });
  v.flagNotes.forEach((f, i) => {
    if (!f.note.trim()) issues.push({ path: ['flagNotes', i, 'note'], messageKey: 'consultation.validation.noteRequired' });
  });
  for (const q of BODY_IMAGE_QUESTIONS) {
    if (v.bodyImage[q] === '') issues.push({ path: ['bodyImage', q], messageKey: 'consultation.validation.chooseYesNo' });
  }
  return issues;
}

/** Contraindications from the template, the record's flags each with a written note, and the body-image screen. */
export function ScreeningStep({ view, editable, timeZone, onSaved, onContinue, onReload }: StepProps) {
  const { t } = useTranslation();
  const { consultation: c, template } = view;
  const { formError, setFormError } = useFormError();
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ScreeningForm>({
    defaultValues: defaults(view),
    resolver: stepResolver('consultations.saveScreening', toInput(c.id, c.version), FORM, formChecks),
  });
  const answers = useWatch({ control, name: 'contraindications' });
  const bodyImage = useWatch({ control, name: 'bodyImage' });
  const bodyImageFlagged = BODY_IMAGE_QUESTIONS.some((q) => bodyImage[q] === 'yes');
  const flags = new Set<string>(c.recordFlags);

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('consultations.saveScreening', toInput(c.id, c.version)(v));
    if (!r.ok) return setFormError(applyStepServerError(r.error, FORM, setError));
    onSaved(r.value);
    onContinue();
  });
  const yes = t('consultation.yes');
  const no = t('consultation.no');

  return (
    <StepFrame step="screening" intro={t('consultation.screening.intro')}>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <fieldset disabled={!editable} className="consult-fieldset">
          <div className="card consult-card">
            <h3 className="consult-card__title">{t('consultation.screening.contraindicationsTitle')}</h3>
            {template.contraindications.length === 0 ? <p className="muted">{t('consultation.screening.noContraindications')}</p> : null}
            <ol className="consult-list">
              {template.contraindications.map((k, i) => (
                <li key={k.id} className="consult-list__item" data-testid="contraindication">
                  <p className="consult-list__text">
                    {k.text}
                    {k.flaggedBy.some((f) => flags.has(f)) ? <span className="badge badge--warning">{t('consultation.screening.fromRecord')}</span> : null}
                  </p>
                  <ChoiceGroup
                    legend={t('consultation.screening.presentQuestion')}
                    registration={register(`contraindications.${i}.present`)}
                    error={errors.contraindications?.[i]?.present?.message}
                    options={[
                      { value: 'yes', label: t('consultation.present') },
                      { value: 'no', label: t('consultation.absent') },
                    ]}
                  />
                  {answers[i]?.present === 'yes' ? (
                    <TextArea label={t('consultation.screening.contraindicationNote')} registration={register(`contraindications.${i}.note`)} error={errors.contraindications?.[i]?.note?.message} rows={2} />
                  ) : null}
                </li>
              ))}
            </ol>
          </div>

          <div className="card consult-card">
            <h3 className="consult-card__title">{t('consultation.screening.flagsTitle')}</h3>
            {c.recordFlags.length === 0 ? (
              <p className="muted">{t('consultation.screening.noFlags')}</p>
            ) : (
              <>
                <p className="muted">{t('consultation.screening.flagsIntro')}</p>
                {c.recordFlags.map((flag, i) => (
                  <div key={flag} data-testid="flag-note" data-flag={flag}>
                    <TextArea
                      label={`${t(`consultation.screening.flags.${flag}`)} — ${t('consultation.screening.flagNote')}`}
                      registration={register(`flagNotes.${i}.note`)}
                      error={errors.flagNotes?.[i]?.note?.message}
                      rows={2}
                    />
                  </div>
                ))}
              </>
            )}
          </div>

          <div className="card consult-card">
            <h3 className="consult-card__title">{t('consultation.screening.bodyImageTitle')}</h3>
            <p className="muted">{t('consultation.screening.bodyImageIntro')}</p>
            {BODY_IMAGE_QUESTIONS.map((q) => (
              <ChoiceGroup
                key={q}
                testId={`body-image-${q}`}
                legend={t(`consultation.screening.bodyImage.${q}`)}
                registration={register(`bodyImage.${q}`)}
                error={errors.bodyImage?.[q]?.message}
                options={[
                  { value: 'yes', label: yes },
                  { value: 'no', label: no },
                ]}
              />
            ))}
            {bodyImageFlagged ? (
              <div className="notice notice--error consult-flagged" role="alert" data-testid="body-image-flagged">
                {t('consultation.screening.bodyImageFlagged')}
              </div>
            ) : null}
          </div>
        </fieldset>
        <FormError error={formError ?? rootError(errors)} timeZone={timeZone} onReload={onReload} />
        <StepActions editable={editable} busy={isSubmitting} onContinue={onContinue} />
      </form>
    </StepFrame>
  );
}
