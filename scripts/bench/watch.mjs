import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/**
 * What befell the bench's browser and its page while a long run went on: the page's crash and close, the browser's
 * disconnect, console errors, uncaught page errors, a WebGL context lost on stage, a GPU process that restarted, the
 * browser's own log, and the memory of the processes that draw. Kept per hour, so a failing hour says why.
 */

const short = (text) => String(text).replace(/\s+/g, ' ').trim().slice(0, 200);

/** A journal of events, taken (and emptied) once per hour. */
export function journal() {
  let events = [];
  return {
    note: (kind, text = '') => events.push({ kind, text: short(text) }),
    take: () => events.splice(0),
    has: (kind) => events.some((e) => e.kind === kind),
  };
}

/** Runs in the page: a WebGL context lost while its canvas is on stage (an unmount's own loss is off stage). */
export const CONTEXT_LOSS_PROBE = () => {
  window.addEventListener(
    'webglcontextlost',
    (event) => event.target.isConnected && console.warn('bench: webgl context lost on stage'),
    true,
  );
};

export function watchPage(page, log) {
  page.on('crash', () => log.note('page crash'));
  page.on('close', () => log.note('page close'));
  page.on('pageerror', (error) => log.note('pageerror', error.message));
  page.on('console', (message) => {
    if (message.text().startsWith('bench: ')) log.note(message.text().slice(7));
    else if (message.type() === 'error') log.note('console error', message.text());
  });
}

export function watchBrowser(browser, log) {
  browser.on('disconnected', () => log.note('browser disconnected'));
}

/** Chromium's arguments to write its log to `file`: where a GPU process crash or a fatal error is told. */
export const logArgs = (file) => ['--enable-logging', `--log-file=${file}`, '--v=0'];

/** The lines of Chromium's log since the last call that tell of crashes, hangs and lost processes. */
export function browserLog(file) {
  let offset = 0;
  return () => {
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      return [];
    }
    if (size <= offset) return [];
    const fd = openSync(file, 'r');
    const buffer = Buffer.alloc(size - offset);
    readSync(fd, buffer, 0, buffer.length, offset);
    closeSync(fd);
    offset = size;
    return buffer
      .toString('utf8')
      .split('\n')
      .filter((line) => /FATAL|crash|hung|exited|killed|lost|memory|Goodbye|gpu_process_host/i.test(line))
      .map((line) => short(line.replace(/^\[[^\]]*\]\s*/, '')));
  };
}

/** Resident memory of a process in MB, from /proc; NaN when it is gone. */
export function rssMb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/**
 * The GPU process and the page's renderer: their process ids and resident memory. The renderer is the busiest one
 * (the projector is the only page that works; the others are idle helpers), so no id needs to come from the page.
 */
export async function processMemory(browserSession) {
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
  const gpu = processInfo.find((p) => p.type === 'GPU');
  const renderer = processInfo.filter((p) => p.type === 'renderer').sort((a, b) => b.cpuTime - a.cpuTime)[0];
  return {
    gpuPid: gpu?.id,
    gpuRss: rssMb(gpu?.id),
    rendererPid: renderer?.id,
    rendererRss: rssMb(renderer?.id),
  };
}

/** The page's JS heap as the page sees it (CDP Performance.getMetrics), before any collection, in MB. */
export async function pageHeapMb(pageSession) {
  const { metrics } = await pageSession.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1048576;
}

const mb = (value) => (Number.isNaN(value) ? '?' : `${value.toFixed(0)} MB`);

/** "renderer RSS 190 MB, GPU process RSS 270 MB" */
export function memoryText(memory) {
  if (!memory) return 'no memory sample';
  return `renderer RSS ${mb(memory.rendererRss)}, GPU process RSS ${mb(memory.gpuRss)}`;
}

/** The hour's events in one phrase: "page crash; console error ×3 (first: …)". Empty when nothing happened. */
export function eventsText(events) {
  const kinds = new Map();
  for (const event of events) {
    const seen = kinds.get(event.kind);
    if (seen) seen.count += 1;
    else kinds.set(event.kind, { count: 1, first: event.text });
  }
  return [...kinds]
    .map(
      ([kind, { count, first }]) =>
        `${kind}${count > 1 ? ` ×${count}` : ''}${first ? ` (${count > 1 ? 'first: ' : ''}${first})` : ''}`,
    )
    .join('; ');
}
