import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DATABASE_FILE } from '../../src/hub/store/db';
import { LOSSES_FILE } from '../../src/hub/store/lossLedger';
import { startHub, type RunningHub } from '../../src/hub/server';
import { INSTRUMENTS_DIR, shippedInstrument } from '../support/instruments';
import { fillDisk } from '../support/fullDisk';
import { PAGES_DIR, TestClient } from '../support/hub';
import { makeResponse } from '../support/responses';
import { expect, test } from './fixtures';
import { checkAtSize, SHOTS } from './layout';

/*
 * The console's alarm for lost answers and for failing writes, with a hub in this process: the test makes its disk
 * "full" through the hub's own SQLite connection (max_page_count), as the storage fault tests do.
 */
const instrument = shippedInstrument('ideale-ambtenaar');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;
const start = (dataDir: string): Promise<RunningHub> =>
  startHub({ dataDir, port: 0, pagesDir: PAGES_DIR, instrumentsDir: INSTRUMENTS_DIR });

/** Sends the answers through a kiosk socket and returns how many were acknowledged and how many refused. */
async function submit(hub: RunningHub, count: number): Promise<{ acked: number; refused: number }> {
  const kiosk = await TestClient.connect(hub.url, 'kiosk');
  for (let i = 0; i < count; i++)
    kiosk.send({ type: 'submit', response: makeResponse(instrument, (k) => (k + i) % 3) });
  const replies = (): number => kiosk.messages.filter((m) => m.type === 'ack' || m.type === 'error').length;
  await expect.poll(replies).toBe(count);
  kiosk.close();
  const acked = kiosk.messages.filter((m) => m.type === 'ack').length;
  return { acked, refused: count - acked };
}

async function logIn(page: Page, hub: RunningHub, lang: 'nl' | 'en'): Promise<void> {
  await page.goto(`${hub.url}/admin?lang=${lang}`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: lang === 'nl' ? 'Inloggen' : /log in/i }).click();
}

/** The overview and the export panel at both sizes, each checked for layout and contrast (axe, WCAG 2.1 AA). */
async function shoot(page: Page, lang: 'nl' | 'en'): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.getByTestId('losses').scrollIntoViewIfNeeded();
    await checkAtSize(page, size, `console-loss-overview-${lang}`);
    await page.getByTestId('export-losses').scrollIntoViewIfNeeded();
    await checkAtSize(page, size, `console-loss-export-${lang}`);
  }
  await page.setViewportSize(SIZES[0]);
}

test('the console turns red for lost answers and failing writes, green again for writes, clear after the archive', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ideale-e2e-loss-'));
  let hub = await start(dataDir);
  try {
    for (let i = 0; i < 200; i++)
      hub.store.insert(
        makeResponse(instrument, (k) => (k + i) % 3),
        Date.now(),
        { round: null, rehearsal: false },
      );
    await hub.close();
    truncateSync(join(dataDir, DATABASE_FILE), 0);
    hub = await start(dataDir);
    expect((await submit(hub, 12)).acked).toBe(12);
    // Every answer `submit` sends has one of these three shapes (lengths): none of them may fit any more.
    const shapes = [0, 1, 2].map((i) => makeResponse(instrument, (k) => (k + i) % 3));
    const freeDisk = fillDisk(hub.database, hub.store, shapes);
    const { refused } = await submit(hub, 30);
    expect(refused).toBe(30);

    await logIn(page, hub, 'nl');
    const overview = page.getByTestId('losses');
    await expect(overview.getByRole('heading', { name: 'Antwoorden worden nu niet opgeslagen' })).toBeVisible();
    await expect(overview.getByRole('heading', { name: 'Er zijn antwoorden verloren' })).toBeVisible();
    await expect(overview).toContainText('200 antwoorden verloren');
    await expect(overview).toContainText(`${refused} daarvan ontbreken nog`);
    await expect(page.getByTestId('export-losses')).toContainText('deze export is niet compleet');
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Overzicht' }) })
      .screenshot({ path: join(SHOTS, 'console-loss-nl.png') });
    await shoot(page, 'nl');

    await logIn(page, hub, 'en');
    await expect(page.getByTestId('losses')).toContainText('200 answers lost');
    await expect(page.getByTestId('export-losses')).toContainText('this export is not complete');
    await shoot(page, 'en');

    // Room on the disk again: the next answer is stored and the failing alarm goes; the record of the loss stays.
    freeDisk();
    await submit(hub, 1);
    await expect(page.getByRole('heading', { name: 'Answers are not being saved right now' })).toHaveCount(0);
    await expect(page.getByTestId('losses').getByRole('heading', { name: 'Answers were lost' })).toBeVisible();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Archive and start again' }).click();
    await expect(page.getByTestId('losses')).toHaveCount(0);
    expect(existsSync(join(dataDir, LOSSES_FILE))).toBe(false);
    expect(readdirSync(join(dataDir, 'archives')).filter((f) => f.endsWith('.losses.json'))).toHaveLength(1);
  } finally {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
