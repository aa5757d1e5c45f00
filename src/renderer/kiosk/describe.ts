import type { TFunction } from 'i18next';
import { contextAsked, localize, type Instrument, type Language } from '../../core/instrument';
import { situationExample, type Profile, type SurveyResponse } from '../../core/response';
import { roundedPercentages, SWITCH_FIT, type CasusGap } from '../../core/scoring';
import type { ResultCard } from './resultCard';

/** A type's name without its article ("Verbinder"), as the sentences use it. */
export const typeName = (instrument: Instrument, id: string, lang: Language): string => {
  const type = instrument.types.find((x) => x.id === id);
  return type ? localize(type.name, lang).replace(/^(De|The) /, '') : id;
};

/**
 * The mix in one sentence ("Jij bent Verbinder met een flinke Ondernemer-kant."): a leading type with a clear second
 * side names that side too ("Jij bent vooral Verbinder, met een duidelijke Ruimtemaker-kant.").
 */
export function mixSentence(
  { label, side }: Pick<Profile, 'label' | 'side'>,
  instrument: Instrument,
  lang: Language,
  t: TFunction,
): string {
  switch (label.kind) {
    case 'leading':
      return side === null
        ? t('result.leading', { primary: typeName(instrument, label.primary, lang) })
        : t('result.leadingWithSide', {
            primary: typeName(instrument, label.primary, lang),
            secondary: typeName(instrument, side, lang),
          });
    case 'two-sided':
      return t(label.tied ? 'result.twoSidedTied' : 'result.twoSided', {
        primary: typeName(instrument, label.primary, lang),
        secondary: typeName(instrument, label.secondary, lang),
      });
    case 'chameleon':
      if (instrument.scoring === 'first-and-second') return t('result.chameleon');
      return t(instrument.types.length === 3 ? 'result.chameleonOld' : 'result.chameleonOldN');
    case 'all-round':
      return t('result.allRound');
  }
}

/**
 * The mirror of how the visitor meets the situations, with one of their own answers as the example; null for 1.x
 * instruments (they do not know what a situation asks).
 */
export function situationSentence(
  response: Pick<SurveyResponse, 'answers'>,
  profile: Profile,
  instrument: Instrument,
  lang: Language,
  t: TFunction,
): string | null {
  if (profile.fit === null) return null;
  const follows = profile.fit >= SWITCH_FIT;
  const example = situationExample(response, instrument, profile, follows);
  if (!example) return null;
  const item = instrument.items.find((it) => it.id === example.item)!;
  return t(follows ? 'result.follows' : 'result.ownWay', {
    title: localize(item.title ?? item.prompt, lang),
    asks: typeName(instrument, example.asks, lang),
    first: typeName(instrument, example.first, lang),
  });
}

/** The visitor's own case in words ("jouw project met partners"), or null when they skipped it or chose "other". */
export function casePhrase(
  instrument: Instrument,
  context: Readonly<Record<string, string>>,
  lang: Language,
): string | null {
  const [question] = contextAsked(instrument, 'before-casus');
  const phrase = question?.options.find((o) => o.id === context[question.id])?.phrase;
  return phrase ? localize(phrase, lang) : null;
}

/** The casus gap in words, naming the visitor's own case when they told it. */
export function casusSentence(
  gap: CasusGap,
  instrument: Instrument,
  lang: Language,
  t: TFunction,
  ownCase: string | null = null,
): string {
  const type = typeName(instrument, gap.type, lang);
  const suffix = ownCase === null ? '' : 'For';
  if (gap.kind === 'match') return t(`result.casusMatch${suffix}`, { type, case: ownCase });
  const share = Math.round(gap.share * 100);
  return t(`result.${gap.kind === 'gap' ? 'casusGap' : 'casusStretch'}${suffix}`, { type, share, case: ownCase });
}

/**
 * The attract screen's line of the day. Below the organiser's suppression threshold it invites without a number
 * (never "al 1 collega"); from there on it names the count and the most common leading type, or a mix when no type
 * leads alone.
 */
export function dayLine(
  aggregate: { total: number; leading: readonly number[]; balanced: number } | null,
  instrument: Instrument,
  suppressBelow: number,
  lang: Language,
  t: TFunction,
): string {
  const total = aggregate?.total ?? 0;
  if (!aggregate || total === 0) return t('attract.dayFirst');
  if (total < suppressBelow) return t('attract.dayFew');
  const top = Math.max(...aggregate.leading);
  const tops = aggregate.leading.filter((c) => c === top).length;
  if (tops > 1 || aggregate.balanced >= top) return t('attract.dayMix', { count: total });
  const type = instrument.types[aggregate.leading.indexOf(top)]!;
  const plural = type.plural ? localize(type.plural, lang) : typeName(instrument, type.id, lang);
  return t('attract.dayMost', { count: total, type: plural });
}

/** What the take-away holds besides the mix: the situation, the card and the credit, as the screen words them. */
export interface TakeAwayParts {
  sentence: string;
  situation: string;
  card: ResultCard;
  t: TFunction;
}

/**
 * The take-away as plain text inside the QR code: the phone shows it without any network, and nothing is stored
 * anywhere. It holds what the screen shows and what is one tap away: the mix, the situation, the card's strength and
 * pitfall (and a type's values and roots), one thing to try, and the model's credit.
 */
export function takeAwayText(
  instrument: Instrument,
  lang: Language,
  shares: readonly number[],
  { sentence, situation, card, t }: TakeAwayParts,
): string {
  const percents = roundedPercentages(shares);
  const mix = instrument.types.map((type, i) => `${typeName(instrument, type.id, lang)} ${percents[i]}%`).join(' · ');
  const lines = [
    localize(instrument.title, lang),
    sentence,
    mix,
    situation,
    card.name,
    `${t('result.strength')}: ${card.strength}`,
    `${t('result.pitfall')}: ${card.pitfall}`,
    ...(card.values ? [`${t('result.values')}: ${card.values}`] : []),
    ...(card.roots ? [`${t('result.roots')}: ${card.roots}`] : []),
    `${t('result.reflection')}: ${card.reflection}`,
    t('credit'),
  ];
  return lines.join('\n');
}
