import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, passwordWeaknesses } from '../../../shared/schemas/staff';

/** Live checklist for a new password, from the same rule the main process applies. */
export function PasswordStrength({ password, name }: { password: string; name?: string | undefined }) {
  const { t } = useTranslation();
  const weak = new Set(passwordWeaknesses(password, name));
  const rules = [
    { key: 'validation.passwordTooShort', label: t('password.ruleLength', { count: PASSWORD_MIN_LENGTH }) },
    { key: 'validation.passwordClasses', label: t('password.ruleClasses') },
    ...(name && name.trim().length >= 2 ? [{ key: 'validation.passwordContainsName', label: t('password.ruleName') }] : []),
  ];
  const empty = password.length === 0;
  const ok = !empty && weak.size === 0;
  return (
    <div className="strength" data-testid="password-strength">
      <p className={`strength__summary ${ok ? 'strength__summary--ok' : ''}`} aria-live="polite">
        {empty ? t('password.hintEmpty') : ok ? t('password.strong') : t('password.weak')}
      </p>
      <ul className="strength__rules">
        {rules.map((r) => {
          const met = !empty && !weak.has(r.key);
          return (
            <li key={r.key} className={met ? 'rule rule--met' : 'rule'}>
              <span className="rule__mark" aria-hidden="true">
                {met ? '✓' : '•'}
              </span>
              <span>
                {r.label}
                <span className="visually-hidden">{met ? t('password.ruleMet') : t('password.ruleNotMet')}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
