import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src/hub/export/build';
import { CROWD_BOX, toPdf } from '../../src/hub/export/pdf';
import { plotFrame } from '../../src/hub/export/report/crowdPlot';
import { shippedInstrument } from '../support/instruments';
import { readMarks, regionAt } from '../support/pdfMarks';
import { structureNodes } from '../support/pdfReaders';
import { makeResponse } from '../support/responses';
import { amsterdam } from '../support/simulatedDay';
import { useTestHub } from '../support/useTestHub';

const three = shippedInstrument('ideale-ambtenaar');
const [B, O, V] = [0, 1, 2];

const fixture = useTestHub();

/** `count` visitors who lead with type `lead` (every first choice), or two-sided with `side` (first choices split). */
function visitors(count: number, lead: number, side?: number): void {
  const at = amsterdam(10) + fixture.hub.store.count({ rehearsal: false }) * 60_000;
  for (let i = 0; i < count; i++) {
    const pick = (k: number): number => (side === undefined || k % 2 === 0 ? lead : side);
    const second = (k: number): number => (side === undefined ? (lead + 1) % 3 : pick(k) === lead ? side : lead);
    fixture.hub.store.insert(makeResponse(three, pick, undefined, second), at + i * 60_000, {
      round: null,
      rehearsal: false,
    });
  }
}

/** What the profile table shows, per region of the plot ("balanced" holds the chameleons and the all-rounders). */
function profileTable(doc: ReturnType<typeof buildExport>): { shown: Map<string, number>; hidden: Set<string> } {
  const profiles = doc.counts.find((t) => t.id === 'profielen')!;
  const shown = new Map<string, number>();
  const hidden = new Set<string>();
  profiles.rowKeys!.forEach((key, r) => {
    const region = key === 'chameleon' || key === 'all-round' ? 'balanced' : key;
    if (profiles.hidden[r]![0]) hidden.add(region);
    else shown.set(region, (shown.get(region) ?? 0) + profiles.values[r]![0]!);
  });
  for (const region of hidden) shown.delete(region);
  return { shown, hidden };
}

/**
 * The attacker: counts the marks of the crowd plot in the file per region of the plot, per shape, and per region and
 * shape, and looks for a count the tables hide.
 */
async function attack(hiddenCounts: number[]): Promise<{ shown: Map<string, number>; marks: number; pdf: Buffer }> {
  const doc = buildExport(fixture.hub.store, three, {
    event: 'Test',
    appVersion: 'test',
    suppressBelow: 5,
    timeZone: 'UTC',
  });
  const { shown, hidden } = profileTable(doc);
  const pdf = await toPdf(doc, three, { lang: 'nl' });
  const frame = plotFrame(CROWD_BOX, 3);
  const marks = readMarks(pdf);
  const tally = new Map<string, number>();
  const add = (key: string): void => void tally.set(key, (tally.get(key) ?? 0) + 1);
  for (const m of marks) {
    const region = regionAt(three, frame, m.x, m.y);
    add(`region ${region}`);
    add(`shape ${m.shape}`);
    add(`region ${region} shape ${m.shape}`);
  }
  // A region whose count the tables hide holds no mark at all; a shown one holds exactly its shown count.
  for (const region of hidden) expect(tally.get(`region ${region}`) ?? 0, region).toBe(0);
  for (const [region, count] of shown) expect(tally.get(`region ${region}`) ?? 0, region).toBe(count);
  // And no count of any kind a reader makes equals a hidden one.
  for (const [what, count] of tally) expect(hiddenCounts, what).not.toContain(count);
  return { shown, marks: marks.length, pdf };
}

describe('the crowd plot gives no hidden count away', () => {
  it('35 answers, 20 leading Bureaucraat, 12 Ondernemer, 3 Verbinder: no mark counts a group the tables hide', async () => {
    visitors(20, B);
    visitors(12, O);
    visitors(3, V);
    // The 12 and the 3 (their sum, 15, follows from the shown totals): the tables hide them, so must the plot.
    const { marks, pdf } = await attack([12, 3]);
    // Here every profile count is hidden (the zeros beside the 20 would follow from it), so the plot draws nobody.
    expect(marks).toBe(0);
    // What a screen reader hears: hidden counts in words, never as a number, and no finding that needs them.
    const spoken = (await structureNodes(pdf)).flatMap((n) => (n.alt ? [`${n.role}: ${n.alt}`] : []));
    const figures = spoken.filter((a) => a.startsWith('Figure'));
    expect(figures).toHaveLength(4);
    expect(figures[1]).toBe(
      'Figure: Deelnemers per leidend type: De Bureaucraat 20 (57%), ' +
        'De Ondernemer verborgen (minder dan 5 of af te leiden), De Verbinder verborgen (minder dan 5 of af te leiden), ' +
        'In balans verborgen (minder dan 5 of af te leiden).',
    );
    expect(spoken.filter((a) => a === 'TD: verborgen (minder dan 5 of af te leiden)').length).toBeGreaterThan(0);
    for (const alt of spoken) expect(alt).not.toMatch(/(?<![\d,.:])(12|3|15)(?![\d,.%:])/);
  });

  it('beside shown profiles: their marks are exactly the shown counts, the hidden ones have none', async () => {
    visitors(20, B);
    visitors(10, B, O);
    visitors(12, O);
    visitors(3, V);
    const { shown, marks } = await attack([3]);
    expect(shown.size).toBeGreaterThan(0);
    expect(marks).toBe([...shown.values()].reduce((a, b) => a + b, 0));
  });
});
