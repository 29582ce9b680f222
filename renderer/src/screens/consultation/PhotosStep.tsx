import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldIssue } from '../../../../shared/errors';
import type { PhotoMeta } from '../../../../shared/schemas/consultation';
import { callApi, useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { applyServerError, contractResolver, rootError, useFormError } from '../../forms';
import { CameraDialog, type CapturedPhoto } from './CameraDialog';
import { ChoiceGroup } from './Choice';
import { StepFrame, useFormatTime, type StepProps } from './shared';
import type { YesNo } from './stepForm';

const ACCEPTED = ['image/jpeg', 'image/png'] as const;
type AcceptedMime = (typeof ACCEPTED)[number];
const isAccepted = (mime: string): mime is AcceptedMime => (ACCEPTED as readonly string[]).includes(mime);

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Before photos: from a file or the camera, each with its own explicit yes/no for marketing use. */
export function PhotosStep({ view, editable, timeZone, onSaved, onContinue }: StepProps) {
  const { t } = useTranslation();
  const c = view.consultation;
  const fileRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<(CapturedPhoto & { key: number }) | null>(null);
  const [camera, setCamera] = useState(false);
  const [pickError, setPickError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<PhotoMeta | null>(null);
  const nextKey = useRef(0);

  const take = (photo: CapturedPhoto) => {
    nextKey.current += 1;
    setPending({ ...photo, key: nextKey.current });
    setMessage(null);
  };

  const picked = async (file: File | undefined) => {
    setPickError(null);
    if (!file) return;
    if (!isAccepted(file.type)) return setPickError({ code: 'invalid_input', messageKey: 'consultation.validation.photoType' });
    try {
      const url = await readAsDataUrl(file);
      take({ mime: file.type, previewUrl: url, dataBase64: url.slice(url.indexOf(',') + 1), fileName: file.name });
    } catch {
      setPickError({ code: 'invalid_input', messageKey: 'validation.photoFormat' });
    }
  };

  const replacePhoto = (meta: PhotoMeta) => onSaved({ ...view, consultation: { ...c, photos: c.photos.map((p) => (p.id === meta.id ? meta : p)) } });

  return (
    <StepFrame step="photos" intro={t('consultation.photos.intro')}>
      <p className="notice notice--info" data-testid="exif-note">
        {t('consultation.photos.exifNote')}
      </p>
      {editable ? (
        <div className="actions">
          <input
            ref={fileRef}
            type="file"
            accept="image/jpeg,image/png"
            hidden
            data-testid="photo-file"
            onChange={(e) => {
              const input = e.currentTarget;
              void picked(input.files?.[0]).finally(() => {
                input.value = '';
              });
            }}
          />
          <button type="button" className="btn btn--secondary" onClick={() => fileRef.current?.click()}>
            {t('consultation.photos.chooseFile')}
          </button>
          <button type="button" className="btn btn--secondary" onClick={() => setCamera(true)}>
            {t('consultation.photos.takePhoto')}
          </button>
        </div>
      ) : null}
      <FormError error={pickError} />
      <FormSuccess>{message}</FormSuccess>
      {pending ? (
        <PendingPhoto
          key={pending.key}
          consultationId={c.id}
          photo={pending}
          onDiscard={() => setPending(null)}
          onSaved={(v) => {
            setPending(null);
            onSaved(v);
          }}
        />
      ) : null}

      <h3 className="consult-card__title consult-photos__title">{t('consultation.photos.listTitle', { count: c.photos.length })}</h3>
      {c.photos.length === 0 ? <p className="muted">{t('consultation.photos.none')}</p> : null}
      <ul className="photo-grid">
        {c.photos.map((p, i) => (
          <PhotoThumb key={p.id} photo={p} n={i + 1} timeZone={timeZone} onWithdraw={() => setWithdrawing(p)} />
        ))}
      </ul>

      <div className="actions actions--end consult-step__actions">
        <button type="button" className="btn btn--primary btn--large" onClick={onContinue} disabled={pending !== null}>
          {t('consultation.next')}
        </button>
      </div>

      {camera ? (
        <CameraDialog
          onClose={() => setCamera(false)}
          onCapture={(photo) => {
            setCamera(false);
            take(photo);
          }}
        />
      ) : null}
      {withdrawing ? (
        <WithdrawDialog
          photo={withdrawing}
          onCancel={() => setWithdrawing(null)}
          onDone={(meta) => {
            setWithdrawing(null);
            setMessage(t('consultation.photos.withdrawn'));
            replacePhoto(meta);
          }}
        />
      ) : null}
    </StepFrame>
  );
}

interface PendingForm {
  marketingConsent: YesNo;
}

/** A picked or captured photo waiting for the patient's answer about marketing use, then saved. */
function PendingPhoto({ consultationId, photo, onDiscard, onSaved }: { consultationId: string; photo: CapturedPhoto; onDiscard: () => void; onSaved: StepProps['onSaved'] }) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const toInput = (v: PendingForm) => ({
    consultationId,
    mime: photo.mime,
    dataBase64: photo.dataBase64,
    marketingConsent: v.marketingConsent === 'yes',
    ...(photo.capturedAt ? { capturedAt: photo.capturedAt } : {}),
  });
  const chosen = (v: PendingForm): FieldIssue[] => (v.marketingConsent === '' ? [{ path: ['marketingConsent'], messageKey: 'consultation.validation.marketingRequired' }] : []);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PendingForm>({ defaultValues: { marketingConsent: '' }, resolver: contractResolver('consultations.addPhoto', toInput, ['marketingConsent'], chosen) });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('consultations.addPhoto', toInput(v));
    if (r.ok) onSaved(r.value);
    else setFormError(applyServerError(r.error, ['marketingConsent'], setError));
  });

  return (
    <form className="card consult-card pending-photo" onSubmit={(e) => void submit(e)} noValidate data-testid="pending-photo">
      <h3 className="consult-card__title">{t('consultation.photos.pendingTitle')}</h3>
      <div className="pending-photo__body">
        <img src={photo.previewUrl} alt={t('consultation.photos.previewAlt')} className="pending-photo__img" />
        <div>
          <p className="muted">{photo.fileName ? t('consultation.photos.sourceFile', { name: photo.fileName }) : t('consultation.photos.sourceCamera')}</p>
          <ChoiceGroup
            legend={t('consultation.photos.marketingQuestion')}
            registration={register('marketingConsent')}
            error={errors.marketingConsent?.message}
            layout="column"
            testId="marketing-choice"
            options={[
              { value: 'yes', label: t('consultation.photos.marketingYes') },
              { value: 'no', label: t('consultation.photos.marketingNo') },
            ]}
          />
          <p className="field__hint">{t('consultation.photos.marketingHint')}</p>
          <FormError error={formError ?? rootError(errors)} />
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
              {isSubmitting ? t('consultation.saving') : t('consultation.photos.savePhoto')}
            </button>
            <button type="button" className="btn btn--secondary" onClick={onDiscard} disabled={isSubmitting}>
              {t('consultation.photos.discard')}
            </button>
          </div>
        </div>
      </div>
    </form>
  );
}

