import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedInstrument } from '../../tests/support/instruments';
import { profileOf } from './response';
import { arrivalSpans, emptyTally, evenness, mostDividedItem, publicTalk, tally, type TallyInput } from './talkCounts';

const instrument = shippedInstrument('ideale-ambtenaar');
const typeIds = instrument.types.map((t) => t.id);
const HOUR = 3_600_000;
const DAY = Date.UTC(2025, 5, 12, 7);

/** A valid 2.x answer set with optional context answers and an arrival time within one day. */
const inputArb: fc.Arbitrary<TallyInput> = fc
  .record({
    orders: fc.tuple(...instrument.items.map(() => fc.shuffledSubarray(typeIds, { minLength: 2, maxLength: 2 }))),
    casus: fc.constantFrom(...typeIds),
    context: fc.record(
      Object.fromEntries(instrument.context.map((q) => [q.id, fc.constantFrom(...q.options.map((o) => o.id))])),
      { requiredKeys: [] },
    ),
    at: fc.integer({ min: 0, max: 10 * HOUR }),
  })
  .map(({ orders, casus, context, at }) => {
    const response = {
      answers: instrument.items.map((item, i) => ({ item: item.id, order: orders[i]! })),
      casus,
      context: context as Record<string, string>,
    };
    return { response, label: profileOf(response, instrument).label, receivedAt: DAY + at };
  });

const fold = (inputs: readonly TallyInput[]) => {
  const t = emptyTally(instrument);
  for (const input of inputs) tally(t, instrument, input);
  return t;
};

describe('the talk counts', () => {
  it('added one arrival at a time equal a fresh count of the same answers, in any order', () => {
    fc.assert(
      fc.property(
        fc
          .array(inputArb, { maxLength: 60 })
          .chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        ([inputs, shuffled]) => {
          const live = emptyTally(instrument);
          inputs.forEach((input) => tally(live, instrument, input));
          expect(live).toEqual(fold(shuffled));
          expect(publicTalk(live, instrument, 5)).toEqual(publicTalk(fold(shuffled), instrument, 5));
        },
      ),
    );
  });

  it('count every answer once: each context question and each item adds up to those who answered it', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 60 }), (inputs) => {
        const t = fold(inputs);
        for (const q of instrument.context) {
          const answered = inputs.filter((x) => x.response.context[q.id] !== undefined).length;
          const counted = Object.values(t.context[q.id]!)
            .flat()
            .reduce((a, b) => a + b, 0);
          expect(counted).toBe(answered);
        }
        for (const item of instrument.items) expect(t.firsts[item.id]!.reduce((a, b) => a + b, 0)).toBe(inputs.length);
        expect(Object.values(t.hours).reduce((a, b) => a + b, 0)).toBe(inputs.length);
      }),
    );
  });

  it('never send a group, a situation or a span of hours smaller than the threshold', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 60 }), fc.integer({ min: 2, max: 12 }), (inputs, threshold) => {
        const shown = publicTalk(fold(inputs), instrument, threshold);
        for (const groups of Object.values(shown.context))
          for (const g of Object.values(groups)) expect(g.size).toBeGreaterThanOrEqual(threshold);
        if (shown.split) expect(shown.split.size).toBeGreaterThanOrEqual(threshold);
        else expect(inputs.length < threshold).toBe(true);
        for (const span of shown.arrivals) expect(span.count).toBeGreaterThanOrEqual(threshold);
        const spanned = shown.arrivals.reduce((s, a) => s + a.count, 0);
        expect(spanned).toBe(inputs.length >= threshold ? inputs.length : 0);
      }),
    );
  });

  it('merge quiet hours into their neighbours, in order and without gaps in the count', () => {
    const hours = { [DAY]: 2, [DAY + HOUR]: 9, [DAY + 2 * HOUR]: 3, [DAY + 4 * HOUR]: 1 };
    // 2 + 9 make the first span; 3 + 1 are too few on their own and join it.
    expect(arrivalSpans(hours, 5)).toEqual([{ from: DAY, to: DAY + 5 * HOUR, count: 15 }]);
    expect(arrivalSpans({ ...hours, [DAY + 5 * HOUR]: 1 }, 5)).toEqual([
      { from: DAY, to: DAY + 2 * HOUR, count: 11 },
      { from: DAY + 2 * HOUR, to: DAY + 6 * HOUR, count: 5 },
    ]);
    expect(arrivalSpans({ [DAY]: 4 }, 5)).toEqual([]);
    expect(arrivalSpans({ [DAY]: 6, [DAY + HOUR]: 7 }, 5)).toEqual([
      { from: DAY, to: DAY + HOUR, count: 6 },
      { from: DAY + HOUR, to: DAY + 2 * HOUR, count: 7 },
    ]);
  });

  it('find the situation whose first choices were most evenly divided', () => {
    expect(evenness([5, 5, 5])).toBeCloseTo(1);
    expect(evenness([9, 0, 0])).toBe(0);
    expect(mostDividedItem({ a: [8, 1, 1], b: [4, 3, 3], c: [5, 5, 0] }, ['a', 'b', 'c'])).toBe('b');
    expect(mostDividedItem({ a: [0, 0, 0] }, ['a'])).toBeNull();
  });
});
