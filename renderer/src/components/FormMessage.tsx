import { useEffect, useRef } from 'react';
import type { ApiError } from '../../../shared/errors';
import { translateKey } from '../i18n';

/** The text to show for an error from the main process, in the current language. */
export function errorText(error: ApiError): string {
  if (error.code === 'locked' && error.params && 'seconds' in error.params) {
    return translateKey('errors.lockedOut', error.params);
  }
  return translateKey(error.messageKey, error.params);
}

/**
 * A form's error. It scrolls itself into view when it appears: otherwise a message below the fold or under a
 * sticky footer (a dialog's, a form's action bar) is announced but not seen. Scroll containers keep room for
 * those bars with scroll-padding (styles.css), which scrollIntoView respects.
 */
export function FormError({ error }: { error: ApiError | null | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  return (
    <div ref={ref} className="notice notice--error" role="alert" data-testid="form-error" data-code={error.code}>
      {errorText(error)}
    </div>
  );
}

export function FormSuccess({ children }: { children: string | null | undefined }) {
  if (!children) return null;
  return (
    <div className="notice notice--success" role="status">
      {children}
    </div>
  );
}
