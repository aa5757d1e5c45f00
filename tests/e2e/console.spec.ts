import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

/** The console shows the devices' hours and the export is stamped: both read 10:20 in Amsterdam, at any hour. */
test.use({ clock: '2026-02-06T10:20:00+01:00' });

test('the organiser sets a PIN, starts a round, rehearses, sees the kiosk, and downloads an export', async ({
  page,
  browser,
  hub,
}) => {
  await page.goto(`${hub.url}/admin`);
  await expect(page.getByRole('heading', { name: /Kies een PIN/ })).toBeVisible();
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Overzicht' })).toBeVisible();

  await page.getByLabel('Naam van de ronde').fill('Zaal Rotterdam');
  await page.getByRole('button', { name: 'Start ronde' }).click();
  await expect(page.getByTestId('round-state')).toHaveText('Nu loopt: Zaal Rotterdam');
  await expect(page.getByTestId('notice')).toHaveText('Ronde "Zaal Rotterdam" loopt.');

  await page.getByRole('spinbutton', { name: '#' }).fill('40');
  await page.getByRole('button', { name: 'Voeg 40 oefenbezoekers toe' }).click();
  await expect(page.getByTestId('status-rehearsal')).toHaveText('40');
  await expect(page.getByTestId('status-total')).toHaveText('0');

  const kiosk = await browser.newPage();
  await kiosk.goto(`${hub.url}/kiosk`);
  await expect(page.getByTestId('devices')).toContainText('kiosk');
  await expect(page.getByTestId('devices')).toContainText('10:20');

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
  await page.screenshot({ path: 'test-results/screens/console-nl.png', fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'JSON' }).click();
  const file = await (await downloading).path();
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(json.stamp.instrument).toBe('ideale-ambtenaar@3.0.0');
  // Made on the hub's clock, a minute or two after 10:20 in Amsterdam (09:20 UTC).
  expect(json.stamp.generatedAt).toMatch(/^2026-02-06T09:2\d:/);
  // Rehearsal visitors never count in an export.
  expect(
    json.tables
      .find((t: { id: string }) => t.id === 'casus')
      .values.at(-1)
      .at(-1),
  ).toBeNull();

  await page.getByRole('button', { name: 'Wis alle oefenbezoekers' }).click();
  await expect(page.getByTestId('status-rehearsal')).toHaveText('0');
  await kiosk.close();
});

test('a wrong PIN is refused and five lock the console', async ({ page, hub }) => {
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('1111');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Overzicht' })).toBeVisible();
  await page.reload();
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('PIN').fill('9999');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByTestId('notice')).toBeVisible();
  }
  await expect(page.getByTestId('notice')).toContainText('Te vaak een verkeerde PIN');
  await expect(page.getByRole('button', { name: 'Inloggen' })).toBeDisabled();
});

test('in English, what the hub reports after an action is English too', async ({ page, hub }) => {
  await page.goto(`${hub.url}/admin?lang=en`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: /log in/i }).click();
  await page.getByRole('spinbutton', { name: '#' }).fill('12');
  await page.getByRole('button', { name: /12/ }).click();
  await expect(page.getByTestId('notice')).toHaveText('Rehearsed 12, refused 0.');
  await page.getByLabel('Name of the round').fill('Room 2');
  await page.getByRole('button', { name: 'Start round' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Round "Room 2" is running.');
});

test('the organiser types a situation someone in the room brought, picks it for the live moment, and removes it', async ({
  page,
  hub,
}) => {
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const panel = page.getByTestId('live-panel');
  await expect(panel).toBeVisible();
  const form = panel.getByTestId('live-new');
  await form.getByTestId('live-prompt-nl').fill('Een wethouder wil morgen een besluit over de kade.');
  await form.getByTestId('live-prompt-en').fill('An alderman wants a decision on the quay tomorrow.');
  for (const [type, nl, en] of [
    ['bureaucraat', 'Ik check eerst de regels.', 'I check the rules first.'],
    ['ondernemer', 'Ik zoek een snelle oplossing.', 'I look for a quick fix.'],
    ['verbinder', 'Ik bel de buurt.', 'I call the neighbours.'],
  ]) {
    await form.getByTestId(`live-${type}-nl`).fill(nl!);
    await form.getByTestId(`live-${type}-en`).fill(en!);
  }
  // A direction override is said beside the field before anything is sent.
  await form.getByTestId('live-verbinder-en').fill('I call\u202E them');
  await expect(form.getByRole('alert')).toContainText('U+202E');
  await form.getByTestId('live-verbinder-en').fill('I call the neighbours.');
  await form.getByRole('button', { name: 'Bewaar situatie' }).click();
  await expect(page.getByTestId('notice')).toHaveText(/bewaard/i);
  const pick = panel.getByTestId('live-pick');
  await expect(pick.locator('option', { hasText: 'Een wethouder wil morgen' })).toHaveCount(1);
  const typed = await pick.locator('option', { hasText: 'Een wethouder wil morgen' }).getAttribute('value');
  await pick.selectOption(typed!);
  await expect(pick).toHaveValue(typed!);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/console-live-panel.png', fullPage: false });
  await panel.getByRole('button', { name: 'Weghalen' }).click();
  await expect(pick.locator('option', { hasText: 'Een wethouder wil morgen' })).toHaveCount(0);
});
