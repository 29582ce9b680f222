import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { passwordWeaknesses } from '../../../../shared/schemas/staff';
import { callApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import { LanguageToggle } from '../../components/LanguageToggle';
import { PasswordStrength } from '../../components/PasswordStrength';
import { applyServerError, confirmMatches, contractResolver, rootError, useFormError } from '../../forms';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}
const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
const toInput = (v: PasswordForm) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword });

/**
 * Shown instead of the app when the password was set by an administrator: the main process answers nothing
 * else until this person has chosen their own (router.ts), so this screen is the only way on.
 */
export function FirstPasswordChange({
  session,
  onChanged,
  onSignedOut,
}: {
  session: SessionInfo;
  onChanged: (session: SessionInfo) => void;
  onSignedOut: () => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const [busy, setBusy] = useState(false);
  const { name, loginId } = session.staff;
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<PasswordForm>({
    mode: 'onTouched',
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
    resolver: contractResolver('account.changePassword', toInput, FIELDS, (v): FieldIssue[] => [
      ...confirmMatches<PasswordForm>('newPassword', 'confirm')(v),
      ...([name, loginId].some((n) => passwordWeaknesses(v.newPassword, n).includes('validation.passwordContainsName'))
        ? [{ path: ['newPassword'], messageKey: 'validation.passwordContainsName' }]
        : []),
    ]),
  });
  const newPassword = useWatch({ control, name: 'newPassword' });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('account.changePassword', toInput(v));
    if (!r.ok) {
      setFormError(applyServerError(r.error, FIELDS, setError, { 'errors.invalid_credentials': 'errors.passwordIncorrect' }));
      return;
    }
    const info = await callApi('session.heartbeat', {});
    if (info.ok) onChanged(info.value);
    else setFormError(info.error);
  });

  const signOut = async () => {
    setBusy(true);
    await callApi('session.signOut', {});
    setBusy(false);
    onSignedOut();
  };

  return (
    <div className="center-screen">
      <div className="auth">
        <div className="auth__top">
          <div>
            <p className="eyebrow">{t('app.name')}</p>
            <p className="muted">{session.clinicName}</p>
          </div>
          <LanguageToggle />
        </div>
        <section className="card card--narrow" aria-labelledby="first-password-title" data-testid="first-password-change">
          <h1 className="card__title" id="first-password-title">
            {t('staffAccounts.mustChange.title')}
          </h1>
          <p>{t('staffAccounts.mustChange.body', { name, loginId })}</p>
          <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="first-password-title">
            <Field label={t('account.currentPassword')} error={errors.currentPassword?.message}>
              {(p) => <input {...p} type="password" autoComplete="current-password" autoFocus {...register('currentPassword')} />}
            </Field>
            <Field
              label={t('account.newPassword')}
              error={errors.newPassword?.message}
              hint={<PasswordStrength password={newPassword} name={name} />}
            >
              {(p) => <input {...p} type="password" autoComplete="new-password" {...register('newPassword')} />}
            </Field>
            <Field label={t('account.confirmPassword')} error={errors.confirm?.message}>
              {(p) => <input {...p} type="password" autoComplete="new-password" {...register('confirm')} />}
            </Field>
            <FormError error={formError ?? rootError(errors)} />
            <button type="submit" className="btn btn--primary btn--wide" disabled={isSubmitting}>
              {t('staffAccounts.mustChange.submit')}
            </button>
          </form>
          <div className="auth__alt">
            <button type="button" className="btn btn--link" onClick={() => void signOut()} disabled={busy}>
              {t('staffAccounts.mustChange.signOut')}
            </button>
          </div>
        </section>
      </div>
    </div>
  );
}
