import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Communication } from '../../../../shared/schemas/communication';
import { callApi, useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormMessage';
import { applyServerError, contractResolver, rootError, useFormError } from '../../forms';
import { base64ToBytes, saveFile } from '../../files';

interface CorrectionForm {
  text: string;
}

/** Appends a correction (communications.correct); the original stays on screen above it, unchanged. */
export function CorrectionDialog({
  entry,
  onCancel,
  onSaved,
}: {
  entry: Communication;
  onCancel: () => void;
  onSaved: (entry: Communication) => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const toInput = (v: CorrectionForm) => ({ communicationId: entry.id, text: v.text });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CorrectionForm>({
    defaultValues: { text: '' },
    resolver: contractResolver('communications.correct', toInput, ['text']),
  });
  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('communications.correct', toInput(v));
    if (r.ok) onSaved(r.value);
    else setFormError(applyServerError(r.error, ['text'], setError));
  });
  return (
    <Dialog title={t('communications.correctionTitle')} onCancel={onCancel} testId="correction-dialog" className="dialog--wide">
      <p className="muted">{t('communications.correctionIntro')}</p>
      <figure className="original-entry">
        <figcaption className="field__label">{t('communications.original')}</figcaption>
        <blockquote className="pre">{entry.summary}</blockquote>
      </figure>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('communications.correctionTitle')}>
        <Field label={t('communications.correctionText')} error={errors.text?.message}>
          {(p) => <textarea {...p} rows={4} autoFocus {...register('text')} />}
        </Field>
        <FormActions
          error={formError ?? rootError(errors)}
          onCancel={onCancel}
          submitLabel={t('communications.correctionSubmit')}
          submitDisabled={isSubmitting}
        />
      </form>
    </Dialog>
  );
}

/** Shows an attachment (images and text in place; anything else is saved to the computer to open). */
export function AttachmentDialog({ entry, onClose }: { entry: Communication; onClose: () => void }) {
  const { t } = useTranslation();
  const file = useApi('communications.attachment', { communicationId: entry.id });
  const name = entry.attachment?.fileName ?? '';
  const text = useMemo(
    () => (file.state === 'ok' && file.value.mime === 'text/plain' ? new TextDecoder().decode(base64ToBytes(file.value.dataBase64)) : null),
    [file.state, file.value],
  );
  return (
    <Dialog title={t('communications.previewTitle', { name })} onCancel={onClose} testId="attachment-dialog" className="dialog--wide">
      <FormError error={file.error} />
      {file.state === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
      {file.state === 'ok' ? (
        <div className="preview">
          {file.value.mime.startsWith('image/') ? (
            <img className="preview__image" src={`data:${file.value.mime};base64,${file.value.dataBase64}`} alt={name} />
          ) : text !== null ? (
            <pre className="preview__text">{text}</pre>
          ) : (
            <p className="notice notice--warning">{t('communications.previewUnavailable')}</p>
          )}
        </div>
      ) : null}
      <div className="actions actions--end">
        <button type="button" className="btn btn--secondary" onClick={onClose}>
          {t('communications.close')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={file.state !== 'ok'}
          onClick={() => {
            if (file.state === 'ok') saveFile(base64ToBytes(file.value.dataBase64), file.value.fileName, file.value.mime);
          }}
        >
          {t('communications.saveAttachment')}
        </button>
      </div>
    </Dialog>
  );
}
