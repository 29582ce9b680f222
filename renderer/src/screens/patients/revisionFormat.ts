import { formatCalendarDate } from '../../clinicTime';

/** Looks a locale key up (with params); injected so the formatting can be tested without i18next. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Enumerated patient fields whose stored codes have words under `patients.<group>.<code>`. */
const ENUM_GROUPS: Record<string, string> = {
  sex: 'sex',
  pregnancy: 'pregnancy',
  smoking: 'smoking',
  preferredLocale: 'locales',
};

function person(value: Record<string, unknown>): string {
  const part = (k: string) => (typeof value[k] === 'string' ? (value[k] as string) : '');
  return [part('name') + (part('relation') ? ` (${part('relation')})` : ''), part('nationalId'), part('phone')].filter(Boolean).join(' · ');
}

/** One value from a revision (as stored: strings, null, booleans, lists, contact objects) in words. */
export function formatRevisionValue(field: string, value: unknown, tr: Translate, locale: string): string {
  if (value === null || value === undefined || value === '') return tr('patients.empty');
  if (typeof value === 'boolean') return value ? tr('patients.yes') : tr('patients.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return tr('patients.empty');
    const items = value.map((v) => (field === 'riskMedications' ? tr(`patients.flags.${String(v)}`) : String(v)));
    return new Intl.ListFormat(locale === 'zh-TW' ? 'zh-TW' : 'en', { type: 'conjunction' }).format(items);
  }
  if (typeof value === 'object') return person(value as Record<string, unknown>);
  const group = ENUM_GROUPS[field];
  if (group) return tr(`patients.${group}.${String(value)}`);
  if (field === 'birthDate' && typeof value === 'string') return formatCalendarDate(value, locale);
  return String(value);
}

/** A stored field name (`nationalId`) as the form labels it. */
export function fieldLabel(field: string, tr: Translate, exists: (key: string) => boolean): string {
  const key = `patients.fields.${field}`;
  return exists(key) ? tr(key) : field;
}
