import path from 'node:path';
import { app, BrowserWindow, session, type WebFrameMain } from 'electron';
import { isPermissionAllowed, originOf } from './permissions';
import { APP_ORIGIN } from './protocol';

/** Only frames showing our own app:// origin may call the API. */
export function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame) return false;
  return originOf(frame.url) === APP_ORIGIN;
}

/** Electron security checklist: no navigation, no new windows, no webviews, no permissions but the camera. */
export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionAllowed(APP_ORIGIN, permission, originOf(details.requestingUrl), mediaTypes));
  });
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isPermissionAllowed(APP_ORIGIN, permission, originOf(requestingOrigin), details.mediaType ? [details.mediaType] : []),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (originOf(url) !== APP_ORIGIN) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (originOf(url) !== APP_ORIGIN) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'ConsentVault',
    show: false,
    backgroundColor: '#f6f8f9',
    webPreferences: {
      preload: path.resolve(preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
