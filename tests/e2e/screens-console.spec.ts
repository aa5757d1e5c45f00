import { expect, test } from './fixtures';
import { checkEverySize } from './layout';

/* The organiser's console at every size of the matrix, in English (its longer labels), with figures to show. */
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
