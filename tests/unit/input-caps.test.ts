/**
 * Every length cap in the contract, at its edge. The channel input schemas are walked (zod 4's `_zod.def`) to find
 * every capped string and array — nested objects, array elements, optional fields and union branches included —
 * and each cap is tried at exactly its limit (accepted) and one over (refused with `too_big` at that path), first
 * on the field's own schema and then on the whole channel input. A cap the walk misses would show up as a count
 * mismatch against zod's own JSON Schema; a string or array with no cap at all is a defect and fails the suite.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, CHANNEL_NAMES, type ChannelName } from '../../shared/api';
import { sampleInput } from '../support/channels';

type Seg = string | number;

/** The parts of zod 4's internal definitions the walk reads. */
interface CheckDef {
  check: string;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
}
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  format?: string;
  pattern?: RegExp;
  entries?: Record<string, string | number>;
}
const defOf = (s: z.ZodType): Def => s._zod.def as unknown as Def;
const checksOf = (s: z.ZodType): CheckDef[] => (defOf(s).checks ?? []).map((c) => c._zod.def);

/** A union branch the path goes through: the sample value at `path` must be of this option. */
interface Branch {
  path: Seg[];
  option: z.ZodType;
}
interface Leaf {
  channel: ChannelName;
  path: Seg[];
  /** The string or array itself (where the caps are). */
  schema: z.ZodType;
  /** The field as the parent object declares it: with its optional wrapper, transforms and refinements. */
  field: z.ZodType;
  kind: 'string' | 'array' | 'record';
  /** Every distinct maximum on the value (a trimmed text has its raw cap and its trimmed cap), smallest first. */
  caps: number[];
  /** Whether a regex or format bounds the length even without a max (an ID, a timestamp, a hash). */
  boundedByPattern: boolean;
  branches: Branch[];
}

/** A pattern bounds the length when it is anchored and has no open-ended repetition. */
function patternIsBounded(re: RegExp): boolean {
  const src = re.source;
  if (!src.startsWith('^') || !src.endsWith('$')) return false;
  const stripped = src.replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return !/[*+]|\{\d+,\}/.test(stripped);
}

function stringBoundedByPattern(s: z.ZodType): boolean {
  const d = defOf(s);
  const patterns = [d.pattern, ...checksOf(s).filter((c) => c.check === 'string_format').map((c) => c.pattern)].filter((p): p is RegExp => p instanceof RegExp);
  return patterns.some(patternIsBounded);
}

function walk(channel: ChannelName, s: z.ZodType, field: z.ZodType, path: Seg[], branches: Branch[], out: Leaf[], seen: Set<z.ZodType>): void {
  const d = defOf(s);
  const maxima = (kinds: string[]) => [...new Set(checksOf(s).filter((c) => kinds.includes(c.check)).map((c) => (c.maximum ?? c.length)!))].sort((a, b) => a - b);
  switch (d.type) {
    case 'string':
      out.push({ channel, path, schema: s, field, kind: 'string', caps: maxima(['max_length', 'length_equals']), boundedByPattern: stringBoundedByPattern(s), branches });
      return;
    case 'array':
      out.push({ channel, path, schema: s, field, kind: 'array', caps: maxima(['max_length', 'length_equals']), boundedByPattern: false, branches });
      walk(channel, d.element!, d.element!, [...path, 0], branches, out, seen);
      return;
    case 'record':
      out.push({ channel, path, schema: s, field, kind: 'record', caps: maxima(['max_size']), boundedByPattern: false, branches });
      walk(channel, d.valueType!, d.valueType!, [...path, '*'], branches, out, seen);
      return;
    case 'object':
      for (const [k, v] of Object.entries(d.shape!)) walk(channel, v, v, [...path, k], branches, out, seen);
      if (d.catchall && defOf(d.catchall).type !== 'never' && defOf(d.catchall).type !== 'unknown') walk(channel, d.catchall, d.catchall, [...path, '*'], branches, out, seen);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      walk(channel, d.innerType!, field, path, branches, out, seen);
      return;
    case 'pipe':
      // The input side is what arrives from the renderer; a pipe's output side is already bounded by it.
      walk(channel, d.in!, field, path, branches, out, seen);
      return;
    case 'union':
      for (const option of d.options!) walk(channel, option, field, path, [...branches, { path, option }], out, seen);
      return;
    case 'tuple':
      d.items!.forEach((item, i) => walk(channel, item, item, [...path, i], branches, out, seen));
      return;
    case 'intersection':
      walk(channel, d.left!, field, path, branches, out, seen);
      walk(channel, d.right!, field, path, branches, out, seen);
      return;
    case 'lazy':
      if (seen.has(s)) return;
      seen.add(s);
      walk(channel, d.getter!(), field, path, branches, out, seen);
      return;
    default:
      // Numbers, booleans, enums, literals: no length to cap.
      return;
  }
}

