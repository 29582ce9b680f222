import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiResult } from '../../../../shared/errors';
import { PhotoAngle, PhotoArea } from '../../../../shared/schemas/photo';
import { uploadFile } from '../../bridge';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { translateKey } from '../../i18n';
import './photos.css';

const ACCEPTED = ['image/jpeg', 'image/png'] as const;
export type PhotoMime = (typeof ACCEPTED)[number];
const isAccepted = (mime: string): mime is PhotoMime => (ACCEPTED as readonly string[]).includes(mime);

/** One photo waiting to be saved: the file, its preview, and the answers staff give for it. */
export interface PendingPhoto {
  key: number;
  file: Blob;
  mime: PhotoMime;
  name: string | null;
  previewUrl: string;
  /** Only for a camera capture (the file has no Exif of its own). */
  capturedAt?: string;
  angle: PhotoAngle | '';
  area: PhotoArea | '';
  marketing: 'yes' | 'no' | '';
}

/** What the channel call receives for one photo: the file went ahead by `uploadFile`, the JSON names it. */
export interface PhotoToSave {
  uploadId: string;
  mime: PhotoMime;
  angle: PhotoAngle;
  area: PhotoArea;
  marketingConsent: boolean;
  capturedAt?: string;
}

interface Props<T> {
  /** 'ask': each photo needs the patient's explicit yes/no for marketing use; 'never': clinical record only. */
  marketing: 'ask' | 'never';
  save: (photo: PhotoToSave) => Promise<ApiResult<T>>;
  onSaved: (value: T) => void;
  /** Another way to add photos (the camera), given the function that adds one to the list. */
  extraSource?: (add: (photo: { file: Blob; mime: PhotoMime; capturedAt?: string }) => void) => ReactNode;
  disabled?: boolean;
  testId?: string;
}

let nextKey = 0;

/**
 * Several photos at once: choose files (or take them with the camera), label each with its angle and area (and
 * the marketing answer where asked), then save them one by one. Each file is sent as an upload of its own, not
 * inside the JSON, so a phone's 4–8 MB photo goes through the browser host's body limit; the channel call then
 * names the upload. A photo that fails stays in the list with its error, the others are saved.
 */
