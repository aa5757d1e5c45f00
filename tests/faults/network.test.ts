import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import type { RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, startLanTestHub, tempDataDir, TEST_LAN_HOST, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
/** Long form: more idle sockets and more hellos. */
const LONG = Number(process.env.FAULT_CASES ?? 0) > 1000;
const IDLE_SOCKETS = LONG ? 1000 : 400;
const IDLE_MS = 2000;
const LAN_HOST = TEST_LAN_HOST;
const HUB_JS = join(__dirname, '../../out/main/hub.js');

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;
beforeEach(async () => {
  data = tempDataDir();
  hub = await startLanTestHub(data.dir, {
    lanLimits: { idleTimeoutMs: IDLE_MS, headersTimeoutMs: IDLE_MS, requestTimeoutMs: 2 * IDLE_MS },
  });
});
afterEach(async () => {
  await hub.close();
  data.remove();
});

const lanPort = (): number => hub.context.lan.status().port;
const paired = (): Record<string, string> => ({ cookie: `ideale-join=${hub.context.lan.status().code ?? ''}` });

/**
 * Raw TCP sockets that connect and then say nothing (or only `send`). Each records how long it lived after its own
 * connect (refused ones die at once, idle ones at the timeout), and how long after the start it was closed.
 */
async function idleSockets(
  port: number,
  n: number,
  send = '',
): Promise<{ sockets: Socket[]; lived: number[]; closedAfter: number[] }> {
  const started = Date.now();
  const lived: number[] = [];
  const closedAfter: number[] = [];
  const sockets = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Socket>((resolve) => {
          const socket = connect(port, LAN_HOST);
          let connectedAt = Date.now();
          socket.on('error', () => undefined);
          socket.on('close', () => (lived.push(Date.now() - connectedAt), closedAfter.push(Date.now() - started)));
          socket.on('data', () => undefined);
          socket.once('connect', () => ((connectedAt = Date.now()), send && socket.write(send), resolve(socket)));
          socket.once('close', () => resolve(socket));
        }),
    ),
  );
  return { sockets, lived, closedAfter };
}

/** The hub's own computer is still served: /healthz and a kiosk that gets its answer acknowledged. */
async function localStillServes(url: string): Promise<void> {
  const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3000) });
  expect(health.status).toBe(200);
  const kiosk = await TestClient.connect(url, 'kiosk');
  const response = makeResponse(instrument);
  kiosk.send({ type: 'submit', response });
  await kiosk.waitFor((m) => m.type === 'ack' && m.id === response.id, 0, 3000);
  kiosk.close();
}

describe('idle connections on the network port', () => {
  it(`${IDLE_SOCKETS} idle TCP connections without the join code: the hub's own computer is still served; all are closed within the idle timeout`, async () => {
    // A paired kiosk's WebSocket is no idle connection: it must outlive the timeout.
    const tablet = await TestClient.connect(`http://${LAN_HOST}:${lanPort()}`, 'kiosk', paired());
    // One that sends half a request first, then the idle crowd: both kinds must time out.
    const halfSent = await idleSockets(lanPort(), 1, 'GET /kiosk HTTP/1.1\r\nHost: x\r\n');
    const { sockets, lived, closedAfter } = await idleSockets(lanPort(), IDLE_SOCKETS);
    await localStillServes(hub.url);
    await expect
      .poll(() => closedAfter.length + halfSent.closedAfter.length, { timeout: 6 * IDLE_MS })
      .toBe(IDLE_SOCKETS + 1);
    // A refused socket dies before any timeout could have closed it; a timed-out one lives at least IDLE_MS.
    const refusedAtOnce = lived.filter((t) => t < IDLE_MS).length;
    const slowest = Math.max(...lived, ...halfSent.lived);
    console.log(
      `idle-sockets: ${IDLE_SOCKETS} idle + 1 half-sent from one address: ${refusedAtOnce} refused at once, ` +
        `the rest closed at most ${slowest} ms after connecting, all within ${Math.max(...closedAfter)} ms (idle timeout ${IDLE_MS} ms); local /healthz and kiosk served`,
    );
    expect(refusedAtOnce).toBeGreaterThanOrEqual(IDLE_SOCKETS - 32);
    expect(slowest).toBeLessThan(4 * IDLE_MS);
    const response = makeResponse(instrument);
    tablet.send({ type: 'submit', response });
    await tablet.waitFor((m) => m.type === 'ack' && m.id === response.id);
    tablet.close();
    sockets.forEach((s) => s.destroy());
  }, 30_000);

  it('the built hub with 256 file handles: 400 idle connections do not starve the local kiosk or /healthz', async () => {
    const child = spawn(
      'prlimit',
      ['--nofile=256:256', process.execPath, HUB_JS, '--data', data.dir, '--port', '0'].concat([
        '--lan',
        '--lan-port',
        '0',
        '--lan-host',
        LAN_HOST,
      ]),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const ports = await new Promise<{ local: number; lan: number }>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const local = /Hub on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
          const lan = /Network mode on port (\d+)/.exec(out);
          if (local && lan) resolve({ local: Number(local[1]), lan: Number(lan[1]) });
        });
        child.once('exit', (code) => reject(new Error(`hub exited ${code}: ${out}`)));
      });
      const { sockets } = await idleSockets(ports.lan, 400);
      await localStillServes(`http://127.0.0.1:${ports.local}`);
      console.log('fd-limit: 400 idle connections against a 256-handle hub; local /healthz and kiosk served');
      sockets.forEach((s) => s.destroy());
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);
});

