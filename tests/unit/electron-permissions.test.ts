import { describe, expect, it } from 'vitest';
import { isPermissionAllowed, originOf } from '../../electron/shell/permissions';

const APP = 'app://consentvault';

describe('Electron permissions', () => {
  it("reads our app:// page's origin although Node's URL calls it null", () => {
    expect(originOf('app://consentvault/index.html#/x')).toBe(APP);
    expect(originOf('app://other/index.html')).not.toBe(APP);
    expect(originOf('http://127.0.0.1:4567/')).toBe('http://127.0.0.1:4567');
    expect(originOf('file:///etc/passwd')).toBe('');
    expect(originOf('')).toBe('');
  });

  it('lets our own page use the camera for photos', () => {
    expect(isPermissionAllowed(APP, 'media', originOf('app://consentvault/index.html'), ['video'])).toBe(true);
  });

  it('refuses the microphone, other origins and every other permission', () => {
    expect(isPermissionAllowed(APP, 'media', APP, ['video', 'audio'])).toBe(false);
    expect(isPermissionAllowed(APP, 'media', APP, ['audio'])).toBe(false);
    expect(isPermissionAllowed(APP, 'media', APP, [])).toBe(false);
    expect(isPermissionAllowed(APP, 'media', originOf('https://evil.example'), ['video'])).toBe(false);
    expect(isPermissionAllowed(APP, 'media', originOf('not a url'), ['video'])).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(APP, p, APP, ['video'])).toBe(false);
    }
  });
});
