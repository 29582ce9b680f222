import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import type { ComprehensionTopic } from '../../../../shared/schemas/catalogue';
import { callApi } from '../../api';
import { FormActions } from '../../components/FormActions';
import { rootError, useFormError } from '../../forms';
import { ChoiceGroup } from './Choice';
import { lastAttempt, stepsToRevisit, topicsToReexplain, type StepId } from './steps';
import { StepFrame, type StepProps } from './StepFrame';
import { useFormatTime } from '../../clinicTime';
import { applyStepServerError, stepResolver } from './stepForm';

interface ComprehensionForm {
  answers: { questionId: string; chosenIndex: string }[];
}
const FORM = { prefix: [], fields: ['answers'], arrays: ['answers'] } as const;

const everyAnswered = (v: ComprehensionForm): FieldIssue[] =>
  v.answers.flatMap((a, i) => (a.chosenIndex === '' ? [{ path: ['answers', i, 'chosenIndex'], messageKey: 'consultation.validation.chooseAnswer' }] : []));

/**
 * The template's questions, answered by the patient. Wrong answers name their topics and send the flow back to the
 * steps that explain them; after explaining again, the patient answers every question once more.
 */
export function ComprehensionStep({ view, editable, timeZone, onSaved, onContinue, onOpen }: StepProps) {
  const { t } = useTranslation();
  const format = useFormatTime(timeZone);
  const { consultation: c, template } = view;
  const questions = template.comprehensionQuestions;
  const latest = lastAttempt(c.comprehensionAnswers);
  const wrongTopics = topicsToReexplain(c, questions);
  const passed = c.comprehensionPassedAt !== null;
  const answerable = editable && !passed;

  return (
    <StepFrame step="comprehension" intro={t('consultation.comprehension.intro')}>
      {latest.attempt > 0 ? <p className="muted">{t('consultation.comprehension.attempts', { count: latest.attempt })}</p> : null}
      {passed ? (
        <p className="notice notice--success" data-testid="comprehension-passed">
          {t('consultation.comprehension.passed', { at: format(c.comprehensionPassedAt!) })}
        </p>
      ) : null}
      {wrongTopics.length > 0 ? <WrongAnswers view={view} topics={wrongTopics} onOpen={onOpen} /> : null}
      {answerable ? (
        <AnswerForm key={latest.attempt} view={view} onSaved={onSaved} onPassed={onContinue} />
      ) : latest.attempt > 0 ? (
        <AttemptReview view={view} />
      ) : (
        <p className="muted">{t('consultation.comprehension.notAnswered')}</p>
      )}
      {!answerable ? (
        <div className="actions actions--end consult-step__actions">
          <button type="button" className="btn btn--primary btn--large" onClick={onContinue}>
            {t('consultation.next')}
          </button>
        </div>
      ) : null}
    </StepFrame>
  );
}

function WrongAnswers({ view, topics, onOpen }: { view: StepProps['view']; topics: ComprehensionTopic[]; onOpen: (step: StepId) => void }) {
  const { t } = useTranslation();
  const { consultation: c, template } = view;
  const wrong = lastAttempt(c.comprehensionAnswers).answers.filter((a) => !a.correct);
  const byId = new Map(template.comprehensionQuestions.map((q) => [q.id, q]));
  const steps = stepsToRevisit(topics);
  return (
    <div className="notice notice--error comprehension-wrong" role="alert" data-testid="comprehension-wrong">
      <p className="reexplain__title">{t('consultation.comprehension.failedTitle', { count: wrong.length })}</p>
      <ul>
        {wrong.map((a) => {
          const q = byId.get(a.questionId);
          return q ? (
            <li key={a.questionId} data-topic={q.topic}>
              {t('consultation.comprehension.wrongItem', { question: q.question, topic: t(`consultation.comprehension.topics.${q.topic}`) })}
            </li>
          ) : null;
        })}
      </ul>
      <div className="actions">
        {steps.map((s, i) => (
          <button key={s} type="button" className={i === 0 ? 'btn btn--primary' : 'btn btn--secondary'} onClick={() => onOpen(s)} data-testid="reexplain-go">
            {t('consultation.comprehension.goBack', { step: t(`consultation.steps.${s}`) })}
          </button>
        ))}
      </div>
    </div>
  );
}

function AnswerForm({ view, onSaved, onPassed }: { view: StepProps['view']; onSaved: StepProps['onSaved']; onPassed: () => void }) {
  const { t } = useTranslation();
  const { consultation: c, template } = view;
  const { formError, setFormError } = useFormError();
  const toInput = (v: ComprehensionForm) => ({
    consultationId: c.id,
    answers: v.answers.map((a) => ({ questionId: a.questionId, chosenIndex: a.chosenIndex === '' ? Number.NaN : Number(a.chosenIndex) })),
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ComprehensionForm>({
    defaultValues: { answers: template.comprehensionQuestions.map((q) => ({ questionId: q.id, chosenIndex: '' })) },
    resolver: stepResolver('consultations.answerComprehension', toInput, FORM, everyAnswered),
  });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('consultations.answerComprehension', toInput(v));
    if (!r.ok) return setFormError(applyStepServerError(r.error, FORM, setError));
    const { result: _result, ...next } = r.value;
    onSaved(next);
    if (r.value.result.passed) onPassed();
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form" data-testid="comprehension-form">
      {template.comprehensionQuestions.map((q, i) => (
        <div key={q.id} className="card consult-card question" data-testid="question" data-question={q.id}>
          <ChoiceGroup
            legend={
              <>
                <span className="question__num">{t('consultation.comprehension.question', { n: i + 1 })}</span>
                {q.question}
              </>
            }
            layout="column"
            registration={register(`answers.${i}.chosenIndex`)}
            error={errors.answers?.[i]?.chosenIndex?.message}
            options={q.options.map((o, k) => ({ value: String(k), label: o }))}
          />
        </div>
      ))}
      <FormActions
        error={formError ?? rootError(errors)}
        className="actions actions--end consult-step__actions"
        submitLabel={isSubmitting ? t('consultation.saving') : t('consultation.comprehension.submit')}
        submitClassName="btn btn--primary btn--large"
        submitDisabled={isSubmitting}
      />
    </form>
  );
}

/** The latest attempt as answered: the patient's choice marked right or wrong (read-only, or once passed). */
function AttemptReview({ view }: { view: StepProps['view'] }) {
  const { t } = useTranslation();
  const { consultation: c, template } = view;
  const latest = lastAttempt(c.comprehensionAnswers);
  const chosen = new Map(latest.answers.map((a) => [a.questionId, a]));
  return (
    <div data-testid="comprehension-review">
      <h3 className="consult-card__title">{t('consultation.comprehension.lastAttempt', { attempt: latest.attempt })}</h3>
      {template.comprehensionQuestions.map((q, i) => {
        const a = chosen.get(q.id);
        return (
          <div key={q.id} className="card consult-card question">
            <p className="question__text">
              <span className="question__num">{t('consultation.comprehension.question', { n: i + 1 })}</span>
              {q.question}
            </p>
            <ol className="question__options">
              {q.options.map((o, k) => (
                <li key={k} className={a?.chosenIndex === k ? (a.correct ? 'question__option--right' : 'question__option--wrong') : ''}>
                  {o}
                  {a?.chosenIndex === k ? (
                    <span className={a.correct ? 'badge badge--ok' : 'badge badge--danger'}>
                      {t('consultation.comprehension.chosen', { result: a.correct ? t('consultation.comprehension.correct') : t('consultation.comprehension.wrong') })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </div>
  );
}
