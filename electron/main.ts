import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu } from 'electron';
import { AppCore, fileConfigStore } from './app-core';
import { createRouter } from './router';
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
    });
    const router = createRouter(core, { checkOutput: !app.isPackaged });
    hardenSessions();
    serveRenderer(path.join(distDir, 'renderer'));
    ipcMain.handle('api', (event, channel: unknown, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } };
      }
      return router.call(channel, input);
    });
    if (app.isPackaged) Menu.setApplicationMenu(null);
    mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'));
    mainWindow.on('closed', () => (mainWindow = null));
    app.on('before-quit', () => core.closeVault());
    app.on('window-all-closed', () => app.quit());
  });
}
