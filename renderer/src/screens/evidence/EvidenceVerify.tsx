import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { VERIFY_UPLOAD_MAX_BYTES, type PackVerificationView, type VerifySource } from '../../../../shared/schemas/evidence';
import { callApi, useApi } from '../../api';
import { FormError } from '../../components/FormMessage';

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Verify an evidence pack (every role): drop it, pick it, or give its path; every problem is listed by file. */
export function EvidenceVerify() {
  const { t } = useTranslation();
  const host = useApi('evidence.hostInfo', {});
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [result, setResult] = useState<{ name: string; v: PackVerificationView } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const verify = async (source: VerifySource, name: string) => {
    setBusy(true);
    setError(null);
    setResult(null);
    const r = await callApi('evidence.verify', { source });
    setBusy(false);
    if (r.ok) setResult({ name, v: r.value });
    else setError(r.error);
  };
  const verifyFile = async (file: File | undefined) => {
    if (!file) return;
    const limit = host.state === 'ok' ? host.value.maxUploadBytes : VERIFY_UPLOAD_MAX_BYTES;
    if (file.size > limit) {
      setResult(null);
      setError({ code: 'invalid_input', messageKey: 'evidence.verify.tooBigToSend', params: { name: file.name } });
      return;
    }
    await verify({ fileName: file.name, dataBase64: await readAsBase64(file) }, file.name);
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
          {host.state === 'ok' && host.value.canChooseFiles ? (
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
                disabled={busy}
                onChange={(e) => {
                  void verifyFile(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
            </label>
          )}
        </div>
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
        {busy ? (
          <p className="muted" role="status">
            {t('evidence.verify.checking')}
          </p>
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
      {v.ok ? (
        <div className="notice notice--success" role="status" data-testid="verify-valid">
          {t('evidence.verify.valid')}
        </div>
      ) : v.readable ? (
        <div className="notice notice--error" role="alert" data-testid="verify-invalid">
          {t('evidence.verify.invalid', { count: v.problems.length })}
        </div>
      ) : (
        <div className="notice notice--error" role="alert" data-testid="verify-unreadable">
          {t('evidence.verify.unreadable')}
        </div>
      )}
      {v.readable && v.signedByThisVault !== null ? (
        <p className={v.signedByThisVault ? 'status-text' : 'status-text status-text--error'}>{v.signedByThisVault ? t('evidence.verify.thisVault') : t('evidence.verify.otherVault')}</p>
      ) : null}
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
