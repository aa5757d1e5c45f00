import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub, type RunningHub } from '../../src/hub/server';
import { PAGES_DIR, tempDataDir, TestClient } from '../support/hub';
import { INSTRUMENTS_DIR, shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
const CASES = Number(process.env.FAULT_CASES ?? 1000);
let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;
beforeEach(async () => {
  data = tempDataDir();
  hub = await startHub({
    dataDir: data.dir,
    port: 0,
    pagesDir: PAGES_DIR,
    instrumentsDir: INSTRUMENTS_DIR,
    pingIntervalMs: 300,
  });
});
afterEach(async () => {
  await hub.close();
  data.remove();
});

/** A frame that looks like a message: known types, wrong shapes, hostile keys, huge strings. */
const hostileFrame = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc
    .record({
      type: fc.constantFrom('hello', 'submit', 'outbox', 'login', 'admin', '__proto__', 'constructor'),
      role: fc.oneof(fc.constantFrom('kiosk', 'projector', 'admin', 'root'), fc.string()),
      device: fc.oneof(fc.string({ maxLength: 80 }), fc.integer()),
      response: fc.oneof(
        fc.anything(),
        fc.record({
          id: fc.uuid(),
          instrumentId: fc.constantFrom(instrument.id, 'x'),
          answers: fc.array(fc.record({ item: fc.string(), type: fc.string() })),
        }),
      ),
      pin: fc.oneof(fc.string(), fc.integer()),
      token: fc.string({ maxLength: 120 }),
      action: fc.anything(),
    })
    .map((r) => JSON.stringify(r)),
  fc.constant('{"type":"hello","__proto__":{"admin":true},"role":"kiosk","device":"abcdefgh"}'),
  fc
    .integer({ min: 1000, max: 60_000 })
    .map((n) => JSON.stringify({ type: 'submit', response: { id: 'x'.repeat(n) } })),
);

describe('message fuzz', () => {
  it(`thousands of hostile frames: a clear error each, no row written, the hub keeps serving (${CASES} cases)`, async () => {
    const attacker = await TestClient.connect(hub.url, 'kiosk');
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(hostileFrame, async (frame) => {
        const from = attacker.messages.length;
        attacker.send(frame);
        sent += 1;
        const reply = await attacker.waitFor((m) => m.type === 'error' || m.type === 'welcome', from);
        if (reply.type === 'error') expect(reply.message.length).toBeGreaterThan(2);
        // Stay under the rate limit: this is a fuzz of content, the flood has its own test.
        await new Promise((r) => setTimeout(r, 21));
      }),
      { numRuns: CASES },
    );
    expect(hub.store.count()).toBe(0);
    const kiosk = await TestClient.connect(hub.url, 'kiosk');
    kiosk.send({ type: 'submit', response: makeResponse(instrument) });
    await kiosk.waitFor((m) => m.type === 'ack');
    expect(hub.store.count()).toBe(1);
    console.log(`message-fuzz: ${sent} hostile frames, 0 rows written, hub still serving`);
    attacker.close();
    kiosk.close();
  }, 120_000);

  it('HTTP routes: random paths and methods get 4xx, never a crash or a 5xx', async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD'),
        fc.oneof(
          fc.webPath(),
          fc.constantFrom(
            '/export',
            '/export?format=../../etc',
            '/assets/../../package.json',
            '/assets/%2e%2e/x',
            '/assets/%E0%A4%A',
          ),
        ),
        async (method, path) => {
          const res = await fetch(`${hub.url}${path.startsWith('/') ? path : `/${path}`}`, { method });
          tried += 1;
          expect(res.status).toBeLessThan(500);
          if (path.includes('..') || path.includes('%2e')) expect(await res.text()).not.toContain('"dependencies"');
        },
      ),
      { numRuns: Math.min(CASES, 400) },
    );
    console.log(`http-fuzz: ${tried} requests, no 5xx`);
  }, 60_000);
});

