import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { useApi } from '../../api';
import { Icon } from '../../components/Icon';
import { useNavigate, type Route } from '../../navigation';
import './home.css';

/** Quick actions on Home: register a patient, or find one to start a consultation with. */
export function QuickActions() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <section className="card home-actions" aria-labelledby="home-actions-title" data-testid="home-quick-actions">
      <h2 className="card__title" id="home-actions-title">
        {t('workday.home.quickActions')}
      </h2>
      <div className="home-actions__row">
        <button type="button" className="btn btn--primary btn--large" onClick={() => navigate({ screen: 'patients', create: true })}>
          <Icon name="userPlus" />
          {t('workday.home.newPatient')}
        </button>
        <div className="home-actions__item">
          <button type="button" className="btn btn--secondary btn--large" onClick={() => navigate({ screen: 'patients' })}>
            {t('workday.home.newConsultation')}
          </button>
          <p className="muted home-actions__hint">{t('workday.home.newConsultationHint')}</p>
        </div>
      </div>
    </section>
  );
}

const GUIDE_DISMISSED = 'consentvault.firstRunGuide.dismissed';

function dismissedFor(clinic: string): boolean {
  try {
    return window.localStorage.getItem(GUIDE_DISMISSED) === clinic;
  } catch {
    return false;
  }
}

/**
 * The first-run guide for administrators: the steps that make a new vault ready, each with its screen and,
 * where the vault can tell, whether it is done. Shown until dismissed on this computer.
 */
export function FirstRunGuide({ session }: { session: SessionInfo }) {
  if (session.staff.role !== 'admin') return null;
  return <Guide session={session} />;
}

function Guide({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dismissed, setDismissed] = useState(() => dismissedFor(session.clinicName));
  const staff = useApi('staff.list', { includeInactive: false });
  const procedures = useApi('procedures.list', {});
  if (dismissed) return null;
  const steps: { id: 'staff' | 'catalogue' | 'settings' | 'patient'; route: Route; done: boolean }[] = [
    { id: 'staff', route: { screen: 'staff' }, done: staff.state === 'ok' && staff.value.length > 1 },
    { id: 'catalogue', route: { screen: 'catalogue' }, done: procedures.state === 'ok' && procedures.value.some((p) => p.priceList.items.length > 0) },
    { id: 'settings', route: { screen: 'settings' }, done: false },
    { id: 'patient', route: { screen: 'patients', create: true }, done: false },
  ];
  const dismiss = () => {
    try {
      window.localStorage.setItem(GUIDE_DISMISSED, session.clinicName);
    } catch {
      /* storage unavailable: dismissed for this visit only */
    }
    setDismissed(true);
  };
  return (
    <section className="card home-guide" aria-labelledby="home-guide-title" data-testid="first-run-guide">
      <div className="home-guide__head">
        <h2 className="card__title" id="home-guide-title">
          {t('workday.home.guideTitle')}
        </h2>
        <button type="button" className="btn btn--link" onClick={dismiss}>
          {t('workday.home.guideDismiss')}
        </button>
      </div>
      <p className="muted">{t('workday.home.guideIntro')}</p>
      <ol className="home-guide__steps">
        {steps.map((s) => (
          <li key={s.id} className={s.done ? 'home-guide__step home-guide__step--done' : 'home-guide__step'} data-done={s.done}>
            <span className="home-guide__mark" aria-hidden="true">
              {s.done ? '✓' : '○'}
            </span>
            <span className="home-guide__text">{t(`workday.home.guideSteps.${s.id}`)}</span>
            {s.done ? <span className="badge badge--ok">{t('workday.home.guideDone')}</span> : <span />}
            <button type="button" className="btn btn--secondary btn--small" onClick={() => navigate(s.route)}>
              {t('workday.home.guideOpen')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
