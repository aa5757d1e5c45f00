import { expect, test } from './fixtures';
import { KioskPage } from './kioskPage';

test.use({ hasTouch: true });

test('an answer tapped at the kiosk raises the count on the projector without a reload', async ({ hub, browser }) => {
  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const projector = await projectorContext.newPage();
  await projector.goto(`${hub.url}/projector`);
  await expect(projector.getByTestId('total')).toHaveText('0');

  const kioskContext = await browser.newContext({ hasTouch: true, viewport: { width: 1920, height: 1080 } });
  const kiosk = new KioskPage(await kioskContext.newPage());
  await kiosk.open(hub.url);
  await kiosk.start();
  await kiosk.answerItems(Array(12).fill('verbinder'));
  await kiosk.chooseCasus('ondernemer');
  await kiosk.answerContext([null, null]);
  await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved');

  await expect(projector.getByTestId('total')).toHaveText('1');
  expect(hub.storedResponses()).toHaveLength(1);
  await kioskContext.close();
  await projectorContext.close();
});
