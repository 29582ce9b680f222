import type { ApiError } from '../../../shared/errors';
import { translateKey } from '../i18n';

/** The text to show for an error from the main process, in the current language. */
export function errorText(error: ApiError): string {
  if (error.code === 'locked' && error.params && 'seconds' in error.params) {
    return translateKey('errors.lockedOut', error.params);
  }
  return translateKey(error.messageKey, error.params);
}

export function FormError({ error }: { error: ApiError | null | undefined }) {
  if (!error) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="form-error" data-code={error.code}>
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
