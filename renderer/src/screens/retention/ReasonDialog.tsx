import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import type { FieldErrors } from '../../components/channelForm';

/** A retention step that needs only a reason (placing or releasing a hold, withdrawing a proposal). */
export function ReasonDialog({
  title,
  testId,
  hint,
  submitLabel,
  form,
  onSubmit,
  onCancel,
}: {
  title: string;
  testId?: string;
  hint?: string | undefined;
  submitLabel: string;
  /** The channel form that sends it (useChannelForm): the reason's error, the form's error, busy while sending. */
  form: { errors: FieldErrors; formError: ApiError | null; busy: boolean };
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Dialog title={title} onCancel={onCancel} testId={testId}>
      <form className="form" noValidate onSubmit={(e) => (e.preventDefault(), onSubmit(reason))}>
        <Field label={t('retention.reason')} error={form.errors.reason} hint={hint}>
          {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <RetentionDialogActions error={form.formError} onCancel={onCancel} submitLabel={submitLabel} busy={form.busy} />
      </form>
    </Dialog>
  );
}

/** The footer of a retention dialog: its error, cancel, and the step's button. */
export function RetentionDialogActions({
  error,
  onCancel,
  submitLabel,
  busy,
  danger = false,
}: {
  error: ApiError | null;
  onCancel: () => void;
  submitLabel: string;
  busy: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <FormActions
      error={error}
      className="dialog__footer rt-actions"
      onCancel={onCancel}
      cancelLabel={t('retention.cancel')}
      submitLabel={submitLabel}
      submitClassName={danger ? 'btn btn--danger' : 'btn btn--primary'}
      submitDisabled={busy}
    />
  );
}
