import jsQR from 'jsqr';
import type { Page } from '@playwright/test';
import type { HubMessage } from '../../src/core/messages';
import { loginAsOrganiser, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { expect, test, type HubProcess } from './fixtures';
import { KioskPage } from './kioskPage';
import { pixelsOf } from './pixels';

/** The stand: the attract screen's crowd and line of the day, the reveal, the visitor's own case, the balanced cards. */
test.use({ hasTouch: true });

const instrument = shippedInstrument('ideale-ambtenaar');
const B = 'bureaucraat';
const O = 'ondernemer';
const V = 'verbinder';
const TYPES = [B, O, V];
/** What each situation of the default instrument asks, in item order. */
const ASKS = [B, V, V, B, O, V, B, V, O, O, O, B];
/** First what the situation asks, then the next type: a balanced mix that moves with the situation. */
const CHAMELEON = ASKS.map((asks) => asks);
/** Never what the situation asks first, nor second: a balanced mix whatever the situation. */
const ALL_ROUNDER = ASKS.map((asks) => {
  const i = TYPES.indexOf(asks);
  return [TYPES[(i + 1) % 3]!, TYPES[(i + 2) % 3]!] as const;
});

/** Verbinder-first answers through a real kiosk socket, each acknowledged. */
async function submitVerbinders(hub: HubProcess, count: number): Promise<void> {
  const kiosk = await TestClient.connect(hub.url, 'kiosk');
  for (let k = 0; k < count; k++) {
    const from = kiosk.messages.length;
    kiosk.send({ type: 'submit', response: makeResponse(instrument, () => 2) });
    await kiosk.waitFor((m: HubMessage) => m.type === 'ack', from);
  }
  kiosk.close();
}

async function setSuppressBelow(hub: HubProcess, suppressBelow: number): Promise<void> {
  const admin = await TestClient.connect(hub.url, 'admin');
  const token = await loginAsOrganiser(admin);
  const from = admin.messages.length;
  admin.send({ type: 'admin', token, action: { kind: 'settings', settings: { suppressBelow } } });
  await admin.waitFor((m: HubMessage) => m.type === 'done', from);
  admin.close();
}

/** The visit up to the last context question, skipped: the reveal starts. */
async function visit(kiosk: KioskPage, choices: Parameters<KioskPage['answerItems']>[0]): Promise<void> {
  await kiosk.start();
  await kiosk.answerItems(choices);
  await kiosk.chooseCasus(O);
  for (let i = 0; i < 2; i++) await kiosk.page.locator('.context .row .secondary').last().tap();
  await expect(kiosk.page.locator('.screen.result')).toBeVisible();
}

const dayLine = (page: Page) => page.getByTestId('day-line');
const figures = (page: Page) => page.locator('.stage-canvas');

test('the attract line invites without a number below the threshold, and names the count and the type from it', async ({
  page,
  hub,
}) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  await expect(dayLine(page)).toHaveText('Nog niemand vandaag. Ben jij de eerste?');
  await expect(figures(page)).toHaveAttribute('data-figures', '0');

  await submitVerbinders(hub, 1);
  await expect(dayLine(page)).toHaveText('De eerste collega’s doen al mee. Doe jij ook mee?');
  // One figure walks in, without its type's colour: below the threshold nothing tells what the visitor was.
  await expect(figures(page)).toHaveAttribute('data-figures', '1');
  await expect(figures(page)).toHaveAttribute('data-kinds', 'neutral');

  await submitVerbinders(hub, 3);
  await expect(figures(page)).toHaveAttribute('data-figures', '4');
  await expect(dayLine(page)).not.toHaveText(/\d/);

  await submitVerbinders(hub, 1);
  await expect(dayLine(page)).toHaveText('Al 5 collega’s: vooral Verbinders. En jij?');
  await expect(figures(page)).toHaveAttribute('data-kinds', '2');
  await kiosk.switchLanguage();
  await expect(dayLine(page)).toHaveText('5 colleagues so far: mostly Connectors. And you?');

  // The organiser's threshold decides, not a constant (new settings also bring the attract screen back to Dutch).
  await setSuppressBelow(hub, 10);
  await expect(dayLine(page)).toHaveText('De eerste collega’s doen al mee. Doe jij ook mee?');
  await expect(figures(page)).toHaveAttribute('data-kinds', 'neutral');

  // The crowd's drawing stays far inside a frame's budget (16 ms): it is measured as it runs.
  await expect(figures(page)).toHaveAttribute('data-frame-ms', /\d/);
  const frameMs = Number(await figures(page).getAttribute('data-frame-ms'));
  console.log(`attract crowd: ${frameMs.toFixed(3)} ms of main thread per frame`);
  expect(frameMs).toBeLessThan(4);
});

