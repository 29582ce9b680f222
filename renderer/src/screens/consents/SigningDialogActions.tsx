import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { FormActions } from '../../components/FormActions';

/** The footer of a signing-screen dialog (sign, override, withdraw): nothing can be cancelled while it is sending. */
export function SigningDialogActions({
  error,
  busy,
  onCancel,
  onConfirm,
  label,
  disabled,
  danger = false,
  testId,
}: {
  error: ApiError | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  label: ReactNode;
  disabled: boolean;
  danger?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <FormActions
      error={error}
      className="actions actions--end dialog__footer"
      onCancel={onCancel}
      cancelLabel={t('consent.signing.sign.cancel')}
      cancelDisabled={busy}
      submitLabel={label}
      submitClassName={danger ? 'btn btn--danger' : 'btn btn--primary'}
      submitDisabled={disabled}
      submitTestId={testId}
      onConfirm={onConfirm}
    />
  );
}
