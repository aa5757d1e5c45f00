import { contextBridge, ipcRenderer } from 'electron';

/**
 * The pages talk to the hub over WebSocket like any browser would; the shell exposes one method per operation and
 * never ipcRenderer itself. The operator exit needs a session token that only the organiser's PIN opens.
 */
contextBridge.exposeInMainWorld(
  'shell',
  Object.freeze({
    kind: 'electron' as const,
    operatorExit: (token: string): Promise<boolean> => ipcRenderer.invoke('operator-exit', token) as Promise<boolean>,
  }),
);
