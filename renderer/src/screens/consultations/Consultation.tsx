import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { ConsultationView } from '../../../../shared/schemas/consultation';
import type { SessionInfo } from '../../../../shared/schemas/session';
import type { Role } from '../../../../shared/schemas/staff';
import { callApi, useApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { useLiveUpdates } from '../../live';
import { Stepper, type StepperItem } from '../../components/Stepper';
import { AlternativesStep } from './AlternativesStep';
import { ComprehensionStep } from './ComprehensionStep';
import { DiscloseStep } from './DiscloseStep';
import { GoalsStep } from './GoalsStep';
import { ConsultationHeader, GapChecklist } from './Header';
import { nextStep, resumeStep, STEPS, stepState, stepsToRevisit, topicsForStep, topicsToReexplain, type StepId } from './steps';
import { PhotosStep } from './PhotosStep';
import { QuoteStep } from './QuoteStep';
import { RisksStep } from './RisksStep';
import { ScreeningStep } from './ScreeningStep';
import { ReexplainNotice, type StepProps } from './StepFrame';
import { OpenSigningLink } from '../consents/OpenSigningLink';
import { OpenTreatmentLink } from '../treatments/OpenTreatmentLink';
import './consultations.css';

/** Those who may hold a consultation: the roles of the channels that change one. */
const CONSULTING_ROLES = api['consultations.saveGoals'].access as readonly Role[];

/**
 * The guided pre-op consultation, held by the consultant with the patient present. Every step saves through its
 * own channel, so it can be paused at any point; reopening starts at the first step with a gap. Once disclosed,
 * or for a role that may only read, every step is shown and nothing can change.
 */
export function Consultation({ session, consultationId }: { session: SessionInfo; consultationId: string }) {
  const { t } = useTranslation();
  const loaded = useApi('consultations.get', { consultationId });
  // What the main process answered after the latest save; it supersedes the first load.
  const [latest, setLatest] = useState<ConsultationView | null>(null);
  const view = latest ?? loaded.value;
  // Another seat saved this consultation: a read-only view follows at once; one being edited here only offers
  // the newer version, so what is being typed is never replaced under the user (their save meets the version check).
  const [newer, setNewer] = useState<ConsultationView | null>(null);
  const [shownGeneration, setShownGeneration] = useState(0);
  // The step the user chose; kept here so showing another seat's newer version leaves them on the step they were on.
  const [chosen, setChosen] = useState<StepId | null>(null);
  useLiveUpdates(['consultations', 'consents', 'riskFlags'], () => {
    void callApi('consultations.get', { consultationId }).then((r) => {
      if (!r.ok || !view) return;
      const was = view.consultation;
      const now = r.value.consultation;
      if (now.version === was.version && now.updatedAt === was.updatedAt && now.status === was.status) return;
      if (was.status === 'draft' && CONSULTING_ROLES.includes(session.staff.role)) setNewer(r.value);
      else setLatest(r.value);
    });
  });

  // A save or reload here that reaches the other seat's version makes the notice old news.
  const saved = (v: ConsultationView) => {
    setLatest(v);
    setNewer((n) => (n && n.consultation.version <= v.consultation.version ? null : n));
  };

  if (!view) {
    return (
      <section aria-busy={loaded.state === 'loading'}>
        <h1 className="visually-hidden">{t('consultation.title')}</h1>
        {loaded.state === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
        <FormError error={loaded.error} />
        {loaded.state === 'error' ? (
          <button type="button" className="btn btn--secondary" onClick={loaded.reload}>
            {t('common.retry')}
          </button>
        ) : null}
      </section>
    );
  }
  return (
    <>
      {newer ? (
        <div className="notice notice--warning actions actions--between" role="status" data-testid="changed-elsewhere">
          <span>{t('seats.live.changedElsewhere')}</span>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            onClick={() => {
              setChosen((s) => s ?? resumeStep(view.consultation.gaps, view.consultation.status));
              setLatest(newer);
              setNewer(null);
              setShownGeneration((g) => g + 1);
            }}
          >
            {t('seats.live.showLatest')}
          </button>
        </div>
      ) : null}
      <ConsultationScreen key={shownGeneration} session={session} view={view} onSaved={saved} chosen={chosen} onChoose={setChosen} />
    </>
  );
}

function ConsultationScreen({
  session,
  view,
  onSaved,
  chosen,
  onChoose,
}: {
  session: SessionInfo;
  view: ConsultationView;
  onSaved: (v: ConsultationView) => void;
  chosen: StepId | null;
  onChoose: (s: StepId) => void;
}) {
  const { t } = useTranslation();
  const c = view.consultation;
  const patient = useApi('patients.get', { patientId: c.patientId });
  const step = chosen ?? resumeStep(c.gaps, c.status);
  // Bumped by a reload, so the open step's form starts again from the consultation as saved now.
  const [loads, setLoads] = useState(0);
  const reload = async () => {
    const r = await callApi('consultations.get', { consultationId: c.id });
    if (!r.ok) return;
    // The record as saved now, on the step being looked at (not the first gap left by the other save).
    onChoose(step);
    onSaved(r.value);
    setLoads((n) => n + 1);
  };

  const mayConsult = CONSULTING_ROLES.includes(session.staff.role);
  const editable = c.status === 'draft' && mayConsult;

  const topics = topicsToReexplain(c, view.template.comprehensionQuestions);
  const revisit = stepsToRevisit(topics);

  const open = (s: StepId) => {
    onChoose(s);
    // The new step's heading takes the focus (and brings the top of the step into view).
    requestAnimationFrame(() => {
      document.getElementById('main')?.scrollTo({ top: 0 });
      document.getElementById(`consult-step-${s}`)?.focus({ preventScroll: true });
    });
  };

  const items: StepperItem<StepId>[] = STEPS.map((s) => {
    const state = revisit.includes(s) ? 'attention' : stepState(s, c);
    return {
      id: s,
      label: (
        <>
          {t(`consultation.steps.${s}`)}
          {state === 'optional' ? <span className="stepper__optional">{t('consultation.steps.optional')}</span> : null}
        </>
      ),
      state,
      stateLabel: state === 'done' ? t('consultation.steps.done') : state === 'optional' ? t('consultation.steps.optional') : t('consultation.steps.todo'),
    };
  });

  const props: StepProps = { view, editable, timeZone: session.timeZone, onSaved, onContinue: () => open(nextStep(step)), onOpen: open, onReload: () => void reload() };
  const here = revisit.includes(step) ? topicsForStep(step, topics) : [];
  const after = revisit[revisit.indexOf(step) + 1];

  return (
    <div className="consult" data-testid="consultation" data-step={step}>
      <ConsultationHeader view={view} patient={patient.value?.patient ?? null} physicianSpecialty={c.physicianSpecialty} timeZone={session.timeZone} />
      {c.status !== 'draft' ? (
        <p className="notice notice--info" data-testid="read-only">
          {t('consultation.readOnlyDisclosed')}
        </p>
      ) : !mayConsult ? (
        <p className="notice notice--info" data-testid="read-only">
          {t('consultation.readOnlyRole')}
        </p>
      ) : (
        <p className="muted consult__resume">{t('consultation.resumeNote')}</p>
      )}
      {c.status !== 'draft' ? <OpenSigningLink consultationId={c.id} /> : null}
      <OpenTreatmentLink consultationId={c.id} status={c.status} />
      <Stepper items={items} current={step} onSelect={open} label={t('consultation.steps.label')} testId="consultation-steps" className="consult__stepper" />
      <div className="consult__body">
        <div className="consult__main">
          {here.length > 0 ? (
            <ReexplainNotice topics={here} nextLabel={after ? t(`consultation.steps.${after}`) : null} onDone={() => open(after ?? 'comprehension')} />
          ) : null}
          <StepContent key={`${step}-${loads}`} step={step} {...props} />
        </div>
        <aside className="consult__aside">
          <GapChecklist view={view} />
        </aside>
      </div>
    </div>
  );
}

function StepContent({ step, ...props }: StepProps & { step: StepId }) {
  switch (step) {
    case 'screening':
      return <ScreeningStep {...props} />;
    case 'goals':
      return <GoalsStep {...props} />;
    case 'photos':
      return <PhotosStep {...props} />;
    case 'risks':
      return <RisksStep {...props} />;
    case 'alternatives':
      return <AlternativesStep {...props} />;
    case 'quote':
      return <QuoteStep {...props} />;
    case 'comprehension':
      return <ComprehensionStep {...props} />;
    case 'disclose':
      return <DiscloseStep {...props} />;
  }
}
