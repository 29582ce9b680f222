import type { ReactNode } from 'react';
import { useFieldArray, type Control, type FieldErrors, type UseFormGetValues, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ComprehensionTopic, RiskFrequency, RiskSeverity, type Contraindication } from '../../../../shared/schemas/catalogue';
import { RiskMedication } from '../../../../shared/schemas/patient';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { translateKey } from '../../i18n';
import { errorAt } from '../patients/nestedForm';
import { blankQuestion, MAX_OPTIONS, MAX_QUESTIONS, MIN_OPTIONS, MIN_QUESTIONS, newItemId, NO_TREATMENT, type TemplateFormValues } from './templateForm';

interface ListProps {
  control: Control<TemplateFormValues>;
  register: UseFormRegister<TemplateFormValues>;
  errors: FieldErrors<TemplateFormValues>;
}

/** Facts in a patient's record that can flag a contraindication during screening. */
const FLAG_OPTIONS: readonly Contraindication['flaggedBy'][number][] = [...RiskMedication.options, 'pregnancy', 'breastfeeding', 'smoking', 'keloid', 'minor'];

/** A message about a whole list (too few items, duplicate or missing "no treatment"). */
function ListError({ errors, name }: { errors: FieldErrors<TemplateFormValues>; name: string }) {
  const key = errorAt(errors, name);
  return key ? (
    <p className="field__error" role="alert">
      {translateKey(key)}
    </p>
  ) : null;
}

