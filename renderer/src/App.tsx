import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiResult } from '../../shared/errors';
import type { AppStatus, SessionInfo } from '../../shared/schemas/session';
import { callApi, onSessionSignal } from './api';
import { connectionMode } from './bridge';
import { isUnreachable, serverReach } from './connection';
import { errorText } from './components/FormMessage';
import { LanguageToggle } from './components/LanguageToggle';
import { ServerBanner } from './components/ServerBanner';
import type { SessionUpdate } from './idle';
import { PairThisDevice } from './screens/seats/PairThisDevice';
import { TabletMode } from './screens/tablet/TabletMode';
import { FirstPasswordChange } from './screens/session/FirstPasswordChange';
import { Recover } from './screens/session/Recover';
import { RecoveryCode } from './screens/setup/RecoveryCode';
import { SetupWizard } from './screens/setup/SetupWizard';
import { Shell } from './screens/shell/Shell';
import { SignIn, type SignInNotice } from './screens/session/SignIn';

type AppState =
  | { kind: 'loading' }
  | { kind: 'unreachable'; error: ApiError }
  | { kind: 'setup'; status: AppStatus }
  | { kind: 'recoveryCode'; recoveryCode: string; clinicName: string }
  | { kind: 'signIn'; notice: SignInNotice | null }
  | { kind: 'recover' }
  | { kind: 'app'; session: SessionInfo }
  /** A browser the clinic server does not know (never paired, or revoked): the pairing page, nothing else. */
  | { kind: 'pair'; revoked: boolean }
  /** A paired signing tablet: its waiting screen, or the one consent it was sent. */
  | { kind: 'tablet' };

function stateFromStatus(r: ApiResult<AppStatus>, notice: SignInNotice | null): AppState {
  if (!r.ok) return { kind: 'unreachable', error: r.error };
  if (r.value.setupRequired) return { kind: 'setup', status: r.value };
  if (r.value.session) return { kind: 'app', session: r.value.session };
  return { kind: 'signIn', notice };
}

/**
 * Where this window starts. A seat of the clinic server first asks as a tablet would: an unpaired or revoked
 * browser learns only that it must be paired, a tablet gets its own screen, any other seat signs in as usual.
 */
async function startingState(notice: SignInNotice | null): Promise<AppState> {
  if (connectionMode() === 'clinicServer') {
    const asked = await callApi('tablet.assignment', {});
    if (asked.ok) return { kind: 'tablet' };
    const key = asked.error.messageKey;
    if (key === 'seats.errors.notPaired' || key === 'seats.errors.deviceRevoked') return { kind: 'pair', revoked: key === 'seats.errors.deviceRevoked' };
    if (isUnreachable(asked.error)) return { kind: 'unreachable', error: asked.error };
  }
  return stateFromStatus(await callApi('app.status', {}), notice);
}

export function App() {
  const { t } = useTranslation();
  const [state, setState] = useState<AppState>({ kind: 'loading' });
  // What is shown now, for signals that must not restart what is already under way (pairing, the first load).
  const shownRef = useRef<AppState['kind']>('loading');
  useEffect(() => {
    shownRef.current = state.kind;
  }, [state.kind]);

  const loadStatus = useCallback(async (notice: SignInNotice | null = null) => {
    setState(await startingState(notice));
  }, []);

  useEffect(() => {
    let live = true;
    void startingState(null).then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, []);

  // Any session call may find the session locked or gone, or (on the clinic server) this device unpaired.
  useEffect(
    () =>
      onSessionSignal((signal) => {
        if (signal === 'locked') {
          setState((s) => (s.kind === 'app' && !s.session.locked ? { ...s, session: { ...s.session, locked: true } } : s));
        } else if (signal === 'unpaired') {
          if (shownRef.current !== 'pair' && shownRef.current !== 'loading') void startingState(null).then(setState);
        } else {
          setState((s) => (s.kind === 'app' ? { kind: 'signIn', notice: 'sessionEnded' } : s));
        }
      }),
    [],
  );

  // The server is back after a gap: a restarted server has forgotten every session, so its user signs in again;
  // otherwise the screen (and what was typed in it) simply goes on.
  useEffect(
    () =>
      serverReach.subscribe((reach) => {
        if (reach.state !== 'reachable') return;
        void callApi('app.status', {}).then((r) => {
          if (!r.ok) return;
          setState((s) => (s.kind === 'app' && !r.value.session ? { kind: 'signIn', notice: 'sessionEnded' } : s.kind === 'unreachable' ? stateFromStatus(r, null) : s));
        });
      }),
    [],
  );

  const updateSession: SessionUpdate = useCallback((update) => {
    setState((s) => (s.kind === 'app' ? { kind: 'app', session: update(s.session) } : s));
  }, []);

  // The banner sits above whatever screen is shown; the screen itself stays mounted underneath it.
  return (
    <>
      <ServerBanner />
      {screenFor()}
    </>
  );

  function screenFor() {
    switch (state.kind) {
      case 'loading':
        return (
          <div className="center-screen" aria-busy="true">
            <p className="muted">{t('common.loading')}</p>
          </div>
        );
      case 'unreachable':
        return (
          <div className="center-screen">
            <div className="card card--narrow" role="alert">
              <h1 className="card__title">{t('app.unreachableTitle')}</h1>
              <p>{errorText(state.error)}</p>
              <div className="actions">
                <button type="button" className="btn btn--primary" onClick={() => void loadStatus()}>
                  {t('common.retry')}
                </button>
                <LanguageToggle />
              </div>
            </div>
          </div>
        );
      case 'setup':
        return (
          <SetupWizard
            status={state.status}
            onCreated={(recoveryCode, clinicName) => setState({ kind: 'recoveryCode', recoveryCode, clinicName })}
            onRestored={() => void loadStatus()}
          />
        );
      case 'recoveryCode':
        return (
          <RecoveryCode
            code={state.recoveryCode}
            clinicName={state.clinicName}
            onContinue={() => void loadStatus('vaultCreated')}
          />
        );
      case 'signIn':
        return (
          <SignIn
            notice={state.notice}
            onSignedIn={(session) => setState({ kind: 'app', session })}
            onUseRecoveryCode={() => setState({ kind: 'recover' })}
          />
        );
      case 'recover':
        return (
          <Recover
            onRecovered={() => setState({ kind: 'signIn', notice: 'recovered' })}
            onBack={() => setState({ kind: 'signIn', notice: null })}
          />
        );
      case 'pair':
        return <PairThisDevice revoked={state.revoked} onPaired={(kind) => setState(kind === 'tablet' ? { kind: 'tablet' } : { kind: 'signIn', notice: null })} />;
      case 'tablet':
        return <TabletMode />;
      case 'app':
        // A password an administrator set is replaced before anything else (the main process enforces it too).
        if (state.session.passwordChangeRequired) {
          return (
            <FirstPasswordChange
              session={state.session}
              onChanged={(session) => setState({ kind: 'app', session })}
              onSignedOut={() => setState({ kind: 'signIn', notice: 'signedOut' })}
            />
          );
        }
        return (
          <Shell
            session={state.session}
            updateSession={updateSession}
            onSignedOut={() => setState({ kind: 'signIn', notice: 'signedOut' })}
          />
        );
    }
  }
}
