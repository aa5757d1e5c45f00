import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { createConnection, createServer, type Socket } from 'node:net';
import WebSocket from 'ws';
import type { SurveyResponse } from '../../src/core/response';

/**
 * A name for the hub's network address: a page there is not a secure context, as on a real venue network. It leads
 * to 127.0.0.1, where each phone has its own route to the hub from an address of its own.
 */
export const PHONE_HOST = 'zaal.test';

/** Chromium for phone pages: the suite's flags, plus {@link PHONE_HOST} resolved to the phones' routes. */
export const PHONE_BROWSER = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    `--host-resolver-rules=MAP ${PHONE_HOST} 127.0.0.1`,
  ],
};

/** The loopback address of phone `n`, as the bench's (scripts/bench/room.mjs): never the hub's 127.0.0.1 or .2. */
export const phoneAddress = (n: number): string => `127.0.${Math.floor((n + 10) / 250)}.${((n + 10) % 250) + 3}`;

/**
 * A phone's own way to the hub: a port on 127.0.0.1 that forwards every connection to the hub's network listener
 * from the loopback address `source` (127.0.0.N), so the hub sees the phone's own address, as on the venue Wi-Fi.
 * Chromium has no switch to bind its connections to a source address, and every 127.x destination is reached from
 * 127.0.0.1; the browser opens `http://<name>:<port>` with the name mapped to 127.0.0.1. Only bytes are passed on.
 */
export async function phoneRoute(hub: string, source: string): Promise<{ port: number; close(): Promise<void> }> {
  const target = new URL(hub);
  const open = new Set<Socket>();
  const server = createServer((inbound) => {
    const outbound = createConnection({ host: target.hostname, port: Number(target.port), localAddress: source });
    for (const socket of [inbound, outbound]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => (inbound.destroy(), outbound.destroy()));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Opens the phone address from `source` as a scan does: the cookies the hub sets, for a Cookie header. */
function scan(phoneUrl: string, source: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(phoneUrl, { localAddress: source, agent: false }, (res) => {
      res.resume();
      const cookies = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
      res.on('end', () =>
        res.statusCode === 303 ? resolve(cookies.join('; ')) : reject(new Error(`scan ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A phone without a browser, from `source`: scans the code, opens its socket with the cookies, says hello and hands
 * in `response`; resolves once the hub acknowledged it. A script with the room code does just this.
 */
export async function scriptedPhone(phoneUrl: string, source: string, response: SurveyResponse): Promise<void> {
  const cookie = await scan(phoneUrl, source);
  const url = new URL(phoneUrl);
  const ws = new WebSocket(`ws://${url.host}/ws`, { headers: { cookie }, localAddress: source });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const acked = new Promise<void>((resolve, reject) =>
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { type: string; id?: string; ref?: string; code?: string };
      if (m.type === 'welcome') ws.send(JSON.stringify({ type: 'submit', response }));
      else if (m.type === 'ack' && m.id === response.id) resolve();
      else if (m.type === 'error' && m.ref === response.id) reject(new Error(`refused: ${m.code}`));
    }),
  );
  ws.send(JSON.stringify({ type: 'hello', role: 'phone', device: randomUUID() }));
  await acked;
  ws.close();
}
