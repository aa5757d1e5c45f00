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

  /** Answers the situations, then the question about the visitor's own case: the option with that label, or skipped. */
  async answerItems(choices: readonly Choice[], ownCase: string | null = null): Promise<void> {
    for (const choice of choices) await this.choose(choice);
    await expect(this.page.locator('.screen.case, .screen.casus')).toBeVisible();
    if (await this.page.locator('.screen.case').isVisible()) await this.answerCase(ownCase);
    await expect(this.page.locator('.screen.casus')).toBeVisible();
  }

  /** The kind of case the visitor has in mind (asked before the casus): an option's label, or null to skip. */
  async answerCase(label: string | null): Promise<void> {
    if (label === null) await this.page.locator('.case .row .secondary').last().tap();
    else await this.page.locator('.case .option', { hasText: label }).tap();
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
    await this.skipReveal();
  }

  /** A tap on the reveal goes straight to the result (it would end by itself within 3 s). */
  async skipReveal(): Promise<void> {
    const reveal = this.page.getByTestId('reveal');
    if (await reveal.isVisible()) await reveal.tap();
    await expect(reveal).toBeHidden();
  }

  delivery() {
    return this.page.getByTestId('delivery');
  }
}
