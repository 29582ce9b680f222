import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiResult } from '../../shared/errors';
import type { AppStatus, SessionInfo } from '../../shared/schemas/session';
import { callApi, onSessionSignal } from './api';
import { errorText } from './components/FormMessage';
import { LanguageToggle } from './components/LanguageToggle';
import type { SessionUpdate } from './idle';
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
  | { kind: 'app'; session: SessionInfo };

function stateFromStatus(r: ApiResult<AppStatus>, notice: SignInNotice | null): AppState {
  if (!r.ok) return { kind: 'unreachable', error: r.error };
  if (r.value.setupRequired) return { kind: 'setup', status: r.value };
  if (r.value.session) return { kind: 'app', session: r.value.session };
  return { kind: 'signIn', notice };
}

export function App() {
  const { t } = useTranslation();
  const [state, setState] = useState<AppState>({ kind: 'loading' });

  const loadStatus = useCallback(async (notice: SignInNotice | null = null) => {
    setState(stateFromStatus(await callApi('app.status', {}), notice));
  }, []);

  useEffect(() => {
    let live = true;
    void callApi('app.status', {}).then((r) => {
      if (live) setState(stateFromStatus(r, null));
    });
    return () => {
      live = false;
    };
  }, []);

  // Any session call may find the session locked or gone.
  useEffect(
    () =>
      onSessionSignal((signal) => {
        if (signal === 'locked') {
          setState((s) => (s.kind === 'app' && !s.session.locked ? { ...s, session: { ...s.session, locked: true } } : s));
        } else {
          setState((s) => (s.kind === 'app' ? { kind: 'signIn', notice: 'sessionEnded' } : s));
        }
      }),
    [],
  );

  const updateSession: SessionUpdate = useCallback((update) => {
    setState((s) => (s.kind === 'app' ? { kind: 'app', session: update(s.session) } : s));
  }, []);

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
