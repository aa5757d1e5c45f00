import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { expect, HubProcess, test } from './fixtures';
import { KioskPage } from './kioskPage';
import { PHONE_BROWSER, PHONE_HOST, phoneAddress, phoneRoute } from './phones';

/**
 * A workshop participant on their own phone (src/renderer/workshop), on a real hub in network mode: joins with the
 * workshop code, takes the whole instrument, shows and withdraws a screen name, gives a case and a commitment as the
 * facilitator moves through the steps, and takes it all back.
 */
const LAN_HOST = '127.0.0.2';
const SHOTS = join(__dirname, '../../docs/screenshots');
const CLOCK = '2026-03-12T09:30:00+01:00';

test.use({ launchOptions: PHONE_BROWSER, clock: CLOCK });

let hub: HubProcess;
let dataDir: string;
let routes: { close(): Promise<void> }[] = [];
test.beforeEach(async ({ clock }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'ideale-e2e-workshop-'));
  hub = new HubProcess(dataDir, ['--lan', '--lan-port', '0', '--lan-host', LAN_HOST], clock);
  await hub.start(0);
});
test.afterEach(async () => {
  await Promise.all(routes.map((r) => r.close()));
  routes = [];
  await hub.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Summary {
  id: string;
  code: string;
  url: string | null;
  joined: number;
  answered: number;
}

/** The facilitator's console over the hub's own socket: logged in once, then one workshop action at a time. */
async function facilitator(url: string) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`);
  const next = (type: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const on = (d: WebSocket.RawData): void => {
        const m = JSON.parse(d.toString()) as Record<string, unknown>;
        if (m.type === 'error') reject(new Error(JSON.stringify(m)));
        if (m.type !== type) return;
        ws.off('message', on);
        resolve(m);
      };
      ws.on('message', on);
    });
  await new Promise((resolve) => ws.once('open', resolve));
  const welcome = next('welcome');
  ws.send(JSON.stringify({ type: 'hello', role: 'admin', device: 'e2e-console-ws' }));
  await welcome;
  const session = next('session');
  ws.send(JSON.stringify({ type: 'login', pin: '135790' }));
  const { token } = (await session) as { token: string };
  const act = async (action: Record<string, unknown>): Promise<Summary[]> => {
    const list = next('workshops');
    ws.send(JSON.stringify({ type: 'workshopAdmin', token, action }));
    return ((await list) as { list: Summary[] }).list;
  };
  return { act, close: () => ws.close() };
}

type Console = Awaited<ReturnType<typeof facilitator>>;

/** Creates the workshop; its id and the address the participant's phone opens, through a route of its own. */
async function createWorkshop(desk: Console): Promise<{ id: string; url: string; code: string }> {
  await desk.act({
    kind: 'create',
    setup: {
      name: 'Team Vergunningen',
      instrument: 'ideale-ambtenaar',
      date: '2026-03-12',
      nicknames: true,
      countInCrowd: false,
    },
  });
  const [workshop] = await desk.act({ kind: 'list' });
  const url = new URL(workshop!.url!);
  const route = await phoneRoute(url.origin, phoneAddress(0));
  routes.push(route);
  url.host = `${PHONE_HOST}:${route.port}`;
  return { id: workshop!.id, url: url.href, code: workshop!.code };
}

async function phone(browser: Browser, clock: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'nl-NL',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.clock.install({ time: clock });
  return page;
}

/** No serious or critical WCAG 2.1 AA finding, and nothing wider than the phone. */
async function checkScreen(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} is too wide`).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
}

