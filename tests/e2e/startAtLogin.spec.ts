import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test('under the hub alone, "start with the computer" is off, cannot be switched, and says it needs the app', async ({
  page,
  hub,
}) => {
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const setting = page.getByRole('checkbox', { name: 'Starten met de computer' });
  await expect(setting).not.toBeChecked();
  await expect(setting).toBeDisabled();
  await expect(setting).toHaveAccessibleDescription(/Dit kan alleen in de app/);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('checkbox', { name: 'Start with the computer' })).toHaveAccessibleDescription(
    /Only the app can do this/,
  );
  const results = await new AxeBuilder({ page })
    .include('.start-at-login')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
