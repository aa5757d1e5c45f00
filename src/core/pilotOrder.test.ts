import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instrument } from './instrument';
import { PILOT_CASUS, pilotLetter, pilotLetters, pilotOrder } from './pilotOrder';

const ID = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const VERSION = fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((v) => v.join('.'));
const TYPES = fc
  .uniqueArray(ID, { minLength: 3, maxLength: 6 })
  .map((ids) => ids.map((id) => ({ id }) as Instrument['types'][number]));

describe('pilotOrder', () => {
  it('is a permutation of the types, never their own order, the same on every call', () => {
    fc.assert(
      fc.property(ID, VERSION, TYPES, ID, (id, version, types, item) => {
        const instrument = { id, version, types };
        const order = pilotOrder(instrument, item);
        const own = types.map((t) => t.id);
        expect([...order].sort()).toEqual([...own].sort());
        expect(order).not.toEqual(own);
        expect(pilotOrder({ id, version, types: types.map((t) => ({ ...t })) }, item)).toEqual(order);
      }),
      { numRuns: 500 },
    );
  });

  it('differs between situations, so no type keeps its letter through an instrument', () => {
    fc.assert(
      fc.property(ID, VERSION, TYPES, (id, version, types) => {
        const instrument = { id, version, types };
        const orders = Array.from({ length: 12 }, (_, i) => pilotOrder(instrument, `s${i}`));
        // Over twelve situations, the first letter goes to more than one type.
        expect(new Set(orders.map((o) => o[0])).size).toBeGreaterThan(1);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the letters of a printed sheet: the same seed gives the same order in every runtime', () => {
    const types = ['bureaucraat', 'ondernemer', 'verbinder'].map((id) => ({ id }) as Instrument['types'][number]);
    const instrument = { id: 'ideale-ambtenaar', version: '3.0.0', types };
    expect(pilotOrder(instrument, 'terras')).toEqual(pilotOrder(instrument, 'terras'));
    expect(pilotOrder(instrument, 'terras')).toMatchInlineSnapshot(`
      [
        "verbinder",
        "ondernemer",
        "bureaucraat",
      ]
    `);
    // Another version is another draft: its letters are its own.
    const others = ['3.0.1', '3.1.0', '4.0.0'].map((version) => pilotOrder({ ...instrument, version }, 'terras'));
    expect(others.some((o) => o.join() !== pilotOrder(instrument, 'terras').join())).toBe(true);
  });
});

describe('pilotLetters', () => {
  it('letters every situation and then the casus A, B, C...', () => {
    const types = ['a', 'b', 'c', 'd'].map((id) => ({ id }) as Instrument['types'][number]);
    const items = ['x', 'y'].map((id) => ({ id }) as Instrument['items'][number]);
    const letters = pilotLetters({ id: 'i', version: '1.0.0', types, items } as unknown as Instrument);
    expect(letters.map((s) => s.key)).toEqual(['x', 'y', PILOT_CASUS]);
    for (const s of letters) expect(s.letters.map((l) => l.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(pilotLetter(5)).toBe('F');
  });
});
