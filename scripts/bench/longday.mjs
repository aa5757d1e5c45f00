import { chromium } from '@playwright/test';
import { FRAME_PROBE } from './browser.mjs';
import { CHROMIUM_ARGS, connect, ms, percentile, randomResponse, startHub, tempDir } from './lib.mjs';
import { heapMb } from './soak-page.cjs';

const HOURS = 8;
/** The projector's views (talkViews.ts): crowd, bars, casus, context, split, replay. */
const VIEW_COUNT = 6;
/** How often the page's clock is moved on, in real milliseconds. */
const TICK_MS = 250;
/** Real time after a view change before the clock jumps again. */
const SETTLE_MS = 300;

/** The share of the scene's pixels that are not the background: how much of the stage the crowd covers. */
async function stageCoverage(page) {
  // A clip of the page, not an element screenshot: that waits for the element to be stable over frames of a
  // clock that only moves when the bench moves it.
  const clip = await page
    .locator('canvas')
    .boundingBox({ timeout: 10_000 })
    .catch(() => null);
  if (!clip) return NaN;
  const shot = await page.screenshot({ clip, timeout: 60_000 }).catch(() => null);
  if (!shot) return NaN;
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let other = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(d[i] - 11) + Math.abs(d[i + 1] - 16) + Math.abs(d[i + 2] - 32) > 30) other++;
    return other / (d.length / 4);
  }, shot.toString('base64'));
}

/**
 * Lets the page's clock run at its own pace after a view change, as it would on the day, until a view with the
 * scene draws again (at most 3 s). The scene mounts by measuring its container; a jump of many seconds at that
 * instant can leave it waiting (seen only under this fake clock, never with a real one). False when it did not draw.
 */
async function settle(page) {
  const before = await page.evaluate(() => window.__bench.frames.length);
  await page.waitForTimeout(SETTLE_MS);
  for (let waited = SETTLE_MS; waited < 3000; waited += 100) {
    const { drawn, scene } = await page.evaluate(() => ({
      drawn: window.__bench.frames.length,
      scene: document.querySelector('canvas') !== null,
    }));
    if (!scene || drawn > before) return true;
    await page.waitForTimeout(100);
  }
  return false;
}

/** Sends one organiser action and waits for the hub's answer. */
function organiser(ws, token, action) {
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

async function login(ws) {
  return new Promise((resolve, reject) => {
    ws.once('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'session') resolve(message.token);
      else reject(new Error(`login: ${data}`));
    });
    ws.send(JSON.stringify({ type: 'login', pin: '246810' }));
  });
}

/**
 * "Eight hours in eight minutes": the projector stays open while the page's clock runs sixty times fast, 3,000
 * answers arrive live, the presenter changes view every (real) minute and blanks the screen, rounds start and stop
 * and the round filter goes on and off. Prints per hour the frame JS p50/p95 and the heap after a collection, and at
 * the end the figures on stage against the answers the hub holds. `LONGDAY_MINUTES=2` runs the same day in two;
 * `LONGDAY_DEBUG=1` adds the page's state each hour and its console errors.
 */
