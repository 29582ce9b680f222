import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/schemas/staff';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi } from '../../api';
import { LanguageToggle } from '../../components/LanguageToggle';
import { LockOverlay } from '../../components/LockOverlay';
import { useIdleLock, type SessionUpdate } from '../../idle';
import { NavigationProvider, useHistoryRoute } from '../../navigation';
import { formatDateTime } from '../../clinicTime';
import { Account } from '../session/Account';
import { ComplaintDetail } from '../complaints/ComplaintDetail';
import { Complaints } from '../complaints/Complaints';
import { FollowUps } from '../follow-ups/FollowUps';
import { FollowUpVisit } from '../follow-ups/FollowUpVisit';
import { Incidents } from '../incidents/Incidents';
import { Treatment } from '../treatments/Treatment';
import { AuditTrail } from '../audit/AuditTrail';
import { Backups } from '../backups/Backups';
import { Catalogue } from '../catalogue/Catalogue';
import { Consultation } from '../consultations/Consultation';
import { EvidenceExport } from '../evidence/EvidenceExport';
import { EvidenceVerify } from '../evidence/EvidenceVerify';
import { Retention } from '../retention/Retention';
import { Home } from '../home/Home';
import { PatientPage } from '../patients/PatientPage';
import { Patients } from '../patients/Patients';
import { Seats } from '../seats/Seats';
import { Settings } from '../settings/Settings';
import { Signing } from '../consents/Signing';
import { Staff } from '../staff/Staff';

/** What each role can open from the side navigation. Only screens that exist are listed: no placeholders. */
const NAV: { id: 'home' | 'patients' | 'followUps' | 'complaints' | 'incidents' | 'catalogue' | 'staff' | 'settings' | 'seats' | 'audit' | 'evidence' | 'retention' | 'verify' | 'backups' | 'account'; roles: readonly Role[] | 'all' }[] = [
  { id: 'home', roles: 'all' },
  { id: 'patients', roles: 'all' },
  { id: 'followUps', roles: 'all' },
  { id: 'complaints', roles: 'all' },
  { id: 'incidents', roles: 'all' },
  { id: 'catalogue', roles: ['admin'] },
  { id: 'staff', roles: ['admin'] },
  { id: 'settings', roles: ['admin'] },
  { id: 'seats', roles: ['admin'] },
  { id: 'audit', roles: ['admin'] },
  { id: 'evidence', roles: ['admin'] },
  { id: 'retention', roles: ['admin'] },
  { id: 'verify', roles: 'all' },
  { id: 'backups', roles: ['admin'] },
  { id: 'account', roles: 'all' },
];

