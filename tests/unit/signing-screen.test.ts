import { describe, expect, it } from 'vitest';
import { toInk, toStrokes } from '../../renderer/src/screens/consents/ink';
import { waitingFor } from '../../renderer/src/screens/consents/order';
import type { ConsentView } from '../../shared/schemas/consent';

describe('signature pad data to stroke records', () => {
  it('makes times relative, clamps to the pad, and drops a mouse’s constant pressure', () => {
    const mouse = [{ points: [{ x: 10.123, y: 20, time: 1_700_000_000_000, pressure: 0.5 }, { x: 700, y: -3, time: 1_700_000_000_016, pressure: 0.5 }] }];
    expect(toStrokes(mouse, { width: 600, height: 200 })).toEqual([[{ x: 10.12, y: 20, t: 0 }, { x: 600, y: 0, t: 16 }]]);
    const pen = [{ points: [{ x: 1, y: 1, time: 5, pressure: 0.2 }, { x: 2, y: 2, time: 9, pressure: 0.81234 }] }, { points: [] }];
    expect(toStrokes(pen, { width: 600, height: 200 })).toEqual([[{ x: 1, y: 1, t: 0, pressure: 0.2 }, { x: 2, y: 2, t: 4, pressure: 0.81 }]]);
    expect(toInk(pen, { width: 600.4, height: 199.6 }, 'data:image/png;base64,iVBORw0KGgo=')).toMatchObject({ pad: { width: 600, height: 200 }, pngBase64: 'iVBORw0KGgo=' });
  });
});

describe('what a signature waits for (the screen’s hint)', () => {
  const consent = (signed: [string, string][], override = false): Pick<ConsentView, 'forms' | 'roles' | 'signatures' | 'override'> => ({
    forms: ['procedure', 'anaesthesia'],
    roles: ['patient', 'guardian', 'witness', 'physician'],
    signatures: signed.map(([form, role]) => ({ form, role }) as ConsentView['signatures'][number]),
    override: override ? ({ reason: 'x' } as ConsentView['override']) : null,
  });
  it('follows cooling-off, then patient and guardian, then witness, then the physician', () => {
    expect(waitingFor(consent([]), 'procedure', 'patient', false)).toBe('waitCoolingOff');
    expect(waitingFor(consent([], true), 'procedure', 'guardian', false)).toBeNull();
    expect(waitingFor(consent([['procedure', 'patient']]), 'procedure', 'witness', true)).toBe('waitPatient');
    expect(waitingFor(consent([['procedure', 'patient'], ['procedure', 'guardian']]), 'procedure', 'witness', true)).toBeNull();
    const allButPhysician: [string, string][] = ['procedure', 'anaesthesia'].flatMap((f) => ['patient', 'guardian', 'witness'].map((r) => [f, r] as [string, string]));
    expect(waitingFor(consent(allButPhysician.slice(0, 5)), 'procedure', 'physician', true)).toBe('waitOthers');
    expect(waitingFor(consent(allButPhysician), 'anaesthesia', 'physician', true)).toBeNull();
  });
});
