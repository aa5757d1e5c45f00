import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ClientMessage, HubMessage, Role } from '../../src/core/messages';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/server';
import { INSTRUMENTS_DIR } from './instruments';

export const PAGES_DIR = join(__dirname, '../../out/renderer');

export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ideale-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real hub on a free port and its own data folder; `extra` adds options, such as a fixed clock (`now`). */
export function startTestHub(dataDir: string, extra: Partial<HubOptions> = {}): Promise<RunningHub> {
  return startHub({ dataDir, port: 0, pagesDir: PAGES_DIR, instrumentsDir: INSTRUMENTS_DIR, ...extra });
}

/** The loopback address the network listener takes in tests: an address of its own, so requests reach its gate. */
export const TEST_LAN_HOST = '127.0.0.2';

/** The network listener's address of a hub started with {@link startLanTestHub}. */
export const lanBaseOf = (hub: RunningHub): string => `http://${TEST_LAN_HOST}:${hub.context.lan.status().port}`;

/** The headers of a device paired with the hub's current join code. */
export const pairedWith = (hub: RunningHub): Record<string, string> => ({
  cookie: `ideale-join=${hub.context.lan.status().code ?? ''}`,
});

/** A real hub in network mode, its network listener on {@link TEST_LAN_HOST}; `extra` adds or overrides options. */
export function startLanTestHub(dataDir: string, extra: Partial<HubOptions> = {}): Promise<RunningHub> {
  return startHub({
    dataDir,
    port: 0,
    pagesDir: PAGES_DIR,
    instrumentsDir: INSTRUMENTS_DIR,
    lan: true,
    lanPort: 0,
    lanHost: TEST_LAN_HOST,
    ...extra,
  });
}

/** A real WebSocket client that records what the hub sends. */
export class TestClient {
  readonly messages: HubMessage[] = [];
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()) as HubMessage);
      this.waiters.forEach((w) => w());
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.waiters.forEach((w) => w());
    });
  }

  static async connect(
    url: string,
    role?: Role,
    headers: Record<string, string> = {},
    path = '/ws',
  ): Promise<TestClient> {
    const socket = new WebSocket(url.replace('http', 'ws') + path, { headers });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const client = new TestClient(socket);
    if (role) {
      client.send({ type: 'hello', role, device: `test-${role}-device` });
      await client.waitFor((m) => m.type === 'welcome');
    }
    return client;
  }

  send(message: ClientMessage | string): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Resolves with the first message (from `from` on) that matches. */
  waitFor<T extends HubMessage>(match: (m: HubMessage) => m is T, from?: number, timeoutMs?: number): Promise<T>;
  waitFor(match: (m: HubMessage) => boolean, from?: number, timeoutMs?: number): Promise<HubMessage>;
  waitFor(match: (m: HubMessage) => boolean, from = 0, timeoutMs = 5000): Promise<HubMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching message; got ${JSON.stringify(this.messages.slice(from)).slice(0, 400)}`)),
        timeoutMs,
      );
      const check = (): void => {
        const found = this.messages.slice(from).find(match);
        if (found) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolve(found);
        }
      };
      this.waiters.push(check);
      check();
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** Logs in as organiser (setting the PIN on first use) and returns the session token. */
export async function loginAsOrganiser(client: TestClient, pin = '246810'): Promise<string> {
  const from = client.messages.length;
  client.send({ type: 'login', pin });
  const reply = await client.waitFor((m) => m.type === 'session' || m.type === 'error', from);
  if (reply.type !== 'session') throw new Error(`login failed: ${JSON.stringify(reply)}`);
  return reply.token;
}
