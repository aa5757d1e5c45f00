import { join } from 'node:path';
import { app, BrowserWindow, powerSaveBlocker, screen, session } from 'electron';
import { DEFAULT_PORT, startHub, type RunningHub } from '../hub/server';
import {
  chooseDisplays,
  isBlockedKioskInput,
  isNavigationAllowed,
  isPermissionGranted,
  windowOptions,
  type WindowKind,
} from './policies';

declare const __APP_VERSION__: string;

/** Thin shell: start the hub, open the kiosk and projector windows on it, keep them locked and awake. */
let hub: RunningHub | null = null;
const windows = new Map<WindowKind, BrowserWindow>();

function openWindow(
  kind: WindowKind,
  url: string,
  display: Parameters<typeof windowOptions>[1],
  fullScreen: boolean,
): void {
  const win = new BrowserWindow(windowOptions(kind, display, fullScreen, join(__dirname, '../preload/index.js')));
  const contents = win.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, target) => {
    if (!isNavigationAllowed(target, url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, target) => {
    if (!isNavigationAllowed(target, url)) event.preventDefault();
  });
  if (kind === 'kiosk') {
    contents.on('before-input-event', (event, input) => {
      if (isBlockedKioskInput(input)) event.preventDefault();
    });
    contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  }
  contents.on('render-process-gone', () => setTimeout(() => !win.isDestroyed() && win.loadURL(url), 1000));
  win.on('unresponsive', () => setTimeout(() => !win.isDestroyed() && contents.reload(), 5000));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  windows.set(kind, win);
}

async function ready(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  hub = await startHub({
    dataDir: join(app.getPath('userData'), 'data'),
    port: Number(process.env.IDEALE_PORT ?? DEFAULT_PORT),
    pagesDir: join(__dirname, '../renderer'),
    instrumentsDir: app.isPackaged
      ? join(process.resourcesPath, 'assets/instruments')
      : join(__dirname, '../../assets/instruments'),
    appVersion: __APP_VERSION__,
    log: (line) => console.log(line),
  });
  const displays = screen.getAllDisplays();
  const choice = chooseDisplays(displays, screen.getPrimaryDisplay().id);
  openWindow('kiosk', `${hub.url}/kiosk`, choice.kiosk, true);
  openWindow('projector', `${hub.url}/projector`, choice.projector, choice.projectorFullScreen);
  powerSaveBlocker.start('prevent-display-sleep');
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
app.on('window-all-closed', () => {
  void hub?.close().finally(() => app.quit());
});
if (!app.requestSingleInstanceLock()) app.quit();
else
  app
    .whenReady()
    .then(ready)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