/** The head of one item in a list: its number, its code, and move/remove buttons. */
function ItemHead({
  title,
  itemId,
  index,
  count,
  min,
  onMove,
  onRemove,
  extra,
}: {
  title: string;
  itemId: string;
  index: number;
  count: number;
  min: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="item__head">
      <span className="item__title">{title}</span>
      <span className="item__code mono">{t('catalogue.content.itemId', { id: itemId })}</span>
      {extra}
      <span className="item__buttons">
        <button type="button" className="btn btn--ghost btn--icon" aria-label={`${title} ${t('catalogue.content.moveUp')}`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
          ↑
        </button>
        <button type="button" className="btn btn--ghost btn--icon" aria-label={`${title} ${t('catalogue.content.moveDown')}`} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
          ↓
        </button>
        <button type="button" className="btn btn--danger-outline btn--small" disabled={count <= min} onClick={onRemove}>
          {t('catalogue.content.remove')}
        </button>
      </span>
    </div>
  );
}

export function RisksEditor({ control, register, errors }: ListProps) {
  const { t } = useTranslation();
  const list = useFieldArray({ control, name: 'risks' });
  return (
    <fieldset className="editor__list">
      <legend className="editor__legend">{t('catalogue.content.risks')}</legend>
      <ListError errors={errors} name="risks" />
      <ol className="items">
        {list.fields.map((f, i) => {
          const title = t('catalogue.content.itemNumber', { n: i + 1 });
          return (
            <li key={f.id} className="item" data-testid="risk-item">
              <ItemHead title={title} itemId={f.itemId} index={i} count={list.fields.length} min={1} onMove={list.move} onRemove={() => list.remove(i)} />
              <div className="item__grid item__grid--risk">
                <Field label={t('catalogue.content.riskText')} error={errorAt(errors, `risks.${i}.text`) ?? errorAt(errors, `risks.${i}`)}>
                  {(p) => <textarea {...p} rows={2} {...register(`risks.${i}.text`)} />}
                </Field>
                <Field label={t('catalogue.content.frequency')} error={errorAt(errors, `risks.${i}.frequency`)}>
                  {(p) => (
                    <select {...p} {...register(`risks.${i}.frequency`)}>
                      {RiskFrequency.options.map((o) => (
                        <option key={o} value={o}>
                          {t(`catalogue.frequencies.${o}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('catalogue.content.severity')} error={errorAt(errors, `risks.${i}.severity`)}>
                  {(p) => (
                    <select {...p} {...register(`risks.${i}.severity`)}>
                      {RiskSeverity.options.map((o) => (
                        <option key={o} value={o}>
                          {t(`catalogue.severities.${o}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn--secondary btn--small" disabled={list.fields.length >= 40} onClick={() => list.append({ itemId: newItemId('risk'), text: '', frequency: 'uncommon', severity: 'mild' })}>
        <Icon name="plus" size={16} />
        {t('catalogue.content.addRisk')}
      </button>
    </fieldset>
  );
}

export function AlternativesEditor({ control, register, errors }: ListProps) {
  const { t } = useTranslation();
  const list = useFieldArray({ control, name: 'alternatives' });
  const hasNoTreatment = list.fields.some((f) => f.itemId === NO_TREATMENT);
  return (
    <fieldset className="editor__list">
      <legend className="editor__legend">{t('catalogue.content.alternatives')}</legend>
      <ListError errors={errors} name="alternatives" />
      <ol className="items">
        {list.fields.map((f, i) => {
          const required = f.itemId === NO_TREATMENT;
          const title = required ? t('catalogue.content.noTreatment') : t('catalogue.content.itemNumber', { n: i + 1 });
          return (
            <li key={f.id} className={`item ${required ? 'item--required' : ''}`}>
              <ItemHead
                title={title}
                itemId={f.itemId}
                index={i}
                count={list.fields.length}
                min={required ? Number.POSITIVE_INFINITY : 1}
                onMove={list.move}
                onRemove={() => list.remove(i)}
              />
              <Field label={t('catalogue.content.alternativeText')} error={errorAt(errors, `alternatives.${i}.text`) ?? errorAt(errors, `alternatives.${i}`)}>
                {(p) => <textarea {...p} rows={2} {...register(`alternatives.${i}.text`)} />}
              </Field>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button type="button" className="btn btn--secondary btn--small" disabled={list.fields.length >= 10} onClick={() => list.append({ itemId: newItemId('alt'), text: '' })}>
          <Icon name="plus" size={16} />
          {t('catalogue.content.addAlternative')}
        </button>
        {!hasNoTreatment ? (
          <button type="button" className="btn btn--secondary btn--small" onClick={() => list.prepend({ itemId: NO_TREATMENT, text: '' })}>
            {t('catalogue.content.addNoTreatment')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

export function ContraindicationsEditor({ control, register, errors }: ListProps) {
  const { t } = useTranslation();
  const list = useFieldArray({ control, name: 'contraindications' });
  return (
    <fieldset className="editor__list">
      <legend className="editor__legend">{t('catalogue.content.contraindications')}</legend>
      <ListError errors={errors} name="contraindications" />
      <ol className="items">
        {list.fields.map((f, i) => {
          const title = t('catalogue.content.itemNumber', { n: i + 1 });
          return (
            <li key={f.id} className="item">
              <ItemHead title={title} itemId={f.itemId} index={i} count={list.fields.length} min={0} onMove={list.move} onRemove={() => list.remove(i)} />
              <Field label={t('catalogue.content.contraindicationText')} error={errorAt(errors, `contraindications.${i}.text`) ?? errorAt(errors, `contraindications.${i}`)}>
                {(p) => <textarea {...p} rows={2} {...register(`contraindications.${i}.text`)} />}
              </Field>
              <fieldset className="flag-checks">
                <legend className="field__label">{t('catalogue.content.flaggedBy')}</legend>
                {FLAG_OPTIONS.map((flag) => (
                  <label key={flag} className="chip-check">
                    <input type="checkbox" value={flag} {...register(`contraindications.${i}.flaggedBy`)} />
                    <span>{t(`catalogue.flagOptions.${flag}`)}</span>
                  </label>
                ))}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn--secondary btn--small" disabled={list.fields.length >= 30} onClick={() => list.append({ itemId: newItemId('ci'), text: '', flaggedBy: [] })}>
        <Icon name="plus" size={16} />
        {t('catalogue.content.addContraindication')}
      </button>
    </fieldset>
  );
}

interface QuestionProps extends ListProps {
  setValue: UseFormSetValue<TemplateFormValues>;
  getValues: UseFormGetValues<TemplateFormValues>;
}

export function QuestionsEditor({ control, register, errors, setValue, getValues }: QuestionProps) {
  const { t } = useTranslation();
  const list = useFieldArray({ control, name: 'comprehensionQuestions' });
  return (
    <fieldset className="editor__list">
      <legend className="editor__legend">{t('catalogue.content.questions')}</legend>
      <p className="field__hint">{t('catalogue.content.questionsHint')}</p>
      <ListError errors={errors} name="comprehensionQuestions" />
      <ol className="items">
        {list.fields.map((f, i) => (
          <li key={f.id} className="item" data-testid="question-item">
            <ItemHead
              title={t('catalogue.content.questionNumber', { n: i + 1 })}
              itemId={f.itemId}
              index={i}
              count={list.fields.length}
              min={MIN_QUESTIONS}
              onMove={list.move}
              onRemove={() => list.remove(i)}
            />
            <QuestionFields index={i} control={control} register={register} errors={errors} setValue={setValue} getValues={getValues} />
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn--secondary btn--small" disabled={list.fields.length >= MAX_QUESTIONS} onClick={() => list.append(blankQuestion())}>
        <Icon name="plus" size={16} />
        {t('catalogue.content.addQuestion')}
      </button>
    </fieldset>
  );
}

function QuestionFields({ index: i, control, register, errors, setValue, getValues }: QuestionProps & { index: number }) {
  const { t } = useTranslation();
  const options = useFieldArray({ control, name: `comprehensionQuestions.${i}.options` });
  const correctError = errorAt(errors, `comprehensionQuestions.${i}.correctIndex`);
  // The right answer is an index: it follows its option when an earlier one is removed.
  const removeOption = (j: number) => {
    const correct = Number(getValues(`comprehensionQuestions.${i}.correctIndex`));
    options.remove(j);
    if (correct > j) setValue(`comprehensionQuestions.${i}.correctIndex`, String(correct - 1));
    else if (correct === j) setValue(`comprehensionQuestions.${i}.correctIndex`, '0');
  };
  return (
    <>
      <div className="item__grid item__grid--question">
        <Field label={t('catalogue.content.question')} error={errorAt(errors, `comprehensionQuestions.${i}.question`) ?? errorAt(errors, `comprehensionQuestions.${i}`)}>
          {(p) => <input {...p} autoComplete="off" {...register(`comprehensionQuestions.${i}.question`)} />}
        </Field>
        <Field label={t('catalogue.content.topic')} error={errorAt(errors, `comprehensionQuestions.${i}.topic`)}>
          {(p) => (
            <select {...p} {...register(`comprehensionQuestions.${i}.topic`)}>
              {ComprehensionTopic.options.map((o) => (
                <option key={o} value={o}>
                  {t(`catalogue.topics.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="options">
        <legend className="field__label">
          {t('catalogue.content.options')} <span className="field__hint">{t('catalogue.content.correctHint')}</span>
        </legend>
        <ListError errors={errors} name={`comprehensionQuestions.${i}.options`} />
        {options.fields.map((o, j) => {
          const label = t('catalogue.content.option', { n: j + 1 });
          const error = errorAt(errors, `comprehensionQuestions.${i}.options.${j}.text`);
          return (
            <div key={o.id} className={`option ${error ? 'field--invalid' : ''}`}>
              <input
                type="radio"
                className="option__correct"
                value={String(j)}
                aria-label={`${label} ${t('catalogue.content.correct')}`}
                {...register(`comprehensionQuestions.${i}.correctIndex`)}
              />
              <input className="option__text" aria-label={label} aria-invalid={Boolean(error)} autoComplete="off" {...register(`comprehensionQuestions.${i}.options.${j}.text`)} />
              <button type="button" className="btn btn--ghost btn--small" disabled={options.fields.length <= MIN_OPTIONS} onClick={() => removeOption(j)}>
                {t('catalogue.content.remove')}
              </button>
              {error ? (
                <p className="field__error option__error" role="alert">
                  {translateKey(error)}
                </p>
              ) : null}
            </div>
          );
        })}
        {correctError ? (
          <p className="field__error" role="alert">
            {translateKey(correctError)}
          </p>
        ) : null}
        <button type="button" className="btn btn--ghost btn--small" disabled={options.fields.length >= MAX_OPTIONS} onClick={() => options.append({ text: '' })}>
          <Icon name="plus" size={16} />
          {t('catalogue.content.addOption')}
        </button>
      </fieldset>
    </>
  );
}
