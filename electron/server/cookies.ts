/** The cookies of a request, by name (the first of a repeated name wins; malformed pairs are skipped). */
export function readCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header || header.length > 8192) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!cookies.has(name) && /^[A-Za-z0-9_-]+$/.test(value)) cookies.set(name, value);
  }
  return cookies;
}

/**
 * A Set-Cookie value: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure over
 * HTTPS; a null value clears the cookie.
 */
export function cookieHeader(name: string, value: string | null, opts: { secure: boolean; maxAgeS?: number | undefined }): string {
  const parts = [`${name}=${value ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (opts.secure) parts.push('Secure');
  if (value === null) parts.push('Max-Age=0');
  else if (opts.maxAgeS !== undefined) parts.push(`Max-Age=${opts.maxAgeS}`);
  return parts.join('; ');
}
