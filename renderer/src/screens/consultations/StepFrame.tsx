import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComprehensionTopic } from '../../../../shared/schemas/catalogue';
import type { ConsultationView } from '../../../../shared/schemas/consultation';
import type { StepId } from './steps';

/** What every step receives from the consultation screen. */
export interface StepProps {
  view: ConsultationView;
  /** False once disclosed, or for a role that may only read (nurses): everything shows, nothing changes. */
  editable: boolean;
  timeZone: string;
  /** The consultation as the main process answered after a save. */
  onSaved: (view: ConsultationView) => void;
  /** Opens the next step. */
  onContinue: () => void;
  /** Opens any step (the disclosure summary links to the step of each gap). */
  onOpen: (step: StepId) => void;
  /** Loads the consultation as saved now, after another seat saved it meanwhile (the step's form starts again from it). */
  onReload: () => void;
}

/** A step's frame: its heading (focus lands here when the step opens), an introduction and its content. */
export function StepFrame({ step, intro, children, aside }: { step: StepId; intro?: ReactNode; children: ReactNode; aside?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="consult-step" aria-labelledby={`consult-step-${step}`} data-testid={`step-${step}`}>
      <h2 id={`consult-step-${step}`} className="consult-step__title" tabIndex={-1}>
        {t(`consultation.steps.${step}`)}
      </h2>
      {intro ? <p className="consult-step__intro">{intro}</p> : null}
      {aside ? (
        <div className="consult-step__split">
          <div className="consult-step__main">{children}</div>
          <aside className="consult-reference">{aside}</aside>
        </div>
      ) : (
        children
      )}
    </section>
  );
}

/** Template text (several paragraphs, bullet lines) with its line breaks kept. */
export function Prose({ text, className }: { text: string; className?: string }) {
  return <div className={`prose ${className ?? ''}`}>{text}</div>;
}

/** A reference block beside a form: a heading and the template's text. */
export function Reference({ title, text }: { title: ReactNode; text: string }) {
  return (
    <div className="consult-reference__block">
      <h3 className="consult-reference__title">{title}</h3>
      <Prose text={text} />
    </div>
  );
}

/** After a wrong comprehension answer: what to explain again here, and the way back to the check. */
export function ReexplainNotice({
  topics,
  nextLabel,
  onDone,
}: {
  topics: readonly ComprehensionTopic[];
  /** The next step to revisit, or null to go back to the comprehension check. */
  nextLabel: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  if (topics.length === 0) return null;
  const names = topics.map((topic) => t(`consultation.comprehension.topics.${topic}`)).join(t('consultation.reexplain.separator'));
  return (
    <div className="notice notice--warning reexplain" role="status" data-testid="reexplain-notice">
      <p className="reexplain__title">{t('consultation.reexplain.title')}</p>
      <p>{t('consultation.reexplain.body', { topics: names })}</p>
      <button type="button" className="btn btn--primary" onClick={onDone}>
        {nextLabel ? t('consultation.reexplain.nextStep', { step: nextLabel }) : t('consultation.reexplain.back')}
      </button>
    </div>
  );
}

/** The bottom row of a step: "Save and continue" while editable, "Next" when only viewing. */
export function StepActions({ editable, busy, onContinue, submitLabel, children }: { editable: boolean; busy?: boolean; onContinue: () => void; submitLabel?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="actions actions--end consult-step__actions">
      {children}
      {editable ? (
        <button type="submit" className="btn btn--primary btn--large" disabled={busy}>
          {busy ? t('consultation.saving') : (submitLabel ?? t('consultation.saveAndContinue'))}
        </button>
      ) : (
        <button type="button" className="btn btn--primary btn--large" onClick={onContinue}>
          {t('consultation.next')}
        </button>
      )}
    </div>
  );
}
