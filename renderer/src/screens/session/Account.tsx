import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi } from '../../api';
import { FormActions } from '../../components/FormActions';
import { FormSuccess } from '../../components/FormMessage';
import { PASSWORD_CHANGE_FIELDS, PASSWORD_CHANGE_WORDING, PasswordChangeFields, EMPTY_PASSWORD_CHANGE, toPasswordChangeInput, type PasswordChangeForm } from './PasswordChangeFields';
import { applyServerError, contractResolver, newPasswordChecks, rootError, useFormError } from '../../forms';

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
  } = useForm<PasswordChangeForm>({
    mode: 'onTouched',
    defaultValues: EMPTY_PASSWORD_CHANGE,
    resolver: contractResolver('account.changePassword', toPasswordChangeInput, PASSWORD_CHANGE_FIELDS, newPasswordChecks<PasswordChangeForm>('newPassword', 'confirm', () => [name])),
  });
  const newPassword = useWatch({ control, name: 'newPassword' });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    setDone(false);
    const r = await callApi('account.changePassword', toPasswordChangeInput(v));
    if (r.ok) {
      reset(EMPTY_PASSWORD_CHANGE);
      setDone(true);
    } else {
      setFormError(applyServerError(r.error, PASSWORD_CHANGE_FIELDS, setError, PASSWORD_CHANGE_WORDING));
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
          <PasswordChangeFields form={{ register, errors }} newPassword={newPassword} owner={name} />
          <FormActions
            error={formError ?? rootError(errors)}
            className="actions"
            submitLabel={t('account.submit')}
            submitDisabled={isSubmitting}
          >
            <FormSuccess>{done ? t('account.changed') : null}</FormSuccess>
          </FormActions>
        </form>
      </div>
    </section>
  );
}
