import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN, makeTestApp, ManualClock, tempDir, type TestApp } from '../support/app';
import { runCliInProcess } from '../support/cli-run';
import { addStaff, afterCoolingOff, disclosedConsultation, ink, MINOR } from '../support/consent-flow';
import { PHYSICIAN } from '../support/staff';

describe('consentvault consents list / consent verify', () => {
  let t: TestApp;
  let signedId: string;
  let issuedId: string;
  let signedSha: string;
  const env = { CONSENTVAULT_PASSWORD: ADMIN.password, CONSENTVAULT_USER: undefined };

  beforeAll(async () => {
    // The vault is made through the router with a clock two days back, so the cooling-off period has passed by now.
    const clock = new ManualClock(new Date(Date.now() - 3 * 86_400_000).toISOString());
    t = makeTestApp({ clock });
    await t.setup();
    const { physicianId } = await addStaff(t);
    const c = await disclosedConsultation(t, physicianId);
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    await afterCoolingOff(t, clock, c);
    await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'patient', documentSha256: v.documentSha256, ink: ink() });
    const done = await t.ok('consents.sign', { consentId: v.id, form: 'procedure', role: 'physician', documentSha256: v.documentSha256, ink: ink(), physicianId, password: PHYSICIAN.password });
    signedId = done.id;
    signedSha = done.documentSha256;
    const minor = await disclosedConsultation(t, physicianId, { patient: MINOR });
    issuedId = (await t.ok('consents.issue', { consultationId: minor.consultation.id })).id;
    await t.signOut();
  }, 120_000);
  afterEach(() => vi.restoreAllMocks());

  it('lists every consent with chart number, procedure, status and document SHA-256, as text or JSON', async () => {
    const text = await runCliInProcess(['consents', 'list', '--vault', t.vaultDir], env);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout.split('\n')[0]).toBe('ID\tCHART\tPROCEDURE\tSTATUS\tSHA256');
    expect(text.stdout).toContain(`${signedId}\tC0001\t`);
    const json = await runCliInProcess(['consents', 'list', '--vault', t.vaultDir, '--json'], env);
    const rows = JSON.parse(json.stdout) as { id: string; chartNo: string; status: string; sha256: string }[];
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === signedId)).toMatchObject({ chartNo: 'C0001', status: 'fully_signed', sha256: signedSha });
    expect(rows.find((r) => r.id === issuedId)).toMatchObject({ chartNo: 'C0002', status: 'issued' });
    const one = JSON.parse((await runCliInProcess(['consents', 'list', '--vault', t.vaultDir, '--patient', 'c0002', '--json'], env)).stdout) as { id: string }[];
    expect(one.map((r) => r.id)).toEqual([issuedId]);
  });

  it('verifies a consent (exit 0), and fails one whose stored bytes were changed (exit 1)', async () => {
    const ok = await runCliInProcess(['consent', 'verify', '--vault', t.vaultDir, '--consent', signedId], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok {3}final\.contains_issued/m);
    expect(ok.stdout).toContain(`Consent ${signedId} verified`);
    expect((await runCliInProcess(['consent', 'verify', '--vault', t.vaultDir, '--consent', 'not-an-id'], env)).code).toBe(2);
    expect((await runCliInProcess(['consent', 'verify', '--vault', t.vaultDir, '--consent', '3f0c2a4e-8b1d-4c6a-9e2f-1a2b3c4d5e6f'], env)).code).toBe(2);

    // Someone with the key edits the issued bytes behind the triggers' back.
    await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
    const db = t.app.vault!.db;
    db.exec('DROP TRIGGER consent_documents_immutable');
    db.prepare('UPDATE consent_documents SET bytes = CAST(replace(CAST(bytes AS TEXT), \'%%EOF\', \'%%EOX\') AS BLOB) WHERE sha256 = ?').run(signedSha);
    await t.signOut();
    const bad = await runCliInProcess(['consent', 'verify', '--vault', t.vaultDir, '--consent', signedId], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^FAIL document\.sha256/m);
    expect(bad.stderr).toContain('does not verify');
  });
});

describe('consentvault demo with consents', () => {
  afterEach(() => vi.restoreAllMocks());

  it('signs some consents after the cooling-off period, some after an override, withdraws some; every one verifies', async () => {
    const vault = path.join(tempDir(), 'demo');
    const env = { CONSENTVAULT_NEW_PASSWORD: undefined, CONSENTVAULT_PASSWORD: 'Demo-Clinic-2026', CONSENTVAULT_USER: undefined };
    const demo = await runCliInProcess(['demo', '--vault', vault, '--seed', '5', '--patients', '10'], env);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/consent_override_signed 1/);
    const rows = JSON.parse((await runCliInProcess(['consents', 'list', '--vault', vault, '--json'], env)).stdout) as { id: string; status: string }[];
    expect(rows.map((r) => r.status).sort()).toEqual(['fully_signed', 'fully_signed', 'patient_signed', 'withdrawn']);
    for (const r of rows) expect((await runCliInProcess(['consent', 'verify', '--vault', vault, '--consent', r.id], env)).code).toBe(0);
  }, 120_000);
});
