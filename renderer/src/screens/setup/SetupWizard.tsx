import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import type { AppStatus } from '../../../../shared/schemas/session';
import { DEFAULT_TIME_ZONE } from '../../../../shared/schemas/settings';
import { passwordWeaknesses } from '../../../../shared/schemas/staff';
import { callApi } from '../../api';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { LanguageToggle } from '../../components/LanguageToggle';
import { PasswordStrength } from '../../components/PasswordStrength';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { applyServerError, rootError, confirmMatches, contractResolver, useFormError } from '../../forms';
import { currentLocale } from '../../i18n';
import { RestoreFromBackup } from '../backups/RestoreFromBackup';
import { Steps } from './Steps';
import { ConnectChoice, ConnectToServer, type ComputerRole } from './ConnectChoice';
import './setup.css';

interface SetupForm {
  clinicName: string;
  timeZone: string;
  vaultDir: string;
  adminName: string;
  adminLoginId: string;
  adminPassword: string;
  confirm: string;
}
const FIELDS = ['clinicName', 'timeZone', 'vaultDir', 'adminName', 'adminLoginId', 'adminPassword', 'confirm'] as const;

const toInput = (v: SetupForm) => ({
  clinicName: v.clinicName,
  timeZone: v.timeZone,
  vaultDir: v.vaultDir,
  adminName: v.adminName,
  // Left empty, the name is the login id.
  ...(v.adminLoginId.trim() ? { adminLoginId: v.adminLoginId } : {}),
  adminPassword: v.adminPassword,
  locale: currentLocale(),
});

const formChecks = (v: SetupForm): FieldIssue[] => [
  ...confirmMatches<SetupForm>('adminPassword', 'confirm')(v),
  ...(passwordWeaknesses(v.adminPassword, v.adminName).includes('validation.passwordContainsName')
    ? [{ path: ['adminPassword'], messageKey: 'validation.passwordContainsName' }]
    : []),
];

