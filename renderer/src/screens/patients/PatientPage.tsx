import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { PatientDetail } from '../../../../shared/schemas/patient';
import type { SessionInfo } from '../../../../shared/schemas/session';
import type { Role } from '../../../../shared/schemas/staff';
import { useApi } from '../../api';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { tabId, tabPanelId, Tabs } from '../../components/Tabs';
import { useNavigate } from '../../navigation';
import { timeZoneLabel } from '../../timezones';
import { formatCalendarDate } from '../../clinicTime';
import { CommunicationsPanel } from '../communications/CommunicationsPanel';
import { ConsultationList } from './ConsultationList';
import { PatientForm } from './PatientForm';
import { PatientRecord } from './PatientRecord';
import { RevisionHistory } from './RevisionHistory';
import { RiskFlags } from './RiskFlags';
import { PatientFlagsBanner } from './ConsultationFlags';
import { AuditSearch } from '../audit/AuditSearch';
import { scrollContentToTop } from './scroll';
import { StartConsultationDialog } from './StartConsultationDialog';
import { Timeline } from './Timeline';
import { DestroyedPatient, PatientRetention } from '../retention/PatientRetention';
import './patients.css';

type Tab = 'consultations' | 'communications' | 'record' | 'timeline' | 'history' | 'access';
const TAB_PREFIX = 'patient';

/** Consultations are started by the staff who hold them with the patient (the channel's own access list). */
function canStartConsultation(role: Role): boolean {
  return (api['consultations.start'].access as readonly Role[]).includes(role);
}

function mayReadAudit(role: Role): boolean {
  return (api['audit.search'].access as readonly Role[]).includes(role);
}

/** One patient: identity and risk flags, then consultations, communications, the record, its timeline and edit history. */
export function PatientPage({ session, patientId }: { session: SessionInfo; patientId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useApi('patients.get', { patientId });
  const comms = useApi('communications.list', { patientId });
  // Opened from a scrolled list: start at the patient's name.
  useEffect(() => scrollContentToTop(), [patientId]);

  return (
    <section aria-labelledby="patient-title" className="patient">
      <button type="button" className="btn btn--link back" onClick={() => navigate({ screen: 'patients' })}>
        <Icon name="arrowLeft" size={16} />
        {t('patients.page.back')}
      </button>
      {detail.state === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
      {detail.error?.messageKey === 'retention.errors.patientDestroyed' ? (
        <DestroyedPatient session={session} patientId={patientId} />
      ) : (
        <FormError error={detail.error} />
      )}
      {detail.state === 'ok' ? (
        <PatientView
          key={detail.value.patient.id}
          detail={detail.value}
          session={session}
          comms={comms}
          reload={() => {
            detail.reload();
            comms.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function PatientView({
  detail,
  session,
  comms,
  reload,
}: {
  detail: PatientDetail;
  session: SessionInfo;
  comms: ReturnType<typeof useApi<'communications.list'>>;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [tab, setTab] = useState<Tab>('consultations');
  const [editing, setEditing] = useState(false);
  const [starting, setStarting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const p = detail.patient;
  const tz = session.timeZone;
  const cities = t('timeZones', { returnObjects: true }) as unknown as Record<string, string>;
  const zoneLabel = timeZoneLabel(tz, i18n.language, cities[tz.replace('/', '_')]);
  const openConsultation = (consultationId: string) => navigate({ screen: 'consultation', consultationId });

  const tabs = [
    { id: 'consultations' as const, label: t('patients.page.tabs.consultations'), count: detail.consultations.length },
    { id: 'communications' as const, label: t('patients.page.tabs.communications'), count: comms.value?.length },
    { id: 'record' as const, label: t('patients.page.tabs.record') },
    { id: 'timeline' as const, label: t('patients.page.tabs.timeline') },
    { id: 'history' as const, label: t('patients.page.tabs.history'), count: detail.revisions.length },
    // "Who accessed this record": the audit trail is the administrator's (audit.search's own access list).
    ...(mayReadAudit(session.staff.role) ? [{ id: 'access' as const, label: t('safety.audit.tab') }] : []),
  ];

  return (
    <>
      <header className="phead card" data-testid="patient-header">
        <div className="phead__main">
          <div className="phead__names">
            <h1 id="patient-title">{p.nameZh}</h1>
            {p.nameEn ? <span className="phead__en">{p.nameEn}</span> : null}
            {p.isMinor ? <span className="badge badge--minor">{t('patients.flags.minor')}</span> : null}
          </div>
          <p className="phead__meta">
            <span>
              {t('patients.page.chartNo')} <strong className="mono">{p.chartNo}</strong>
            </span>
            <span>{t(`patients.sex.${p.sex}`)}</span>
            <span>{t('patients.ageValue', { count: p.age })}</span>
            <span>{t('patients.page.born', { date: formatCalendarDate(p.birthDate, i18n.language) })}</span>
            <span>{p.phone}</span>
          </p>
          <RiskFlags patient={{ ...p, isMinor: false }} />
          <PatientFlagsBanner patientId={p.id} timeZone={tz} />
        </div>
        <div className="phead__actions">
          {canStartConsultation(session.staff.role) ? (
            <button type="button" className="btn btn--primary" onClick={() => setStarting(true)}>
              <Icon name="clipboard" />
              {t('patients.consultations.start')}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn--secondary"
            disabled={editing}
            onClick={() => {
              setMessage(null);
              setTab('record');
              setEditing(true);
            }}
          >
            <Icon name="pencil" />
            {t('patients.page.edit')}
          </button>
        </div>
      </header>
      <FormSuccess>{message}</FormSuccess>
      <Tabs tabs={tabs} current={tab} onChange={setTab} idPrefix={TAB_PREFIX} label={p.nameZh} />
      <div role="tabpanel" id={tabPanelId(TAB_PREFIX, tab)} aria-labelledby={tabId(TAB_PREFIX, tab)} className="tabpanel">
        {tab === 'consultations' ? <ConsultationList consultations={detail.consultations} timeZone={tz} onOpen={openConsultation} /> : null}
        {tab === 'communications' ? (
          <CommunicationsPanel detail={detail} entries={comms.value} error={comms.error} timeZone={tz} zoneLabel={zoneLabel} onChanged={reload} />
        ) : null}
        {tab === 'record' ? (
          editing ? (
            <div className="card">
              <PatientForm
                key={p.version}
                patient={p}
                timeZone={tz}
                onCancel={() => setEditing(false)}
                onReloadLatest={reload}
                onSaved={(saved) => {
                  scrollContentToTop();
                  setEditing(false);
                  setMessage(t('patients.page.saved', { version: saved.version }));
                  reload();
                }}
              />
            </div>
          ) : (
            <>
              <PatientRecord patient={p} timeZone={tz} />
              <PatientRetention session={session} patientId={p.id} />
            </>
          )
        ) : null}
        {tab === 'timeline' ? (
          <Timeline
            detail={detail}
            communications={comms.value ?? []}
            timeZone={tz}
            onOpenConsultation={openConsultation}
            onOpenCommunications={() => setTab('communications')}
          />
        ) : null}
        {tab === 'history' ? <RevisionHistory revisions={detail.revisions} timeZone={tz} /> : null}
        {tab === 'access' ? <AuditSearch session={session} patient={{ id: p.id, name: p.nameZh, chartNo: p.chartNo }} /> : null}
      </div>
      {starting ? <StartConsultationDialog patient={p} onCancel={() => setStarting(false)} onStarted={openConsultation} /> : null}
    </>
  );
}
