import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { LanguageToggle } from '../../components/LanguageToggle';
import { applyServerError, rootError, contractResolver, useFormError } from '../../forms';
import './session.css';

export type SignInNotice = 'vaultCreated' | 'recovered' | 'signedOut' | 'sessionEnded';

interface SignInForm {
  loginId: string;
  password: string;
}
const FIELDS = ['loginId', 'password'] as const;
const toInput = (v: SignInForm) => ({ loginId: v.loginId, password: v.password });

export function SignIn({
  notice,
  onSignedIn,
  onUseRecoveryCode,
}: {
  notice: SignInNotice | null;
  onSignedIn: (session: SessionInfo) => void;
  onUseRecoveryCode: () => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<SignInForm>({
    defaultValues: { loginId: '', password: '' },
    resolver: contractResolver('session.signIn', toInput, FIELDS),
  });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('session.signIn', toInput(v));
    if (r.ok) {
      onSignedIn(r.value);
      return;
    }
    resetField('password');
    setFormError(applyServerError(r.error, FIELDS, setError));
  });

  const noticeText =
    submitCount > 0 || !notice
      ? null
      : notice === 'sessionEnded'
        ? null
        : t(`signIn.notice.${notice}`);

  return (
    <div className="center-screen">
      <div className="auth">
        <div className="auth__top">
          <div>
            <p className="eyebrow">{t('app.name')}</p>
            <p className="muted">{t('app.tagline')}</p>
          </div>
          <LanguageToggle />
        </div>
        <section className="card card--narrow">
          <h1 className="card__title">{t('signIn.title')}</h1>
          <FormSuccess>{noticeText}</FormSuccess>
          {notice === 'sessionEnded' && submitCount === 0 ? (
            <div className="notice notice--warning" role="status">
              {t('signIn.notice.sessionEnded')}
            </div>
          ) : null}
          <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('signIn.title')}>
            <Field label={t('staffAccounts.loginId')} error={errors.loginId?.message}>
              {(p) => <input {...p} autoComplete="username" autoFocus {...register('loginId')} />}
            </Field>
            <Field label={t('signIn.password')} error={errors.password?.message}>
              {(p) => <input {...p} type="password" autoComplete="current-password" {...register('password')} />}
            </Field>
            <FormError error={formError ?? rootError(errors)} />
            <button type="submit" className="btn btn--primary btn--wide" disabled={isSubmitting}>
              {isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
            </button>
          </form>
          <div className="auth__alt">
            <button type="button" className="btn btn--link" onClick={onUseRecoveryCode}>
              {t('signIn.useRecoveryCode')}
            </button>
          </div>
        </section>
      </div>
    </div>
  );
}
