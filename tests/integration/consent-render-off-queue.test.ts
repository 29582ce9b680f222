import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuickInput, QuickKind, QuickResult } from '../../electron/jobs/kinds';
import { renderHere } from '../../electron/services/prepared-render';
import type { ManualClock, TestApp } from '../support/app';
import { ADULT, afterCoolingOff, disclosedConsultation, ink } from '../support/consent-flow';
import { PHYSICIAN } from '../support/staff';
import { staffedClinic } from '../support/staffed-clinic';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A render the test lets go of when it chooses, so it can look at the clinic while the render is out. */
interface HeldRender {
  kind: QuickKind;
  release(): void;
}

describe('consent documents are rendered outside the serialised path', () => {
  let t: TestApp, clock: ManualClock, physicianId: string;
  let held: HeldRender[];
  let quick: ReturnType<typeof vi.spyOn>;
  beforeEach(async () => {
    ({ t, clock, physicianId } = await staffedClinic());
    held = [];
    const real = t.app.jobs.quick.bind(t.app.jobs);
    quick = vi.spyOn(t.app.jobs, 'quick').mockImplementation(<K extends QuickKind>(kind: K, input: QuickInput<K>) => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      held.push({ kind, release });
      return gate.then(() => real(kind, input)) as Promise<QuickResult<K>>;
    });
  });
  afterEach(() => t.dispose());

  const nextHeld = async (): Promise<HeldRender> => {
    for (let i = 0; i < 500 && held.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const h = held.shift();
    if (!h) throw new Error('no render was asked for');
    return h;
  };

  it('issues a consent whose PDF the warm worker rendered while other calls were answered, byte for byte the inline render', async () => {
    const c = await disclosedConsultation(t, physicianId);
    const issuing = t.ok('consents.issue', { consultationId: c.consultation.id });
    const render = await nextHeld();
    expect(render.kind).toBe('pdf.consent');
    // The queue is free while the document renders: another call is answered, and no consent exists yet.
    const list = await t.ok('consents.list', { limit: 10 });
    expect(list).toEqual([]);
    render.release();
    const v = await issuing;
    expect(quick).toHaveBeenCalledTimes(1);
    const stored = t.app.vault!.consents.document(v.documentSha256)!;
    expect(sha(stored.bytes)).toBe(v.documentSha256);
    // The worker's bytes are the bytes this thread renders from the same input: the document is deterministic.
    const input = quick.mock.calls[0]![1] as QuickInput<'pdf.consent'>;
    expect(input.consentId).toBe(v.id);
    expect(input.issuedAt).toBe(v.issuedAt);
    expect(sha((await renderHere('pdf.consent', input)).bytes)).toBe(v.documentSha256);
    // One issue event, the consent's own boxes, nothing left of the pass that stopped for the render.
    const issued = t.app.vault!.audit.recent(50).filter((e) => e.action === 'consent.issued');
    expect(issued).toHaveLength(1);
    expect(t.app.vault!.consents.boxes(v.id).length).toBeGreaterThan(0);
    expect(t.app.vault!.audit.verifyChain().ok).toBe(true);
  }, 120_000);

  it('stores the render of what it commits: a record changed by another seat while the render was out is rendered again', async () => {
    const c = await disclosedConsultation(t, physicianId);
    const issuing = t.ok('consents.issue', { consultationId: c.consultation.id });
    const first = await nextHeld();
    const patient = (await t.ok('patients.get', { patientId: c.consultation.patientId })).patient;
    await t.ok('patients.update', { patientId: patient.id, expectedVersion: patient.version, fields: { ...ADULT, allergies: '阿斯匹靈' } });
    first.release();
    const second = await nextHeld();
    expect(second.kind).toBe('pdf.consent');
    second.release();
    const v = await issuing;
    expect(quick).toHaveBeenCalledTimes(2);
    const file = path.join(t.root, 'issued.pdf');
    fs.writeFileSync(file, t.app.vault!.consents.document(v.documentSha256)!.bytes);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('阿斯匹靈');
    expect(text).not.toContain('盤尼西林');
  }, 120_000);

  it('renders inline when the worker cannot (the consent is issued all the same), and the final PDF goes to the worker too', async () => {
    const c = await disclosedConsultation(t, physicianId);
    quick.mockImplementationOnce(() => Promise.reject(new Error('no worker here')));
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    expect(sha(t.app.vault!.consents.document(v.documentSha256)!.bytes)).toBe(v.documentSha256);

    await afterCoolingOff(t, clock, c);
    await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'patient', documentSha256: v.documentSha256, ink: ink() });
    expect(quick).toHaveBeenCalledTimes(1);
    const locking = t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'physician', documentSha256: v.documentSha256, ink: ink(), physicianId, password: PHYSICIAN.password });
    const final = await nextHeld();
    expect(final.kind).toBe('pdf.final');
    // Until the final PDF is in, the consent is not locked and the physician's signature is not recorded.
    expect((await t.ok('consents.get', { consentId: v.id })).status).toBe('patient_signed');
    expect(t.app.vault!.consents.signatures(v.id)).toHaveLength(1);
    final.release();
    const locked = await locking;
    expect(locked.status).toBe('fully_signed');
    const stored = t.app.vault!.consents.document(locked.finalSha256!)!;
    expect(sha(stored.bytes)).toBe(locked.finalSha256);
    expect(stored.bytes.subarray(0, t.app.vault!.consents.document(v.documentSha256)!.bytes.length).equals(t.app.vault!.consents.document(v.documentSha256)!.bytes)).toBe(true);
    expect(t.app.vault!.consents.signatures(v.id)).toHaveLength(2);
    expect(t.app.vault!.audit.verifyChain().ok).toBe(true);
  }, 180_000);
});
