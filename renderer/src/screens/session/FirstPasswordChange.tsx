import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi } from '../../api';
import { LanguageToggle } from '../../components/LanguageToggle';
import { FormError } from '../../components/FormMessage';
import { PASSWORD_CHANGE_FIELDS, PASSWORD_CHANGE_WORDING, PasswordChangeFields, EMPTY_PASSWORD_CHANGE, toPasswordChangeInput, type PasswordChangeForm } from './PasswordChangeFields';
import { applyServerError, contractResolver, newPasswordChecks, rootError, useFormError } from '../../forms';
import './session.css';

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
  } = useForm<PasswordChangeForm>({
    mode: 'onTouched',
    defaultValues: EMPTY_PASSWORD_CHANGE,
    resolver: contractResolver('account.changePassword', toPasswordChangeInput, PASSWORD_CHANGE_FIELDS, newPasswordChecks<PasswordChangeForm>('newPassword', 'confirm', () => [name, loginId])),
  });
  const newPassword = useWatch({ control, name: 'newPassword' });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('account.changePassword', toPasswordChangeInput(v));
    if (!r.ok) {
      setFormError(applyServerError(r.error, PASSWORD_CHANGE_FIELDS, setError, PASSWORD_CHANGE_WORDING));
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
            <PasswordChangeFields form={{ register, errors }} newPassword={newPassword} owner={name} autoFocus />
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
