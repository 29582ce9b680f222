import { describe, expect, it } from 'vitest';
import { isValidTaiwanId, makeTaiwanId, taiwanIdKind } from '../../shared/taiwan-id';

describe('Taiwan ID check digit', () => {
  it('accepts the well-known valid national ID A123456789', () => {
    expect(taiwanIdKind('A123456789')).toBe('national_id');
  });
  it('rejects a wrong check digit', () => {
    expect(isValidTaiwanId('A123456788')).toBe(false);
  });
  it('accepts lower case and full-width input after normalisation', () => {
    expect(isValidTaiwanId('a123456789')).toBe(true);
    expect(isValidTaiwanId('Ａ１２３４５６７８９')).toBe(true);
  });
  it('rejects a third digit other than 1, 2, 8, 9 or A–D', () => {
    expect(isValidTaiwanId('A323456789')).toBe(false);
    expect(isValidTaiwanId('AE23456789')).toBe(false);
  });
  it('accepts new-style resident certificates (8/9) and old-style ones (A–D)', () => {
    expect(taiwanIdKind(makeTaiwanId('F', '8', '0000001'))).toBe('resident_certificate');
    // Old style AC01234567: second letter C counts as 2.
    expect(taiwanIdKind('AC01234567')).toBe('resident_certificate');
    expect(taiwanIdKind('AC01234568')).toBeNull();
  });
  it('rejects wrong lengths and shapes', () => {
    for (const bad of ['', 'A12345678', 'A1234567890', '1123456789', 'A12345678X']) expect(isValidTaiwanId(bad)).toBe(false);
  });
  it('makeTaiwanId always yields valid numbers, and changing any digit invalidates them', () => {
    for (let i = 0; i < 200; i++) {
      const id = makeTaiwanId('ABCDEFGHJKLMNPQRSTUVXYWZIO'[i % 26]!, i % 2 ? '1' : '2', String(1_000_000 + i * 4_567).slice(-7));
      expect(isValidTaiwanId(id)).toBe(true);
      const last = Number(id[9]);
      expect(isValidTaiwanId(id.slice(0, 9) + ((last + 1) % 10))).toBe(false);
    }
  });
});
