import { expect, test } from './fixtures';
import { checkEverySize } from './layout';

/*
 * The organiser's console at every size of the matrix, in English (its longer labels), with figures to show. On a
 * fixed clock: 04:05 in Amsterdam, an hour whose day chart ran from 04:00 to 06:00 and cut "06:00" at its edge
 * (consoleDayHours.spec.ts has the other hours that did).
 */
test.use({ clock: '2026-02-06T03:05:00Z' });
test('the console fits every size', async ({ page, hub }) => {
  test.setTimeout(200_000);
  await page.goto(`${hub.url}/admin?lang=en`);
  await checkEverySize(page, 'console-en-login');
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: /log in/i }).click();
  await page.getByRole('spinbutton', { name: '#' }).fill('40');
  await page.getByRole('button', { name: /40/ }).click();
  await expect(page.getByTestId('status-rehearsal')).toHaveText('40');
  await checkEverySize(page, 'console-en-overview');
});
