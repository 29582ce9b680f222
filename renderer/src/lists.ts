import i18next from 'i18next';

/**
 * Items of a list joined as the reader's language writes them: 、 between Chinese items, a comma and a space
 * in English (a 、 in an English sentence reads as a stray character).
 */
export function joinList(items: readonly (string | null | undefined)[], language: string = i18next.language): string {
  return items.filter((i): i is string => Boolean(i)).join(language.startsWith('zh') ? '、' : ', ');
}
