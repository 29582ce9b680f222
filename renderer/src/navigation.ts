import { createContext, useContext } from 'react';

/**
 * Where the signed-in person is. Top-level screens appear in the side navigation; the others are opened from
 * a screen (a patient from the search, a consultation from the patient page) and keep their ID here.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'patients' }
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
  | { screen: 'audit' }
  | { screen: 'evidence' }
  | { screen: 'verify' }
  | { screen: 'account' };

export type ScreenId = Route['screen'];

const NavigationContext = createContext<(route: Route) => void>(() => undefined);
export const NavigationProvider = NavigationContext.Provider;

/** Opens another screen, e.g. `navigate({ screen: 'patient', patientId })`. */
export function useNavigate(): (route: Route) => void {
  return useContext(NavigationContext);
}
