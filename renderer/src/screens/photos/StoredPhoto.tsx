import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoMeta } from '../../../../shared/schemas/consultation';
import { callApi } from '../../api';
import { formatDateTime } from '../../clinicTime';
import { PhotoLabel } from './PhotoLabel';
import './photos.css';

/** A stored photo's image as a data URL, loaded through photos.get (each photo opened is audited as a view); null until it arrives. */
export function useStoredPhotoSource(photoId: string): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void callApi('photos.get', { photoId }).then((r) => {
      if (live && r.ok) setSrc(`data:${r.value.mime};base64,${r.value.dataBase64}`);
    });
    return () => {
      live = false;
    };
  }, [photoId]);
  return src;
}

/** A stored photo with its label and when it was taken (follow-up visits, treatments). */
export function StoredPhoto({ photo, timeZone }: { photo: PhotoMeta; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const src = useStoredPhotoSource(photo.id);
  return (
    <figure className="ac-photo">
      {src ? <img src={src} alt={t('aftercare.photos.alt', { at: formatDateTime(photo.capturedAt, timeZone, i18n.language) })} /> : <div className="ac-photo__placeholder" />}
      <figcaption className="muted small">
        <PhotoLabel angle={photo.angle} area={photo.area} /> · {formatDateTime(photo.capturedAt, timeZone, i18n.language)}
        {photo.capturedAtSource ? ` (${t(`intake.photos.sources.${photo.capturedAtSource}`)})` : ''}
      </figcaption>
    </figure>
  );
}
