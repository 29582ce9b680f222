import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deriveKey, newKdfParams, newRecoveryCode, unwrapKey, WrappedKey, wrapKey, type KdfParams } from '../../electron/store/crypto';
import { makeRecoverySlot, makeStaffSlot, nameKey, openSlot, type KeySlot } from '../../electron/store/keyslots';
import { FREE_ATTEMPTS, GUARD_FILE, lockDurationMs, SignInGuard } from '../../electron/store/session/signin-guard';
import { api } from '../../shared/api';
import { RECOVERY_CODE_PATTERN, RecoveryCode } from '../../shared/schemas/session';
import { canonicalJson } from '../../shared/canonical-json';
import { toFieldIssues } from '../../shared/errors';
import { NewPassword, NewStaffMember, passwordWeaknesses } from '../../shared/schemas/staff';
import { tempDir } from '../support/app';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Cheap Argon2 parameters (the schema's minimum) for tests of the derivation itself. */
function cheapKdf(): KdfParams {
  return { alg: 'argon2id', memoryKiB: 8192, iterations: 1, parallelism: 1, salt: randomBytes(16).toString('base64') };
}

describe('key wrapping (AES-256-GCM)', () => {
  const master = randomBytes(32);
  const kek = randomBytes(32);
  const aad = 'consentvault-keyslot:v1:vault:slot:staff:person';

  it('wrap then unwrap with the same key and binding returns the master key', () => {
    const wrapped = wrapKey(master, kek, aad);
    expect(WrappedKey.safeParse(wrapped).success).toBe(true);
    expect(unwrapKey(wrapped, kek, aad)?.equals(master)).toBe(true);
    // Every wrap uses a fresh IV, so the same key never wraps to the same bytes.
    const again = wrapKey(master, kek, aad);
    expect(again.iv).not.toBe(wrapped.iv);
    expect(again.ciphertext).not.toBe(wrapped.ciphertext);
    expect(unwrapKey(again, kek, aad)?.equals(master)).toBe(true);
  });

  it('a wrong key, a different binding or any flipped byte gives null, never a wrong key', () => {
    const wrapped = wrapKey(master, kek, aad);
    expect(unwrapKey(wrapped, randomBytes(32), aad)).toBeNull();
    expect(unwrapKey(wrapped, kek, `${aad}x`)).toBeNull();
    expect(unwrapKey(wrapped, kek, '')).toBeNull();
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[0] = b[0]! ^ 1;
      return b.toString('base64');
    };
    expect(unwrapKey({ ...wrapped, ciphertext: flip(wrapped.ciphertext) }, kek, aad)).toBeNull();
    expect(unwrapKey({ ...wrapped, tag: flip(wrapped.tag) }, kek, aad)).toBeNull();
    expect(unwrapKey({ ...wrapped, iv: flip(wrapped.iv) }, kek, aad)).toBeNull();
  });

  it('deriveKey is deterministic per salt, differs across salts, and treats NFC and NFD spellings of a password alike', async () => {
    const kdf = cheapKdf();
    const a = await deriveKey('Café-密碼-2026', kdf);
    expect(a).toHaveLength(32);
    expect((await deriveKey('Café-密碼-2026', kdf)).equals(a)).toBe(true);
    expect((await deriveKey('Cafe\u0301-密碼-2026', kdf)).equals(a)).toBe(true);
    expect((await deriveKey('Café-密碼-2027', kdf)).equals(a)).toBe(false);
    expect((await deriveKey('Café-密碼-2026', cheapKdf())).equals(a)).toBe(false);
  });

  it('new slots use Argon2id parameters at or above the documented strength', () => {
    const p = newKdfParams();
    expect(p.alg).toBe('argon2id');
    expect(p.memoryKiB).toBeGreaterThanOrEqual(65536);
    expect(p.iterations).toBeGreaterThanOrEqual(3);
    expect(Buffer.from(p.salt, 'base64')).toHaveLength(16);
    expect(newKdfParams().salt).not.toBe(p.salt);
  });
});