/** First run: name the clinic, choose where the encrypted vault lives, create the first administrator. */
export function SetupWizard({
  status,
  onCreated,
  onRestored,
}: {
  status: AppStatus;
  onCreated: (recoveryCode: string, clinicName: string) => void;
  /** A backup was restored into a new folder (issue 11): go on to sign in. */
  onRestored?: () => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const [choosing, setChoosing] = useState(false);
  // A folder holding an interrupted set-up (reported at start, or by a refused set-up), and whether set-up was under way.
  const [abandoned, setAbandoned] = useState<{ dir: string; resume: boolean } | null>(
    status.abandonedSetup ? { dir: status.vaultPath ?? status.defaultVaultPath, resume: false } : null,
  );
  const [clearing, setClearing] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [computerRole, setComputerRole] = useState<ComputerRole>('keepsVault');
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<SetupForm>({
    mode: 'onTouched',
    defaultValues: {
      clinicName: '',
      timeZone: DEFAULT_TIME_ZONE,
      vaultDir: status.canChooseFolder ? '' : status.defaultVaultPath,
      adminName: '',
      adminLoginId: '',
      adminPassword: '',
      confirm: '',
    },
    resolver: contractResolver('setup.createVault', toInput, FIELDS, formChecks),
  });
  const [adminName, adminPassword, vaultDir] = useWatch({ control, name: ['adminName', 'adminPassword', 'vaultDir'] });

  const chooseFolder = async () => {
    setChoosing(true);
    const r = await callApi('setup.chooseVaultFolder', {});
    setChoosing(false);
    if (!r.ok) setFormError(r.error);
    else if (r.value.path) setValue('vaultDir', r.value.path, { shouldValidate: true, shouldDirty: true });
  };

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('setup.createVault', toInput(v));
    if (r.ok) onCreated(r.value.recoveryCode, v.clinicName.trim());
    else if (r.error.messageKey === 'errors.abandonedSetup') setAbandoned({ dir: v.vaultDir, resume: true });
    else setFormError(applyServerError(r.error, FIELDS, setError));
  });

  /** Clears the interrupted set-up's files (only ConsentVault's own), then goes on with set-up if it was under way. */
  const clearAbandoned = async (dir: string, resume: boolean) => {
    setClearing(true);
    setFormError(null);
    const r = await callApi('setup.clearAbandoned', { vaultDir: dir });
    setClearing(false);
    if (!r.ok) return setFormError(r.error);
    setAbandoned(null);
    if (resume) await submit();
  };
  const abandonedHere = abandoned && abandoned.dir === vaultDir ? abandoned : null;

  if (restoring && onRestored) {
    return (
      <div className="page page--setup">
        <header className="page__header">
          <div>
            <p className="eyebrow">{t('app.name')}</p>
            <h1>{t('backups.restore.title')}</h1>
          </div>
          <div className="page__header-side">
            <LanguageToggle />
          </div>
        </header>
        <RestoreFromBackup status={status} onRestored={onRestored} onBack={() => setRestoring(false)} />
      </div>
    );
  }

  return (
    <div className="page page--setup">
      <header className="page__header">
        <div>
          <p className="eyebrow">{t('app.name')}</p>
          <h1>{t('setup.title')}</h1>
          <p className="muted">{t('setup.intro')}</p>
        </div>
        <div className="page__header-side">
          <Steps current={1} />
          <LanguageToggle />
          {onRestored ? (
            <button type="button" className="btn btn--link" onClick={() => setRestoring(true)} data-testid="setup-restore-link">
              {t('backups.restore.link')}
            </button>
          ) : null}
        </div>
      </header>
      <ConnectChoice role={computerRole} onChoose={setComputerRole} />
      {computerRole === 'connect' ? <ConnectToServer onConnected={onRestored} /> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('setup.title')} hidden={computerRole === 'connect'}>
        <div className="columns">
          <fieldset className="card">
            <legend className="card__title">{t('setup.clinicSection')}</legend>
            <Field label={t('setup.clinicName')} error={errors.clinicName?.message}>
              {(p) => <input {...p} autoComplete="organization" autoFocus {...register('clinicName')} />}
            </Field>
            <Field label={t('setup.timeZone')} error={errors.timeZone?.message}>
              {(p) => <TimeZoneSelect {...p} {...register('timeZone')} />}
            </Field>
            <Field
              label={t('setup.vaultDir')}
              error={errors.vaultDir?.message}
              hint={status.canChooseFolder ? t('setup.vaultDirChooseHint') : t('setup.vaultDirHint')}
            >
              {(p) =>
                status.canChooseFolder ? (
                  <div className="input-row">
                    <input
                      {...p}
                      readOnly
                      placeholder={t('setup.noFolderChosen')}
                      className="mono"
                      {...register('vaultDir')}
                    />
                    <button
                      type="button"
                      className="btn btn--secondary"
                      onClick={() => void chooseFolder()}
                      disabled={choosing}
                    >
                      {t('setup.chooseFolder')}
                    </button>
                  </div>
                ) : (
                  <input {...p} className="mono" spellCheck={false} autoComplete="off" {...register('vaultDir')} />
                )
              }
            </Field>
          </fieldset>
          <fieldset className="card">
            <legend className="card__title">{t('setup.adminSection')}</legend>
            <Field label={t('setup.adminName')} error={errors.adminName?.message} hint={t('setup.adminNameHint')}>
              {(p) => <input {...p} autoComplete="name" {...register('adminName')} />}
            </Field>
            <Field label={t('staffAccounts.loginId')} error={errors.adminLoginId?.message} hint={t('staffAccounts.loginIdSetupHint')}>
              {(p) => <input {...p} autoComplete="username" placeholder={adminName} {...register('adminLoginId')} />}
            </Field>
            <Field
              label={t('setup.password')}
              error={errors.adminPassword?.message}
              hint={<PasswordStrength password={adminPassword} name={adminName} />}
            >
              {(p) => <input {...p} type="password" autoComplete="new-password" {...register('adminPassword')} />}
            </Field>
            <Field label={t('setup.confirmPassword')} error={errors.confirm?.message}>
              {(p) => <input {...p} type="password" autoComplete="new-password" {...register('confirm')} />}
            </Field>
          </fieldset>
        </div>
        {abandonedHere ? (
          <div className="notice notice--warning" role="status" data-testid="setup-abandoned">
            <p>
              <strong>{t('setup.abandonedTitle')}</strong>
            </p>
            <p>{t('setup.abandonedBody', { path: abandonedHere.dir })}</p>
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => void clearAbandoned(abandonedHere.dir, abandonedHere.resume)}
              disabled={clearing || isSubmitting}
            >
              {clearing ? t('setup.abandonedClearing') : t('setup.abandonedClear')}
            </button>
          </div>
        ) : null}
        <FormActions
          error={formError ?? rootError(errors)}
          submitLabel={isSubmitting ? t('setup.submitting') : t('setup.submit')}
          submitClassName="btn btn--primary btn--large"
          submitDisabled={isSubmitting}
        />
      </form>
    </div>
  );
}
