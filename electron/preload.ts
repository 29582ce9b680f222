import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { LiveSignal } from '../shared/api';

// Three functions; they forward and neither validate nor add (the main process does both).
contextBridge.exposeInMainWorld('consentVault', {
  call: (channel: string, input: unknown) => ipcRenderer.invoke('api', channel, input),
  // A photo file's bytes (ArrayBuffer crosses IPC by structured clone, with no base64 or JSON around it).
  upload: (bytes: ArrayBuffer) => ipcRenderer.invoke('upload', bytes),
  // What other seats change (issue 14), pushed by the main process; answers a function that stops listening.
  onLive: (listener: (signal: LiveSignal) => void) => {
    const forward = (_event: IpcRendererEvent, signal: LiveSignal) => listener(signal);
    ipcRenderer.on('live', forward);
    return () => void ipcRenderer.removeListener('live', forward);
  },
});
