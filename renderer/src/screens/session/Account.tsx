import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { passwordWeaknesses } from '../../../../shared/schemas/staff';
import { callApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { PasswordStrength } from '../../components/PasswordStrength';
import { applyServerError, rootError, confirmMatches, contractResolver, useFormError } from '../../forms';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}
const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
const EMPTY: PasswordForm = { currentPassword: '', newPassword: '', confirm: '' };
const toInput = (v: PasswordForm) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword });

/** My account: change my own password. */
export function Account({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const [done, setDone] = useState(false);
  const name = session.staff.name;
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<PasswordForm>({
    mode: 'onTouched',
    defaultValues: EMPTY,
    resolver: contractResolver('account.changePassword', toInput, FIELDS, (v): FieldIssue[] => [
      ...confirmMatches<PasswordForm>('newPassword', 'confirm')(v),
      ...(passwordWeaknesses(v.newPassword, name).includes('validation.passwordContainsName')
        ? [{ path: ['newPassword'], messageKey: 'validation.passwordContainsName' }]
        : []),
    ]),
  });
  const newPassword = useWatch({ control, name: 'newPassword' });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    setDone(false);
    const r = await callApi('account.changePassword', toInput(v));
    if (r.ok) {
      reset(EMPTY);
      setDone(true);
    } else {
      setFormError(applyServerError(r.error, FIELDS, setError, { 'errors.invalid_credentials': 'errors.passwordIncorrect' }));
    }
  });

  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <div className="card card--form">
        <dl className="summary__list summary__list--inline">
          <div>
            <dt>{t('account.name')}</dt>
            <dd>{session.staff.name}</dd>
          </div>
          <div>
            <dt>{t('account.role')}</dt>
            <dd>{t(`roles.${session.staff.role}`)}</dd>
          </div>
          {session.staff.licenceNo ? (
            <div>
              <dt>{t('staff.licenceNo')}</dt>
              <dd>{session.staff.licenceNo}</dd>
            </div>
          ) : null}
        </dl>
        <h2 className="card__title">{t('account.changePassword')}</h2>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('account.changePassword')}>
          <Field label={t('account.currentPassword')} error={errors.currentPassword?.message}>
            {(p) => <input {...p} type="password" autoComplete="current-password" {...register('currentPassword')} />}
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
          <FormSuccess>{done ? t('account.changed') : null}</FormSuccess>
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
              {t('account.submit')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
