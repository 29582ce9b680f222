import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupJobResult, BackupOverview, BackupSettingsView } from '../../../../shared/schemas/backup';
import type { ApiError, FieldIssue } from '../../../../shared/errors';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi, useApi } from '../../api';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { formatDateTime } from '../../clinicTime';
import { humanBytes } from './sizes-and-ages';
import './backups.css';

type Progress = { phase: string; done: number; total: number };

/** Administrators: make a backup now (with its real progress), the backups made, the settings, and what a backup can open. */
export function Backups({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const overview = useApi('backups.overview', {});
  if (!overview.value) {
    return overview.state === 'error' ? <FormError error={overview.error} /> : <p className="muted">{t('common.loading')}</p>;
  }
  return (
    <section className="backups" aria-labelledby="backups-title">
      <header className="section-header">
        <h1 id="backups-title">{t('backups.title')}</h1>
      </header>
      <p className="muted">{t('backups.intro')}</p>
      <div className="notice notice--warning backups__warnings" data-testid="backup-warnings">
        <ul>
          <li>{t('backups.warnings.opensWith')}</li>
          <li>{t('backups.warnings.offline')}</li>
          <li>{t('backups.warnings.destruction')}</li>
        </ul>
      </div>
      <BackupNow overview={overview.value} onEnded={overview.reload} />
      <BackupSettingsForm settings={overview.value.settings} reachable={overview.value.destinationReachable} timeZone={session.timeZone} onSaved={overview.reload} />
      <BackupList overview={overview.value} timeZone={session.timeZone} />
    </section>
  );
}

function BackupNow({ overview, onEnded }: { overview: BackupOverview; onEnded: () => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<BackupJobResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  /** Polls jobs.status until the job ends: phase and bytes as the worker reports them. */
  const follow = async (jobId: string) => {
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      if (!live.current) return;
      const r = await callApi('jobs.status', { jobId });
      if (!r.ok) {
        setProgress(null);
        return setError(r.error);
      }
      const s = r.value;
      setProgress({ phase: s.phase, done: s.done, total: s.total });
      if (s.state === 'queued' || s.state === 'running') continue;
      setProgress(null);
      if (s.kind === 'backup.create') setResult(s.result);
      onEnded();
      return;
    }
  };

  const start = async () => {
    setError(null);
    setResult(null);
    setProgress({ phase: 'queued', done: 0, total: 0 });
    const r = await callApi('backups.start', {});
    if (!r.ok) {
      setProgress(null);
      return setError(r.error);
    }
    await follow(r.value.jobId);
  };

  const running = progress !== null || (overview.running !== null && overview.running.mine);
  const phase = progress?.phase ?? overview.running?.phase ?? 'queued';
  const phaseLabel = t(`backups.phases.${phase as 'queued'}`, { defaultValue: phase });
  return (
    <div className="card card--panel">
      <div className="backups__now">
        <button type="button" className="btn btn--primary" onClick={() => void start()} disabled={running || overview.running !== null || !overview.settings.destination}>
          {running ? t('backups.running') : t('backups.now')}
        </button>
        {progress ? (
          <div className="backups__progress" role="status" data-testid="backup-progress">
            <span className="small">
              {progress.total > 0 ? t('backups.progress', { phase: phaseLabel, done: humanBytes(progress.done), total: humanBytes(progress.total) }) : phaseLabel}
            </span>
            <progress max={progress.total || 1} value={progress.total > 0 ? progress.done : undefined} />
          </div>
        ) : null}
      </div>
      {!overview.settings.destination ? <p className="muted small">{t('backups.errors.noDestination')}</p> : null}
      {result?.status === 'verified' ? (
        <p className="notice notice--success" role="status" data-testid="backup-result">
          {t('backups.resultVerified', { name: result.name, size: humanBytes(result.bytes ?? 0), seq: result.headSeq ?? 0 })}
        </p>
      ) : null}
      {result && result.status === 'failed' ? (
        <p className="notice notice--error" role="alert" data-testid="backup-result">
          {t('backups.resultFailed', { reason: t(`backups.failures.${result.failure ?? 'failed'}`) })}
        </p>
      ) : null}
      <FormError error={error} />
    </div>
  );
}

const NUMBER_FIELDS = ['intervalHours', 'keepDaily', 'keepWeekly', 'keepMonthly'] as const;

/** What the form edits: the settings without their version, the folder as typed. */
const formOf = (s: BackupSettingsView) => ({
  destination: s.destination ?? '',
  intervalHours: s.intervalHours,
  keepDaily: s.keepDaily,
  keepWeekly: s.keepWeekly,
  keepMonthly: s.keepMonthly,
});

function BackupSettingsForm({
  settings,
  reachable,
  timeZone,
  onSaved,
}: {
  settings: BackupSettingsView;
  reachable: boolean | null;
  timeZone: string;
  /** After a save or a reload: the overview is read again. */
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => formOf(settings));
  // The version the typed values rest on: the one loaded, then each save made here (issue 14).
  const [version, setVersion] = useState(settings.version);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const issueFor = (field: string) => issues.find((i) => i.path[0] === field)?.messageKey;

  const choose = async () => {
    const r = await callApi('backups.chooseFolder', {});
    if (r.ok && r.value.path) setForm((f) => ({ ...f, destination: r.value.path! }));
  };

  const save = async () => {
    setBusy(true);
    setSaved(false);
    setError(null);
    setIssues([]);
    const r = await callApi('backups.updateSettings', { ...form, expectedVersion: version, destination: form.destination.trim() === '' ? null : form.destination.trim() });
    setBusy(false);
    if (!r.ok) {
      setIssues(r.error.issues ?? []);
      // Another seat's save meanwhile is refused with who and when; what was typed stays until Reload.
      return setError(r.error.issues?.length ? null : r.error);
    }
    setVersion(r.value.version);
    setSaved(true);
    onSaved();
  };

  /** The settings as saved now, in place of what was typed. */
  const reload = async () => {
    const r = await callApi('backups.overview', {});
    if (!r.ok) return setError(r.error);
    setForm(formOf(r.value.settings));
    setVersion(r.value.settings.version);
    setError(null);
    setIssues([]);
    onSaved();
  };

  return (
    <form
      className="card card--form"
      aria-labelledby="backup-settings-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <h2 className="card__title" id="backup-settings-title">
        {t('backups.settings.title')}
      </h2>
      <div className="backups__settings">
        <Field className="backups__wide" label={t('backups.settings.destination')} error={issueFor('destination')} hint={reachable === false ? t('backups.settings.unreachable') : t('backups.settings.destinationHint')}>
          {(p) => (
            <div className="input-row">
              <input {...p} className="mono" spellCheck={false} autoComplete="off" value={form.destination} onChange={(e) => setForm({ ...form, destination: e.target.value })} />
              <button type="button" className="btn btn--secondary" onClick={() => void choose()}>
                {t('backups.settings.choose')}
              </button>
            </div>
          )}
        </Field>
        {NUMBER_FIELDS.map((name) => (
          <Field key={name} label={t(`backups.settings.${name}`)} error={issueFor(name)} hint={name === 'intervalHours' ? t('backups.settings.intervalHint') : undefined}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={0} value={form[name]} onChange={(e) => setForm({ ...form, [name]: Number(e.target.value) })} />}
          </Field>
        ))}
      </div>
      <p className="muted small">{t('backups.settings.rotationHint')}</p>
      <FormActions
        error={error}
        submitLabel={t('backups.settings.save')}
        submitDisabled={busy}
        onReload={() => void reload()}
        timeZone={timeZone}
      >
        <FormSuccess>{saved ? t('backups.settings.saved') : null}</FormSuccess>
      </FormActions>
    </form>
  );
}

