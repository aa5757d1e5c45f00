import { describe, expect, it } from 'vitest';
import { rawInstrument, shippedInstrument } from '../../tests/support/instruments';
import { contextAsked, InstrumentError, parseInstrument } from './instrument';

describe('shipped instruments', () => {
  it('the default instrument has the three types, about 12 items, the casus, the case and two context questions', () => {
    const inst = shippedInstrument('ideale-ambtenaar');
    expect(inst.types.map((t) => t.id)).toEqual(['bureaucraat', 'ondernemer', 'verbinder']);
    expect(inst.items).toHaveLength(12);
    expect(inst.casus.options).toHaveLength(3);
    expect(inst.context.map((c) => c.id)).toEqual(['zaak', 'rol', 'laag']);
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

  // A visitor reads three or four options side by side in a few seconds: an option longer than this is a sentence to
  // study, and the reading-time budget (tests/integration/harness.test.ts) has no room for it.
  it.each([
    ['ideale-ambtenaar', 9],
    ['vier-perspectieven', 8],
  ])('%s: every option has at most %i words, in every language', (id, limit) => {
    const inst = shippedInstrument(id);
    const tooLong = inst.items.flatMap((item) =>
      item.options.flatMap((o) =>
        inst.languages
          .map((lang) => o.text[lang]!)
          .filter((text) => text.split(/\s+/).length > limit)
          .map((text) => `${item.id}: ${text}`),
      ),
    );
    expect(tooLong).toEqual([]);
  });
});

describe("the visitor's own case and the balanced cards", () => {
  for (const id of ['ideale-ambtenaar', 'vier-perspectieven']) {
    it(`${id}: the case is asked before the casus and names every option but "something else"`, () => {
      const inst = shippedInstrument(id);
      expect(contextAsked(inst, 'before-casus').map((q) => q.id)).toEqual(['zaak']);
      expect(contextAsked(inst, 'after-casus').map((q) => q.id)).toEqual(['rol', 'laag']);
      const [zaak] = contextAsked(inst, 'before-casus');
      expect(zaak!.options.map((o) => o.id)).toEqual(['besluit', 'partners', 'bestuur', 'inwoner', 'anders']);
      expect(zaak!.options.filter((o) => o.phrase).map((o) => o.id)).toEqual([
        'besluit',
        'partners',
        'bestuur',
        'inwoner',
      ]);
      expect(zaak!.options[1]!.phrase).toEqual({ nl: 'jouw project met partners', en: 'your project with partners' });
    });

    it(`${id}: a chameleon and an all-rounder have their own card, and every type its plural`, () => {
      const inst = shippedInstrument(id);
      expect(inst.balanced?.chameleon.name).toEqual({ nl: 'De Kameleon', en: 'The Chameleon' });
      expect(inst.balanced?.['all-round'].name).toEqual({ nl: 'De Allrounder', en: 'The All-rounder' });
      for (const type of inst.types) expect(Object.keys(type.plural ?? {})).toEqual(['nl', 'en']);
    });
  }

  it('a question without "asked" is asked after the casus', () => {
    const data = rawInstrument('ideale-ambtenaar') as Record<string, any>;
    delete data.context[0].asked;
    for (const option of data.context[0].options) delete option.phrase;
    const inst = parseInstrument(data, 'x.json');
    expect(contextAsked(inst, 'before-casus')).toEqual([]);
    expect(contextAsked(inst, 'after-casus').map((q) => q.id)).toEqual(['zaak', 'rol', 'laag']);
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

  it('two questions asked before the casus', () => {
    const error = refuse((d) => (d.context[2].asked = 'before-casus'));
    expect(error.problems).toContainEqual({
      path: 'context.2.asked',
      message: 'at most one context question can be asked before the casus',
    });
  });

  it('an unknown moment for a context question', () => {
    const error = refuse((d) => (d.context[0].asked = 'after-result'));
    expect(error.problems[0]).toMatchObject({ path: 'context.0.asked' });
  });

  it('a phrase on a question asked after the casus', () => {
    const error = refuse((d) => (d.context[1].options[0].phrase = { nl: 'jouw werk', en: 'your work' }));
    expect(error.problems).toContainEqual({
      path: 'context.1.options.0.phrase',
      message: 'only a question asked before the casus names the case in the result',
    });
  });

  it('a case phrase without its English text', () => {
    const error = refuse((d) => delete d.context[0].options[1].phrase.en);
    expect(error.problems).toContainEqual({ path: 'context.0.options.1.phrase', message: 'missing the "en" text' });
  });

  it('a two-choice instrument without the balanced cards, or with a card missing a text', () => {
    expect(refuse((d) => delete d.balanced).problems).toContainEqual({
      path: 'balanced',
      message: 'needs a card for "chameleon" and "all-round"',
    });
    expect(refuse((d) => delete d.balanced.chameleon.pitfall.en).problems).toContainEqual({
      path: 'balanced.chameleon.pitfall',
      message: 'missing the "en" text',
    });
  });
});
