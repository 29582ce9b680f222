import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api, CHANNEL_NAMES } from '../../shared/api';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { VALID_INPUTS } from '../support/channels';
import { Rng, seedFrom } from '../support/prng';
import { NURSE } from '../support/staff';
import { GUARD_FILE, KEYSLOTS_FILE, sha256File } from '../support/vault-files';

/** Change to reproduce a different run; every failure message names the channel and payload index. */
const SEED = 20261123;
const PAYLOADS_PER_CHANNEL = 220;

// ---------------------------------------------------------------------------------------------------------------
// Hostile material
// ---------------------------------------------------------------------------------------------------------------

const HUGE = 'A'.repeat(100_000);
const HUGE_CJK = '診'.repeat(100_000);
const SQL = [
  "'; DROP TABLE staff; --",
  "' OR '1'='1",
  '" OR ""="',
  "'); DELETE FROM audit_events; --",
  "x' UNION SELECT private_key_pem FROM clinic_keys --",
  '1; PRAGMA key = "x\'00\'"; --',
  "林雅婷'--",
];
const NUL_STRINGS = ['\u0000', 'admin\u0000', 'a\u0000b\u0000c', '\u0000'.repeat(1000)];
const ODD_STRINGS = ['', ' ', '\r\n', '\u0007\u001b[31m', '\uD800', '\u202E\u202D', '😀👩‍⚕️', '../../etc/passwd', 'C:\\Windows\\System32', '%s%s%n', '${7*7}', '<script>alert(1)</script>'];
const STRINGS = [HUGE, HUGE_CJK, ...SQL, ...NUL_STRINGS, ...ODD_STRINGS];
const NUMBERS = [0, -1, 1.5, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31];

function deepObject(depth: number): unknown {
  return JSON.parse('{"a":'.repeat(depth) + 'null' + '}'.repeat(depth));
}
function deepArray(depth: number): unknown {
  return JSON.parse('['.repeat(depth) + ']'.repeat(depth));
}
/** Own `__proto__` / `constructor` / `prototype` properties, as JSON.parse makes them. */
const PROTO_OBJECTS: unknown[] = [
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"role":"admin","access":"public"}}',
  '{"__proto__":null}',
].map((s) => JSON.parse(s) as unknown);
/** Deep enough to hurt a naive recursive walker, shallow enough to be JSON-stringified when building payloads. */
const DEEP = [deepObject(500), deepArray(1000)];
/** Far deeper than any JSON round trip allows: only ever embedded as a value, never serialised. */
const VERY_DEEP: unknown[] = (() => {
  let o: unknown = null;
  let a: unknown = [];
  for (let i = 0; i < 50_000; i++) {
    o = { a: o };
    a = [a];
  }
  return [o, a];
})();
const BIG_ARRAYS = [Array.from({ length: 10_000 }, () => 'a'), Array.from({ length: 1000 }, () => ({}))];

/** JSON-able hostile values (usable inside payloads built with JSON.parse). */
const JSON_VALUES: unknown[] = [null, true, false, [], {}, [null], ...STRINGS, ...NUMBERS.filter(Number.isFinite), ...PROTO_OBJECTS, ...DEEP, ...BIG_ARRAYS, { $gt: '' }, { toString: 'x' }];
/** Any JavaScript value (what a broken or malicious transport could hand the router). */
const ANY_VALUES: unknown[] = [undefined, ...JSON_VALUES, ...NUMBERS, () => 1, Symbol('x'), 10n, new Date(0), new Map([['a', 1]]), /re/g, new Uint8Array(4)];
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'role',
  'isAdmin',
  'access',
  '',
  ' ',
  '\u0000',
  "'; DROP TABLE staff; --",
  'x'.repeat(1000),
  'name ',
  'NAME',
  '0',
];

// ---------------------------------------------------------------------------------------------------------------
// Payload generators: each returns a payload meant to be invalid for the channel; the test skips (and counts)
// any that the contract would accept, so only invalid payloads are sent.
// ---------------------------------------------------------------------------------------------------------------

