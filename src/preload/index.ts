import { contextBridge } from 'electron';

/**
 * The pages talk to the hub over WebSocket like any browser would; the shell exposes only what a page cannot know
 * itself. No ipcRenderer, no Node.
 */
contextBridge.exposeInMainWorld('shell', Object.freeze({ kind: 'electron' as const }));
