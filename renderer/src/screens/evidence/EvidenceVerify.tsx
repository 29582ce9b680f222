import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { VERIFY_UPLOAD_MAX_BYTES, type PackVerificationView, type VerifySource } from '../../../../shared/schemas/evidence';
import { callApi, useApi } from '../../api';
import { connectionMode, uploadPackToServer } from '../../bridge';
import { FormError } from '../../components/FormMessage';
import { readFileAsBase64 } from '../../files';
import { formatBytes } from './ExportProgress';
import './evidence.css';

/** Verify an evidence pack (every role): drop it, pick it, or give its path; every problem is listed by file. */
export function EvidenceVerify() {
  const { t } = useTranslation();
  const host = useApi('evidence.hostInfo', {});
  // At a seat of the clinic server a pack is uploaded (streamed) to the server; a server path is not offered.
  const atSeat = connectionMode() === 'clinicServer';
  const [uploading, setUploading] = useState(false);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [result, setResult] = useState<{ name: string; v: PackVerificationView } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // The running job: polled while this screen is open, cancelled when the person leaves it (the requester went away).
  const running = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (running.current) void callApi('jobs.cancel', { jobId: running.current });
      running.current = null;
    },
    [],
  );

  const verify = async (source: VerifySource, name: string) => {
    setBusy(true);
    setError(null);
    setResult(null);
    setProgress(null);
    const started = await callApi('evidence.startVerify', { source });
    if (!started.ok) {
      setBusy(false);
      return setError(started.error);
    }
    const jobId = started.value.jobId;
    running.current = jobId;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (running.current !== jobId) return;
      const r = await callApi('jobs.status', { jobId });
      if (!r.ok) {
        running.current = null;
        setBusy(false);
        return setError(r.error);
      }
      const status = r.value;
      setProgress({ done: status.done, total: status.total });
      if (status.state === 'queued' || status.state === 'running') continue;
      running.current = null;
      setBusy(false);
      if (status.kind === 'evidence.verify' && status.state === 'done' && status.result) setResult({ name, v: status.result });
      else setError({ code: 'internal', messageKey: status.state === 'cancelled' ? 'evidence.verify.cancelled' : (status.errorKey ?? 'jobs.errors.failed') });
      return;
    }
  };
  const stop = () => {
    if (running.current) void callApi('jobs.cancel', { jobId: running.current });
  };
  const verifyFile = async (file: File | undefined) => {
    if (!file) return;
    const limit = host.state === 'ok' ? host.value.maxUploadBytes : VERIFY_UPLOAD_MAX_BYTES;
    if (file.size > limit) {
      setResult(null);
      setError(atSeat ? { code: 'invalid_input', messageKey: 'evidence.verify.tooBigToUpload', params: { name: file.name, size: formatBytes(limit) } } : { code: 'invalid_input', messageKey: 'evidence.verify.tooBigToSend', params: { name: file.name } });
      return;
    }
    if (!atSeat) return verify({ fileName: file.name, dataBase64: await readFileAsBase64(file) }, file.name);
    setResult(null);
    setError(null);
    setUploading(true);
    const up = await uploadPackToServer(file);
    setUploading(false);
    if (!up.ok) return setError(up.error);
    await verify({ kind: 'upload', uploadId: up.value.uploadId }, file.name);
  };
  const choose = async () => {
    const r = await callApi('evidence.choosePack', {});
    if (r.ok && r.value.path) await verify({ path: r.value.path }, r.value.path);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void verifyFile(e.dataTransfer.files[0]);
  };

  return (
    <section aria-labelledby="verify-title" className="evidence">
      <h1 id="verify-title">{t('evidence.verify.title')}</h1>
      <p className="muted">{t('evidence.verify.intro')}</p>
      <div className="card card--form">
        <div
          className={`evidence__drop${dragging ? ' evidence__drop--over' : ''}`}
          data-testid="verify-drop"
          onDragOver={(e) => (e.preventDefault(), setDragging(true))}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <span>{t('evidence.verify.drop')}</span>{' '}
          {!atSeat && host.state === 'ok' && host.value.canChooseFiles ? (
            <button type="button" className="btn btn--secondary" onClick={() => void choose()} disabled={busy}>
              {t('evidence.verify.choosePack')}
            </button>
          ) : (
            <label className="btn btn--secondary">
              {t('evidence.verify.pick')}
              <input
                type="file"
                accept=".zip,application/zip"
                className="visually-hidden"
                data-testid="verify-file"
                disabled={busy || uploading}
                onChange={(e) => {
                  void verifyFile(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
            </label>
          )}
        </div>
        {atSeat ? null : (
          <form
            className="input-row"
            onSubmit={(e) => {
              e.preventDefault();
              if (path.trim()) void verify({ path: path.trim() }, path.trim());
            }}
          >
            <div className="field">
              <label className="field__label" htmlFor="verify-path">
                {t('evidence.verify.path')}
              </label>
              <input id="verify-path" value={path} spellCheck={false} onChange={(e) => setPath(e.target.value)} />
            </div>
            <button type="submit" className="btn btn--primary" disabled={busy || !path.trim()}>
              {t('evidence.verify.verifyPath')}
            </button>
          </form>
        )}
        {uploading ? (
          <p className="muted" role="status" data-testid="verify-uploading">
            {t('evidence.verify.uploading')}
          </p>
        ) : null}
        {busy ? (
          <div className="input-row" role="status" data-testid="verify-progress">
            <p className="muted">
              {progress && progress.total > 0 ? t('evidence.verify.checkingProgress', { percent: Math.floor((100 * progress.done) / progress.total) }) : t('evidence.verify.checking')}
            </p>
            <button type="button" className="btn btn--secondary" onClick={stop}>
              {t('evidence.verify.stop')}
            </button>
          </div>
        ) : null}
        <FormError error={error} />
      </div>
      {result ? <VerificationResult name={result.name} v={result.v} /> : null}
    </section>
  );
}

function VerificationResult({ name, v }: { name: string; v: PackVerificationView }) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [t('evidence.verify.info.packId'), v.info.packId],
    [t('evidence.verify.info.kind'), v.info.kind === 'lawyer' || v.info.kind === 'patient' ? t(`evidence.pdf.kinds.${v.info.kind}`) : v.info.kind],
    [t('evidence.verify.info.clinic'), v.info.clinic],
    [t('evidence.verify.info.patient'), v.info.patient],
    [t('evidence.verify.info.scope'), v.info.scope],
    [t('evidence.verify.info.baggingDate'), v.info.baggingDate],
    [t('evidence.verify.info.keyFingerprint'), v.info.keyFingerprint],
    [t('evidence.verify.info.auditChainHead'), v.info.auditChainHead],
  ];
  return (
    <div className="card card--panel" data-testid="verify-result" data-ok={v.ok}>
      <p className="mono small">{name}</p>
      <Verdict v={v} />
      {v.readable ? (
        <>
          <dl className="facts evidence__facts">
            {rows
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd className={label === t('evidence.verify.info.keyFingerprint') || label === t('evidence.verify.info.auditChainHead') ? 'mono small' : undefined}>{value}</dd>
                </div>
              ))}
          </dl>
          <p className="muted small">
            {t('evidence.verify.checked', { payload: v.checked.payloadFiles, tags: v.checked.tagFiles, consents: v.checked.consents, signatures: v.checked.signatures, audit: v.checked.auditEvents })}
          </p>
        </>
      ) : null}
      {v.problems.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--dense" data-testid="verify-problems">
            <caption className="visually-hidden">{t('evidence.verify.problemsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evidence.verify.file')}</th>
                <th scope="col">{t('evidence.verify.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {v.problems.map((p, i) => (
                <tr key={i}>
                  <td className="mono small">{p.file}</td>
                  <td>
                    {t(`evidence.verify.problems.${p.code}`)}
                    {p.detail ? <span className="muted small"> ({p.detail})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

/** The verdict names whose key signed the pack and whether that key was confirmed as this clinic's. */
function Verdict({ v }: { v: PackVerificationView }) {
  const { t } = useTranslation();
  const fingerprint = v.signer.fingerprint ?? '?';
  switch (v.verdict) {
    case 'verified':
      return (
        <div className="notice notice--success" role="status" data-testid="verify-valid">
          {t('evidence.verify.valid')} {t('evidence.verify.thisVault')}
        </div>
      );
    case 'intact_signer_unconfirmed':
      return (
        <div className="notice notice--warning" role="status" data-testid="verify-unconfirmed">
          {t('evidence.verify.verdicts.intactUnconfirmed', { fingerprint })}
        </div>
      );
    case 'signed_by_other_key':
      return (
        <div className="notice notice--error" role="alert" data-testid="verify-other-key">
          {t('evidence.verify.verdicts.otherKey', { fingerprint, expected: v.signer.expectedFingerprint ?? '?' })}
        </div>
      );
    case 'invalid':
      return (
        <div className="notice notice--error" role="alert" data-testid="verify-invalid">
          {t('evidence.verify.invalid', { count: v.problems.length })}
        </div>
      );
    case 'unreadable':
      return (
        <div className="notice notice--error" role="alert" data-testid="verify-unreadable">
          {t('evidence.verify.unreadable')}
        </div>
      );
  }
}
