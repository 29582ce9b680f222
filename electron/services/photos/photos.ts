import type { Out, Parsed } from '../../../shared/api';
import { groupForComparison } from '../../../shared/photo-comparison';
import { fail } from '../../domain/errors';
import { nowIso } from '../clinic-time';
import type { ServiceContext } from '../context';

export function getPhoto(ctx: ServiceContext, input: Parsed<'photos.get'>): Out<'photos.get'> {
  const vault = ctx.vault();
  const photo = vault.photos.get(input.photoId) ?? fail('not_found', 'errors.photoNotFound');
  ctx.audit('photo.viewed', { type: 'photo', id: photo.id }, { patientId: photo.patientId });
  const { patientId: _p, ...meta } = photo;
  return { ...meta, dataBase64: vault.photos.bytes(photo.sha256).toString('base64') };
}

/** Marketing use of a photo can be withdrawn at any time; the withdrawal is kept, not the consent erased. */
export function withdrawPhotoMarketing(ctx: ServiceContext, input: Parsed<'photos.withdrawMarketing'>): Out<'photos.withdrawMarketing'> {
  const vault = ctx.vault();
  const photo = vault.photos.get(input.photoId) ?? fail('not_found', 'errors.photoNotFound');
  if (!photo.marketingConsent || photo.marketingWithdrawnAt) fail('rule_violation', 'errors.noMarketingConsent');
  vault.photos.withdrawMarketing(photo.id, nowIso(ctx));
  ctx.audit('photo.marketing_withdrawn', { type: 'photo', id: photo.id }, { patientId: photo.patientId });
  const { patientId: _p, ...meta } = vault.photos.get(photo.id)!;
  return meta;
}

/**
 * Before and after photos of one consultation by view. Only the metadata: each photo is opened with photos.get,
 * audited as a view, as everywhere else; this listing is audited as a view of the comparison.
 */
export function photoComparison(ctx: ServiceContext, input: Parsed<'photos.comparison'>): Out<'photos.comparison'> {
  const vault = ctx.vault();
  const c = vault.consultations.get(input.consultationId) ?? fail('not_found', 'errors.consultationNotFound');
  const treatment = vault.treatments.forConsultation(c.id);
  const photos = vault.photos.comparison(c.id, treatment?.id ?? null);
  ctx.audit('photo.comparison_viewed', { type: 'consultation', id: c.id }, { patientId: c.patientId, photos: photos.length });
  return { consultationId: c.id, treatmentId: treatment?.id ?? null, performedAt: treatment?.performedAt ?? null, groups: groupForComparison(photos) };
}
