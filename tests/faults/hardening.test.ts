import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import WebSocket from 'ws';
import { startHub, type RunningHub } from '../../src/hub/server';
import { PAGES_DIR, startLanTestHub, tempDataDir, TestClient } from '../support/hub';
import { INSTRUMENTS_DIR, shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
const CASES = Number(process.env.FAULT_CASES ?? 1000);
let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;
beforeEach(async () => {
  data = tempDataDir();
  // Network mode on a loopback address of its own, so the fuzz reaches its gate too.
  hub = await startLanTestHub(data.dir, { pingIntervalMs: 300 });
});
afterEach(async () => {
  await hub.close();
  data.remove();
});

/** A frame that looks like a message: known types, mixed-up shapes, hostile keys, huge strings. */
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

const TYPE_IDS = instrument.types.map((t) => t.id);
const notIn = (values: readonly string[]) => fc.string({ maxLength: 60 }).filter((v) => !values.includes(v));

/** A response broken in one way, each of which the schema or the instrument check must refuse. */
const brokenResponse = fc.oneof(
  fc
    .constantFrom('id', 'instrumentId', 'instrumentVersion', 'lang', 'answers', 'casus')
    .map((key) => ({ ...makeResponse(instrument), [key]: undefined })),
  notIn(TYPE_IDS).map((type) => {
    const r = makeResponse(instrument);
    r.answers[3] = { ...r.answers[3]!, type };
    return r;
  }),
  notIn(instrument.items.map((i) => i.id)).map((item) => {
    const r = makeResponse(instrument);
    r.answers[0] = { ...r.answers[0]!, item };
    return r;
  }),
  fc.integer({ min: 0, max: instrument.items.length - 1 }).map((n) => {
    const r = makeResponse(instrument);
    return { ...r, answers: r.answers.slice(0, n) };
  }),
  fc.constant(null).map(() => {
    const r = makeResponse(instrument);
    r.answers[1] = { ...r.answers[0]! };
    return r;
  }),
  notIn([instrument.id]).map((instrumentId) => ({ ...makeResponse(instrument), instrumentId })),
  notIn([instrument.version]).map((instrumentVersion) => ({ ...makeResponse(instrument), instrumentVersion })),
  notIn(TYPE_IDS).map((casus) => ({ ...makeResponse(instrument), casus })),
  notIn(['nl', 'en']).map((lang) => ({ ...makeResponse(instrument), lang })),
  fc.string({ minLength: 1, maxLength: 20 }).map((key) => ({ ...makeResponse(instrument), [`x${key}`]: 1 })),
  fc.anything().map((value) => ({ ...makeResponse(instrument), answers: value })),
  fc.integer({ min: 1000, max: 60_000 }).map((n) => ({ ...makeResponse(instrument), id: 'x'.repeat(n) })),
);

/** Hostile frames for each message type; every one must be refused with a clear error (or a close). */
const hostileFrames: Record<string, fc.Arbitrary<string>> = {
  hello: fc
    .record({
      type: fc.constant('hello'),
      role: fc.oneof(fc.constantFrom('root', 'ADMIN', ''), fc.string(), fc.integer()),
      device: fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.constant('ok-device-1')),
    })
    .map((f) => JSON.stringify(f)),
  submit: fc.oneof(
    brokenResponse.map((response) => JSON.stringify({ type: 'submit', response })),
    fc.anything().map((response) => JSON.stringify({ type: 'submit', response })),
  ),
  outbox: fc
    .oneof(
      fc.integer({ max: -1 }),
      fc.integer({ min: 100_001 }),
      fc.double().filter((d) => !Number.isInteger(d)),
      fc.string(),
      fc.constant(null),
    )
    .map((pending) => JSON.stringify({ type: 'outbox', pending })),
  login: fc
    .oneof(
      fc.string().filter((p) => !/^\d{4,12}$/.test(p)),
      fc.integer(),
      fc.array(fc.string()),
    )
    .map((pin) => JSON.stringify({ type: 'login', pin })),
  admin: fc
    .record({
      type: fc.constant('admin'),
      token: fc.oneof(fc.string({ maxLength: 120 }), fc.integer()),
      action: fc.oneof(
        fc.anything(),
        fc.record({ kind: fc.constantFrom('wipe', 'settings', 'rehearse', 'lan'), confirm: fc.string() }),
      ),
    })
    .map((f) => JSON.stringify(f)),
  other: fc.oneof(
    hostileFrame,
    fc.constantFrom('__proto__', 'constructor', 'toString', '').map((type) => JSON.stringify({ type })),
  ),
};

