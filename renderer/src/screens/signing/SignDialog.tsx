import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { ConsentForm, ConsentView, SignatureInk, SignatureRole } from '../../../../shared/schemas/consent';
import { callApi, useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import { SignaturePadField } from './SignaturePadField';

/**
 * One signature: a large pad for the signer, the document hash it binds to, and for the physician the
 * completeness checklist (which blocks on a gap) and their password entered again.
 */
export function SignDialog({
  consent,
  form,
  role,
  signerName,
  onSigned,
  onCancel,
}: {
  consent: ConsentView;
  form: ConsentForm;
  role: SignatureRole;
  signerName: string;
  onSigned: (view: ConsentView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [ink, setInk] = useState<SignatureInk | null>(null);
  const [witness, setWitness] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const isPhysician = role === 'physician';
  const formName = t(`consent.signing.forms.${form}`);
  const title = isPhysician ? t('consent.signing.physician.title', { form: formName }) : t('consent.signing.signatures.signAs', { role: t(`consent.signing.roles.${role}`), form: formName });
  const fieldError = (name: string) => error?.issues?.find((i) => i.path[0] === name)?.messageKey;

  const submit = async () => {
    if (!ink) return;
    setBusy(true);
    setError(null);
    const r = await callApi('consents.sign', {
      consentId: consent.id,
      form,
      role,
      documentSha256: consent.documentSha256,
      ink,
      ...(role === 'witness' ? { signerName: witness } : {}),
      ...(isPhysician ? { physicianId: consent.physicianId, password } : {}),
    });
    setBusy(false);
    if (r.ok) onSigned(r.value);
    else setError(r.error);
  };

  const ready = ink !== null && (role !== 'witness' || witness.trim().length > 0) && (!isPhysician || password.length > 0);
  return (
    <Dialog title={title} onCancel={onCancel} className="dialog--wide" testId="sign-dialog">
      {isPhysician ? <PhysicianChecklist consentId={consent.id} /> : null}
      {role === 'witness' ? (
        <Field label={t('consent.signing.sign.signerName')} error={fieldError('signerName')}>
          {(p) => <input {...p} value={witness} onChange={(e) => setWitness(e.target.value)} maxLength={64} autoComplete="off" />}
        </Field>
      ) : (
        <p className="sign__signer" data-testid="signer-name">
          {t('consent.signing.sign.signer', { name: signerName })}
        </p>
      )}
      <SignaturePadField onChange={setInk} testId="signature-pad" compact={isPhysician} />
      <p className="muted sign__hash">{t('consent.signing.sign.documentNote', { sha: consent.documentSha256 })}</p>
      {isPhysician ? (
        <Field label={t('consent.signing.physician.password', { name: consent.physicianName })} error={fieldError('password')}>
          {(p) => <input {...p} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />}
        </Field>
      ) : null}
      {/* A problem with one field is shown beside it; anything else above the buttons. */}
      {error && !error.issues?.some((i) => i.path[0] === 'password' || i.path[0] === 'signerName') ? <FormError error={error} /> : null}
      <div className="actions actions--end dialog__footer">
        <button type="button" className="btn btn--secondary" onClick={onCancel} disabled={busy}>
          {t('consent.signing.sign.cancel')}
        </button>
        <button type="button" className="btn btn--primary" onClick={() => void submit()} disabled={!ready || busy} data-testid="sign-submit">
          {busy ? t('consent.signing.sign.submitting') : isPhysician ? t('consent.signing.physician.submit') : t('consent.signing.sign.submit')}
        </button>
      </div>
    </Dialog>
  );
}

/** The completeness checklist the physician sees before countersigning (the main process enforces it too). */
function PhysicianChecklist({ consentId }: { consentId: string }) {
  const { t } = useTranslation();
  const list = useApi('consents.checklist', { consentId });
  if (!list.value) return <p className="muted">{t('consent.signing.loading')}</p>;
  return (
    <section className="checklist" data-testid="physician-checklist" data-ready={list.value.ready}>
      <h3 className="checklist__title">{t('consent.signing.physician.checklistTitle')}</h3>
      <p className="muted">{t('consent.signing.physician.checklistIntro')}</p>
      <ul className="checklist__items">
        {list.value.items.map((item) => (
          <li key={item.id} className={`checklist__item checklist__item--${!item.required ? 'na' : item.ok ? 'ok' : 'missing'}`} data-testid={`check-${item.id}`}>
            <span className="checklist__mark" aria-hidden="true">
              {!item.required ? '–' : item.ok ? '✓' : '✗'}
            </span>
            <span>{t(`consent.checklist.${item.id}`)}</span>
            <span className="checklist__state">
              {!item.required ? t('consent.signing.physician.notRequired') : item.ok ? t('consent.signing.physician.ok') : t('consent.signing.physician.missing')}
            </span>
          </li>
        ))}
      </ul>
      {!list.value.ready ? <p className="notice notice--error">{t('consent.signing.physician.blocked')}</p> : null}
    </section>
  );
}
