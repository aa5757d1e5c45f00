import { request } from 'node:http';
import WebSocket from 'ws';
import type { ClientMessage, HubMessage } from '../../src/core/messages';
import { AUDIENCE_COOKIE, PHONE_COOKIE } from '../../src/hub/audience/gate';
import { startHub, type RunningHub } from '../../src/hub/server';
import { PAGES_DIR } from './hub';
import { INSTRUMENTS_DIR } from './instruments';

/** Network mode on a loopback address of its own; phones connect from other 127.x addresses (one per phone). */
export const LAN_HOST = '127.0.0.2';

/** A hub in network mode with audience mode on. */
export async function startAudienceHub(dataDir: string): Promise<RunningHub> {
  const hub = await startHub({
    dataDir,
    port: 0,
    lan: true,
    lanPort: 0,
    lanHost: LAN_HOST,
    pagesDir: PAGES_DIR,
    instrumentsDir: INSTRUMENTS_DIR,
  });
  hub.context.audience.enable();
  return hub;
}

export const lanUrl = (hub: RunningHub): string => `http://${LAN_HOST}:${hub.context.lan.status().port}`;
export const audienceCode = (hub: RunningHub): string => hub.context.audience.activeCode() ?? '';

/** The 127.0.0.N address of phone `n` (0-based), never the hub's own. */
export const phoneAddress = (n: number): string => `127.0.${Math.floor((n + 10) / 250)}.${((n + 10) % 250) + 3}`;

/** A plain GET from a given local address: status, Location, Retry-After and the cookies set (name=value). */
export function get(
  url: string,
  { cookie = '', localAddress }: { cookie?: string; localAddress?: string } = {},
): Promise<{
  status: number;
  location: string | undefined;
  retryAfter: string | undefined;
  cookies: string[];
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: cookie ? { cookie } : {}, localAddress, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          retryAfter: res.headers['retry-after'],
          cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!),
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the phone page with the code, as a scan does: the cookies the hub hands out, joined for a Cookie header. */
export async function scan(hub: RunningHub, localAddress?: string, code = audienceCode(hub)): Promise<string> {
  const reply = await get(`${lanUrl(hub)}/phone/?code=${code}`, { localAddress });
  if (reply.status !== 303) throw new Error(`scan refused: ${reply.status}`);
  const names = reply.cookies.map((c) => c.split('=')[0]);
  if (!names.includes(AUDIENCE_COOKIE) || !names.includes(PHONE_COOKIE)) throw new Error('scan set no cookies');
  return reply.cookies.join('; ');
}

/** A phone's socket: records what the hub sends and how it closed. */
export class Phone {
  readonly messages: HubMessage[] = [];
  closed: number | null = null;
  private waiters: (() => void)[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()) as HubMessage);
      this.waiters.forEach((w) => w());
    });
    socket.on('close', (code) => {
      this.closed = code;
      this.waiters.forEach((w) => w());
    });
  }

  /** Connects (null when the upgrade is refused) and, with `device`, says hello as a phone. */
  static async open(
    hub: RunningHub,
    {
      cookie = '',
      localAddress,
      device,
      query = '',
    }: { cookie?: string; localAddress?: string; device?: string; query?: string },
  ): Promise<Phone | null> {
    const socket = new WebSocket(`${lanUrl(hub).replace('http', 'ws')}/ws${query}`, {
      headers: cookie ? { cookie } : {},
      localAddress,
    });
    const opened = await new Promise<boolean>((resolve) => {
      socket.once('open', () => resolve(true));
      socket.once('error', () => resolve(false));
    });
    if (!opened) return null;
    const phone = new Phone(socket);
    if (device) {
      phone.send({ type: 'hello', role: 'phone', device });
      await phone.waitFor((m) => m.type === 'welcome');
    }
    return phone;
  }

  send(message: ClientMessage | string): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  waitFor(match: (m: HubMessage) => boolean, from = 0, timeoutMs = 5000): Promise<HubMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching message; got ${JSON.stringify(this.messages.slice(from)).slice(0, 300)}`)),
        timeoutMs,
      );
      const check = (): void => {
        const found = this.messages.slice(from).find(match);
        if (found || this.closed !== null) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          if (found) resolve(found);
          else reject(new Error(`closed with ${this.closed}`));
        }
      };
      this.waiters.push(check);
      check();
    });
  }

  /** Submits and waits for the ack or error about it. */
  async submit(response: Parameters<typeof makeSubmit>[0]): Promise<HubMessage> {
    const from = this.messages.length;
    this.send(makeSubmit(response));
    return this.waitFor(
      (m) => (m.type === 'ack' && m.id === response.id) || (m.type === 'error' && m.ref === response.id),
      from,
    );
  }

  close(): void {
    this.socket.close();
  }
}

const makeSubmit = (response: Extract<ClientMessage, { type: 'submit' }>['response']): ClientMessage => ({
  type: 'submit',
  response,
});
