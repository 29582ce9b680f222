/**
 * The renderer's Content-Security-Policy, sent by the app:// protocol in Electron and by the browser host.
 * No remote code, no inline scripts, no eval; images may be data:/blob: (signatures, photos).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
