import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { FieldIssue } from '../../shared/errors';

/** An issue's path in the channel input (['guardian', 'nationalId'], ['items', 0, 'amountTwd']). */
export type IssuePath = readonly (string | number)[];

/** Where a form shows an issue: the name of its field, or null when the form has no field for it. */
export type IssuePlace = (path: IssuePath) => string | null;

/**
 * The message key for each field, in the order the issues came: the first issue for a field wins (form checks are
 * listed before the schema's, so their more specific message stays). Issues with no field go under 'root', the
 * form-level message.
 */
export function firstIssueByField(issues: readonly FieldIssue[], place: IssuePlace): Map<string, string> {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = place(issue.path) ?? 'root';
    if (!byField.has(field)) byField.set(field, issue.messageKey);
  }
  return byField;
}

/**
 * Shows a main-process answer's issues beside their fields (the first one placed takes the focus), with `wording`
 * swapping a message key for one that reads better on this form. True when the form-level message is still
 * needed: some issue had no field, or none was placed.
 */
export function setIssuesOnFields<V extends FieldValues>(
  issues: readonly FieldIssue[],
  place: IssuePlace,
  setError: UseFormSetError<V>,
  wording: (key: string) => string = (key) => key,
): boolean {
  let unplaced = false;
  let first = true;
  for (const issue of issues) {
    const field = place(issue.path);
    if (field === null) {
      unplaced = true;
      continue;
    }
    setError(field as Path<V>, { type: 'server', message: wording(issue.messageKey) }, { shouldFocus: first });
    first = false;
  }
  return unplaced || first;
}
