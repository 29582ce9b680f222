import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { ConsentForm, ConsentView, SignatureInk, SignatureRole } from '../../../../shared/schemas/consent';
import { IdentityDocumentKind, type AdoptedSignature } from '../../../../shared/schemas/signature-adoption';
import { callApi, useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { SignaturePadField } from './SignaturePadField';
import { SigningDialogActions } from './SigningDialogActions';

/** What the signing screen keeps of a signer's adopted signature: its id, when it stops applying, its picture. */
export interface Adoption {
  value: AdoptedSignature;
  pngBase64: string;
}

/**
 * A signer's signature, drawn once: a large pad, the document hash it binds to; for the guardian the identity
 * document they show; for the physician the completeness checklist (which blocks on a gap) and their password
 * entered again. Submitting adopts the signature for this session and applies it to this one box; the signer's
 * other boxes are then each one tap on the signing screen.
 */
export function SignDialog({
  consent,
  form,
  role,
  signerName,
  asThemselves = false,
  onAdopted,
  onSigned,
  onCancel,
}: {
  consent: ConsentView;
  form: ConsentForm;
  role: SignatureRole;
  signerName: string;
  /**
   * The operating physician signed in as themselves (at their own seat): no password again. Anyone else signing
   * for the physician (at the consultant's seat) still types the physician's password.
   */
  asThemselves?: boolean;
  onAdopted: (adoption: Adoption) => void;
  onSigned: (view: ConsentView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [ink, setInk] = useState<SignatureInk | null>(null);
  const [witness, setWitness] = useState('');
  const [password, setPassword] = useState('');
  const [idKind, setIdKind] = useState<IdentityDocumentKind>('national_id');
  const [idNumber, setIdNumber] = useState('');
  const [adopted, setAdopted] = useState<AdoptedSignature | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const isPhysician = role === 'physician';
  const needsPassword = isPhysician && !asThemselves;
  const isGuardian = role === 'guardian';
  const formName = t(`consent.signing.forms.${form}`);
  const title = isPhysician ? t('consent.signing.physician.title', { form: formName }) : t('consent.signing.signatures.signAs', { role: t(`consent.signing.roles.${role}`), form: formName });
  const fieldError = (name: string, sub?: string) => error?.issues?.find((i) => i.path[0] === name && (sub === undefined || i.path[1] === sub))?.messageKey;
  const identityError = fieldError('identityDocument', 'number') ?? fieldError('identityDocument');

  const submit = async () => {
    if (!ink) return;
    setBusy(true);
    setError(null);
    // The physician signed in as themselves signs the box directly: the adoption path still asks for the
    // password (electron/services/consents adoptSignature checks it even then), the direct signature does not.
    if (asThemselves && isPhysician) {
      const signed = await callApi('consents.sign', { consentId: consent.id, form, role, documentSha256: consent.documentSha256, ink });
      setBusy(false);
      if (signed.ok) onSigned(signed.value);
      else setError(signed.error);
      return;
    }
    // Adopted once; if applying it fails (a rule not yet met), the next tap applies the same adoption.
    let adoption = adopted;
    if (!adoption) {
      const r = await callApi('consents.adoptSignature', {
        consentId: consent.id,
        role,
        documentSha256: consent.documentSha256,
        ink,
        ...(role === 'witness' ? { signerName: witness } : {}),
        ...(needsPassword ? { physicianId: consent.physicianId, password } : {}),
        ...(isGuardian ? { identityDocument: { kind: idKind, number: idNumber } } : {}),
      });
      if (!r.ok) {
        setBusy(false);
        return setError(r.error);
      }
      adoption = r.value;
      setAdopted(adoption);
      onAdopted({ value: adoption, pngBase64: ink.pngBase64 });
    }
    const applied = await callApi('consents.applySignature', { consentId: consent.id, form, role, documentSha256: consent.documentSha256, adoptionId: adoption.id });
    setBusy(false);
    if (applied.ok) onSigned(applied.value);
    else setError(applied.error);
  };

  const ready = ink !== null && (role !== 'witness' || witness.trim().length > 0) && (!needsPassword || password.length > 0) && (!isGuardian || idNumber.trim().length > 0);
  const shownBeside = ['password', 'signerName', 'identityDocument'];
  return (
    <Dialog title={title} onCancel={onCancel} className="dialog--wide" testId="sign-dialog">
      {isPhysician ? <PhysicianChecklist consentId={consent.id} /> : null}
      {role === 'witness' ? (
        <Field label={t('consent.signing.sign.signerName')} error={fieldError('signerName')}>
          {(p) => <input {...p} value={witness} onChange={(e) => setWitness(e.target.value)} maxLength={64} autoComplete="off" disabled={adopted !== null} />}
        </Field>
      ) : (
        <p className="sign__signer" data-testid="signer-name">
          {t('consent.signing.sign.signer', { name: signerName })}
        </p>
      )}
      {isGuardian ? (
        <div className="sign__identity" data-testid="guardian-identity">
          <Field label={t('signaturePlacement.identity.kind')}>
            {(p) => (
              <select {...p} value={idKind} onChange={(e) => setIdKind(e.target.value as IdentityDocumentKind)} disabled={adopted !== null}>
                {IdentityDocumentKind.options.map((k) => (
                  <option key={k} value={k}>
                    {t(`signaturePlacement.identity.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('signaturePlacement.identity.number')} hint={t('signaturePlacement.identity.hint')} error={identityError}>
            {(p) => <input {...p} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} maxLength={40} autoComplete="off" spellCheck={false} disabled={adopted !== null} />}
          </Field>
        </div>
      ) : null}
      <p className="muted">{t('signaturePlacement.adopt.intro')}</p>
      <SignaturePadField onChange={setInk} testId="signature-pad" compact={isPhysician} />
      <p className="muted sign__hash">{t('consent.signing.sign.documentNote', { sha: consent.documentSha256 })}</p>
      {needsPassword ? (
        <Field label={t('consent.signing.physician.password', { name: consent.physicianName })} error={fieldError('password')}>
          {(p) => <input {...p} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" disabled={adopted !== null} />}
        </Field>
      ) : null}
      {/* A problem with one field is shown beside it; anything else above the buttons. */}
      <SigningDialogActions
        error={error && !error.issues?.some((i) => shownBeside.includes(String(i.path[0]))) ? error : null}
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void submit()}
        label={busy ? t('consent.signing.sign.submitting') : t(isPhysician ? 'signaturePlacement.adopt.physicianSubmit' : 'signaturePlacement.adopt.submit', { form: formName })}
        disabled={!ready || busy}
        testId="sign-submit"
      />
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
