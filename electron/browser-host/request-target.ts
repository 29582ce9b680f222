/** An origin-form request target (`/path?query`), checked and decoded. */
export interface RequestTarget {
  /** The path exactly as sent, still percent-encoded. */
  rawPath: string;
  /** The path with percent-encoding decoded; never contains NUL. */
  path: string;
  /** The query as sent, without the "?" (empty when there is none). */
  query: string;
}

// Visible ASCII only: raw spaces, controls and non-ASCII bytes have no place in a request target.
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * Parses the request target ourselves rather than through `new URL()`, which throws on some hostile
 * targets and resolves others against a foreign authority. Only origin-form is served: absolute-form
 * (`http://host/…`), authority-form, asterisk-form (`*`) and scheme-relative (`//host/…`) give null,
 * as do malformed percent-encoding, an encoded NUL and a fragment.
 */
export function parseRequestTarget(target: string | undefined): RequestTarget | null {
  if (!target || !VISIBLE_ASCII.test(target)) return null;
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  if (target.includes('#')) return null;
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q + 1);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  return { rawPath, path, query };
}
