import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../../components/LanguageToggle';
import { Steps } from './Steps';
import './setup.css';

/**
 * The recovery code is shown exactly once, right after the vault is created. It can be copied or printed
 * (the print stylesheet prints only the code and the clinic name); Continue needs an explicit confirmation.
 */
export function RecoveryCode({
  code,
  clinicName,
  onContinue,
}: {
  code: string;
  clinicName: string;
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const checkId = useId();
  const groups = code.split('-');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <div className="page page--recovery">
      <header className="page__header no-print">
        <div>
          <p className="eyebrow">{t('app.name')}</p>
          <h1>{t('recovery.title')}</h1>
        </div>
        <div className="page__header-side">
          <Steps current={2} />
          <LanguageToggle />
        </div>
      </header>
      <section className="card recovery">
        <p className="no-print">{t('recovery.intro')}</p>
        <p className="notice notice--warning no-print">{t('recovery.warning')}</p>
        <div className="print-area">
          <p className="print-only print-title">{t('recovery.printTitle')}</p>
          <p className="print-only print-clinic">{clinicName}</p>
          <div className="recovery-code" data-testid="recovery-code" aria-label={t('recovery.codeLabel')} role="group">
            {groups.map((g, i) => (
              <span key={i} className="recovery-code__group">
                {g}
                {i < groups.length - 1 ? <span className="recovery-code__dash">-</span> : null}
              </span>
            ))}
          </div>
        </div>
        <div className="actions no-print">
          <button type="button" className="btn btn--secondary" onClick={() => void copy()}>
            {t('recovery.copy')}
          </button>
          <button type="button" className="btn btn--secondary" onClick={() => window.print()}>
            {t('recovery.print')}
          </button>
          <span role="status" className={copyState === 'failed' ? 'status-text status-text--error' : 'status-text'}>
            {copyState === 'copied' ? t('recovery.copied') : copyState === 'failed' ? t('recovery.copyFailed') : ''}
          </span>
        </div>
        <div className="checkbox no-print">
          <input id={checkId} type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
          <label htmlFor={checkId}>{t('recovery.stored')}</label>
        </div>
        <div className="actions actions--end no-print">
          <button type="button" className="btn btn--primary btn--large" disabled={!stored} onClick={onContinue}>
            {t('recovery.continue')}
          </button>
        </div>
      </section>
    </div>
  );
}
