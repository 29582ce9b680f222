import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { EvidenceKind, EvidencePreview, EvidenceScope } from '../../../../shared/schemas/evidence';
import type { PatientSummary } from '../../../../shared/schemas/patient';
import { callApi, useApi } from '../../api';
import { connectionMode } from '../../bridge';
import { FormError } from '../../components/FormMessage';
import { translateKey } from '../../i18n';
import { ExportProgress, formatBytes } from './ExportProgress';
import { useCommittedText } from '../../components/useCommittedText';
import { DateInput } from '../../components/DateInput';
import './evidence.css';

type ScopeType = EvidenceScope['type'];
const COUNT_KEYS = ['consultations', 'consents', 'signatures', 'communications', 'attachments', 'photos', 'treatments', 'followUps', 'complaints', 'auditEvents'] as const;

function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

/** Export evidence (admin): choose the patient, the kind and the scope, see what goes in, export with progress. */
export function EvidenceExport() {
  const { t, i18n } = useTranslation();
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [kind, setKind] = useState<EvidenceKind>('lawyer');
  const [scopeType, setScopeType] = useState<ScopeType>('patient');
  const [consultationId, setConsultationId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  /** The last preview, with the request it answers (shown only while that is still the request). */
  const [previewFor, setPreviewFor] = useState<{ key: string; value: EvidencePreview | null; error: ApiError | null } | null>(null);
  /** Every consultation of the patient (from any preview), for the one-consultation scope. */
  const [consultationList, setConsultationList] = useState<EvidencePreview['consultations']>([]);
  const [destination, setDestination] = useState('');
  const [destinationEdited, setDestinationEdited] = useState(false);
  const [destinationError, setDestinationError] = useState<string | null>(null);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [finished, setFinished] = useState(false);
  const host = useApi('evidence.hostInfo', {});
  // At a seat of the clinic server the pack is not saved to a server path: it waits there for this seat to download.
  const atSeat = connectionMode() === 'clinicServer';

  const scope: EvidenceScope | null =
    scopeType === 'patient' ? { type: 'patient' } : scopeType === 'consultation' ? (consultationId ? { type: 'consultation', consultationId } : null) : from && to ? { type: 'dateRange', from, to } : null;
  const requestKey = patient && scope ? JSON.stringify([patient.id, scope, kind, finished]) : null;
  const preview = previewFor && previewFor.key === requestKey ? previewFor.value : null;
  const previewError = previewFor && previewFor.key === requestKey ? previewFor.error : null;

  useEffect(() => {
    if (!requestKey) return;
    const [patientId, requestScope, requestKind] = JSON.parse(requestKey) as [string, EvidenceScope, EvidenceKind];
    let live = true;
    const timer = window.setTimeout(() => {
      void callApi('evidence.preview', { patientId, scope: requestScope, kind: requestKind }).then((r) => {
        if (!live) return;
        setPreviewFor({ key: requestKey, value: r.ok ? r.value : null, error: r.ok ? null : r.error });
        if (r.ok) setConsultationList(r.value.consultations);
      });
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [requestKey]);

  // Until the person types or chooses a path: the suggested name in the default folder.
  const target = destinationEdited ? destination : preview && host.state === 'ok' ? joinPath(host.value.defaultDirectory, preview.suggestedFileName) : '';

  const choose = async () => {
    const r = await callApi('evidence.chooseDestination', { suggestedName: preview?.suggestedFileName ?? 'evidence.zip' });
    if (r.ok && r.value.path) {
      setDestination(r.value.path);
      setDestinationEdited(true);
    }
  };

  const start = async () => {
    if (!patient || !scope) return;
    setStartError(null);
    setDestinationError(null);
    const locale = i18n.language === 'en' ? 'en' : 'zh-TW';
    const r = await callApi('evidence.startExport', atSeat ? { patientId: patient.id, scope, kind, locale } : { patientId: patient.id, scope, kind, locale, destination: target });
    if (!r.ok) {
      const field = r.error.issues?.find((i) => i.path[0] === 'destination');
      if (field) setDestinationError(translateKey(field.messageKey));
      else setStartError(r.error);
      return;
    }
    setFinished(false);
    setJobId(r.value.jobId);
  };
  const onFinished = useCallback(() => setFinished(true), []);
  const again = () => {
    setJobId(null);
    setDestinationEdited(false);
  };

  return (
    <section aria-labelledby="evidence-title" className="evidence">
      <h1 id="evidence-title">{t('evidence.export.title')}</h1>
      <p className="muted">{t('evidence.export.intro')}</p>
      {jobId ? (
        <ExportProgress jobId={jobId} onFinished={onFinished} onAgain={again} />
      ) : (
        <div className="card card--form">
          <PatientPicker patient={patient} onChange={(p) => (setPatient(p), setConsultationId(''), setConsultationList([]), setDestinationEdited(false))} />
          {patient ? (
            <>
              <fieldset className="evidence__choices">
                <legend className="field__label">{t('evidence.export.kind')}</legend>
                {(['lawyer', 'patient'] as const).map((k) => (
                  <label key={k} className="evidence__choice">
                    <input type="radio" name="evidence-kind" value={k} checked={kind === k} onChange={() => (setKind(k), setDestinationEdited(false))} />
                    <span>
                      <strong>{t(`evidence.export.kinds.${k}`)}</strong>
                      <span className="field__hint">{t(`evidence.export.kindHints.${k}`)}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              <fieldset className="evidence__choices">
                <legend className="field__label">{t('evidence.export.scope')}</legend>
                {(['patient', 'consultation', 'dateRange'] as const).map((s) => (
                  <label key={s} className="evidence__choice">
                    <input type="radio" name="evidence-scope" value={s} checked={scopeType === s} onChange={() => setScopeType(s)} />
                    <span>{t(`evidence.export.scopes.${s}`)}</span>
                  </label>
                ))}
              </fieldset>
              {scopeType === 'consultation' ? (
                <div className="field">
                  <label className="field__label" htmlFor="evidence-consultation">
                    {t('evidence.export.consultation')}
                  </label>
                  <select id="evidence-consultation" value={consultationId} onChange={(e) => setConsultationId(e.target.value)}>
                    <option value="">{t('patients.choose')}</option>
                    {consultationList.map((c) => (
                      <option key={c.id} value={c.id}>
                        {`${c.createdAt.slice(0, 10)} ${i18n.language === 'en' ? c.procedureNameEn : c.procedureName} (${t(`consultation.status.${c.status as 'draft'}`)})`}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {scopeType === 'dateRange' ? (
                <div className="input-row">
                  <div className="field">
                    <label className="field__label" htmlFor="evidence-from">
                      {t('evidence.export.from')}
                    </label>
                    <DateInput id="evidence-from" value={from} onChange={setFrom} />
                  </div>
                  <div className="field">
                    <label className="field__label" htmlFor="evidence-to">
                      {t('evidence.export.to')}
                    </label>
                    <DateInput id="evidence-to" value={to} onChange={setTo} />
                  </div>
                </div>
              ) : null}
              <PreviewPanel preview={preview} loading={Boolean(scope) && !preview && !previewError} />
              <FormError error={previewError} />
              {atSeat ? (
                <p className="muted" data-testid="evidence-at-seat">
                  {t('evidence.export.atSeat')}
                </p>
              ) : (
                <div className={`field${destinationError ? ' field--invalid' : ''}`}>
                  <label className="field__label" htmlFor="evidence-destination">
                    {t('evidence.export.destination')}
                  </label>
                  <div className="input-row">
                    <input
                      id="evidence-destination"
                      value={target}
                      spellCheck={false}
                      aria-invalid={Boolean(destinationError)}
                      aria-describedby="evidence-destination-hint"
                      onChange={(e) => (setDestination(e.target.value), setDestinationEdited(true), setDestinationError(null))}
                    />
                    {host.state === 'ok' && host.value.canChooseFiles ? (
                      <button type="button" className="btn btn--secondary" onClick={() => void choose()}>
                        {t('evidence.export.chooseDestination')}
                      </button>
                    ) : null}
                  </div>
                  <div id="evidence-destination-hint" className="field__hint">
                    {t('evidence.export.destinationHint')}
                  </div>
                  {destinationError ? (
                    <p className="field__error" role="alert">
                      {destinationError}
                    </p>
                  ) : null}
                </div>
              )}
              <FormError error={startError} />
              <div className="actions">
                <button type="button" className="btn btn--primary" disabled={!preview || (!atSeat && !target)} onClick={() => void start()}>
                  {t('evidence.export.start')}
                </button>
              </div>
            </>
          ) : null}
        </div>
      )}
    </section>
  );
}

function PreviewPanel({ preview, loading }: { preview: EvidencePreview | null; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="evidence__preview" aria-live="polite" data-testid="evidence-preview">
      <h2 className="field__label">{t('evidence.export.preview')}</h2>
      {loading ? <p className="muted">{t('evidence.export.previewLoading')}</p> : null}
      {preview ? (
        <>
          <ul className="evidence__counts">
            {COUNT_KEYS.filter((k) => k !== 'auditEvents' || preview.kind === 'lawyer').map((k) => (
              <li key={k}>{t(`evidence.export.counts.${k}`, { count: preview.counts[k] })}</li>
            ))}
          </ul>
          <p className="muted small">{t('evidence.export.payloadSize', { size: formatBytes(preview.payloadBytes) })}</p>
        </>
      ) : null}
    </div>
  );
}

/** Finds the patient by name, chart number or phone (each search is an audited view, as on the patients screen). */
function PatientPicker({ patient, onChange }: { patient: PatientSummary | null; onChange: (p: PatientSummary | null) => void }) {
  const { t } = useTranslation();
  // Searched only once a Zhuyin composition is committed.
  const box = useCommittedText();
  const [found, setFound] = useState<{ query: string; list: PatientSummary[] } | null>(null);
  const q = box.committed.trim();
  const results = !patient && q && found?.query === q ? found.list : null;
  useEffect(() => {
    if (patient || !q) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void callApi('patients.search', { query: q, limit: 10 }).then((r) => {
        if (live) setFound({ query: q, list: r.ok ? r.value : [] });
      });
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q, patient]);

  if (patient) {
    return (
      <div className="evidence__patient">
        <span className="field__label">{t('evidence.export.patient')}</span>
        <strong data-testid="evidence-patient">
          {patient.nameZh} · {patient.chartNo}
        </strong>
        <button type="button" className="btn btn--link" onClick={() => onChange(null)}>
          {t('evidence.export.changePatient')}
        </button>
      </div>
    );
  }
  return (
    <div className="field">
      <label className="field__label" htmlFor="evidence-patient-search">
        {t('evidence.export.patient')}
      </label>
      <input id="evidence-patient-search" type="search" {...box.inputProps} placeholder={t('evidence.export.patientSearch')} autoComplete="off" maxLength={64} />
      {results && results.length === 0 ? <p className="muted">{t('evidence.export.noMatches')}</p> : null}
      {results && results.length > 0 ? (
        <ul className="evidence__matches">
          {results.map((p) => (
            <li key={p.id}>
              <button type="button" className="btn btn--ghost" onClick={() => onChange(p)} aria-label={`${t('evidence.export.choosePatient')} ${p.nameZh} ${p.chartNo}`}>
                {p.nameZh} · {p.chartNo} · {p.phone}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
