import type { Patient, RiskMedication } from '../../../../shared/schemas/patient';

/** One warning about a patient, as a locale key under `patients.flags` (with params for the allergy text). */
export interface RiskFlag {
  key: 'minor' | RiskMedication | 'pregnant' | 'breastfeeding' | 'planning' | 'smoking' | 'keloid' | 'allergies';
  params?: { text: string };
  /** 'high' changes what may be done (bleeding, healing, pregnancy); 'caution' is worth knowing. */
  level: 'high' | 'caution';
}

const ALLERGY_PREVIEW = 24;

/**
 * What staff must notice before treating: a minor, medicines that change bleeding or healing, pregnancy,
 * smoking, keloid history, allergies. The order puts the ones that stop a treatment first.
 */
export function riskFlags(p: Pick<Patient, 'isMinor' | 'riskMedications' | 'pregnancy' | 'smoking' | 'keloidHistory' | 'allergies'>): RiskFlag[] {
  const flags: RiskFlag[] = [];
  if (p.pregnancy === 'pregnant' || p.pregnancy === 'breastfeeding') flags.push({ key: p.pregnancy, level: 'high' });
  for (const m of p.riskMedications) flags.push({ key: m, level: 'high' });
  if (p.keloidHistory) flags.push({ key: 'keloid', level: 'high' });
  if (p.isMinor) flags.push({ key: 'minor', level: 'caution' });
  if (p.pregnancy === 'planning') flags.push({ key: 'planning', level: 'caution' });
  if (p.smoking === 'current') flags.push({ key: 'smoking', level: 'caution' });
  const allergies = p.allergies?.trim();
  if (allergies) {
    const text = [...allergies].length > ALLERGY_PREVIEW ? `${[...allergies].slice(0, ALLERGY_PREVIEW).join('')}…` : allergies;
    flags.push({ key: 'allergies', params: { text: text.replace(/\s+/g, ' ') }, level: 'high' });
  }
  return flags;
}
