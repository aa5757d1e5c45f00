import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { FRAME_PROBE } from './browser.mjs';
import { CHROMIUM_ARGS, connect, login, ms, organiser, percentile, randomResponse, startHub, tempDir } from './lib.mjs';
import { endOfDay, settle } from './longdayStage.mjs';
import { stopSignal } from './phases.mjs';
import { heapMb } from './soak-page.cjs';
import * as watch from './watch.mjs';

const HOURS = 8;
/** The projector's views (talkViews.ts): crowd, bars, casus, context, split, replay. */
const VIEW_COUNT = 6;
/** How often the page's clock is moved on, in real milliseconds. */
const TICK_MS = 250;

/**
 * The page's clock runs fast (Date, performance.now, timers); its animation frames do not. Playwright's clock also
 * fakes requestAnimationFrame, as a timer that fires every 16 ms whatever the GPU is doing. On a software rasteriser
 * that draws 2,000 figures once or twice a second, the page then queued 20 to 30 frames a second, the GPU process
 * held the backlog (200 MB more every 5 s, up to 2.6 GB) and the next call that waits for the GPU (the canvas's
 * teardown on a view change, a screenshot) waited for all of it: minutes in one key press. The browser's own frames
 * wait for the GPU, as they do on the day. The real clock is kept aside for the frame probe.
 */
export async function installFastClock(page) {
  await page.addInitScript(() => {
    window.__realNow = performance.now.bind(performance);
    window.__realFrame = [window.requestAnimationFrame.bind(window), window.cancelAnimationFrame.bind(window)];
  });
  await page.clock.install();
  await page.addInitScript(() => ([window.requestAnimationFrame, window.cancelAnimationFrame] = window.__realFrame));
}

/** Opens the projector, in a new browser when there is none (or it went away). */
async function openProjector(day) {
  if (!day.browser?.isConnected()) {
    day.launches += 1;
    const logFile = join(day.dir, `chromium-${day.launches}.log`);
    day.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, ...watch.logArgs(logFile)],
    });
    watch.watchBrowser(day.browser, day.log);
    day.readLog = watch.browserLog(logFile);
    day.session = await day.browser.newBrowserCDPSession();
    day.memory = null;
  }
  const page = await day.browser.newPage({ viewport: { width: 1280, height: 720 } });
  watch.watchPage(page, day.log);
  await installFastClock(page);
  await page.addInitScript(FRAME_PROBE);
  await page.addInitScript(watch.CONTEXT_LOSS_PROBE);
  await page.goto(`${day.hub.url}/projector`);
  day.page = page;
  day.pageSession = await page.context().newCDPSession(page);
  await day.pageSession.send('Performance.enable');
  day.pageStart = await page.evaluate(() => Date.now());
}

/** The memory of the processes that draw; notes a GPU process that was replaced since the last sample. */
async function sample(day) {
  const memory = await watch.processMemory(day.session).catch(() => null);
  if (!memory) return day.memory;
  if (day.memory?.gpuPid && memory.gpuPid !== day.memory.gpuPid) day.log.note('GPU process restarted');
  day.memory = memory;
  return memory;
}

/**
 * One hour: answers arrive from a kiosk socket on their own timer while the presenter goes out to another view (a
 * different one each hour), blanks there, comes back to the crowd and toggles the round filter (or steps away and
 * back): four view changes, and the crowd on stage for the last two fifths of the hour, where frames are measured.
 */
