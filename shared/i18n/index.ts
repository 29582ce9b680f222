import { en } from './en';
import { zhTW } from './zh-TW';
import type { Locale } from '../schemas/common';
import type { LocaleMessages } from './zh-TW';

export const messages: Record<Locale, LocaleMessages> = { 'zh-TW': zhTW, en };
export const DEFAULT_LOCALE: Locale = 'zh-TW';
export type { LocaleMessages };

/** Looks a dotted key up in one locale and fills {{params}}; used by the CLI (the renderer uses i18next). */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = messages[locale];
  for (const part of key.split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}
