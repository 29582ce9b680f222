import { useTranslation } from 'react-i18next';
import { currentLocale, setLocale } from '../i18n';

/** Switches between Traditional Chinese and English; the choice is kept in localStorage. */
export function LanguageToggle({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  void i18n.language; // re-render on change
  const next = currentLocale() === 'zh-TW' ? 'en' : 'zh-TW';
  return (
    <button
      type="button"
      className={`btn btn--ghost ${className ?? ''}`}
      lang={next}
      onClick={() => setLocale(next)}
      title={t('common.switchLanguage')}
      data-testid="language-toggle"
    >
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}
