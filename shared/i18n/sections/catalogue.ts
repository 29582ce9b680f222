import type { Widen } from '../widen';

/** Procedure catalogue: strings in zh-TW (default) and en side by side, so neither can fall behind. */
export const catalogueZhTW = {
  title: '療程目錄',
} as const;

export const catalogueEn: Widen<typeof catalogueZhTW> = {
  title: 'Procedure catalogue',
};
