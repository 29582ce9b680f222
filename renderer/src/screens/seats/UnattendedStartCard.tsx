import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { UnattendedKeyCreated } from '../../../../shared/schemas/unattended-key';
import { callApi, useApi } from '../../api';
import { connectionMode } from '../../bridge';
import { formatDateTime } from '../../clinicTime';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { SeatsCard } from './SeatsCard';

/**
 * Unattended start of the headless clinic server (issue 14): whether a key file is in force, and, on the computer
 * that keeps the vault only, making one (with the warning read and ticked) or revoking it.
 */
export function UnattendedStartCard({ timeZone }: { timeZone: string }) {
  const { t, i18n } = useTranslation();
  const status = useApi('seats.unattendedKeyStatus', {});
  const [keyFile, setKeyFile] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<UnattendedKeyCreated | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  // The key file is a path on this computer: another seat only sees whether unattended start is on.
  const here = connectionMode() !== 'clinicServer';
  const s = status.value ?? null;

  const create = async () => {
    setBusy(true);
    setError(null);
    setRevoked(false);
    const r = await callApi('seats.createUnattendedKey', { keyFile: keyFile.trim(), acknowledged: true });
    setBusy(false);
    if (r.ok) {
      setCreated(r.value);
      setKeyFile('');
      setAcknowledged(false);
      status.reload();
    } else setError(r.error);
  };
  const fieldError = error?.issues?.find((i) => i.path[0] === 'keyFile')?.messageKey;

  return (
    <SeatsCard
      name="unattended"
      testId="unattended-start"
      title={t('unattended.title')}
      aside={
        s ? (
          <span className={`badge ${s.active ? 'badge--waiting' : 'badge--muted'}`} data-testid="unattended-state" data-active={s.active}>
            {s.active ? t('unattended.badgeOn') : t('unattended.badgeOff')}
          </span>
        ) : null
      }
    >
      <p className="muted">{t('unattended.intro')}</p>
      {s ? (
        <p data-testid="unattended-status">
          {s.active ? t('unattended.active', { name: s.createdByName ?? '?', time: s.createdAt ? formatDateTime(s.createdAt, timeZone, i18n.language) : '' }) : t('unattended.none')}
        </p>
      ) : null}
      <FormError error={status.error} />
      <div className="notice notice--warning seats__unattended-warning" data-testid="unattended-warning">
        <strong>{t('unattended.warningTitle')}</strong>
        <ul>
          <li>{t('unattended.warning')}</li>
          <li>{t('unattended.keepLocal')}</li>
          <li>{t('unattended.revokeWhen')}</li>
          <li>{t('unattended.attribution')}</li>
        </ul>
      </div>
      {s?.active && s.creatorActive === false ? <p className="notice notice--error">{t('unattended.creatorGone')}</p> : null}
      {created ? (
        <div className="notice notice--success" role="status" data-testid="unattended-created">
          <p>{t('unattended.created', { path: created.keyFile })}</p>
          <p className="mono small seats__unattended-command">{t('unattended.startWith', { path: created.keyFile })}</p>
        </div>
      ) : null}
      {revoked ? <FormSuccess>{t('unattended.revoked')}</FormSuccess> : null}
      {!here ? (
        <p className="muted">{t('unattended.onlyOnServer')}</p>
      ) : (
        <form
          className="seats__unattended-form"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <Field label={t('unattended.keyFile')} hint={s?.active ? `${t('unattended.keyFileHint')} ${t('unattended.replaceNote')}` : t('unattended.keyFileHint')} error={fieldError}>
            {(p) => <input {...p} className="mono" value={keyFile} onChange={(e) => setKeyFile(e.target.value)} maxLength={1024} autoComplete="off" spellCheck={false} placeholder="/etc/consentvault/unattended.key" />}
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} data-testid="unattended-acknowledge" />
            <span>{t('unattended.acknowledge')}</span>
          </label>
          <FormError error={fieldError ? null : error} />
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={busy || !acknowledged || keyFile.trim() === ''} data-testid="create-unattended-key">
              {busy ? t('unattended.creating') : s?.active ? t('unattended.replace') : t('unattended.create')}
            </button>
            {s?.active ? (
              <button type="button" className="btn btn--danger-outline" onClick={() => setConfirmRevoke(true)} disabled={busy} data-testid="revoke-unattended-key">
                {t('unattended.revoke')}
              </button>
            ) : null}
          </div>
        </form>
      )}
      {confirmRevoke ? (
        <ConfirmDialog
          title={t('unattended.revoke')}
          testId="revoke-unattended-confirm"
          confirmLabel={t('unattended.revoke')}
          danger
          action={() => callApi('seats.revokeUnattendedKey', {})}
          onCancel={() => setConfirmRevoke(false)}
          onDone={() => {
            setConfirmRevoke(false);
            setCreated(null);
            setRevoked(true);
            status.reload();
          }}
        >
          <p>{t('unattended.revokeConfirm')}</p>
        </ConfirmDialog>
      ) : null}
    </SeatsCard>
  );
}
