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
});
