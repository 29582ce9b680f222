import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { ItemId, type Procedure, type TemplateContent } from '../../shared/schemas/catalogue';
import { nestedResolver } from '../../renderer/src/screens/patients/nestedForm';
import { blankProcedure, fromProcedure, procedureChecks, procedureRename, toSaveInput, type ProcedureFormValues } from '../../renderer/src/screens/catalogue/procedureForm';
import { blankTemplate, fromContent, newItemId, templateRename, toContent, type TemplateFormValues } from '../../renderer/src/screens/catalogue/templateForm';

const PROCEDURE_ID = '1b7d2a70-3c1e-4a8e-9a55-4f3c2b1a0d99';
const opts = { fields: {}, shouldUseNativeValidation: false };

const CONTENT: TemplateContent = {
  title: '玻尿酸注射說明書',
  purpose: '改善凹陷與紋路。',
  howItIsDone: '消毒後注射。',
  expectedResult: '立即可見。',
  recoveryTimeline: '一至兩週。',
  limitations: '效果暫時。',
  risks: [
    { id: 'bruising', text: '瘀青', frequency: 'common', severity: 'mild' },
    { id: 'vascular_occlusion', text: '血管栓塞', frequency: 'rare', severity: 'severe' },
  ],
  alternatives: [{ id: 'no_treatment', text: '不接受治療' }],
  aftercare: '冰敷。',
  preOpInstructions: '停用抗凝血藥物前請先詢問醫師。',
  contraindications: [{ id: 'pregnancy', text: '懷孕', flaggedBy: ['pregnancy'] }],
  comprehensionQuestions: [
    { id: 'q1', question: '效果是永久的嗎？', options: ['是', '不是'], correctIndex: 1, topic: 'limitations' },
    { id: 'q2', question: '最嚴重的風險？', options: ['瘀青', '血管栓塞', '腫脹'], correctIndex: 1, topic: 'risks' },
    { id: 'q3', question: '可以不治療嗎？', options: ['可以', '不可以'], correctIndex: 0, topic: 'alternatives' },
  ],
};

describe('explanation sheet editor', () => {
  it('round-trips a sheet through the editor’s shape unchanged', () => {
    expect(api['templates.saveDraft'].input.parse({ procedureId: PROCEDURE_ID, locale: 'zh-TW', expectedDraft: null, content: toContent(fromContent(CONTENT)) }).content).toEqual(CONTENT);
  });

  it('makes identifiers the contract accepts', () => {
    for (let i = 0; i < 50; i += 1) expect(ItemId.safeParse(newItemId('risk')).success).toBe(true);
    expect(newItemId('q', () => 0)).toBe('q_000000');
  });

  it('starts a first version with every part present and "no treatment" among the alternatives', async () => {
    const blank = blankTemplate();
    expect(blank.alternatives[0]?.itemId).toBe('no_treatment');
    expect(blank.comprehensionQuestions).toHaveLength(3);
    const resolve = nestedResolver(api['templates.saveDraft'].input, (v: TemplateFormValues) => ({ procedureId: PROCEDURE_ID, locale: 'zh-TW' as const, expectedDraft: null, content: toContent(v) }), {
      rename: templateRename,
    });
    const r = await resolve(blank, undefined, opts);
    // Empty boxes are reported on the boxes, including an answer option inside a question.
    expect(r.errors).toMatchObject({
      title: { message: 'validation.required' },
      risks: { 0: { text: { message: 'validation.required' } } },
      comprehensionQuestions: { 0: { options: { 0: { text: { message: 'validation.required' } } } } },
    });
  });

  it('reports list-level problems on the list, beside item-level ones', async () => {
    const v = fromContent(CONTENT);
    v.alternatives = [{ itemId: 'laser', text: '雷射' }];
    v.risks = [...v.risks, { itemId: 'bruising', text: '', frequency: 'common', severity: 'mild' }];
    const resolve = nestedResolver(api['templates.saveDraft'].input, (x: TemplateFormValues) => ({ procedureId: PROCEDURE_ID, locale: 'en' as const, expectedDraft: null, content: toContent(x) }), {
      rename: templateRename,
    });
    const r = await resolve(v, undefined, opts);
    expect(r.errors).toMatchObject({ risks: { 2: { text: { message: 'validation.required' } } } });
    // The whole-sheet rules (duplicates, "no treatment") speak once every item is filled in.
    v.risks = v.risks.slice(0, 2);
    expect((await resolve(v, undefined, opts)).errors).toMatchObject({ alternatives: { message: 'validation.noTreatmentAlternative' } });
    expect(templateRename(['content', 'alternatives'])).toEqual(['alternatives']);
    expect(templateRename(['content', 'risks', 1, 'id'])).toEqual(['risks', 1]);
    expect(templateRename(['comprehensionQuestions', 0, 'options', 2])).toEqual(['comprehensionQuestions', 0, 'options', 2, 'text']);
  });
});

describe('procedure form', () => {
  const procedure: Procedure = {
    id: PROCEDURE_ID,
    code: 'ha_filler',
    nameZh: '玻尿酸注射',
    nameEn: 'Hyaluronic-acid filler',
    category: 'injectable',
    anaesthesia: 'topical',
    witnessRequired: false,
    coolingOffDays: 1,
    followUpPlan: [{ id: 'd1', dayOffset: 1, role: 'nurse', method: 'phone', focus: '瘀青與腫脹' }],
    priceList: {
      items: [{ kind: 'procedure', description: '玻尿酸 1 c.c.', amountTwd: 18000 }],
      packages: [{ id: 'two_cc', name: '兩支優惠', items: [{ kind: 'procedure', description: '玻尿酸 2 c.c.', amountTwd: 32000 }] }],
    },
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  };

  it('saves an edit with its follow-up identifiers kept, and `active` only when editing', () => {
    const input = toSaveInput({ ...fromProcedure(procedure), coolingOffDays: 3 }, PROCEDURE_ID, procedure.version);
    expect(input.fields.followUpPlan[0]?.id).toBe('d1');
    expect(input.fields.coolingOffDays).toBe(3);
    expect(input.active).toBe(true);
    expect(api['procedures.save'].input.safeParse(input).success).toBe(true);
    expect(toSaveInput(blankProcedure(), undefined).active).toBeUndefined();
  });

  it('names an empty number as required and places issues under `fields`', async () => {
    const v: ProcedureFormValues = { ...fromProcedure(procedure), coolingOffDays: Number.NaN };
    expect(procedureChecks(v)).toEqual([{ path: ['coolingOffDays'], messageKey: 'validation.required' }]);
    const resolve = nestedResolver(api['procedures.save'].input, (x: ProcedureFormValues) => toSaveInput(x, PROCEDURE_ID, 1), { rename: procedureRename, extra: procedureChecks });
    expect((await resolve({ ...fromProcedure(procedure), coolingOffDays: 0 }, undefined, opts)).errors).toMatchObject({
      coolingOffDays: { message: 'validation.coolingOffMin' },
    });
    expect(procedureRename(['fields', 'followUpPlan', 0, 'id'])).toEqual(['followUpPlan', 0]);
  });
});
