import { useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, parseTypedDate, parseTypedDateTime, typedFieldText } from '../../../shared/date-format';

type Rest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

/**
 * A date (or date and 24-hour time) typed as yyyy/mm/dd [hh:mm], whatever the browser's locale: the native
 * date inputs show mm/dd/yyyy and 上午/下午 by the operating system's settings, which a clinic cannot rely on.
 * Full-width digits, '-', '.', 年月日 and 民國 years are read too; what was understood is shown beside the box
 * (2 Dec 2026 14:05 in English). The value is 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm', as the native inputs gave;
 * text that is not a date is passed on as typed, so the form says "format wrong" rather than "required".
 */
export function DateInput({ value, onChange, withTime = false, ...rest }: Rest & { value: string; onChange: (value: string) => void; withTime?: boolean }) {
  const { t, i18n } = useTranslation();
  const parse = withTime ? parseTypedDateTime : parseTypedDate;
  const [text, setText] = useState(() => typedFieldText(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // A value set from outside (a reset, a default) replaces the text; our own edits do not.
    setSeen(value);
    if ((parse(text) ?? text) !== value) setText(typedFieldText(value));
  }
  const understood = parse(text);
  const readback = understood
    ? withTime
      ? `${formatCalendarDate(understood.slice(0, 10), i18n.language)} ${understood.slice(11)}`
      : formatCalendarDate(understood, i18n.language)
    : null;
  return (
    <span className="date-input">
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={withTime ? t('intake.dates.dateTimePlaceholder') : t('intake.dates.datePlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parse(e.target.value) ?? e.target.value);
        }}
      />
      {text.trim() !== '' ? (
        <span className={understood ? 'date-input__reads muted small' : 'date-input__reads field__error'} data-testid="date-reads">
          {understood ? t('intake.dates.reads', { value: readback }) : t('intake.dates.unreadable')}
        </span>
      ) : null}
    </span>
  );
}
