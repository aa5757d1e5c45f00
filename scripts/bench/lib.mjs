import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const INSTRUMENT = JSON.parse(readFileSync(join(ROOT, 'assets/instruments/ideale-ambtenaar.json'), 'utf8'));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
  '--use-gl=angle',
  '--use-angle=gl-egl',
  '--ignore-gpu-blocklist',
];

export function tempDir(name) {
  return mkdtempSync(join(tmpdir(), `ideale-bench-${name}-`));
}

/** Hubs still running when the bench's process exits (a phase that failed half-way) are stopped with it. */
const running = new Set();
process.on('exit', () => running.forEach((child) => child.kill('SIGTERM')));

export function stopOnExit(child) {
  running.add(child);
  child.once('exit', () => running.delete(child));
}

/** The built hub in its own process, as in production. */
export async function startHub(dataDir) {
  const child = spawn(process.execPath, [join(ROOT, 'out/main/hub.js'), '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  stopOnExit(child);
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Hub on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`hub exited ${code}`)));
  });
  return { url, pid: child.pid, child, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
}

/** A random valid response for the default instrument. */
export function randomResponse(random = Math.random) {
  const types = INSTRUMENT.types.map((t) => t.id);
  const bias = types.map(() => random() ** 2 + 0.05);
  const sum = bias.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = random() * sum;
    for (let i = 0; i < types.length; i++) if ((r -= bias[i]) <= 0) return types[i];
    return types[types.length - 1];
  };
  return {
    id: randomUUID(),
    instrumentId: INSTRUMENT.id,
    instrumentVersion: INSTRUMENT.version,
    lang: 'nl',
    // A first choice and a different second one, as a 2.x instrument asks.
    answers: INSTRUMENT.items.map((item) => {
      const first = pick();
      let second = pick();
      while (second === first) second = types[Math.floor(random() * types.length)];
      return { item: item.id, order: [first, second] };
    }),
    casus: pick(),
    context: random() < 0.7 ? { rol: 'beleid' } : {},
  };
}

/** Fills a hub's database directly (the hub must have created it and be stopped). */
export function seedDatabase(dataDir, count, hours = 8) {
  const db = new Database(join(dataDir, 'ideale-ambtenaar.sqlite'));
  const insert = db.prepare(
    'INSERT INTO responses (id, instrument_id, instrument_version, received_at, lang, answers, casus, context, round_id, rehearsal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0)',
  );
  const start = Date.now() - hours * 3_600_000;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const r = randomResponse();
      insert.run(
        r.id,
        r.instrumentId,
        r.instrumentVersion,
        start + Math.floor((i / count) * hours * 3_600_000),
        r.lang,
        JSON.stringify(r.answers),
        r.casus,
        JSON.stringify(r.context),
      );
    }
  })();
  db.close();
}

export function connect(url, role) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`);
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'hello', role, device: `bench-${role}-${randomUUID().slice(0, 8)}` }));
      ws.once('message', () => resolve(ws));
    });
    ws.once('error', reject);
  });
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const ms = (v) => `${v.toFixed(1)} ms`;

/** Logs in on an admin socket with the bench's PIN (set on first use) and resolves with the session token. */
export function login(ws) {
  return new Promise((resolve, reject) => {
    ws.once('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'session') resolve(message.token);
      else reject(new Error(`login: ${data}`));
    });
    ws.send(JSON.stringify({ type: 'login', pin: '246810' }));
  });
}

/** Sends one organiser action and waits for the hub's answer. */
export function organiser(ws, token, action) {
  return new Promise((resolve, reject) => {
    const onMessage = (data) => {
      const message = JSON.parse(data.toString());
      if (message.type !== 'done' && message.type !== 'error') return;
      ws.off('message', onMessage);
      if (message.type === 'error') reject(new Error(message.message));
      else resolve(message);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'admin', token, action }));
  });
}
