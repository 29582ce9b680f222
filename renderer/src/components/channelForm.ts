import { useCallback, useState } from 'react';
import { api, type ChannelName, type In, type Out } from '../../../shared/api';
import { toFieldIssues, type ApiError, type FieldIssue } from '../../../shared/errors';
import { callApi } from '../api';
import { firstIssueByField } from '../fieldIssues';

/** Field errors keyed by the issue's path ('pain', 'products.0.lot'); the value is a locale key. */
export type FieldErrors = Record<string, string>;

/**
 * Submits one channel from a small form: checked first with the channel's own zod schema (the same the main
 * process uses), then sent. Issues land beside their fields (by path); the rest is a form-level error.
 * `shown` lists the field paths the form displays: an issue for any other path becomes the form's message.
 */
export function useChannelForm<C extends ChannelName>(channel: C, shown: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const place = useCallback(
    (issues: readonly FieldIssue[], fallback: ApiError): void => {
      const byField: FieldErrors = Object.fromEntries(firstIssueByField(issues, (path) => path.join('.')));
      const placed = Object.fromEntries(Object.entries(byField).filter(([k]) => shown.some((s) => k === s || k.startsWith(`${s}.`))));
      setErrors(placed);
      const unplaced = Object.keys(byField).length > Object.keys(placed).length || Object.keys(byField).length === 0;
      setFormError(unplaced ? fallback : null);
    },
    [shown],
  );

  const submit = useCallback(
    async (input: In<C>): Promise<Out<C> | null> => {
      setFormError(null);
      const parsed = api[channel].input.safeParse(input);
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error, input);
        place(issues, { code: 'invalid_input', messageKey: issues[0]?.messageKey ?? 'errors.invalid_input' });
        return null;
      }
      setErrors({});
      setBusy(true);
      const r = await callApi(channel, input);
      setBusy(false);
      if (r.ok) return r.value;
      if (r.error.issues?.length) place(r.error.issues, r.error);
      else setFormError(r.error);
      return null;
    },
    [channel, place],
  );

  const clear = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  return { errors, formError, busy, submit, clear, setFormError };
}
