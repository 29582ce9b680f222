import { type BrowserWindow, dialog } from 'electron';

/** The set-up wizard's "Choose…" button: a native folder picker. */
export async function chooseVaultFolder(win: BrowserWindow | null): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'], title: 'ConsentVault' };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Where to save an evidence pack: a native save dialog with the suggested file name. */
export async function chooseSavePack(win: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'ConsentVault',
    defaultPath: suggestedName,
    filters: [{ name: 'ZIP', extensions: ['zip'] }],
    properties: ['createDirectory'],
  };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled ? null : (result.filePath ?? null);
}

/** An evidence pack to verify: a native open dialog for .zip files. */
export async function chooseOpenPack(win: BrowserWindow | null): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { title: 'ConsentVault', properties: ['openFile'], filters: [{ name: 'ZIP', extensions: ['zip'] }] };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
