import { createContext, useCallback, useContext, useEffect, useState } from 'react';

/**
 * Where the signed-in person is. Top-level screens appear in the side navigation; the others are opened from
 * a screen (a patient from the search, a consultation from the patient page) and keep their ID here.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'patients'; /** Opens the new-patient form (Home's quick action). */ create?: boolean }
  | { screen: 'patient'; patientId: string }
  | { screen: 'consultation'; consultationId: string }
  | { screen: 'signing'; consultationId: string }
  | { screen: 'treatment'; consultationId: string }
  | { screen: 'followUps' }
  | { screen: 'followUp'; visitId: string }
  | { screen: 'complaints' }
  | { screen: 'complaint'; complaintId: string }
  | { screen: 'incidents' }
  | { screen: 'catalogue' }
  | { screen: 'staff' }
  | { screen: 'settings' }
  /** Seats and devices: the clinic server, who is signed in where, pairing (administrators). */
  | { screen: 'seats' }
  | { screen: 'audit' }
  | { screen: 'evidence' }
  | { screen: 'retention' }
  | { screen: 'verify' }
  | { screen: 'backups' }
  | { screen: 'account' };

export type ScreenId = Route['screen'];

const NavigationContext = createContext<(route: Route) => void>(() => undefined);
export const NavigationProvider = NavigationContext.Provider;

/** Opens another screen, e.g. `navigate({ screen: 'patient', patientId })`. */
export function useNavigate(): (route: Route) => void {
  return useContext(NavigationContext);
}

const HISTORY_KEY = 'consentVaultRoute';
const SESSION_KEY = 'consentVaultSession';

/**
 * A route read back from a history entry written in this session; anything else (another page's state, or an
 * entry left by an earlier sign-in) is no route.
 */
export function routeFromHistoryState(state: unknown, session: string): Route | null {
  if (!state || typeof state !== 'object') return null;
  const entry = state as Record<string, unknown>;
  if (entry[SESSION_KEY] !== session) return null;
  const route = entry[HISTORY_KEY];
  return route && typeof route === 'object' && typeof (route as { screen?: unknown }).screen === 'string' ? (route as Route) : null;
}

/**
 * The current screen, kept in the browser's history: each navigation is a history entry, so Back (the
 * browser's button, a mouse's back key, Alt+←) returns to the previous screen inside the app instead of leaving
 * it, and Forward comes back. Entries belong to one sign-in (`session`): after signing in again the app starts
 * at `initial`, and Back into an earlier session's entries also lands there.
 */
export function useHistoryRoute(initial: Route, session: string): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(initial);
  useEffect(() => {
    window.history.replaceState({ [HISTORY_KEY]: initial, [SESSION_KEY]: session }, '');
    const onPop = (e: PopStateEvent) => {
      const back = routeFromHistoryState(e.state, session);
      if (!back) window.history.replaceState({ [HISTORY_KEY]: initial, [SESSION_KEY]: session }, '');
      setRoute(back ?? initial);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
    // Once per sign-in; `initial` is the fallback screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
  const navigate = useCallback(
    (next: Route) => {
      const current = routeFromHistoryState(window.history.state, session);
      if (current && JSON.stringify(current) === JSON.stringify(next)) return;
      window.history.pushState({ [HISTORY_KEY]: next, [SESSION_KEY]: session }, '');
      setRoute(next);
    },
    [session],
  );
  return [route, navigate];
}
