import type { z } from 'zod';

/** The closed set of failure codes a channel can answer with. */
export const ERROR_CODES = [
  'invalid_input',
  'invalid_credentials',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'locked',
  'cooling_off',
  'rule_violation',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Path of the field inside the channel's input, e.g. ['licenceNo']. */
  path: (string | number)[];
  /** A locale key under `validation.` */
  messageKey: string;
}

export interface ApiError {
  code: ErrorCode;
  /** A locale key the renderer shows in the user's language. */
  messageKey: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Maps zod's issue codes to locale keys; a custom issue already carries its key as message. */
const ISSUE_KEYS: Record<string, string> = {
  invalid_type: 'validation.invalidType',
  too_big: 'validation.tooBig',
  too_small: 'validation.tooSmall',
  invalid_format: 'validation.invalidFormat',
  unrecognized_keys: 'validation.unknownField',
  invalid_value: 'validation.invalidValue',
  invalid_union: 'validation.invalidValue',
  not_multiple_of: 'validation.invalidValue',
  invalid_key: 'validation.invalidValue',
  invalid_element: 'validation.invalidValue',
};

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)).slice(0, 10),
    messageKey: issue.message.startsWith('validation.')
      ? issue.message
      : issue.code === 'too_small' && 'minimum' in issue && issue.minimum === 1 && issue.origin === 'string'
        ? 'validation.required'
        : (ISSUE_KEYS[issue.code] ?? 'validation.invalidValue'),
  }));
}