describe('key slots', () => {
  const vaultId = '9a7c2e10-4b3d-4f5e-8a6b-7c8d9e0f1a2b';
  const staffA = '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b';
  const staffB = '2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7a8b';
  const master = randomBytes(32);

  it('a staff slot opens with its password only; copying staff A’s wrap into staff B’s entry cannot open', async () => {
    const slotA = await makeStaffSlot(vaultId, master, staffA, 'Amy', 'Password-A-2026');
    const slotB = await makeStaffSlot(vaultId, master, staffB, '陳美玲', 'Password-B-2026');
    expect(slotA.nameKey).toBe('amy');
    expect((await openSlot(vaultId, slotA, 'Password-A-2026'))?.equals(master)).toBe(true);
    expect(await openSlot(vaultId, slotA, 'Password-B-2026')).toBeNull();

    // B's entry carrying A's wrapped key and KDF (so A's password derives the right KEK): the binding refuses it.
    const forged: KeySlot = { ...slotB, kdf: slotA.kdf, wrap: slotA.wrap };
    expect(await openSlot(vaultId, forged, 'Password-A-2026')).toBeNull();
    // Re-pointing A's own slot at B, or at another vault, or giving it another slot id: refused as well.
    expect(await openSlot(vaultId, { ...slotA, staffId: staffB }, 'Password-A-2026')).toBeNull();
    expect(await openSlot('0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f', slotA, 'Password-A-2026')).toBeNull();
    expect(await openSlot(vaultId, { ...slotA, id: slotB.id }, 'Password-A-2026')).toBeNull();
  });

  it('the recovery slot opens with the recovery code and is bound to its kind', async () => {
    const code = newRecoveryCode();
    const slot = await makeRecoverySlot(vaultId, master, code);
    expect((await openSlot(vaultId, slot, code))?.equals(master)).toBe(true);
    // The same wrap presented as a staff slot does not open.
    const asStaff = { ...slot, kind: 'staff', staffId: staffA, nameKey: 'x' } as KeySlot;
    expect(await openSlot(vaultId, asStaff, code)).toBeNull();
  });

  it('nameKey folds case, full-width forms and surrounding spaces', () => {
    expect(nameKey('Amy')).toBe('amy');
    expect(nameKey('ＡＭＹ')).toBe('amy');
    expect(nameKey('  林雅婷 ')).toBe('林雅婷');
    expect(nameKey('Ａｍｙ')).toBe(nameKey('aMY'));
    expect(nameKey('陳美玲')).not.toBe(nameKey('陳美齡'));
  });
});

describe('recovery codes', () => {
  it('match RECOVERY_CODE_PATTERN, avoid look-alike letters, and 100 in a row are distinct', () => {
    const codes = Array.from({ length: 100 }, () => newRecoveryCode());
    for (const c of codes) {
      expect(c).toMatch(RECOVERY_CODE_PATTERN);
      expect(c).not.toMatch(/[01OIL]/);
      expect(c.replace(/-/g, '')).toHaveLength(40);
    }
    expect(new Set(codes).size).toBe(100);
    // Over many codes every letter of the 31-letter alphabet shows up (no stuck or missing letters).
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(31);
  });

  it('the contract accepts a code typed in lower case with spaces, normalised to the printed form', () => {
    const code = newRecoveryCode();
    expect(RecoveryCode.parse(` ${code.toLowerCase()}  `)).toBe(code);
    expect(RecoveryCode.safeParse(code.replace(/-/g, '')).success).toBe(false);
    expect(RecoveryCode.safeParse(`${code}-ABCDE`).success).toBe(false);
  });
});

