import doubleEyelid from '../../electron/store/migrations/starter-catalogue/double-eyelid.json' with { type: 'json' };
import type { ConsentDocumentData } from '../../electron/pdf/consent-document';
import type { Locale } from '../../shared/schemas/common';
import type { TemplateContent } from '../../shared/schemas/catalogue';

/** A consent document's data as the service would gather it: the starter double-eyelid sheet, a minor with a guardian. */
export function sampleConsentData(locale: Locale = 'zh-TW', overrides: Partial<ConsentDocumentData> = {}): ConsentDocumentData {
  const content = doubleEyelid.templates[locale] as TemplateContent;
  const base = Date.parse('2026-11-02T03:00:00.000Z');
  const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  return {
    consentId: '7d4f1c2a-9b3e-4e5f-8a6b-1c2d3e4f5a6b',
    consultationId: '3f0c2a4e-8b1d-4c6a-9e2f-1a2b3c4d5e6f',
    locale,
    timeZone: 'Asia/Taipei',
    issuedAt: '2026-11-23T02:00:00.000Z',
    clinicName: '美麗人生醫美診所',
    patient: {
      nameZh: '黃詩涵',
      nameEn: 'Huang Shih-Han',
      chartNo: 'C0001',
      birthDate: '2009-03-08',
      sex: 'female',
      allergies: '盤尼西林',
      medications: null,
      guardian: { name: '黃國華', relation: '父', phone: '0912-000-222' },
    },
    procedure: { name: locale === 'en' ? doubleEyelid.nameEn : doubleEyelid.nameZh, category: 'surgical', anaesthesia: 'local' },
    physician: { name: '王志明', licenceNo: '醫字第012345號', specialty: '整形外科' },
    consultantName: '張雅琪',
    template: { version: 1, publishedAt: '2026-01-05T01:00:00.000Z', content },
    goals: { goals: '希望雙眼皮自然、不要太寬', assessment: '皮膚薄、無明顯鬆弛，兩側摺痕高度略有差異', expectedResult: '摺痕寬度約 7–8 mm，術後 3–6 個月穩定', cannotAchieve: '無法保證兩側完全對稱' },
    flagNotes: [{ flag: 'minor', note: '已向病人與父親說明，由法定代理人共同簽署' }],
    discussedAlternatives: [{ id: 'no_treatment' }],
    quote: {
      items: [
        { kind: 'procedure', description: '雙眼皮手術（切開式）', amountTwd: 68000 },
        { kind: 'anaesthesia', description: '局部麻醉', amountTwd: 3000 },
        { kind: 'follow_up', description: '術後回診與拆線', amountTwd: 0 },
      ],
      revisionPolicy: '術後六個月內因摺痕不對稱需修整者，免收手術費',
      refundPolicy: '手術前七日以上取消可全額退費',
    },
    quoteTotalTwd: 71000,
    quoteAcknowledgedAt: at(50),
    acknowledgements: content.risks.map((r, i) => ({
      riskId: r.id,
      explainedAt: at(10 + i),
      acknowledgedAt: at(11 + i),
      method: i % 3 === 0 ? 'patient_reading_mode' : 'consultant_tap',
      questions: i === 1 ? '腫脹大概多久會消？' : null,
      recordedByName: '張雅琪',
    })),
    comprehension: { passedAt: at(55), attempts: 1 },
    disclosedAt: at(60),
    coolingOffDays: 14,
    coolingOffEndsAt: new Date(base + 60 * 60_000 + 14 * 86_400_000).toISOString(),
    override: null,
    forms: ['procedure', 'anaesthesia'],
    roles: ['patient', 'guardian', 'physician'],
    ...overrides,
  };
}
