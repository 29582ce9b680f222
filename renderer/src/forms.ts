import { useCallback, useState } from 'react';
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import { api, type ChannelName, type In } from '../../shared/api';
import { toFieldIssues, type ApiError, type FieldIssue } from '../../shared/errors';
import { passwordWeaknesses } from '../../shared/schemas/staff';
import { firstIssueByField, setIssuesOnFields } from './fieldIssues';

/**
 * A react-hook-form resolver that validates with the channel's own zod input schema from shared/api.ts
 * (the same one the main process uses), after mapping the form's values to the channel input.
 * `extra` adds form-only checks such as "passwords match". Error messages are locale keys.
 * The main process re-validates; its answer is the authority (see applyServerError).
 */
export function contractResolver<C extends ChannelName, V extends FieldValues>(
  channel: C,
  toInput: (values: V) => In<C>,
  fields: readonly Path<V>[],
  extra?: (values: V) => FieldIssue[],
): Resolver<V> {
  return (values) => {
    const input = toInput(values);
    const parsed = api[channel].input.safeParse(input);
    // Form checks first: they carry the more specific message for a field (e.g. "physicians need a licence").
    const issues = [...(extra?.(values) ?? []), ...(parsed.success ? [] : toFieldIssues(parsed.error, input))];
    if (issues.length === 0) return { values, errors: {} };
    // Issues for a field the form does not show go to the form-level message.
    const byField = firstIssueByField(issues, (path) => {
      const name = String(path[0] ?? '');
      return fields.some((f) => f === name) ? name : null;
    });
    const errors = Object.fromEntries([...byField].map(([field, message]) => [field, { type: 'validate', message }]));
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

/** Form-only check: the confirmation field repeats the password. */
export function confirmMatches<V extends FieldValues>(password: Path<V>, confirm: Path<V>) {
  return (values: V): FieldIssue[] =>
    values[password] !== values[confirm] && String(values[confirm] ?? '').length > 0
      ? [{ path: [confirm], messageKey: 'validation.passwordMismatch' }]
      : String(values[confirm] ?? '').length === 0
        ? [{ path: [confirm], messageKey: 'validation.required' }]
        : [];
}

/**
 * Form-only checks of a new password: the confirmation repeats it, and it does not contain the person's name or
 * login id (`names`). The main process refuses such a password too; this says so before submitting.
 */
export function newPasswordChecks<V extends FieldValues>(password: Path<V>, confirm: Path<V>, names: (values: V) => readonly (string | undefined)[]) {
  return (values: V): FieldIssue[] => [
    ...confirmMatches<V>(password, confirm)(values),
    ...(names(values).some((n) => passwordWeaknesses(String(values[password] ?? ''), n).includes('validation.passwordContainsName'))
      ? [{ path: [password], messageKey: 'validation.passwordContainsName' }]
      : []),
  ];
}

/**
 * Shows a main-process error: issues go beside their field (issue.path[0]), whatever the code
 * (`invalid_input`, or e.g. `rule_violation` for one field); anything else, including issues for fields
 * the form does not show, becomes the form-level message (returned). `wording` swaps a message key for
 * one that reads better on this form (e.g. "the password is incorrect" where no name was typed).
 */
export function applyServerError<V extends FieldValues>(
  error: ApiError,
  fields: readonly Path<V>[],
  setError: UseFormSetError<V>,
  wording: Record<string, string> = {},
): ApiError | null {
  const reword = (key: string) => wording[key] ?? key;
  const place = (path: readonly (string | number)[]) => fields.find((f) => f === String(path[0])) ?? null;
  return setIssuesOnFields(error.issues ?? [], place, setError, reword) ? { ...error, messageKey: reword(error.messageKey) } : null;
}

/** A client-side issue the form has no field for, as a form-level error. */
export function rootError<V extends FieldValues>(errors: FieldErrors<V>): ApiError | null {
  const message = errors.root?.message;
  return typeof message === 'string' ? { code: 'invalid_input', messageKey: message } : null;
}

/** Form-level error state for one form: an ApiError (translated when shown) or nothing. */
export function useFormError() {
  const [formError, setFormError] = useState<ApiError | null>(null);
  const clear = useCallback(() => setFormError(null), []);
  return { formError, setFormError, clearFormError: clear };
}