describe('ws hardening', () => {
  it('a flood of 1,000 messages a second is closed; another kiosk is still served', async () => {
    const flood = await TestClient.connect(hub.url, 'kiosk');
    const other = await TestClient.connect(hub.url, 'kiosk');
    for (let i = 0; i < 1000 && flood.closed === null; i++) flood.send({ type: 'outbox', pending: i });
    await flood.waitFor(() => flood.closed !== null).catch(() => undefined);
    expect(flood.closed?.code).toBe(1008);
    other.send({ type: 'submit', response: makeResponse(instrument) });
    await other.waitFor((m) => m.type === 'ack');
    other.close();
  });

  it('a silent peer that never answers pings is dropped', async () => {
    const silent = new WebSocket(`${hub.url.replace('http', 'ws')}/ws`, { autoPong: false });
    const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    await new Promise((resolve) => silent.once('open', resolve));
    const started = Date.now();
    const code = await closed;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(code).toBe(1006);
    await expect.poll(() => hub.context.peers.size).toBe(0);
  });

  it('a socket with a wrong Origin or path is refused at the upgrade', async () => {
    await expect(TestClient.connect(hub.url, undefined, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    const wrongPath = new WebSocket(`${hub.url.replace('http', 'ws')}/other`);
    await expect(
      new Promise((resolve, reject) => (wrongPath.once('open', resolve), wrongPath.once('error', reject))),
    ).rejects.toThrow(/403/);
  });
});

describe('ws hardening on the venue network', () => {
  it(`missing, wrong, stale or malformed join codes never open a socket; a paired kiosk is still served (${Math.min(CASES, 500)} cases)`, async () => {
    const lanData = tempDataDir();
    const lanHub = await startHub({
      dataDir: lanData.dir,
      port: 0,
      lan: true,
      lanPort: 0,
      lanHost: '127.0.0.2',
      pagesDir: PAGES_DIR,
      instrumentsDir: INSTRUMENTS_DIR,
    });
    try {
      const { port, code } = lanHub.context.lan.status();
      const base = `ws://127.0.0.2:${port}/ws`;
      const paired = await TestClient.connect(`http://127.0.0.2:${port}`, 'kiosk', { cookie: `ideale-join=${code}` });
      const status = (url: string, headers: Record<string, string>): Promise<number> =>
        new Promise((resolve) => {
          const socket = new WebSocket(url, { headers });
          socket.once('open', () => (socket.close(), resolve(101)));
          socket.once('unexpected-response', (_req, res) => (socket.terminate(), resolve(res.statusCode ?? 0)));
          socket.once('error', () => resolve(-1));
        });
      let tried = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constant(''),
            fc.string({ maxLength: 40 }),
            fc.stringMatching(/^[0-9A-Z]{12}$/),
            fc.constant(code?.toLowerCase().split('').reverse().join('') ?? ''),
          ),
          fc.constantFrom('none', 'cookie', 'query', 'both'),
          async (guess, where) => {
            fc.pre(guess.toUpperCase().replace(/[\s-]/g, '') !== code);
            const headers: Record<string, string> =
              where === 'cookie' || where === 'both' ? { cookie: `ideale-join=${guess}` } : {};
            const query = where === 'query' || where === 'both' ? `?join=${encodeURIComponent(guess)}` : '';
            tried += 1;
            expect(await status(base + query, headers)).toBe(401);
          },
        ),
        { numRuns: Math.min(CASES, 500) },
      );
      paired.send({ type: 'submit', response: makeResponse(instrument) });
      await paired.waitFor((m) => m.type === 'ack');
      expect(lanHub.store.count()).toBe(1);
      expect([...lanHub.context.peers].filter((p) => p.via === 'lan')).toHaveLength(1);
      console.log(`join-code guesses: ${tried} refused at the upgrade, 0 sockets opened, paired kiosk still served`);
      paired.close();
    } finally {
      await lanHub.close();
      lanData.remove();
    }
  }, 60_000);
});