describe('message fuzz', () => {
  it(`every message type: a clear error for each hostile frame, no row written, the hub keeps serving (${CASES} cases per type)`, async () => {
    const counts = await Promise.all(
      Object.entries(hostileFrames).map(async ([type, frames]) => {
        const attacker = await TestClient.connect(hub.url, 'kiosk');
        let sent = 0;
        await fc.assert(
          fc.asyncProperty(frames, async (frame) => {
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
        attacker.close();
        return `${type} ${sent}`;
      }),
    );
    expect(hub.store.count()).toBe(0);
    expect(hub.context.auth.needsPin()).toBe(true);
    const kiosk = await TestClient.connect(hub.url, 'kiosk');
    kiosk.send({ type: 'submit', response: makeResponse(instrument) });
    await kiosk.waitFor((m) => m.type === 'ack');
    expect(hub.store.count()).toBe(1);
    console.log(`message-fuzz: hostile frames per type: ${counts.join(', ')}; 0 rows written, hub still serving`);
    kiosk.close();
  }, 300_000);

  const ROUTES = ['/', '/kiosk', '/projector/', '/admin', '/assets/', '/export', '/session-check', '/healthz', '/ws'];
  it(`every HTTP route, local and over the network: random methods, paths, queries and headers get 4xx or a page, never a 5xx or data (${CASES} cases per route)`, async () => {
    let tried = 0;
    const lanBase = `http://127.0.0.2:${hub.context.lan.status().port}`;
    for (const [base, route] of [hub.url, lanBase].flatMap((b) => ROUTES.map((r) => [b, r] as const))) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'),
          fc.oneof(
            fc.constant(''),
            fc.webPath().map((p) => p.replace(/^\/?/, '')),
            fc.constantFrom('../../package.json', '%2e%2e/x', '%E0%A4%A', '..%2f..%2fetc'),
          ),
          fc.webQueryParameters(),
          fc.record({
            authorization: fc.oneof(
              fc.constant(''),
              fc.string({ maxLength: 60 }).map((t) => `Bearer ${t}`),
            ),
            cookie: fc.oneof(
              fc.constant(''),
              fc.string({ maxLength: 60 }).map((c) => `ideale-join=${c}`),
            ),
          }),
          async (method, tail, query, rawHeaders) => {
            const headers = Object.fromEntries(
              Object.entries(rawHeaders).filter(([, v]) => v !== '' && /^[\x20-\x7e]*$/.test(v)),
            );
            const path = `${route}${route.endsWith('/') ? tail : tail ? `/${tail}` : ''}${query ? `?${query}` : ''}`;
            const res = await fetch(`${base}${path}`, { method, headers, redirect: 'manual' });
            tried += 1;
            expect(res.status, `${method} ${path}`).toBeLessThan(500);
            const body = method === 'HEAD' ? '' : await res.text();
            expect(body).not.toContain('"dependencies"');
            if (route === '/export') expect(res.status).not.toBe(200);
            if (base === lanBase && route !== '/healthz') expect(res.status).not.toBe(200);
          },
        ),
        { numRuns: CASES },
      );
    }
    console.log(
      `http-fuzz: ${tried} requests over ${ROUTES.length} routes on both listeners, no 5xx, no export without a session, nothing past the network gate without the code`,
    );
  }, 300_000);
});

describe('ws hardening', () => {
  it('a flood of 1,000 messages a second is closed; another kiosk is still served', async () => {
    const flood = await TestClient.connect(hub.url, 'kiosk');
    const other = await TestClient.connect(hub.url, 'kiosk');
    for (let i = 0; i < 1000 && flood.closed === null; i++) flood.send({ type: 'outbox', pending: i, refused: 0 });
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

describe('DNS rebinding', () => {
  /** The status of a request to the loopback hub that names `host`, as a page on a rebound name would. */
  const statusFor = (host: string, upgrade: boolean): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request(`${hub.url}${upgrade ? '/ws' : '/kiosk'}`, {
        headers: {
          host,
          ...(upgrade
            ? {
                connection: 'Upgrade',
                upgrade: 'websocket',
                'sec-websocket-version': '13',
                'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
                origin: `http://${host}`,
              }
            : {}),
        },
      });
      req.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('upgrade', (_res, socket) => (socket.destroy(), resolve(101)));
      req.on('error', reject);
      req.end();
    });

  it('the loopback hub refuses pages and sockets that name another host, and serves its own names', async () => {
    const port = new URL(hub.url).port;
    for (const evil of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `127.0.0.1:1`])
      for (const upgrade of [false, true])
        expect(await statusFor(evil, upgrade), `${evil} ${upgrade}`).not.toBe(upgrade ? 101 : 200);
    for (const own of [`127.0.0.1:${port}`, `localhost:${port}`])
      for (const upgrade of [false, true]) expect(await statusFor(own, upgrade), own).toBe(upgrade ? 101 : 200);
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
            // 429 once this address is locked out for guessing (net/codeLock.ts).
            expect([401, 429]).toContain(await status(base + query, headers));
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
