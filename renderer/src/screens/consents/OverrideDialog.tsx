import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { CoolingOffOverride } from '../../../../shared/schemas/consent';
import { callApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { SigningDialogActions } from './SigningDialogActions';

/** The operating physician shortens the cooling-off period: a reason and their password (audited). */
export function OverrideDialog({
  consultationId,
  physicianId,
  physicianName,
  onDone,
  onCancel,
}: {
  consultationId: string;
  physicianId: string;
  physicianName: string;
  onDone: (o: CoolingOffOverride) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fieldError = (name: string) => error?.issues?.find((i) => i.path[0] === name)?.messageKey;

  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await callApi('consents.overrideCoolingOff', { consultationId, reason, physicianId, password });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };

  return (
    <Dialog title={t('consent.signing.override.title')} onCancel={onCancel} testId="override-dialog">
      <p className="muted">{t('consent.signing.override.intro')}</p>
      <p>
        {t('consent.signing.override.physician')}: <strong>{physicianName}</strong>
      </p>
      <Field label={t('consent.signing.override.reason')} error={fieldError('reason')}>
        {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />}
      </Field>
      <Field label={t('consent.signing.override.password', { name: physicianName })} error={fieldError('password')}>
        {(p) => <input {...p} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />}
      </Field>
      <SigningDialogActions
        error={error}
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void submit()}
        label={t('consent.signing.override.submit')}
        disabled={busy || reason.trim().length === 0 || password.length === 0}
      />
    </Dialog>
  );
}