export async function benchLongDay({
  minutes = Number(process.env.LONGDAY_MINUTES ?? 8),
  arrivals = Number(process.env.LONGDAY_ARRIVALS ?? 3000),
} = {}) {
  const hourMs = (minutes * 60_000) / HOURS;
  const hub = await startHub(tempDir('longday'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // The real clock is kept aside for the frame probe; then the fast clock, so the probe wraps the clock's
  // requestAnimationFrame, which the page then uses.
  await page.addInitScript(() => (window.__realNow = performance.now.bind(performance)));
  await page.clock.install();
  await page.addInitScript(FRAME_PROBE);
  if (process.env.LONGDAY_DEBUG) {
    page.on('console', (m) => m.type() === 'error' && console.log('   console', m.text().slice(0, 160)));
    page.on('crash', () => console.log('   page crashed'));
  }
  await page.goto(`${hub.url}/projector`);
  const kiosk = await connect(hub.url, 'kiosk');
  const admin = await connect(hub.url, 'admin');
  const token = await login(admin);
  console.log(
    `long day: ${HOURS} hours in ${minutes} min (page clock ×${Math.round(3_600_000 / hourMs)}), ${arrivals} arrivals`,
  );

  let sent = 0;
  const perHour = Math.ceil(arrivals / HOURS);
  const speed = 3_600_000 / hourMs;
  const pageStart = await page.evaluate(() => Date.now());
  for (let hour = 1; hour <= HOURS; hour++) {
    if (hour % 2 === 0) await organiser(admin, token, { kind: 'startRound', name: `Ronde ${hour / 2}` });
    else if (hour > 1) await organiser(admin, token, { kind: 'stopRound' });
    await page.evaluate(() => (window.__bench.frames = []));
    const start = Date.now();
    // Answers come from a kiosk socket on their own timer, as they would, whatever the page is doing.
    const due = Math.min(arrivals, sent + perHour);
    const submit = () => {
      kiosk.send(JSON.stringify({ type: 'submit', response: randomResponse() }));
      sent += 1;
    };
    const sender = setInterval(() => sent < due && submit(), hourMs / perHour);
    // Each hour the presenter goes out to another view (a different one each hour), blanks there, comes back to the
    // crowd and toggles the round filter (or steps away and back): four view changes, and the crowd on stage for
    // the last two fifths of the hour, where the frames are measured.
    const away = 1 + ((hour - 1) % (VIEW_COUNT - 1));
    const changes = [
      Array(away).fill('ArrowRight'),
      ['b', 'b'],
      Array(away).fill('ArrowLeft'),
      hour % 2 === 0 ? ['r'] : ['ArrowLeft', 'ArrowRight'],
    ];
    let viewChanges = 0;
    let stalls = 0;
    const change = async () => {
      for (const key of changes[viewChanges]) await page.keyboard.press(key);
      if (!(await settle(page))) stalls += 1;
      viewChanges += 1;
      // Frames before the return measure other views; the hour's figures are the crowd's.
      if (viewChanges === 3) await page.evaluate(() => (window.__bench.frames = []));
    };
    let slowTicks = 0;
    for (let tick = start; Date.now() - start < hourMs; tick += TICK_MS) {
      // The page's clock jumps ahead a quarter of a second at a time; a slow frame slows the page's day, not ours.
      const before = Date.now();
      await page.clock.fastForward(Math.round(speed * TICK_MS));
      if (Date.now() - before > 5 * TICK_MS) slowTicks += 1;
      if (viewChanges < changes.length && Date.now() - start > ((viewChanges + 1) * hourMs) / 5) await change();
      const wait = tick + TICK_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    // A slow hour still ends where it started, on the crowd: the next hour's walk is counted from there.
    const late = changes.length - viewChanges;
    while (viewChanges < changes.length) await change();
    clearInterval(sender);
    while (sent < due) submit();
    const pageHours = ((await page.evaluate(() => Date.now())) - pageStart) / 3_600_000;
    const frames = await page.evaluate(() => window.__bench.frames.map((f) => f.ms));
    if (process.env.LONGDAY_DEBUG)
      console.log(
        '   debug',
        JSON.stringify(
          await page.evaluate(() => ({
            view: document.querySelector('.projector')?.getAttribute('data-view'),
            webgl: document.querySelector('.projector')?.getAttribute('data-webgl'),
            canvases: document.querySelectorAll('canvas').length,
            probe: !!document.createElement('canvas').getContext('webgl2'),
          })),
        ),
      );
    const frameJs = frames.length
      ? `frame JS p50 ${ms(percentile(frames, 50))}, p95 ${ms(percentile(frames, 95))} over ${frames.length} frames`
      : 'no crowd frames this hour';
    const stalled =
      (stalls ? `; the scene started late after ${stalls} view change(s)` : '') +
      (slowTicks ? `; ${slowTicks} clock step(s) over ${5 * TICK_MS} ms` : '') +
      (late ? `; ${late} view change(s) made after the hour` : '');
    console.log(
      `  hour ${hour} (page clock ${pageHours.toFixed(1)} h): ${sent} arrivals, ${frameJs}, heap ${(await heapMb(page)).toFixed(1)} MB${stalled}`,
    );
  }

  // The whole day on stage: crowd view, no round filter, and a last blank to remount the canvas.
  await organiser(admin, token, { kind: 'stopRound' }).catch(() => undefined);
  const filtered = await page.locator('[data-testid="round-badge"]').count();
  if (filtered) await page.keyboard.press('r');
  while ((await page.getByTestId('view-title').textContent({ timeout: 10_000 })) !== 'Het publiek')
    await page.keyboard.press('ArrowRight');
  await settle(page);
  await page.clock.fastForward(30_000);
  await page.waitForTimeout(2000);
  const before = await stageCoverage(page);
  await page.keyboard.press('b');
  await page.keyboard.press('b');
  await page.waitForTimeout(2000);
  const after = await stageCoverage(page);
  const total = Number(await page.getByTestId('total').textContent());
  const instances = await page.evaluate(() => window.__bench.lastInstances);
  console.log(`  on stage at the end: ${instances} figures drawn, ${total} on the counter, ${sent} sent`);
  console.log(
    Number.isNaN(before + after)
      ? '  stage coverage: no screenshot in time (a software rasteriser draws a large crowd slowly)'
      : `  stage covered by the crowd: ${(before * 100).toFixed(2)} % before a blank, ${(after * 100).toFixed(2)} % after (the same when every figure stands where it belongs)`,
  );
  kiosk.close();
  admin.close();
  await browser.close();
  await hub.stop();
}
