import { JOIN_PARAM, normalizeJoinCode, PAIRABLE_PAGES, type PairablePage } from '../core/lan';

/**
 * The Electron shell's decisions as pure functions, so they are unit-tested without Electron.
 * Types here mirror the few Electron fields they use.
 */

export type WindowKind = 'kiosk' | 'projector' | 'console';

export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/** The options every window gets: no privileges in the renderer, ever. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    devTools: false,
    // Middle-click would open links in new windows outside the navigation rules.
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

/** BrowserWindow options for a window on a display. `fullScreen` is false only for a projector without its own display. */
export function windowOptions(kind: WindowKind, display: DisplayInfo, fullScreen: boolean, preload: string) {
  const { x, y, width, height } = display.bounds;
  return {
    x,
    y,
    width: fullScreen ? width : Math.min(1280, width),
    height: fullScreen ? height : Math.min(720, height),
    show: false,
    backgroundColor: '#0b1020',
    autoHideMenuBar: true,
    fullscreen: fullScreen,
    kiosk: kind === 'kiosk',
    title: {
      kiosk: 'De Ideale Ambtenaar',
      projector: 'De Ideale Ambtenaar: projectie',
      console: 'De Ideale Ambtenaar: console',
    }[kind],
    webPreferences: secureWebPreferences(preload),
  };
}

/**
 * The kiosk goes on the primary display (the touch screen). The projector goes on the remembered display if it is
 * still connected, else on the first other display; with one display it gets a normal window.
 */
export function chooseDisplays(
  displays: readonly DisplayInfo[],
  primaryId: number,
  rememberedProjectorId?: number,
): { kiosk: DisplayInfo; projector: DisplayInfo; projectorFullScreen: boolean } {
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!primary) throw new Error('no display connected');
  const others = displays.filter((d) => d.id !== primary.id);
  const remembered = others.find((d) => d.id === rememberedProjectorId);
  const external = remembered ?? others[0];
  return external
    ? { kiosk: primary, projector: external, projectorFullScreen: true }
    : { kiosk: primary, projector: primary, projectorFullScreen: false };
}

/** A window may only show its own page on the hub: same origin and the same path. Everything else is denied. */
export function isNavigationAllowed(target: string, allowedPage: string): boolean {
  let to: URL;
  let page: URL;
  try {
    to = new URL(target);
    page = new URL(allowedPage);
  } catch {
    return false;
  }
  return to.origin === page.origin && to.pathname.replace(/\/$/, '') === page.pathname.replace(/\/$/, '');
}

/** The part of Electron's `Input` the shortcut policy reads. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/**
 * Keys the kiosk swallows: reload, close, quit, zoom, full-screen toggle, devtools, print, find, history.
 * Letters, digits, Tab, Enter, Space and arrows stay, so the kiosk works with a keyboard.
 */
export function isBlockedKioskInput(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (/^F([1-9]|1[0-2])$/.test(key)) return true;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if (key === 'BrowserBack' || key === 'BrowserForward' || key === 'BrowserRefresh' || key === 'BrowserHome')
    return true;
  const mod = input.control || input.meta;
  if (
    mod &&
    ['r', 'w', 'q', 'n', 't', 'p', 'f', 'g', 'o', 's', 'u', 'j', 'h', 'l', '+', '=', '-', '0', 'i'].includes(key)
  )
    return true;
  if (mod && input.shift && ['i', 'j', 'c', 'delete'].includes(key)) return true;
  return false;
}

/** Every permission request (camera, microphone, geolocation, notifications…) is denied. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/**
 * The operator exit is honoured only from the kiosk page of this hub, with a session token that the organiser's PIN
 * opened. Anything else (another page, a forged frame, no token) is refused.
 */
export function isOperatorExitAllowed(
  senderUrl: string,
  kioskUrl: string,
  token: unknown,
  isValid: (token: string) => boolean,
): boolean {
  if (!isNavigationAllowed(senderUrl, kioskUrl)) return false;
  return typeof token === 'string' && token.length >= 20 && token.length <= 100 && isValid(token);
}

/** How the app was started: with its own hub (the stand computer), or as a screen of a hub elsewhere on the network. */
export type LaunchMode =
  | { kind: 'hub' }
  | { kind: 'connect'; page: PairablePage; pairingUrl: string; pageUrl: string }
  | { kind: 'invalid'; reason: string };

/**
 * `--connect <pairing address>` (or `--connect=…`): the address from the hub console's QR code, for the kiosk or the
 * projection. The app then opens only that page, from that hub, and starts no hub of its own.
 */
export function launchMode(argv: readonly string[]): LaunchMode {
  const index = argv.findIndex((a) => a === '--connect' || a.startsWith('--connect='));
  if (index === -1) return { kind: 'hub' };
  const flag = argv[index] ?? '';
  const value = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : argv[index + 1];
  if (!value) return { kind: 'invalid', reason: '--connect needs the pairing address from the hub console' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: 'invalid', reason: `"${value}" is not an address` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { kind: 'invalid', reason: 'the pairing address starts with http://' };
  const page = PAIRABLE_PAGES.find((p) => url.pathname.replace(/\/$/, '') === `/${p}`);
  if (!page) return { kind: 'invalid', reason: 'the pairing address opens /kiosk/ or /projector/' };
  const code = normalizeJoinCode(url.searchParams.get(JOIN_PARAM) ?? '');
  if (!code) return { kind: 'invalid', reason: 'the pairing address has no valid join code' };
  return {
    kind: 'connect',
    page,
    pairingUrl: `${url.origin}/${page}/?${JOIN_PARAM}=${code}`,
    pageUrl: `${url.origin}/${page}/`,
  };
}

/** Where a connected kiosk asks its hub whether a session is the organiser's: same hub, same join code. */
export function sessionCheckUrl(pairingUrl: string): string {
  const url = new URL(pairingUrl);
  return `${url.origin}/session-check?${JOIN_PARAM}=${url.searchParams.get(JOIN_PARAM) ?? ''}`;
}
