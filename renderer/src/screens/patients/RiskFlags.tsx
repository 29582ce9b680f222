import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../shared/schemas/patient';
import { Icon } from '../../components/Icon';
import { riskFlags } from './riskFlags';

/** The patient's risk flags as highlighted chips: red for what can stop a treatment, amber for caution. */
export function RiskFlags({ patient, showNone = true }: { patient: Patient; showNone?: boolean }) {
  const { t } = useTranslation();
  const flags = riskFlags(patient);
  if (flags.length === 0) {
    return showNone ? <p className="flags flags--none muted">{t('patients.flags.none')}</p> : null;
  }
  return (
    <ul className="flags" aria-label={t('patients.flags.label')} data-testid="risk-flags">
      {flags.map((f) => (
        <li key={f.key} className={`flag flag--${f.level}`}>
          <Icon name="warning" size={15} />
          {f.key === 'allergies' ? t('patients.flags.allergies', { text: f.params?.text ?? '' }) : t(`patients.flags.${f.key}`)}
        </li>
      ))}
    </ul>
  );
}
