import { useTranslation } from 'react-i18next';
import type { ComparisonGroup, ComparisonPhoto } from '../../../../shared/schemas/photo';
import { useApi } from '../../api';
import { formatDateTime } from '../../clinicTime';
import { FormError } from '../../components/FormMessage';
import { PhotoLabel } from './PhotoLabel';
import { useStoredPhotoSource } from './StoredPhoto';
import './photos.css';

function ComparedPhoto({ photo, timeZone }: { photo: ComparisonPhoto; timeZone: string }) {
  const { t, i18n } = useTranslation();
  // Each photo opened is audited as a view of it, as everywhere else.
  const src = useStoredPhotoSource(photo.id);
  const when = formatDateTime(photo.capturedAt, timeZone, i18n.language);
  const where = photo.kind === 'before' ? t('intake.photos.before') : photo.visitDay === null ? t('intake.photos.atTreatment') : t('intake.photos.visitDay', { day: photo.visitDay });
  return (
    <figure className="photo-compare__photo" data-testid={`compare-${photo.kind}`}>
      {src ? <img src={src} alt={`${where} ${when}`} /> : <div className="photo-compare__placeholder" />}
      <figcaption>
        <strong>{where}</strong> · {when}
        {photo.capturedAtSource ? <span className="muted"> ({t(`intake.photos.sources.${photo.capturedAtSource}`)})</span> : null}
      </figcaption>
    </figure>
  );
}

function Group({ group, timeZone }: { group: ComparisonGroup; timeZone: string }) {
  const { t } = useTranslation();
  const column = (kind: 'before' | 'after', photos: ComparisonPhoto[]) => (
    <div className="photo-compare__col">
      <h4>{kind === 'before' ? t('intake.photos.before') : t('intake.photos.after')}</h4>
      <div className="photo-compare__photos">
        {photos.length === 0 ? <p className="muted small">{t('intake.photos.missing')}</p> : photos.map((p) => <ComparedPhoto key={p.id} photo={p} timeZone={timeZone} />)}
      </div>
    </div>
  );
  return (
    <section className="photo-compare__group" data-testid="compare-group">
      <h3 className="photo-compare__title">
        <PhotoLabel angle={group.angle} area={group.area} />
      </h3>
      <div className="photo-compare__cols">
        {column('before', group.before)}
        {column('after', group.after)}
      </div>
    </section>
  );
}

/**
 * Before and after photos of one consultation side by side, one row per view (angle and area): the core of an
 * "effect not as expected" dispute. The same grouping is printed in the evidence PDF.
 */
export function PhotoComparison({ consultationId, timeZone }: { consultationId: string; timeZone: string }) {
  const { t } = useTranslation();
  const data = useApi('photos.comparison', { consultationId });
  return (
    <div className="photo-compare" data-testid="photo-comparison">
      <p className="muted">{t('intake.photos.comparisonIntro')}</p>
      <FormError error={data.error} />
      {data.state === 'ok' && data.value.groups.length === 0 ? <p className="muted">{t('intake.photos.comparisonNone')}</p> : null}
      {data.state === 'ok' ? data.value.groups.map((g) => <Group key={`${g.angle}|${g.area}`} group={g} timeZone={timeZone} />) : null}
    </div>
  );
}