test('the reveal: the figure walks to its place, then the result; it ends by itself within 3 s, and a tap skips it', async ({
  page,
  hub,
}) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url, '?idle=600&result=600');
  await visit(kiosk, Array(12).fill(V));
  const reveal = page.getByRole('dialog', { name: 'Zo sta jij tussen de collega’s van vandaag' });
  await expect(reveal).toBeVisible();
  const shown = Date.now();
  // The result is there underneath, but out of reach until the reveal ends.
  await expect(page.locator('.screen.result')).toHaveAttribute('inert', '');
  await expect(reveal).toBeHidden({ timeout: 5000 });
  expect(Date.now() - shown).toBeLessThan(3200);
  await expect(page.getByTestId('mix-sentence')).toBeFocused();

  await page.locator('.result-take button.primary').tap();
  await visit(kiosk, Array(12).fill(B));
  await expect(reveal).toBeVisible();
  const tapped = Date.now();
  await page.getByRole('button', { name: 'Naar je uitslag' }).tap();
  await expect(reveal).toBeHidden();
  expect(Date.now() - tapped).toBeLessThan(1000);
  await expect(page.getByTestId('mix-sentence')).toHaveText(
    'Jij bent vooral Bureaucraat, met een duidelijke Ondernemer-kant.',
  );
  expect(hub.storedResponses()).toHaveLength(2);
});

test('with reduced motion there is no reveal: the result comes at once', async ({ browser, hub }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce', hasTouch: true });
  const page = await context.newPage();
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  await page.evaluate(() => {
    const seen = window as unknown as { revealSeen: boolean };
    seen.revealSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('.reveal')) seen.revealSeen = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
  await visit(kiosk, Array(12).fill(V));
  await expect(page.getByTestId('mix-sentence')).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { revealSeen: boolean }).revealSeen)).toBe(false);
  await context.close();
});

for (const [lang, label, phrase, stored] of [
  [
    'nl',
    'Een project met partners',
    'Voor jouw project met partners vraagt de situatie vooral Ondernemer.',
    'partners',
  ],
  [
    'en',
    'A complaint or question from a resident',
    'For the resident’s complaint or question, the situation asks mostly for Entrepreneur.',
    'inwoner',
  ],
] as const) {
  test(`the visitor's own case, ${lang}: asked before the casus, named in the result, stored as a context answer`, async ({
    page,
    hub,
  }) => {
    const kiosk = new KioskPage(page);
    await kiosk.open(hub.url);
    if (lang === 'en') await kiosk.switchLanguage();
    await kiosk.start();
    for (const choice of Array(12).fill(V)) await kiosk.choose(choice);
    await expect(page.locator('.case .prompt')).toHaveText(
      lang === 'nl' ? 'Wat voor zaak heb je in gedachten?' : 'What kind of case do you have in mind?',
    );
    await kiosk.answerCase(label);
    await expect(page.locator('.screen.casus')).toBeVisible();
    // Back from the casus shows the case again, with the choice kept.
    await page.locator('.back').tap();
    await expect(page.locator('.case .option[aria-pressed="true"]')).toHaveText(label);
    await kiosk.answerCase(label);
    await kiosk.chooseCasus(O);
    await kiosk.answerContext([null, null]);
    await expect(page.getByTestId('casus-gap')).toContainText(phrase);
    await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved');
    expect(hub.storedResponses()[0]!.context).toEqual({ zaak: stored });
  });
}

