import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, messages, type LocaleMessages } from '../../shared/i18n';
import { Locale } from '../../shared/schemas/common';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: LocaleMessages };
  }
}

const LOCALE_KEY = 'consentvault.locale';

function storedLocale(): Locale {
  try {
    const parsed = Locale.safeParse(window.localStorage.getItem(LOCALE_KEY));
    return parsed.success ? parsed.data : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function applyDocumentLanguage(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = messages[locale].app.name;
}

export function initI18n(): typeof i18next {
  const lng = storedLocale();
  void i18next.use(initReactI18next).init({
    resources: {
      'zh-TW': { translation: messages['zh-TW'] },
      en: { translation: messages.en },
    },
    lng,
    fallbackLng: DEFAULT_LOCALE,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyDocumentLanguage(lng);
  return i18next;
}

export function currentLocale(): Locale {
  const parsed = Locale.safeParse(i18next.language);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

export function setLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // not persisted; the switch still applies to this window
  }
  void i18next.changeLanguage(locale);
  applyDocumentLanguage(locale);
}

/** Translates a key that arrives at run time (from the main process or a zod issue). */
export function translateKey(key: string, params?: Record<string, string | number>): string {
  const t = i18next.t as unknown as (k: string, o?: Record<string, unknown>) => string;
  if (i18next.exists(key)) return t(key, params ?? {});
  return t(key.startsWith('validation.') ? 'validation.invalidValue' : 'errors.internal');
}
