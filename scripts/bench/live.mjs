import { chromium } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { FRAME_PROBE, startAudienceHub } from './audience.mjs';
import { CHROMIUM_ARGS, connect, login, ms, percentile, tempDir } from './lib.mjs';
import { joinPhone, phoneAddress } from './room.mjs';

const sleep = (t) => new Promise((r) => setTimeout(r, t));

/** Waits for the next message of `type` on a socket. */
function next(ws, type) {
  return new Promise((resolve) => {
    const on = (d) => {
      const m = JSON.parse(d.toString());
      if (m.type !== type) return;
      ws.off('message', on);
      resolve(m);
    };
    ws.on('message', on);
  });
}

/** The console switches the remote on; resolves with the presenter code. */
export async function presenterCode(url) {
  const admin = await connect(url, 'admin');
  const token = await login(admin);
  const status = next(admin, 'liveStatus');
  admin.send(JSON.stringify({ type: 'liveAdmin', token, action: { kind: 'presenter', enabled: true } }));
  const { status: live } = await status;
  admin.close();
  return live.presenter.code;
}

/** A remote on the presenter's phone: scans the code, opens `/ws?remote`, says hello. */
export function openRemote(phoneUrl, code) {
  const base = new URL(phoneUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base.origin}/remote/?presenter=${code}`,
      { localAddress: '127.0.9.9', agent: false },
      (res) => {
        res.resume();
        const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
        const ws = new WebSocket(`ws://${base.host}/ws?remote`, { headers: { cookie }, localAddress: '127.0.9.9' });
        ws.once('open', () => {
          ws.send(
            JSON.stringify({ type: 'hello', role: 'remote', device: `bench-remote-${randomUUID().slice(0, 8)}` }),
          );
          next(ws, 'remoteState').then(() => resolve(ws));
        });
        ws.once('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Records on the projector page when the live split's figures change, on the page's clock as epoch ms. */
export const CHANGE_PROBE = () => {
  window.__changes = [];
  new MutationObserver(() => {
    const figures = document.querySelector('[data-testid="live-figures"]')?.getAttribute('data-figures') ?? '';
    if (window.__last === figures) return;
    window.__last = figures;
    window.__changes.push({ at: performance.timeOrigin + performance.now(), figures });
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-figures'] });
};

/**
 * The remote's button to the projector changed: `hide` sent at t0, the projector hides, reports its state, and the
 * hub tells the remote; that round trip is an upper bound of the button's effect on the projector.
 */
async function remoteButtons(remote, presses = 20) {
  const times = [];
  for (let i = 0; i < presses; i++) {
    const changed = new Promise((resolve) => {
      const on = (d) => {
        const m = JSON.parse(d.toString());
        if (m.type === 'remoteState' && m.state.projector?.hidden === (i % 2 === 0)) {
          remote.off('message', on);
          resolve();
        }
      };
      remote.on('message', on);
    });
    const t0 = performance.now();
    remote.send(JSON.stringify({ type: 'remote', command: 'hide' }));
    await changed;
    times.push(performance.now() - t0);
    await sleep(100);
  }
  return times;
}

/**
 * The talk's live moment under load (docs/adr/0010): 300 phones answer one situation within 30 s while the projector
 * animates: the hub's ack time per answer, answer → figures on the projector (for the answers that completed a step
 * of the split, which is when figures walk in), the projector's main-thread time per frame; and the remote's button
 * → the projector's view changed, on loopback. Figures are printed against the budgets, never asserted.
 */
export async function benchLive({ phones = 300, answerMs = 30_000 } = {}) {
  const hub = await startAudienceHub(tempDir('live'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const projector = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await projector.addInitScript(FRAME_PROBE);
    await projector.addInitScript(CHANGE_PROBE);
    await projector.goto(`${hub.url}/projector`);
    await projector.waitForTimeout(1500);
    const remote = await openRemote(hub.phoneUrl, await presenterCode(hub.url));

    const buttons = await remoteButtons(remote);

    const sockets = await Promise.all(
      Array.from({ length: phones }, (_, n) => joinPhone(hub.phoneUrl, phoneAddress(n))),
    );
    const question = Promise.all(sockets.map((ws) => next(ws, 'liveQuestion')));
    remote.send(JSON.stringify({ type: 'remote', command: 'livePut' }));
    const asked = await question;
    const live = asked.find((m) => m.question)?.question;
    await projector.evaluate(() => (window.__frames.length = 0));
    const acks = [];
    const sentAt = [];
    await Promise.all(
      sockets.map(async (ws, n) => {
        await sleep(Math.random() * answerMs);
        const id = randomUUID();
        const t0 = performance.now();
        const acked = new Promise((resolve) => {
          const on = (d) => {
            const m = JSON.parse(d.toString());
            if ((m.type === 'ack' && m.id === id) || (m.type === 'error' && m.ref === id)) {
              ws.off('message', on);
              resolve(m);
            }
          };
          ws.on('message', on);
        });
        ws.send(JSON.stringify({ type: 'liveAnswer', live: live.id, option: n % live.options.length, id }));
        const reply = await acked;
        if (reply.type === 'ack') {
          acks.push(performance.now() - t0);
          sentAt.push(Date.now() - (performance.now() - t0));
        }
      }),
    );
    await sleep(1000);
    const { frames, changes } = await projector.evaluate(() => ({
      frames: window.__frames,
      changes: window.__changes,
    }));
    // A figure walks in when a step of the split is published: the last answer sent before each change caused it.
    const sorted = [...sentAt].sort((a, b) => a - b);
    const toFigure = changes
      .filter((c) => c.figures)
      .map((c) => {
        const cause = sorted.filter((t) => t <= c.at).at(-1);
        return cause === undefined ? null : c.at - cause;
      })
      .filter((x) => x !== null);
    const busy = frames.filter((f) => f > 50).length;
    console.log(`live: ${acks.length} of ${phones} phones answered within ${answerMs / 1000} s`);
    console.log(`  hub ack: p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))} (budget p99 ≤ 50 ms)`);
    console.log(
      `  answer → figures on the projector (${toFigure.length} steps of the split): p50 ${ms(percentile(toFigure, 50))}, p95 ${ms(percentile(toFigure, 95))} (budget p95 ≤ 250 ms)`,
    );
    console.log(
      `  projector frames: ${frames.length}, main thread p95 ${ms(percentile(frames, 95))}, worst ${ms(Math.max(0, ...frames))}, ${busy} over 50 ms (budget: none over 50 ms)`,
    );
    console.log(
      `  remote button → projector changed (and told back to the remote): p50 ${ms(percentile(buttons, 50))}, p95 ${ms(percentile(buttons, 95))} over ${buttons.length} presses (budget p95 ≤ 100 ms)`,
    );
    for (const ws of sockets) ws.close();
    remote.close();
  } finally {
    await browser.close();
    await hub.stop();
  }
}