test('"something else" or a skipped case leaves the sentence general, and nothing is stored for a skip', async ({
  page,
  hub,
}) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  await kiosk.start();
  await kiosk.answerItems(Array(12).fill(V), 'Iets anders');
  await kiosk.chooseCasus(O);
  await kiosk.answerContext([null, null]);
  await expect(page.getByTestId('casus-gap')).toContainText('Je situatie vraagt vooral Ondernemer');
  await page.locator('.result-take button.primary').tap();
  await kiosk.start();
  await kiosk.answerItems(Array(12).fill(V), null);
  await kiosk.chooseCasus(O);
  await kiosk.answerContext([null, null]);
  await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved');
  expect(hub.storedResponses().map((r) => r.context)).toEqual([{ zaak: 'anders' }, {}]);
});

for (const [name, choices, card, short, more] of [
  ['chameleon', CHAMELEON, 'De Kameleon', 'je kiest steeds wat de situatie vraagt', 'Meer over de Kameleon'],
  ['all-rounder', ALL_ROUNDER, 'De Allrounder', 'welke situatie het ook is', 'Meer over de Allrounder'],
] as const) {
  test(`${name === 'chameleon' ? 'a' : 'an'} ${name} gets their own card, with the rest one tap away and in the take-away`, async ({
    page,
    hub,
  }) => {
    const kiosk = new KioskPage(page);
    await kiosk.open(hub.url);
    await kiosk.start();
    await kiosk.answerItems(choices);
    await kiosk.chooseCasus(O);
    await kiosk.answerContext([null, null]);
    await expect(page.getByTestId('result-card')).toHaveText(new RegExp(`${card}$`));
    await expect(page.getByTestId('card-short')).toContainText(short);
    for (const type of instrument.types) await expect(page.getByTestId('result-card')).not.toContainText(type.name.nl!);

    const toggle = page.getByRole('button', { name: more });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('card-pitfall')).toBeHidden();
    await toggle.tap();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const pitfall = (await page.getByTestId('card-pitfall').textContent())!;
    await expect(page.getByTestId('card-pitfall')).toBeVisible();
    await expect(page.getByTestId('situation-mirror')).toBeVisible();

    const qr = page.locator('img.qr');
    await expect(page.locator('.take-what')).toContainText('De QR-code bevat je mix');
    const pixels = await pixelsOf(page, (await qr.getAttribute('src'))!);
    const text = jsQR(pixels.data, pixels.width, pixels.height)?.data ?? '';
    expect(text).toContain(card);
    expect(text).toContain(pitfall);
    expect(text).toContain((await page.getByTestId('reflection').textContent())!);
    expect(text).toContain('Ronald Derks en Bas van Leeuwen');
  });
}

test('one privacy story, and the model credited on the intro and the result', async ({ page, hub }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url);
  await page.locator('.attract button.primary').tap();
  await expect(page.locator('.intro .privacy')).toHaveText(
    'We vragen geen naam. Je keuzes tellen anoniem mee in de totalen van vandaag.',
  );
  await expect(page.locator('.intro .credit')).toHaveText(
    'Naar het model van Ronald Derks en Bas van Leeuwen, De ideale ambtenaar, 2020.',
  );
  await page.locator('.intro button.primary').tap();
  await kiosk.answerItems(Array(12).fill(V));
  await kiosk.chooseCasus(O);
  await kiosk.answerContext([null, null]);
  await expect(kiosk.delivery()).toContainText('Je keuzes tellen nu anoniem mee.');
  await expect(page.locator('.take-what')).toContainText('De code wordt nergens bewaard.');
  await expect(page.locator('.result .credit')).toContainText('Ronald Derks en Bas van Leeuwen');
  await expect(page.locator('body')).not.toContainText('Er wordt niets opgeslagen');
});
