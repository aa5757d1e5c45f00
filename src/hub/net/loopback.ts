import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Routes } from './routes';

/** The listener for the hub's own windows: 127.0.0.1 only, always on (the venue network has its own, lan.ts). */
export interface Loopback {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0 picks a free one) and hands every request and upgrade to `routes`. */
export async function listenLoopback(
  routes: () => Routes,
  port: number,
  log: (line: string) => void,
): Promise<Loopback> {
  const http = createServer((req, res) => routes().request(req, res, 'local'));
  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) =>
    routes().upgrade(req, socket, head, 'local'),
  );
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  http.on('error', (cause) => log(`Hub listener: ${cause.message}`));
  const bound = (http.address() as AddressInfo).port;
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