function BackupList({ overview, timeZone }: { overview: BackupOverview; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="card card--panel">
      <h2 className="card__title">{t('backups.list.title')}</h2>
      {overview.restores.map((r) => (
        <p key={r.id} className="notice notice--warning small" data-testid="backup-restored-from">
          {t('backups.restores', { name: r.backupName, at: formatDateTime(r.backupTakenAt, timeZone, i18n.language), seq: r.checkpointSeq })}
        </p>
      ))}
      {overview.backups.length === 0 ? (
        <p className="muted">{t('backups.list.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense" data-testid="backup-list">
            <thead>
              <tr>
                <th scope="col">{t('backups.list.takenAt')}</th>
                <th scope="col">{t('backups.list.status')}</th>
                <th scope="col">{t('backups.list.size')}</th>
                <th scope="col">{t('backups.list.trigger')}</th>
                <th scope="col">{t('backups.list.where')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.backups.map((b) => (
                <tr key={b.id} data-status={b.status}>
                  <td className="nowrap">{formatDateTime(b.takenAt, timeZone, i18n.language)}</td>
                  <td>
                    <span className={`backups__status--${b.status}`}>{t(`backups.statuses.${b.status}`)}</span>
                    {b.failure ? <div className="small">{t(`backups.failures.${b.failure}`)}</div> : null}
                  </td>
                  <td className="nowrap">{b.bytes !== null ? humanBytes(b.bytes) : '—'}</td>
                  <td>{t(`backups.triggers.${b.trigger}`)}</td>
                  <td className="mono small backups__path">{b.path}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
