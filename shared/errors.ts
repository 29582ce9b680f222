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

/** Nothing typed: missing, null, an empty or blank string, or an empty number box (NaN). */
function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (typeof v === 'number' && Number.isNaN(v));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * zod's issues as field issues with locale keys. With `input` (what was validated), a field left empty says
 * "required", never "wrong type" or "wrong format": nothing was typed, so nothing can be in the wrong format.
 */
const NO_INPUT = Symbol('no input');
export function toFieldIssues(error: z.ZodError, input: unknown = NO_INPUT): FieldIssue[] {
  const hasInput = input !== NO_INPUT;
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)).slice(0, 10),
    messageKey: issue.message.startsWith('validation.')
      ? issue.message
      : issue.code === 'too_small' && 'minimum' in issue && issue.minimum === 1 && issue.origin === 'string'
        ? 'validation.required'
        : hasInput && issue.code !== 'unrecognized_keys' && isEmptyValue(valueAt(input, issue.path))
          ? 'validation.required'
          : (ISSUE_KEYS[issue.code] ?? 'validation.invalidValue'),
  }));
}
