import { describe, expect, it } from 'vitest';
import {
  chooseDisplays,
  isBlockedKioskInput,
  isNavigationAllowed,
  isOperatorExitAllowed,
  isPermissionGranted,
  launchMode,
  sessionCheckUrl,
  windowOptions,
  type KeyInput,
} from './policies';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const beamer = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
const tv = { id: 3, bounds: { x: 3200, y: 0, width: 3840, height: 2160 } };

describe('window options', () => {
  it('every window is isolated, sandboxed, without Node and without devtools', () => {
    for (const kind of ['kiosk', 'projector', 'console'] as const) {
      const prefs = windowOptions(kind, laptop, true, '/p.js').webPreferences;
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: false,
      });
    }
  });
  it('the console opens as a normal window, never in kiosk mode', () => {
    expect(windowOptions('console', laptop, false, '/p.js')).toMatchObject({
      kiosk: false,
      fullscreen: false,
      title: 'De Ideale Ambtenaar: console',
    });
  });
  it('the kiosk is a kiosk window; the projector is full screen only on its own display', () => {
    expect(windowOptions('kiosk', laptop, true, '/p.js')).toMatchObject({ kiosk: true, fullscreen: true });
    expect(windowOptions('projector', beamer, true, '/p.js')).toMatchObject({
      kiosk: false,
      fullscreen: true,
      x: 1920,
      width: 1280,
    });
    expect(windowOptions('projector', laptop, false, '/p.js')).toMatchObject({
      fullscreen: false,
      width: 1280,
      height: 720,
    });
  });
});

describe('display choice', () => {
  it('one display: kiosk full screen there, projector in a normal window', () => {
    expect(chooseDisplays([laptop], 1)).toEqual({ kiosk: laptop, projector: laptop, projectorFullScreen: false });
  });
  it('a second display takes the projector', () => {
    expect(chooseDisplays([laptop, beamer], 1)).toEqual({
      kiosk: laptop,
      projector: beamer,
      projectorFullScreen: true,
    });
  });
  it('the remembered display wins when it is still there, and is ignored when it is gone', () => {
    expect(chooseDisplays([laptop, beamer, tv], 1, 3).projector).toBe(tv);
    expect(chooseDisplays([laptop, beamer], 1, 3).projector).toBe(beamer);
  });
  it('no display is a clear error', () => {
    expect(() => chooseDisplays([], 1)).toThrow('no display connected');
  });
});

describe('navigation', () => {
  const page = 'http://127.0.0.1:5780/kiosk';
  it.each([
    ['http://127.0.0.1:5780/kiosk', true],
    ['http://127.0.0.1:5780/kiosk/', true],
    ['http://127.0.0.1:5780/kiosk?idle=30', true],
    ['http://127.0.0.1:5780/admin', false],
    ['http://127.0.0.1:5781/kiosk', false],
    ['https://example.org/kiosk', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (target, allowed) => {
    expect(isNavigationAllowed(target, page)).toBe(allowed);
  });
});

describe('kiosk shortcuts', () => {
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    type: 'keyDown',
    key: k,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  });
  it.each([
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Cmd+Q', key('q', { meta: true })],
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl++', key('+', { control: true })],
    ['Ctrl+-', key('-', { control: true })],
    ['Alt+Left', key('ArrowLeft', { alt: true })],
  ])('swallows %s', (_name, input) => expect(isBlockedKioskInput(input)).toBe(true));
  it.each([
    ['Tab', key('Tab')],
    ['Enter', key('Enter')],
    ['Space', key(' ')],
    ['a letter', key('a')],
    ['an arrow', key('ArrowDown')],
    ['a key release', { ...key('F5'), type: 'keyUp' }],
  ])('lets %s through', (_name, input) => expect(isBlockedKioskInput(input)).toBe(false));
});

it('denies every permission request', () => {
  for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
    expect(isPermissionGranted(p)).toBe(false);
});

