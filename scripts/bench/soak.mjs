import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { CHROMIUM_ARGS, startHub, tempDir } from './lib.mjs';
import { heapMb, visit } from './soak-page.cjs';

/**
 * Soak: simulated visitors tap through the real kiosk page while the projector animates the growing crowd. Every
 * few hundred visitors it prints the kiosk's and the projector's JS heap after a forced garbage collection, the hub's
 * resident memory and the database and WAL sizes; at the end whether every visitor arrived, and any crash.
 * `node scripts/bench/soak.mjs 2000` for the full day; the default is a short run. Figures, never a verdict.
 */
export async function benchSoak({ visitors = Number(process.argv[2] ?? 200) } = {}) {
  const dir = tempDir('soak');
  const hub = await startHub(dir);
  let hubExit = null;
  hub.child.once('exit', (code, signal) => (hubExit = signal ?? code));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const crashes = [];
  const projector = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  projector.on('crash', () => crashes.push('projector'));
  await projector.goto(`${hub.url}/projector`);
  const context = await browser.newContext({
    hasTouch: true,
    viewport: { width: 1920, height: 1080 },
    // Visitors tap as soon as a screen is there; the transitions would only stretch the run.
    reducedMotion: 'reduce',
  });
  const kiosk = await context.newPage();
  kiosk.on('crash', () => crashes.push('kiosk'));
  await kiosk.goto(`${hub.url}/kiosk?result=600`);

  const hubRss = () => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${hub.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  const size = (f) => {
    try {
      return statSync(join(dir, f)).size / 1048576;
    } catch {
      return 0;
    }
  };
  const line = async (label) => {
    const k = await heapMb(kiosk);
    const p = await heapMb(projector);
    const figures = {
      kiosk: k,
      projector: p,
      hub: hubRss(),
      wal: size('ideale-ambtenaar.sqlite-wal'),
      db: size('ideale-ambtenaar.sqlite'),
    };
    console.log(
      `  ${label}: kiosk heap ${k.toFixed(1)} MB, projector heap ${p.toFixed(1)} MB, hub RSS ${figures.hub.toFixed(0)} MB, database ${figures.db.toFixed(2)} MB, WAL ${figures.wal.toFixed(2)} MB, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    return figures;
  };

  const started = Date.now();
  let first = null;
  for (let v = 0; v < visitors && crashes.length === 0 && hubExit === null; v++) {
    await kiosk.evaluate(visit, v);
    if (v === 9) first = await line('after 10 visitors');
    else if ((v + 1) % 250 === 0) await line(`after ${v + 1} visitors`);
  }
  await kiosk.waitForTimeout(2000);
  const last = await line('end');
  const total = await projector.getByTestId('total').textContent();
  const db = new Database(join(dir, 'ideale-ambtenaar.sqlite'), { readonly: true });
  const stored = db.prepare('SELECT count(*) AS n FROM responses').get().n;
  db.close();
  const growth = (key) => (last[key] - (first?.[key] ?? last[key])).toFixed(1);
  const from = (key) => `${(first?.[key] ?? last[key]).toFixed(0)} → ${last[key].toFixed(0)} MB`;
  console.log(
    `soak: ${visitors} visitors in ${((Date.now() - started) / 1000).toFixed(0)} s; stored ${stored}, projector shows ${total}; ` +
      `heap growth after the first 10: kiosk ${growth('kiosk')} MB, projector ${growth('projector')} MB (budget ≤ 20 MB); hub RSS ${from('hub')}; ` +
      `WAL ${last.wal.toFixed(2)} MB; crashes: ${crashes.length ? crashes.join(', ') : 'none'}` +
      (hubExit === null ? '' : `; hub exited (${hubExit})`),
  );
  await browser.close();
  await hub.stop();
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSoak();
