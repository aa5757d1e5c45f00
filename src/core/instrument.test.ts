import { describe, expect, it } from 'vitest';
import { rawInstrument, shippedInstrument } from '../../tests/support/instruments';
import { InstrumentError, parseInstrument } from './instrument';

describe('shipped instruments', () => {
  it('the default instrument has the three types, about 12 items, the casus and two context questions', () => {
    const inst = shippedInstrument('ideale-ambtenaar');
    expect(inst.types.map((t) => t.id)).toEqual(['bureaucraat', 'ondernemer', 'verbinder']);
    expect(inst.items).toHaveLength(12);
    expect(inst.casus.options).toHaveLength(3);
    expect(inst.context.map((c) => c.id)).toEqual(['rol', 'laag']);
    expect(inst.languages).toEqual(['nl', 'en']);
  });

  it('the four-perspective variant adds a fourth type to every item', () => {
    const inst = shippedInstrument('vier-perspectieven');
    expect(inst.types).toHaveLength(4);
    for (const item of inst.items)
      expect(item.options.map((o) => o.type).sort()).toEqual(inst.types.map((t) => t.id).sort());
  });

  it('no two options of an item share a text, in any language', () => {
    for (const id of ['ideale-ambtenaar', 'vier-perspectieven']) {
      const inst = shippedInstrument(id);
      for (const item of inst.items) {
        for (const lang of inst.languages) {
          const texts = item.options.map((o) => o.text[lang]);
          expect(new Set(texts).size).toBe(texts.length);
        }
      }
    }
  });
});

describe('a broken instrument file is refused with the file, the place and the fault', () => {
  const refuse = (mutate: (d: Record<string, any>) => void): InstrumentError => {
    const data = rawInstrument('ideale-ambtenaar') as Record<string, any>;
    mutate(data);
    try {
      parseInstrument(data, 'broken.json');
    } catch (error) {
      expect(error).toBeInstanceOf(InstrumentError);
      return error as InstrumentError;
    }
    throw new Error('the broken instrument was accepted');
  };

  it('an option for an unknown type', () => {
    const error = refuse((d) => (d.items[2].options[1].type = 'kameel'));
    expect(error.message).toContain('broken.json');
    expect(error.problems).toContainEqual({ path: 'items.2.options.1.type', message: 'unknown type "kameel"' });
  });

  it('a missing translation', () => {
    const error = refuse((d) => delete d.types[1].pitfall.en);
    expect(error.problems).toContainEqual({ path: 'types.1.pitfall', message: 'missing the "en" text' });
  });

  it('duplicate item ids', () => {
    const error = refuse((d) => (d.items[5].id = d.items[4].id));
    expect(error.problems).toContainEqual({ path: 'items.5.id', message: `duplicate item id "doel"` });
  });

  it('an item without one option per type', () => {
    const error = refuse((d) => (d.items[0].options[2].type = 'bureaucraat'));
    expect(error.problems.find((p) => p.path === 'items.0.options')?.message).toMatch(
      /missing: verbinder; more than once: bureaucraat/,
    );
  });

  it('a wrong colour', () => {
    const error = refuse((d) => (d.types[0].color = 'blue'));
    expect(error.problems[0]).toMatchObject({ path: 'types.0.color' });
  });
});
