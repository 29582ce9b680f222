import { useEffect, useRef } from 'react';
import type { ApiError } from '../../../shared/errors';
import i18next from 'i18next';
import { formatInstant } from '../clinicTime';
import { translateKey } from '../i18n';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Another seat saved the record this form edits (issue 14): the error names who and when, and offers a reload. */
export const isEditedElsewhere = (error: ApiError | null | undefined): boolean => error?.code === 'conflict' && error.messageKey === 'errors.editedElsewhere';

/**
 * The text to show for an error from the main process, in the current language. An `at` parameter that is a stored
 * instant is shown in the clinic's time zone (`timeZone`; this computer's when the form does not know it).
 */
export function errorText(error: ApiError, timeZone?: string): string {
  if (error.code === 'locked' && error.params && 'seconds' in error.params) {
    return translateKey('errors.lockedOut', error.params);
  }
  const at = error.params?.at;
  if (typeof at === 'string' && ISO_INSTANT.test(at)) {
    const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    return translateKey(error.messageKey, { ...error.params, at: formatInstant(at, zone, i18next.language) });
  }
  return translateKey(error.messageKey, error.params);
}

/**
 * A form's error. It scrolls itself into view when it appears: otherwise a message below the fold or under a
 * sticky footer (a dialog's, a form's action bar) is announced but not seen. Scroll containers keep room for
 * those bars with scroll-padding (styles.css), which scrollIntoView respects.
 */
export function FormError({
  error,
  timeZone,
  onReload,
}: {
  error: ApiError | null | undefined;
  /** The clinic's time zone, for a time the message names. */
  timeZone?: string;
  /** Offered when another seat saved the record meanwhile: loads the latest (the typed values stay until then). */
  onReload?: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  return (
    <div ref={ref} className="notice notice--error" role="alert" data-testid="form-error" data-code={error.code}>
      {errorText(error, timeZone)}
      {onReload && isEditedElsewhere(error) ? (
        <button type="button" className="btn btn--secondary" onClick={onReload} data-testid="reload-latest">
          {translateKey('errors.editedElsewhereReload')}
        </button>
      ) : null}
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