export function PhotoIntake<T>({ marketing, save, onSaved, extraSource, disabled, testId = 'photo-intake' }: Props<T>) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<PendingPhoto[]>([]);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [pickError, setPickError] = useState<ApiError | null>(null);
  const [progress, setProgress] = useState<{ done: number; count: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const add = (items: { file: Blob; mime: PhotoMime; name: string | null; capturedAt?: string }[]) => {
    setMessage(null);
    setPending((list) => [
      ...list,
      ...items.map((i) => ({ key: ++nextKey, ...i, previewUrl: URL.createObjectURL(i.file), angle: '' as const, area: '' as const, marketing: '' as const })),
    ]);
  };

  // Previews are object URLs: released when their row goes.
  const urls = useRef(new Set<string>());
  useEffect(() => {
    const now = new Set(pending.map((p) => p.previewUrl));
    for (const u of urls.current) if (!now.has(u)) URL.revokeObjectURL(u);
    urls.current = now;
  }, [pending]);
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const picked = (files: FileList | null) => {
    setPickError(null);
    if (!files || files.length === 0) return;
    const list = [...files];
    if (list.some((f) => !isAccepted(f.type))) setPickError({ code: 'invalid_input', messageKey: 'consultation.validation.photoType' });
    add(list.filter((f) => isAccepted(f.type)).map((f) => ({ file: f, mime: f.type as PhotoMime, name: f.name })));
  };

  const update = (key: number, patch: Partial<PendingPhoto>) => setPending((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const missing = (p: PendingPhoto): string | null =>
    p.angle === '' ? 'intake.photos.angleRequired' : p.area === '' ? 'intake.photos.areaRequired' : marketing === 'ask' && p.marketing === '' ? 'consultation.validation.marketingRequired' : null;

  const saveAll = async () => {
    const problems = Object.fromEntries(pending.map((p) => [p.key, missing(p)]).filter(([, m]) => m !== null)) as Record<number, string>;
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const list = [...pending];
    let saved = 0;
    setProgress({ done: 0, count: list.length });
    for (const p of list) {
      const sent = await uploadFile(p.file);
      const r = sent.ok
        ? await save({
            uploadId: sent.value.uploadId,
            mime: p.mime,
            angle: p.angle as PhotoAngle,
            area: p.area as PhotoArea,
            marketingConsent: p.marketing === 'yes',
            ...(p.capturedAt ? { capturedAt: p.capturedAt } : {}),
          })
        : sent;
      if (r.ok) {
        saved++;
        setPending((xs) => xs.filter((x) => x.key !== p.key));
        onSaved(r.value);
      } else {
        setErrors((e) => ({ ...e, [p.key]: r.error.issues?.[0]?.messageKey ?? r.error.messageKey }));
      }
      setProgress({ done: saved, count: list.length });
    }
    setProgress(null);
    if (saved > 0) setMessage(t('intake.photos.saved', { count: saved }));
  };

  return (
    <div className="photo-intake" data-testid={testId}>
      <div className="actions">
        <input
          ref={fileRef}
          type="file"
          accept="image/jpeg,image/png"
          multiple
          hidden
          data-testid="photo-files"
          onChange={(e) => {
            picked(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        <button type="button" className="btn btn--secondary" onClick={() => fileRef.current?.click()} disabled={disabled || progress !== null}>
          {t('intake.photos.chooseFiles')}
        </button>
        {extraSource?.((photo) => add([{ file: photo.file, mime: photo.mime, name: null, ...(photo.capturedAt ? { capturedAt: photo.capturedAt } : {}) }]))}
      </div>
      <p className="field__hint">{t('intake.photos.filesHint')}</p>
      <FormError error={pickError} />
      <FormSuccess>{message}</FormSuccess>
      {pending.length > 0 ? (
        <div className="card photo-intake__pending">
          <h3 className="consult-card__title">{t('intake.photos.pendingTitle', { count: pending.length })}</h3>
          <ul className="photo-intake__list">
            {pending.map((p, i) => (
              <li key={p.key} className="photo-intake__item" data-testid="pending-photo">
                <img src={p.previewUrl} alt={p.name ?? t('consultation.photos.previewAlt')} className="photo-intake__img" />
                <div className="photo-intake__fields">
                  <p className="muted small">{p.name ? t('consultation.photos.sourceFile', { name: p.name }) : t('consultation.photos.sourceCamera')}</p>
                  <label className="field">
                    <span className="field__label">{t('intake.photos.angle')}</span>
                    <select value={p.angle} onChange={(e) => update(p.key, { angle: e.target.value as PhotoAngle })} data-testid="photo-angle" aria-label={`${t('intake.photos.angle')} ${i + 1}`}>
                      <option value="">{t('intake.photos.chooseAngle')}</option>
                      {PhotoAngle.options.map((a) => (
                        <option key={a} value={a}>
                          {t(`intake.photos.angles.${a}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="field">
                    <span className="field__label">{t('intake.photos.area')}</span>
                    <select value={p.area} onChange={(e) => update(p.key, { area: e.target.value as PhotoArea })} data-testid="photo-area" aria-label={`${t('intake.photos.area')} ${i + 1}`}>
                      <option value="">{t('intake.photos.chooseArea')}</option>
                      {PhotoArea.options.map((a) => (
                        <option key={a} value={a}>
                          {t(`intake.photos.areas.${a}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {marketing === 'ask' ? (
                    <fieldset className="photo-intake__marketing" data-testid="marketing-choice">
                      <legend className="field__label">{t('consultation.photos.marketingQuestion')}</legend>
                      {(['yes', 'no'] as const).map((v) => (
                        <label key={v} className="radio">
                          <input type="radio" name={`marketing-${p.key}`} value={v} checked={p.marketing === v} onChange={() => update(p.key, { marketing: v })} />
                          <span>{v === 'yes' ? t('consultation.photos.marketingYes') : t('consultation.photos.marketingNo')}</span>
                        </label>
                      ))}
                    </fieldset>
                  ) : null}
                  {errors[p.key] ? (
                    <p className="field__error" role="alert">
                      {translateKey(errors[p.key]!)}
                    </p>
                  ) : null}
                  <button type="button" className="btn btn--ghost btn--small" onClick={() => setPending((xs) => xs.filter((x) => x.key !== p.key))} disabled={progress !== null}>
                    {t('intake.photos.remove')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {marketing === 'ask' ? <p className="field__hint">{t('consultation.photos.marketingHint')}</p> : null}
          <div className="actions actions--end">
            <button type="button" className="btn btn--primary" onClick={() => void saveAll()} disabled={disabled || progress !== null} data-testid="save-photos">
              {progress ? t('intake.photos.uploading', progress) : t('intake.photos.saveAll', { count: pending.length })}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
