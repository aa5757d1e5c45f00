import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { connect, ms, percentile, randomResponse, startHub, tempDir } from './lib.mjs';

/** 2,000 submissions from 50 concurrent clients: every one acknowledged only after its durable commit. */
export async function benchHub({ total = 2000, clients = 50 } = {}) {
  const dir = tempDir('hub');
  const hub = await startHub(dir);
  const projector = await connect(hub.url, 'projector');
  const waiting = new Map();
  projector.on('message', (d) => {
    const m = JSON.parse(d.toString());
    if (m.type === 'update') waiting.get(m.aggregate.total)?.(performance.now());
  });
  const sockets = await Promise.all(Array.from({ length: clients }, () => connect(hub.url, 'kiosk')));
  const acks = [];
  const toProjector = [];
  const started = performance.now();
  await Promise.all(
    sockets.map(async (ws, c) => {
      for (let k = c; k < total; k += clients) {
        const response = randomResponse();
        const t0 = performance.now();
        await new Promise((resolve) => {
          const onMessage = (d) => {
            const m = JSON.parse(d.toString());
            if (m.type === 'ack' && m.id === response.id) {
              ws.off('message', onMessage);
              resolve();
            }
          };
          ws.on('message', onMessage);
          ws.send(JSON.stringify({ type: 'submit', response }));
        });
        acks.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  // Last tap to projector on an idle hub: one submission at a time, at a visitor's pace.
  const kiosk = await connect(hub.url, 'kiosk');
  sockets.push(kiosk);
  for (let i = 0; i < 200; i++) {
    const arrived = new Promise((resolve) => waiting.set(total + i + 1, resolve));
    const t0 = performance.now();
    kiosk.send(JSON.stringify({ type: 'submit', response: randomResponse() }));
    toProjector.push((await arrived) - t0);
    await new Promise((r) => setTimeout(r, 25));
  }
  for (const ws of [...sockets, projector]) ws.close();
  await hub.stop();
  const db = new Database(join(dir, 'ideale-ambtenaar.sqlite'), { readonly: true });
  const stored = db.prepare('SELECT count(*) AS n FROM responses').get().n;
  const integrity = db.pragma('integrity_check', { simple: true });
  db.close();
  console.log(
    `hub: ${total} submissions from ${clients} clients in ${ms(elapsed)} (${((total / elapsed) * 1000).toFixed(0)}/s)`,
  );
  console.log(`  ack latency p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))} (budget p99 ≤ 50 ms)`);
  console.log(`  stored after restart ${stored} of ${total + 200}, integrity ${integrity}`);
  console.log(
    `  submit → projector update (loopback, durable commit) p50 ${ms(percentile(toProjector, 50))}, p95 ${ms(percentile(toProjector, 95))} (budget p95 ≤ 100 ms)`,
  );
}
