import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import { CONSENT_RENDERS, type ConsentRenderKind, type ConsentRenders } from '../pdf/consent-renders';
import type { Clock } from '../store/vault';

export type RenderRequest = { [K in ConsentRenderKind]: { kind: K; input: ConsentRenders[K]['input'] } }[ConsentRenderKind];

/**
 * Thrown by a pass that reaches a render it has not got yet: the call's transaction rolls back (nothing was
 * written), the render runs outside the serialised path, and the call runs again with it.
 */
export class RenderRequested extends Error {
  readonly request: RenderRequest;
  readonly key: string;

  constructor(request: RenderRequest, key: string) {
    super(`render ${request.kind} requested`);
    this.request = request;
    this.key = key;
  }
}

/** Bytes stand in the key as their SHA-256: a document's input may carry the issued PDF. */
function keyable(value: unknown): unknown {
  if (value instanceof Uint8Array) return { sha256: createHash('sha256').update(value).digest('hex') };
  if (Array.isArray(value)) return value.map(keyable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keyable(v)]));
  return value;
}

export function renderKey(kind: ConsentRenderKind, input: unknown): string {
  return createHash('sha256').update(canonicalJson({ kind, input: keyable(input) })).digest('hex');
}

/**
 * A call that renders a document runs in passes (the router's loop). Each pass runs the handler from the start in
 * its own transaction; the first render a pass has no result for ends it (RenderRequested, rolled back). The next
 * pass reads the same instants from the clock and draws the same ids, so with the records unchanged it asks for
 * the same document, now rendered, and commits. If another seat changed the records in between, the input differs
 * and the render is asked for again; the last pass renders inline rather than ask a third time. What is stored is
 * therefore always the render of what the committing pass read.
 */
export class RenderPass {
  private readonly instants: number[] = [];
  private readonly ids: string[] = [];
  private instantAt = 0;
  private idAt = 0;
  private readonly prepared = new Map<string, unknown>();
  /** This pass renders what it is missing itself. */
  last = false;

  /** A pass starts: the clock and ids replay from the first. */
  begin(last: boolean): void {
    this.instantAt = 0;
    this.idAt = 0;
    this.last = last;
  }

  clock(real: Clock): Clock {
    return {
      now: () => {
        if (this.instantAt === this.instants.length) this.instants.push(real.now().getTime());
        return new Date(this.instants[this.instantAt++]!);
      },
    };
  }

  newId(): string {
    if (this.idAt === this.ids.length) this.ids.push(randomUUID());
    return this.ids[this.idAt++]!;
  }

  prepare(key: string, result: unknown): void {
    this.prepared.set(key, result);
  }

  async render<K extends ConsentRenderKind>(kind: K, input: ConsentRenders[K]['input']): Promise<ConsentRenders[K]['result']> {
    const key = renderKey(kind, input);
    if (this.prepared.has(key)) return this.prepared.get(key) as ConsentRenders[K]['result'];
    if (!this.last) throw new RenderRequested({ kind, input } as RenderRequest, key);
    return renderHere(kind, input);
  }
}

/** The render in this thread (a call outside the router, or one whose pass renders inline). */
export function renderHere<K extends ConsentRenderKind>(kind: K, input: ConsentRenders[K]['input']): Promise<ConsentRenders[K]['result']> {
  return (CONSENT_RENDERS[kind] as (i: ConsentRenders[K]['input']) => Promise<ConsentRenders[K]['result']>)(input);
}
