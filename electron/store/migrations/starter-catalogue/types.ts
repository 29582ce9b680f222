/**
 * Shapes of the starter catalogue seeded by migration 0040. Frozen with it: these mirror
 * shared/schemas/catalogue.ts as it was when shipped and must not import app code.
 */
export type StarterLocale = 'zh-TW' | 'en';

export interface StarterRisk {
  id: string;
  text: string;
  frequency: 'common' | 'uncommon' | 'rare' | 'very_rare';
  severity: 'mild' | 'moderate' | 'severe';
}

export interface StarterContraindication {
  id: string;
  text: string;
  flaggedBy: (
    | 'anticoagulant'
    | 'antiplatelet'
    | 'isotretinoin'
    | 'immunosuppressant'
    | 'systemic_steroid'
    | 'photosensitising'
    | 'pregnancy'
    | 'breastfeeding'
    | 'smoking'
    | 'keloid'
    | 'minor'
  )[];
}

export interface StarterQuestion {
  id: string;
  question: string;
  options: string[];
  correctIndex: number;
  topic: 'purpose' | 'expected_result' | 'limitations' | 'risks' | 'alternatives' | 'aftercare' | 'pre_op';
}

export interface StarterTemplate {
  title: string;
  purpose: string;
  howItIsDone: string;
  expectedResult: string;
  recoveryTimeline: string;
  limitations: string;
  risks: StarterRisk[];
  alternatives: { id: string; text: string }[];
  aftercare: string;
  preOpInstructions: string;
  contraindications: StarterContraindication[];
  comprehensionQuestions: StarterQuestion[];
}

export interface StarterProcedure {
  code: string;
  nameZh: string;
  nameEn: string;
  category: 'surgical' | 'injectable' | 'energy_device' | 'other';
  anaesthesia: 'none' | 'topical' | 'local' | 'sedation' | 'general';
  witnessRequired: boolean;
  coolingOffDays: number;
  followUpPlan: { id: string; dayOffset: number; role: 'physician' | 'consultant' | 'nurse'; method: 'phone' | 'visit' | 'phone_or_visit' | 'message'; focus: string }[];
  templates: Record<StarterLocale, StarterTemplate>;
}