describe('operator exit', () => {
  const kiosk = 'http://127.0.0.1:5780/kiosk';
  const valid = (t: string) => t === 'a'.repeat(43);
  it('is honoured from the kiosk page with a valid session token', () => {
    expect(isOperatorExitAllowed('http://127.0.0.1:5780/kiosk', kiosk, 'a'.repeat(43), valid)).toBe(true);
  });
  it.each([
    ['another page', 'http://127.0.0.1:5780/projector', 'a'.repeat(43)],
    ['another origin', 'http://evil.example/kiosk', 'a'.repeat(43)],
    ['a wrong token', kiosk, 'b'.repeat(43)],
    ['no token', kiosk, undefined],
    ['a token that is not a string', kiosk, { toString: () => 'a'.repeat(43) }],
  ])('is refused from %s', (_name, sender, token) => {
    expect(isOperatorExitAllowed(sender, kiosk, token, valid)).toBe(false);
  });
});

describe('launch mode', () => {
  it('starts its own hub unless told to connect', () => {
    expect(launchMode([])).toEqual({ kind: 'hub' });
    expect(launchMode(['--inspect'])).toEqual({ kind: 'hub' });
  });

  it('connects to the page of a pairing address, in either flag form', () => {
    const expected = {
      kind: 'connect',
      page: 'projector',
      pairingUrl: 'http://192.168.1.20:5781/projector/?join=ABCDEFGHJKMN',
      pageUrl: 'http://192.168.1.20:5781/projector/',
    };
    expect(launchMode(['--connect', 'http://192.168.1.20:5781/projector/?join=ABCDEFGHJKMN'])).toEqual(expected);
    expect(launchMode(['--connect=http://192.168.1.20:5781/projector?join=abcd-efgh-jkmn&x=1'])).toEqual(expected);
    expect(launchMode(['--connect', 'http://10.0.0.5:5781/kiosk/?join=ABCDEFGHJKMN'])).toMatchObject({
      page: 'kiosk',
    });
  });

  it('refuses what is not a pairing address, with the reason', () => {
    for (const [argv, reason] of [
      [['--connect'], /needs the pairing address/],
      [['--connect', 'zomaar'], /not an address/],
      [['--connect', 'file:///etc/passwd?join=ABCDEFGHJKMN'], /http/],
      [['--connect', 'http://10.0.0.5:5781/admin/?join=ABCDEFGHJKMN'], /kiosk.*projector/],
      [['--connect', 'http://10.0.0.5:5781/kiosk/'], /join code/],
      [['--connect', 'http://10.0.0.5:5781/kiosk/?join=SHORT'], /join code/],
    ] as const) {
      const mode = launchMode(argv);
      expect(mode.kind).toBe('invalid');
      expect(mode.kind === 'invalid' && mode.reason).toMatch(reason);
    }
  });

  it('lets the connected window follow the pairing redirect, and nowhere else', () => {
    const mode = launchMode(['--connect', 'http://10.0.0.5:5781/kiosk/?join=ABCDEFGHJKMN']);
    if (mode.kind !== 'connect') throw new Error('expected connect mode');
    expect(isNavigationAllowed('http://10.0.0.5:5781/kiosk/', mode.pageUrl)).toBe(true);
    expect(isNavigationAllowed('http://10.0.0.5:5781/admin', mode.pageUrl)).toBe(false);
    expect(isNavigationAllowed('http://10.0.0.6:5781/kiosk/', mode.pageUrl)).toBe(false);
  });

  it('asks the same hub, with the same join code, whether the operator may leave', () => {
    const mode = launchMode(['--connect', 'http://10.0.0.5:5781/kiosk/?join=abcd-efgh-jkmn']);
    if (mode.kind !== 'connect') throw new Error('expected connect mode');
    expect(sessionCheckUrl(mode.pairingUrl)).toBe('http://10.0.0.5:5781/session-check?join=ABCDEFGHJKMN');
  });
});
