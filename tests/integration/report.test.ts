import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { reportFigures } from '../../src/core/export/reportFigures';
import { buildExport } from '../../src/hub/export/build';
import { CROWD_BOX, toPdf } from '../../src/hub/export/pdf';
import { plotFrame } from '../../src/hub/export/report/crowdPlot';
import { shippedInstrument } from '../support/instruments';
import { colouredPixels, pdfOperators, renderPages, type RenderedPage } from '../support/pdfPages';
import { amsterdam, simulateDay } from '../support/simulatedDay';
import { useTestHub } from '../support/useTestHub';

const three = shippedInstrument('ideale-ambtenaar');
const four = shippedInstrument('vier-perspectieven');
/** Where the rendered pages go, to look at (the README's screenshots are taken from here). */
const LOOK = join(__dirname, '../../test-results/report');

const fixture = useTestHub();

async function report(instrument = three, suppressBelow = 5) {
  const doc = buildExport(fixture.hub.store, instrument, {
    event: 'Landelijke Ambtenaar 2.0 Dag',
    appVersion: 'test',
    suppressBelow,
    timeZone: 'Europe/Amsterdam',
    // Made at the end of the simulated day, so the pages kept to look at (and the README's) are the same every run.
    now: new Date(amsterdam(17)),
    losses: [],
  });
  const pdf = await toPdf(doc, instrument, { lang: 'nl' });
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const text = (await parser.getText()).text;
  await parser.destroy();
  const dots = pdfOperators(pdf).match(/\/Dot BMC/g)?.length ?? 0;
  return { doc, pdf, text, dots, pages: renderPages(pdf) };
}

/** The participants the crowd plot may draw: those in the profiles the tables show (docs/adr/0004). */
function inShownProfiles(doc: ReturnType<typeof buildExport>): number {
  const profiles = doc.counts.find((t) => t.id === 'profielen')!;
  return profiles.rowKeys!.reduce((sum, _, r) => sum + (profiles.hidden[r]![0] ? 0 : profiles.values[r]![0]!), 0);
}

/** Coloured pixels well inside the polygon, away from the coloured corner marks: only dots can be there. */
function dotPixels(page: RenderedPage, corners: number): number {
  const { cx, cy, radius } = plotFrame(CROWD_BOX, corners);
  return colouredPixels(page, cx, cy, radius * 0.55);
}

function keep(name: string, pdf: Buffer, pages: RenderedPage[]): void {
  mkdirSync(LOOK, { recursive: true });
  writeFileSync(join(LOOK, `${name}.pdf`), pdf);
  pages.forEach((p, i) => writeFileSync(join(LOOK, `${name}-${i + 1}.png`), p.png));
}

describe('the day report', () => {
  it('after a day of 500 visitors: two A4 pages, a dot per participant of a shown profile, the totals in its text', async () => {
    simulateDay(fixture.hub.store, three, 500);
    const { doc, pdf, text, dots, pages } = await report();
    keep('day-500', pdf, pages);
    expect(pages).toHaveLength(2);
    // A4 is 595.28 × 841.89 points; pdftoppm rounds up.
    expect([pages[0]!.width, pages[0]!.height]).toEqual([596, 842]);
    expect(dots).toBe(inShownProfiles(doc));
    expect(dots).toBe(500);
    expect(dotPixels(pages[0]!, 3)).toBeGreaterThan(2000);

    const figures = reportFigures(doc);
    expect(text).toContain('Dagrapport: Landelijke Ambtenaar 2.0 Dag');
    expect(text).toContain('Deelnemers: 500');
    expect(text).toContain('6 februari 2026, 09:30 tot 16:28');
    for (const lead of figures.leads) {
      if (lead.count === null) continue;
      expect(text).toMatch(new RegExp(`${lead.label}\\s+${lead.count} \\(${Math.round((lead.count / 500) * 100)}%\\)`));
    }
    // The talk and the stand side by side, the profiles named with their counts where the tables show them.
    expect(text).toContain('Ronde: Zaal 1');
    expect(text).toContain('Bij de stand (buiten een ronde)');
    for (const p of figures.profiles) expect(text).toMatch(new RegExp(`${p.label}\\s+${p.count ?? 'x'}`));
    expect(text).toMatch(/Kameleon/);
    expect(text).toMatch(/Bureaucraat met Verbinder-kant/);
    // Hours in the event's zone: the first arrivals came at 09:30 Amsterdam time.
    expect(figures.hours[0]!.label).toBe('09:00-10:00');
    expect(text).toContain('Gemaakt 2026-02-06 17:00');
    expect(text).toContain(doc.stamp.checksum);
  });

  it('draws the square for four types, one dot per participant of a shown profile', async () => {
    simulateDay(fixture.hub.store, four, 203);
    const { doc, dots, pdf, pages, text } = await report(four, 10);
    keep('four-types', pdf, pages);
    // Some of the twelve two-sided profiles are under 10: their members are not drawn.
    expect(dots).toBe(inShownProfiles(doc));
    expect(dots).toBeGreaterThan(100);
    expect(dots).toBeLessThan(200);
    expect(dotPixels(pages[0]!, 4)).toBeGreaterThan(250);
    expect(text).toContain('De Ruimtemaker (R)');
  });

  it('shows no dot at all below the threshold, and says so', async () => {
    simulateDay(fixture.hub.store, three, 4);
    const { dots, pdf, pages, text } = await report();
    keep('below-threshold', pdf, pages);
    expect(dots).toBe(0);
    expect(dotPixels(pages[0]!, 3)).toBe(0);
    expect(text).toContain('Deelnemers: te weinig om te tonen');
    expect(text).toContain('Geen stippen: minder dan 5 deelnemers geteld.');
    expect(text).not.toMatch(/\b[1-4] \(\d+%\)/);
  });

  it('counts dots in whole groups of the threshold, as the tables count visitors', async () => {
    simulateDay(fixture.hub.store, three, 509);
    const { doc, dots, text } = await report(three, 10);
    expect(text).toContain('Deelnemers: 500');
    expect(dots).toBe(inShownProfiles(doc));
    expect(doc.counts.find((t) => t.id === 'profielen')!.values.at(-1)![0]).toBe(500);
  });
});
