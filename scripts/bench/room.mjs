import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/**
 * A talk room of phones over loopback: each phone from its own 127.x address (the client socket bound to it, as a
 * phone on the venue Wi-Fi has its own), scanning the room code, opening its socket, saying hello and, later,
 * handing in one answer. Used by `npm run bench -- audience` and, shorter, by tests/integration/audienceLoad.test.ts.
 */

/** The loopback address of phone `n`: never 127.0.0.1 (the hub's own windows) or 127.0.0.2 (its network side). */
export const phoneAddress = (n) => `127.0.${Math.floor((n + 10) / 250)}.${((n + 10) % 250) + 3}`;

/** A valid answer for the instrument, in its own answer form (first and second choice, or one). */
export function roomAnswer(instrument, random = Math.random) {
  const types = instrument.types.map((t) => t.id);
  const pick = () => types[Math.floor(random() * types.length)];
  return {
    id: randomUUID(),
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    lang: random() < 0.8 ? 'nl' : 'en',
    answers: instrument.items.map((item) => {
      const first = pick();
      if (instrument.scoring !== 'first-and-second') return { item: item.id, type: first };
      const rest = types.filter((t) => t !== first);
      return { item: item.id, order: [first, rest[Math.floor(random() * rest.length)]] };
    }),
    casus: pick(),
    context: {},
  };
}

function scan(phoneUrl, localAddress) {
  return new Promise((resolve, reject) => {
    const req = request(phoneUrl, { localAddress, agent: false }, (res) => {
      res.resume();
      const cookies = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
      res.on('end', () =>
        res.statusCode === 303 ? resolve(cookies.join('; ')) : reject(new Error(`${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** A phone joining: it scans the code from its own address, opens its socket and says hello. */
export async function joinPhone(phoneUrl, localAddress) {
  const cookie = await scan(phoneUrl, localAddress);
  const url = new URL(phoneUrl);
  const ws = new WebSocket(`ws://${url.host}/ws`, { headers: { cookie }, localAddress });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.kinds = new Set();
  ws.on('message', (d) => ws.kinds.add(JSON.parse(d.toString()).type));
  const welcomed = new Promise((resolve) => ws.once('message', resolve));
  ws.send(JSON.stringify({ type: 'hello', role: 'phone', device: randomUUID() }));
  await welcomed;
  return ws;
}

function answer(ws, response) {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const onMessage = (data) => {
      const m = JSON.parse(data.toString());
      if ((m.type === 'ack' && m.id === response.id) || (m.type === 'error' && m.ref === response.id)) {
        ws.off('message', onMessage);
        resolve({ ms: performance.now() - t0, ok: m.type === 'ack' && !m.duplicate });
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'submit', response }));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a room: `phones` join at random moments within `joinMs`, and each answers at a random moment within
 * `answerMs` after joining. Returns what the room saw: acks and their latency, and every message type a phone got.
 */
export async function runRoom({ phoneUrl, instrument, phones = 300, joinMs = 60_000, answerMs = 300_000 }) {
  const latencies = [];
  const failures = [];
  const kinds = new Set();
  let joined = 0;
  const started = performance.now();
  const sockets = [];
  await Promise.all(
    Array.from({ length: phones }, async (_, n) => {
      await sleep(Math.random() * joinMs);
      let ws;
      try {
        ws = await joinPhone(phoneUrl, phoneAddress(n));
      } catch (error) {
        failures.push(`join ${n}: ${error.message}`);
        return;
      }
      sockets.push(ws);
      joined++;
      await sleep(Math.random() * answerMs);
      const result = await answer(ws, roomAnswer(instrument));
      if (result.ok) latencies.push(result.ms);
      else failures.push(`answer ${n} not stored`);
    }),
  );
  const elapsed = performance.now() - started;
  for (const ws of sockets) {
    for (const kind of ws.kinds) kinds.add(kind);
    ws.close();
  }
  return { joined, latencies, failures, kinds: [...kinds].sort(), elapsed };
}
