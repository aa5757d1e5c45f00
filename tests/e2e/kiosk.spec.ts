import jsQR from 'jsqr';
import { loginAsOrganiser, TestClient } from '../support/hub';
import { expect, test } from './fixtures';
import { KioskPage } from './kioskPage';
import { pixelsOf } from './pixels';

test.use({ hasTouch: true });

const PATTERN = [
  'bureaucraat',
  'bureaucraat',
  'ondernemer',
  'verbinder',
  'bureaucraat',
  'bureaucraat',
  'ondernemer',
  'bureaucraat',
  'verbinder',
  'bureaucraat',
  'ondernemer',
  'bureaucraat',
];
const ITEM_IDS = [
  'terras',
  'speeltuin',
  'wethouder',
  'klacht',
  'doel',
  'fietsroute',
  'nieuwe-wet',
  'ophef',
  'procedure',
  'besparen',
  'app',
  'tevreden',
];

test('full flow in Dutch: the stored response matches the taps, and the result shows the mix three ways', async ({
  page,
  hub,
}) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  await expect(page.locator('h1')).toHaveText('Wat voor ambtenaar ben jij?');
  await kiosk.start();
  await kiosk.answerItems(PATTERN);
  await kiosk.chooseCasus('verbinder');
  await kiosk.answerContext(['Beleid of advies', null]);

  await expect(page.getByTestId('mix-sentence')).toHaveText('Jij bent vooral Bureaucraat.');
  await expect(page.getByTestId('share-bureaucraat')).toHaveText('58%');
  await expect(page.getByTestId('share-ondernemer')).toHaveText('25%');
  await expect(page.getByTestId('share-verbinder')).toHaveText('17%');
  await expect(page.getByRole('img', { name: /Jouw plek tussen de typen/ })).toBeVisible();
  await expect(page.getByTestId('casus-gap')).toContainText('Verbinder, en dat is juist je kleinste kant (17%)');
  await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved');

  const [stored] = hub.storedResponses();
  expect(stored).toMatchObject({ lang: 'nl', casus: 'verbinder', context: { rol: 'beleid' } });
  expect(stored!.answers).toEqual(ITEM_IDS.map((item, i) => ({ item, type: PATTERN[i] })));
});

test('full flow in English, switched on the attract screen', async ({ page, hub }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  await kiosk.switchLanguage();
  await expect(page.locator('h1')).toHaveText('What kind of civil servant are you?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await kiosk.start();
  await expect(page.locator('.prompt')).toContainText('A café applies for a permit');
  await kiosk.answerItems([
    'verbinder',
    'ondernemer',
    'verbinder',
    'ondernemer',
    'verbinder',
    'ondernemer',
    'verbinder',
    'ondernemer',
    'verbinder',
    'ondernemer',
    'verbinder',
    'bureaucraat',
  ]);
  await kiosk.chooseCasus('verbinder');
  await kiosk.answerContext([null, 'Municipality']);
  await expect(page.getByTestId('mix-sentence')).toHaveText('You are Connector with a strong Entrepreneur side.');
  await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved');
  expect(hub.storedResponses()[0]).toMatchObject({ lang: 'en', context: { laag: 'gemeente' } });
});

test('back shows the earlier choice and a new tap replaces it', async ({ page, hub }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  await kiosk.start();
  await kiosk.choose('bureaucraat');
  await kiosk.choose('bureaucraat');
  await page.locator('.back').tap();
  await expect(page.locator('.step')).toHaveText('Vraag 2 van 12');
  await expect(page.locator('.option[data-type="bureaucraat"]')).toHaveAttribute('aria-pressed', 'true');
  await kiosk.choose('verbinder');
  await kiosk.answerItems(Array(10).fill('ondernemer'));
  await kiosk.chooseCasus('ondernemer');
  await kiosk.answerContext([null, null]);
  await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved');
  const answers = hub.storedResponses()[0]!.answers;
  expect(answers.slice(0, 3)).toEqual([
    { item: 'terras', type: 'bureaucraat' },
    { item: 'speeltuin', type: 'verbinder' },
    { item: 'wethouder', type: 'ondernemer' },
  ]);
});

test('the option order is shuffled per visitor, the stored answer is the type', async ({ page, hub }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  const orders = new Set<string>();
  for (let visitor = 0; visitor < 6; visitor++) {
    await kiosk.start();
    orders.add((await page.locator('.option').evaluateAll((b) => b.map((x) => x.getAttribute('data-type')))).join(','));
    await page.reload();
    await expect(page.locator('.attract')).toBeVisible();
  }
  expect(orders.size).toBeGreaterThan(1);
  expect(hub.storedResponses()).toHaveLength(0);
});

test('idle: a visible countdown, then back to the start with everything cleared and nothing stored', async ({
  page,
  hub,
}) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url, '?idle=2&countdown=3');
  await kiosk.start();
  await kiosk.choose('ondernemer');
  await kiosk.choose('ondernemer');
  await expect(page.getByRole('alertdialog', { name: 'Ben je er nog?' })).toBeVisible({ timeout: 5000 });
  await expect(page.getByTestId('idle-seconds')).toContainText(/Over [1-3] seconden/);
  await expect(page.locator('.attract')).toBeVisible({ timeout: 6000 });
  await kiosk.start();
  await expect(page.locator('.step')).toHaveText('Vraag 1 van 12');
  await expect(page.locator('.option[aria-pressed="true"]')).toHaveCount(0);
  expect(hub.storedResponses()).toHaveLength(0);
});

