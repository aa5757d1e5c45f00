import { describe, expect, it } from 'vitest';
import { shippedInstrument } from '../../../tests/support/instruments';
import { buildExportTables, exportRow } from './tables';

describe('export tables', () => {
  it('an export before the first visitor has every table, with everything hidden and no loop', () => {
    const tables = buildExportTables(shippedInstrument('ideale-ambtenaar'), [], [], 5);
    expect(tables.counts.map((t) => t.id)).toEqual([
      'profielen',
      'casus',
      'rondes',
      'uren',
      'context-zaak',
      'context-rol',
      'context-laag',
    ]);
    for (const t of tables.counts) expect(t.hidden.flat().every(Boolean)).toBe(true);
    expect(tables.means.n).toEqual([null]);
  });

  it('works for the four-type instrument without changes', () => {
    const four = shippedInstrument('vier-perspectieven');
    const rows = Array.from({ length: 40 }, (_, i) =>
      exportRow(
        {
          answers: four.items.map((item) => ({ item: item.id, type: four.types[i % 4]!.id })),
          casus: four.types[(i + 1) % 4]!.id,
          context: {},
        },
        four,
        null,
        10,
      ),
    );
    const tables = buildExportTables(four, rows, [], 5);
    const casus = tables.counts.find((t) => t.id === 'casus')!;
    expect(casus.colLabels).toEqual([
      'De Bureaucraat',
      'De Ondernemer',
      'De Verbinder',
      'De Ruimtemaker',
      'In balans',
      'Totaal',
    ]);
    expect(casus.values.at(-1)).toEqual([10, 10, 10, 10, 0, 40]);
    expect(tables.means.means[0]).toEqual([25, 25, 25, 25]);
  });

  it("the visitor's own case is a context table like the others, suppressed below the threshold", () => {
    const inst = shippedInstrument('ideale-ambtenaar');
    const row = (zaak: string | null) =>
      exportRow(
        {
          answers: inst.items.map((item) => ({ item: item.id, order: ['verbinder', 'bureaucraat'] })),
          casus: 'ondernemer',
          context: zaak ? { zaak } : {},
        },
        inst,
        null,
        10,
      );
    const rows = [...Array(10).fill('partners'), ...Array(5).fill('besluit'), 'inwoner'].map((zaak) => row(zaak));
    const table = buildExportTables(inst, rows, [], 5).counts.find((t) => t.id === 'context-zaak')!;
    expect(table.title).toBe('Leidend type naar wat voor zaak heb je in gedachten');
    expect(table.rowLabels).toEqual([
      'Een vergunning of besluit',
      'Een project met partners',
      'Een vraag van de raad of de wethouder',
      'Een klacht of vraag van een inwoner',
      'Iets anders',
      'Niet ingevuld',
    ]);
    const verbinder = inst.types.findIndex((t) => t.id === 'verbinder');
    expect(table.values[1]![verbinder]).toBe(10);
    expect(table.hidden[1]![verbinder]).toBe(false);
    // One resident's complaint stays hidden, and so does a cell it could be worked out from.
    expect(table.hidden[3]![verbinder]).toBe(true);
    expect(table.hidden[0]![verbinder]).toBe(true);
  });
});