/** Builds an object from entries through JSON.parse, so `__proto__` & co. become own properties. */
function objectFromEntries(entries: [string, unknown][]): Record<string, unknown> {
  return JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`) as Record<string, unknown>;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

type Generator = (rng: Rng, template: Record<string, unknown>) => unknown;

const GENERATORS: Record<string, Generator> = {
  /** Not an object at all. */
  wrongTopLevel: (rng, template) =>
    rng.pick<unknown>([...ANY_VALUES.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)), [template], [[template]], JSON.stringify(template)]),
  /** The valid-looking object plus one hostile extra key. */
  extraKey: (rng, template) => {
    const entries = Object.entries(clone(template));
    const at = rng.int(entries.length + 1);
    entries.splice(at, 0, [rng.pick(HOSTILE_KEYS), rng.pick(JSON_VALUES)]);
    return objectFromEntries(entries);
  },
  /** Only a prototype-pollution attempt (own __proto__ / constructor / prototype key). */
  protoOnly: (rng, template) => {
    const proto = rng.pick(PROTO_OBJECTS) as Record<string, unknown>;
    return objectFromEntries([...Object.entries(proto), ...(rng.bool() ? Object.entries(clone(template)) : [])]);
  },
  /** One field replaced by a wrong-typed or hostile value. */
  brokenField: (rng, template) => {
    const keys = Object.keys(template);
    if (keys.length === 0) return GENERATORS.extraKey!(rng, template);
    const out = clone(template);
    out[rng.pick(keys)] = rng.pick(ANY_VALUES);
    return out;
  },
  /** One field missing. */
  missingField: (rng, template) => {
    const keys = Object.keys(template);
    if (keys.length === 0) return GENERATORS.protoOnly!(rng, template);
    const out = clone(template);
    delete out[rng.pick(keys)];
    return out;
  },
  /** A nested object field broken one level down (patients.update's fields, ...). */
  brokenNested: (rng, template) => {
    const nestedKeys = Object.keys(template).filter((k) => template[k] && typeof template[k] === 'object' && !Array.isArray(template[k]));
    if (nestedKeys.length === 0) return GENERATORS.brokenField!(rng, template);
    const out = clone(template);
    const key = rng.pick(nestedKeys);
    out[key] = GENERATORS[rng.pick(['extraKey', 'brokenField', 'missingField'] as const)]!(rng, out[key] as Record<string, unknown>);
    return out;
  },
  /** Every string field replaced by SQL, NUL or huge text, plus an unknown key so it cannot be valid. */
  allHostile: (rng, template) => {
    const entries: [string, unknown][] = Object.entries(clone(template)).map(([k, v]) => [k, typeof v === 'string' ? rng.pick([...SQL, ...NUL_STRINGS, HUGE]) : v]);
    entries.push([rng.pick(SQL), rng.pick(SQL)]);
    return objectFromEntries(entries);
  },
  /** Strings where numbers or booleans belong and the other way round. */
  typeConfused: (rng, template) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(template)) {
      out[k] = typeof v === 'string' ? rng.pick<unknown>([Number(v.length), true, [v], { value: v }]) : typeof v === 'number' ? String(v) : typeof v === 'boolean' ? String(v) : v;
    }
    // (objectFromEntries, not assignment: `out['__proto__'] = v` would set the prototype, not a key.)
    return Object.keys(out).length === 0 ? objectFromEntries([[rng.pick(HOSTILE_KEYS), rng.pick(JSON_VALUES)]]) : out;
  },
  /** Deeply nested junk in a field (or as the whole payload). */
  deep: (rng, template) => {
    const keys = Object.keys(template);
    if (keys.length === 0 || rng.bool()) return rng.pick([...DEEP, ...VERY_DEEP]);
    const out = clone(template);
    out[rng.pick(keys)] = rng.pick([...DEEP, ...VERY_DEEP]);
    return out;
  },
  /** An object without a prototype, or a class instance, carrying an extra key. */
  exotic: (rng, template) => {
    const base = rng.bool() ? Object.create(null) : new (class Payload {})();
    Object.assign(base, clone(template));
    Object.defineProperty(base, rng.pick(['sneaky', 'role', 'then']), { value: rng.pick(JSON_VALUES), enumerable: true });
    return base as unknown;
  },
};
const GENERATOR_NAMES = Object.keys(GENERATORS);

function describePayload(p: unknown): string {
  try {
    const s = typeof p === 'bigint' || typeof p === 'symbol' || typeof p === 'function' ? String(p) : JSON.stringify(p);
    return s === undefined ? String(p) : s.length > 200 ? `${s.slice(0, 200)}… (${s.length} chars)` : s;
  } catch {
    return Object.prototype.toString.call(p);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The vault under fuzz
// ---------------------------------------------------------------------------------------------------------------

interface Snapshot {
  head: unknown;
  auditCount: number;
  staff: unknown;
  settings: unknown;
  keyslots: string;
  guard: string | null;
  session: unknown;
  files: string[];
  /** Row count of every table, so writes to tables added later are caught too. */
  rows: Record<string, number>;
}

let t: TestApp;
function snapshot(): Snapshot {
  const v = t.app.vault!;
  const guardFile = path.join(t.vaultDir, GUARD_FILE);
  return {
    head: v.audit.head(),
    auditCount: v.audit.count(),
    staff: v.staff.list(true),
    settings: v.clinicSettings(),
    keyslots: sha256File(path.join(t.vaultDir, KEYSLOTS_FILE)),
    guard: fs.existsSync(guardFile) ? sha256File(guardFile) : null,
    session: t.app.sessionInfo(),
    files: fs.readdirSync(t.vaultDir).filter((f) => !f.startsWith('vault.db')).sort(),
    rows: Object.fromEntries(
      (v.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
        ({ name }) => [name, (v.db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n],
      ),
    ),
  };
}

function prototypeState(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(','));
}

let before: Snapshot;
let protoBefore: string[];
beforeAll(async () => {
  t = makeTestApp({ clock: new ManualClock() });
  await t.setup();
  expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
  await t.ok('staff.add', NURSE);
  before = snapshot();
  protoBefore = prototypeState();
});
afterAll(() => t.dispose());

const ERROR_KEYS = new Set(['code', 'messageKey', 'issues']);

describe('channel fuzz (seeded, reproducible)', () => {
  it('the sample templates are valid, so a payload broken in one field is a real near-miss', () => {
    for (const c of CHANNEL_NAMES) {
      const template = VALID_INPUTS[c];
      if (template) expect((api[c].input as z.ZodType).safeParse(template).success, c).toBe(true);
    }
  });

  for (const channel of CHANNEL_NAMES) {
    it(`${channel}: ${PAYLOADS_PER_CHANNEL} hostile payloads all answer invalid_input, nothing throws, nothing changes`, async () => {
      const rng = new Rng(seedFrom(channel, SEED));
      const schema = api[channel].input as z.ZodType;
      const template = VALID_INPUTS[channel] ?? {};
      const problems: string[] = [];
      const usedGenerators = new Set<string>();
      let sent = 0;
      let skippedValid = 0;
      for (let attempt = 0; sent < PAYLOADS_PER_CHANNEL && attempt < PAYLOADS_PER_CHANNEL * 10; attempt++) {
        const gen = rng.pick(GENERATOR_NAMES);
        const payload = GENERATORS[gen]!(rng, template);
        // Only invalid payloads are sent (e.g. `{}` is a valid input for channels without required fields).
        if (schema.safeParse(payload).success) {
          skippedValid++;
          continue;
        }
        usedGenerators.add(gen);
        const label = `#${sent} ${gen} ${describePayload(payload)}`;
        sent++;
        let result: unknown;
        try {
          result = await t.router.call(channel, payload);
        } catch (e) {
          problems.push(`${label}: router threw ${String(e)}`);
          continue;
        }
        const r = result as { ok?: unknown; error?: { code?: unknown; messageKey?: unknown; issues?: unknown } };
        if (r?.ok !== false || !r.error) {
          problems.push(`${label}: answered ${describePayload(result)}`);
          continue;
        }
        const text = JSON.stringify(result);
        const issues = r.error.issues;
        const shapeOk =
          r.error.code === 'invalid_input' &&
          r.error.messageKey === 'errors.invalid_input' &&
          Object.keys(r).sort().join() === 'error,ok' &&
          Object.keys(r.error).every((k) => ERROR_KEYS.has(k)) &&
          Array.isArray(issues) &&
          issues.length >= 1 &&
          issues.length <= 50 &&
          issues.every(
            (i: { path?: unknown; messageKey?: unknown }) =>
              Array.isArray(i.path) &&
              i.path.length <= 10 &&
              i.path.every((p) => typeof p === 'string' || typeof p === 'number') &&
              typeof i.messageKey === 'string' &&
              /^validation\.[A-Za-z]+$/.test(i.messageKey),
          );
        if (!shapeOk) problems.push(`${label}: unexpected error ${text.slice(0, 300)}`);
        // The answer never echoes the input back (no huge strings) and never leaks SQL or stack traces.
        if (text.length > 20_000) problems.push(`${label}: answer of ${text.length} chars`);
        if (/sqlite|select |drop table|\n\s+at /i.test(text)) problems.push(`${label}: answer leaks internals ${text.slice(0, 300)}`);
      }
      expect(problems.slice(0, 10), `${problems.length} problems`).toEqual([]);
      expect(sent).toBe(PAYLOADS_PER_CHANNEL);
      expect(skippedValid).toBeLessThan(sent);
      expect(usedGenerators.size).toBeGreaterThanOrEqual(6);
      // Nothing in the vault, the key file, the session or the prototypes moved.
      expect(snapshot()).toEqual(before);
      expect(prototypeState()).toEqual(protoBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }

  it('an unknown channel name answers invalid_input errors.unknownChannel', async () => {
    const names: unknown[] = [
      'staff.drop',
      'staff.list ',
      'STAFF.LIST',
      '',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      "'; DROP TABLE staff; --",
      'staff.list\u0000',
      HUGE,
      null,
      undefined,
      42,
      {},
      ['staff.list'],
      { toString: () => 'staff.list' },
      Symbol('staff.list'),
    ];
    for (const name of names) {
      const r = await t.router.call(name, {});
      expect(r, describePayload(name)).toEqual({ ok: false, error: { code: 'invalid_input', messageKey: 'errors.unknownChannel' } });
    }
    expect(snapshot()).toEqual(before);
  });

  it('after the whole fuzz the vault is unchanged and its audit chain still verifies', async () => {
    expect(snapshot()).toEqual(before);
    expect(prototypeState()).toEqual(protoBefore);
    expect(t.app.vault!.audit.verifyChain()).toMatchObject({ ok: true, headSeq: (before.head as { seq: number }).seq });
    // The session still works normally.
    expect((await t.ok('staff.list', {})).map((s) => s.name).sort()).toEqual([ADMIN.name, NURSE.name].sort());
  });
});
