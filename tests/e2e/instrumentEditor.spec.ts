import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, HubProcess, test } from './fixtures';
import { KioskPage } from './kioskPage';
import { PHONE_BROWSER, PHONE_HOST, phoneAddress, phoneRoute } from './phones';

const SHOTS = join(__dirname, '../../docs/screenshots');
const LAN_HOST = '127.0.0.2';

test.use({ launchOptions: PHONE_BROWSER, clock: '2026-03-12T09:40:00+01:00' });

let hub: HubProcess;
let dataDir: string;
let routes: { close(): Promise<void> }[] = [];
test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ideale-e2e-editor-'));
  hub = new HubProcess(
    dataDir,
    ['--lan', '--lan-port', '0', '--lan-host', LAN_HOST, '--audience'],
    '2026-03-12T09:40:00+01:00',
  );
  await hub.start(0);
});
test.afterEach(async () => {
  await Promise.all(routes.map((r) => r.close()));
  routes = [];
  await hub.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

async function axeSerious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/** Fills both languages of one text in the editor, by its place in the draft. */
async function fillText(page: Page, path: string, nl: string, en: string): Promise<void> {
  await page.locator(`#f-${path}-nl`).fill(nl);
  await page.locator(`#f-${path}-en`).fill(en);
}

test('the organiser adapts the instrument in the console, and a kiosk and a phone answer on the new version', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('135790');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Instrumenten' })).toBeVisible();

  // Copy the shipped instrument under a name of our own.
  await page.getByTestId('library-ideale-ambtenaar').getByRole('button', { name: 'Kopie maken' }).click();
  const form = page.getByRole('form', { name: /Kopie maken van/ });
  await form.getByLabel('Naam op de kiosk (Nederlands)').fill('Gemeente Zuidkust');
  await form.getByLabel('Naam op de kiosk (Engels, mag leeg)').fill('Zuidkust municipality');
  await form.getByLabel('Korte naam').fill('Zuidkust');
  await expect(form.getByText('Een korte naam begint met een letter')).toBeVisible();
  await form.getByLabel('Korte naam').fill('zuidkust');
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/library-copy-1366.png' });
  await form.getByRole('button', { name: 'Kopie maken' }).click();
  await expect(page.getByRole('heading', { name: 'Instrument aanpassen: Gemeente Zuidkust' })).toBeVisible();
  await expect(page.getByTestId('check-problems')).toHaveText('Geen punten meer: klaar om te publiceren.');

  // Two situations in the group's own words.
  await fillText(
    page,
    'items-0-prompt',
    'De dijkgraaf belt: het waterschap wil morgen een besluit over de kade.',
    'The dike reeve calls: the water board wants a decision on the quay tomorrow.',
  );
  await fillText(
    page,
    'items-1-options-0-text',
    'Ik leg het vast in het zaaksysteem.',
    'I record it in the case system.',
  );
  await expect(page.getByTestId('editor-saved')).toHaveText('Niet bewaarde wijzigingen');

  // Drop the third situation: its type is short now, and the editor says which.
  const thirdAsks = await page.locator('.situation').nth(2).locator('select').inputValue();
  const thirdName = await page.locator('.situation').nth(2).locator('select option:checked').textContent();
  await page.getByRole('button', { name: /^Verwijderen: Situatie 3/ }).click();
  await expect(page.getByTestId('check-count')).toHaveText('11 situaties');
  await expect(page.getByTestId('check-balance')).toContainText(`${thirdName} te weinig`);
  await expect(page.getByTestId('check-problems')).toContainText('Elk type moet even vaak gevraagd worden');

  // Add one: it asks the short type; its empty texts are listed, each beside its field.
  await page.getByRole('button', { name: 'Situatie toevoegen' }).click();
  await expect(page.getByTestId('check-count')).toHaveText('12 situaties');
  await expect(page.locator('.situation').nth(11).locator('select')).toHaveValue(thirdAsks);
  await expect(page.getByTestId('check-balance')).toHaveText('In evenwicht: elk type even vaak.');
  await expect(page.getByTestId('check-problems')).toContainText(
    'Situatie 12, korte titel: De tekst in het Nederlands ontbreekt.',
  );
  await expect(page.locator('#p-items-11-prompt')).toContainText('De tekst in het Engels ontbreekt.');
  await page.screenshot({ path: join(SHOTS, 'editor-1366.png') });

  await fillText(page, 'items-11-title', 'De buurtapp', 'The neighbourhood app');
  await fillText(
    page,
    'items-11-prompt',
    'In de buurtapp gaat een gerucht rond over de nieuwe dijk.',
    'A rumour about the new dike spreads in the neighbourhood app.',
  );
  // A hostile text: a direction override is refused beside the field, and HTML stays text.
  await page.locator('#f-items-11-options-0-text-nl').fill('Ik zoek\u202E het na');
  await expect(page.locator('#p-items-11-options-0-text')).toContainText('Teken 8 (U+202E) mag niet');
  const options = [
    ['Ik zoek eerst uit wat de regels zeggen.', 'I first check what the rules say.'],
    ['Ik maak er <b>meteen</b> een kans van.', 'I make it a chance <b>at once</b>.'],
    ['Ik ga met de buurt om tafel.', 'I sit down with the neighbours.'],
  ];
  const types = await page.locator('.situation').nth(11).locator('fieldset legend').allTextContents();
  expect(types.slice(2)).toHaveLength(3);
  for (const [j, [nl, en]] of options.entries()) await fillText(page, `items-11-options-${j}-text`, nl!, en!);
  await expect(page.getByTestId('check-problems')).toHaveText('Geen punten meer: klaar om te publiceren.');
  await expect(page.getByTestId('harness')).toContainText('Eén type');
  await expect(page.getByTestId('harness').locator('tbody tr')).toHaveCount(4);

  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByTestId('editor-saved')).toHaveText('Alles bewaard');
  await expect(page.getByTestId('notice')).toHaveText('Concept bewaard.');

  // The preview: the kiosk's screens on the draft, in both languages; nothing is stored.
  const frame = page.frameLocator('iframe.preview-frame');
  await page.locator('iframe.preview-frame').scrollIntoViewIfNeeded();
  await frame.locator('.attract button.primary').click();
  await frame.locator('.intro button.primary').click();
  await expect(frame.locator('.screen.item')).toContainText('De dijkgraaf belt');
  await page.getByRole('group', { name: 'Taal van het voorbeeld' }).getByRole('button', { name: 'Engels' }).click();
  await frame.locator('.attract button.primary').click();
  await frame.locator('.intro button.primary').click();
  await expect(frame.locator('.screen.item')).toContainText('The dike reeve calls');

  // The pilot sheet: the new wording, lettered, without the types.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Proefversie (PDF)' }).click();
  const sheet = execFileSync('pdftotext', [await (await downloading).path(), '-'], { encoding: 'utf8' });
  expect(sheet.replace(/\s+/g, ' ')).toContain('De dijkgraaf belt');
  expect(sheet).not.toMatch(/Bureaucraat|Ondernemer|Verbinder/);

  expect(await axeSerious(page)).toEqual([]);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, 'editor-1920.png') });

  await page.getByRole('button', { name: 'Publiceren als nieuwe versie' }).click();
  await expect(page.getByTestId('notice')).toContainText('staat klaar als versie 1.0.0');
  await page.getByRole('button', { name: /Terug naar de console/ }).click();
  await page.getByLabel('Instrument kiezen').selectOption('zuidkust');
  await page.getByRole('button', { name: 'Gebruik dit instrument' }).click();
  await expect(page.getByTestId('library-zuidkust')).toContainText('staat aan');

  // A kiosk visit and a phone answer on the new version reach the projector and the export.
  const projector = await browser.newPage();
  await projector.goto(`${hub.url}/projector`);
  const kioskPage = await browser.newPage({ hasTouch: true });
  const kiosk = new KioskPage(kioskPage);
  await kiosk.open(hub.url);
  await kiosk.start();
  await expect(kioskPage.locator('.screen.item')).toContainText('De dijkgraaf belt');
  await kiosk.answerItems(Array<string>(12).fill('bureaucraat'));
  await kiosk.chooseCasus('verbinder');
  await kiosk.answerContext([null, null]);
  await expect(projector.getByTestId('total')).toContainText('1');

  const phoneContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: 'nl-NL',
  });
  const phone = await phoneContext.newPage();
  const url = new URL(hub.pairing.phone!);
  const route = await phoneRoute(url.origin, phoneAddress(4));
  routes.push(route);
  url.host = `${PHONE_HOST}:${route.port}`;
  await phone.goto(url.href);
  await phone.locator('.intro button.primary').tap();
  await expect(phone.locator('.screen.item')).toContainText('De dijkgraaf belt');
  const phoneKiosk = new KioskPage(phone);
  while (!(await phone.locator('.screen.case').isVisible())) await phoneKiosk.choose('verbinder');
  await phoneKiosk.answerCase(null);
  await phoneKiosk.chooseCasus('verbinder');
  while (await phone.locator('.screen.context').isVisible())
    await phone.locator('.context .row .secondary').last().tap();
  await expect(phone.getByTestId('delivery')).toHaveText('Je figuurtje loopt nu het scherm op.');
  await expect(projector.getByTestId('total')).toContainText('2');
  expect(hub.storedResponses().map((r) => r.instrument)).toEqual(['zuidkust@1.0.0', 'zuidkust@1.0.0']);

  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'JSON' }).click();
  const json = JSON.parse(readFileSync(await (await exporting).path(), 'utf8'));
  expect(json.stamp.instrument).toBe('zuidkust@1.0.0');
  await phoneContext.close();
});
