import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { ConsentForm, ConsentView, SignatureRole } from '../../../../shared/schemas/consent';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi, useApi } from '../../api';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { useNavigate } from '../../navigation';
import { FinalActions } from './FinalActions';
import { OverrideDialog } from './OverrideDialog';
import { base64ToBytes } from '../../files';
import { PdfPages } from './PdfPages';
import { SignDialog, type Adoption } from './SignDialog';
import './signing.css';
import { formatInZone } from '../../clinicTime';
import { waitingFor } from './order';
import { WithdrawDialog } from './WithdrawDialog';
import { FlagAssessmentCard } from '../patients/ConsultationFlags';
import { useLiveUpdates } from '../../live';
import { SendToTablet } from './SendToTablet';

const MAY_SIGN = ['consultant', 'physician', 'admin'];

/** An adoption the main process still accepts (it checks again): a minute's margin before it lapses. */
function usableAdoption(a: Adoption | undefined): Adoption | null {
  return a && Date.parse(a.value.usableUntil) - Date.now() > 60_000 ? a : null;
}

/**
 * The signing screen: the consent PDF itself (pdf.js, page by page) beside the signatures each form needs,
 * in the order the main process enforces; the physician's checklist and password; the cooling-off override;
 * the final PDF once fully signed; withdrawal.
 */
