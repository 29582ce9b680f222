import { contextBridge, ipcRenderer } from 'electron';

// Two functions; they forward and neither validate nor add (the main process does both).
contextBridge.exposeInMainWorld('consentVault', {
  call: (channel: string, input: unknown) => ipcRenderer.invoke('api', channel, input),
  // A photo file's bytes (ArrayBuffer crosses IPC by structured clone, with no base64 or JSON around it).
  upload: (bytes: ArrayBuffer) => ipcRenderer.invoke('upload', bytes),
});
