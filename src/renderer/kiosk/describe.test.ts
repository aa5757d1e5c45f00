import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedInstrument } from '../../../tests/support/instruments';
import type { Instrument, Language } from '../../core/instrument';
import { profileOf } from '../../core/response';
import { en } from '../common/locales/en';
import { nl } from '../common/locales/nl';
import { mixSentence, takeAwayText } from './describe';
import { resultCard } from './resultCard';

const t: Record<Language, TFunction> = {} as Record<Language, TFunction>;
beforeAll(async () => {
  for (const lng of ['nl', 'en'] as const) {
    const i18n = createInstance();
    await i18n.init({
      lng,
      resources: { nl: { translation: nl }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    t[lng] = i18n.t;
  }
});

/** Twelve situations answered with these first and second choices, in turn. */
const answered = (instrument: Instrument, orders: readonly (readonly [string, string])[]) =>
  profileOf(
    {
      answers: instrument.items.map((item, i) => ({ item: item.id, order: [...orders[i % orders.length]!] })),
      casus: instrument.types[0]!.id,
    },
    instrument,
  );

const three = shippedInstrument('ideale-ambtenaar');
const four = shippedInstrument('vier-perspectieven');

describe('the mix sentence names a clear second side', () => {
  it('67 / 33 / 0: always Verbinder first and Bureaucraat second', () => {
    const profile = answered(three, [['verbinder', 'bureaucraat']]);
    expect(mixSentence(profile, three, 'nl', t.nl)).toBe(
      'Jij bent vooral Verbinder, met een duidelijke Bureaucraat-kant.',
    );
    expect(mixSentence(profile, three, 'en', t.en)).toBe('You are mostly Connector, with a clear Bureaucrat side.');
  });

  it('61 / 36 / 3 / 0 on four types: Verbinder with a Ruimtemaker side', () => {
    // 22, 13, 1 and 0 points of 36.
    const orders = [
      ...Array<[string, string]>(9).fill(['verbinder', 'ruimtemaker']),
      ['ruimtemaker', 'verbinder'],
      ['ruimtemaker', 'verbinder'],
      ['verbinder', 'bureaucraat'],
    ] as const;
    const profile = answered(four, orders);
    expect(profile.shares.map((s) => Math.round(s * 100))).toEqual([3, 0, 61, 36]);
    expect(mixSentence(profile, four, 'nl', t.nl)).toBe(
      'Jij bent vooral Verbinder, met een duidelijke Ruimtemaker-kant.',
    );
    expect(mixSentence(profile, four, 'en', t.en)).toBe('You are mostly Connector, with a clear Enabler side.');
  });

  it('a leading type whose second choices spread over the others stays "vooral" alone', () => {
    const profile = answered(three, [
      ['bureaucraat', 'ondernemer'],
      ['bureaucraat', 'verbinder'],
    ]);
    expect(mixSentence(profile, three, 'nl', t.nl)).toBe('Jij bent vooral Bureaucraat.');
    expect(mixSentence(profile, three, 'en', t.en)).toBe('You are mostly Bureaucrat.');
  });

  it('a two-sided mix keeps its own sentence', () => {
    const profile = answered(three, [
      ['bureaucraat', 'verbinder'],
      ['verbinder', 'bureaucraat'],
      ['bureaucraat', 'verbinder'],
    ]);
    expect(mixSentence(profile, three, 'nl', t.nl)).toBe('Jij bent Bureaucraat met een flinke Verbinder-kant.');
  });

  it.each(['nl', 'en'] as const)('the take-away (%s) opens with the same sentence', (lang) => {
    const profile = answered(four, [['ondernemer', 'bureaucraat']]);
    const sentence = mixSentence(profile, four, lang, t[lang]);
    const card = resultCard(profile.label, profile.shares, four, lang);
    const text = takeAwayText(four, lang, profile.shares, { sentence, situation: '', card, t: t[lang] });
    expect(text.split('\n')[1]).toBe(
      lang === 'nl'
        ? 'Jij bent vooral Ondernemer, met een duidelijke Bureaucraat-kant.'
        : 'You are mostly Entrepreneur, with a clear Bureaucrat side.',
    );
  });
});
