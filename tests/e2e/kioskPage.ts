import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** A situation's answer: the first and second choice, or only the first (the second is then the next type). */
export type Choice = string | readonly [string, string];

const TYPE_ORDER = ['bureaucraat', 'ondernemer', 'verbinder', 'ruimtemaker'];

/** The type after `type` in instrument order, among those on screen: the default second choice. */
export function nextType(onScreen: readonly string[], type: string): string {
  const present = TYPE_ORDER.filter((t) => onScreen.includes(t));
  return present[(present.indexOf(type) + 1) % present.length]!;
}

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

  /**
   * Answers the current situation: the first choice, then the second ("1" and "2" must appear as they are tapped).
   * A single type means "this first, then the next type in instrument order".
   */
  async choose(choice: Choice): Promise<void> {
    const step = await this.page.locator('.step').textContent();
    const types = await this.page.locator('.screen.item .option').evaluateAll((b) => b.map((x) => x.dataset.type!));
    const [first, second] = typeof choice === 'string' ? [choice, nextType(types, choice)] : choice;
    await this.page.locator(`.option[data-type="${first}"]`).tap();
    await expect(this.page.locator(`.option[data-type="${first}"] .rank`)).toHaveText('1');
    await this.page.locator(`.option[data-type="${second}"]`).tap();
    await expect(this.page.locator('.step')).not.toHaveText(step ?? '');
  }

  async answerItems(choices: readonly Choice[]): Promise<void> {
    for (const choice of choices) await this.choose(choice);
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