export function Shell({
  session,
  updateSession,
  onSignedOut,
}: {
  session: SessionInfo;
  updateSession: SessionUpdate;
  onSignedOut: () => void;
}) {
  const { t, i18n } = useTranslation();
  // Kept in the browser's history, so Back goes to the previous screen instead of leaving the app.
  const [route, setRoute] = useHistoryRoute({ screen: 'home' }, `${session.staff.id}@${session.signedInAt}`);
  const [busy, setBusy] = useState(false);
  useIdleLock(session, updateSession);

  const items = NAV.filter((n) => n.roles === 'all' || n.roles.includes(session.staff.role));
  // Screens opened from another screen (a patient, a consultation) highlight the navigation entry they belong to.
  const section =
    route.screen === 'patient' || route.screen === 'consultation' || route.screen === 'signing' || route.screen === 'treatment'
      ? 'patients'
      : route.screen === 'followUp'
        ? 'followUps'
        : route.screen === 'complaint'
          ? 'complaints'
          : route.screen;
  const current = items.some((i) => i.id === section) ? section : 'home';

  const lock = async () => {
    setBusy(true);
    const r = await callApi('session.lock', { reason: 'manual' });
    setBusy(false);
    updateSession((s) => (r.ok ? r.value : { ...s, locked: true }));
  };

  const signOut = async () => {
    setBusy(true);
    await callApi('session.signOut', {});
    setBusy(false);
    onSignedOut();
  };

  let content: ReactNode;
  switch (route.screen) {
    case 'home':
      content = <Home session={session} />;
      break;
    case 'patients':
      content = <Patients key={route.create ? 'new' : 'list'} session={session} startAdding={route.create === true} />;
      break;
    case 'patient':
      content = <PatientPage key={route.patientId} session={session} patientId={route.patientId} />;
      break;
    case 'catalogue':
      content = <Catalogue session={session} />;
      break;
    case 'consultation':
      content = <Consultation key={route.consultationId} session={session} consultationId={route.consultationId} />;
      break;
    case 'signing':
      content = <Signing key={route.consultationId} session={session} consultationId={route.consultationId} />;
      break;
    case 'treatment':
      content = <Treatment key={route.consultationId} session={session} consultationId={route.consultationId} />;
      break;
    case 'followUps':
      content = <FollowUps session={session} />;
      break;
    case 'followUp':
      content = <FollowUpVisit key={route.visitId} session={session} visitId={route.visitId} />;
      break;
    case 'complaints':
      content = <Complaints session={session} />;
      break;
    case 'complaint':
      content = <ComplaintDetail key={route.complaintId} session={session} complaintId={route.complaintId} />;
      break;
    case 'incidents':
      content = <Incidents session={session} />;
      break;
    case 'staff':
      content = <Staff session={session} />;
      break;
    case 'settings':
      content = <Settings updateSession={updateSession} />;
      break;
    case 'seats':
      content = <Seats session={session} />;
      break;
    case 'audit':
      content = <AuditTrail session={session} />;
      break;
    case 'evidence':
      content = <EvidenceExport />;
      break;
    case 'retention':
      content = <Retention session={session} />;
      break;
    case 'verify':
      content = <EvidenceVerify />;
      break;
    case 'backups':
      content = <Backups session={session} />;
      break;
    case 'account':
      content = <Account session={session} />;
      break;
  }

  return (
    <div className="shell">
      <header className="topbar">
        <div className="topbar__clinic">
          <span className="topbar__brand">{t('app.name')}</span>
          <span className="topbar__clinic-name" data-testid="clinic-name">
            {session.clinicName}
          </span>
        </div>
        <div className="topbar__user" data-testid="signed-in-user">
          <span className="topbar__user-name">{session.staff.name}</span>
          <span className="badge">{t(`roles.${session.staff.role}`)}</span>
        </div>
        <div className="topbar__actions">
          <LanguageToggle />
          <button type="button" className="btn btn--secondary" onClick={() => void lock()} disabled={busy}>
            {t('shell.lock')}
          </button>
          <button type="button" className="btn btn--secondary" onClick={() => void signOut()} disabled={busy}>
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <div className="shell__body">
        <nav className="sidenav" aria-label={t('shell.navLabel')}>
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="sidenav__item"
                  aria-current={item.id === current ? 'page' : undefined}
                  onClick={() => setRoute({ screen: item.id })}
                >
                  {item.id === 'seats' ? t('seats.nav') : t(`nav.${item.id}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="content" id="main">
          {session.chainAlert ? (
            <div className="notice notice--error" role="alert" data-testid="chain-alert">
              {t(`chainAlert.${session.chainAlert.state === 'ok' ? 'invalid' : session.chainAlert.state}`, {
                checkpointSeq: session.chainAlert.checkpointSeq ?? '?',
                headSeq: session.chainAlert.headSeq,
                at: session.chainAlert.checkpointAt ? formatDateTime(session.chainAlert.checkpointAt, session.timeZone, i18n.language) : '?',
              })}
            </div>
          ) : null}
          <NavigationProvider value={setRoute}>{content}</NavigationProvider>
        </main>
      </div>
      {session.locked ? (
        <LockOverlay
          session={session}
          onUnlocked={(info) => updateSession(() => info)}
          onSignedOut={onSignedOut}
        />
      ) : null}
    </div>
  );
}
