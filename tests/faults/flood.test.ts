import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Aggregate } from '../../src/core/aggregate';
import type { AdminAction, HubMessage, HubStatus } from '../../src/core/messages';
import { AUDIENCE_COOKIE, PHONE_COOKIE } from '../../src/hub/audience/gate';
import { PHONE_FLAG_ANSWERS } from '../../src/hub/audience/sources';
import { CODE_ATTEMPTS } from '../../src/hub/net/codeLock';
import { audienceCode, get, lanUrl, Phone, phoneAddress, scan, startAudienceHub } from '../support/audience';
import { loginAsOrganiser, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { useTestHub } from '../support/useTestHub';

/**
 * Floods with the public room code and guesses at the codes: scripted phones without the page's cookie, one
 * address answering for a whole room, and addresses trying codes one after the other.
 */
const instrument = shippedInstrument('ideale-ambtenaar');
const fixture = useTestHub(startAudienceHub);

/** Status and body of a socket upgrade on the network listener (101 when it opened). */
function upgrade(
  query: string,
  cookie: string,
  localAddress: string,
): Promise<{ status: number; body: string; socket: WebSocket | null }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${lanUrl(fixture.hub).replace('http', 'ws')}/ws${query}`, {
      headers: cookie ? { cookie } : {},
      localAddress,
    });
    socket.once('open', () => resolve({ status: 101, body: '', socket }));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, socket: null }));
    });
    socket.once('error', () => resolve({ status: -1, body: '', socket: null }));
  });
}

/** One phone from `address`, as the page does it: scans the code, opens its socket with the cookies, answers once. */
async function phoneAnswers(address: string, pick: (i: number) => number): Promise<HubMessage> {
  const cookie = await scan(fixture.hub, address);
  const phone = (await Phone.open(fixture.hub, { cookie, localAddress: address, device: randomUUID() }))!;
  const reply = await phone.submit(makeResponse(instrument, pick));
  phone.close();
  return reply;
}

/** The organiser's console on the hub's own computer. */
async function organiser(): Promise<{
  act(action: AdminAction): Promise<HubMessage>;
  status(): Promise<HubStatus>;
  exportAs(format: 'json' | 'csv'): Promise<string>;
  close(): void;
}> {
  const admin = await TestClient.connect(fixture.hub.url, 'admin');
  const token = await loginAsOrganiser(admin);
  const act = async (action: AdminAction): Promise<HubMessage> => {
    const from = admin.messages.length;
    admin.send({ type: 'admin', token, action });
    return admin.waitFor((m) => m.type === 'done' || m.type === 'error' || m.type === 'status', from);
  };
  return {
    act,
    status: async () => {
      const reply = await act({ kind: 'status' });
      if (reply.type !== 'status') throw new Error(JSON.stringify(reply));
      return reply.status;
    },
    exportAs: async (format) =>
      (await fetch(`${fixture.hub.url}/export?format=${format}`, { headers: { Authorization: `Bearer ${token}` } }))
        .text()
        .then((text) => text),
    close: () => admin.close(),
  };
}

/** The picture a projector shows now: the totals of its last welcome or update. */
function picture(projector: TestClient): Aggregate {
  const last = [...projector.messages].reverse().find((m) => m.type === 'welcome' || m.type === 'update');
  if (!last || (last.type !== 'welcome' && last.type !== 'update')) throw new Error('no picture yet');
  return last.aggregate;
}

/** The export's grand total (the casus table's last cell) and its stamp. */
function exported(json: string): { total: number | null; setAside: unknown } {
  const doc = JSON.parse(json) as {
    stamp: { setAside?: unknown };
    tables: { id: string; values: (number | null)[][] }[];
  };
  const casus = doc.tables.find((t) => t.id === 'casus')!;
  return { total: casus.values.at(-1)!.at(-1)!, setAside: doc.stamp.setAside };
}

const BUREAUCRAT = (): number => 0;
const CONNECTOR = (): number => 2;

describe('flood: scripted phones', () => {
  it('a socket without the cookies the phone page sets is refused with the reason; a scanned phone gets in', async () => {
    const address = phoneAddress(30);
    const code = audienceCode(fixture.hub);
    const cookies = await scan(fixture.hub, address);
    const audienceOnly = cookies.split('; ').find((c) => c.startsWith(`${AUDIENCE_COOKIE}=`))!;
    const phoneOnly = cookies.split('; ').find((c) => c.startsWith(`${PHONE_COOKIE}=`))!;
    const tries = [
      { what: 'the room code in the socket address, no cookie', query: `?code=${code}`, cookie: '' },
      { what: 'the room cookie without the phone cookie', query: '', cookie: audienceOnly },
      { what: 'the room code in the address and the phone cookie', query: `?code=${code}`, cookie: phoneOnly },
      { what: 'the phone cookie alone', query: '', cookie: phoneOnly },
    ];
    const opened: string[] = [];
    for (const attempt of tries) {
      const reply = await upgrade(attempt.query, attempt.cookie, address);
      if (reply.socket) {
        opened.push(attempt.what);
        reply.socket.close();
        continue;
      }
      expect(reply.status, attempt.what).toBe(401);
    }
    console.log(`flood-cookie: ${tries.length} sockets without the page's cookies, ${opened.length} opened`);
    expect(opened).toEqual([]);
    // The refusal names what is missing, for whoever wrote the script.
    const scripted = await upgrade(`?code=${code}`, audienceOnly, address);
    expect(scripted.body).toMatch(/cookie/i);
    expect(scripted.body).toMatch(/\/phone\//);
    expect(await phoneAnswers(address, BUREAUCRAT)).toMatchObject({ type: 'ack', duplicate: false });
    expect(fixture.hub.store.count()).toBe(1);
  });

  it('one address past the cap is still heard, flagged and listed for the organiser; a few people behind one address are not', async () => {
    const room = phoneAddress(31);
    const few = phoneAddress(32);
    const started = Date.now();
    const replies: HubMessage[] = [];
    for (let i = 0; i < PHONE_FLAG_ANSWERS + 5; i++) replies.push(await phoneAnswers(room, BUREAUCRAT));
    for (let i = 0; i < 5; i++) replies.push(await phoneAnswers(few, CONNECTOR));
    expect(replies.filter((r) => r.type === 'ack')).toHaveLength(PHONE_FLAG_ANSWERS + 10);
    const console_ = await organiser();
    const { audience } = await console_.status();
    console.log(
      `flood-cap: ${PHONE_FLAG_ANSWERS + 5} answers from one address and 5 from another, all stored; listed: ${JSON.stringify(audience.flagged)}`,
    );
    expect(audience.flagAbove).toBe(PHONE_FLAG_ANSWERS);
    expect(audience.flagged).toEqual([
      expect.objectContaining({ address: room, answers: PHONE_FLAG_ANSWERS + 5, setAside: false }),
    ]);
    const [flag] = audience.flagged;
    expect(flag!.first).toBeGreaterThanOrEqual(started);
    expect(flag!.last).toBeGreaterThanOrEqual(flag!.first);
    expect(flag!.last).toBeLessThanOrEqual(Date.now());
    // The address is kept only as a keyed hash: never in plain text in the file.
    const stored = fixture.hub.database.prepare('SELECT DISTINCT source FROM responses').all() as { source: string }[];
    expect(stored.map((r) => r.source)).not.toContain(room);
    console_.close();
  });

  it('setting an address aside takes its answers out of the live picture and every export, and back again', async () => {
    const room = phoneAddress(33);
    for (let i = 0; i < 15; i++) await phoneAnswers(room, BUREAUCRAT);
    for (let i = 0; i < 5; i++) await phoneAnswers(phoneAddress(34 + i), CONNECTOR);
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const console_ = await organiser();
    expect(picture(projector).total).toBe(20);
    expect(exported(await console_.exportAs('json'))).toEqual({ total: 20, setAside: 0 });
    const { source } = (await console_.status()).audience.flagged[0]!;

    expect(await console_.act({ kind: 'audienceSetAside', source, setAside: true })).toMatchObject({
      type: 'done',
      detail: 'audienceSetAside',
      params: { count: 15 },
    });
    await expect.poll(() => picture(projector).total).toBe(5);
    expect(picture(projector).leading[0]).toBe(0);
    expect(exported(await console_.exportAs('json'))).toEqual({ total: 5, setAside: 15 });
    expect(await console_.exportAs('csv')).toMatch(/apart gezet[^\n]*,15/i);
    // The address goes on answering while set aside: stored and acknowledged, kept out of the picture.
    expect(await phoneAnswers(room, BUREAUCRAT)).toMatchObject({ type: 'ack' });
    await new Promise((r) => setTimeout(r, 100));
    expect(picture(projector).total).toBe(5);
    const listed = (await console_.status()).audience.flagged;
    expect(listed).toEqual([expect.objectContaining({ source, answers: 16, setAside: true })]);

    expect(await console_.act({ kind: 'audienceSetAside', source, setAside: false })).toMatchObject({
      type: 'done',
      detail: 'audienceTakenBack',
      params: { count: 16 },
    });
    await expect.poll(() => picture(projector).total).toBe(21);
    expect(exported(await console_.exportAs('json'))).toEqual({ total: 20, setAside: 0 });
    // An address that is not listed cannot be set aside: a clear refusal, nothing changes.
    const unknown = await console_.act({ kind: 'audienceSetAside', source: 'A'.repeat(22), setAside: true });
    expect(unknown).toMatchObject({ type: 'error', code: 'refused', message: 'audienceSourceUnknown' });
    expect(picture(projector).total).toBe(21);
    console.log(`flood-set-aside: 15 answers set aside (live 20 → 5, export 20 → 5, stamp says 15), and back (21)`);
    projector.close();
    console_.close();
  });
});

