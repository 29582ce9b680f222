import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { DeviceKind, type ClinicServerStatus, type PairedDevice, type PairingCodeIssued, type SeatSession } from '../../../../shared/schemas/seats';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi, useApi } from '../../api';
import { connectionMode } from '../../bridge';
import { formatDateTime } from '../../clinicTime';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { RecordTable } from '../../components/RecordTable';
import { useLiveUpdates } from '../../live';
import { CertificateHowTo, Fingerprint } from './Fingerprint';
import { PairingCodeCard } from './PairingCodeCard';
import { SeatsCard } from './SeatsCard';
import { UnattendedStartCard } from './UnattendedStartCard';
import './seats.css';

/**
 * Settings › Seats and devices (administrators): the clinic server run from this computer ("Share this vault
 * with other seats"), who is signed in where, the paired devices, and a one-time code for pairing one more.
 */
export function Seats({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const sessions = useApi('seats.sessions', {});
  const devices = useApi('seats.devices', {});
  // Someone signs in or out at another seat, a device is paired: the lists follow.
  useLiveUpdates(['seats', 'session'], () => {
    sessions.reload();
    devices.reload();
  });
  return (
    <section aria-labelledby="seats-title" className="seats" data-testid="seats">
      <h1 id="seats-title">{t('seats.title')}</h1>
      <p className="lead">{t('seats.intro')}</p>
      <ServerCard />
      <SessionsCard sessions={sessions.value ?? null} error={sessions.error} timeZone={session.timeZone} reload={sessions.reload} />
      <DevicesCard devices={devices.value ?? null} error={devices.error} timeZone={session.timeZone} reload={devices.reload} />
      <PairDeviceCard timeZone={session.timeZone} onCreated={devices.reload} />
      <UnattendedStartCard timeZone={session.timeZone} />
    </section>
  );
}

/** The clinic server: start and stop it here (only on the computer that keeps the vault), its addresses and certificate. */
function ServerCard() {
  const { t } = useTranslation();
  const loaded = useApi('seats.serverStatus', {});
  const [latest, setLatest] = useState<ClinicServerStatus | null>(null);
  const [port, setPort] = useState('');
  const [busy, setBusy] = useState<'start' | 'stop' | null>(null);
  const [confirmStop, setConfirmStop] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const status = latest ?? loaded.value ?? null;
  // Another seat reaches this screen over the server itself: it cannot start or stop the server it uses.
  const here = connectionMode() !== 'clinicServer';
  const portNumber = port.trim() === '' ? undefined : Number(port);
  const portValid = portNumber === undefined || (Number.isInteger(portNumber) && portNumber >= 1024 && portNumber <= 65535);

  const start = async () => {
    setBusy('start');
    setError(null);
    const r = await callApi('seats.startSharing', portNumber === undefined ? {} : { port: portNumber });
    setBusy(null);
    if (r.ok) setLatest(r.value);
    else setError(r.error);
  };

  return (
    <SeatsCard
      name="server"
      testId="seats-server"
      title={t('seats.server.sharing')}
      aside={
        status ? (
          <span className={`badge ${status.running ? 'badge--ok' : 'badge--muted'}`} data-testid="server-state" data-running={status.running}>
            {status.running ? t('seats.server.running') : t('seats.server.stopped')}
          </span>
        ) : null
      }
    >
      <p className="muted">{t('seats.server.sharingHint')}</p>
      <FormError error={loaded.error} />
      {status?.headless ? <p className="notice">{t('seats.server.headless')}</p> : null}
      {status?.running ? (
        <dl className="seats__server">
          <div>
            <dt>{t('seats.server.addresses')}</dt>
            <dd>
              <ul className="seats__addresses" data-testid="server-addresses">
                {status.addresses.map((a) => (
                  <li key={a} className="mono seats__big">
                    {a}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>{t('seats.server.fingerprint')}</dt>
            <dd>{status.certificateSha256 ? <Fingerprint sha256={status.certificateSha256} hint={t('seats.server.fingerprintHint')} /> : <p className="muted">{t('seats.server.plainLoopback')}</p>}</dd>
          </div>
        </dl>
      ) : null}
      {!here ? (
        <p className="muted">{t('seats.server.onlyOnServer')}</p>
      ) : status && !status.headless ? (
        <div className="actions seats__server-actions">
          {status.running ? (
            <button type="button" className="btn btn--danger-outline" onClick={() => setConfirmStop(true)} disabled={busy !== null} data-testid="stop-sharing">
              {busy === 'stop' ? t('seats.server.stopping') : t('seats.server.stop')}
            </button>
          ) : (
            <>
              <Field label={t('seats.server.port')} hint={t('seats.server.portHint')} error={portValid ? undefined : 'validation.invalidFormat'} className="seats__port">
                {(p) => <input {...p} inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} maxLength={5} placeholder="8443" autoComplete="off" />}
              </Field>
              <button type="button" className="btn btn--primary" onClick={() => void start()} disabled={busy !== null || !portValid} data-testid="start-sharing">
                {busy === 'start' ? t('seats.server.starting') : t('seats.server.start')}
              </button>
            </>
          )}
        </div>
      ) : null}
      <FormError error={error} />
      {status?.running && status.certificateSha256 ? <CertificateHowTo /> : null}
      {confirmStop ? (
        <ConfirmDialog
          title={t('seats.server.stop')}
          testId="stop-sharing-confirm"
          confirmLabel={t('seats.server.stop')}
          danger
          action={() => callApi('seats.stopSharing', {})}
          onCancel={() => setConfirmStop(false)}
          onDone={(s) => {
            setConfirmStop(false);
            setLatest(s);
          }}
        >
          <p>{t('seats.server.stopConfirm')}</p>
        </ConfirmDialog>
      ) : null}
    </SeatsCard>
  );
}

function SessionsCard({ sessions, error, timeZone, reload }: { sessions: SeatSession[] | null; error: ApiError | undefined; timeZone: string; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const [ending, setEnding] = useState<SeatSession | null>(null);
  const [ended, setEnded] = useState(false);
  const at = (iso: string) => formatDateTime(iso, timeZone, i18n.language);
  return (
    <SeatsCard
      name="sessions"
      testId="seat-sessions"
      title={t('seats.sessions.title')}
      aside={
        <button type="button" className="btn btn--secondary btn--small" onClick={reload}>
          {t('seats.sessions.refresh')}
        </button>
      }
    >
      <FormError error={error} />
      {ended ? <FormSuccess>{t('seats.sessions.ended')}</FormSuccess> : null}
      {sessions ? (
        <RecordTable
          className="table table--dense"
          rows={sessions}
          rowKey={(s) => s.handle}
          rowTestId="seat-session"
          empty={<p className="muted">{t('seats.sessions.none')}</p>}
          columns={[
            {
              id: 'staff',
              header: t('seats.sessions.staffName'),
              cell: (s) => (
                <>
                  {s.staffName} {s.yours ? <span className="muted">{t('seats.sessions.yours')}</span> : null}
                  {s.locked ? <span className="badge badge--muted seats__locked">{t('seats.sessions.locked')}</span> : null}
                </>
              ),
            },
            { id: 'role', header: t('seats.sessions.role'), cell: (s) => t(`roles.${s.role}`) },
            { id: 'seat', header: t('seats.sessions.seatName'), cell: (s) => s.seatName },
            { id: 'signedIn', header: t('seats.sessions.signedInAt'), cell: (s) => <time dateTime={s.signedInAt}>{at(s.signedInAt)}</time> },
            { id: 'lastActivity', header: t('seats.sessions.lastActivity'), cell: (s) => <time dateTime={s.lastActivity}>{at(s.lastActivity)}</time> },
          ]}
          actions={{
            label: t('seats.sessions.end'),
            cell: (s) =>
              s.yours ? null : (
                <button type="button" className="btn btn--danger-outline btn--small" onClick={() => setEnding(s)}>
                  {t('seats.sessions.end')}
                </button>
              ),
          }}
        />
      ) : null}
      {ending ? (
        <ConfirmDialog
          title={t('seats.sessions.endTitle')}
          testId="end-session-confirm"
          confirmLabel={t('seats.sessions.end')}
          danger
          action={() => callApi('seats.endSession', { handle: ending.handle })}
          onCancel={() => setEnding(null)}
          onDone={() => {
            setEnding(null);
            setEnded(true);
            reload();
          }}
        >
          <p>{t('seats.sessions.endConfirm', { name: ending.staffName, seat: ending.seatName })}</p>
        </ConfirmDialog>
      ) : null}
    </SeatsCard>
  );
}

function DevicesCard({ devices, error, timeZone, reload }: { devices: PairedDevice[] | null; error: ApiError | undefined; timeZone: string; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const [renaming, setRenaming] = useState<PairedDevice | null>(null);
  const [revoking, setRevoking] = useState<PairedDevice | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const at = (iso: string) => formatDateTime(iso, timeZone, i18n.language);
  return (
    <SeatsCard name="devices" testId="paired-devices" title={t('seats.devices.title')}>
      <FormError error={error} />
      <FormSuccess>{done}</FormSuccess>
      {devices ? (
        <RecordTable
          className="table table--dense"
          rows={devices}
          rowKey={(d) => d.id}
          rowTestId="paired-device"
          rowClassName={(d) => (d.revokedAt ? 'row--inactive' : undefined)}
          empty={<p className="muted">{t('seats.devices.none')}</p>}
          columns={[
            { id: 'name', header: t('seats.devices.name'), cell: (d) => d.name },
            { id: 'kind', header: t('seats.devices.kind'), cell: (d) => t(`seats.devices.kinds.${d.kind}`) },
            {
              id: 'paired',
              header: t('seats.devices.pairedAt'),
              cell: (d) => (
                <>
                  <time dateTime={d.pairedAt}>{at(d.pairedAt)}</time>
                  <div className="muted">{t('seats.devices.pairedBy')}: {d.pairedByName}</div>
                </>
              ),
            },
            {
              id: 'lastSeen',
              header: t('seats.devices.lastSeenAt'),
              cell: (d) => (d.lastSeenAt ? <time dateTime={d.lastSeenAt}>{at(d.lastSeenAt)}</time> : <span className="muted">{t('seats.devices.never')}</span>),
            },
            {
              id: 'status',
              header: t('seats.devices.status'),
              cell: (d) =>
                d.revokedAt ? (
                  <span className="badge badge--muted" title={`${t('seats.devices.revokedAt')}: ${at(d.revokedAt)}`}>
                    {t('seats.devices.revoked')}
                  </span>
                ) : (
                  <span className="badge badge--ok">{t('seats.devices.active')}</span>
                ),
            },
          ]}
          actions={{
            label: t('seats.devices.rename'),
            cell: (d) =>
              d.revokedAt ? null : (
                <>
                  <button type="button" className="btn btn--secondary btn--small" onClick={() => setRenaming(d)}>
                    {t('seats.devices.rename')}
                  </button>
                  <button type="button" className="btn btn--danger-outline btn--small" onClick={() => setRevoking(d)}>
                    {t('seats.devices.revoke')}
                  </button>
                </>
              ),
          }}
        />
      ) : null}
      {renaming ? (
        <RenameDialog
          device={renaming}
          onCancel={() => setRenaming(null)}
          onDone={(d) => {
            setRenaming(null);
            setDone(t('seats.devices.renamed', { name: d.name }));
            reload();
          }}
        />
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={t('seats.devices.revokeTitle')}
          testId="revoke-device-confirm"
          confirmLabel={t('seats.devices.revoke')}
          danger
          action={() => callApi('seats.revokeDevice', { deviceId: revoking.id })}
          onCancel={() => setRevoking(null)}
          onDone={(d) => {
            setRevoking(null);
            setDone(t('seats.devices.revokedDone', { name: d.name }));
            reload();
          }}
        >
          <p>{t('seats.devices.revokeConfirm', { name: revoking.name })}</p>
        </ConfirmDialog>
      ) : null}
    </SeatsCard>
  );
}

function RenameDialog({ device, onCancel, onDone }: { device: PairedDevice; onCancel: () => void; onDone: (d: PairedDevice) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(device.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    const r = await callApi('seats.renameDevice', { deviceId: device.id, name });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };
  const nameError = error?.issues?.find((i) => i.path[0] === 'name')?.messageKey;
  return (
    <Dialog title={t('seats.devices.renameTitle')} onCancel={onCancel} testId="rename-device">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label={t('seats.devices.name')} error={nameError}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoFocus autoComplete="off" />}
        </Field>
        <FormActions error={nameError ? null : error} onCancel={onCancel} submitLabel={t('seats.devices.save')} submitDisabled={busy || name.trim() === ''} />
      </form>
    </Dialog>
  );
}

/** Pair a device: its name and kind, then the one-time code, big, with the time it has left. */
function PairDeviceCard({ timeZone, onCreated }: { timeZone: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DeviceKind>('tablet');
  const [issued, setIssued] = useState<PairingCodeIssued | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const create = async () => {
    setBusy(true);
    setError(null);
    const r = await callApi('seats.createPairingCode', { deviceName: name, kind });
    setBusy(false);
    if (r.ok) {
      setIssued(r.value);
      setName('');
      onCreated();
    } else setError(r.error);
  };
  const nameError = error?.issues?.find((i) => i.path[0] === 'deviceName')?.messageKey;
  return (
    <SeatsCard name="pair" testId="pair-device" title={t('seats.pairing.title')}>
      {issued ? (
        <PairingCodeCard issued={issued} timeZone={timeZone} onDone={() => setIssued(null)} />
      ) : (
        <form
          className="seats__pair-form"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <p className="muted">{t('seats.pairing.intro')}</p>
          <div className="seats__pair-fields">
            <Field label={t('seats.pairing.deviceName')} error={nameError}>
              {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoComplete="off" />}
            </Field>
            <Field label={t('seats.pairing.deviceKind')}>
              {(p) => (
                <select {...p} value={kind} onChange={(e) => setKind(e.target.value as DeviceKind)}>
                  {DeviceKind.options.map((k) => (
                    <option key={k} value={k}>
                      {t(`seats.devices.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <FormActions error={nameError ? null : error} className="actions" submitLabel={t('seats.pairing.create')} submitDisabled={busy || name.trim() === ''} submitTestId="create-pairing-code" />
        </form>
      )}
    </SeatsCard>
  );
}
