import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, powerSaveBlocker, screen, session } from 'electron';
import { version as sqliteVersion } from 'better-sqlite3/package.json';
import { DEFAULT_PORT, startHub, type RunningHub } from '../hub/server';
import { chooseSqliteBinding } from './nativeBinding';
import { startAtLogin } from './startAtLogin';
import {
  chooseDisplays,
  isBlockedKioskInput,
  isNavigationAllowed,
  isOperatorExitAllowed,
  isPermissionGranted,
  launchMode,
  sessionCheckUrl,
  windowOptions,
  type DisplayInfo,
  type WindowKind,
} from './policies';

declare const __APP_VERSION__: string;

/** Thin shell: start the hub, open the kiosk and projector windows on it, keep them locked, awake and placed. */
let hub: RunningHub | null = null;
const windows = new Map<WindowKind, BrowserWindow>();
const displayFile = (): string => join(app.getPath('userData'), 'projector-display.json');

function rememberedDisplay(): number | undefined {
  try {
    return (JSON.parse(readFileSync(displayFile(), 'utf8')) as { id?: number }).id;
  } catch {
    return undefined;
  }
}

/** Opens `url`; the window may then only show `page` (the same address unless a pairing redirect leads there). */
function openWindow(
  kind: WindowKind,
  url: string,
  display: DisplayInfo,
  fullScreen: boolean,
  page = url,
): BrowserWindow {
  const win = new BrowserWindow(windowOptions(kind, display, fullScreen, join(__dirname, '../preload/index.js')));
  const contents = win.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, target) => {
    if (!isNavigationAllowed(target, page)) event.preventDefault();
  });
  contents.on('will-redirect', (event, target) => {
    if (!isNavigationAllowed(target, page)) event.preventDefault();
  });
  if (kind === 'kiosk') {
    contents.on('before-input-event', (event, input) => {
      if (isBlockedKioskInput(input)) event.preventDefault();
    });
    contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  }
  // A crashed or hung page comes back to its own screen by itself.
  contents.on('render-process-gone', () => setTimeout(() => !win.isDestroyed() && void win.loadURL(url), 1000));
  win.on('unresponsive', () => setTimeout(() => !win.isDestroyed() && contents.reload(), 5000));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  windows.set(kind, win);
  return win;
}

/** Leaves kiosk mode and opens the organiser's console in a normal window on the primary display. */
function openConsole(hubUrl: string): void {
  const kiosk = windows.get('kiosk');
  if (kiosk && !kiosk.isDestroyed()) kiosk.setKiosk(false);
  const existing = windows.get('console');
  if (existing && !existing.isDestroyed()) {
    existing.focus();
    return;
  }
  const primary = screen.getPrimaryDisplay();
  openWindow('console', `${hubUrl}/admin`, primary, false);
}

/** Puts the projector on the external display (remembered if still there), or in a window on the primary one. */
function placeProjector(): void {
  const win = windows.get('projector');
  if (!win || win.isDestroyed()) return;
  const choice = chooseDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id, rememberedDisplay());
  win.setFullScreen(false);
  win.setBounds(windowOptions('projector', choice.projector, choice.projectorFullScreen, ''));
  if (choice.projectorFullScreen) win.setFullScreen(true);
}

/** Keeps the projector's display remembered and follows displays coming and going; keeps the screens awake. */
function keepScreens(projector: BrowserWindow | undefined): void {
  projector?.on('moved', () => {
    const display = screen.getDisplayMatching(projector.getBounds());
    if (display.id !== screen.getPrimaryDisplay().id) writeFileSync(displayFile(), JSON.stringify({ id: display.id }));
  });
  screen.on('display-added', placeProjector);
  screen.on('display-removed', placeProjector);
  powerSaveBlocker.start('prevent-display-sleep');
}

/** SQLite's native module for this Electron; an unpackaged app gets it from `npm start` before the first start. */
function sqliteBinding(): string | undefined {
  const choice = chooseSqliteBinding({
    electron: process.versions.electron,
    abi: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
    sqliteVersion,
    packaged: app.isPackaged,
    appRoot: app.getAppPath(),
  });
  if (choice.runtime === 'electron' && !existsSync(choice.nativeBinding))
    throw new Error(
      `SQLite for Electron is missing (${choice.nativeBinding}): start the app with npm start, which gets it`,
    );
  return choice.nativeBinding;
}

