import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN } from '../support/app';
import { runCliInProcess } from '../support/cli-run';
import { evidenceFixture, type EvidenceFixture } from '../support/evidence-fixture';
import { readPack, writePack } from '../support/pack-files';

describe('consentvault export / verify', () => {
  let f: EvidenceFixture;
  let dir: string;
  const env = { CONSENTVAULT_PASSWORD: ADMIN.password, CONSENTVAULT_USER: undefined, CONSENTVAULT_LANG: undefined };

  beforeAll(async () => {
    f = await evidenceFixture();
    await f.t.signOut();
    dir = path.join(f.t.root, 'cli');
    fs.mkdirSync(dir);
  }, 180_000);
  afterAll(() => f.t.dispose());
  afterEach(() => vi.restoreAllMocks());

  it('exports the whole patient by chart number, and verify passes (exit 0)', async () => {
    const out = path.join(dir, 'whole.zip');
    const r = await runCliInProcess(['export', '--vault', f.t.vaultDir, '--patient', f.chartNo.toLowerCase(), '--out', out], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Evidence pack 0001 written to .*whole\.zip/);
    expect(r.stdout).toMatch(/evidence\.pdf: +\d+ pages, CV-0001-000001 – CV-0001-\d{6}/);
    // Without a fingerprint from the clinic the pack is intact, not verified: anyone can sign a consistent pack.
    const unconfirmed = await runCliInProcess(['verify', out]);
    expect(unconfirmed.code).toBe(4);
    expect(unconfirmed.stdout).toContain('signer is NOT confirmed');
    expect(unconfirmed.stdout).not.toContain('Evidence pack verified');
    expect(unconfirmed.stdout).toContain(`黃詩涵 (${f.chartNo})`);
    // The fingerprint as the clinic hands it over: from its own vault, not from the pack.
    const fingerprint = (JSON.parse((await runCliInProcess(['info', '--vault', f.t.vaultDir, '--json'], env)).stdout) as { signingKeyFingerprint: string }).signingKeyFingerprint;
    const v = await runCliInProcess(['verify', out, '--fingerprint', fingerprint]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('Evidence pack verified');
    expect(v.stdout).toContain(fingerprint);
  });

  it('exports one consultation as a patient copy; refuses an existing file, an unknown patient and a non-administrator', async () => {
    const out = path.join(dir, 'copy.zip');
    const r = await runCliInProcess(['export', '--vault', f.t.vaultDir, '--patient', f.chartNo, '--consultation', f.signed.consultation.id, '--kind', 'patient', '--out', out], env);
    expect(r.code).toBe(0);
    const pack = await readPack(out);
    expect(pack.files.has('data/audit.jsonl')).toBe(false);
    expect(JSON.parse(pack.files.get('bag-info.txt')!.toString().match(/Pack-Scope: (.*)/)![1]!)).toEqual({ type: 'consultation', consultationId: f.signed.consultation.id });

    const again = await runCliInProcess(['export', '--vault', f.t.vaultDir, '--patient', f.chartNo, '--out', out], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect((await runCliInProcess(['export', '--vault', f.t.vaultDir, '--patient', 'NOPE-1', '--out', path.join(dir, 'n.zip')], env)).code).toBe(2);
    const nurse = await runCliInProcess(['export', '--vault', f.t.vaultDir, '--patient', f.chartNo, '--out', path.join(dir, 'nurse.zip'), '--as', '陳美玲'], { ...env, CONSENTVAULT_PASSWORD: 'Nurse-Pass-2026' });
    expect(nurse.code).toBe(3);
    expect(fs.existsSync(path.join(dir, 'nurse.zip'))).toBe(false);
  });

  it('verify: 1 for a tampered pack (naming the file) or a fingerprint that is not the clinic’s, 2 for a file that is not a pack', async () => {
    const out = path.join(dir, 'whole.zip');
    const pack = await readPack(out);
    const photo = [...pack.files.keys()].find((k) => k.startsWith('data/photos/'))!;
    pack.files.set(photo, Buffer.concat([pack.files.get(photo)!, Buffer.from([0])]));
    const tampered = path.join(dir, 'tampered.zip');
    await writePack(tampered, pack);
    const v = await runCliInProcess(['verify', tampered]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`FAIL ${photo}: SHA-256 differs from the manifest`);
    expect(v.stdout).toContain('FAIL bag-info.txt: Payload-Oxum does not match');

    const other = await runCliInProcess(['verify', out, '--fingerprint', 'ab'.repeat(32)]);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('signed by another key');
    expect(other.stdout).not.toContain('cannot be read');
    const json = await runCliInProcess(['verify', out, '--json']);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; info: { keyFingerprint: string } };
    expect(parsed.ok).toBe(true);
    expect((await runCliInProcess(['verify', out, '--fingerprint', parsed.info.keyFingerprint.toUpperCase()])).code).toBe(0);

    const junk = path.join(dir, 'junk.zip');
    fs.writeFileSync(junk, 'not a zip');
    const u = await runCliInProcess(['verify', junk]);
    expect(u.code).toBe(2);
    expect(u.stdout).toContain('Not a readable evidence pack');
    expect((await runCliInProcess(['verify', path.join(dir, 'missing.zip')])).code).toBe(2);
  });
});
