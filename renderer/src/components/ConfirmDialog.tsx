import { useState, type ReactNode } from 'react';
import type { ApiError, ApiResult } from '../../../shared/errors';
import { Dialog } from './Dialog';
import { FormActions } from './FormActions';

/**
 * "Are you sure?" before one step that cannot simply be undone (deactivate, disclose, publish, withdraw):
 * what it does, cancel (focused first) and the step, with the main process's refusal shown above the buttons.
 */
export function ConfirmDialog<T>({
  title,
  testId,
  children,
  confirmLabel,
  danger = false,
  action,
  onDone,
  onCancel,
  onReload,
  timeZone,
}: {
  title: string;
  testId: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** The confirmed step: one channel call. */
  action: () => Promise<ApiResult<T>>;
  onDone: (value: T) => void;
  onCancel: () => void;
  /** Offered when the step was refused because another seat changed the record meanwhile (issue 14). */
  onReload?: () => void;
  timeZone?: string;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    const r = await action();
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };
  return (
    <Dialog title={title} onCancel={onCancel} testId={testId}>
      {children}
      <FormActions
        error={error}
        onCancel={onCancel}
        cancelAutoFocus
        submitLabel={confirmLabel}
        submitClassName={danger ? 'btn btn--danger' : 'btn btn--primary'}
        submitDisabled={busy}
        onConfirm={() => void confirm()}
        onReload={onReload}
        timeZone={timeZone}
      />
    </Dialog>
  );
}
