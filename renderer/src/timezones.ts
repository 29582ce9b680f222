import { DEFAULT_TIME_ZONE } from '../../shared/schemas/settings';

/** Time zones offered in the pickers; a clinic's current zone is added if it is not one of these. */
export const COMMON_TIME_ZONES = [
  DEFAULT_TIME_ZONE,
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Manila',
  'Asia/Bangkok',
  'Asia/Ho_Chi_Minh',
  'Asia/Jakarta',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Europe/London',
  'Europe/Paris',
  'America/Los_Angeles',
  'America/New_York',
  'UTC',
] as const;

export function timeZoneOptions(current?: string): string[] {
  const zones: string[] = [...COMMON_TIME_ZONES];
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones;
}

/** "Asia/Taipei (UTC+8)": the zone's id with its current offset, in the display language. */
export function timeZoneLabel(zone: string, locale: string, cityName?: string): string {
  let offset: string;
  try {
    const part = new Intl.DateTimeFormat(locale === 'zh-TW' ? 'zh-TW' : 'en-GB', {
      timeZone: zone,
      timeZoneName: 'shortOffset',
    })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    offset = part?.value.replace('GMT', 'UTC') ?? '';
    if (offset === 'UTC' || offset === '') offset = 'UTC±0';
  } catch {
    offset = '';
  }
  const name = cityName ?? zone;
  return offset ? `${name} (${offset})` : name;
}
