import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AUDIENCE_COOKIE, PHONE_COOKIE } from '../../src/hub/audience/gate';
import { PHONE_ANSWERS_PER_ADDRESS } from '../../src/hub/audience/handlers';
import { JOIN_COOKIE } from '../../src/hub/net/lanGate';
import { audienceCode, get, lanUrl, Phone, phoneAddress, scan, startAudienceHub } from '../support/audience';
import { loginAsOrganiser, TestClient } from '../support/hub';
import { useTestHub } from '../support/useTestHub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

/** Hostile phones: codes that are wrong, old or missing, the room code where it does not belong, floods, replays. */
const instrument = shippedInstrument('ideale-ambtenaar');
const LONG = Number(process.env.FAULT_CASES ?? 0) > 1000;
const GUESSES = LONG ? 2000 : 200;

const fixture = useTestHub(startAudienceHub);

const randomCode = (length: number): string =>
  Array.from({ length }, () => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[Math.floor(Math.random() * 32)]).join('');

/** Any method on any path, from a phone's address: the status only. */
function raw(method: string, path: string, cookie: string, localAddress = phoneAddress(7)): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${lanUrl(fixture.hub)}${path}`,
      { method, headers: { cookie }, localAddress, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('audience faults', () => {
  it('wrong, stale and missing room codes open neither the phone page nor a socket', async () => {
    const code = audienceCode(fixture.hub);
    const joinCode = fixture.hub.context.lan.status().code!;
    const wrong = [
      ...Array.from({ length: GUESSES }, () => randomCode(8)),
      '',
      'x',
      code.slice(0, 7),
      `${code}0`,
      joinCode,
      joinCode.slice(0, 8),
      '%00%00',
      `${code.slice(0, 7)}%00`,
      '../../admin',
    ].filter((c) => c !== code);
    let pagesIn = 0;
    let socketsIn = 0;
    let locked = 0;
    // Refused: not let in (401), or locked out for guessing (429, tests/faults/flood.test.ts).
    const refused = (status: number): boolean => {
      if (status === 429) locked++;
      return status === 401 || status === 429;
    };
    for (const guess of wrong) {
      const page = await get(`${lanUrl(fixture.hub)}/phone/?code=${guess}`, { localAddress: phoneAddress(3) });
      if (!refused(page.status)) pagesIn++;
      const cookied = await get(`${lanUrl(fixture.hub)}/phone/`, { cookie: `${AUDIENCE_COOKIE}=${guess}` });
      if (!refused(cookied.status)) pagesIn++;
      if (await Phone.open(fixture.hub, { query: `?code=${encodeURIComponent(guess)}` })) socketsIn++;
    }
    // Missing: no code, no cookie; the phone id alone is no way in.
    const missing = [
      await get(`${lanUrl(fixture.hub)}/phone/`),
      await get(`${lanUrl(fixture.hub)}/phone/`, { cookie: `${PHONE_COOKIE}=AAAAAAAAAAAAAAAAAAAAAA` }),
    ];
    for (const reply of missing) if (reply.status !== 401) pagesIn++;
    if (await Phone.open(fixture.hub, {})) socketsIn++;
    // Stale: a phone scanned the code before "New room code".
    const cookie = await scan(fixture.hub, phoneAddress(4));
    const phone = (await Phone.open(fixture.hub, {
      cookie,
      localAddress: phoneAddress(4),
      device: 'stale-phone-0001',
    }))!;
    fixture.hub.context.audience.newCode();
    await expect.poll(() => phone.closed).toBe(4002);
    if (!refused((await get(`${lanUrl(fixture.hub)}/phone/`, { cookie })).status)) pagesIn++;
    if (!refused((await get(`${lanUrl(fixture.hub)}/phone/?code=${code}`)).status)) pagesIn++;
    if (await Phone.open(fixture.hub, { cookie })) socketsIn++;
    // Off: audience mode stopped, the current code opens nothing either.
    const current = audienceCode(fixture.hub);
    fixture.hub.context.audience.disable();
    if (!refused((await get(`${lanUrl(fixture.hub)}/phone/?code=${current}`)).status)) pagesIn++;
    if (await Phone.open(fixture.hub, { query: `?code=${current}` })) socketsIn++;
    console.log(
      `audience-codes: ${wrong.length} wrong, 3 missing, 3 stale and 2 switched-off codes tried; ${pagesIn} pages and ${socketsIn} sockets got through, ${locked} answered "locked"`,
    );
    expect([pagesIn, socketsIn]).toEqual([0, 0]);
    expect(fixture.hub.store.count()).toBe(0);
  });

  it('the room code on every other route: no page, no console, no export', async () => {
    const cookie = await scan(fixture.hub, phoneAddress(7));
    const code = audienceCode(fixture.hub);
    const paths = [
      '/kiosk',
      '/kiosk/',
      '/projector',
      '/projector/?lang=en',
      '/admin',
      '/admin/',
      '/export',
      '/export?format=csv',
      '/export?format=json',
      '/session-check',
      `/kiosk/?join=${code}`,
      `/projector/?join=${code}`,
      `/admin/?code=${code}`,
      '/assets/../admin/index.html',
      '/assets/%2e%2e/kiosk/index.html',
      '/phone/../kiosk/',
      '/PHONE/',
      '/phone/index.html',
    ];
    let through = 0;
    let tried = 0;
    for (const path of paths)
      for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE']) {
        tried++;
        const status = await raw(method, path, cookie);
        if (status < 300) through++;
      }
    // The room code where the join code belongs, and as the join cookie.
    for (const path of ['/kiosk/', '/projector/', '/admin']) {
      tried++;
      if ((await raw('GET', path, `${JOIN_COOKIE}=${code}`)) < 300) through++;
    }
    console.log(`audience-routes: ${tried} requests with the room code off the phone page, ${through} got through`);
    expect(through).toBe(0);
    expect(await raw('GET', '/phone/', cookie)).toBe(200);
    expect(await raw('GET', '/', cookie)).toBe(303);
  });

  it('every other message type over a phone socket is refused, and nothing is stored or changed', async () => {
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    const cookie = await scan(fixture.hub, phoneAddress(8));
    const phone = (await Phone.open(fixture.hub, { cookie, localAddress: phoneAddress(8) }))!;
    const hostile = [
      { type: 'hello', role: 'kiosk', device: 'hostile-phone-01' },
      { type: 'hello', role: 'projector', device: 'hostile-phone-01' },
      { type: 'hello', role: 'admin', device: 'hostile-phone-01' },
      { type: 'login', pin: '246810' },
      { type: 'outbox', pending: 3 },
      { type: 'submit', response: makeResponse(instrument) },
      ...(['status', 'wipe', 'archiveAndReset', 'lanNewCode', 'audienceNewCode', 'clearRehearsal'] as const).map(
        (kind) => ({ type: 'admin', token, action: kind === 'wipe' ? { kind, confirm: 'WIS' } : { kind } }),
      ),
      { type: 'admin', token, action: { kind: 'audience', enabled: false } },
      { type: 'admin', token, action: { kind: 'rehearse', count: 50 } },
      { type: 'admin', token, action: { kind: 'startRound', name: 'x' } },
    ];
    const before = fixture.hub.store.count();
    const codeBefore = audienceCode(fixture.hub);
    let through = 0;
    for (const message of hostile) {
      const from = phone.messages.length;
      phone.send(JSON.stringify(message));
      const reply = await phone.waitFor(() => true, from);
      if (reply.type !== 'error' || !['refused', 'not-hello'].includes(reply.code)) through++;
    }
    // After a proper hello as a phone, still nothing but its answer.
    phone.send({ type: 'hello', role: 'phone', device: 'hostile-phone-01' });
    await phone.waitFor((m) => m.type === 'welcome');
    for (const message of hostile.filter((m) => m.type !== 'submit')) {
      const from = phone.messages.length;
      phone.send(JSON.stringify(message));
      const reply = await phone.waitFor(() => true, from);
      if (reply.type !== 'error' || reply.code !== 'refused') through++;
    }
    const tried = hostile.length * 2 - 1;
    console.log(`audience-messages: ${tried} messages of other roles over a phone socket, ${through} got through`);
    expect(through).toBe(0);
    expect(fixture.hub.store.count()).toBe(before);
    expect(audienceCode(fixture.hub)).toBe(codeBefore);
    expect(phone.messages.some((m) => m.type === 'status' || m.type === 'session' || m.type === 'update')).toBe(false);
    admin.close();
  });

  it('floods: bad frames store nothing, one address gets its cap and no more, a flooding socket is closed', async () => {
    const cookie = await scan(fixture.hub, phoneAddress(9));
    const phone = (await Phone.open(fixture.hub, {
      cookie,
      localAddress: phoneAddress(9),
      device: 'flood-phone-0001',
    }))!;
    const bad = [
      'not json',
      '{}',
      JSON.stringify({ type: 'submit', response: { ...makeResponse(instrument), answers: [] } }),
      JSON.stringify({ type: 'submit', response: { ...makeResponse(instrument), instrumentVersion: '9.9.9' } }),
      JSON.stringify({ type: 'submit', response: { ...makeResponse(instrument), id: 'not-a-uuid' } }),
      JSON.stringify({ type: 'submit', response: { ...makeResponse(instrument), casus: 'nobody' } }),
    ];
    for (const frame of bad) {
      const from = phone.messages.length;
      phone.send(frame);
      await phone.waitFor((m) => m.type === 'error', from);
    }
    expect(fixture.hub.store.count()).toBe(0);

    // One address, a new phone per answer (it scans the code for fresh cookies each time, with a fresh id), 20 at
    // a time: a script. The cap per address holds.
    const address = phoneAddress(10);
    let stored = 0;
    let limited = 0;
    const scripted = async (): Promise<void> => {
      const socket = (await Phone.open(fixture.hub, {
        cookie: await scan(fixture.hub, address),
        localAddress: address,
        device: randomUUID(),
      }))!;
      const reply = await socket.submit(makeResponse(instrument));
      if (reply.type === 'ack') stored++;
      else if (reply.type === 'error' && reply.code === 'rate-limited') limited++;
      socket.close();
    };
    for (let i = 0; i < PHONE_ANSWERS_PER_ADDRESS + 20; i += 20)
      await Promise.all(Array.from({ length: 20 }, scripted));
    expect([stored, limited]).toEqual([PHONE_ANSWERS_PER_ADDRESS, 20]);

    // A frame flood on one socket closes it.
    const flood = (await Phone.open(fixture.hub, {
      cookie,
      localAddress: phoneAddress(11),
      device: 'flood-phone-0002',
    }))!;
    for (let i = 0; i < 400; i++) flood.send('{"type":"outbox","pending":1}');
    await expect.poll(() => flood.closed).toBe(1008);
    console.log(
      `audience-flood: ${bad.length} bad frames (0 stored), ${PHONE_ANSWERS_PER_ADDRESS + 20} answers from one address (${stored} stored, ${limited} rate-limited), 400-frame burst closed`,
    );
    expect(fixture.hub.store.count()).toBe(stored);
  }, 120_000);

  it('replays of another phone: its id, its cookie or its answer store nothing new', async () => {
    const cookieA = await scan(fixture.hub, phoneAddress(20));
    const phoneA = (await Phone.open(fixture.hub, {
      cookie: cookieA,
      localAddress: phoneAddress(20),
      device: 'phone-a-00000001',
    }))!;
    const answerA = makeResponse(instrument, () => 0);
    expect(await phoneA.submit(answerA)).toMatchObject({ type: 'ack', duplicate: false });
    const cookieB = await scan(fixture.hub, phoneAddress(21));
    const phoneCookieA = cookieA.split('; ').find((c) => c.startsWith(PHONE_COOKIE))!;
    const audienceB = cookieB.split('; ').find((c) => c.startsWith(AUDIENCE_COOKIE))!;
    const attempts = [
      // B says it is A (A's browser id), with its own cookie.
      { cookie: cookieB, device: 'phone-a-00000001', response: makeResponse(instrument, () => 1) },
      // B replays A's HttpOnly cookie (sniffed), with a browser id of its own.
      {
        cookie: `${audienceB}; ${phoneCookieA}`,
        device: 'phone-b-00000002',
        response: makeResponse(instrument, () => 1),
      },
      // B replays A's answer id with other answers, as a phone of its own.
      {
        cookie: cookieB,
        device: 'phone-b-00000003',
        response: { ...makeResponse(instrument, () => 2), id: answerA.id },
      },
    ];
    let through = 0;
    for (const attempt of attempts) {
      const phone = (await Phone.open(fixture.hub, {
        cookie: attempt.cookie,
        localAddress: phoneAddress(21),
        device: attempt.device,
      }))!;
      const reply = await phone.submit(attempt.response);
      if (reply.type === 'ack' && !reply.duplicate) through++;
      phone.close();
    }
    const [row] = fixture.hub.store.listForInstrument(instrument.id, instrument.version);
    console.log(
      `audience-replay: ${attempts.length} replays of another phone's id, cookie or answer; ${through} stored`,
    );
    expect(through).toBe(0);
    expect(fixture.hub.store.count()).toBe(1);
    expect(row!.answers).toEqual(answerA.answers);
  });
});
