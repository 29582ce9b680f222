import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { LanguageToggle } from '../../components/LanguageToggle';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { applyServerError, contractResolver, newPasswordChecks, rootError, useFormError } from '../../forms';
import './session.css';

interface RecoverForm {
  recoveryCode: string;
  adminLoginId: string;
  newPassword: string;
  confirm: string;
}
const FIELDS = ['recoveryCode', 'adminLoginId', 'newPassword', 'confirm'] as const;
const toInput = (v: RecoverForm) => ({ recoveryCode: v.recoveryCode, adminLoginId: v.adminLoginId, newPassword: v.newPassword });
const formChecks = newPasswordChecks<RecoverForm>('newPassword', 'confirm', (v) => [v.adminLoginId]);

/** An administrator who forgot the password sets a new one with the vault's recovery code. */
export function Recover({ onRecovered, onBack }: { onRecovered: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<RecoverForm>({
    mode: 'onTouched',
    defaultValues: { recoveryCode: '', adminLoginId: '', newPassword: '', confirm: '' },
    resolver: contractResolver('session.recover', toInput, FIELDS, formChecks),
  });
  const [adminLoginId, newPassword] = useWatch({ control, name: ['adminLoginId', 'newPassword'] });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('session.recover', toInput(v));
    if (r.ok) onRecovered();
    else setFormError(applyServerError(r.error, FIELDS, setError));
  });

  return (
    <div className="center-screen">
      <div className="auth auth--wide">
        <div className="auth__top">
          <div>
            <p className="eyebrow">{t('app.name')}</p>
          </div>
          <LanguageToggle />
        </div>
        <section className="card">
          <h1 className="card__title">{t('recover.title')}</h1>
          <p className="muted">{t('recover.intro')}</p>
          <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('recover.title')}>
            <Field label={t('recover.recoveryCode')} error={errors.recoveryCode?.message} hint={t('recover.recoveryCodeHint')}>
              {(p) => (
                <input
                  {...p}
                  className="mono"
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  autoFocus
                  {...register('recoveryCode')}
                />
              )}
            </Field>
            <Field label={t('staffAccounts.loginId')} error={errors.adminLoginId?.message}>
              {(p) => <input {...p} autoComplete="username" {...register('adminLoginId')} />}
            </Field>
            <div className="columns">
              <NewPasswordFields
                form={{ register, errors }}
                names={['newPassword', 'confirm']}
                labels={[t('recover.newPassword'), t('recover.confirmPassword')]}
                value={newPassword}
                owner={adminLoginId}
              />
            </div>
            <FormActions
              error={formError ?? rootError(errors)}
              className="actions actions--between"
              onCancel={onBack}
              cancelLabel={t('recover.back')}
              submitLabel={t('recover.submit')}
              submitDisabled={isSubmitting}
            />
          </form>
        </section>
      </div>
    </div>
  );
}
