import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { ConsentView } from '../../../../shared/schemas/consent';
import type { OnlineTablet } from '../../../../shared/schemas/tablet';
import { callApi } from '../../api';
import { connectionMode } from '../../bridge';
import { FormError, FormSuccess } from '../../components/FormMessage';
import './send-tablet.css';

/** The switched-on tablets are asked about this often while the card is shown (they come and go). */
const LIST_EVERY_MS = 3000;
const PATIENT_SIDE = new Set(['patient', 'guardian', 'witness']);

/** Whether a box the patient's side signs is still empty (only then is there anything to send). */
export function patientSideOpen(consent: Pick<ConsentView, 'status' | 'required' | 'signatures'>): boolean {
  if (consent.status !== 'issued') return false;
  return consent.required.some((r) => PATIENT_SIDE.has(r.role) && !consent.signatures.some((s) => s.form === r.form && s.role === r.role));
}

/**
 * "Send to a tablet for signing" (issue 14): the consultant picks a paired tablet that is switched on; the patient
 * reads and signs there while this screen shows the signatures arriving; Take back returns the tablet to its
 * waiting screen. Shown only where tablets can exist: a seat of the clinic server, or the computer that shares
 * its vault while a tablet is connected.
 */
export function SendToTablet({ consent, onChanged }: { consent: ConsentView; onChanged: () => void }) {
  const { t } = useTranslation();
  const [tablets, setTablets] = useState<OnlineTablet[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<'takenBack' | null>(null);
  const open = patientSideOpen(consent);

  const list = useCallback(async () => {
    const r = await callApi('tablet.online', {});
    if (r.ok) setTablets(r.value);
  }, []);
  useEffect(() => {
    if (!open) return;
    let live = true;
    const ask = () =>
      void callApi('tablet.online', {}).then((r) => {
        if (live && r.ok) setTablets(r.value);
      });
    ask();
    const id = window.setInterval(ask, LIST_EVERY_MS);
    return () => {
      live = false;
      window.clearInterval(id);
    };
  }, [open]);

  const holding = tablets?.find((tab) => tab.busyWithConsentId === consent.id) ?? null;
  const onClinicServer = connectionMode() === 'clinicServer';
  if (!open) return null;
  // On the desk without a server there are no tablets: nothing to offer.
  if (!onClinicServer && (!tablets || tablets.length === 0)) return null;

  const send = async (deviceId: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const r = await callApi('tablet.send', { consentId: consent.id, deviceId });
    setBusy(false);
    if (!r.ok) setError(r.error);
    await list();
    onChanged();
  };
  const takeBack = async () => {
    setBusy(true);
    setError(null);
    const r = await callApi('tablet.takeBack', { consentId: consent.id });
    setBusy(false);
    if (r.ok) setNotice('takenBack');
    else setError(r.error);
    await list();
  };

  return (
    <section className="card send-tablet" aria-labelledby="send-tablet-title" data-testid="send-to-tablet">
      <h2 id="send-tablet-title" className="card__title">
        {t('tablet.sendTitle')}
      </h2>
      {holding ? (
        <div className="send-tablet__held" data-testid="on-tablet" role="status">
          <p className="notice">{t('tablet.onTablet', { name: holding.name })}</p>
          <button type="button" className="btn btn--secondary" onClick={() => void takeBack()} disabled={busy} data-testid="take-back">
            {t('tablet.takeBack')}
          </button>
        </div>
      ) : (
        <>
          <p className="muted">{t('tablet.sendIntro')}</p>
          {tablets && tablets.length === 0 ? <p className="muted">{t('tablet.noTablets')}</p> : null}
          <ul className="send-tablet__list">
            {(tablets ?? []).map((tab) => (
              <li key={tab.deviceId} className="send-tablet__item">
                <div>
                  <strong>{tab.name}</strong>
                  {tab.busyWithConsentId ? <div className="muted">{t('tablet.busy')}</div> : null}
                </div>
                <button type="button" className="btn btn--primary" onClick={() => void send(tab.deviceId)} disabled={busy} data-testid="send-tablet">
                  {busy ? t('tablet.sending') : t('tablet.send')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <FormSuccess>{notice ? t('tablet.takenBack') : null}</FormSuccess>
      <FormError error={error} />
    </section>
  );
}
