import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { ConsentView, SignatureInk } from '../../../../shared/schemas/consent';
import { callApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { SignaturePadField } from './SignaturePadField';
import { SigningDialogActions } from './SigningDialogActions';

/** Withdrawal before treatment: the reason and the patient's (or a minor's guardian's) signature. */
export function WithdrawDialog({ consent, onDone, onCancel }: { consent: ConsentView; onDone: (v: ConsentView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [signerRole, setSignerRole] = useState<'patient' | 'guardian'>('patient');
  const [ink, setInk] = useState<SignatureInk | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const minor = consent.roles.includes('guardian');

  const submit = async () => {
    if (!ink) return;
    setBusy(true);
    setError(null);
    const r = await callApi('consents.withdraw', { consentId: consent.id, reason, signerRole, ink });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };

  return (
    <Dialog title={t('consent.signing.withdraw.title')} onCancel={onCancel} className="dialog--wide" testId="withdraw-dialog">
      <p className="muted">{t('consent.signing.withdraw.intro')}</p>
      <Field label={t('consent.signing.withdraw.reason')} error={error?.issues?.find((i) => i.path[0] === 'reason')?.messageKey}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />}
      </Field>
      {minor ? (
        <Field label={t('consent.signing.withdraw.signerRole')}>
          {(p) => (
            <select {...p} value={signerRole} onChange={(e) => setSignerRole(e.target.value === 'guardian' ? 'guardian' : 'patient')}>
              <option value="patient">{t('consent.signing.roles.patient')}</option>
              <option value="guardian">{t('consent.signing.roles.guardian')}</option>
            </select>
          )}
        </Field>
      ) : null}
      <SignaturePadField onChange={setInk} testId="withdraw-pad" />
      <SigningDialogActions
        error={error}
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void submit()}
        label={t('consent.signing.withdraw.submit')}
        disabled={busy || !ink || reason.trim().length === 0}
        danger
        testId="withdraw-submit"
      />
    </Dialog>
  );
}
