/**
 * Canonical JSON for hashing: object keys sorted by UTF-16 code unit (as RFC 8785), no whitespace, no
 * undefined values.
 * The audit chain and evidence-pack verifiers hash exactly this text, so it must stay stable.
 */

/** Deeper than anything the app writes by far; a hostile pack nested 50,000 levels must get a report, not a stack overflow. */
export const MAX_JSON_DEPTH = 64;

export class JsonTooDeep extends RangeError {
  constructor(limit: number) {
    super(`JSON nested deeper than ${limit} levels`);
  }
}

export function canonicalJson(value: unknown): string {
  return canonical(value, 0);
}

function canonical(value: unknown, depth: number): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (depth >= MAX_JSON_DEPTH) throw new JsonTooDeep(MAX_JSON_DEPTH);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v, depth + 1))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, depth + 1)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
}

/**
 * The nesting depth of JSON text, found without parsing it (one pass, no recursion), so text from outside can be
 * refused before JSON.parse, zod or canonicalJson recurse into it. Stops counting at `limit + 1`.
 */
export function jsonNestingDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** JSON.parse for text from outside: refuses nesting deeper than MAX_JSON_DEPTH with JsonTooDeep. */
export function parseBoundedJson(text: string, limit = MAX_JSON_DEPTH): unknown {
  if (jsonNestingDepth(text, limit) > limit) throw new JsonTooDeep(limit);
  return JSON.parse(text) as unknown;
}
