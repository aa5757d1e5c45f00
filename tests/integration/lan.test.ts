import { createServer } from 'node:net';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import { JOIN_COOKIE } from '../../src/hub/net/lanGate';
import { startHub, type RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, PAGES_DIR, tempDataDir, TestClient } from '../support/hub';
import { INSTRUMENTS_DIR, shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

/** Network mode binds a loopback address of its own here, so the test needs no real network. */
const LAN_HOST = '127.0.0.2';
const instrument = shippedInstrument('ideale-ambtenaar');

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;
const start = (options: { lan?: boolean; lanPort?: number } = {}): Promise<RunningHub> =>
  startHub({
    dataDir: data.dir,
    port: 0,
    lanPort: options.lanPort ?? 0,
    lanHost: LAN_HOST,
    lan: options.lan,
    pagesDir: PAGES_DIR,
    instrumentsDir: INSTRUMENTS_DIR,
  });

beforeEach(() => {
  data = tempDataDir();
});
afterEach(async () => {
  await hub.close();
  data.remove();
});

function lanUrl(): string {
  const lan = hub.context.lan.status();
  if (!lan.listening) throw new Error('network mode is not listening');
  return `http://${LAN_HOST}:${lan.port}`;
}
const code = (): string => hub.context.lan.status().code ?? '';
const cookie = (value = code()): Record<string, string> => ({ cookie: `${JOIN_COOKIE}=${value}` });

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(url: string, headers: Record<string, string> = {}, query = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/ws${query}`, { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

const isError = (m: HubMessage): m is Extract<HubMessage, { type: 'error' }> => m.type === 'error';

describe('network mode', () => {
  it('is off by default: nothing listens but the loopback hub', async () => {
    hub = await start();
    const lan = hub.context.lan.status();
    expect(lan).toMatchObject({ enabled: false, listening: false, code: null });
    expect(await upgradeStatus(hub.url)).toBe(101);
  });

  it('lets nothing in without the join code, and pairs a browser that opens the pairing address', async () => {
    hub = await start({ lan: true });
    const base = lanUrl();

    for (const path of ['/kiosk/', '/projector/', '/assets/x.js', '/kiosk/?join=ABCDEFGHJKMN']) {
      const res = await fetch(base + path, { redirect: 'manual' });
      expect(res.status, path).toBe(401);
      expect(await res.text()).toContain('nog niet gekoppeld');
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // A laptop without a camera: the refusal page has a form for the code, and says when a typed code is wrong.
    const form = await (await fetch(`${base}/`)).text();
    expect(form).toContain('<form method="get"');
    expect(form).toContain('formaction="/projector/"');
    expect(form).not.toContain('klopt niet');
    expect(await (await fetch(`${base}/projector/?join=ABCD-EFGH-JKMN`)).text()).toContain('Die koppelcode klopt niet');

    // Pairing: the code as a person types it; the hub sets the cookie and drops the code from the address bar.
    const pairing = await fetch(
      `${base}/kiosk/?join=${code()
        .toLowerCase()
        .replace(/(.{4})(?!$)/g, '$1-')}`,
      {
        redirect: 'manual',
      },
    );
    expect(pairing.status).toBe(303);
    expect(pairing.headers.get('location')).toBe('/kiosk/');
    const setCookie = pairing.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain(`${JOIN_COOKIE}=${code()}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);

    const page = await fetch(`${base}/kiosk/`, { headers: cookie() });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('opens a socket only with the code, and a paired kiosk is served like a local one', async () => {
    hub = await start({ lan: true });
    const base = lanUrl();
    expect(await upgradeStatus(base)).toBe(401);
    expect(await upgradeStatus(base, cookie('ABCDEFGHJKMN'))).toBe(401);
    expect(await upgradeStatus(base, { cookie: `${JOIN_COOKIE}=${'A'.repeat(5000)}` })).toBe(401);
    expect(await upgradeStatus(base, {}, '?join=WRONGWRONGWR')).toBe(401);
    expect(await upgradeStatus(base, {}, `?join=${code()}`)).toBe(101);

    const kiosk = await TestClient.connect(base, 'kiosk', cookie());
    const response = makeResponse(instrument);
    kiosk.send({ type: 'submit', response });
    await kiosk.waitFor((m) => m.type === 'ack' && m.id === response.id);
    expect(hub.store.count({ rehearsal: false })).toBe(1);

    const admin = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    const from = admin.messages.length;
    admin.send({ type: 'admin', token, action: { kind: 'status' } });
    const status = await admin.waitFor((m) => m.type === 'status', from);
    expect(status.type === 'status' && status.status.devices.find((d) => d.role === 'kiosk')?.via).toBe('lan');
    expect(status.type === 'status' && status.status.devices.find((d) => d.role === 'admin')?.via).toBe('local');
  });

  it('keeps the console and the export on the hub computer, PIN or not', async () => {
    hub = await start({ lan: true });
    const base = lanUrl();
    const local = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(local);

    for (const path of ['/admin', '/admin/', '/export?format=csv']) {
      const res = await fetch(base + path, { headers: { ...cookie(), Authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(403);
      expect(await res.text()).toContain('alleen op de computer van de hub');
    }

    const remote = await TestClient.connect(base, undefined, cookie());
    remote.send({ type: 'hello', role: 'admin', device: 'remote-admin-1' });
    remote.send({ type: 'login', pin: '246810' });
    remote.send({ type: 'admin', token, action: { kind: 'wipe', confirm: 'WIS' } });
    await remote.waitFor((m) => remote.messages.filter(isError).length === 3 && m.type === 'error');
    expect(remote.messages.map((m) => m.type)).toEqual(['error', 'error', 'error']);
    expect(remote.messages.filter(isError).every((m) => m.code === 'refused')).toBe(true);
  });

  it('a paired kiosk checks the PIN for its operator exit; the session opens nothing over the network', async () => {
    hub = await start({ lan: true });
    const base = lanUrl();
    const kiosk = await TestClient.connect(base, 'kiosk', cookie());
    // The first PIN is chosen on the hub's own computer, never from the network.
    kiosk.send({ type: 'login', pin: '246810' });
    expect(await kiosk.waitFor(isError)).toMatchObject({ code: 'no-pin' });
    expect(hub.context.auth.needsPin()).toBe(true);

    await loginAsOrganiser(await TestClient.connect(hub.url, 'admin'));
    const token = await loginAsOrganiser(kiosk);
    const from = kiosk.messages.length;
    kiosk.send({ type: 'admin', token, action: { kind: 'wipe', confirm: 'WIS' } });
    expect(await kiosk.waitFor(isError, from)).toMatchObject({ code: 'refused' });

    const check = (query: string, bearer: string): Promise<number> =>
      fetch(`${base}/session-check${query}`, { method: 'POST', headers: { Authorization: `Bearer ${bearer}` } }).then(
        (r) => r.status,
      );
    expect(await check(`?join=${code()}`, token)).toBe(204);
    expect(await check(`?join=${code()}`, 'x'.repeat(43))).toBe(401);
    expect(await check('', token)).toBe(401);
    expect((await fetch(`${hub.url}/session-check`)).status).toBe(405);
    expect(
      await fetch(`${hub.url}/session-check`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).then(
        (r) => r.status,
      ),
    ).toBe(204);
  });

  it('a new join code disconnects paired devices and refuses the old cookie', async () => {
    hub = await start({ lan: true });
    const base = lanUrl();
    const old = code();
    const kiosk = await TestClient.connect(base, 'kiosk', cookie());
    const admin = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    admin.send({ type: 'admin', token, action: { kind: 'lanNewCode' } });
    await admin.waitFor((m) => m.type === 'done' && m.kind === 'lanNewCode');

    await kiosk.waitFor(() => kiosk.closed !== null);
    expect(kiosk.closed?.code).toBe(4001);
    expect(code()).not.toBe(old);
    expect(await upgradeStatus(base, cookie(old))).toBe(401);
    expect(await upgradeStatus(base, cookie())).toBe(101);
  });

  it('comes back after a restart with the same code, so paired devices reconnect by themselves', async () => {
    hub = await start({ lan: true });
    const { port, code: before } = hub.context.lan.status();
    await hub.close();
    hub = await start({ lanPort: port });
    expect(hub.context.lan.status()).toMatchObject({ enabled: true, listening: true, code: before, port });
    expect(await upgradeStatus(lanUrl(), cookie())).toBe(101);
  });

  it('switched off from the console: paired devices are dropped and the port closes', async () => {
    hub = await start({ lan: true });
    const base = lanUrl();
    const projector = await TestClient.connect(base, 'projector', cookie());
    const admin = await TestClient.connect(hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    admin.send({ type: 'admin', token, action: { kind: 'lan', enabled: false } });
    await admin.waitFor((m) => m.type === 'done' && m.detail === 'lanOff');
    await projector.waitFor(() => projector.closed !== null);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect(hub.context.lan.status()).toMatchObject({ enabled: false, listening: false });
    expect(await upgradeStatus(hub.url)).toBe(101);
  });

  it('a taken port is a clear refusal shown in the console, and the hub keeps serving', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, LAN_HOST, resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      hub = await start({ lanPort: taken });
      const admin = await TestClient.connect(hub.url, 'admin');
      const token = await loginAsOrganiser(admin);
      const from = admin.messages.length;
      admin.send({ type: 'admin', token, action: { kind: 'lan', enabled: true } });
      const reply = await admin.waitFor(isError, from);
      expect(reply).toMatchObject({ code: 'refused', message: 'lanFailed' });
      expect(hub.context.lan.status()).toMatchObject({
        enabled: false,
        listening: false,
        error: 'port-in-use',
        port: taken,
      });
      expect(await upgradeStatus(hub.url)).toBe(101);
    } finally {
      blocker.close();
    }
  });
});
