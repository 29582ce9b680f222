import { describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../shared/errors';
import { applyStepServerError, issueField, stepResolver } from '../../renderer/src/screens/consultations/stepForm';

const ID = '8a1c2b8e-3d4f-4a5b-9c6d-7e8f9a0b1c2d';
const QUOTE = { prefix: ['quote'], fields: ['items', 'revisionPolicy', 'refundPolicy'], arrays: ['items'] } as const;

interface QuoteForm {
  items: { kind: 'procedure' | 'other'; description: string; amountTwd: number }[];
  revisionPolicy: string;
  refundPolicy: string;
}
const toInput = (v: QuoteForm) => ({ consultationId: ID, expectedVersion: 1, quote: v });
const run = (v: QuoteForm) => stepResolver('consultations.saveQuote', toInput, QUOTE)(v, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('step forms nested in a channel input', () => {
  it('place an issue on its nested field without the input prefix', () => {
    expect(issueField(['quote', 'items', 0, 'amountTwd'], QUOTE.prefix, QUOTE.fields, QUOTE.arrays)).toBe('items.0.amountTwd');
    expect(issueField(['quote', 'refundPolicy'], QUOTE.prefix, QUOTE.fields)).toBe('refundPolicy');
  });

  it('put an issue about a whole list on the list, and anything outside the form at form level', () => {
    expect(issueField(['quote', 'items'], QUOTE.prefix, QUOTE.fields, QUOTE.arrays)).toBe('items.root');
    expect(issueField(['consultationId'], QUOTE.prefix, QUOTE.fields)).toBe('root');
    expect(issueField(['gaps', 'risks'], QUOTE.prefix, QUOTE.fields)).toBe('root');
  });

  it('validate with the channel schema: a negative fee and a quote without a procedure are refused beside their fields', async () => {
    const r = await run({ items: [{ kind: 'other', description: '耗材', amountTwd: -1 }], revisionPolicy: '兩週內免費修整', refundPolicy: '' });
    expect(r.errors).toMatchObject({
      items: { 0: { amountTwd: { message: 'validation.amountNegative' } } },
      refundPolicy: { message: 'validation.required' },
    });
    const noProcedure = await run({ items: [{ kind: 'other', description: '耗材', amountTwd: 100 }], revisionPolicy: 'x', refundPolicy: 'y' });
    expect(noProcedure.errors).toMatchObject({ items: { root: { message: 'validation.quoteNeedsProcedure' } } });
  });

  it('pass a valid quote through unchanged', async () => {
    const v: QuoteForm = { items: [{ kind: 'procedure', description: '玻尿酸注射 1 cc', amountTwd: 18000 }], revisionPolicy: 'x', refundPolicy: 'y' };
    expect(await run(v)).toEqual({ values: v, errors: {} });
  });

  it('list form checks first, so their more specific message wins on the same field', async () => {
    const resolver = stepResolver('consultations.saveQuote', toInput, QUOTE, () => [{ path: ['refundPolicy'], messageKey: 'consultation.validation.noteRequired' }]);
    const r = await resolver({ items: [{ kind: 'procedure', description: 'x', amountTwd: 1 }], revisionPolicy: 'x', refundPolicy: '' }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(r.errors).toMatchObject({ refundPolicy: { message: 'consultation.validation.noteRequired' } });
  });

  it('show server issues beside the fields and return the rest as the form-level message', () => {
    const setError = vi.fn();
    const placed: ApiError = { code: 'invalid_input', messageKey: 'errors.invalid_input', issues: [{ path: ['quote', 'items', 1, 'amountTwd'], messageKey: 'validation.tooBig' }] };
    expect(applyStepServerError(placed, QUOTE, setError)).toBeNull();
    expect(setError).toHaveBeenCalledWith('items.1.amountTwd', { type: 'server', message: 'validation.tooBig' }, { shouldFocus: true });
    const gaps: ApiError = { code: 'rule_violation', messageKey: 'errors.disclosureIncomplete', issues: [{ path: ['gaps', 'risks'], messageKey: 'gaps.risks' }] };
    expect(applyStepServerError(gaps, QUOTE, setError)).toEqual(gaps);
    const plain: ApiError = { code: 'rule_violation', messageKey: 'errors.consultationNotEditable' };
    expect(applyStepServerError(plain, QUOTE, setError)).toEqual(plain);
  });
});
