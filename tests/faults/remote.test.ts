import { describe, expect, it } from 'vitest';
import { CODE_ATTEMPTS } from '../../src/hub/net/codeLock';
import { REMOTES_ENDED } from '../../src/hub/live/presenter';
import { audienceCode, get, lanUrl, Phone, scan } from '../support/audience';
import { TestClient } from '../support/hub';
import { openRemote, presenterCode, scanRemote, startLiveHub } from '../support/live';
import { useTestHub } from '../support/useTestHub';

const fixture = useTestHub(startLiveHub);
const wrongCode = (n: number): string => `ZZZZZZZZZ${String(n).padStart(3, '0')}`.replace(/[ILOU]/g, '1');

describe('remote faults', () => {
  it('refuses wrong and stale presenter codes, and the room code and join code open no remote', async () => {
    const from = '127.0.20.1';
    expect((await get(`${lanUrl(fixture.hub)}/remote/?presenter=${wrongCode(1)}`, { localAddress: from })).status).toBe(
      401,
    );
    expect((await get(`${lanUrl(fixture.hub)}/remote/`, { localAddress: from })).status).toBe(401);
    // The room code is public: it must not open the remote, nor a remote's socket.
    const phoneCookie = await scan(fixture.hub, from);
    expect((await get(`${lanUrl(fixture.hub)}/remote/`, { localAddress: from, cookie: phoneCookie })).status).toBe(401);
    expect(await Phone.open(fixture.hub, { cookie: phoneCookie, localAddress: from, query: '?remote' })).toBeNull();
    // A phone socket cannot become a remote by saying so.
    const phone = (await Phone.open(fixture.hub, { cookie: phoneCookie, localAddress: from }))!;
    phone.send({ type: 'hello', role: 'remote', device: 'pretend-remote-1' });
    expect(await phone.waitFor((m) => m.type === 'error')).toMatchObject({ code: 'refused' });
    phone.close();

    const cookie = await scanRemote(fixture.hub, from);
    const remote = (await openRemote(fixture.hub, from, cookie))!;
    fixture.hub.context.presenter.newCode();
    await remote.waitFor(() => remote.closed !== null).catch(() => undefined);
    expect(remote.closed).toBe(REMOTES_ENDED);
    // The stale cookie opens nothing, and is not counted as guessing (a remote reconnecting every few seconds).
    for (let i = 0; i < CODE_ATTEMPTS + 2; i++)
      expect((await get(`${lanUrl(fixture.hub)}/remote/`, { localAddress: from, cookie })).status).toBe(401);
    expect(await openRemote(fixture.hub, from, await scanRemote(fixture.hub, from))).not.toBeNull();
  });

  it('locks an address out after wrong guesses, also when they come in parallel, and only that address', async () => {
    const guesser = '127.0.21.1';
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        get(`${lanUrl(fixture.hub)}/remote/?presenter=${wrongCode(i)}`, { localAddress: guesser }),
      ),
    );
    // The tenth wrong code locks (and is answered with the lock); every guess after it waits.
    expect(replies.filter((r) => r.status === 401)).toHaveLength(CODE_ATTEMPTS - 1);
    expect(replies.filter((r) => r.status === 429).length).toBe(40 - CODE_ATTEMPTS + 1);
    // Locked, even the right code waits; another address gets in.
    const right = await get(`${lanUrl(fixture.hub)}/remote/?presenter=${presenterCode(fixture.hub)}`, {
      localAddress: guesser,
    });
    expect(right.status).toBe(429);
    expect(await scanRemote(fixture.hub, '127.0.21.2')).toMatch(/^ideale-presenter=/);
    // The room code's own lock is apart: phones from the guesser's address still get in.
    expect(
      (await get(`${lanUrl(fixture.hub)}/phone/?code=${audienceCode(fixture.hub)}`, { localAddress: guesser })).status,
    ).toBe(303);
  });

  it('lets a remote give only its commands: no console, no export, no crowd data', async () => {
    const from = '127.0.22.1';
    const cookie = await scanRemote(fixture.hub, from);
    const remote = (await openRemote(fixture.hub, from, cookie))!;
    for (const message of [
      { type: 'login', pin: '1234' },
      { type: 'admin', token: 'x'.repeat(30), action: { kind: 'status' } },
      { type: 'liveAdmin', token: 'x'.repeat(30), action: { kind: 'presenterNewCode' } },
      { type: 'liveAnswer', live: 1, option: 0, id: 'remote-answer-1' },
    ]) {
      const at = remote.messages.length;
      remote.send(JSON.stringify(message));
      expect(await remote.waitFor((m) => m.type === 'error', at)).toMatchObject({ code: 'refused' });
    }
    for (const path of ['/admin', '/export?format=json', '/projector/', '/kiosk/'])
      expect(
        (await get(`${lanUrl(fixture.hub)}${path}`, { localAddress: from, cookie })).status,
      ).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 300));
    expect(remote.messages.map((m) => m.type)).not.toContain('welcome');
    expect(remote.messages.map((m) => m.type)).not.toContain('update');
    // A second remote may join: both get the state.
    const second = (await openRemote(fixture.hub, '127.0.22.2', await scanRemote(fixture.hub, '127.0.22.2')))!;
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    second.send({ type: 'remote', command: 'next' });
    await projector.waitFor((m) => m.type === 'presenter' && m.command === 'next');
    // A projector cannot move other projectors or start rounds.
    projector.send({ type: 'remote', command: 'roundStart' });
    expect(await projector.waitFor((m) => m.type === 'error')).toMatchObject({ code: 'refused' });
    expect(fixture.hub.store.activeRound()).toBeNull();
    for (const c of [remote, second, projector]) c.close();
  });
});
