import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu } from 'electron';
import { AppCore, fileConfigStore } from './app-core';
import { createRouter } from './router';
import { createDeskBridge } from './server/desk-bridge';
import { inAppSharing } from './server/in-app-sharing';
import { backupBeforeQuit } from './services/backups/backups';
import { chooseOpenPack, chooseSavePack, chooseVaultFolder } from './shell/dialogs';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { createMainWindow, hardenSessions, isTrustedSender } from './shell/window';

// Thin shell: everything but windows, dialogs and IPC lives in plain-Node modules shared with the browser host.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Tests (and a second clinic profile) point the app at another data folder.
  if (process.env.CONSENTVAULT_USER_DATA) app.setPath('userData', process.env.CONSENTVAULT_USER_DATA);
  registerAppScheme();
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    const distDir = path.join(__dirname, '..');
    const core = new AppCore({
      config: fileConfigStore(app.getPath('userData')),
      host: {
        chooseFolder: () => chooseVaultFolder(mainWindow),
        chooseSaveFile: (suggestedName) => chooseSavePack(mainWindow, suggestedName),
        chooseOpenFile: () => chooseOpenPack(mainWindow),
        defaultVaultPath: path.join(app.getPath('documents'), 'ConsentVault'),
      },
      spareJobWorker: true,
    });
    const router = createRouter(core, { checkOutput: !app.isPackaged });
    // "Share this vault with other seats": the clinic server inside this process, on the same router (one vault,
    // one serialised path).
    core.clinicServer = inAppSharing({ app: core, router, rendererDir: path.join(distDir, 'renderer') });
    // This computer keeps the vault, or is a seat of the clinic's server: the renderer's one call either way.
    const bridge = createDeskBridge(core, router);
    // Live screens: other seats' writes (the in-app server's events, or the clinic server's stream when this
    // desktop is its seat) go to the window, which fetches what it shows again.
    bridge.onLive((signal) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send('live', signal);
    });
    hardenSessions();
    serveRenderer(path.join(distDir, 'renderer'));
    ipcMain.handle('api', (event, channel: unknown, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } };
      }
      return bridge.call(channel, input);
    });
    // Photo files: the same session rules and size limit as the browser host's POST /api/upload.
    ipcMain.handle('upload', (event, bytes: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } };
      }
      if (!(bytes instanceof ArrayBuffer) && !ArrayBuffer.isView(bytes)) {
        return { ok: false, error: { code: 'invalid_input', messageKey: 'errors.invalid_input' } };
      }
      const buffer = bytes instanceof ArrayBuffer ? Buffer.from(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return bridge.upload(Buffer.from(buffer));
    });
    if (app.isPackaged) Menu.setApplicationMenu(null);
    mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'));
    mainWindow.on('closed', () => (mainWindow = null));
    // Before the key is dropped: a backup when the last good one is over a day old (bounded in time), then close.
    let closing = false;
    app.on('before-quit', (event) => {
      if (closing) return;
      closing = true;
      event.preventDefault();
      void backupBeforeQuit(core)
        .catch((e: unknown) => console.error('[backups] backup at quit failed:', e))
        .finally(() => {
          void (core.clinicServer?.stop() ?? Promise.resolve())
            .catch((e: unknown) => console.error('[server] stopping the clinic server failed:', e))
            .finally(() => {
              bridge.close();
              core.closeVault();
              app.quit();
            });
        });
    });
    app.on('window-all-closed', () => app.quit());
  });
}
