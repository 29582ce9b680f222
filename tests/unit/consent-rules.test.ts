import { describe, expect, it } from 'vitest';
import { signatureBinding } from '../../electron/domain/consent-binding';
import { checklist, orderViolation, requiredRoles, requiredSignatures, type SignedMark } from '../../electron/services/consents/rules';
import { inkExtent, judgeSignature } from '../../shared/signature';

describe('who signs, and in which order', () => {
  it('requires a guardian for a minor and a witness where the procedure asks for one', () => {
    expect(requiredRoles({ minor: false, witnessRequired: false })).toEqual(['patient', 'physician']);
    expect(requiredRoles({ minor: true, witnessRequired: true })).toEqual(['patient', 'guardian', 'witness', 'physician']);
  });

  it('lets patient and guardian sign in either order, the witness after them, the physician last on every form', () => {
    const forms = ['procedure', 'anaesthesia'] as const;
    const roles = ['patient', 'guardian', 'witness', 'physician'] as const;
    const signed: SignedMark[] = [];
    expect(orderViolation('guardian', 'procedure', forms, roles, signed)).toBeNull();
    expect(orderViolation('witness', 'procedure', forms, roles, signed)).toBe('consent.errors.patientFirst');
    signed.push({ form: 'procedure', role: 'guardian' }, { form: 'procedure', role: 'patient' });
    expect(orderViolation('witness', 'procedure', forms, roles, signed)).toBeNull();
    expect(orderViolation('witness', 'anaesthesia', forms, roles, signed)).toBe('consent.errors.patientFirst');
    signed.push({ form: 'procedure', role: 'witness' });
    expect(orderViolation('physician', 'procedure', forms, roles, signed)).toBe('consent.errors.patientFirst');
    signed.push({ form: 'anaesthesia', role: 'patient' }, { form: 'anaesthesia', role: 'guardian' });
    expect(orderViolation('physician', 'procedure', forms, roles, signed)).toBe('consent.errors.witnessFirst');
    signed.push({ form: 'anaesthesia', role: 'witness' });
    expect(orderViolation('physician', 'anaesthesia', forms, roles, signed)).toBeNull();
    expect(requiredSignatures(forms, roles, signed).filter((r) => !r.signed).map((r) => `${r.form}.${r.role}`)).toEqual(['procedure.physician', 'anaesthesia.physician']);
  });

  it('the checklist names each gap and marks the guardian and witness as required only when they are', () => {
    const base = {
      photos: 0,
      risksTotal: 5,
      risksAcknowledged: 4,
      quoteAcknowledged: true,
      comprehensionPassed: true,
      coolingOffOver: false,
      overridden: true,
      guardianRecorded: false,
      forms: ['procedure'] as const,
      roles: ['patient', 'physician'] as const,
      signed: [{ form: 'procedure', role: 'patient' }] as SignedMark[],
      flagsToAssess: 0,
      flagsAssessed: 0,
    };
    const items = checklist(base);
    expect(items.filter((i) => i.required && !i.ok).map((i) => i.id)).toEqual(['photos', 'risks']);
    expect(items.find((i) => i.id === 'guardian')).toMatchObject({ required: false, ok: true });
    expect(items.find((i) => i.id === 'cooling_off')).toMatchObject({ ok: true, detail: { override: 'yes' } });
    const minor = checklist({ ...base, photos: 2, risksAcknowledged: 5, roles: ['patient', 'guardian', 'physician'] });
    expect(minor.filter((i) => i.required && !i.ok).map((i) => i.id)).toEqual(['guardian']);
  });

  it('binds a signature to every one of its facts', () => {
    const b = { consentId: 'c', documentSha256: 'a'.repeat(64), form: 'procedure' as const, role: 'patient' as const, signerName: '黃詩涵', staffId: null, signedAt: '2026-11-24T02:00:00.000Z', strokesSha256: 'b'.repeat(64), pngSha256: 'c'.repeat(64) };
    const h = signatureBinding(b);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    for (const change of [{ documentSha256: 'd'.repeat(64) }, { signerName: '別人' }, { signedAt: '2026-11-24T02:00:00.001Z' }, { role: 'guardian' as const }]) {
      expect(signatureBinding({ ...b, ...change })).not.toBe(h);
    }
  });
});

describe('what counts as a signature', () => {
  const line = (n: number, dx: number) => Array.from({ length: n }, (_, i) => ({ x: 20 + i * dx, y: 80 + (i % 2) * 10, t: i * 16 }));
  it('is empty with no points, too small as a dot or a tiny tick, fine when written out', () => {
    expect(judgeSignature([], 600)).toBe('empty');
    expect(judgeSignature([[]], 600)).toBe('empty');
    expect(judgeSignature([[{ x: 5, y: 5, t: 0 }]], 600)).toBe('too_small');
    expect(judgeSignature([line(4, 2)], 600)).toBe('too_small');
    expect(judgeSignature([line(30, 8)], 600)).toBe('ok');
    expect(inkExtent([line(3, 10), line(2, 5)])).toMatchObject({ strokes: 2, points: 5, width: 20 });
  });
});
