import type { Page } from '@playwright/test';
import { seededRandom } from '../../src/core/simulation';
import { openDatabase } from '../../src/hub/store/db';
import { simulatedResponse } from '../../src/hub/day/rehearsal';
import { createResponseStore } from '../../src/hub/store/responseStore';
import { shippedInstrument } from '../support/instruments';
import { expect, type HubProcess } from './fixtures';

const instrument = shippedInstrument('ideale-ambtenaar');

/** Opens the console in Dutch, chooses the first PIN, and waits for the day. */
export async function logIn(page: Page, hub: HubProcess): Promise<void> {
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'De dag' })).toBeVisible();
}

/** The console's day panel: the arrivals chart and the crowd map. */
export const daySection = (page: Page) =>
  page.locator('section', { has: page.getByRole('heading', { name: 'De dag' }) });

/** The arrivals the chart shows, summed over its bars. */
export const arrivals = async (page: Page): Promise<number> =>
  (
    await page
      .getByTestId('arrivals')
      .locator('rect')
      .evaluateAll((bars) => bars.map((b) => b.getAttribute('data-count')))
  )
    .map(Number)
    .reduce((a, b) => a + b, 0);

/** The hours under the chart, left to right. */
export const hourLabels = async (page: Page): Promise<string[]> =>
  (await page.getByTestId('arrivals').locator('text').allTextContents()).filter((t) => /^\d\d:\d\d$/.test(t));

/**
 * Stops the hub, stores simulated visitors who arrived at `times` (and the event's time zone, when given) in its
 * database, and starts it again: the hub comes back on its clock (`hub.clock`), as after a night.
 */
export async function seedDay(hub: HubProcess, times: readonly number[], timeZone?: string): Promise<void> {
  await hub.kill();
  const { db } = openDatabase(hub.dataDir, {});
  const store = createResponseStore(db);
  const random = seededRandom(11);
  for (const at of times) store.insert(simulatedResponse(instrument, random), at, { round: null, rehearsal: false });
  if (timeZone) store.setSetting('settings', JSON.stringify({ timeZone }));
  db.close();
  await hub.start();
}
