import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackDifference, attackDocument } from '../../../tests/support/exportAttacker';
import { shippedInstrument } from '../../../tests/support/instruments';
import type { Round } from '../settings';
import { buildExportTables, exportRow, type ExportRow } from './tables';

const instruments = [shippedInstrument('ideale-ambtenaar'), shippedInstrument('vier-perspectieven')];

/** One visitor as fast-check draws them: picks per item, casus, context, round and hour as indices. */
const visitorArb = fc.record({
  picks: fc.array(fc.nat(3), { minLength: 12, maxLength: 12 }),
  casus: fc.nat(3),
  context: fc.array(fc.nat(5), { minLength: 2, maxLength: 2 }),
  round: fc.nat(3),
  hour: fc.integer({ min: 9, max: 16 }),
});
type Visitor = typeof visitorArb extends fc.Arbitrary<infer V> ? V : never;

/** Tiny days, ordinary days, and days where most visitors are one and the same kind of person. */
const dayArb = fc
  .record({
    instrument: fc.nat(instruments.length - 1),
    rounds: fc.nat(3),
    threshold: fc.constantFrom(3, 5, 5, 10),
    dominant: visitorArb,
  })
  .chain((day) =>
    fc.record({
      ...Object.fromEntries(Object.entries(day).map(([k, v]) => [k, fc.constant(v)])),
      visitors: fc.oneof(
        fc.array(visitorArb, { maxLength: 8 }),
        fc.array(visitorArb, { maxLength: 60 }),
        fc.array(fc.option(visitorArb, { freq: 5 }), { maxLength: 60 }),
      ),
      extra: visitorArb,
    }),
  ) as fc.Arbitrary<{
  instrument: number;
  rounds: number;
  threshold: number;
  dominant: Visitor;
  visitors: (Visitor | null)[];
  extra: Visitor;
}>;

function rowOf(v: Visitor, instrumentIndex: number, rounds: Round[]): ExportRow {
  const instrument = instruments[instrumentIndex]!;
  const types = instrument.types;
  const context: Record<string, string> = {};
  instrument.context.forEach((q, i) => {
    const option = q.options[v.context[i]!];
    if (option) context[q.id] = option.id;
  });
  const round = rounds[v.round]?.id ?? null;
  const response = {
    answers: instrument.items.map((item, i) => ({ item: item.id, type: types[v.picks[i]! % types.length]!.id })),
    casus: types[v.casus % types.length]!.id,
    context,
  };
  return exportRow(response, instrument, round, v.hour);
}

const roundsOf = (n: number): Round[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Ronde ${i + 1}`, startedAt: i, endedAt: i + 1 }));

describe('suppression over the whole export document', () => {
  it('the other tables of the same document give away no hidden cell', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const rounds = roundsOf(day.rounds);
        const rows = day.visitors.map((v) => rowOf(v ?? day.dominant, day.instrument, rounds));
        const tables = buildExportTables(instruments[day.instrument]!, rows, rounds, day.threshold);
        const leaks = attackDocument(tables, day.threshold);
        // A document that counts nobody (fewer visitors than one group) gives away only that: every count is 0.
        if (leaks.some((l) => l.name === 'deelnemers' && l.high === 0))
          expect(leaks.every((l) => l.high === 0)).toBe(true);
        else expect(leaks).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("two exports, before and after one more visitor, do not single out that visitor's casus or leading type", () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const instrument = instruments[day.instrument]!;
        const rounds = roundsOf(day.rounds);
        const rows = day.visitors.map((v) => rowOf(v ?? day.dominant, day.instrument, rounds));
        const before = buildExportTables(instrument, rows, rounds, day.threshold);
        const after = buildExportTables(
          instrument,
          [...rows, rowOf(day.extra, day.instrument, rounds)],
          rounds,
          day.threshold,
        );
        const newcomers = attackDifference(before, after);
        const casus = before.counts.find((t) => t.id === 'casus')!;
        const groups = [
          casus.rowLabels.map((label) => `casus:rij:${label}`),
          casus.colLabels.slice(0, -1).map((label) => `kolom:${label}`),
        ];
        for (const names of groups) {
          const bounds = names.map((n) => newcomers.get(n)!);
          const possible = bounds.filter((b) => b.high > 0);
          // Someone new, and only in one casus (or leading type): acceptable only as a fact about a group as large
          // as a shown cell, never about the one newcomer.
          if (possible.length === 1 && possible[0]!.low > 0)
            expect(possible[0]!.low).toBeGreaterThanOrEqual(day.threshold);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
