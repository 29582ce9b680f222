import type { ReactNode } from 'react';
import { get, type FieldErrors, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { Field } from './Field';
import { PasswordStrength } from './PasswordStrength';

/** The message key of a field's error, if any. */
function messageAt<V extends FieldValues>(errors: FieldErrors<V>, name: Path<V>): string | undefined {
  const error: unknown = get(errors, name);
  const message = error && typeof error === 'object' ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}

/**
 * A new password and its confirmation, with the live strength checklist under the first: the same two boxes
 * wherever a password is chosen (first sign-in, my account, recovery, a new colleague, a reset).
 */
export function NewPasswordFields<V extends FieldValues>({
  form: { register, errors },
  names: [password, confirm],
  labels: [passwordLabel, confirmLabel],
  value,
  owner,
  autoFocus,
  between,
}: {
  form: { register: UseFormRegister<V>; errors: FieldErrors<V> };
  /** The form's names for the password and the confirmation. */
  names: readonly [Path<V>, Path<V>];
  labels: readonly [string, string];
  /** The password as typed so far (watched by the form), for the checklist. */
  value: string;
  /** Whose password it is: the checklist warns when the password contains this name. */
  owner: string | undefined;
  autoFocus?: boolean;
  /** Shown between the two boxes (a note about temporary passwords). */
  between?: ReactNode;
}) {
  return (
    <>
      <Field label={passwordLabel} error={messageAt(errors, password)} hint={<PasswordStrength password={value} name={owner} />}>
        {(p) => <input {...p} type="password" autoComplete="new-password" autoFocus={autoFocus} {...register(password)} />}
      </Field>
      {between}
      <Field label={confirmLabel} error={messageAt(errors, confirm)}>
        {(p) => <input {...p} type="password" autoComplete="new-password" {...register(confirm)} />}
      </Field>
    </>
  );
}
