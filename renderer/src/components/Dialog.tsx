import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the browser's native <dialog> (top layer, focus kept inside, rest of the page inert).
 * Shown while mounted; Escape calls onCancel unless `dismissible` is false.
 */
export function Dialog({
  title,
  children,
  onCancel,
  dismissible = true,
  className,
  testId,
}: {
  title: ReactNode;
  children: ReactNode;
  onCancel?: () => void;
  dismissible?: boolean;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCancelRef = useRef(onCancel);
  useEffect(() => {
    onCancelRef.current = onCancel;
  }, [onCancel]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    let mounted = true;
    const cancel = (event: Event) => {
      event.preventDefault();
      if (dismissible) onCancelRef.current?.();
    };
    // Chromium may close a modal dialog on a repeated Escape even when `cancel` is prevented:
    // a dialog that must not be dismissed (the lock) opens itself again.
    const closed = () => {
      if (mounted && !dismissible && !dialog.open) dialog.showModal();
      else if (mounted && dismissible) onCancelRef.current?.();
    };
    dialog.addEventListener('cancel', cancel);
    dialog.addEventListener('close', closed);
    return () => {
      mounted = false;
      dialog.removeEventListener('cancel', cancel);
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
    };
  }, [dismissible]);

  return (
    <dialog ref={ref} className={`dialog ${className ?? ''}`} aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
