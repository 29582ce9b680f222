import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/schemas/session';
import { callApi } from '../api';
import { applyServerError, rootError, contractResolver, useFormError } from '../forms';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { FormError } from './FormMessage';

interface UnlockForm {
  password: string;
}

/**
 * Full-screen, opaque lock. It is drawn over the current screen (which stays mounted, so half-typed
 * forms keep their values) in the browser's top layer, which also makes the page underneath inert.
 */
export function LockOverlay({
  session,
  onUnlocked,
  onSignedOut,
}: {
  session: SessionInfo;
  onUnlocked: (info: SessionInfo) => void;
  onSignedOut: () => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const [signingOut, setSigningOut] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<UnlockForm>({
    defaultValues: { password: '' },
    resolver: contractResolver('session.unlock', (v: UnlockForm) => ({ password: v.password }), ['password']),
  });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('session.unlock', { password: v.password });
    if (r.ok) {
      onUnlocked(r.value);
      return;
    }
    resetField('password');
    setFormError(applyServerError(r.error, ['password'], setError, { 'errors.invalid_credentials': 'errors.passwordIncorrect' }));
  });

  const signOut = async () => {
    setSigningOut(true);
    await callApi('session.signOut', {});
    onSignedOut();
  };

  return (
    <Dialog title={t('lock.title')} dismissible={false} className="lock" testId="lock-overlay">
      <p className="lock__who">{t('lock.body', { name: session.staff.name })}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <Field label={t('lock.password')} error={errors.password?.message}>
          {(p) => (
            <input {...p} type="password" autoComplete="current-password" autoFocus {...register('password')} />
          )}
        </Field>
        <FormError error={formError ?? rootError(errors)} />
        <div className="actions actions--stack">
          <button type="submit" className="btn btn--primary btn--wide" disabled={isSubmitting || signingOut}>
            {t('lock.unlock')}
          </button>
          <button
            type="button"
            className="btn btn--secondary btn--wide"
            onClick={() => void signOut()}
            disabled={isSubmitting || signingOut}
          >
            {t('lock.signOut')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
