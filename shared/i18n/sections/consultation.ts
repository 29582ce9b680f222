import type { Widen } from '../widen';

/** Pre-op consultation: strings in zh-TW (default) and en side by side, so neither can fall behind. */
export const consultationZhTW = {
  title: '術前諮詢',
} as const;

export const consultationEn: Widen<typeof consultationZhTW> = {
  title: 'Pre-op consultation',
};
