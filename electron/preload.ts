import { contextBridge, ipcRenderer } from 'electron';

// Exactly one function; it forwards and neither validates nor adds (the main process does both).
contextBridge.exposeInMainWorld('consentVault', {
  call: (channel: string, input: unknown) => ipcRenderer.invoke('api', channel, input),
});
