/**
 * The one permission the app grants: the camera (video only, never the microphone) for before/after photos,
 * and only to our own app:// page. Everything else (location, notifications, microphone, …) is refused.
 * Kept free of Electron imports so it is tested in plain Node.
 */
export function isPermissionAllowed(appOrigin: string, permission: string, requestingOrigin: string, mediaTypes: readonly string[] = []): boolean {
  if (permission !== 'media' || requestingOrigin !== appOrigin) return false;
  return mediaTypes.length > 0 && mediaTypes.every((m) => m === 'video');
}

/**
 * The scheme and host of a URL, or '' for anything without a host. Node's `URL.origin` is "null" for
 * schemes it does not know (app://), even though Chromium treats our registered app:// as a real origin,
 * so comparing `URL.origin` in the main process would refuse our own page.
 */
export function originOf(url: string): string {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : '';
  } catch {
    return '';
  }
}
