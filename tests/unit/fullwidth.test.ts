import { describe, expect, it } from 'vitest';
import { parseTypedNumber, toHalfWidth } from '../../shared/fullwidth';
import { FeeQuote } from '../../shared/schemas/consultation';
import { ChartNo, PatientSearch, Phone, TaiwanId } from '../../shared/schemas/patient';
import { AmountTwd } from '../../shared/schemas/complaint';
import { runningTotal, uncountedRows } from '../../renderer/src/screens/consultations/steps';

describe('full-width input from a Zhuyin IME becomes half-width', () => {
  it('turns full-width digits, letters, signs and the ideographic space into ASCII', () => {
    expect(toHalfWidth('５００')).toBe('500');
    expect(toHalfWidth('Ａ１２３４５６７８９')).toBe('A123456789');
    expect(toHalfWidth('＋８８６\u3000９１２－３４５６７８')).toBe('+886 912-345678');
    expect(toHalfWidth('（０２）２３４５\u2212６７８９')).toBe('(02)2345-6789');
  });

  it('leaves Chinese text and half-width text exactly as typed', () => {
    expect(toHalfWidth('王小明、陳美玲。')).toBe('王小明、陳美玲。');
    expect(toHalfWidth('abc 123')).toBe('abc 123');
    expect(toHalfWidth('')).toBe('');
  });

  it('reads typed amounts with full-width digits, separators and NT$', () => {
    expect(parseTypedNumber('５００')).toBe(500);
    expect(parseTypedNumber('１，５００')).toBe(1500);
    expect(parseTypedNumber('ＮＴ＄ ３０，０００')).toBe(30000);
    expect(parseTypedNumber('12,000元')).toBe(12000);
    expect(parseTypedNumber('五百')).toBeNaN();
    expect(parseTypedNumber('')).toBeNaN();
  });

  it('counts full-width amounts in the quote total and names rows it cannot count', () => {
    expect(runningTotal(['５００', '1,000', '２，５００'])).toBe(4000);
    expect(uncountedRows(['５００', '五百', '', '-3'])).toBe(2);
  });

  it('normalises at the contract boundary: phone, chart number, national ID, search, amounts', () => {
    expect(Phone.parse('０９１２－３４５６７８')).toBe('0912-345678');
    expect(ChartNo.parse('Ａ－００１２')).toBe('A-0012');
    expect(TaiwanId.parse('ａ１２３４５６７８９')).toBe('A123456789');
    expect(PatientSearch.parse({ query: '０９１２' }).query).toBe('0912');
    expect(AmountTwd.parse('５００')).toBe(500);
    expect(AmountTwd.parse(500)).toBe(500);
    const quote = FeeQuote.parse({ items: [{ kind: 'procedure', description: '玻尿酸', amountTwd: '１２，０００' }], revisionPolicy: '一次', refundPolicy: '未施打可退' });
    expect(quote.items[0]!.amountTwd).toBe(12000);
  });

  it('still refuses what is not a number or phone once normalised', () => {
    expect(AmountTwd.safeParse('五百').success).toBe(false);
    expect(AmountTwd.safeParse('－５').success).toBe(false);
    expect(Phone.safeParse('電話０９１２').success).toBe(false);
  });
});
