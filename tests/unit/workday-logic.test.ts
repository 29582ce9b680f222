import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { nextChartNo } from '../../shared/chart-numbers';
import { toFieldIssues } from '../../shared/errors';
import { PriceList } from '../../shared/schemas/catalogue';
import { checklist, riskToReexplain } from '../../renderer/src/screens/consultations/steps';
import { procedureNameFor, statusBadgeKey } from '../../renderer/src/screens/consultations/status';
import { joinList } from '../../renderer/src/lists';
import { routeFromHistoryState } from '../../renderer/src/navigation';
import { blankProcedure, procedureChecks, procedureRename, toSaveInput } from '../../renderer/src/screens/catalogue/procedureForm';

describe('the next chart number', () => {
  const none = () => false;
  it('continues the clinic’s numbering, keeping prefix and zero padding', () => {
    expect(nextChartNo('C0041', none)).toBe('C0042');
    expect(nextChartNo('2026-0099', none)).toBe('2026-0100');
    expect(nextChartNo('A999', none)).toBe('A1000');
  });
  it('skips numbers already taken and starts at 000001 in an empty vault', () => {
    const taken = new Set(['C0042', 'C0043']);
    expect(nextChartNo('C0041', (c) => taken.has(c))).toBe('C0044');
    expect(nextChartNo(null, none)).toBe('000001');
    expect(nextChartNo(null, (c) => c === '000001')).toBe('000002');
  });
  it('gives a number that fits the chart-number rule even when the last one has no digits', () => {
    const next = nextChartNo('VIP', none);
    expect(next).toBe('VIP-000001');
    expect(api['patients.create'].input.shape.chartNo.safeParse(next).success).toBe(true);
  });
});

describe('an empty field says required, never "wrong format"', () => {
  it('maps issues on missing, blank and NaN values to validation.required when the input is given', () => {
    const schema = api['procedures.save'].input;
    const input = { fields: { ...toSaveInput(blankProcedure(), undefined).fields, coolingOffDays: Number.NaN, nameZh: '' } };
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    const issues = toFieldIssues(parsed.error!, input);
    expect(issues.find((i) => i.path.join('.') === 'fields.coolingOffDays')?.messageKey).toBe('validation.required');
    // Without the input, the old mapping stays (a number box that is not a number).
    expect(toFieldIssues(parsed.error!).find((i) => i.path.join('.') === 'fields.coolingOffDays')?.messageKey).not.toBe('validation.required');
  });
});

describe('procedure prices', () => {
  it('round-trip through the form: amounts typed in full width count, an empty amount is required', () => {
    const v = { ...blankProcedure(), code: 'ha', nameZh: '玻尿酸', nameEn: 'HA', followUpPlan: [{ itemId: 'd1', dayOffset: 1, role: 'nurse' as const, method: 'phone' as const, focus: '腫脹' }] };
    const priced = { ...v, prices: [{ kind: 'procedure' as const, description: '玻尿酸 1 c.c.', amountTwd: '１８，０００' }], packages: [{ itemId: 'pkg', name: '兩支', items: [{ kind: 'procedure' as const, description: '2 c.c.', amountTwd: '' }] }] };
    expect(toSaveInput(priced, undefined).fields.priceList?.items[0]?.amountTwd).toBe(18000);
    expect(procedureChecks(priced)).toEqual([{ path: ['packages', 0, 'items', 0, 'amountTwd'], messageKey: 'validation.required' }]);
    expect(procedureRename(['fields', 'priceList', 'items', 0, 'amountTwd'])).toEqual(['prices', 0, 'amountTwd']);
    expect(procedureRename(['fields', 'priceList', 'packages', 1, 'name'])).toEqual(['packages', 1, 'name']);
  });
  it('refuse negative amounts and duplicate package codes', () => {
    expect(PriceList.safeParse({ items: [{ kind: 'procedure', description: 'x', amountTwd: -1 }], packages: [] }).success).toBe(false);
    const pkg = { id: 'p', name: 'P', items: [{ kind: 'procedure', description: 'x', amountTwd: 1 }] };
    expect(PriceList.safeParse({ items: [], packages: [pkg, pkg] }).success).toBe(false);
  });
});

