import { get, set, type FieldErrors, type FieldValues, type Resolver, type UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { toFieldIssues, type ApiError, type FieldIssue } from '../../../../shared/errors';
import { firstIssueByField, setIssuesOnFields, type IssuePath } from '../../fieldIssues';

/** Adjusts an issue's path in the channel input to the form's shape (e.g. drops a leading 'fields'). */
export type Rename = (path: IssuePath) => IssuePath;

const same: Rename = (p) => p;

/**
 * The form control an issue belongs to: the deepest prefix of its path that names a value in the form
 * (so `['guardian', 'nationalId']` lands on `guardian.nationalId`, and `['risks']` on the list itself).
 * Null when nothing matches: the issue becomes the form-level message.
 */
export function placeIssue(path: IssuePath, values: FieldValues, rename: Rename = same): string | null {
  const parts = rename(path).map(String);
  for (let n = parts.length; n > 0; n -= 1) {
    const name = parts.slice(0, n).join('.');
    if (get(values, name) !== undefined) return name;
  }
  return null;
}

/** Flat `name -> message` errors as react-hook-form's nested error object (a list keeps its own message beside its items'). */
export function nestErrors(flat: ReadonlyMap<string, string>): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  // Shorter names first, so a list's own message is in place before its items' are added under it.
  for (const [name, message] of [...flat].sort((a, b) => a[0].length - b[0].length)) {
    const error = { type: 'validate', message };
    const existing: unknown = get(errors, name);
    if (existing && typeof existing === 'object') Object.assign(existing, error);
    else set(errors, name, error);
  }
  return errors;
}

/**
 * Like forms.ts's contractResolver, for forms with nested values (groups, lists): validates the channel's own
 * zod schema on the values mapped to the channel input, and places each message key on the control its path
 * names. `extra` adds form-only checks, which win over the schema's message for the same control.
 */
export function nestedResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  toInput: (values: V) => z.input<S>,
  options: { rename?: Rename; extra?: (values: V) => FieldIssue[] } = {},
): Resolver<V> {
  return (values) => {
    const input = toInput(values);
    const parsed = schema.safeParse(input);
    const issues = [...(options.extra?.(values) ?? []), ...(parsed.success ? [] : toFieldIssues(parsed.error, input))];
    if (issues.length === 0) return { values, errors: {} };
    const flat = firstIssueByField(issues, (path) => placeIssue(path, values, options.rename));
    return { values: {}, errors: nestErrors(flat) as FieldErrors<V> };
  };
}

/**
 * Shows a main-process error on a nested form: issues beside their controls, the rest (or an error without
 * issues) returned as the form-level error.
 */
export function placeServerError<V extends FieldValues>(
  error: ApiError,
  values: V,
  setError: UseFormSetError<V>,
  rename: Rename = same,
): ApiError | null {
  return setIssuesOnFields(error.issues ?? [], (path) => placeIssue(path, values, rename), setError) ? error : null;
}

/** The message key of a control's error, or of a list's own error, from react-hook-form's errors object. */
export function errorAt(errors: FieldErrors, name: string): string | undefined {
  const e: unknown = get(errors, name);
  if (!e || typeof e !== 'object') return undefined;
  const message = (e as { message?: unknown; root?: { message?: unknown } }).message ?? (e as { root?: { message?: unknown } }).root?.message;
  return typeof message === 'string' ? message : undefined;
}