describe('sign-in lockout', () => {
  it('lockDurationMs: no lock for the first 4 failures, 30 s at the 5th, doubling, capped at 1 h', () => {
    expect(FREE_ATTEMPTS).toBe(5);
    for (const n of [0, 1, 2, 3, 4]) expect(lockDurationMs(n), String(n)).toBe(0);
    expect(lockDurationMs(5)).toBe(30_000);
    expect(lockDurationMs(6)).toBe(60_000);
    expect(lockDurationMs(7)).toBe(120_000);
    expect(lockDurationMs(11)).toBe(30_000 * 64);
    expect(lockDurationMs(12)).toBe(3_600_000);
    expect(lockDurationMs(13)).toBe(3_600_000);
    expect(lockDurationMs(10_000)).toBe(3_600_000);
    for (let n = 5; n < 40; n++) expect(lockDurationMs(n + 1)).toBeGreaterThanOrEqual(lockDurationMs(n));
  });

  function guardIn(): { dir: string; guard: SignInGuard } {
    const dir = tempDir('cv-guard-');
    dirs.push(dir);
    return { dir, guard: new SignInGuard(dir) };
  }
  const t0 = new Date('2026-11-23T01:00:00.000Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('SignInGuard counts per name, locks at the 5th failure, unlocks when the time passes, and forgets on success', () => {
    const { dir, guard } = guardIn();
    for (let i = 1; i <= 4; i++) expect(guard.recordFailure('amy', t0)).toBe(0);
    expect(guard.retryAfterMs('amy', t0)).toBe(0);
    expect(guard.recordFailure('amy', t0)).toBe(30_000);
    expect(guard.retryAfterMs('amy', at(10_000))).toBe(20_000);
    expect(guard.retryAfterMs('bob', t0)).toBe(0);
    expect(guard.retryAfterMs('amy', at(30_000))).toBe(0);
    expect(guard.recordFailure('amy', at(30_000))).toBe(60_000);
    // A fresh instance (restart) reads the same state from the file.
    expect(new SignInGuard(dir).retryAfterMs('amy', at(30_000))).toBe(60_000);
    guard.recordSuccess('amy');
    expect(guard.retryAfterMs('amy', at(30_000))).toBe(0);
    expect(guard.recordFailure('amy', at(30_000))).toBe(0);

    const pending = guard.takePending();
    expect(pending.filter((e) => e.action === 'session.signin_failed')).toHaveLength(7);
    expect(pending.filter((e) => e.action === 'session.locked_out').map((e) => e.failures)).toEqual([5, 6]);
    expect(guard.takePending()).toEqual([]);
  });

  function handWrittenGuard(dir: string, accounts: Record<string, { failures: number; lockedUntil: string | null; lastFailureAt: string | null }>) {
    fs.writeFileSync(path.join(dir, GUARD_FILE), JSON.stringify({ version: 1, accounts, pending: [] }));
  }
  function floodedAccounts(): Record<string, { failures: number; lockedUntil: string | null; lastFailureAt: string | null }> {
    const accounts: Record<string, { failures: number; lockedUntil: string | null; lastFailureAt: string | null }> = {
      林雅婷: { failures: 12, lockedUntil: at(3_600_000).toISOString(), lastFailureAt: t0.toISOString() },
    };
    for (let i = 0; i < 999; i++) accounts[`attacker-${i}`] = { failures: 1, lockedUntil: null, lastFailureAt: t0.toISOString() };
    return accounts;
  }

  it('a guard file with 1000 accounts is read as written (the admin is locked for an hour)', () => {
    const { dir, guard } = guardIn();
    handWrittenGuard(dir, floodedAccounts());
    expect(guard.retryAfterMs('林雅婷', t0)).toBe(3_600_000);
  });

  it('failed sign-ins under 1000 other names do not erase a locked account’s lockout', () => {
    const { dir, guard } = guardIn();
    handWrittenGuard(dir, floodedAccounts());
    guard.recordFailure('attacker-999', t0);
    expect(guard.retryAfterMs('林雅婷', t0)).toBe(3_600_000);
  });

  it('a damaged guard file does not clear an existing lockout', () => {
    const { dir, guard } = guardIn();
    for (let i = 0; i < 5; i++) guard.recordFailure('林雅婷', t0);
    expect(guard.retryAfterMs('林雅婷', t0)).toBe(30_000);
    fs.writeFileSync(path.join(dir, GUARD_FILE), '{"version":1,"accounts":');
    expect(guard.retryAfterMs('林雅婷', t0)).toBeGreaterThan(0);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order, drops undefined, and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: 'x' }, e: undefined })).toBe('{"a":{"c":"x","d":[3,1,2]},"b":1}');
    expect(canonicalJson([undefined, null, { z: 1, y: 2 }])).toBe('[null,null,{"y":2,"z":1}]');
    expect(canonicalJson('林雅婷')).toBe('"林雅婷"');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson({})).toBe('{}');
  });

  it('is stable: the same content in any key order gives the same text, and it parses back to the same value', () => {
    const a = { seq: 1, at: '2026-11-23T01:00:00.000Z', details: { name: '陳美玲', role: 'nurse', nested: { b: [1, { y: 1, x: 2 }], a: true } } };
    const b = { details: { nested: { a: true, b: [1, { x: 2, y: 1 }] }, role: 'nurse', name: '陳美玲' }, at: '2026-11-23T01:00:00.000Z', seq: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(JSON.parse(canonicalJson(a))).toEqual(a);
    // Pinned: audit hashes depend on this exact text.
    expect(canonicalJson({ 'b': 1, 'a': 2, 'B': 3, '_': 4, '10': 5, '9': 6 })).toBe('{"10":5,"9":6,"B":3,"_":4,"a":2,"b":1}');
  });

  it('orders keys by UTF-16 code unit (JavaScript `<`, as in RFC 8785), CJK keys included', () => {
    expect(canonicalJson({ 林: 1, 陳: 2, A: 3 })).toBe('{"A":3,"林":1,"陳":2}');
    // An astral character (surrogates D83D…) sorts before U+FF21 by code unit, after it by code point.
    expect(canonicalJson({ 'Ａ': 1, '😀': 2 })).toBe('{"😀":2,"Ａ":1}');
  });

  it('refuses values JSON cannot represent faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('passwordWeaknesses', () => {
  it('accepts 10+ characters from three classes that do not contain the name', () => {
    expect(passwordWeaknesses('Clinic-Admin-2026', '林雅婷')).toEqual([]);
    expect(passwordWeaknesses('abcdefg12!')).toEqual([]);
    expect(passwordWeaknesses('ABCDEFG12a')).toEqual([]);
  });

  it('length counts characters, not UTF-16 units: 9 is too short, 10 is enough; CJK counts as a symbol', () => {
    expect(passwordWeaknesses('abcdef12!')).toEqual(['validation.passwordTooShort']);
    expect(passwordWeaknesses('abcdefg1診')).toEqual(['validation.passwordTooShort']);
    expect(passwordWeaknesses('abcdefg12診')).toEqual([]);
    expect(passwordWeaknesses('ab1😀😀😀😀😀😀')).toEqual(['validation.passwordTooShort']);
    expect(passwordWeaknesses('ab1😀😀😀😀😀😀😀')).toEqual([]);
  });

  it('needs three of lower / upper / digit / symbol', () => {
    expect(passwordWeaknesses('abcdefghijkl')).toEqual(['validation.passwordClasses']);
    expect(passwordWeaknesses('abcdefgh1234')).toEqual(['validation.passwordClasses']);
    expect(passwordWeaknesses('ABCDEFGH!!!!')).toEqual(['validation.passwordClasses']);
    expect(passwordWeaknesses('診所密碼診所密碼診所')).toEqual(['validation.passwordClasses']);
    expect(passwordWeaknesses('short')).toEqual(['validation.passwordTooShort', 'validation.passwordClasses']);
  });

  it('must not contain the name (case-insensitive, names of 2+ characters)', () => {
    expect(passwordWeaknesses('xxAMYxx-2026', 'Amy')).toEqual(['validation.passwordContainsName']);
    expect(passwordWeaknesses('林雅婷-Pass-2026', ' 林雅婷 ')).toEqual(['validation.passwordContainsName']);
    expect(passwordWeaknesses('王明-Pass-2026x', '王明')).toEqual(['validation.passwordContainsName']);
    expect(passwordWeaknesses('A-Pass-2026x', 'A')).toEqual([]);
    expect(passwordWeaknesses('Clinic-Admin-2026')).toEqual([]);
  });

  it('the NewPassword schema reports each weakness as its own validation key', () => {
    const r = NewPassword.safeParse('short');
    expect(r.success).toBe(false);
    expect(toFieldIssues(r.error!).map((i) => i.messageKey)).toEqual(['validation.passwordTooShort', 'validation.passwordClasses']);
    const named = NewStaffMember.safeParse({ name: 'Amy', role: 'nurse', password: 'Amy-Nurse-2026' });
    expect(toFieldIssues(named.error!)).toEqual([{ path: ['password'], messageKey: 'validation.passwordContainsName' }]);
  });
});