/** The participant's row in the hub's database. */
function participantRow(): Record<string, unknown> | undefined {
  const db = new Database(join(dataDir, 'ideale-ambtenaar.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM workshop_participants').get() as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
}

/** Every situation with a first and second choice, the case and context questions skipped; returns how many. */
async function answerWhole(page: Page): Promise<number> {
  const kiosk = new KioskPage(page);
  await page.locator('.intro button.primary').tap();
  const total = Number(/van (\d+)/.exec((await page.locator('.screen.item .step').textContent()) ?? '')?.[1]);
  let answered = 0;
  while (answered < total) {
    if (answered === 1) {
      await page.locator('.screen.item .option').first().tap();
      await page.screenshot({ path: join(SHOTS, 'workshop-participant-situation-nl.png') });
      await page.locator('.screen.item .option').first().tap();
    }
    const types = await page.locator('.screen.item .option').evaluateAll((b) => b.map((x) => x.dataset.type!));
    await kiosk.choose(types.sort()[answered % types.length]!);
    answered += 1;
  }
  await expect(page.locator('.screen.case')).toBeVisible();
  await kiosk.answerCase(null);
  await kiosk.chooseCasus('verbinder');
  while (await page.locator('.screen.context').isVisible()) await page.locator('.context .row .secondary').last().tap();
  await expect(page.locator('.screen.result')).toBeVisible();
  await kiosk.skipReveal();
  expect(answered).toBe(total);
  return answered;
}

test('a participant joins a workshop, answers it whole, gives a case and a commitment, and takes it all back', async ({
  browser,
  clock,
}) => {
  const desk = await facilitator(hub.url);
  const workshop = await createWorkshop(desk);
  const page = await phone(browser, clock!);
  await page.goto(workshop.url);
  await expect(page).toHaveURL(new RegExp(`${PHONE_HOST}:\\d+/workshop/$`));
  await expect(page.getByTestId('workshop-name')).toHaveText('Team Vergunningen');
  await expect(page.getByTestId('workshop-banner')).toContainText('12 maart 2026');
  await expect(page.getByTestId('workshop-phase')).toHaveText('1Stap 1 van 4: Waar we staan');
  await expect(page.locator('.intro .privacy')).toContainText('Je antwoorden blijven in deze workshop');
  expect((await desk.act({ kind: 'list' }))[0]!.joined).toBe(1);

  // A screen name, opted into with a plain word of what it means, then withdrawn.
  await page.getByLabel('Laat mijn schermnaam zien').check();
  await expect(page.getByTestId('nickname-form')).toContainText('ziet de groep jouw mix onder deze naam');
  await page.getByTestId('nickname').fill('Sam');
  await expect(page.getByTestId('nickname-count')).toHaveText('3 van 24 tekens');
  await checkScreen(page, 'joining');
  await page.getByTestId('nickname-form').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'workshop-participant-join-nl.png') });
  await page.getByRole('button', { name: 'Laat mijn schermnaam zien' }).tap();
  await expect(page.getByTestId('nickname-shown')).toContainText('“Sam”');
  expect(participantRow()!.nickname).toBe('Sam');
  await page.getByRole('button', { name: 'Haal mijn schermnaam weg' }).tap();
  await expect(page.getByTestId('nickname-none')).toBeVisible();
  expect(participantRow()!.nickname).toBeNull();

  await page.evaluate(() => window.scrollTo(0, 0));
  const situations = await answerWhole(page);
  expect(situations).toBeGreaterThanOrEqual(12);
  await expect(page.getByTestId('delivery')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('crowd-compare')).toHaveCount(0);
  expect((await desk.act({ kind: 'list' }))[0]!.answered).toBe(1);
  expect(hub.storedResponses()).toHaveLength(0);
  const sentence = await page.getByTestId('mix-sentence').textContent();
  await page.reload();
  await expect(page.getByTestId('mix-sentence')).toHaveText(sentence!);

  // Step 2: a case from the participant's own work, refused beside the field while it holds a hidden character.
  await desk.act({ kind: 'phase', id: workshop.id, phase: 'asks' });
  await expect(page.getByTestId('workshop-phase')).toHaveText('2Stap 2 van 4: Wat ons werk vraagt');
  await page.getByTestId('case-text').fill('Een boer wil \u202Euitbreiden');
  await expect(page.getByTestId('case-text-refused')).toContainText('U+202E');
  await expect(page.getByRole('button', { name: 'Bewaar mijn zaak' })).toBeDisabled();
  const line = 'Een boer wil uitbreiden naast een natuurgebied en vraagt wat wel kan';
  await page.getByTestId('case-text').fill(line);
  await expect(page.getByTestId('case-text-count')).toHaveText(`${line.length} van 200 tekens`);
  await page.getByTestId('case-asks').selectOption({ label: 'De Verbinder' });
  await page.getByLabel('Deel deze zaak op het scherm (zonder je naam)').check();
  await page.getByTestId('case-form').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'workshop-participant-case-nl.png') });
  await page.getByRole('button', { name: 'Bewaar mijn zaak' }).tap();
  await expect(page.getByTestId('case-form').getByRole('status')).toContainText('Bewaard.');
  expect(participantRow()).toMatchObject({ case_text: line, case_asks: 'verbinder', case_share: 1 });

  // Step 4: one thing to try, shared on the wall and kept with the result on this phone.
  await desk.act({ kind: 'phase', id: workshop.id, phase: 'try' });
  const commitment = 'Ik bel eerst de buren voordat ik een besluit schrijf.';
  await page.getByTestId('commitment-text').fill(commitment);
  await page.getByLabel('Deel op de muur (zonder je naam)').check();
  await page.getByRole('button', { name: 'Bewaar', exact: true }).tap();
  await expect(page.getByTestId('commitment-form').getByRole('status')).toContainText('Bewaard.');
  expect(participantRow()).toMatchObject({ commitment_text: commitment, commitment_share: 1 });
  await expect(page.getByTestId('my-commitment')).toContainText(commitment);
  await page.getByTestId('commitment-form').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'workshop-participant-commitment-nl.png') });
  await page.reload();
  await expect(page.getByTestId('my-commitment')).toContainText(commitment);
  await checkScreen(page, 'result with tasks');
  await page.getByTestId('my-commitment').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'workshop-participant-result-nl.png') });

  // Taking it all back: asked twice, then gone from the hub and from the phone.
  await page.getByTestId('forget-button').tap();
  await page.getByTestId('forget-yes').tap();
  await expect(page.getByTestId('forgotten')).toHaveText(
    'Weggehaald: je antwoorden en je uitslag, je zaak en wat je gaat proberen. Er staat niets meer van je in de workshop of op dit apparaat.',
  );
  await expect(page.locator('.screen.intro')).toBeVisible();
  expect((await desk.act({ kind: 'list' }))[0]!.answered).toBe(0);
  expect(participantRow()).toMatchObject({ answer: null, case_text: null, commitment_text: null, nickname: null });
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ideale.workshop.')))).toEqual([
    'ideale.workshop.id.v1',
  ]);
  await page.reload();
  await expect(page.locator('.screen.intro')).toBeVisible();
  await expect(page.getByTestId('my-commitment')).toHaveCount(0);
  desk.close();
});

test('a wrong code gets the refusal page; a closed session and a deleted workshop are said plainly', async ({
  browser,
  clock,
}) => {
  const desk = await facilitator(hub.url);
  const workshop = await createWorkshop(desk);
  const page = await phone(browser, clock!);
  const wrong = new URL(workshop.url);
  wrong.searchParams.set('w', workshop.code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA');
  const refused = await page.goto(wrong.href);
  expect(refused!.status()).toBe(401);
  await expect(page.getByRole('alert')).toContainText('Die workshopcode klopt niet');
  await expect(page.getByTestId('workshop-banner')).toHaveCount(0);

  await page.goto(workshop.url);
  await expect(page.getByTestId('workshop-name')).toHaveText('Team Vergunningen');
  await desk.act({ kind: 'close', id: workshop.id });
  await expect(page.getByTestId('workshop-closed')).toContainText('De sessie is gesloten');
  await expect(page.getByLabel('Laat mijn schermnaam zien')).toBeDisabled();
  await expect(page.getByTestId('forget-button')).toBeEnabled();
  await desk.act({ kind: 'delete', id: workshop.id });
  await expect(page.getByTestId('workshop-gone')).toContainText('Deze workshop is verwijderd');
  desk.close();
});