async function playHour(day, hour, traffic, during) {
  const { page } = day;
  const { hourMs, speed } = traffic;
  await page.evaluate(() => (window.__bench.frames = []));
  const start = Date.now();
  const due = Math.min(traffic.arrivals, traffic.sent + traffic.perHour);
  const submit = () => {
    traffic.kiosk.send(JSON.stringify({ type: 'submit', response: randomResponse() }));
    traffic.sent += 1;
  };
  const sender = setInterval(() => traffic.sent < due && submit(), hourMs / traffic.perHour);
  const away = 1 + ((hour - 1) % (VIEW_COUNT - 1));
  const changes = [
    Array(away).fill('ArrowRight'),
    ['b', 'b'],
    Array(away).fill('ArrowLeft'),
    hour % 2 === 0 ? ['r'] : ['ArrowLeft', 'ArrowRight'],
  ];
  const walk = { viewChanges: 0, stalls: 0, slowTicks: 0, late: 0 };
  const change = async () => {
    for (const key of changes[walk.viewChanges]) await page.keyboard.press(key);
    if (!(await settle(page))) walk.stalls += 1;
    walk.viewChanges += 1;
    await sample(day);
    if (walk.viewChanges === 1) await during?.(hour, day);
    // Frames before the return measure other views; the hour's figures are the crowd's.
    if (walk.viewChanges === 3) await page.evaluate(() => (window.__bench.frames = []));
  };
  try {
    for (let tick = start; Date.now() - start < hourMs; tick += TICK_MS) {
      // The page's clock jumps ahead a quarter of a second at a time; a slow frame slows the page's day, not ours.
      const before = Date.now();
      await page.clock.fastForward(Math.round(speed * TICK_MS));
      if (Date.now() - before > 5 * TICK_MS) walk.slowTicks += 1;
      if (walk.viewChanges < changes.length && Date.now() - start > ((walk.viewChanges + 1) * hourMs) / 5)
        await change();
      const wait = tick + TICK_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    // A slow hour still ends where it started, on the crowd: the next hour's walk is counted from there.
    walk.late = changes.length - walk.viewChanges;
    while (walk.viewChanges < changes.length) await change();
  } finally {
    clearInterval(sender);
    while (traffic.sent < due) submit();
  }
  return walk;
}

async function debugState(page) {
  if (!process.env.LONGDAY_DEBUG) return '';
  const state = await page.evaluate(() => ({
    view: document.querySelector('.projector')?.getAttribute('data-view'),
    webgl: document.querySelector('.projector')?.getAttribute('data-webgl'),
    canvases: document.querySelectorAll('canvas').length,
  }));
  return `\n   debug ${JSON.stringify(state)}`;
}

/** The hour's figures: frames of the crowd, the page's heap, the memory of the processes that draw, and events. */
async function hourLine(day, hour, walk, sent) {
  const { page } = day;
  const pageHours = ((await page.evaluate(() => Date.now())) - day.pageStart) / 3_600_000;
  const frames = await page.evaluate(() => window.__bench.frames.map((f) => f.ms));
  const heapBefore = await watch.pageHeapMb(day.pageSession);
  const heap = await heapMb(page);
  const memory = await sample(day);
  const frameJs = frames.length
    ? `frame JS p50 ${ms(percentile(frames, 50))}, p95 ${ms(percentile(frames, 95))} over ${frames.length} frames`
    : 'no crowd frames this hour';
  const notes = [
    walk.stalls && `the scene started late after ${walk.stalls} view change(s)`,
    walk.slowTicks && `${walk.slowTicks} clock step(s) over ${5 * TICK_MS} ms`,
    walk.late && `${walk.late} view change(s) made after the hour`,
  ].filter(Boolean);
  const events = watch.eventsText(day.log.take());
  const browserLog = day.readLog();
  return (
    `  hour ${hour} (page clock ${pageHours.toFixed(1)} h): ${sent} arrivals, ${frameJs}, ` +
    `heap ${heap.toFixed(1)} MB after a collection (${heapBefore.toFixed(1)} MB before), ${watch.memoryText(memory)}` +
    notes.map((n) => `; ${n}`).join('') +
    (events ? `\n    events: ${events}` : '') +
    (browserLog.length ? `\n    browser log: ${browserLog.slice(-3).join(' | ')}` : '') +
    (await debugState(page))
  );
}

/** Why an hour failed: what the page and the browser reported, the error, and the last memory sample. */
function failure(day, error) {
  const events = watch.eventsText(day.log.take());
  const browserLog = day.readLog?.() ?? [];
  const signal = stopSignal();
  return (
    (signal ? `the bench was stopped by ${signal}; ` : '') +
    (events || 'no event from the page or the browser') +
    `; ${String(error?.message ?? error)
      .split('\n')[0]
      .trim()}; last sample: ${watch.memoryText(day.memory)}` +
    (browserLog.length ? `\n    browser log: ${browserLog.slice(-3).join(' | ')}` : '')
  );
}

/** After a failed hour: the old page closed, the projector opened again (in a new browser if the old one is gone). */
async function reopen(day) {
  await day.page?.close().catch(() => undefined);
  // The old page's close belongs to the hour that failed, not to the next one.
  day.log.take();
  const launches = day.launches;
  await openProjector(day);
  console.log(
    `  projector reopened${day.launches > launches ? ' in a new browser' : ''} (its page clock starts again); the day goes on`,
  );
}

/**
 * "Eight hours in eight minutes": the projector stays open while the page's clock runs sixty times fast, 3,000
 * answers arrive live, the presenter changes view every (real) minute and blanks the screen, rounds start and stop
 * and the round filter goes on and off. Prints per hour the frame JS p50/p95, the heap, the renderer's and the GPU
 * process's memory and whatever the page or the browser reported; at the end the figures on stage against the
 * answers the hub holds. An hour whose page crashed or closed is reported as failed with its cause, the projector is
 * opened again and the day goes on; the phase fails at the end. `LONGDAY_MINUTES=2` runs the same day in two;
 * `LONGDAY_DEBUG=1` adds the page's state each hour. `during(hour, day)` is called once an hour (tests break things
 * there).
 */
export async function benchLongDay({
  minutes = Number(process.env.LONGDAY_MINUTES ?? 8),
  arrivals = Number(process.env.LONGDAY_ARRIVALS ?? 3000),
  hours = HOURS,
  during,
} = {}) {
  const hourMs = (minutes * 60_000) / HOURS;
  const dir = tempDir('longday');
  const day = { dir, hub: await startHub(dir), log: watch.journal(), launches: 0 };
  const failed = [];
  let kiosk;
  let admin;
  try {
    await openProjector(day);
    kiosk = await connect(day.hub.url, 'kiosk');
    admin = await connect(day.hub.url, 'admin');
    const token = await login(admin);
    const speed = 3_600_000 / hourMs;
    console.log(
      `long day: ${hours} hours in ${(hourMs * hours) / 60_000} min (page clock ×${Math.round(speed)}), ${arrivals} arrivals`,
    );
    const traffic = { kiosk, arrivals, hourMs, speed, sent: 0, perHour: Math.ceil(arrivals / hours) };
    for (let hour = 1; hour <= hours && !stopSignal(); hour++) {
      try {
        if (hour % 2 === 0) await organiser(admin, token, { kind: 'startRound', name: `Ronde ${hour / 2}` });
        else if (hour > 1) await organiser(admin, token, { kind: 'stopRound' });
        const walk = await playHour(day, hour, traffic, during);
        console.log(await hourLine(day, hour, walk, traffic.sent));
      } catch (error) {
        failed.push(`hour ${hour}`);
        console.log(`  hour ${hour} failed: ${failure(day, error)}`);
        if (!stopSignal()) await reopen(day);
      }
    }
    if (!stopSignal()) {
      await organiser(admin, token, { kind: 'stopRound' }).catch(() => undefined);
      await endOfDay(day.page, traffic.sent).catch((error) => {
        failed.push('the end of the day');
        console.log(`  the end of the day failed: ${failure(day, error)}`);
      });
    }
  } finally {
    kiosk?.close();
    admin?.close();
    await day.browser?.close().catch(() => undefined);
    await day.hub.stop();
  }
  if (failed.length) throw new Error(`${failed.join(', ')} failed`);
}
