import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { NewPasswordFields } from '../../components/NewPasswordFields';

/** Changing one's own password (account.changePassword): on the first sign-in and on My account. */
export interface PasswordChangeForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}
export const PASSWORD_CHANGE_FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
export const EMPTY_PASSWORD_CHANGE: PasswordChangeForm = { currentPassword: '', newPassword: '', confirm: '' };
export const toPasswordChangeInput = (v: PasswordChangeForm) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword });
/** A wrong current password reads as that, not as a failed sign-in. */
export const PASSWORD_CHANGE_WORDING = { 'errors.invalid_credentials': 'errors.passwordIncorrect' };

/** The current password, then the new one and its confirmation. */
export function PasswordChangeFields({
  form,
  newPassword,
  owner,
  autoFocus,
}: {
  form: { register: UseFormRegister<PasswordChangeForm>; errors: FieldErrors<PasswordChangeForm> };
  newPassword: string;
  owner: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('account.currentPassword')} error={form.errors.currentPassword?.message}>
        {(p) => <input {...p} type="password" autoComplete="current-password" autoFocus={autoFocus} {...form.register('currentPassword')} />}
      </Field>
      <NewPasswordFields
        form={form}
        names={['newPassword', 'confirm']}
        labels={[t('account.newPassword'), t('account.confirmPassword')]}
        value={newPassword}
        owner={owner}
      />
    </>
  );
}
