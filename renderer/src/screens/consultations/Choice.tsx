import { useId, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { translateKey } from '../../i18n';

/** A question answered by one of a few radio buttons (yes/no, an answer option), with its error announced. */
export function ChoiceGroup({
  legend,
  options,
  registration,
  error,
  className,
  testId,
  layout = 'row',
}: {
  legend: ReactNode;
  options: readonly { value: string; label: ReactNode; testId?: string }[];
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  className?: string;
  testId?: string;
  layout?: 'row' | 'column';
}) {
  const id = useId();
  return (
    <fieldset
      className={['choice', error ? 'choice--invalid' : '', className ?? ''].join(' ').trim()}
      aria-invalid={Boolean(error)}
      aria-describedby={error ? `${id}-error` : undefined}
      data-testid={testId}
    >
      <legend className="choice__legend">{legend}</legend>
      <div className={`choice__options choice__options--${layout}`}>
        {options.map((o) => (
          <label key={o.value} className="choice__option" data-testid={o.testId}>
            <input type="radio" value={o.value} {...registration} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {translateKey(error)}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A multi-line text field with its label, hint and error (a locale key). */
export function TextArea({
  label,
  hint,
  error,
  registration,
  rows = 3,
  maxLength = 2000,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  registration: UseFormRegisterReturn;
  rows?: number;
  maxLength?: number;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : ''].join(' ').trim()}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <textarea id={id} rows={rows} maxLength={maxLength} aria-invalid={Boolean(error)} aria-describedby={describedBy} {...registration} />
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {translateKey(error)}
        </p>
      ) : null}
    </div>
  );
}
