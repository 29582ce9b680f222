import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldIssue } from '../../../../shared/errors';
import type { RestoreResult } from '../../../../shared/schemas/backup';
import type { AppStatus } from '../../../../shared/schemas/session';
import { callApi } from '../../api';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import './backups.css';

/**
 * Set-up's "Restore from a backup": the backup folder, a new folder to restore into, and a staff password or the
 * recovery code (the key slots travel with the backup). The main process checks every hash before anything else.
 */
export function RestoreFromBackup({ status, onRestored, onBack }: { status: AppStatus; onRestored: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [backupDir, setBackupDir] = useState('');
  const [vaultDir, setVaultDir] = useState(status.canChooseFolder ? '' : status.defaultVaultPath);
  const [method, setMethod] = useState<'password' | 'recovery_code'>('password');
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [done, setDone] = useState<RestoreResult | null>(null);
  const issueFor = (...path: string[]) => issues.find((i) => path.every((p, n) => String(i.path[n]) === p))?.messageKey;

  const choose = async (set: (p: string) => void) => {
    const r = await callApi('setup.chooseVaultFolder', {});
    if (r.ok && r.value.path) set(r.value.path);
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    setIssues([]);
    const credential = method === 'password' ? { kind: 'password' as const, loginId, password } : { kind: 'recovery_code' as const, recoveryCode };
    const r = await callApi('setup.restoreBackup', { backupDir: backupDir.trim(), vaultDir: vaultDir.trim(), credential });
    setBusy(false);
    if (r.ok) return setDone(r.value);
    setIssues(r.error.issues ?? []);
    setError(r.error);
  };

  if (done) {
    return (
      <div className="card card--form backup-restore" data-testid="restore-done">
        <p className="notice notice--success" role="status">
          {t('backups.restore.done', { name: done.backupName, clinic: done.clinicName, seq: done.headSeq })}
        </p>
        <div className="actions actions--end">
          <button type="button" className="btn btn--primary btn--large" onClick={onRestored}>
            {t('recovery.continue')}
          </button>
        </div>
      </div>
    );
  }

  const folderInput = (value: string, set: (v: string) => void) => (p: Parameters<Parameters<typeof Field>[0]['children']>[0]) => (
    <div className="input-row">
      <input {...p} className="mono" spellCheck={false} autoComplete="off" value={value} onChange={(e) => set(e.target.value)} />
      {status.canChooseFolder ? (
        <button type="button" className="btn btn--secondary" onClick={() => void choose(set)}>
          {t('setup.chooseFolder')}
        </button>
      ) : null}
    </div>
  );

  return (
    <form
      className="form backup-restore"
      aria-label={t('backups.restore.title')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset className="card">
        <legend className="card__title">{t('backups.restore.title')}</legend>
        <p className="muted">{t('backups.restore.intro')}</p>
        <Field label={t('backups.restore.backupDir')} hint={t('backups.restore.backupDirHint')} error={issueFor('backupDir')}>
          {folderInput(backupDir, setBackupDir)}
        </Field>
        <Field label={t('backups.restore.vaultDir')} hint={t('backups.restore.vaultDirHint')} error={issueFor('vaultDir')}>
          {folderInput(vaultDir, setVaultDir)}
        </Field>
        <fieldset className="choice">
          <legend className="choice__legend">{t('backups.restore.method')}</legend>
          <div className="choice__options choice__options--column">
            <label className="choice__option">
              <input type="radio" name="restore-method" checked={method === 'password'} onChange={() => setMethod('password')} />
              {t('backups.restore.methodPassword')}
            </label>
            <label className="choice__option">
              <input type="radio" name="restore-method" checked={method === 'recovery_code'} onChange={() => setMethod('recovery_code')} />
              {t('backups.restore.methodRecovery')}
            </label>
          </div>
        </fieldset>
        {method === 'password' ? (
          <>
            <Field label={t('backups.restore.loginId')} error={issueFor('credential', 'loginId')}>
              {(p) => <input {...p} autoComplete="username" value={loginId} onChange={(e) => setLoginId(e.target.value)} />}
            </Field>
            <Field label={t('backups.restore.password')} error={issueFor('credential', 'password')}>
              {(p) => <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
            </Field>
          </>
        ) : (
          <Field label={t('backups.restore.recoveryCode')} error={issueFor('credential', 'recoveryCode')}>
            {(p) => <input {...p} className="mono" autoComplete="off" spellCheck={false} value={recoveryCode} onChange={(e) => setRecoveryCode(e.target.value)} />}
          </Field>
        )}
      </fieldset>
      <FormActions
        error={error}
        className="actions actions--between"
        onCancel={onBack}
        cancelLabel={t('backups.restore.back')}
        cancelDisabled={busy}
        submitLabel={busy ? t('backups.restore.submitting') : t('backups.restore.submit')}
        submitClassName="btn btn--primary btn--large"
        submitDisabled={busy}
      />
    </form>
  );
}
