import { normalizeTypedText } from '../../store/audit/typed-text';
import type { ServiceContext } from '../context';

/** What kind of thing a search looked for, told from its shape (kept in the audit trail instead of the text). */
export type TypedQueryKind = 'empty' | 'national_id' | 'phone' | 'chart_no' | 'name';

export function typedQueryKind(text: string): TypedQueryKind {
  const n = normalizeTypedText(text);
  if (!n) return 'empty';
  if (/^[a-z][a-d0-9]\d{8}$/.test(n)) return 'national_id';
  if (/^(\+?886|0)\d{7,10}$/.test(n.replace(/[()]/g, ''))) return 'phone';
  if (/^[a-z0-9]+$/.test(n) && /\d/.test(n)) return 'chart_no';
  return 'name';
}

/**
 * A typed search as the audit trail keeps it: the keyed hash (so `audit.findTypedText` can find who searched for
 * it), its kind and length; never the text itself. An empty search has no hash.
 */
export function auditedQuery(ctx: ServiceContext, text: string): { queryHash: string | null; queryKind: TypedQueryKind; queryLength: number } {
  const n = normalizeTypedText(text);
  return { queryHash: n ? ctx.vault().typedTextHash(text) : null, queryKind: typedQueryKind(text), queryLength: [...n].length };
}

/** A typed free text (a reason, an authority's name, a file name): its keyed hash and length, never the text. */
export function auditedText(ctx: ServiceContext, text: string): { hash: string; length: number } {
  return { hash: ctx.vault().typedTextHash(text), length: [...text.trim()].length };
}
