import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, HubProcess, test } from './fixtures';
import { KioskPage, type Choice } from './kioskPage';

test.use({ hasTouch: true });

const SHOTS = join(__dirname, '../../test-results/screens');
mkdirSync(SHOTS, { recursive: true });

/** Entrepreneur first and Bureaucrat second in every situation: 33 / 67 / 0, told only "vooral Ondernemer" before. */
const LEADING_WITH_SIDE: Choice[] = Array(12).fill(['ondernemer', 'bureaucraat']);
const SENTENCE = {
  nl: 'Jij bent vooral Ondernemer, met een duidelijke Bureaucraat-kant.',
  en: 'You are mostly Entrepreneur, with a clear Bureaucrat side.',
} as const;
const BARS = {
  nl: 'Bureaucraat 33% · Ondernemer 67% · Verbinder 0%',
  en: 'Bureaucrat 33% · Entrepreneur 67% · Connector 0%',
} as const;
/** The visitor's own case: a resident's complaint ("the resident’s complaint" in English). */
const OWN_CASE = { nl: 'Een klacht of vraag van een inwoner', en: 'A complaint or question from a resident' } as const;
/** Characters beyond ASCII that this take-away holds besides "·": "efficiëntie" in the values, "resident’s". */
const ACCENTED = { nl: 'efficiënt', en: 'resident’s' } as const;

/**
 * What a real decoder reads from a picture of the code: zbar, the decoder behind many Android scanner apps and Linux
 * tools. It guesses the character set of a code without an ECI marker, and read UTF-8 "·" as "繚".
 */
function zbarRead(png: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ideale-qr-'));
  try {
    const file = join(dir, 'qr.png');
    writeFileSync(file, png);
    return execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).replace(/\n$/, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const lang of ['nl', 'en'] as const) {
  test(`kiosk (${lang}): the result names the second side, and a real decoder reads the take-away as shown`, async ({
    page,
    hub,
  }) => {
    const kiosk = new KioskPage(page);
    await kiosk.open(hub.url);
    if (lang === 'en') await kiosk.switchLanguage();
    await kiosk.start();
    await kiosk.answerItems(LEADING_WITH_SIDE, OWN_CASE[lang]);
    await kiosk.chooseCasus('verbinder');
    await kiosk.answerContext([null, null]);
    const sentence = page.getByTestId('mix-sentence');
    await expect(sentence).toHaveText(SENTENCE[lang]);
    await expect(page.getByRole('img', { name: new RegExp(SENTENCE[lang].replace('.', '\\.')) })).toBeVisible();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, `kiosk-result-side-${lang}.png`) });

    const qr = page.locator('img.qr');
    await expect(qr).toBeVisible();
    const takeAway = (await qr.getAttribute('data-text'))!;
    const read = zbarRead(await qr.screenshot());
    expect(read).toBe(takeAway);
    // The take-away holds what the screen says, accents, quotes and middle dots included.
    const lines = read.split('\n');
    expect(lines[1]).toBe(SENTENCE[lang]);
    expect(lines[2]).toBe(BARS[lang]);
    expect(read).toContain(ACCENTED[lang]);
    expect(lines).toContain((await page.getByTestId('casus-gap').textContent())!);
    expect(lines.at(-2)).toContain((await page.getByTestId('reflection').textContent())!);
  });
}

test.describe('phone', () => {
  let phoneHub: HubProcess;
  let dataDir: string;
  test.beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ideale-e2e-takeaway-'));
    phoneHub = new HubProcess(dataDir, ['--lan', '--lan-port', '0', '--lan-host', '127.0.0.2', '--audience']);
    await phoneHub.start(0);
  });
  test.afterEach(async () => {
    await phoneHub.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The visit on the phone: the situations, the case and the context skipped, the reveal tapped away. */
  async function visit(page: Page): Promise<void> {
    const kiosk = new KioskPage(page);
    await page.locator('.intro button.primary').tap();
    await kiosk.answerItems(LEADING_WITH_SIDE);
    await kiosk.chooseCasus('verbinder');
    while (await page.locator('.screen.context').isVisible())
      await page.locator('.context .row .secondary').last().tap();
    await expect(page.locator('.screen.result')).toBeVisible();
    await kiosk.skipReveal();
    await page.waitForTimeout(400);
  }

  for (const lang of ['nl', 'en'] as const) {
    test(`phone (${lang}): the result names the second side`, async ({ browser }) => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        hasTouch: true,
        isMobile: true,
        locale: lang === 'nl' ? 'nl-NL' : 'en-GB',
      });
      const page = await context.newPage();
      await page.goto(phoneHub.pairing.phone!);
      await visit(page);
      await expect(page.getByTestId('mix-sentence')).toHaveText(SENTENCE[lang]);
      await page.screenshot({ path: join(SHOTS, `phone-result-side-${lang}.png`) });
      await context.close();
    });
  }
});