test('"I am still here" keeps the session', async ({ page, hub }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url, '?idle=2&countdown=4');
  await kiosk.start();
  await kiosk.choose('ondernemer');
  await page.getByRole('button', { name: 'Ik ben er nog' }).tap({ timeout: 5000 });
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('.step')).toHaveText('Vraag 2 van 12');
});

test('the result screen returns to the start by itself', async ({ page, hub }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url, '?result=2');
  await kiosk.start();
  await kiosk.answerItems(Array(12).fill('verbinder'));
  await kiosk.chooseCasus('verbinder');
  await kiosk.answerContext([null, null]);
  await expect(page.locator('.attract')).toBeVisible({ timeout: 5000 });
  expect(hub.storedResponses()).toHaveLength(1);
});

test('the take-away QR code decodes to the result shown on screen', async ({ page, hub }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  await kiosk.start();
  await kiosk.answerItems(PATTERN);
  await kiosk.chooseCasus('verbinder');
  await kiosk.answerContext([null, null]);
  const qr = page.locator('img.qr');
  await expect(qr).toBeVisible();
  const pixels = await pixelsOf(page, (await qr.getAttribute('src'))!);
  const decoded = jsQR(pixels.data, pixels.width, pixels.height);
  expect(decoded?.data).toBeDefined();
  const sentence = await page.getByTestId('mix-sentence').textContent();
  expect(decoded!.data).toContain(sentence!);
  expect(decoded!.data).toContain('Bureaucraat 58% · Ondernemer 25% · Verbinder 17%');
  expect(decoded!.data).not.toMatch(/https?:/);
});

test('a hub outage during the last tap: the result still shows, and the answer arrives once when the hub is back', async ({
  page,
  hub,
}) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  await kiosk.start();
  await kiosk.answerItems(PATTERN);
  await kiosk.chooseCasus('ondernemer');
  await hub.kill();
  await kiosk.answerContext([null, null]);
  await expect(page.getByTestId('mix-sentence')).toHaveText('Jij bent vooral Bureaucraat.');
  await expect(kiosk.delivery()).toHaveAttribute('data-state', 'pending');
  await hub.start();
  await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  expect(hub.storedResponses()).toHaveLength(1);
});

test('an unacknowledged answer survives a reload of the kiosk and is delivered once', async ({ page, hub }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  await hub.kill();
  await kiosk.start();
  await kiosk.answerItems(PATTERN);
  await kiosk.chooseCasus('ondernemer');
  await kiosk.answerContext([null, null]);
  await expect(kiosk.delivery()).toHaveAttribute('data-state', 'pending');
  await page.reload().catch(() => undefined);
  await hub.start();
  await page.goto(`${hub.url}/kiosk`);
  await expect.poll(() => hub.storedResponses().length, { timeout: 15_000 }).toBe(1);
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ideale.outbox.v2.')).length))
    .toBe(0);
  await page.reload();
  await page.waitForTimeout(1000);
  expect(hub.storedResponses()).toHaveLength(1);
});

test('the page resists curious fingers: no context menu, no selection, no ctrl-zoom, no file drop', async ({
  page,
  hub,
}) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  const prevented = await page.evaluate(() => {
    const fire = (event: Event): boolean => !document.body.dispatchEvent(event);
    return {
      contextmenu: fire(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })),
      selectstart: fire(new Event('selectstart', { bubbles: true, cancelable: true })),
      drop: fire(new Event('drop', { bubbles: true, cancelable: true })),
      zoomWheel: fire(new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -100 })),
      zoomKey: fire(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ctrlKey: true, key: '+' })),
      userSelect: getComputedStyle(document.body).userSelect,
      touchAction: getComputedStyle(document.body).touchAction,
    };
  });
  expect(prevented).toEqual({
    contextmenu: true,
    selectstart: true,
    drop: true,
    zoomWheel: true,
    zoomKey: true,
    userSelect: 'none',
    touchAction: 'manipulation',
  });
});

test('the hidden operator exit: five taps in the corner, then the organiser PIN; a wrong PIN keeps the kiosk', async ({
  page,
  hub,
}) => {
  const admin = await TestClient.connect(hub.url, 'admin');
  await loginAsOrganiser(admin, '4321');
  admin.close();
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  for (let i = 0; i < 5; i++) await page.touchscreen.tap(20, 20);
  const dialog = page.getByRole('dialog', { name: 'Kiosk verlaten' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('PIN van de organisator').fill('1111');
  await dialog.getByRole('button', { name: 'Verlaten' }).tap();
  await expect(dialog.getByRole('alert')).toHaveText('Die PIN klopt niet.');
  await expect(page).toHaveURL(/\/kiosk$/);
  await dialog.getByLabel('PIN van de organisator').fill('4321');
  await dialog.getByRole('button', { name: 'Verlaten' }).tap();
  await expect(page).toHaveURL(/\/admin$/);
});

test('four taps in the corner do nothing', async ({ page, hub }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  for (let i = 0; i < 4; i++) await page.touchscreen.tap(20, 20);
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
