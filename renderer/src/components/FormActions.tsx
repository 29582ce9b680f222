import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/errors';
import { FormError } from './FormMessage';

/**
 * A form's (or a confirming dialog's) footer, the same on every form: its error, then a row with the way back
 * and the one action. The action submits the form, or, given `onConfirm`, is a plain button that runs it.
 */
export function FormActions({
  error,
  children,
  className = 'actions actions--end',
  onCancel,
  cancelLabel,
  cancelAutoFocus,
  cancelDisabled,
  submitLabel,
  submitClassName = 'btn btn--primary',
  submitDisabled,
  submitTestId,
  onConfirm,
  onReload,
  timeZone,
}: {
  error: ApiError | null | undefined;
  /** Shown between the error and the buttons (a success notice). */
  children?: ReactNode;
  /** The button row's classes: 'actions actions--between' puts the way back at the far left. */
  className?: string;
  /** Without it there is no cancel button (a form shown inline with nothing to go back to). */
  onCancel?: (() => void) | undefined;
  /** Defaults to "Cancel". */
  cancelLabel?: ReactNode;
  /** Confirming dialogs start on cancel, so Enter never confirms by accident. */
  cancelAutoFocus?: boolean;
  cancelDisabled?: boolean;
  submitLabel: ReactNode;
  submitClassName?: string;
  submitDisabled?: boolean;
  submitTestId?: string;
  onConfirm?: () => void;
  /** Offered beside an error saying another seat saved this record meanwhile: loads the latest (issue 14). */
  onReload?: () => void;
  /** The clinic's time zone, for the time such an error names. */
  timeZone?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormError error={error} onReload={onReload} timeZone={timeZone} />
      {children}
      <div className={className}>
        {onCancel ? (
          <button type="button" className="btn btn--secondary" onClick={onCancel} autoFocus={cancelAutoFocus} disabled={cancelDisabled}>
            {cancelLabel ?? t('common.cancel')}
          </button>
        ) : null}
        <button type={onConfirm ? 'button' : 'submit'} className={submitClassName} onClick={onConfirm} disabled={submitDisabled} data-testid={submitTestId}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
