import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, INSTRUMENT, ms, percentile, ROOT, stopOnExit, tempDir } from './lib.mjs';
import { runRoom } from './room.mjs';

const LAN_HOST = '127.0.0.2';

/** The built hub in network mode with audience mode on; resolves with its loopback URL and the phones' address. */
export async function startAudienceHub(dataDir) {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'out/main/hub.js'),
      '--data',
      dataDir,
      '--port',
      '0',
      '--lan',
      '--lan-host',
      LAN_HOST,
      '--lan-port',
      '0',
      '--audience',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  stopOnExit(child);
  const found = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const hub = /Hub on (http:\/\/[\d.]+:\d+)/.exec(out);
      const phone = /Phones:\s+(http:\S+)/.exec(out);
      if (hub && phone) resolve({ url: hub[1], phoneUrl: phone[1] });
    });
    child.once('exit', (code) => reject(new Error(`hub exited ${code}`)));
  });
  return { ...found, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
}

/** The JavaScript files a page loaded, gzipped as a web server would send them (the hub sends them as they are). */
function gzippedBytes(paths) {
  return paths.reduce(
    (sum, path) => sum + gzipSync(readFileSync(join(ROOT, 'out/renderer', path)), { level: 9 }).length,
    0,
  );
}

/** Main-thread time per animation frame on the projector, measured without a hook in the app. */
export const FRAME_PROBE = () => {
  const frames = [];
  window.__frames = frames;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) =>
    raf((t) => {
      const t0 = performance.now();
      cb(t);
      frames.push(performance.now() - t0);
    });
};

/**
 * Audience mode: the phone page's weight and first paint on a 4× slowed CPU, then a full room (300 phones, each
 * from its own loopback address) joining and answering while the projector animates: answers stored, ack latency,
 * the projector's frame time. The room's minute of joining and five minutes of answering are compressed by
 * AUDIENCE_SCALE (default 5; 1 is real time).
 */
export async function benchAudience({ phones = 300, scale = Number(process.env.AUDIENCE_SCALE ?? 5) } = {}) {
  const dir = tempDir('audience');
  const hub = await startAudienceHub(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });

  const paints = [];
  let scripts = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(hub.phoneUrl);
    await page.locator('.intro h1').waitFor();
    const paint = await page.evaluate(
      () =>
        new Promise((resolve) =>
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true }),
        ),
    );
    paints.push(paint);
    scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((path) => path.endsWith('.js'))
        .map((path) => path.slice(1)),
    );
    await context.close();
  }
  const three = scripts.some((path) => /three|projector/.test(path));
  console.log(
    `audience: phone page loads ${scripts.length} JavaScript files, ${(gzippedBytes(scripts) / 1024).toFixed(1)} kB gzipped; three.js ${three ? 'LOADED' : 'not loaded'} (budget ≤ 150 kB)`,
  );
  console.log(
    `  phone page first contentful paint, CPU 4× slowed: median ${ms(percentile(paints, 50))}, worst ${ms(Math.max(...paints.filter((p) => p >= 0)))} over ${paints.length} loads (budget ≤ 1500 ms)`,
  );

  const projector = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await projector.addInitScript(FRAME_PROBE);
  await projector.goto(`${hub.url}/projector`);
  await projector.waitForTimeout(2000);
  await projector.evaluate(() => (window.__frames.length = 0));
  const joinMs = 60_000 / scale;
  const answerMs = 300_000 / scale;
  const room = await runRoom({ phoneUrl: hub.phoneUrl, instrument: INSTRUMENT, phones, joinMs, answerMs });
  const frames = await projector.evaluate(() => window.__frames);
  const total = await projector.getByTestId('total').textContent();
  await browser.close();
  await hub.stop();
  console.log(
    `  room: ${room.joined} of ${phones} phones joined within ${(joinMs / 1000).toFixed(0)} s, ${room.latencies.length} answers stored within ${(answerMs / 1000).toFixed(0)} s more${scale === 1 ? '' : ` (real time ÷ ${scale})`}; failures ${room.failures.length}; projector shows ${total}`,
  );
  console.log(
    `  ack latency p50 ${ms(percentile(room.latencies, 50))}, p99 ${ms(percentile(room.latencies, 99))} (budget p99 ≤ 50 ms); messages phones got: ${room.kinds.join(', ')}`,
  );
  console.log(
    `  projector frame JS during the room p50 ${ms(percentile(frames, 50))}, p95 ${ms(percentile(frames, 95))}, worst ${ms(Math.max(...frames))} over ${frames.length} frames (budget ≤ 2 ms)`,
  );
}