describe('toFieldIssues', () => {
  it('maps zod issue codes to validation.* keys with the field path', () => {
    const schema = z
      .object({
        name: z.string(),
        id: z.uuid(),
        role: z.enum(['admin', 'nurse']),
        code: z.string().min(1),
        pin: z.string().min(4),
        note: z.string().max(3),
        n: z.number().int().min(1).max(5),
      })
      .strict();
    const r = schema.safeParse({ name: 5, id: 'not-a-uuid', role: 'boss', code: '', pin: '12', note: 'long', n: 9, extra: true });
    const issues = toFieldIssues(r.error!);
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join('.') || '(root)', i.messageKey]));
    expect(byPath).toEqual({
      name: 'validation.invalidType',
      id: 'validation.invalidFormat',
      role: 'validation.invalidValue',
      code: 'validation.required',
      pin: 'validation.tooSmall',
      note: 'validation.tooBig',
      n: 'validation.tooBig',
      '(root)': 'validation.unknownField',
    });
    for (const i of issues) expect(i.messageKey).toMatch(/^validation\.[A-Za-z]+$/);
  });

  it('keeps custom validation.* messages (and their paths) as they are, and maps other custom messages to invalidValue', () => {
    const physician = NewStaffMember.safeParse({ name: '李醫師', role: 'physician', password: 'Doctor-Pass-2026' });
    expect(toFieldIssues(physician.error!)).toEqual([
      { path: ['licenceNo'], messageKey: 'validation.physicianLicenceRequired' },
      { path: ['specialty'], messageKey: 'validation.physicianSpecialtyRequired' },
    ]);
    const custom = z.string().refine(() => false, { error: 'Some English sentence' }).safeParse('x');
    expect(toFieldIssues(custom.error!)).toEqual([{ path: [], messageKey: 'validation.invalidValue' }]);
    const limit = api['audit.recent'].input.safeParse({ limit: 0 });
    expect(toFieldIssues(limit.error!)).toEqual([{ path: ['limit'], messageKey: 'validation.tooSmall' }]);
  });

  it('caps the answer: at most 50 issues and paths at most 10 deep', () => {
    const many = z.array(z.string()).safeParse(Array.from({ length: 200 }, (_, i) => i));
    const issues = toFieldIssues(many.error!);
    expect(many.error!.issues.length).toBe(200);
    expect(issues).toHaveLength(50);
    expect(issues[49]).toEqual({ path: [49], messageKey: 'validation.invalidType' });

    let deepSchema: z.ZodType = z.string();
    let deepValue: unknown = 1;
    for (let i = 0; i < 15; i++) {
      deepSchema = z.object({ a: deepSchema });
      deepValue = { a: deepValue };
    }
    const deep = toFieldIssues(deepSchema.safeParse(deepValue).error!);
    expect(deep).toEqual([{ path: Array.from({ length: 10 }, () => 'a'), messageKey: 'validation.invalidType' }]);
  });
});
