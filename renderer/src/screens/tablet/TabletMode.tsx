import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { ConsentForm, ConsentView, SignatureInk, SignatureRole } from '../../../../shared/schemas/consent';
import type { TabletAssignment } from '../../../../shared/schemas/tablet';
import { callApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import { base64ToBytes } from '../../files';
import { useLiveUpdates } from '../../live';
import { waitingFor } from '../consents/order';
import { PdfPages } from '../consents/PdfPages';
import { SignaturePadField } from '../consents/SignaturePadField';
import { SigningDialogActions } from '../consents/SigningDialogActions';
import '../consents/signing.css';
import './tablet.css';

/** How often the waiting tablet asks whether it was sent something (and shows it is switched on). */
export const ASK_EVERY_MS = 2000;
/** The thank-you screen stays this long before the neutral one. */
const DONE_SHOWN_MS = 6000;
const PATIENT_SIDE: readonly SignatureRole[] = ['patient', 'guardian', 'witness'];

type Shown = { kind: 'waiting' } | { kind: 'consent'; assignment: NonNullable<TabletAssignment> } | { kind: 'done' };

/**
 * A paired signing tablet with nobody signed in: a neutral waiting screen until a consultant sends it a consent,
 * then only that document and the patient's side of its signature boxes; no navigation and nothing else of the
 * clinic. Back to waiting when done (after a thank-you) or when the consultant takes it back.
 */
export function TabletMode() {
  const [shown, setShown] = useState<Shown>({ kind: 'waiting' });
  const finishedRef = useRef<string | null>(null);

  const ask = useCallback(async () => {
    const r = await callApi('tablet.assignment', {});
    if (!r.ok) return;
    const a = r.value;
    setShown((s) => {
      if (a) return s.kind === 'consent' && s.assignment.consentId === a.consentId ? s : { kind: 'consent', assignment: a };
      if (s.kind === 'consent') return finishedRef.current === s.assignment.consentId ? { kind: 'done' } : { kind: 'waiting' };
      return s;
    });
  }, []);

  useEffect(() => {
    void ask();
    const id = window.setInterval(() => void ask(), ASK_EVERY_MS);
    return () => window.clearInterval(id);
  }, [ask]);

  useEffect(() => {
    if (shown.kind !== 'done') return;
    const id = window.setTimeout(() => setShown((s) => (s.kind === 'done' ? { kind: 'waiting' } : s)), DONE_SHOWN_MS);
    return () => window.clearTimeout(id);
  }, [shown.kind]);

  return (
    <div className="tablet" data-testid="tablet-mode" data-shown={shown.kind}>
      {shown.kind === 'consent' ? (
        <TabletConsent
          key={shown.assignment.consentId}
          assignment={shown.assignment}
          onPatientSideDone={() => {
            finishedRef.current = shown.assignment.consentId;
            setShown({ kind: 'done' });
          }}
          onGone={ask}
        />
      ) : shown.kind === 'done' ? (
        <Neutral done />
      ) : (
        <Neutral />
      )}
    </div>
  );
}

function Neutral({ done = false }: { done?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="tablet__neutral" data-testid={done ? 'tablet-done' : 'tablet-waiting'}>
      <h1>{done ? t('tablet.doneTitle') : t('tablet.waitingTitle')}</h1>
      <p>{done ? t('tablet.doneBody') : t('tablet.waitingBody')}</p>
    </div>
  );
}

/** The one consent the tablet was sent: its issued PDF and the patient's, guardian's and witness's boxes. */
function TabletConsent({ assignment, onPatientSideDone, onGone }: { assignment: NonNullable<TabletAssignment>; onPatientSideDone: () => void; onGone: () => unknown }) {
  const { i18n } = useTranslation();
  const [consent, setConsent] = useState<ConsentView | null>(null);
  const [pdf, setPdf] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [signing, setSigning] = useState<{ form: ConsentForm; role: SignatureRole } | null>(null);
  const consentId = assignment.consentId;

  const load = useCallback(async () => {
    const r = await callApi('consents.get', { consentId });
    if (r.ok) setConsent(r.value);
    // Taken back (the tablet's session ended): ask what to show now.
    else if (r.error.code === 'unauthenticated' || r.error.code === 'forbidden') onGone();
    else setError(r.error);
  }, [consentId, onGone]);

  useEffect(() => {
    let live = true;
    void callApi('consents.get', { consentId }).then((r) => {
      if (!live) return;
      if (r.ok) setConsent(r.value);
      else onGone();
    });
    void callApi('consents.document', { consentId }).then((r) => {
      if (!live) return;
      if (r.ok) setPdf(base64ToBytes(r.value.dataBase64));
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [consentId, onGone]);
  // A box signed at the consultant's seat (a witness there) shows here too.
  useLiveUpdates(['consents'], () => void load());

  // The patient reads in the sheet's language, whatever the tablet was last set to.
  const t = i18n.getFixedT(consent?.locale ?? i18n.language);
  if (!consent) {
    return (
      <div className="tablet__neutral">
        <FormError error={error} />
        {error ? null : <p className="muted">{t('consent.signing.loading')}</p>}
      </div>
    );
  }
  const boxes = consent.required.filter((r) => PATIENT_SIDE.includes(r.role));
  const coolingOver = consent.coolingOffOver;
  return (
    <div className="tablet__consent" data-testid="tablet-consent" data-consent-id={consent.id}>
      <header className="tablet__header">
        <h1>{t('tablet.readTitle')}</h1>
        <p className="tablet__subject">
          {consent.patientName}・{consent.procedureName}
        </p>
        <p className="muted">{t('tablet.readIntro')}</p>
      </header>
      <div className="tablet__doc">{pdf ? <PdfPages bytes={pdf} testId="tablet-pdf" title={`${consent.patientName}・${consent.procedureName}`} /> : <p className="muted">{t('consent.signing.viewer.rendering')}</p>}</div>
      <section className="card tablet__boxes" aria-labelledby="tablet-boxes-title">
        <h2 id="tablet-boxes-title" className="card__title">
          {t('tablet.signaturesTitle')}
        </h2>
        <FormError error={error} />
        <ul className="tablet__box-list">
          {boxes.map((r) => {
            const sig = consent.signatures.find((s) => s.form === r.form && s.role === r.role);
            const wait = waitingFor(consent, r.form, r.role, coolingOver);
            return (
              <li key={`${r.form}-${r.role}`} className={`tablet__box ${sig ? 'tablet__box--done' : ''}`} data-testid={`tablet-sig-${r.form}-${r.role}`} data-signed={Boolean(sig)}>
                <div>
                  <strong>{t('tablet.signAs', { role: t(`consent.signing.roles.${r.role}`), form: t(`consent.signing.forms.${r.form}`) })}</strong>
                  <div className="muted">{sig ? t('tablet.signed') : wait ? t(`consent.signing.signatures.${wait}`) : r.signerName}</div>
                </div>
                {sig ? (
                  <span className="tablet__tick" aria-hidden="true">
                    ✓
                  </span>
                ) : (
                  <button type="button" className="btn btn--primary btn--large" disabled={wait !== null} onClick={() => setSigning({ form: r.form, role: r.role })}>
                    {t('tablet.sign')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {signing ? (
        <TabletSignDialog
          consent={consent}
          form={signing.form}
          role={signing.role}
          locale={consent.locale}
          onCancel={() => setSigning(null)}
          onSigned={(v) => {
            setSigning(null);
            setConsent(v);
            const left = v.required.some((r) => PATIENT_SIDE.includes(r.role) && !v.signatures.some((s) => s.form === r.form && s.role === r.role));
            if (!left) onPatientSideDone();
          }}
        />
      ) : null}
    </div>
  );
}

/** One patient-side box: the pad (and the witness's own name), signed straight onto the box (consents.sign). */
function TabletSignDialog({
  consent,
  form,
  role,
  locale,
  onCancel,
  onSigned,
}: {
  consent: ConsentView;
  form: ConsentForm;
  role: SignatureRole;
  locale: string;
  onCancel: () => void;
  onSigned: (v: ConsentView) => void;
}) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(locale);
  const [ink, setInk] = useState<SignatureInk | null>(null);
  const [witness, setWitness] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const signerName = consent.required.find((r) => r.form === form && r.role === role)?.signerName ?? '';
  const submit = async () => {
    if (!ink) return;
    setBusy(true);
    setError(null);
    const r = await callApi('consents.sign', { consentId: consent.id, form, role, documentSha256: consent.documentSha256, ink, ...(role === 'witness' ? { signerName: witness } : {}) });
    setBusy(false);
    if (r.ok) onSigned(r.value);
    else setError(r.error);
  };
  const witnessError = error?.issues?.find((i) => i.path[0] === 'signerName')?.messageKey;
  const ready = ink !== null && (role !== 'witness' || witness.trim().length > 0);
  return (
    <Dialog title={t('tablet.signAs', { role: t(`consent.signing.roles.${role}`), form: t(`consent.signing.forms.${form}`) })} onCancel={onCancel} className="dialog--wide" testId="sign-dialog">
      {role === 'witness' ? (
        <Field label={t('consent.signing.sign.signerName')} error={witnessError}>
          {(p) => <input {...p} value={witness} onChange={(e) => setWitness(e.target.value)} maxLength={64} autoComplete="off" />}
        </Field>
      ) : (
        <p className="sign__signer" data-testid="signer-name">
          {t('consent.signing.sign.signer', { name: signerName })}
        </p>
      )}
      <SignaturePadField onChange={setInk} testId="signature-pad" />
      <SigningDialogActions
        error={witnessError ? null : error}
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void submit()}
        label={busy ? t('consent.signing.sign.submitting') : t('tablet.confirm')}
        disabled={!ready || busy}
        testId="sign-submit"
      />
    </Dialog>
  );
}
