import { expect, HubProcess, test as base } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KioskPage } from './kioskPage';

/** A hub started on the four-perspective instrument, to show nothing downstream is tied to three types. */
const test = base.extend<{ fourHub: HubProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  fourHub: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ideale-e2e-four-'));
    const hub = new HubProcess(dir, ['--instrument', 'vier-perspectieven']);
    await hub.start(0);
    await use(hub);
    await hub.kill();
    rmSync(dir, { recursive: true, force: true });
  },
});
test.use({ hasTouch: true });

test('the four-type instrument runs through kiosk and projector without code changes', async ({
  page,
  browser,
  fourHub,
}) => {
  const projector = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await projector.goto(`${fourHub.url}/projector`);
  await expect(projector.getByTestId('corner-ruimtemaker')).toContainText('De Ruimtemaker');
  const kiosk = new KioskPage(page);
  for (let visitor = 0; visitor < 5; visitor++) {
    await kiosk.open(fourHub.url);
    await kiosk.start();
    await expect(page.locator('.option')).toHaveCount(4);
    await kiosk.answerItems(Array(12).fill('ruimtemaker'));
    await kiosk.chooseCasus('verbinder');
    await kiosk.answerContext([null, null]);
    await expect(page.getByTestId('mix-sentence')).toHaveText('Jij bent vooral Ruimtemaker.');
    await expect(page.getByTestId('share-ruimtemaker')).toHaveText('100%');
    await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved');
  }
  await expect(projector.getByTestId('total')).toHaveText('5');
  await expect(projector.getByTestId('percent-ruimtemaker')).toHaveText('100%');
  await projector.close();
});