describe('consultation status and wording', () => {
  const now = Date.parse('2026-12-01T00:00:00.000Z');
  it('a disclosed consultation whose cooling-off ended no longer says cooling-off', () => {
    expect(statusBadgeKey({ status: 'disclosed', coolingOffEndsAt: '2026-11-10T00:00:00.000Z' }, now)).toBe('workday.status.disclosedCoolingOffEnded');
    expect(statusBadgeKey({ status: 'disclosed', coolingOffEndsAt: '2026-12-10T00:00:00.000Z' }, now)).toBe('consultation.status.disclosed');
    expect(statusBadgeKey({ status: 'fully_signed', coolingOffEndsAt: '2026-11-10T00:00:00.000Z' }, now)).toBe('consultation.status.fully_signed');
  });
  it('names the procedure in the reader’s language', () => {
    const procs = [{ id: 'p1', nameZh: '玻尿酸注射', nameEn: 'Hyaluronic-acid filler' }];
    expect(procedureNameFor({ procedureId: 'p1', procedureName: '玻尿酸注射' }, procs, 'en')).toBe('Hyaluronic-acid filler');
    expect(procedureNameFor({ procedureId: 'p1', procedureName: '玻尿酸注射' }, procs, 'zh-TW')).toBe('玻尿酸注射');
    expect(procedureNameFor({ procedureId: 'p2', procedureName: '玻尿酸注射' }, null, 'en')).toBe('玻尿酸注射');
  });
  it('joins lists with 、 in Chinese and a comma in English', () => {
    expect(joinList(['發燒', '出血'], 'zh-TW')).toBe('發燒、出血');
    expect(joinList(['fever', 'bleeding'], 'en')).toBe('fever, bleeding');
  });
  it('the checklist does not tick a step the comprehension check sends the consultation back to', () => {
    const c = { gaps: ['comprehension' as const], recordFlags: [], status: 'draft' as const };
    const items = checklist(c, { contraindications: [] }, ['risks']);
    expect(items.find((i) => i.gap === 'risks')).toEqual({ gap: 'risks', done: false, reexplain: true });
    expect(items.find((i) => i.gap === 'goals')?.done).toBe(true);
    expect(checklist(c, { contraindications: [] }).find((i) => i.gap === 'risks')?.done).toBe(true);
  });
  it('explaining again opens the risk the wrong answer was about', () => {
    const risks = [{ text: '注射處瘀青或腫脹' }, { text: '血管栓塞，可能造成皮膚壞死或視力受損' }, { text: '感染' }];
    const questions = [{ id: 'q1', topic: 'risks' as const, question: '哪一項是罕見但嚴重的風險？', options: ['頭髮變色', '血管栓塞造成視力受損'], correctIndex: 1 }];
    const answered = { status: 'draft' as const, comprehensionPassedAt: null, comprehensionAnswers: [{ questionId: 'q1', chosenIndex: 0, correct: false, attempt: 1, answeredAt: '2026-12-01T00:00:00.000Z' }] };
    expect(riskToReexplain(risks, questions, answered)).toBe(1);
    expect(riskToReexplain(risks, questions, { ...answered, comprehensionAnswers: [] })).toBeNull();
  });
});

describe('history entries', () => {
  it('are routes only for the sign-in that wrote them', () => {
    const entry = { consentVaultRoute: { screen: 'patient', patientId: 'x' }, consentVaultSession: 's1' };
    expect(routeFromHistoryState(entry, 's1')).toEqual({ screen: 'patient', patientId: 'x' });
    expect(routeFromHistoryState(entry, 's2')).toBeNull();
    expect(routeFromHistoryState(null, 's1')).toBeNull();
    expect(routeFromHistoryState({ other: 1 }, 's1')).toBeNull();
  });
});
