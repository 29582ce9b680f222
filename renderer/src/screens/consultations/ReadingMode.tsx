import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadingSection } from '../../../../shared/schemas/consultation';
import type { ApiError } from '../../../../shared/errors';
import type { ConsultationView } from '../../../../shared/schemas/consultation';
import type { Risk } from '../../../../shared/schemas/catalogue';
import { callApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import './ReadingMode.css';
import { ReadingDocument } from '../consents/ReadingDocument';
import { formatTwd, readingSeconds } from './steps';
import { Prose } from './StepFrame';

type Section = (typeof ReadingSection.options)[number];

/** The wall clock, read only in event handlers (leaving a section, exiting, ticking a risk). */
function clock(): number {
  return Date.now();
}

/** Refused without a user gesture or where full screen is not allowed: the overlay stays either way. */
function enterFullScreen(): void {
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

function leaveFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

/** Whether the page is in full screen (HTML Fullscreen API; Esc always leaves it, whatever the page does). */
function useFullScreen(): boolean {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const changed = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  return on;
}

/**
 * The staff member takes the screen back: their password, checked by the main process (session.handBack, with
 * the sign-in lockout). Cancelling or a wrong password leaves the patient reading.
 */
function HandBackDialog({ consultationId, onCancel, onDone }: { consultationId: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await callApi('session.handBack', { password, view: 'reading_mode', consultationId });
    setBusy(false);
    setPassword('');
    if (r.ok) onDone();
    else setError(r.error);
  };
  const fieldError = error?.issues?.find((i) => i.path[0] === 'password')?.messageKey;
  return (
    <Dialog title={t('safety.handBack.title')} onCancel={onCancel} testId="hand-back">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (password) void submit();
        }}
      >
        <p>{t('safety.handBack.intro')}</p>
        <Field label={t('safety.handBack.password')} error={fieldError}>
          {(p) => <input {...p} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" autoFocus data-testid="hand-back-password" />}
        </Field>
        {error && !fieldError ? <FormError error={error} /> : null}
        <div className="actions actions--end dialog__footer">
          <button type="button" className="btn btn--secondary" onClick={onCancel} disabled={busy}>
            {t('safety.handBack.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy || password.length === 0} data-testid="hand-back-submit">
            {busy ? t('safety.handBack.checking') : t('safety.handBack.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * The patient reads the explanation sheet on their own, in large type and in the sheet's language, and ticks
 * each risk (acknowledged as "patient_reading_mode", explained when the risks section was opened). The seconds
 * spent on a section are recorded when the patient leaves it. The overlay cannot be dismissed (Esc does nothing,
 * and leaving full screen leaves the overlay): only the staff member's password hands the screen back.
 */
export function ReadingMode({
  view,
  editable,
  onSaved,
  onExit,
}: {
  view: ConsultationView;
  editable: boolean;
  onSaved: (view: ConsultationView) => void;
  onExit: (latest: ConsultationView) => void;
}) {
  const { i18n, t: staffT } = useTranslation();
  const { consultation: c, template } = view;
  const fullScreen = useFullScreen();
  const [handingBack, setHandingBack] = useState(false);
  const [wasFullScreen, setWasFullScreen] = useState(false);
  // Opened by the consultant's click, which the browser still counts as a user gesture.
  useEffect(() => enterFullScreen(), []);
  if (fullScreen && !wasFullScreen) setWasFullScreen(true);
  const locale = c.locale;
  const t = i18n.getFixedT(locale);
  const sections = ReadingSection.options.filter((s) => s !== 'quote' || c.quote !== null);
  const [section, setSection] = useState<Section>('purpose');
  // The consent document itself, read in the same large type (not a section of the sheet: no reading time).
  const [showDocument, setShowDocument] = useState(false);
  const [enteredAt, setEnteredAt] = useState(clock);
  const [seconds, setSeconds] = useState<Record<string, number>>(c.readingSeconds);
  const [error, setError] = useState<ApiError | null>(null);
  const [busyRisk, setBusyRisk] = useState<string | null>(null);
  const mainRef = useRef<HTMLDivElement>(null);
  const acked = new Set(c.riskAcknowledgements.map((a) => a.riskId));

  /** Records the time spent on the section being left (nothing is recorded on a read-only consultation). */
  const leave = () => {
    const now = clock();
    const spent = readingSeconds(enteredAt, now);
    setEnteredAt(now);
    if (!editable || spent === 0) return;
    void callApi('consultations.recordReading', { consultationId: c.id, section, seconds: spent }).then((r) => {
      if (r.ok) setSeconds(r.value.readingSeconds);
      else setError(r.error);
    });
  };

  const open = (next: Section) => {
    if (showDocument) {
      setShowDocument(false);
      setEnteredAt(clock());
      setSection(next);
      mainRef.current?.scrollTo({ top: 0 });
      return;
    }
    if (next === section) return;
    leave();
    setSection(next);
    mainRef.current?.scrollTo({ top: 0 });
  };

  /** Asks for the staff member's password; only then is the screen handed back. */
  const exit = () => setHandingBack(true);
  const handedBack = () => {
    setHandingBack(false);
    leave();
    leaveFullScreen();
    onExit(view);
  };

  const tick = async (risk: Risk) => {
    setBusyRisk(risk.id);
    setError(null);
    const r = await callApi('consultations.acknowledgeRisk', {
      consultationId: c.id,
      riskId: risk.id,
      method: 'patient_reading_mode',
      explainedAt: new Date(enteredAt).toISOString(),
    });
    setBusyRisk(null);
    if (r.ok) onSaved(r.value);
    else setError(r.error);
  };

  const i = sections.indexOf(section);
  const minutes = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` : `0:${String(s).padStart(2, '0')}`);

  let body: ReactNode;
  switch (section) {
    case 'purpose':
      body = <Prose text={template.purpose} />;
      break;
    case 'how_it_is_done':
      body = <Prose text={template.howItIsDone} />;
      break;
    case 'expected_result':
      body = (
        <>
          <Prose text={template.expectedResult} />
          <h4 className="reading__subtitle">{t('consultation.reading.recoveryTimeline')}</h4>
          <Prose text={template.recoveryTimeline} />
        </>
      );
      break;
    case 'limitations':
      body = <Prose text={template.limitations} />;
      break;
    case 'risks':
      body = (
        <ol className="reading__risks">
          {template.risks.map((risk) => (
            <li key={risk.id} className={`reading-risk reading-risk--${risk.severity}`} data-testid="reading-risk" data-risk={risk.id}>
              <p className="reading-risk__meta">
                <span className={`sev sev--${risk.severity}`}>{t(`consultation.risks.severities.${risk.severity}`)}</span>
                <span className={`freq freq--${risk.frequency}`}>{t(`consultation.risks.frequencies.${risk.frequency}`)}</span>
              </p>
              <Prose text={risk.text} />
              {acked.has(risk.id) ? (
                <p className="reading-risk__done" data-testid="reading-risk-done">
                  ✓ {t('consultation.reading.ticked')}
                </p>
              ) : editable ? (
                <button type="button" className="btn btn--primary btn--large reading-risk__tick" onClick={() => void tick(risk)} disabled={busyRisk !== null}>
                  {t('consultation.reading.tick')}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      );
      break;
    case 'alternatives':
      body = (
        <ul className="reading__list">
          {template.alternatives.map((a) => (
            <li key={a.id}>{a.text}</li>
          ))}
        </ul>
      );
      break;
    case 'aftercare':
      body = <Prose text={template.aftercare} />;
      break;
    case 'pre_op':
      body = <Prose text={template.preOpInstructions} />;
      break;
    case 'quote':
      body = c.quote ? (
        <>
          <table className="table reading__quote">
            <tbody>
              {c.quote.items.map((item, k) => (
                <tr key={k}>
                  <th scope="row">{t(`consultation.quote.kinds.${item.kind}`)}</th>
                  <td>{item.description}</td>
                  <td className="money">{formatTwd(item.amountTwd)}</td>
                </tr>
              ))}
              <tr className="reading__quote-total">
                <th scope="row" colSpan={2}>
                  {t('consultation.reading.total')}
                </th>
                <td className="money">{formatTwd(c.quoteTotalTwd ?? 0)}</td>
              </tr>
            </tbody>
          </table>
          <h4 className="reading__subtitle">{t('consultation.quote.revisionPolicy')}</h4>
          <Prose text={c.quote.revisionPolicy} />
          <h4 className="reading__subtitle">{t('consultation.quote.refundPolicy')}</h4>
          <Prose text={c.quote.refundPolicy} />
        </>
      ) : (
        <p>{t('consultation.reading.noQuote')}</p>
      );
      break;
  }

  return (
    <Dialog title={template.title} dismissible={false} className="reading" testId="reading-mode">
      {!fullScreen ? (
        <div className="reading__fullscreen" data-testid="reading-not-fullscreen">
          {wasFullScreen ? <span>{staffT('safety.handBack.fullScreenLeft')}</span> : null}
          <button type="button" className="btn btn--secondary btn--small" onClick={enterFullScreen}>
            {staffT('safety.handBack.fullScreen')}
          </button>
        </div>
      ) : null}
      <div className="reading__layout" lang={locale}>
        <nav className="reading__nav" aria-label={t('consultation.reading.sectionsLabel')}>
          <ol>
            {sections.map((s) => (
              <li key={s}>
                <button type="button" className="reading__nav-item" aria-current={s === section ? 'true' : undefined} onClick={() => open(s)}>
                  <span>{t(`consultation.sections.${s}`)}</span>
                  {seconds[s] ? <span className="reading__time">{minutes(seconds[s])}</span> : null}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="reading__nav-item reading__nav-document"
            aria-current={showDocument ? 'true' : undefined}
            onClick={() => {
              if (!showDocument) leave();
              setShowDocument(true);
              mainRef.current?.scrollTo({ top: 0 });
            }}
            data-testid="reading-open-document"
          >
            <span>{t('signaturePlacement.reading.openDocument')}</span>
          </button>
          <p className="reading__note">{editable ? t('consultation.reading.timeNote') : t('consultation.reading.readOnlyNote')}</p>
        </nav>
        <div className="reading__main" ref={mainRef}>
          <h3 className="reading__title" data-testid="reading-section" data-section={section}>
            {showDocument ? t('signaturePlacement.viewer.readingTitle') : t(`consultation.sections.${section}`)}
          </h3>
          <div className="reading__body">{showDocument ? <ReadingDocument consultationId={c.id} procedureId={c.procedureId} locale={locale} quoteTotalTwd={c.quoteTotalTwd} /> : body}</div>
          <FormError error={error} />
          <div className="actions actions--between reading__pager">
            <button type="button" className="btn btn--secondary btn--large" onClick={() => open(sections[i - 1]!)} disabled={i === 0}>
              {t('consultation.reading.previous')}
            </button>
            {i < sections.length - 1 ? (
              <button type="button" className="btn btn--primary btn--large" onClick={() => open(sections[i + 1]!)}>
                {t('consultation.reading.next')}
              </button>
            ) : (
              <button type="button" className="btn btn--primary btn--large" onClick={exit}>
                {t('consultation.reading.exit')}
              </button>
            )}
          </div>
        </div>
      </div>
      <button type="button" className="btn btn--secondary reading__exit" onClick={exit} data-testid="exit-reading-mode">
        {t('consultation.reading.exit')}
      </button>
      {handingBack ? <HandBackDialog consultationId={c.id} onCancel={() => setHandingBack(false)} onDone={handedBack} /> : null}
    </Dialog>
  );
}
