import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The kiosk as a visitor uses it: by tapping. */
export class KioskPage {
  constructor(readonly page: Page) {}

  async open(hubUrl: string, query = ''): Promise<void> {
    await this.page.goto(`${hubUrl}/kiosk${query}`);
    await expect(this.page.locator('.attract button.primary')).toBeEnabled();
  }

  async switchLanguage(): Promise<void> {
    await this.page.locator('.lang').tap();
  }

  async start(): Promise<void> {
    await this.page.locator('.attract button.primary').tap();
    await this.page.locator('.intro button.primary').tap();
    await expect(this.page.locator('.screen.item')).toBeVisible();
  }

  /** Taps the option of the given type on the current item. */
  async choose(type: string): Promise<void> {
    const step = await this.page.locator('.step').textContent();
    await this.page.locator(`.option[data-type="${type}"]`).tap();
    await expect(this.page.locator('.step')).not.toHaveText(step ?? '');
  }

  async answerItems(types: readonly string[]): Promise<void> {
    for (const type of types) await this.choose(type);
    await expect(this.page.locator('.screen.casus')).toBeVisible();
  }

  async chooseCasus(type: string): Promise<void> {
    await this.page.locator(`.casus .option[data-type="${type}"]`).tap();
  }

  /** Answers the context questions with the given option labels; null skips one. */
  async answerContext(labels: readonly (string | null)[]): Promise<void> {
    for (const [i, label] of labels.entries()) {
      const prompt = await this.page.locator('.context .prompt').textContent();
      if (label === null) await this.page.locator('.context .row .secondary').last().tap();
      else await this.page.locator('.context .option', { hasText: label }).tap();
      if (i < labels.length - 1) await expect(this.page.locator('.context .prompt')).not.toHaveText(prompt ?? '');
    }
    await expect(this.page.locator('.screen.result')).toBeVisible();
  }

  delivery() {
    return this.page.getByTestId('delivery');
  }
}
