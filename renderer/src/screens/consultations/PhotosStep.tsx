import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoMeta } from '../../../../shared/schemas/consultation';
import { callApi, useApi } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormSuccess } from '../../components/FormMessage';
import { PhotoLabel } from '../photos/PhotoLabel';
import { PhotoIntake, type PhotoMime } from '../photos/PhotoIntake';
import { CameraDialog, type CapturedPhoto } from './CameraDialog';
import { StepFrame, type StepProps } from './StepFrame';
import { useFormatTime } from '../../clinicTime';

/** A camera capture as a file to upload like any chosen photo. */
function capturedBlob(photo: CapturedPhoto): Blob {
  const bytes = Uint8Array.from(atob(photo.dataBase64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: photo.mime });
}

/**
 * Before photos: several files at once or the camera, each labelled with its angle and area and with its own
 * explicit yes/no for marketing use. The capture time comes from the file's Exif (read in the main process
 * before the metadata is removed).
 */
export function PhotosStep({ view, editable, timeZone, onSaved, onContinue }: StepProps) {
  const { t } = useTranslation();
  const c = view.consultation;
  const [camera, setCamera] = useState(false);
  const [addCapture, setAddCapture] = useState<((photo: { file: Blob; mime: PhotoMime; capturedAt?: string }) => void) | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<PhotoMeta | null>(null);

  const replacePhoto = (meta: PhotoMeta) => onSaved({ ...view, consultation: { ...c, photos: c.photos.map((p) => (p.id === meta.id ? meta : p)) } });

  return (
    <StepFrame step="photos" intro={t('consultation.photos.intro')}>
      <p className="notice notice--info" data-testid="exif-note">
        {t('consultation.photos.exifNote')}
      </p>
      {editable ? (
        <>
          <PhotoIntake
            marketing="ask"
            extraSource={(add) => (
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => {
                  setAddCapture(() => add);
                  setCamera(true);
                }}
              >
                {t('consultation.photos.takePhoto')}
              </button>
            )}
            save={(photo) => callApi('consultations.addPhoto', { consultationId: c.id, ...photo })}
            onSaved={onSaved}
          />
        </>
      ) : null}
      <FormSuccess>{message}</FormSuccess>

      <h3 className="consult-card__title consult-photos__title">{t('consultation.photos.listTitle', { count: c.photos.length })}</h3>
      {c.photos.length === 0 ? <p className="muted">{t('consultation.photos.none')}</p> : null}
      <ul className="photo-grid">
        {c.photos.map((p, i) => (
          <PhotoThumb key={p.id} photo={p} n={i + 1} timeZone={timeZone} onWithdraw={() => setWithdrawing(p)} />
        ))}
      </ul>

      <div className="actions actions--end consult-step__actions">
        <button type="button" className="btn btn--primary btn--large" onClick={onContinue}>
          {t('consultation.next')}
        </button>
      </div>

      {camera ? (
        <CameraDialog
          onClose={() => setCamera(false)}
          onCapture={(photo) => {
            setCamera(false);
            addCapture?.({ file: capturedBlob(photo), mime: photo.mime, ...(photo.capturedAt ? { capturedAt: photo.capturedAt } : {}) });
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
      <p className="photo-card__meta">
        <PhotoLabel angle={photo.angle} area={photo.area} />
      </p>
      <p className="photo-card__meta muted">
        {t('consultation.photos.capturedAt', { at: format(photo.capturedAt) })}
        {photo.capturedAtSource ? ` (${t(`intake.photos.sources.${photo.capturedAtSource}`)})` : ''}
      </p>
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
  return (
    <ConfirmDialog
      title={t('consultation.photos.withdrawTitle')}
      testId="withdraw-dialog"
      confirmLabel={t('consultation.photos.withdrawConfirm')}
      danger
      action={() => callApi('photos.withdrawMarketing', { photoId: photo.id })}
      onDone={onDone}
      onCancel={onCancel}
    >
      <p>{t('consultation.photos.withdrawBody')}</p>
    </ConfirmDialog>
  );
}
