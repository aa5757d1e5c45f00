import { localize } from '../../src/core/instrument';
import { TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { expect, test } from './fixtures';

/** What the console says about refused input: a text the rule refuses, and answers for another instrument. */
test('an event name with a direction override is refused beside the field, in Dutch and in English', async ({
  page,
  hub,
}) => {
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const name = page.getByLabel('Naam van het evenement');
  await name.fill('Ambtenaar\u202E 2025');
  const error = page.getByTestId('text-refused-eventName');
  await expect(error).toHaveText(
    'De naam van het evenement heeft op plaats 10 een teken dat niet mag (U+202E): een onzichtbaar teken, een regeleinde of een teken dat de leesrichting omdraait. Gebruik zichtbare tekst op één regel. Er is niets veranderd.',
  );
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Bewaren', exact: true })).toBeDisabled();
  await page.getByLabel('Naam van de ronde').fill('Zaal\u0000 2');
  await expect(page.getByTestId('text-refused-roundName')).toContainText('plaats 5 een teken dat niet mag (U+0000)');
  await expect(page.getByRole('button', { name: 'Start ronde' })).toBeDisabled();
  await error.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/console-text-refused-nl.png' });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(error).toHaveText(
    'The event name has a character that is not allowed at position 10 (U+202E): an invisible character, a line break or one that turns the reading direction. Use visible text on one line. Nothing was changed.',
  );
  await page.getByLabel('Name of the event').fill('Ambtenaar 2025');
  await expect(error).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
  expect(hub.storedResponses()).toEqual([]);
});

test('the overview counts answers for another instrument: refused when it did not run today', async ({ page, hub }) => {
  const four = shippedInstrument('vier-perspectieven');
  const ref = `${four.id}@${four.version}`;
  const kiosk = await TestClient.connect(hub.url, 'kiosk');
  for (let i = 0; i < 3; i++) {
    const response = makeResponse(four);
    kiosk.send({ type: 'submit', response });
    await kiosk.waitFor((m) => m.type === 'error' && m.ref === response.id);
  }
  kiosk.close();
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const line = page.getByTestId(`other-${ref}`);
  await expect(line).toHaveText(
    `${localize(four.title, 'nl')} (${ref}): 0 bewaard · 3 geweigerd, want dat instrument liep vandaag niet`,
  );
  await line.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/console-other-instruments.png' });
});
