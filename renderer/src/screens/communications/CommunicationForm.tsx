import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { CommunicationChannel, CommunicationDirection, type Communication } from '../../../../shared/schemas/communication';
import type { PatientDetail } from '../../../../shared/schemas/patient';
import { callApi } from '../../api';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Icon } from '../../components/Icon';
import { rootError, useFormError } from '../../forms';
import { translateKey } from '../../i18n';
import { formatBytes, readFileAsBase64 } from '../../files';
import { formatDate, toWallTime } from '../../clinicTime';
import { procedureNameIn } from '../../procedureName';
import { nestedResolver, placeServerError } from '../patients/nestedForm';
import { attachmentMime, attachmentProblem, safeFileName, type PickedAttachment } from './attachments';
import { CHANNEL_ICON } from './channelIcons';
import { logFormChecks, logRename, toLogInput, type LogForm } from './commForm';
import { parseTypedDateTime } from '../../../../shared/date-format';

function blankForm(timeZone: string): LogForm {
  return { channel: 'phone', direction: 'inbound', occurredAt: toWallTime(new Date(), timeZone), summary: '', consultationId: '', attachmentName: '' };
}

/** Logs one exchange with the patient (communications.log). Saved entries are final; corrections are appended later. */
export function CommunicationForm({
  detail,
  timeZone,
  zoneLabel,
  onSaved,
  onCancel,
}: {
  detail: PatientDetail;
  timeZone: string;
  zoneLabel: string;
  onSaved: (entry: Communication) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const patientId = detail.patient.id;
  const { formError, setFormError } = useFormError();
  const [attachment, setAttachment] = useState<PickedAttachment | null>(null);
  const [reading, setReading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<LogForm>({
    mode: 'onTouched',
    defaultValues: blankForm(timeZone),
    // The file is checked when picked; re-validating megabytes of base64 on every keystroke helps no one.
    resolver: nestedResolver(api['communications.log'].input, (v: LogForm) => toLogInput(v, patientId, timeZone, null), {
      rename: logRename,
      extra: logFormChecks(timeZone),
    }),
  });

  const pick = async (file: File | undefined) => {
    clearErrors('attachmentName');
    if (!file) return;
    const problem = attachmentProblem(file);
    const mime = attachmentMime(file);
    if (problem || !mime) {
      setError('attachmentName', { type: 'validate', message: problem ?? 'communications.fileType' });
      return;
    }
    setReading(true);
    try {
      const dataBase64 = await readFileAsBase64(file);
      const fileName = safeFileName(file.name);
      setAttachment({ fileName, mime, dataBase64, size: file.size });
      setValue('attachmentName', fileName);
    } catch {
      setError('attachmentName', { type: 'validate', message: 'communications.fileUnreadable' });
    } finally {
      setReading(false);
    }
  };

  const removeAttachment = () => {
    setAttachment(null);
    setValue('attachmentName', '');
    clearErrors('attachmentName');
    if (fileInput.current) fileInput.current.value = '';
  };

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('communications.log', toLogInput(v, patientId, timeZone, attachment));
    if (r.ok) onSaved(r.value);
    else setFormError(placeServerError(r.error, getValues(), setError, logRename));
  });

  const attachmentError = errors.attachmentName?.message;
  return (
    <form className="form card card--panel commform" onSubmit={(e) => void submit(e)} noValidate aria-label={t('communications.logTitle')}>
      <h2 className="card__title">{t('communications.logTitle')}</h2>
      <div className="commform__row">
        <fieldset className="pills">
          <legend className="field__label">{t('communications.channel')}</legend>
          <div className="pills__options">
            {CommunicationChannel.options.map((c) => (
              <label key={c} className="pill">
                <input type="radio" value={c} {...register('channel')} />
                <span>
                  <Icon name={CHANNEL_ICON[c]} size={16} />
                  {t(`communications.channels.${c}`)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="pills">
          <legend className="field__label">{t('communications.direction')}</legend>
          <div className="pills__options">
            {CommunicationDirection.options.map((d) => (
              <label key={d} className="pill">
                <input type="radio" value={d} {...register('direction')} />
                <span>{t(`communications.directions.${d}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="pform__grid pform__grid--2">
        <Field label={t('communications.occurredAt')} error={errors.occurredAt?.message} hint={t('communications.occurredAtHint', { zone: zoneLabel })}>
          {(p) => <input {...p} type="text" inputMode="numeric" placeholder="yyyy/mm/dd hh:mm" {...register('occurredAt', { setValueAs: (v: string) => parseTypedDateTime(v) ?? v })} />}
        </Field>
        <Field label={t('communications.consultation')} error={errors.consultationId?.message}>
          {(p) => (
            <select {...p} {...register('consultationId')}>
              <option value="">{t('communications.noConsultation')}</option>
              {detail.consultations.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('communications.consultationOption', { procedure: procedureNameIn(c, i18n.language), date: formatDate(c.createdAt, timeZone, i18n.language) })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('communications.summary')} error={errors.summary?.message}>
        {(p) => <textarea {...p} rows={4} placeholder={t('communications.summaryPlaceholder')} {...register('summary')} />}
      </Field>
      <div className={`field field--file ${attachmentError ? 'field--invalid' : ''}`}>
        <label htmlFor="comm-file" className="field__label">
          {t('communications.attachment')}
        </label>
        <input
          id="comm-file"
          ref={fileInput}
          type="file"
          className="file-pick__input"
          tabIndex={-1}
          accept="image/jpeg,image/png,application/pdf,text/plain,.txt"
          aria-describedby="comm-file-hint"
          onChange={(e) => void pick(e.target.files?.[0])}
        />
        <div className="file-pick">
          <button type="button" className="btn btn--secondary btn--small" onClick={() => fileInput.current?.click()} disabled={reading}>
            <Icon name="paperclip" size={16} />
            {t('communications.chooseFile')}
          </button>
          <span className={attachment ? 'file-pick__name' : 'muted'} data-testid="attachment-name">
            {reading ? t('communications.reading') : attachment ? t('communications.attachmentSize', { name: attachment.fileName, size: formatBytes(attachment.size) }) : t('communications.noFile')}
          </span>
          {attachment ? (
            <button type="button" className="btn btn--link" onClick={removeAttachment}>
              {t('communications.removeFile')}
            </button>
          ) : null}
        </div>
        <div id="comm-file-hint" className="field__hint">
          {t('communications.attachmentHint')}
        </div>
        {attachmentError ? (
          <p className="field__error" role="alert">
            {translateKey(attachmentError)}
          </p>
        ) : null}
      </div>
      <FormActions
        error={formError ?? rootError(errors)}
        onCancel={onCancel}
        submitLabel={isSubmitting ? t('communications.saving') : t('communications.submit')}
        submitDisabled={isSubmitting || reading}
      />
    </form>
  );
}
