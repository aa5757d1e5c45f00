import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { SurveyResponse } from '../../src/core/response';
import { tempDataDir } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { LOSSES_FILE } from '../../src/hub/store/lossLedger';

const HUB = join(__dirname, '../../out/main/hub.js');
const instrument = shippedInstrument('ideale-ambtenaar');
const TOTAL = Number(process.env.CRASH_SUBMISSIONS ?? 600);
const KILLS = Number(process.env.CRASH_KILLS ?? 15);
const CLIENTS = 4;
const data = tempDataDir();
afterAll(() => data.remove());

/** The built hub in a child process that we kill like a power cut. */
function startHub(port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [HUB, '--data', data.dir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Hub on http:\/\/[\d.]+:(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`hub exited ${code}: ${out}`)));
  });
}

/** A kiosk that keeps every response until acked and resends after each reconnect, like the real outbox. */
class ResendingClient {
  readonly pending = new Map<string, SurveyResponse>();
  readonly acked = new Set<string>();
  private socket: WebSocket | null = null;
  constructor(private port: () => number) {}

  connect(): void {
    const ws = new WebSocket(`ws://127.0.0.1:${this.port()}/ws`);
    this.socket = ws;
    ws.on('open', () => {
      ws.send(
        JSON.stringify({ type: 'hello', role: 'kiosk', device: `crash-${Math.random().toString(36).slice(2, 10)}` }),
      );
      for (const response of this.pending.values()) ws.send(JSON.stringify({ type: 'submit', response }));
    });
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { type: string; id?: string };
      if (m.type === 'ack' && m.id) {
        this.pending.delete(m.id);
        this.acked.add(m.id);
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.socket === ws) setTimeout(() => this.connect(), 30);
    });
  }

  submit(response: SurveyResponse): void {
    this.pending.set(response.id, response);
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'submit', response }));
  }

  stop(): void {
    const ws = this.socket;
    this.socket = null;
    ws?.close();
  }
}

describe('crash during writes', () => {
  it(`SIGKILL at ${KILLS} random moments during ${TOTAL} submissions: nothing acknowledged is lost, nothing doubled`, async () => {
    if (!existsSync(HUB)) throw new Error('run npm run build first: out/main/hub.js is missing');
    let hub = await startHub(0);
    const port = hub.port;
    const clients = Array.from({ length: CLIENTS }, () => new ResendingClient(() => port));
    clients.forEach((c) => c.connect());
    // Distinct moments: two draws of the same one would be one kill, and the figure would fall short of KILLS.
    const killAt = new Set<number>();
    while (killAt.size < Math.min(KILLS, TOTAL)) killAt.add(Math.floor(Math.random() * TOTAL));
    const checks: string[] = [];
    for (let i = 0; i < TOTAL; i++) {
      clients[i % CLIENTS]!.submit(makeResponse(instrument, (k) => (k * 7 + i) % 3));
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5));
      if (killAt.has(i)) {
        hub.child.kill('SIGKILL');
        await new Promise((r) => hub.child.once('exit', r));
        const db = new Database(join(data.dir, 'ideale-ambtenaar.sqlite'));
        checks.push(String(db.pragma('integrity_check', { simple: true })));
        db.close();
        hub = await startHub(port);
      }
    }
    const deadline = Date.now() + 30_000;
    while (clients.some((c) => c.pending.size > 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    clients.forEach((c) => c.stop());
    hub.child.kill('SIGKILL');
    await new Promise((r) => hub.child.once('exit', r));

    const db = new Database(join(data.dir, 'ideale-ambtenaar.sqlite'), { readonly: true });
    const stored = new Set((db.prepare('SELECT id FROM responses').all() as { id: string }[]).map((r) => r.id));
    const rows = (db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n;
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    db.close();
    const acked = clients.flatMap((c) => [...c.acked]);
    const lost = acked.filter((id) => !stored.has(id)).length;
    const stillPending = clients.reduce((n, c) => n + c.pending.size, 0);
    console.log(
      `crash-during-writes: ${killAt.size} kills, ${acked.length} acknowledged, ${rows} rows, ${lost} lost, ${rows - stored.size} duplicated, ${stillPending} still pending, integrity ${integrity} (${checks.filter((c) => c === 'ok').length}/${checks.length} checks ok after kills)`,
    );
    expect(lost).toBe(0);
    expect(rows).toBe(stored.size);
    expect(rows).toBe(TOTAL);
    expect(stillPending).toBe(0);
    expect(integrity).toBe('ok');
    expect(checks.every((c) => c === 'ok')).toBe(true);
    // A kill is no damage: no start may have set the file aside.
    expect(readdirSync(data.dir).filter((f) => f.includes('.damaged-'))).toEqual([]);
    // Nor a loss: the count beside the file never runs ahead of what a start finds, so nothing is recorded as lost.
    expect(existsSync(join(data.dir, LOSSES_FILE))).toBe(false);
  }, 180_000);
});