describe('flood: code guesses', () => {
  it('room-code guesses lock one address out, with a page in both languages; another address still gets in', async () => {
    const guesser = phoneAddress(40);
    const statuses: number[] = [];
    for (let i = 0; i < CODE_ATTEMPTS + 5; i++) {
      const guess = `ZZZZ${String(1000 + i)}`;
      statuses.push((await get(`${lanUrl(fixture.hub)}/phone/?code=${guess}`, { localAddress: guesser })).status);
    }
    const right = `${lanUrl(fixture.hub)}/phone/?code=${audienceCode(fixture.hub)}`;
    const locked = await get(right, { localAddress: guesser });
    const byCookie = await get(`${lanUrl(fixture.hub)}/phone/`, {
      localAddress: guesser,
      cookie: `${AUDIENCE_COOKIE}=WRONGCODE`,
    });
    const socket = await upgrade(`?code=${audienceCode(fixture.hub)}`, '', guesser);
    const other = await get(right, { localAddress: phoneAddress(41) });
    console.log(
      `flood-room-guesses: ${statuses.length} wrong codes from one address → ${statuses.join(' ')}; the right code from it ${locked.status}, from another address ${other.status}`,
    );
    expect(statuses.slice(0, CODE_ATTEMPTS - 1)).toEqual(Array(CODE_ATTEMPTS - 1).fill(401));
    expect(statuses.slice(CODE_ATTEMPTS)).toEqual(Array(5).fill(429));
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect(locked.body).toContain('Te veel verkeerde codes');
    expect(locked.body).toContain('Too many wrong codes');
    expect(byCookie.status).toBe(429);
    expect(socket.status).toBe(429);
    expect(other.status).toBe(303);
  });

  it('a phone still holding the old room code after "New room code" is not taken for a guesser', async () => {
    const address = phoneAddress(42);
    const old = await scan(fixture.hub, address);
    fixture.hub.context.audience.newCode();
    const statuses = new Set<number>();
    // A phone's page tries its socket every few seconds and asks for the page when refused: many requests.
    for (let i = 0; i < CODE_ATTEMPTS * 3; i++)
      statuses.add((await get(`${lanUrl(fixture.hub)}/phone/`, { localAddress: address, cookie: old })).status);
    expect([...statuses]).toEqual([401]);
    expect((await scan(fixture.hub, address)).length).toBeGreaterThan(0);
  });

  it('join-code guesses lock one address out; a paired kiosk elsewhere is still served', async () => {
    const guesser = phoneAddress(43);
    const base = lanUrl(fixture.hub);
    const statuses: number[] = [];
    for (let i = 0; i < CODE_ATTEMPTS + 3; i++)
      statuses.push((await get(`${base}/kiosk/?join=ZZZZZZZZ${1000 + i}`, { localAddress: guesser })).status);
    const joinCode = fixture.hub.context.lan.status().code!;
    const locked = await get(`${base}/kiosk/?join=${joinCode}`, { localAddress: guesser });
    const other = await get(`${base}/kiosk/?join=${joinCode}`, { localAddress: phoneAddress(44) });
    console.log(
      `flood-join-guesses: ${statuses.length} wrong join codes from one address → ${statuses.join(' ')}; the right one from it ${locked.status}, from another ${other.status}`,
    );
    expect(statuses.slice(CODE_ATTEMPTS)).toEqual([429, 429, 429]);
    expect(locked.status).toBe(429);
    expect(locked.body).toContain('Too many wrong codes');
    expect(other.status).toBe(303);
  });
});
