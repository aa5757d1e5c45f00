import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, HubProcess, test } from './fixtures';
import { KioskPage } from './kioskPage';
import { PHONE_BROWSER, PHONE_HOST, phoneAddress, phoneRoute } from './phones';

/**
 * The whole workshop (issue: workshop mode): the facilitator's console, the shared screen and twelve participants on
 * their own phone pages, through the four phases: some show a nickname, one takes their answers back, cases shared
 * and not, commitments on the wall, the report; the day's totals stay at nothing throughout.
 */
const LAN_HOST = '127.0.0.2';
const CLOCK = '2026-03-18T13:30:00+01:00';
const PEOPLE = 12;

test.use({ launchOptions: PHONE_BROWSER, clock: CLOCK });

let hub: HubProcess;
let dataDir: string;
let routes: { close(): Promise<void> }[] = [];
test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ideale-e2e-workshop-all-'));
  hub = new HubProcess(dataDir, ['--lan', '--lan-port', '0', '--lan-host', LAN_HOST], CLOCK);
  await hub.start(0);
});
test.afterEach(async () => {
  await Promise.all(routes.map((r) => r.close()));
  routes = [];
  await hub.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Participant `n` on a phone of their own, reaching the hub from their own address, with the workshop's code. */
async function participantPage(browser: Browser, n: number, code: string, network: string): Promise<Page> {
  const route = await phoneRoute(network, phoneAddress(n));
  routes.push(route);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: 'nl-NL',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.clock.install({ time: CLOCK });
  await page.goto(`http://${PHONE_HOST}:${route.port}/workshop/?w=${code}`);
  await expect(page.getByTestId('workshop-name')).toHaveText('Team Wijkzaken');
  return page;
}

/** Every situation with a first and second choice leaning to `lean`; the case and the context skipped. */
async function answerWhole(page: Page, lean: string): Promise<void> {
  const kiosk = new KioskPage(page);
  await page.locator('.intro button.primary').tap();
  while (!(await page.locator('.screen.case, .screen.casus').first().isVisible())) await kiosk.choose(lean);
  if (await page.locator('.screen.case').isVisible()) await kiosk.answerCase(null);
  await kiosk.chooseCasus(lean);
  while (await page.locator('.screen.context').isVisible()) await page.locator('.context .row .secondary').last().tap();
  await kiosk.skipReveal();
  await expect(page.getByTestId('delivery')).toHaveAttribute('data-state', 'saved');
}

async function nickname(page: Page, name: string): Promise<void> {
  await page.getByLabel('Laat mijn schermnaam zien').check();
  await page.getByTestId('nickname').fill(name);
  await page.getByRole('button', { name: 'Laat mijn schermnaam zien' }).tap();
  await expect(page.getByTestId('nickname-shown')).toContainText(name);
}

async function shareCase(page: Page, text: string, side: string, share: boolean): Promise<void> {
  await page.getByTestId('case-text').fill(text);
  await page.getByTestId('case-asks').selectOption({ label: side });
  if (share) await page.getByLabel('Deel deze zaak op het scherm (zonder je naam)').check();
  await page.getByRole('button', { name: 'Bewaar mijn zaak' }).tap();
  await expect(page.getByTestId('case-form').getByRole('status')).toContainText('Bewaard.');
}

async function commit(page: Page, text: string, share: boolean): Promise<void> {
  await page.getByTestId('commitment-text').fill(text);
  if (share) await page.getByLabel('Deel op de muur (zonder je naam)').check();
  await page.getByRole('button', { name: 'Bewaar', exact: true }).tap();
  await expect(page.getByTestId('commitment-form').getByRole('status')).toContainText('Bewaard.');
}

test('a workshop of twelve through its four phases, with the console, the shared screen and the report', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const panel = page.getByTestId('workshop-panel');
  await panel.getByLabel('Naam van de groep').fill('Team Wijkzaken');
  await panel.getByRole('button', { name: 'Workshop maken' }).click();
  const card = panel.getByTestId('workshop');
  await expect(card).toContainText('Team Wijkzaken');
  const code = (await card.getAttribute('data-code'))!;
  const network = new URL((await card.locator('figcaption code').textContent())!).origin;

  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await screen.clock.install({ time: CLOCK });
  await screen.goto(`${hub.url}/projector`);
  await card.getByRole('button', { name: 'Toon op het scherm' }).click();
  await expect(screen.getByTestId('ws-title')).toHaveText('Waar we staan');

  // Twelve join and answer the whole instrument on their phones, four at a time; four show a nickname first.
  const people: Page[] = [];
  for (let n = 0; n < PEOPLE; n++) people.push(await participantPage(browser, n, code, network));
  await expect(screen.getByTestId('ws-joined')).toHaveText(`${PEOPLE} doen mee`);
  const names = ['Anna', 'Bram', 'Cem', 'Dewi'];
  for (const [n, name] of names.entries()) await nickname(people[n]!, name);
  const leans = ['bureaucraat', 'ondernemer', 'verbinder'];
  for (let start = 0; start < PEOPLE; start += 4)
    await Promise.all(people.slice(start, start + 4).map((p, i) => answerWhole(p, leans[(start + i) % 3]!)));
  await expect(screen.getByTestId('ws-answered')).toHaveText(`${PEOPLE} hebben geantwoord`);
  // The four named answered first: beside their mixes the mean would tell the others' until five had none (the
  // ninth answer); from there the picture moves only in steps of five, so it still shows nine of twelve.
  await expect(screen.getByTestId('ws-group')).toContainText('gemiddelde mix van 9 antwoorden');
  await expect
    .poll(() =>
      screen
        .getByTestId('ws-named')
        .allTextContents()
        .then((t) => t.sort()),
    )
    .toEqual(names);
  expect(hub.storedResponses()).toHaveLength(0);

  // One takes their answers back: the count drops at once, the picture only at its next step of five.
  await people[11]!.getByTestId('forget-button').tap();
  await people[11]!.getByTestId('forget-yes').tap();
  await expect(people[11]!.getByTestId('forgotten')).toBeVisible();
  await expect(screen.getByTestId('ws-answered')).toHaveText(`${PEOPLE - 1} hebben geantwoord`);
  await expect(screen.getByTestId('ws-group')).toContainText('gemiddelde mix van 9 antwoorden');

  // Phase 2: six cases, three shared.
  await card.getByRole('button', { name: /^2\./ }).click();
  await expect(screen.getByTestId('ws-title')).toHaveText('Wie we zijn en wat ons werk vraagt');
  const cases = [
    ['Een evenement in het park binnen drie weken', 'De Ondernemer', true],
    ['Een buurman die bezwaar maakt tegen een schuur', 'De Bureaucraat', true],
    ['Een wijkavond over de nieuwe speeltuin', 'De Verbinder', true],
    ['Mijn eigen lastige dossier', 'De Bureaucraat', false],
    ['Iets wat ik liever niet deel', 'De Verbinder', false],
    ['Een tweede zaak voor mezelf', 'De Ondernemer', false],
  ] as const;
  await Promise.all(cases.map(([text, side, share], n) => shareCase(people[n]!, text, side, share)));
  await expect(screen.getByTestId('ws-cases').locator('li')).toHaveCount(3);
  // In steps of five, as the group's mix: the sixth case shows at the tenth.
  await expect(screen.getByTestId('ws-asks-count')).toContainText('(over 5 zaken)');
  await expect(screen.getByTestId('ws-cases')).not.toContainText('liever niet');

  // Phase 3: who has a shared case's side strongest, and pairs among the named only.
  await card.getByRole('button', { name: /^3\./ }).click();
  await expect(screen.getByTestId('ws-title')).toHaveText('Wie kan wie helpen');
  await expect(screen.getByTestId('ws-strongest').locator('li')).toHaveCount(3);
  const pairs = await screen.getByTestId('ws-groups').locator('.ws-pair-names').allTextContents();
  expect(pairs.flatMap((p) => p.split(' · ')).sort()).toEqual(names);

  // Phase 4: three commitments, two on the wall.
  await card.getByRole('button', { name: /^4\./ }).click();
  await expect(screen.getByTestId('ws-title')).toHaveText('Wat we gaan proberen');
  await commit(people[0]!, 'Eerst bellen, dan pas mailen', true);
  await commit(people[1]!, 'Elke week één regel uitleggen aan een inwoner', true);
  await commit(people[2]!, 'Iets voor mezelf alleen', false);
  await expect(screen.getByTestId('ws-wall').locator('li')).toHaveText([
    'Eerst bellen, dan pas mailen',
    'Elke week één regel uitleggen aan een inwoner',
  ]);
  await expect(people[2]!.getByTestId('my-commitment')).toContainText('Iets voor mezelf alleen');

  // The report: what the screen may show, over everyone now; nothing unshared, no unnamed person's mix.
  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Verslag (PDF)' }).click();
  const report = execFileSync('pdftotext', [await (await downloading).path(), '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  expect(report).toContain('Team Wijkzaken');
  for (const [text, , share] of cases) expect(report.includes(text), text).toBe(share);
  expect(report).toContain('Eerst bellen, dan pas mailen');
  expect(report).not.toContain('Iets voor mezelf alleen');
  for (const name of names) expect(report).toContain(name);

  // Back to the talk: the day's totals were never touched.
  await card.getByRole('button', { name: 'Terug naar de talk' }).click();
  await expect(screen.getByTestId('workshop-screen')).toHaveCount(0);
  await expect(screen.getByTestId('total')).toContainText('0');
  expect(hub.storedResponses()).toHaveLength(0);
});
