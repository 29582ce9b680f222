import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackProblemCode } from '../../shared/schemas/evidence';
import { verifyPack } from '../../electron/evidence/verify';
import { UNLISTED_FILES_COMMAND } from '../../electron/evidence/tag-files';
import { formatCheckpoint, parseCheckpoint, signCheckpoint } from '../../electron/store/audit/checkpoint';
import { verifyInApp } from '../support/app';
import { exportPack } from '../support/evidence-export';
import { evidenceFixture, type EvidenceFixture } from '../support/evidence-fixture';
import { clonePack, readPack, resign, sha, writePack, type PackFiles } from '../support/pack-files';

const hasTool = (name: string) => spawnSync('which', [name]).status === 0;

describe('evidence packs: verification and tampering', () => {
  let f: EvidenceFixture;
  let dir: string;
  let packPath: string;
  let pack: PackFiles;
  let privateKeyPem: string;
  let n = 0;

  beforeAll(async () => {
    f = await evidenceFixture();
    dir = path.join(f.t.root, 'packs');
    fs.mkdirSync(dir);
    packPath = path.join(dir, 'pack.zip');
    expect((await exportPack(f.t, { patientId: f.patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: packPath })).status.state).toBe('done');
    pack = await readPack(packPath);
    privateKeyPem = f.t.app.vault!.settings.signingKey()!.privateKeyPem;
  }, 180_000);
  afterAll(() => f.t.dispose());

  /** Writes a changed copy of the pack and verifies it. */
  async function verifyChanged(change: (p: PackFiles) => void) {
    const p = clonePack(pack);
    change(p);
    const file = path.join(dir, `changed-${++n}.zip`);
    await writePack(file, p);
    return verifyPack({ path: file });
  }
  const codes = (v: Awaited<ReturnType<typeof verifyPack>>) => v.problems.map((p) => `${p.code} ${p.file}`);
  const flip = (b: Buffer, at = Math.floor(b.length / 2)) => {
    const c = Buffer.from(b);
    c[at] = c[at]! ^ 0x01;
    return c;
  };
  const photo = () => [...pack.files.keys()].find((k) => k.startsWith('data/photos/'))!;

  it('the untouched pack verifies, also after being rewritten file by file', async () => {
    expect(await verifyPack({ path: packPath })).toMatchObject({ ok: true, readable: true, problems: [] });
    expect((await verifyChanged(() => undefined)).ok).toBe(true);
  });

  it('a changed payload file is named', async () => {
    for (const file of [photo(), 'data/records.json', 'data/evidence.pdf', 'data/audit.jsonl', `data/consents/${f.consentId}-signed.pdf`]) {
      const v = await verifyChanged((p) => p.files.set(file, flip(p.files.get(file)!)));
      expect(v.ok, file).toBe(false);
      expect(codes(v), file).toContain(`hash_mismatch ${file}`);
    }
  });

  it('a changed tag file is named, and a changed manifest breaks the signature', async () => {
    for (const file of ['bag-info.txt', 'VERIFYING.md', 'bagit.txt', 'clinic-public-key.pem', 'chain-checkpoint.json']) {
      const v = await verifyChanged((p) => p.files.set(file, Buffer.concat([p.files.get(file)!, Buffer.from('\n')])));
      expect(codes(v), file).toContain(`hash_mismatch ${file}`);
    }
    // Someone rewrites the manifests to match a changed photo, without the clinic's key.
    const v = await verifyChanged((p) => {
      p.files.set(photo(), flip(p.files.get(photo())!));
      const manifest = p.files.get('manifest-sha256.txt')!.toString().replace(`${sha(pack.files.get(photo())!)}  ${photo()}`, `${sha(p.files.get(photo())!)}  ${photo()}`);
      p.files.set('manifest-sha256.txt', Buffer.from(manifest));
      const tags = p.files.get('tagmanifest-sha256.txt')!.toString().replace(sha(pack.files.get('manifest-sha256.txt')!), sha(Buffer.from(manifest)));
      p.files.set('tagmanifest-sha256.txt', Buffer.from(tags));
    });
    expect(codes(v)).toEqual(['bad_signature tagmanifest-sha256.txt.sig']);
  });

  it('a removed, an added or a renamed file is named', async () => {
    expect(codes(await verifyChanged((p) => p.files.delete(photo())))).toContain(`missing_file ${photo()}`);
    expect(codes(await verifyChanged((p) => p.files.delete('VERIFYING.md')))).toContain('missing_file VERIFYING.md');
    expect(codes(await verifyChanged((p) => p.files.set('data/photos/extra.png', Buffer.from('x'))))).toEqual(
      expect.arrayContaining(['unlisted_file data/photos/extra.png', 'oxum_mismatch bag-info.txt']),
    );
    expect(codes(await verifyChanged((p) => p.files.set('notes.txt', Buffer.from('x'))))).toEqual(['unlisted_file notes.txt']);
    // Files named like tag manifests are not exempt: nothing verifies them, so a forged "addendum" must not pass.
    for (const name of ['tagmanifest-note.txt', 'tagmanifest-md5.txt', 'manifest-md5.txt']) {
      expect(codes(await verifyChanged((p) => p.files.set(name, Buffer.from('Addendum: the patient waived every risk.'))))).toEqual([`unlisted_file ${name}`]);
    }
    const renamed = photo().replace('.png', '-renamed.png');
    const v = await verifyChanged((p) => {
      p.files.set(renamed, p.files.get(photo())!);
      p.files.delete(photo());
    });
    expect(codes(v)).toEqual(expect.arrayContaining([`missing_file ${photo()}`, `unlisted_file ${renamed}`]));
    // A file outside the bag's folder.
    expect(codes(await verifyChanged((p) => p.files.set('raw:stray.txt', Buffer.from('x'))))).toContain('not_one_folder stray.txt');
  });

  it('a changed or missing signature is named; a pack re-signed with another key is named as signed by another key, never as verified', async () => {
    expect(codes(await verifyChanged((p) => p.files.set('tagmanifest-sha256.txt.sig', flip(p.files.get('tagmanifest-sha256.txt.sig')!, 3))))).toEqual(['bad_signature tagmanifest-sha256.txt.sig']);
    expect(codes(await verifyChanged((p) => p.files.delete('tagmanifest-sha256.txt.sig')))).toEqual(['missing_signature tagmanifest-sha256.txt.sig']);
    const other = generateKeyPairSync('ed25519');
    const otherPem = other.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const otherFingerprint = sha(other.publicKey.export({ type: 'spki', format: 'der' }));
    const forged = clonePack(pack);
    // Records changed, every hash recomputed, a fresh key.
    forged.files.set('data/records.json', Buffer.from(forged.files.get('data/records.json')!.toString().replace('黃詩涵', '黃詩函')));
    forged.files.set('clinic-public-key.pem', Buffer.from(otherPem));
    resign(forged, other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const file = path.join(dir, 'forged.zip');
    await writePack(file, forged);
    // bag-info.txt still names the clinic's fingerprint: the pack says so itself.
    const named = await verifyPack({ path: file });
    expect(codes(named)).toEqual(['signed_by_other_key clinic-public-key.pem']);
    expect(named.verdict).toBe('signed_by_other_key');
    // A forger who also rewrites bag-info.txt: consistent inside, so only the expected key tells.
    const thorough = clonePack(forged);
    thorough.files.set('bag-info.txt', Buffer.from(thorough.files.get('bag-info.txt')!.toString().replace(/Signing-Key-Fingerprint: .*/, `Signing-Key-Fingerprint: ${otherFingerprint}`)));
    // The clinic's checkpoint would give the forgery away (signed by the clinic's key): a thorough forger signs one too.
    const original = parseCheckpoint(thorough.files.get('chain-checkpoint.json')!.toString())!.statement;
    expect(codes(await verifyPack({ path: file }))).not.toContain('checkpoint_invalid chain-checkpoint.json');
    const forgedCheckpoint = signCheckpoint({ seq: original.headSeq, hash: original.headHash }, { ...original, keyFingerprint: otherFingerprint, privateKeyPem: other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    thorough.files.set('chain-checkpoint.json', Buffer.from(formatCheckpoint(forgedCheckpoint)));
    resign(thorough, other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const file2 = path.join(dir, 'forged-thorough.zip');
    await writePack(file2, thorough);
    const alone = await verifyPack({ path: file2 });
    expect(alone).toMatchObject({ ok: true, verdict: 'intact_signer_unconfirmed', signer: { fingerprint: otherFingerprint, confirmation: 'not_confirmed', matches: null } });
    const clinicFingerprint = f.t.app.vault!.settings.signingKey()!.fingerprint;
    const against = await verifyPack({ path: file2 }, { expected: { fingerprint: clinicFingerprint, confirmation: 'given_fingerprint' } });
    expect(against).toMatchObject({ ok: false, verdict: 'signed_by_other_key', signer: { fingerprint: otherFingerprint, expectedFingerprint: clinicFingerprint, matches: false } });
    expect(codes(against)).toContain('signed_by_other_key clinic-public-key.pem');
    // Inside the app it is compared with the clinic's own key.
    const v = await verifyInApp(f.t, { path: file2 });
    expect(v).toMatchObject({ verdict: 'signed_by_other_key', signedByThisVault: false });
    // The genuine pack, confirmed against the clinic's fingerprint (written with colons and capitals), is verified.
    const spaced = clinicFingerprint.toUpperCase().replace(/(..)(?=.)/g, '$1:');
    expect((await verifyPack({ path: packPath }, { expected: { fingerprint: spaced, confirmation: 'given_fingerprint' } })).verdict).toBe('verified');
  });

  it('even with the clinic key, a consent PDF that differs from its signatures’ hashes, or an edited audit event, is named', async () => {
    const signed = `data/consents/${f.consentId}-signed.pdf`;
    let v = await verifyChanged((p) => {
      // A byte of the signature certificate (after the issued document's bytes).
      p.files.set(signed, flip(p.files.get(signed)!, p.files.get(signed)!.length - 100));
      resign(p, privateKeyPem);
    });
    expect(codes(v)).toEqual([`consent_document_mismatch ${signed}`]);
    const issued = `data/consents/${f.consentId}-issued.pdf`;
    v = await verifyChanged((p) => {
      p.files.set(issued, flip(p.files.get(issued)!, 100));
      resign(p, privateKeyPem);
    });
    expect(codes(v)).toEqual(expect.arrayContaining([`consent_document_mismatch ${issued}`, `consent_final_not_extension ${signed}`]));
    const sigPng = [...pack.files.keys()].find((k) => k.startsWith('data/signatures/') && k.endsWith('.png'))!;
    v = await verifyChanged((p) => {
      p.files.set(sigPng, flip(p.files.get(sigPng)!, 40));
      resign(p, privateKeyPem);
    });
    expect(codes(v)).toEqual([`signature_binding_mismatch ${sigPng}`]);
    v = await verifyChanged((p) => {
      const lines = p.files.get('data/audit.jsonl')!.toString().split('\n');
      lines[3] = lines[3]!.replace(/"actorName":"[^"]+"/, '"actorName":"someone else"');
      p.files.set('data/audit.jsonl', Buffer.from(lines.join('\n')));
      resign(p, privateKeyPem);
    });
    expect(codes(v)).toContain('audit_hash_mismatch data/audit.jsonl');
  });

  it('even with the clinic key, an audit event whose seat was changed, removed or added is named (hash format 2)', async () => {
    const lines = pack.files.get('data/audit.jsonl')!.toString().split('\n');
    const withSeat = lines.findIndex((l) => /"seat":\{"deviceId":"[^"]+","name":"[^"]+"\}/.test(l));
    const withoutSeat = lines.findIndex((l) => l.length > 0 && !/"seat":\{/.test(l));
    expect(withSeat).toBeGreaterThanOrEqual(0);
    const edited = async (i: number, edit: (line: string) => string) =>
      codes(
        await verifyChanged((p) => {
          const next = [...lines];
          next[i] = edit(next[i]!);
          expect(next[i]).not.toBe(lines[i]);
          p.files.set('data/audit.jsonl', Buffer.from(next.join('\n')));
          resign(p, privateKeyPem);
        }),
      );
    expect(await edited(withSeat, (l) => l.replace(/("seat":\{"deviceId":"[^"]+","name":")[^"]+"/, '$1front desk"'))).toContain('audit_hash_mismatch data/audit.jsonl');
    expect(await edited(withSeat, (l) => l.replace(/"seat":\{"deviceId":"[^"]+","name":"[^"]+"\}/, '"seat":null'))).toContain('audit_hash_mismatch data/audit.jsonl');
    if (withoutSeat >= 0) {
      expect(await edited(withoutSeat, (l) => l.replace(/^\{/, '{"seat":{"deviceId":"desk","name":"front desk"},'))).toContain('audit_hash_mismatch data/audit.jsonl');
    }
  });

  it('a file that is not a ZIP is unreadable', async () => {
    const file = path.join(dir, 'not-a-pack.zip');
    fs.writeFileSync(file, 'PK but not really');
    expect(await verifyPack({ path: file })).toMatchObject({ ok: false, readable: false, problems: [{ code: 'unreadable', file: 'not-a-pack.zip' }] });
    expect((await verifyPack({ path: path.join(dir, 'missing.zip') })).readable).toBe(false);
  });

  it.skipIf(!hasTool('openssl') || !hasTool('sha256sum') || !hasTool('unzip'))('VERIFYING.md’s plain commands work: sha256sum -c and openssl pkeyutl -verify', () => {
    const unpacked = path.join(dir, 'unpacked');
    execFileSync('unzip', ['-q', packPath, '-d', unpacked]);
    const bag = path.join(unpacked, pack.root);
    const md = fs.readFileSync(path.join(bag, 'VERIFYING.md'), 'utf8');
    const commands = [...md.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.trim().split('\n')).filter((c) => /^(sha256sum|openssl|diff)/.test(c));
    expect(new Set(commands)).toEqual(
      new Set([
        'sha256sum -c tagmanifest-sha256.txt',
        'sha256sum -c manifest-sha256.txt',
        'openssl pkeyutl -verify -pubin -inkey clinic-public-key.pem -rawin -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig',
        'openssl pkey -pubin -in clinic-public-key.pem -outform DER | sha256sum',
        UNLISTED_FILES_COMMAND,
      ]),
    );
    // The added-file step passes on the pack as exported, and catches a forged addendum that sha256sum -c misses.
    const unlisted = spawnSync('bash', ['-c', UNLISTED_FILES_COMMAND], { cwd: bag, encoding: 'utf8' });
    expect(unlisted.status, unlisted.stdout + unlisted.stderr).toBe(0);
    expect(unlisted.stdout.trim()).toBe('No unlisted files');
    fs.writeFileSync(path.join(bag, 'tagmanifest-note.txt'), 'Addendum: the patient agreed to everything.');
    expect(spawnSync('sh', ['-c', 'sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt'], { cwd: bag }).status).toBe(0);
    const caught = spawnSync('bash', ['-c', UNLISTED_FILES_COMMAND], { cwd: bag, encoding: 'utf8' });
    expect(caught.status).not.toBe(0);
    expect(caught.stdout).toContain('tagmanifest-note.txt');
    fs.rmSync(path.join(bag, 'tagmanifest-note.txt'));
    const run = (cmd: string) => spawnSync('sh', ['-c', cmd], { cwd: bag, encoding: 'utf8' });
    for (const cmd of commands.filter((c) => c.startsWith('sha256sum -c'))) {
      const r = run(cmd);
      expect(r.status, `${cmd}\n${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout).not.toContain('FAILED');
    }
    const sig = run(commands.find((c) => c.startsWith('openssl pkeyutl'))!);
    expect(sig.stdout + sig.stderr).toContain('Signature Verified Successfully');
    expect(run(commands.find((c) => c.startsWith('openssl pkey '))!).stdout).toContain(f.t.app.vault!.settings.signingKey()!.fingerprint);
    // And the same tools notice a change.
    fs.appendFileSync(path.join(bag, 'data', 'records.json'), ' ');
    expect(run('sha256sum -c manifest-sha256.txt').status).not.toBe(0);
    fs.appendFileSync(path.join(bag, 'tagmanifest-sha256.txt'), '\n');
    expect(run(commands.find((c) => c.startsWith('openssl pkeyutl'))!).status).not.toBe(0);
  });

  it('names every problem code it can report in both languages', async () => {
    const { messages } = await import('../../shared/i18n');
    const all: PackProblemCode[] = (await import('../../shared/schemas/evidence')).PackProblemCode.options;
    for (const locale of ['zh-TW', 'en'] as const) for (const c of all) expect(messages[locale].evidence.verify.problems[c], `${locale} ${c}`).toBeTruthy();
  });
});
