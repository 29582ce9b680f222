import { set, type FieldErrors, type FieldValues, type Resolver, type UseFormSetError } from 'react-hook-form';
import { api, type ChannelName, type In } from '../../../../shared/api';
import { toFieldIssues, type ApiError, type FieldIssue } from '../../../../shared/errors';
import { firstIssueByField, setIssuesOnFields, type IssuePlace } from '../../fieldIssues';

/**
 * Where an issue of the channel input belongs in a nested step form: the input path without the `prefix` the
 * form's values sit under (e.g. ['quote']), as a dotted name ('items.0.amountTwd'). A path that names a field
 * array itself ('items') goes to its `.root`. Anything outside the form's own top-level `fields` is 'root'.
 */
export function issueField(path: readonly (string | number)[], prefix: readonly string[], fields: readonly string[], arrays: readonly string[] = []): string {
  const inside = prefix.every((p, i) => path[i] === p);
  const rest = inside ? path.slice(prefix.length).map(String) : [];
  if (rest.length === 0 || !fields.includes(rest[0]!)) return 'root';
  const name = rest.join('.');
  return arrays.includes(name) ? `${name}.root` : name;
}

/** issueField as the place of an issue: 'root' (outside the form) is no field of it. */
function placeInStep(options: { prefix: readonly string[]; fields: readonly string[]; arrays?: readonly string[] }): IssuePlace {
  return (path) => {
    const field = issueField(path, options.prefix, options.fields, options.arrays);
    return field === 'root' ? null : field;
  };
}

/**
 * The existing contract resolver (forms.ts) for forms whose values are nested in the channel input: validates
 * `toInput(values)` with the channel's own zod schema, plus `extra` form checks (listed first, as they carry the
 * more specific message), and places each issue on its nested field. Messages are locale keys.
 */
export function stepResolver<C extends ChannelName, V extends FieldValues>(
  channel: C,
  toInput: (values: V) => In<C>,
  options: { prefix: readonly string[]; fields: readonly string[]; arrays?: readonly string[] },
  extra?: (values: V) => FieldIssue[],
): Resolver<V> {
  return (values) => {
    const input = toInput(values);
    const parsed = api[channel].input.safeParse(input);
    // Form checks use paths of the form's own values: give them the prefix so one mapping serves both.
    const formIssues = (extra?.(values) ?? []).map((i) => ({ ...i, path: [...options.prefix, ...i.path] }));
    const issues = [...formIssues, ...(parsed.success ? [] : toFieldIssues(parsed.error, input))];
    if (issues.length === 0) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const [field, message] of firstIssueByField(issues, placeInStep(options))) set(errors, field, { type: 'validate', message });
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

/**
 * Shows a main-process error on a nested step form: issues inside the form go beside their field, the rest
 * (and an error without issues) is returned as the form-level message.
 */
export function applyStepServerError<V extends FieldValues>(
  error: ApiError,
  options: { prefix: readonly string[]; fields: readonly string[]; arrays?: readonly string[] },
  setError: UseFormSetError<V>,
): ApiError | null {
  return setIssuesOnFields(error.issues ?? [], placeInStep(options), setError) ? error : null;
}

/** "yes"/"no" radios as a form value: nothing chosen yet is ''. */
export type YesNo = '' | 'yes' | 'no';
export const yesNo = (b: boolean | undefined | null): YesNo => (b === true ? 'yes' : b === false ? 'no' : '');
