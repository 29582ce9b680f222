import { useTranslation } from 'react-i18next';
import type { ComparisonPhoto } from '../../../../shared/schemas/photo';

/** Angle · area, as staff labelled the photo (or "no angle given" for photos from before labels). */
export function PhotoLabel({ angle, area }: { angle: ComparisonPhoto['angle']; area: ComparisonPhoto['area'] }) {
  const { t } = useTranslation();
  if (!angle && !area) return <span className="photo-label muted">{t('intake.photos.unlabelled')}</span>;
  return (
    <span className="photo-label" data-testid="photo-label">
      {[angle ? t(`intake.photos.angles.${angle}`) : null, area ? t(`intake.photos.areas.${area}`) : null].filter(Boolean).join(' · ')}
    </span>
  );
}