describe('the Host header on the network port', () => {
  /** The raw response head for a request with this Host header (a raw socket: no client tidies the header up). */
  const head = (path: string, host: string, cookie = ''): Promise<string> =>
    new Promise((resolve, reject) => {
      const socket = connect(lanPort(), LAN_HOST);
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
      socket.on('error', reject);
      socket.on('close', () => resolve(text.split('\r\n\r\n')[0] ?? ''));
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}Connection: close\r\n\r\n`,
      );
    });

  it('never reaches the Content-Security-Policy unfiltered', async () => {
    const hostile = [
      "evil; script-src * 'unsafe-inline'; connect-src *",
      'x:1 https://evil.example',
      '127.0.0.2:1; default-src *',
      'a\tb',
    ];
    const cookie = paired().cookie!;
    let tried = 0;
    for (const host of hostile)
      for (const [path, withCookie] of [
        ['/kiosk/', true],
        ['/kiosk/', false],
        ['/?join=x', false],
      ] as const) {
        const text = await head(path, host, withCookie ? cookie : '');
        tried += 1;
        const csp = /content-security-policy: (.*)/i.exec(text)?.[1] ?? '';
        if (csp) {
          expect(csp, host).not.toContain('evil');
          expect(
            csp.split(';').map((d) => d.trim().split(' ')[0]),
            host,
          ).toEqual([...new Set(csp.split(';').map((d) => d.trim().split(' ')[0]))]);
          expect(csp, host).not.toMatch(/\*/);
        }
      }
    const good = await head('/kiosk/', `${LAN_HOST}:${lanPort()}`, cookie);
    expect(good).toContain(`connect-src 'self' ws://${LAN_HOST}:${lanPort()}`);
    console.log(`csp-host: ${tried} requests with a hostile Host header, none copied into the policy`);
  });
});

type Status = Extract<HubMessage, { type: 'status' }>['status'];
async function statusOf(console_: TestClient, token: string): Promise<Status> {
  const from = console_.messages.length;
  console_.send({ type: 'admin', token, action: { kind: 'status' } });
  return ((await console_.waitFor((m) => m.type === 'status', from)) as Extract<HubMessage, { type: 'status' }>).status;
}

describe('the device list', () => {
  it('a network peer cannot take over a local entry, and a hello flood keeps the console status small', async () => {
    const console_ = await TestClient.connect(hub.url);
    console_.send({ type: 'hello', role: 'admin', device: 'console-device-1' });
    await console_.waitFor((m) => m.type === 'welcome');
    const token = await loginAsOrganiser(console_);
    const intruder = await TestClient.connect(`http://${LAN_HOST}:${lanPort()}`, undefined, paired());
    intruder.send({ type: 'hello', role: 'kiosk', device: 'console-device-1' });
    await intruder.waitFor((m) => m.type === 'welcome');
    intruder.send({ type: 'outbox', pending: 99999, refused: 0 });
    const before = (await statusOf(console_, token)).devices.filter((d) => d.device === 'console-device-1');
    expect(before.find((d) => d.via === 'local')).toMatchObject({ role: 'admin', connected: true, pending: null });
    expect(before.find((d) => d.via === 'lan')).toMatchObject({ role: 'kiosk', connected: true, pending: 99999 });

    // Hellos from more sockets than the list holds, each with new device names, on both listeners; half of them
    // gone again before the flood, so the list has both kinds to choose from.
    const HELLOS = LONG ? 10_000 : 4350;
    const lanSockets = await Promise.all(
      Array.from({ length: 20 }, () => TestClient.connect(`http://${LAN_HOST}:${lanPort()}`, undefined, paired())),
    );
    const localSockets = await Promise.all(Array.from({ length: 100 }, () => TestClient.connect(hub.url)));
    for (const [i, socket] of localSockets.slice(0, 60).entries()) {
      socket.send({ type: 'hello', role: 'kiosk', device: `gone-device-${i}` });
      await socket.waitFor((m) => m.type === 'welcome');
      socket.close();
    }
    localSockets.splice(0, 60);
    await expect.poll(() => hub.context.peers.size).toBe(2 + lanSockets.length + localSockets.length);
    const flooders = [...lanSockets, ...localSockets];
    const started = Date.now();
    // Rounds of 90 per socket: under its message burst, so the flood is not simply closed for its rate.
    let sent = 0;
    while (sent < HELLOS) {
      for (let k = 0; k < 90 && sent < HELLOS; k++)
        for (const socket of flooders.slice(0, HELLOS - sent)) {
          socket.send({ type: 'hello', role: sent % 2 ? 'kiosk' : 'projector', device: `flood-device-${sent}` });
          sent += 1;
        }
      if (sent < HELLOS) await new Promise((r) => setTimeout(r, 2000));
    }
    await new Promise((r) => setTimeout(r, 500));
    const status = await statusOf(console_, token);
    const size = JSON.stringify(status).length;
    const own = status.devices.filter((d) => d.device === 'console-device-1');
    console.log(
      `device-list: ${HELLOS} hellos over ${flooders.length} sockets in ${Date.now() - started} ms: ` +
        `${status.devices.length} devices listed, status ${size} bytes; local console entry ${JSON.stringify(own.find((d) => d.via === 'local'))}`,
    );
    expect(own.find((d) => d.via === 'local')).toMatchObject({
      role: 'admin',
      via: 'local',
      connected: true,
      pending: null,
    });
    expect(status.devices.length).toBe(64);
    // 62 connected (the console, the intruder, 60 flooders) and 60 gone did not fit: only gone ones made room.
    expect(status.devices.filter((d) => d.connected)).toHaveLength(62);
    expect(size).toBeLessThan(20_000);
    for (const c of [console_, intruder, ...flooders]) c.close();
  }, 60_000);
});
