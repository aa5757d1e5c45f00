import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makeResponse } from '../support/responses';
import { shippedInstrument } from '../support/instruments';
import { expect, HubProcess, test } from './fixtures';
import { Participant } from './participants';
import { phoneAddress } from './phones';

/**
 * Workshop mode's shared screen and the console's workshop panel on a real hub in network mode: participants are
 * sockets on the network listener (no browsers), the facilitator works the panel, the projector page shows the phases.
 */
const LAN_HOST = '127.0.0.2';
const CLOCK = '2026-03-18T10:00:00+01:00';
const SHOTS = join(__dirname, '../../docs/screenshots');
const instrument = shippedInstrument('ideale-ambtenaar');
const [BUREAUCRAAT, ONDERNEMER, VERBINDER] = instrument.types;

test.use({ clock: CLOCK });

let hub: HubProcess;
let dataDir: string;
let people: Participant[] = [];
test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ideale-e2e-workshop-'));
  hub = new HubProcess(dataDir, ['--lan', '--lan-port', '0', '--lan-host', LAN_HOST, '--audience'], CLOCK);
  await hub.start(0);
});
test.afterEach(async () => {
  for (const p of people) p.close();
  people = [];
  await hub.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

async function noSeriousFindings(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
}

/** The phase on the projector at both projector sizes, screenshot and checked; back at 1920×1080 after. */
async function shoot(projector: Page, phase: string): Promise<void> {
  await noSeriousFindings(projector, phase);
  for (const [width, height] of [
    [1920, 1080],
    [1024, 768],
  ] as const) {
    await projector.setViewportSize({ width, height });
    await projector.waitForTimeout(1000);
    await projector.screenshot({ path: join(SHOTS, `workshop-screen-${phase}-${width}.png`) });
  }
  await projector.setViewportSize({ width: 1920, height: 1080 });
}

/** Participant `n` answers with one type first everywhere: a mix that leans clearly to it. */
const answer = (p: Participant, type: number): Promise<void> =>
  p.act({ kind: 'answer', response: makeResponse(instrument, () => type) });

test('the facilitator runs a workshop through its four phases on the shared screen, then deletes it', async ({
  page,
  browser,
}) => {
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const panel = page.getByTestId('workshop-panel');
  await expect(panel).toContainText('Nog geen workshops.');
  await expect(panel.getByLabel('Datum')).toHaveValue('2026-03-18');
  const crowd = panel.getByLabel('Ook meetellen in de cijfers van vandaag');
  await expect(crowd).not.toBeChecked();
  await panel.getByLabel('Naam van de groep').fill('Team Vergunningen');
  await panel.getByRole('button', { name: 'Workshop maken' }).click();
  await expect(page.getByTestId('notice')).toHaveText('De workshop is gemaakt.');
  const card = panel.getByTestId('workshop');
  await expect(card).toContainText('Team Vergunningen');
  const code = (await card.getAttribute('data-code'))!;
  const network = new URL(hub.pairing.phone!).origin;
  await expect(card.locator('figcaption code')).toHaveText(`${network}/workshop/?w=${code}`);

  const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.clock.install({ time: CLOCK });
  await projector.goto(`${hub.url}/projector`);
  await expect(projector.getByTestId('view-title')).toBeVisible();
  await card.getByRole('button', { name: 'Toon op het scherm' }).click();
  const screen = projector.getByTestId('workshop-screen');
  await expect(screen).toHaveAttribute('data-phase', 'stand');
  await expect(projector.getByTestId('ws-title')).toHaveText('Waar we staan');
  await expect(projector.getByTestId('ws-phase-number')).toHaveText('Fase 1 van 4');
  await expect(projector.getByTestId('ws-name')).toHaveText('Team Vergunningen');
  await expect(projector.locator('canvas')).toHaveCount(0);
  await expect(projector.locator('.ws-qr')).toHaveAttribute('data-url', `${network}/workshop/?w=${code}`);
  await expect(projector.getByTestId('ws-code')).toHaveText(`${code.slice(0, 4)}-${code.slice(4)}`);
  await expect(projector.locator('.ws-roots')).toContainText('Max Weber (1922)');

  // Eight join from addresses of their own; four answers are too few for a group picture, five are enough.
  for (let n = 0; n < 8; n++) people.push(await Participant.join(network, code, phoneAddress(n)));
  await expect(projector.getByTestId('ws-joined')).toHaveText('8 doen mee');
  for (let n = 0; n < 4; n++) await answer(people[n]!, n % 3);
  await expect(projector.getByTestId('ws-answered')).toHaveText('4 hebben geantwoord');
  await expect(projector.getByTestId('ws-too-few')).toHaveText(
    'Nog te weinig antwoorden: vanaf 5 laat het scherm de groep zien.',
  );
  await expect(projector.getByTestId('ws-group-point')).toHaveCount(0);
  await answer(people[4]!, 1);
  await expect(projector.getByTestId('ws-group')).toContainText('gemiddelde mix van 5 antwoorden');
  await expect(projector.getByTestId(`share-${BUREAUCRAAT!.id}`)).toHaveText(/^\d+%$/);
  await expect(projector.getByTestId('ws-group-point')).toHaveCount(1);

  // Three more answer; on the screen by name only once they chose a nickname, and no more once withdrawn.
  for (const [n, type] of [
    [5, 2],
    [6, 0],
    [7, 1],
  ] as const)
    await answer(people[n]!, type);
  await expect(projector.getByTestId('ws-answered')).toHaveText('8 hebben geantwoord');
  await expect(projector.getByTestId('ws-named')).toHaveCount(0);
  await people[5]!.act({ kind: 'nickname', nickname: 'Anna' });
  await people[6]!.act({ kind: 'nickname', nickname: 'Bram' });
  await people[7]!.act({ kind: 'nickname', nickname: 'Cas' });
  const named = () =>
    projector
      .getByTestId('ws-named')
      .allTextContents()
      .then((names) => names.sort());
  await expect.poll(named).toEqual(['Anna', 'Bram', 'Cas']);
  await people[7]!.act({ kind: 'nickname', nickname: null });
  await expect.poll(named).toEqual(['Anna', 'Bram']);
  await expect(projector.locator('figcaption.ws-note')).toHaveText(
    'Met naam staan alleen mensen die daar zelf voor kozen.',
  );
  await shoot(projector, 'stand');

  // Phase 2: five cases that ask a side, three of them shared; a line that looks like HTML stays text.
  const cases = [
    { text: 'Vergunning voor een festival binnen een week', asks: ONDERNEMER!.id, share: true },
    { text: 'Bezwaar van een buurman tegen een dakkapel', asks: BUREAUCRAAT!.id, share: true },
    { text: 'Iets wat alleen ik weet', asks: VERBINDER!.id, share: false },
    { text: 'Wijkavond over <b>de nieuwe</b> speeltuin', asks: VERBINDER!.id, share: true },
    { text: 'Nog een zaak voor mezelf', asks: BUREAUCRAAT!.id, share: false },
  ];
  for (const [n, c] of cases.entries()) await people[n]!.act({ kind: 'case', ...c });
  await card.getByRole('button', { name: '2. Wie we zijn en wat ons werk vraagt' }).click();
  await expect(card.getByRole('button', { name: /^2\./ })).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByRole('button', { name: /^1\./ })).toHaveAttribute('aria-pressed', 'false');
  await expect(projector.getByTestId('ws-title')).toHaveText('Wie we zijn en wat ons werk vraagt');
  await expect(projector.getByTestId('ws-phase-number')).toHaveText('Fase 2 van 4');
  await expect(projector.getByTestId('ws-asks-count')).toContainText('(over 5 zaken)');
  const shared = projector.getByTestId('ws-cases').locator('li');
  await expect(shared).toHaveCount(3);
  await expect(projector.getByTestId('ws-cases')).not.toContainText('alleen ik');
  await expect(projector.getByTestId('ws-cases')).toContainText('Wijkavond over <b>de nieuwe</b> speeltuin');
  await expect(projector.getByTestId('ws-cases').locator('b')).toHaveCount(0);
  const side = shared.filter({ hasText: 'dakkapel' }).locator('.ws-side');
  await expect(side).toHaveText('vraagt om BDe Bureaucraat');
  await expect(side).toHaveAttribute('data-type', BUREAUCRAAT!.id);
  await expect(projector.getByTestId(`ws-compare-${VERBINDER!.id}`)).toContainText('40%');
  await shoot(projector, 'asks');

  // Phase 3: per shared case who has its side strongest, and the pair with a question from the types' cards.
  await card.getByRole('button', { name: '3. Wie kan wie helpen' }).click();
  await expect(projector.getByTestId('ws-title')).toHaveText('Wie kan wie helpen');
  const strongest = projector.getByTestId('ws-strongest').locator('li');
  await expect(strongest.filter({ hasText: 'dakkapel' })).toContainText('→ Bram');
  await expect(strongest.filter({ hasText: 'Wijkavond' })).toContainText('→ Anna');
  const pair = projector.getByTestId('ws-groups').locator('li');
  await expect(pair).toHaveCount(1);
  await expect(pair.locator('.ws-pair-names')).toHaveText('Anna · Bram');
  const questions = instrument.types.map((t) => t.reflection.nl);
  expect(questions).toContain(await pair.locator('.ws-question').textContent());
  await shoot(projector, 'help');

  // The same phase in English on a second screen: the question in the screen's language.
  const english = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await english.goto(`${hub.url}/projector?lang=en`);
  await expect(english.getByTestId('ws-title')).toHaveText('Who can help whom');
  const englishQuestions = instrument.types.map((t) => t.reflection.en);
  expect(englishQuestions).toContain(await english.locator('.ws-question').textContent());
  await english.context().close();

  // Phase 4: the shared commitments on the wall, without names; the unshared one stays on its phone.
  await people[0]!.act({ kind: 'commitment', text: 'Elke week één regel schrappen die niemand helpt', share: true });
  await people[1]!.act({ kind: 'commitment', text: 'Vaker de wijk bellen voor ik besluit', share: true });
  await people[2]!.act({ kind: 'commitment', text: 'Iets voor mezelf', share: false });
  await card.getByRole('button', { name: '4. Wat we gaan proberen' }).click();
  await expect(projector.getByTestId('ws-title')).toHaveText('Wat we gaan proberen');
  await expect(projector.getByTestId('ws-wall').locator('li')).toHaveText([
    'Elke week één regel schrappen die niemand helpt',
    'Vaker de wijk bellen voor ik besluit',
  ]);
  await shoot(projector, 'try');

  await expect(card.getByTestId('workshop-counts')).toHaveText('8 doen mee, 8 hebben geantwoord');
  await noSeriousFindings(page, 'console');
  await panel.screenshot({ path: join(SHOTS, 'workshop-console.png') });

  // The report is asked for with the session token, in the console's language.
  const asked = page.waitForRequest((r) => r.url().includes('/export/workshop?'));
  await card.getByRole('button', { name: 'Verslag (PDF)' }).click();
  const report = await asked;
  expect(report.url()).toBe(`${hub.url}/export/workshop?id=${await card.getAttribute('data-id')}&lang=nl`);
  expect(report.headers().authorization).toMatch(/^Bearer \S{20,}$/);

  // Back to the talk and the talk's view is there again; shown once more, then deleted for good.
  await card.getByRole('button', { name: 'Terug naar de talk' }).click();
  await expect(screen).toHaveCount(0);
  await expect(projector.getByTestId('view-title')).toBeVisible();
  await card.getByRole('button', { name: 'Toon op het scherm' }).click();
  await expect(screen).toBeVisible();
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Elk antwoord, elke zaak, elk voornemen en elke schermnaam');
    expect(dialog.message()).toContain('uit het logboek');
    void dialog.accept();
  });
  await card.getByRole('button', { name: 'Workshop verwijderen' }).click();
  await expect(page.getByTestId('notice')).toHaveText(/^De workshop is verwijderd/);
  await expect(panel).toContainText('Nog geen workshops.');
  await expect(screen).toHaveCount(0);
  await expect(projector.getByTestId('view-title')).toBeVisible();
  // The workshop's answers never entered the day's crowd (not chosen to count).
  expect(hub.storedResponses()).toHaveLength(0);
});