/** A stored photo (loaded through photos.get, which is audited as a view) with its marketing-consent state. */
function PhotoThumb({ photo, n, timeZone, onWithdraw }: { photo: PhotoMeta; n: number; timeZone: string; onWithdraw: () => void }) {
  const { t } = useTranslation();
  const format = useFormatTime(timeZone);
  const data = useApi('photos.get', { photoId: photo.id });
  const canWithdraw = photo.marketingConsent && !photo.marketingWithdrawnAt;
  return (
    <li className="photo-card" data-testid="photo-thumb">
      <div className="photo-card__frame">
        {data.state === 'ok' ? <img src={`data:${data.value.mime};base64,${data.value.dataBase64}`} alt={t('consultation.photos.thumbAlt', { n })} /> : null}
        {data.state === 'loading' ? <span className="muted">{t('consultation.photos.loadingPhoto')}</span> : null}
        {data.state === 'error' ? <span className="status-text--error">{t('consultation.photos.loadFailed')}</span> : null}
      </div>
      <p className="photo-card__meta muted">{t('consultation.photos.capturedAt', { at: format(photo.capturedAt) })}</p>
      <p className="photo-card__meta">
        {photo.marketingWithdrawnAt ? (
          <span className="badge badge--muted">{t('consultation.photos.marketingWithdrawn', { at: format(photo.marketingWithdrawnAt) })}</span>
        ) : photo.marketingConsent ? (
          <span className="badge badge--ok">{t('consultation.photos.marketingConsented')}</span>
        ) : (
          <span className="badge badge--muted">{t('consultation.photos.marketingDeclined')}</span>
        )}
      </p>
      {canWithdraw ? (
        <button type="button" className="btn btn--danger-outline btn--small" onClick={onWithdraw}>
          {t('consultation.photos.withdraw')}
        </button>
      ) : null}
    </li>
  );
}

function WithdrawDialog({ photo, onCancel, onDone }: { photo: PhotoMeta; onCancel: () => void; onDone: (meta: PhotoMeta) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    const r = await callApi('photos.withdrawMarketing', { photoId: photo.id });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };
  return (
    <Dialog title={t('consultation.photos.withdrawTitle')} onCancel={onCancel} testId="withdraw-dialog">
      <p>{t('consultation.photos.withdrawBody')}</p>
      <FormError error={error} />
      <div className="actions actions--end">
        <button type="button" className="btn btn--secondary" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn--danger" onClick={() => void confirm()} disabled={busy}>
          {t('consultation.photos.withdrawConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
