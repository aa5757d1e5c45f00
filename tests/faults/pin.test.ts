import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import type { RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, startLanTestHub, tempDataDir, TestClient } from '../support/hub';

/** Long form: more guesses per run (each guess past the lock is answered at once, so this stays quick). */
const GUESSES = Math.max(400, Math.min(Number(process.env.FAULT_CASES ?? 400), 2000));
/** Every socket sends its share at once, under the per-socket message burst (100). */
const SOCKETS = Math.max(5, Math.ceil(GUESSES / 80));
/** The first lock, shortened so the test can wait it out. */
const LOCK_MS = 2500;
const PIN = '246810';

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;
beforeEach(async () => {
  data = tempDataDir();
  hub = await startLanTestHub(data.dir, { pinLockMs: LOCK_MS });
});
afterEach(async () => {
  await hub.close();
  data.remove();
});

const lanBase = (): string => `http://127.0.0.2:${hub.context.lan.status().port}`;
const paired = (): Record<string, string> => ({ cookie: `ideale-join=${hub.context.lan.status().code ?? ''}` });
const isLoginReply = (m: HubMessage): boolean => m.type === 'session' || m.type === 'error';

async function replyTo(client: TestClient, pin: string): Promise<HubMessage> {
  const from = client.messages.length;
  client.send({ type: 'login', pin });
  return client.waitFor(isLoginReply, from, 10_000);
}

describe('PIN lock-out under parallel guesses', () => {
  it(`${GUESSES} logins over ${SOCKETS} sockets on both listeners, the right PIN among them: no session past the lock; the organiser gets in after it`, async () => {
    const organiser = await TestClient.connect(hub.url, 'admin');
    await loginAsOrganiser(organiser, PIN);
    // Kiosks on the hub's computer and paired over the network: the lock must hold across all of them.
    const sockets = await Promise.all(
      Array.from({ length: SOCKETS }, (_, s) =>
        s % 5 < 3 ? TestClient.connect(hub.url, 'kiosk') : TestClient.connect(lanBase(), 'kiosk', paired()),
      ),
    );
    const rightAt = Math.floor(GUESSES * 0.535);
    const started = Date.now();
    // Each socket sends its share at once, so the guesses are in flight together.
    const perSocket = Math.ceil(GUESSES / sockets.length);
    const batches = sockets.map(async (socket, s) => {
      const from = socket.messages.length;
      let sent = 0;
      for (let i = s; i < GUESSES; i += sockets.length) {
        socket.send({ type: 'login', pin: i === rightAt ? PIN : String(100000 + i) });
        sent += 1;
      }
      await socket.waitFor(() => socket.messages.slice(from).filter(isLoginReply).length === sent, from, 60_000);
      return socket.messages.slice(from).filter(isLoginReply);
    });
    const replies = (await Promise.all(batches)).flat();
    const elapsed = Date.now() - started;
    const count = (code: string): number =>
      replies.filter((m) => (m.type === 'session' ? code === 'session' : m.type === 'error' && m.code === code)).length;
    const retryAfter = replies.flatMap((m) => (m.type === 'error' && m.retryAfterMs ? [m.retryAfterMs] : []));
    console.log(
      `pin-lockout: ${replies.length} guesses over ${sockets.length} sockets (${perSocket} each, local and network) in ${elapsed} ms: ` +
        `${count('session')} session, ${count('bad-pin')} bad-pin, ${count('locked')} locked, longest retryAfter ${Math.max(...retryAfter)} ms`,
    );
    expect(replies).toHaveLength(GUESSES);
    expect(count('session')).toBe(0);
    expect(count('bad-pin')).toBeLessThan(5);
    expect(Math.max(...retryAfter)).toBeLessThanOrEqual(LOCK_MS);
    expect(Math.min(...retryAfter)).toBeGreaterThan(0);

    // Still locked for the organiser right now, with a wait that makes sense…
    const locked = await replyTo(organiser, PIN);
    expect(locked).toMatchObject({ type: 'error', code: 'locked' });
    // …and in after the lock period, which also clears the count: one wrong PIN afterwards is just wrong.
    await new Promise((r) => setTimeout(r, locked.type === 'error' ? (locked.retryAfterMs ?? 0) + 50 : 0));
    expect(await replyTo(organiser, PIN)).toMatchObject({ type: 'session' });
    expect(await replyTo(organiser, '999999')).toMatchObject({ type: 'error', code: 'bad-pin' });
    expect(await replyTo(organiser, PIN)).toMatchObject({ type: 'session' });
    for (const socket of [organiser, ...sockets]) socket.close();
  }, 120_000);
});

describe('the first PIN', () => {
  it('a kiosk cannot choose it (the hidden exit, on the hub computer or over the network); only the console on the hub computer can', async () => {
    const tried: string[] = [];
    for (const [where, base, headers] of [
      ['local kiosk', hub.url, {}],
      ['network kiosk', lanBase(), paired()],
    ] as const) {
      const kiosk = await TestClient.connect(base, 'kiosk', headers);
      const reply = await replyTo(kiosk, '1234');
      tried.push(`${where}: ${reply.type === 'error' ? reply.code : reply.type}`);
      expect(reply, where).toMatchObject({ type: 'error' });
      expect(reply.type === 'error' && reply.message, where).toMatch(/no PIN set yet: set it in the console/);
      expect(hub.context.auth.needsPin(), where).toBe(true);
      kiosk.close();
    }
    // A second socket on the hub computer that says it is a projector is no console either.
    const projector = await TestClient.connect(hub.url, 'projector');
    expect(await replyTo(projector, '1234')).toMatchObject({ type: 'error' });
    expect(hub.context.auth.needsPin()).toBe(true);

    const console_ = await TestClient.connect(hub.url, 'admin');
    const welcome = console_.messages.find((m) => m.type === 'welcome');
    expect(welcome?.type === 'welcome' && welcome.needsPin).toBe(true);
    const token = await loginAsOrganiser(console_, PIN);
    expect(hub.context.auth.needsPin()).toBe(false);
    // Once set, the kiosk's exit checks it like any login.
    const kiosk = await TestClient.connect(hub.url, 'kiosk');
    expect(await replyTo(kiosk, '1234')).toMatchObject({ type: 'error', code: 'bad-pin' });
    expect(await replyTo(kiosk, PIN)).toMatchObject({ type: 'session' });
    const from = console_.messages.length;
    console_.send({ type: 'admin', token, action: { kind: 'status' } });
    await console_.waitFor((m) => m.type === 'status', from);
    console.log(`first-pin: ${tried.join(', ')}, local projector refused; only the console chose it`);
    for (const c of [console_, kiosk, projector]) c.close();
  });
});
