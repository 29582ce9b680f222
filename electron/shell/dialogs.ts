import { type BrowserWindow, dialog } from 'electron';

/** The set-up wizard's "Choose…" button: a native folder picker. */
export async function chooseVaultFolder(win: BrowserWindow | null): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'], title: 'ConsentVault' };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
