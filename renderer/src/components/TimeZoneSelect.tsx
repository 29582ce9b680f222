import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneLabel, timeZoneOptions } from '../timezones';

/** A select of common time zones, labelled with city names in the display language. */
export function TimeZoneSelect({ current, ...props }: ComponentProps<'select'> & { current?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const cities = t('timeZones', { returnObjects: true }) as unknown as Record<string, string>;
  return (
    <select {...props}>
      {timeZoneOptions(current).map((zone) => (
        <option key={zone} value={zone}>
          {timeZoneLabel(zone, i18n.language, cities[zone.replace('/', '_')])}
        </option>
      ))}
    </select>
  );
}