export function Signing({ session, consultationId }: { session: SessionInfo; consultationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const consultation = useApi('consultations.get', { consultationId });
  const loaded = useApi('consents.forConsultation', { consultationId });
  // What the main process answered after the latest action; it supersedes the first load.
  const [latest, setConsent] = useState<ConsentView | null>(null);
  const consent = latest ?? (loaded.state === 'ok' ? loaded.value : null);
  const [openedAt] = useState(() => Date.now());
  const [bytes, setBytes] = useState<{ sha: string; data: Uint8Array } | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'sign'; form: ConsentForm; role: SignatureRole } | { kind: 'override' } | { kind: 'withdraw' } | null>(null);
  // Each signer's signature adopted in this session (kept in memory only): their other boxes are one tap each.
  const [adoptions, setAdoptions] = useState<Partial<Record<SignatureRole, Adoption>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // What just happened, kept as data so it follows a language switch.
  const [notice, setNotice] = useState<{ kind: 'signed'; form: ConsentForm; role: SignatureRole } | { kind: 'override' | 'withdrawn' } | null>(null);
  const noticeText = !notice
    ? null
    : notice.kind === 'signed'
      ? t('consent.signing.sign.done', { role: t(`consent.signing.roles.${notice.role}`), form: t(`consent.signing.forms.${notice.form}`) })
      : notice.kind === 'override'
        ? t('consent.signing.override.done')
        : t('consent.signing.withdraw.done');
  const mayAct = MAY_SIGN.includes(session.staff.role);
  // Signatures given at another seat (the patient on a tablet, the physician in their office) appear here.
  const refresh = () => {
    void callApi('consents.forConsultation', { consultationId }).then((r) => {
      if (r.ok && r.value) setConsent(r.value);
    });
    consultation.reload();
  };
  useLiveUpdates(['consents', 'consultations', 'tablet'], refresh);

  // The stored bytes: the issued document while signing, the final PDF (issued + certificate) once locked.
  const wanted = consent ? (consent.finalSha256 ?? consent.documentSha256) : null;
  useEffect(() => {
    if (!consent || !wanted || bytes?.sha === wanted) return;
    let live = true;
    const load = consent.finalSha256 ? callApi('consents.finalDocument', { consentId: consent.id }) : callApi('consents.document', { consentId: consent.id });
    void load.then((r) => {
      if (!live) return;
      if (r.ok) setBytes({ sha: r.value.sha256, data: base64ToBytes(r.value.dataBase64) });
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [consent, wanted, bytes?.sha]);

  if (consultation.state === 'error') return <FormError error={consultation.error} />;
  if (!consultation.value || loaded.state === 'loading') return <p className="muted">{t('consent.signing.loading')}</p>;
  const c = consultation.value.consultation;
  const tz = session.timeZone;
  const coolingOverride = consent?.override ?? null;
  const coolingOver = consent ? consent.coolingOffOver : c.coolingOffEndsAt !== null && openedAt >= Date.parse(c.coolingOffEndsAt);

  const issue = async () => {
    setBusy(true);
    setError(null);
    const r = await callApi('consents.issue', { consultationId });
    setBusy(false);
    if (r.ok) setConsent(r.value);
    else setError(r.error);
  };

  const header = (
    <header className="page__header signing__header">
      <div>
        <button type="button" className="btn btn--link back" onClick={() => navigate({ screen: 'consultation', consultationId })}>
          {t('consent.signing.backToConsultation')}
        </button>
        <h1>{t('consent.signing.title')}</h1>
        <p className="muted" data-testid="signing-subject">
          {c.patientName}・{c.procedureName}・{c.physicianName}
        </p>
      </div>
      {consent ? (
        <span className={`consult-status consult-status--${consent.status === 'issued' ? 'disclosed' : consent.status}`} data-testid="consent-status" data-status={consent.status}>
          {t(`consent.signing.statuses.${consent.status}`)}
        </span>
      ) : null}
    </header>
  );

  const cooling = (
    <section className="card signing__cooling" data-testid="cooling-off">
      <h2 className="card__title">{t('consent.signing.coolingOff.title')}</h2>
      {coolingOverride ? (
        <p data-testid="override-recorded">{t('consent.signing.coolingOff.overridden', { physician: coolingOverride.physicianName, at: formatInZone(coolingOverride.at, tz), reason: coolingOverride.reason })}</p>
      ) : c.coolingOffEndsAt ? (
        <p>{t(coolingOver ? 'consent.signing.coolingOff.over' : 'consent.signing.coolingOff.running', { until: formatInZone(c.coolingOffEndsAt, tz) })}</p>
      ) : null}
      {mayAct && !coolingOver && !coolingOverride && c.status === 'disclosed' ? (
        <button type="button" className="btn btn--secondary" onClick={() => setDialog({ kind: 'override' })} data-testid="override-open">
          {t('consent.signing.coolingOff.override')}
        </button>
      ) : null}
    </section>
  );

  if (!consent) {
    return (
      <div className="signing" data-testid="signing">
        {header}
        <section className="card" data-testid="not-issued">
          <h2 className="card__title">{t('consent.signing.notIssued.title')}</h2>
          <p>{c.status === 'disclosed' ? t('consent.signing.notIssued.intro') : t('consent.signing.notIssued.notDisclosed')}</p>
          {mayAct && c.status === 'disclosed' ? (
            <button type="button" className="btn btn--primary" onClick={() => void issue()} disabled={busy} data-testid="issue-consent">
              {busy ? t('consent.signing.notIssued.issuing') : t('consent.signing.notIssued.issue')}
            </button>
          ) : null}
          <FormError error={error} />
        </section>
        {c.status === 'disclosed' ? cooling : null}
        {dialog?.kind === 'override' ? (
          <OverrideDialog
            consultationId={consultationId}
            physicianId={c.physicianId}
            physicianName={c.physicianName}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              setNotice({ kind: 'override' });
              consultation.reload();
              loaded.reload();
            }}
          />
        ) : null}
        <FormSuccess>{noticeText}</FormSuccess>
      </div>
    );
  }

  const open = consent.status === 'issued' || consent.status === 'patient_signed';
  /** One explicit tap: the signer's adopted signature on this box (recorded as its own signature). */
  const apply = async (form: ConsentForm, role: SignatureRole, adopted: Adoption) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const r = await callApi('consents.applySignature', { consentId: consent.id, form, role, documentSha256: consent.documentSha256, adoptionId: adopted.value.id });
    setBusy(false);
    if (r.ok) {
      setConsent(r.value);
      setNotice({ kind: 'signed', form, role });
    } else {
      setError(r.error);
      // The adoption is no longer usable (another session, too old): the signer draws again.
      if (r.error.issues?.some((i) => i.path[0] === 'adoptionId')) setAdoptions((all) => ({ ...all, [role]: undefined }));
    }
  };
  const overrideAfterIssue = () => {
    setDialog(null);
    setNotice({ kind: 'override' });
    void callApi('consents.get', { consentId: consent.id }).then((r) => r.ok && setConsent(r.value));
  };

  return (
    <div className="signing" data-testid="signing" data-consent-id={consent.id}>
      {header}
      <div className="signing__body signing__body--stacked">
        <div className="signing__doc">
          {bytes ? <PdfPages key={bytes.sha} bytes={bytes.data} title={`${c.patientName}・${c.procedureName}`} /> : <p className="muted">{t('consent.signing.viewer.rendering')}</p>}
          <p className="muted signing__hash">
            {t('consent.signing.viewer.sha256')}: <span className="mono" data-testid="document-sha256">{consent.documentSha256}</span>
          </p>
        </div>
        <aside className="signing__side">
          <FormSuccess>{noticeText}</FormSuccess>
          <FormError error={error} />
          {/* A withdrawn consent that had been fully signed keeps its final PDF (it is evidence). */}
          {consent.finalSha256 ? <FinalActions consent={consent} timeZone={tz} /> : null}
          {open || coolingOverride ? cooling : null}
          {mayAct ? <SendToTablet consent={consent} onChanged={refresh} /> : null}
          <FlagAssessmentCard consultationId={consultationId} timeZone={tz} editable={open && mayAct} />
          <section className="card" data-testid="signature-list">
            <h2 className="card__title">{t('consent.signing.signatures.title')}</h2>
            <p className="muted">{t('consent.signing.signatures.intro')}</p>
            {consent.forms.map((form) => (
              <div key={form} className="signing__form">
                <h3>{t(`consent.signing.forms.${form}`)}</h3>
                <ul className="signing__roles">
                  {consent.required
                    .filter((r) => r.form === form)
                    .map((r) => {
                      const sig = consent.signatures.find((s) => s.form === form && s.role === r.role);
                      const wait = waitingFor(consent, form, r.role, coolingOver);
                      const adopted = usableAdoption(adoptions[r.role]);
                      return (
                        <li key={r.role} className={`signing__role ${sig ? 'signing__role--done' : ''}`} data-testid={`sig-${form}-${r.role}`} data-signed={Boolean(sig)}>
                          <div>
                            <strong>{t(`consent.signing.roles.${r.role}`)}</strong> <span>{r.signerName}</span>
                            <div className="muted">{sig ? t('consent.signing.signatures.signed', { at: formatInZone(sig.signedAt, tz) }) : wait ? t(`consent.signing.signatures.${wait}`) : t('consent.signing.signatures.pending')}</div>
                          </div>
                          {!sig && open && mayAct && adopted ? (
                            <div className="signing__apply">
                              <img className="signing__adopted" src={`data:image/png;base64,${adopted.pngBase64}`} alt={t('signaturePlacement.adopt.preview')} />
                              <button
                                type="button"
                                className="btn btn--primary"
                                disabled={wait !== null || busy}
                                onClick={() => void apply(form, r.role, adopted)}
                                title={t('signaturePlacement.adopt.applyTitle', { name: adopted.value.signerName, form: t(`consent.signing.forms.${form}`) })}
                                data-testid={`apply-${form}-${r.role}`}
                              >
                                {t('signaturePlacement.adopt.applyHere')}
                              </button>
                              <button type="button" className="btn btn--link" disabled={wait !== null || busy} onClick={() => setDialog({ kind: 'sign', form, role: r.role })}>
                                {t('signaturePlacement.adopt.drawAgain')}
                              </button>
                            </div>
                          ) : !sig && open && mayAct ? (
                            <button type="button" className="btn btn--primary" disabled={wait !== null} onClick={() => setDialog({ kind: 'sign', form, role: r.role })}>
                              {t('consent.signing.signatures.sign')}
                            </button>
                          ) : null}
                        </li>
                      );
                    })}
                </ul>
              </div>
            ))}
          </section>
          {consent.withdrawal ? (
            <p className="notice notice--warning" data-testid="withdrawal">
              {t('consent.signing.withdraw.recorded', {
                name: consent.withdrawal.signerName,
                role: t(`consent.signing.roles.${consent.withdrawal.signerRole}`),
                at: formatInZone(consent.withdrawal.at, tz),
                reason: consent.withdrawal.reason,
                by: consent.withdrawal.recordedByName,
              })}
            </p>
          ) : mayAct ? (
            <button type="button" className="btn btn--danger-outline" onClick={() => setDialog({ kind: 'withdraw' })} data-testid="withdraw-open">
              {t('consent.signing.withdraw.button')}
            </button>
          ) : null}
        </aside>
      </div>
      {dialog?.kind === 'sign' ? (
        <SignDialog
          consent={consent}
          form={dialog.form}
          role={dialog.role}
          signerName={consent.required.find((r) => r.form === dialog.form && r.role === dialog.role)?.signerName ?? ''}
          asThemselves={session.staff.role === 'physician' && session.staff.id === consent.physicianId}
          onAdopted={(a) => setAdoptions((all) => ({ ...all, [dialog.role]: a }))}
          onCancel={() => setDialog(null)}
          onSigned={(v) => {
            setNotice({ kind: 'signed', form: dialog.form, role: dialog.role });
            setDialog(null);
            setConsent(v);
          }}
        />
      ) : null}
      {dialog?.kind === 'override' ? (
        <OverrideDialog consultationId={consultationId} physicianId={consent.physicianId} physicianName={consent.physicianName} onCancel={() => setDialog(null)} onDone={overrideAfterIssue} />
      ) : null}
      {dialog?.kind === 'withdraw' ? (
        <WithdrawDialog
          consent={consent}
          onCancel={() => setDialog(null)}
          onDone={(v) => {
            setDialog(null);
            setNotice({ kind: 'withdrawn' });
            setConsent(v);
          }}
        />
      ) : null}
    </div>
  );
}