const LEAVES: Leaf[] = CHANNEL_NAMES.flatMap((channel) => {
  const out: Leaf[] = [];
  walk(channel, api[channel].input as z.ZodType, api[channel].input as z.ZodType, [], [], out, new Set());
  return out;
});

interface Cap {
  leaf: Leaf;
  max: number;
  /** The smallest cap on the value (the one typed text meets); larger ones are raw caps before trimming. */
  effective: boolean;
  name: string;
}
const label = (p: Seg[]) => (p.length ? p.map((x) => (typeof x === 'number' ? `[${x}]` : x)).join('.').replace(/\.\[/g, '[') : '(input)');
const branchLabel = (l: Leaf) => (l.branches.length ? ` <${l.branches.map((b) => Object.keys(defOf(b.option).shape ?? {}).join('|')).join(', ')}>` : '');
const CAPS: Cap[] = LEAVES.flatMap((leaf) =>
  leaf.caps.map((max, i) => ({
    leaf,
    max,
    effective: i === 0,
    name: `${leaf.channel} ${label(leaf.path)}${branchLabel(leaf)} (${leaf.kind === 'string' ? 'chars' : 'items'} ≤ ${max}${i === 0 ? '' : ', before trimming'})`,
  })),
);

// ---------------------------------------------------------------------------------------------------------------
// Samples: one valid whole input per channel, with every optional nested object present so each path has a parent
// ---------------------------------------------------------------------------------------------------------------

const UUID = '3f0c2a4e-8b1d-4c6a-9e2f-1a2b3c4d5e6f';
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const FULL_PATIENT = {
  nameEn: 'Wang Hsiao-Ming',
  email: 'wang@example.com',
  lineId: 'wang.hm',
  address: '臺北市大安區復興南路一段 1 號',
  emergencyContact: { name: '王大明', relation: '父', phone: '0912-000-111' },
  allergies: '盤尼西林',
  riskMedications: ['anticoagulant'],
  medications: '阿斯匹靈',
  medicalHistory: '無',
  priorProcedures: '無',
  guardian: { name: '王大明', relation: '父', nationalId: 'A123456789', phone: '0912-000-111' },
};
const ATTACHMENT = { fileName: 'line.png', mime: 'image/png', dataBase64: PNG_1PX };

/** Channels the shared sample table (tests/support/channels.ts) has no valid input for. */
// Keyed by plain strings, like tests/support/channels.ts: a renamed channel shows up as one without a sample.
const LOCAL_SAMPLES: Readonly<Record<string, Record<string, unknown>>> = {
  'consultations.saveScreening': {
    consultationId: UUID, expectedVersion: 1,
    screening: {
      contraindications: [{ id: 'pregnancy', present: false, note: '病人表示未懷孕' }],
      flagNotes: [{ flag: 'allergies', note: '已確認過敏史' }],
      bodyImage: { preoccupied: false, distress: false, avoidance: false, repeatedProcedures: false },
    },
  },
  'consultations.saveGoals': { consultationId: UUID, expectedVersion: 1, goals: { goals: '抬頭紋變淺', assessment: '中度動態紋', expectedResult: '三至七天見效', cannotAchieve: '靜態紋無法消除' } },
  'consultations.addPhoto': { consultationId: UUID, mime: 'image/png', dataBase64: PNG_1PX, capturedAt: '2026-01-01T02:00:00.000Z', marketingConsent: false },
  'consultations.acknowledgeRisk': { consultationId: UUID, riskId: 'bruising', questions: '瘀青多久會消？', method: 'consultant_tap' },
  'consultations.saveAlternatives': { consultationId: UUID, expectedVersion: 1, alternatives: { discussed: [{ id: 'no_treatment', note: '病人了解' }], preOpInstructionsGiven: true } },
  'consultations.saveQuote': {
    consultationId: UUID, expectedVersion: 1,
    quote: { items: [{ kind: 'procedure', description: '肉毒桿菌素注射', amountTwd: 12000 }], revisionPolicy: '兩週內免費補打', refundPolicy: '未施打前可全額退費' },
  },
  'consultations.answerComprehension': { consultationId: UUID, answers: [{ questionId: 'q1', chosenIndex: 1 }] },
  'audit.findTypedText': { text: '王小明', limit: 50 },
};

/** Optional nested parts the shared samples leave out, merged in so that their caps can be tried in place. */
const FILL_IN: Readonly<Record<string, Record<string, unknown>>> = {
  'patients.create': FULL_PATIENT,
  'patients.update': { fields: FULL_PATIENT },
  'settings.update': { batesPrefix: 'CV' },
  'templates.saveDraft': {
    content: {
      alternatives: [
        { id: 'topical_cream', text: '外用藥膏' },
        { id: 'no_treatment', text: '不接受治療' },
      ],
      contraindications: [{ id: 'pregnancy', text: '懷孕或可能懷孕', flaggedBy: ['pregnancy'] }],
    },
  },
  'treatments.record': { products: [{ kind: 'drug', name: '玻尿酸', brand: 'Restylane', lot: 'LOT123', serialNo: 'SN-1', expiryDate: '2027-06-30', quantity: '1.0 mL' }] },
  'followUps.recordOutcome': { complication: { type: 'infection', severity: 'mild', management: '口服抗生素七天' } },
  'communications.log': { attachment: ATTACHMENT },
  'complaints.addEntry': { attachment: ATTACHMENT },
  'complaints.intake': { complainantName: '王小明' },
  'consents.sign': { signerName: '陳美玲', physicianId: UUID, password: 'Doctor-Pass-2026' },
  'incidents.close': { noNotificationReason: '經評估未涉及個人資料外洩' },
};

/** Whole inputs for the other branch of a union (each must parse on its own). */
const OTHER_BRANCHES: Readonly<Record<string, Record<string, unknown>[]>> = {
  'evidence.preview': [{ patientId: UUID, scope: { type: 'consultation', consultationId: UUID }, kind: 'lawyer', locale: 'zh-TW' }],
  'evidence.startExport': [{ patientId: UUID, scope: { type: 'dateRange', from: '2026-01-01', to: '2026-03-31' }, kind: 'patient', locale: 'en', destination: '/tmp/consentvault-never-created/pack.zip' }],
  'evidence.startVerify': [{ source: { fileName: 'CV-0001-evidence.zip', dataBase64: PNG_1PX } }],
  'setup.restoreBackup': [
    {
      backupDir: '/tmp/consentvault-never-created-backups/consentvault-backup-20261123-090000',
      vaultDir: '/tmp/consentvault-never-created',
      credential: { kind: 'recovery_code', recoveryCode: 'ABCDE-FGHJK-MNPQR-STUVW-XYZ23-45678-9ABCD-EFGHJ' },
    },
  ],
  'consents.adoptSignature': [
    { ...(sampleInput('consents.adoptSignature') as Record<string, unknown>), identityDocument: { kind: 'resident_certificate', number: 'A800000014' } },
    { ...(sampleInput('consents.adoptSignature') as Record<string, unknown>), identityDocument: { kind: 'passport', number: '312345678' } },
  ],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
function merge(base: unknown, extra: unknown): unknown {
  if (!isObject(base) || !isObject(extra)) return structuredClone(extra);
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(extra)) out[k] = merge(base[k], v);
  return out;
}
function samplesFor(channel: ChannelName): Record<string, unknown>[] {
  const base = sampleInput(channel) ?? LOCAL_SAMPLES[channel];
  if (!base) return [];
  return [merge(base, FILL_IN[channel] ?? {}) as Record<string, unknown>, ...(OTHER_BRANCHES[channel] ?? [])];
}

function getAt(v: unknown, path: Seg[]): unknown {
  let cur = v;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
function setAt<T>(v: T, path: Seg[], value: unknown): T {
  const copy = structuredClone(v);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// Values of a given length
// ---------------------------------------------------------------------------------------------------------------

const parses = (s: z.ZodType, v: unknown) => s.safeParse(v).success;
const tooBigAt = (s: z.ZodType, v: unknown, path: Seg[], max: number) =>
  (s.safeParse(v).error?.issues ?? []).some((i) => i.code === 'too_big' && i.maximum === max && JSON.stringify(i.path) === JSON.stringify(path));
const anyTooBigAt = (s: z.ZodType, v: unknown, path: Seg[]) => (s.safeParse(v).error?.issues ?? []).some((i) => i.code === 'too_big' && JSON.stringify(i.path) === JSON.stringify(path));

const isBase64 = (s: z.ZodType) => defOf(s).format === 'base64';

/**
 * A string of `n` characters the field accepts, when one exists: filled with letters, CJK or digits; the sample's
 * own value padded (a date, an e-mail address); or, for a raw cap before trimming, the text padded with spaces.
 * Base64 comes in 4-character quanta, so the longest acceptable base64 may be up to 3 characters short of the cap.
 */
function acceptedString(cap: Cap, sample: unknown): string | null {
  const s = cap.leaf.field;
  const n = cap.max;
  if (isBase64(cap.leaf.schema)) {
    const v = 'A'.repeat(n - (n % 4));
    return parses(s, v) ? v : null;
  }
  const own = typeof sample === 'string' ? sample : '';
  const fills = ['a', '診', 'A', '1', '0'];
  const candidates = [
    ...fills.map((c) => c.repeat(n)),
    own,
    // Padding at the end, at the start, and after the first character (a path keeps its root and its extension).
    ...fills.flatMap((c) => (own.length < n ? [own + c.repeat(n - own.length), c.repeat(n - own.length) + own, own.slice(0, 1) + c.repeat(n - own.length) + own.slice(1)] : [])),
    ...(own.length < n ? [own + ' '.repeat(n - own.length)] : []),
  ];
  if (!cap.effective) {
    const smaller = cap.leaf.caps[0]!;
    candidates.push(...fills.map((c) => c.repeat(smaller) + ' '.repeat(n - smaller)));
  }
  return candidates.find((v) => v.length === n && parses(s, v)) ?? null;
}

/** One more character than `v`, of the kind that still counts after trimming (a space only where the cap is raw). */
const oneMore = (v: string, cap: Cap) => v + (cap.effective && !v.endsWith(' ') ? (v.at(-1) ?? 'a') : ' ');

function enumValues(s: z.ZodType): (string | number)[] {
  const d = defOf(s);
  if (d.type === 'enum') return Object.values(d.entries!);
  if (d.type === 'union') return d.options!.flatMap(enumValues);
  if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') return enumValues(d.innerType!);
  return [];
}

/** A distinct item for position `i` (identifiers made unique, enum values taken in turn, UUIDs varied). */
function variedItem(element: z.ZodType, sample: unknown, i: number): unknown {
  const values = enumValues(element);
  if (values.length) return values[i % values.length];
  if (typeof sample === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(sample)) return `${sample.slice(0, 24)}${i.toString(16).padStart(12, '0')}`;
  if (isObject(sample)) {
    const out: Record<string, unknown> = structuredClone(sample);
    for (const [k, v] of Object.entries(out)) if (typeof v === 'string' && (k === 'id' || k.endsWith('Id')) && !/^[0-9a-f]{8}-/.test(v)) out[k] = `${v}-${i}`;
    return out;
  }
  return structuredClone(sample);
}

/** The sample's own items (which meet the rules on the whole list), then distinct copies of its first up to `n`. */
function filledArray(element: z.ZodType, sample: unknown, n: number): unknown[] {
  const own = Array.isArray(sample) ? (sample as unknown[]).slice(0, n) : [];
  return [...own, ...Array.from({ length: n - own.length }, (_, i) => variedItem(element, own[0], own.length + i))];
}

function acceptedArray(cap: Cap, sample: unknown): unknown[] | null {
  const element = defOf(cap.leaf.schema).element!;
  if (!Array.isArray(sample) || sample.length === 0) {
    if (enumValues(element).length === 0) return null;
  }
  const v = filledArray(element, sample, cap.max);
  return parses(cap.leaf.field, v) ? v : null;
}

interface Edge {
  /** Exactly at the cap: accepted (null when no acceptable value of that length exists, see `nearest`). */
  atMax: unknown;
  /** Exactly at the cap, acceptable or not: never refused for its length. */
  atMaxAnyway: unknown;
  /** For base64: the longest acceptable value (the cap minus the partial quantum). */
  nearest: unknown;
  overMax: unknown;
}

function edgeValues(cap: Cap, sample: unknown): Edge {
  if (cap.leaf.kind === 'array') {
    const accepted = acceptedArray(cap, sample);
    const filler = accepted ?? filledArray(defOf(cap.leaf.schema).element!, sample, cap.max);
    return { atMax: accepted, atMaxAnyway: filler, nearest: accepted, overMax: [...filler, filler[0]] };
  }
  const accepted = acceptedString(cap, sample);
  const exact = accepted !== null && accepted.length === cap.max ? accepted : null;
  const anyway = exact ?? (isBase64(cap.leaf.schema) ? 'A'.repeat(cap.max) : 'a'.repeat(cap.max));
  return { atMax: exact, atMaxAnyway: anyway, nearest: accepted, overMax: oneMore(exact ?? anyway, cap) };
}

// ---------------------------------------------------------------------------------------------------------------
// The walk finds what zod itself reports
// ---------------------------------------------------------------------------------------------------------------

function jsonSchemaCaps(j: unknown): number {
  if (Array.isArray(j)) return j.reduce((n: number, x) => n + jsonSchemaCaps(x), 0);
  if (!isObject(j)) return 0;
  let n = (typeof j.maxLength === 'number' ? 1 : 0) + (typeof j.maxItems === 'number' ? 1 : 0) + (typeof j.maxProperties === 'number' ? 1 : 0);
  for (const v of Object.values(j)) n += jsonSchemaCaps(v);
  return n;
}

/**
 * Caps with no acceptable value of exactly that length, and why: checked by length alone (never refused at the cap,
 * refused one over). Anything else that loses its acceptable value fails the suite.
 */
const NO_ACCEPTED_VALUE_AT_MAX: Record<string, string> = {
  'setup.createVault timeZone': 'no IANA zone name is 64 characters long',
  'settings.update timeZone': 'no IANA zone name is 64 characters long',
};
const capKey = (c: Cap) => `${c.leaf.channel} ${label(c.leaf.path)}`;

const coverage = { field: 0, fieldAccepted: 0, channel: 0 };

describe('input caps: the walk of the contract', () => {
  it('finds as many capped strings and arrays as zod’s own JSON Schema reports, across every channel', () => {
    const fromJsonSchema = CHANNEL_NAMES.reduce((n, c) => n + jsonSchemaCaps(z.toJSONSchema(api[c].input as z.ZodType, { io: 'input', unrepresentable: 'any' })), 0);
    const capped = LEAVES.filter((l) => l.caps.length > 0).length;
    expect(capped).toBeGreaterThan(150);
    expect(capped).toBe(fromJsonSchema);
  });

  // One snapshot per channel: a cap raised, lowered or dropped shows up as a changed line; a new channel adds its own.
  it.each([...new Set(CAPS.map((c) => c.leaf.channel))])('keeps the caps of %s at their agreed values', (channel) => {
    expect(CAPS.filter((c) => c.leaf.channel === channel).map((c) => c.name)).toMatchSnapshot();
  });

  it('leaves no string uncapped: each has a max length or a fixed-length format (ID, timestamp, hash)', () => {
    const uncapped = LEAVES.filter((l) => l.kind === 'string' && l.caps.length === 0 && !l.boundedByPattern).map((l) => `${l.channel} ${label(l.path)}`);
    expect(uncapped).toEqual([]);
  });

  it('leaves no array or record uncapped', () => {
    const uncapped = LEAVES.filter((l) => l.kind !== 'string' && l.caps.length === 0).map((l) => `${l.channel} ${label(l.path)}`);
    expect(uncapped).toEqual([]);
  });

  it('has a valid whole input for every channel with a cap (so no cap is tried only in isolation)', () => {
    const capped = [...new Set(CAPS.map((c) => c.leaf.channel))];
    const broken = capped.filter((c) => {
      const samples = samplesFor(c);
      return samples.length === 0 || samples.some((s) => !parses(api[c].input as z.ZodType, s));
    });
    expect(broken).toEqual([]);
  });
});

describe('input caps: every capped field at max and max + 1', () => {
  it.each(CAPS.map((c) => [c.name, c] as const))('%s', (_name, cap) => {
    const channel = cap.leaf.channel;
    const input = api[channel].input as z.ZodType;
    const samples = samplesFor(channel).filter((s) => cap.leaf.branches.every((b) => parses(b.option, getAt(s, b.path))) && getAt(s, cap.leaf.path.slice(0, -1)) !== undefined);
    const sample = samples[0];
    expect(sample, 'a whole sample input with this field’s parent in it').toBeDefined();
    const edge = edgeValues(cap, getAt(sample, cap.leaf.path));
    const field = cap.leaf.field;

    // The field's own schema.
    const knownGap = NO_ACCEPTED_VALUE_AT_MAX[capKey(cap)];
    if (knownGap) expect(edge.atMax, knownGap).toBeNull();
    else if (isBase64(cap.leaf.schema)) {
      expect(edge.nearest, 'the longest base64 within the cap is accepted').not.toBeNull();
      expect(cap.max - (edge.nearest as string).length).toBeLessThan(4);
    } else expect(edge.atMax, 'a value of exactly the cap is accepted').not.toBeNull();
    expect(anyTooBigAt(field, edge.atMaxAnyway, [])).toBe(false);
    expect(tooBigAt(field, edge.overMax, [], cap.max)).toBe(true);
    coverage.field++;
    if (edge.atMax !== null || edge.nearest !== null) coverage.fieldAccepted++;

    // The whole channel input, the other fields valid.
    const path = cap.leaf.path;
    if (edge.nearest !== null) expect(input.safeParse(setAt(sample, path, edge.nearest)).error?.issues ?? []).toEqual([]);
    expect(anyTooBigAt(input, setAt(sample, path, edge.atMaxAnyway), path)).toBe(false);
    expect(tooBigAt(input, setAt(sample, path, edge.overMax), path, cap.max)).toBe(true);
    coverage.channel++;
  });

  it('checked every cap found, both on the field and in the whole channel input (none skipped)', () => {
    console.log(
      `input caps: ${CAPS.length} caps on ${LEAVES.filter((l) => l.caps.length).length} fields; checked on the field schema: ${coverage.field} ` +
        `(${coverage.fieldAccepted} with a value accepted at the limit), in the whole channel input: ${coverage.channel}`,
    );
    expect(coverage.field).toBe(CAPS.length);
    expect(coverage.channel).toBe(CAPS.length);
  });
});
