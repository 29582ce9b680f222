import type { ApiError, ErrorCode, FieldIssue } from '../../shared/errors';

/**
 * A failure with a code from the contract's closed union and a locale key.
 * Thrown by the store and services; the router turns it into `{ ok:false, error }`.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params: Record<string, string | number> | undefined;
  readonly issues: FieldIssue[] | undefined;
  constructor(code: ErrorCode, messageKey: string, params?: Record<string, string | number>, issues?: FieldIssue[]) {
    super(`${code}: ${messageKey}`);
    this.name = 'DomainError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.issues = issues;
  }
  toApiError(): ApiError {
    return {
      code: this.code,
      messageKey: this.messageKey,
      ...(this.params ? { params: this.params } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

export function fail(code: ErrorCode, messageKey: string = `errors.${code}`, params?: Record<string, string | number>): never {
  throw new DomainError(code, messageKey, params);
}

/** A rule broken by one field: shown beside that field like a validation issue. */
export function failField(code: ErrorCode, field: string | (string | number)[], messageKey: string): never {
  throw new DomainError(code, messageKey, undefined, [{ path: Array.isArray(field) ? field : [field], messageKey }]);
}
