import { PATTERN, submit } from './answers';
import { expect, test } from './fixtures';
import { KioskPage } from './kioskPage';
import { countRenders, renders, rendersSince } from './renders';

test.describe('the projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('an arrival re-renders the counter and the labels, not the whole page or the scene', async ({ page, hub }) => {
    await countRenders(page);
    await page.goto(`${hub.url}/projector`);
    await submit(hub, PATTERN);
    await expect(page.getByTestId('total')).toHaveText('7');
    await page.waitForTimeout(500);
    const before = await renders(page);
    // The components this test names must be known by name (the pages are minified), or a 0 below would prove nothing.
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['App', 'Frame', 'Crowd']));
    for (let i = 0; i < 10; i++) {
      await submit(hub, [PATTERN[i % PATTERN.length]!]);
      await expect(page.getByTestId('total')).toHaveText(String(8 + i));
    }
    const during = rendersSince(before, await renders(page));
    console.log('renders during 10 arrivals:', JSON.stringify(during));
    expect(during.Frame).toBeGreaterThanOrEqual(10);
    expect(during.App ?? 0).toBe(0);
    expect(during.Crowd ?? 0).toBe(0);
  });
});

test.describe('the kiosk', () => {
  test.use({ hasTouch: true });

  test('the attract screen renders nothing while it waits', async ({ page, hub }) => {
    await countRenders(page);
    const kiosk = new KioskPage(page);
    await kiosk.open(hub.url);
    await page.waitForTimeout(500);
    const before = await renders(page);
    await page.waitForTimeout(3000);
    const during = rendersSince(before, await renders(page));
    console.log('renders in 3 s on the attract screen:', JSON.stringify(during));
    expect(Object.values(during).every((n) => n === 0)).toBe(true);
  });

  test('while the idle countdown runs, only the countdown re-renders', async ({ page, hub }) => {
    await countRenders(page);
    const kiosk = new KioskPage(page);
    await kiosk.open(hub.url, '?idle=1&countdown=30');
    await kiosk.start();
    await expect(page.getByTestId('idle-seconds')).toBeVisible();
    const before = await renders(page);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['App', 'ItemScreen', 'IdleCountdown']));
    await page.waitForTimeout(2500);
    const during = rendersSince(before, await renders(page));
    console.log('renders in 2.5 s of countdown:', JSON.stringify(during));
    expect(during.App ?? 0).toBe(0);
    expect(during.ItemScreen ?? 0).toBe(0);
    expect(during.IdleCountdown).toBeGreaterThan(0);
    await expect(page.getByTestId('idle-seconds')).toContainText('2');
  });
});
