import { expect, HubProcess, test as base } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
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
  // Four visitors through a kiosk socket, the fifth by tapping.
  const four = shippedInstrument('vier-perspectieven');
  const socket = await TestClient.connect(fourHub.url, 'kiosk');
  for (let i = 0; i < 4; i++) {
    const from = socket.messages.length;
    socket.send({ type: 'submit', response: makeResponse(four, () => 3) });
    await socket.waitFor((m) => m.type === 'ack', from);
  }
  socket.close();
  const kiosk = new KioskPage(page);
  await kiosk.open(fourHub.url);
  await kiosk.start();
  await expect(page.locator('.option')).toHaveCount(4);
  await kiosk.answerItems(Array(12).fill('ruimtemaker'));
  await kiosk.chooseCasus('verbinder');
  await kiosk.answerContext([null, null]);
  await expect(page.getByTestId('mix-sentence')).toHaveText(
    'Jij bent vooral Ruimtemaker, met een duidelijke Bureaucraat-kant.',
  );
  await expect(page.getByTestId('share-ruimtemaker')).toHaveText('67%');
  await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved');
  await expect(projector.getByTestId('total')).toHaveText('5');
  await expect(projector.getByTestId('percent-ruimtemaker')).toHaveText('100%');
  await projector.screenshot({ path: 'test-results/screens/projector-four-types.png' });
  await projector.close();
});