/** The stand computer: its own hub, the kiosk on the touch screen, the projector on the external display. */
async function runHub(): Promise<void> {
  hub = await startHub({
    nativeBinding: sqliteBinding(),
    host: { startAtLogin: startAtLogin() },
    dataDir: join(app.getPath('userData'), 'data'),
    port: Number(process.env.IDEALE_PORT ?? DEFAULT_PORT),
    pagesDir: join(__dirname, '../renderer'),
    instrumentsDir: app.isPackaged
      ? join(process.resourcesPath, 'assets/instruments')
      : join(__dirname, '../../assets/instruments'),
    fontsDir: app.isPackaged ? join(process.resourcesPath, 'assets/fonts') : join(__dirname, '../../assets/fonts'),
    appVersion: __APP_VERSION__,
    log: (line) => console.log(line),
  });
  const choice = chooseDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id, rememberedDisplay());
  openWindow('kiosk', `${hub.url}/kiosk`, choice.kiosk, true);
  keepScreens(openWindow('projector', `${hub.url}/projector`, choice.projector, choice.projectorFullScreen));

  // The hidden operator exit: the kiosk page sends the session its PIN opened; only then does the kiosk window
  // leave kiosk mode and the organiser's console open beside it (closing every window quits the app).
  ipcMain.handle('operator-exit', (event, token: unknown) => {
    const running = hub;
    if (!running) return false;
    const allowed = isOperatorExitAllowed(event.senderFrame?.url ?? '', `${running.url}/kiosk`, token, (t) =>
      running.context.auth.isValid(t),
    );
    if (allowed) openConsole(running.url);
    return allowed;
  });
}

/**
 * A screen of a hub elsewhere on the venue network (`--connect <pairing address>`): only that page, no hub here.
 * The operator exit asks that hub whether the PIN opened the session, then quits: there is no console on this one.
 */
function runConnected(page: 'kiosk' | 'projector', pairingUrl: string, pageUrl: string): void {
  const choice = chooseDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id, rememberedDisplay());
  if (page === 'kiosk') openWindow('kiosk', pairingUrl, choice.kiosk, true, pageUrl);
  else keepScreens(openWindow('projector', pairingUrl, choice.projector, choice.projectorFullScreen, pageUrl));
  if (page === 'kiosk') powerSaveBlocker.start('prevent-display-sleep');

  ipcMain.handle('operator-exit', async (event, token: unknown) => {
    // The shape and the sender first (no token reaches the network otherwise), then the hub's word on it.
    if (!isOperatorExitAllowed(event.senderFrame?.url ?? '', pageUrl, token, () => true)) return false;
    const res = await fetch(sessionCheckUrl(pairingUrl), {
      method: 'POST',
      headers: { Authorization: `Bearer ${String(token)}` },
    }).catch(() => null);
    if (res?.status !== 204) return false;
    app.quit();
    return true;
  });
}

async function ready(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  // Exports from the console ask where to save (a USB stick), never a silent download.
  session.defaultSession.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({ title: 'Export bewaren', defaultPath: item.getFilename() });
  });
  const mode = launchMode(process.argv);
  if (mode.kind === 'invalid') {
    dialog.showErrorBox('De Ideale Ambtenaar', `--connect: ${mode.reason}`);
    app.exit(2);
    return;
  }
  if (mode.kind === 'connect') runConnected(mode.page, mode.pairingUrl, mode.pageUrl);
  else await runHub();
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
app.on('window-all-closed', () => {
  // A screen started with --connect has no hub of its own to close.
  void (hub ? hub.close() : Promise.resolve()).finally(() => app.quit());
});
if (!app.requestSingleInstanceLock()) app.quit();
else
  app
    .whenReady()
    .then(ready)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(message);
      // Started from a shortcut there is no terminal: a data folder the app may not write must be said on screen.
      dialog.showErrorBox('De Ideale Ambtenaar', message);
      app.exit(1);
    });
