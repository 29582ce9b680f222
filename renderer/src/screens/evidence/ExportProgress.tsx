import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { ExportStatus, SeatDownload } from '../../../../shared/schemas/evidence';
import { callApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { translateKey } from '../../i18n';

const POLL_MS = 200;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/**
 * A seat's pack, waiting on the clinic server: a plain link (the browser's cookies prove the seat and session;
 * the server answers it once, as an attachment). Hidden after the click: the token is spent.
 */
function SeatDownloadLink({ download }: { download: SeatDownload }) {
  const { t } = useTranslation();
  const [taken, setTaken] = useState(false);
  if (taken) return null;
  return (
    <p>
      <a className="btn btn--primary" href={`/api/download/${encodeURIComponent(download.token)}`} download={download.fileName} onClick={() => window.setTimeout(() => setTaken(true), 0)} data-testid="export-download">
        {t('evidence.export.download')} ({formatBytes(download.bytes)})
      </a>
      <span className="field__hint">{t('evidence.export.downloadHint')}</span>
    </p>
  );
}

/** A running export: the real progress reported by the main process, a cancel button, then the outcome. */
export function ExportProgress({ jobId, onFinished, onAgain }: { jobId: string; onFinished: () => void; onAgain: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ExportStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    let live = true;
    let timer = 0;
    const poll = async () => {
      const r = await callApi('evidence.progress', { jobId });
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setStatus(r.value);
      if (r.value.state === 'running') timer = window.setTimeout(() => void poll(), POLL_MS);
      else onFinished();
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [jobId, onFinished]);

  const cancel = async () => {
    setCancelling(true);
    const r = await callApi('evidence.cancel', { jobId });
    if (!r.ok) setError(r.error);
  };

  const running = !status || status.state === 'running';
  const percent = status && status.total > 0 ? Math.floor((100 * status.done) / status.total) : 0;
  return (
    <div className="card card--panel evidence-progress" data-testid="export-progress">
      <FormError error={error} />
      {running ? (
        <>
          <div className="evidence-progress__label">
            <span id="export-progress-label">{t('evidence.export.progress')}</span>
            <span>
              {status ? t(`evidence.export.phases.${status.phase}`) : t('evidence.export.phases.preparing')} · {percent}%
            </span>
          </div>
          <progress
            className="evidence-progress__bar"
            aria-labelledby="export-progress-label"
            max={status?.total || 1}
            value={status?.done ?? 0}
            data-testid="export-progress-bar"
          />
          <div className="actions">
            <button type="button" className="btn btn--danger-outline" onClick={() => void cancel()} disabled={cancelling}>
              {t('evidence.export.cancel')}
            </button>
          </div>
        </>
      ) : null}
      {status?.state === 'done' && status.result ? (
        <div className="notice notice--success" role="status" data-testid="export-done">
          <p>{status.download ? t('evidence.export.readyAtSeat', { name: status.download.fileName }) : t('evidence.export.done', { path: status.result.path })}</p>
          <p>
            {t('evidence.export.doneDetail', {
              packNo: String(status.result.packNo).padStart(4, '0'),
              pages: status.result.pages,
              first: status.result.batesFirst,
              last: status.result.batesLast,
              size: formatBytes(status.result.bytes),
            })}
          </p>
          <p className="mono small">{t('evidence.export.tagManifest', { sha: status.result.tagManifestSha256 })}</p>
          {status.download ? <SeatDownloadLink download={status.download} /> : null}
        </div>
      ) : null}
      {status?.state === 'cancelled' ? (
        <div className="notice notice--warning" role="status" data-testid="export-cancelled">
          {t('evidence.export.cancelled')}
        </div>
      ) : null}
      {status?.state === 'failed' ? (
        <div className="notice notice--error" role="alert" data-testid="export-failed">
          {t('evidence.export.failed')} {status.errorKey ? translateKey(status.errorKey) : null}
        </div>
      ) : null}
      {!running ? (
        <div className="actions">
          <button type="button" className="btn btn--secondary" onClick={onAgain}>
            {t('evidence.export.another')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
