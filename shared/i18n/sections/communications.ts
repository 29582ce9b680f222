import type { Widen } from '../widen';

/** Communications: strings in zh-TW (default) and en side by side, so neither can fall behind. */
export const communicationsZhTW = {
  title: '溝通紀錄',
} as const;

export const communicationsEn: Widen<typeof communicationsZhTW> = {
  title: 'Communications',
};
