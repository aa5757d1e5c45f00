import type { TFunction } from 'i18next';
import { localize, type Instrument, type Language } from '../../core/instrument';
import { situationExample, type Profile, type SurveyResponse } from '../../core/response';
import { roundedPercentages, SWITCH_FIT, type CasusGap, type ProfileLabel } from '../../core/scoring';

/** A type's name without its article ("Verbinder"), as the sentences use it. */
export const typeName = (instrument: Instrument, id: string, lang: Language): string => {
  const type = instrument.types.find((x) => x.id === id);
  return type ? localize(type.name, lang).replace(/^(De|The) /, '') : id;
};

/** The mix in one sentence ("Jij bent Verbinder met een flinke Ondernemer-kant."). */
export function mixSentence(label: ProfileLabel, instrument: Instrument, lang: Language, t: TFunction): string {
  switch (label.kind) {
    case 'leading':
      return t('result.leading', { primary: typeName(instrument, label.primary, lang) });
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

/** The casus gap in words. */
export function casusSentence(gap: CasusGap, instrument: Instrument, lang: Language, t: TFunction): string {
  const type = typeName(instrument, gap.type, lang);
  if (gap.kind === 'match') return t('result.casusMatch', { type });
  const share = Math.round(gap.share * 100);
  return t(gap.kind === 'gap' ? 'result.casusGap' : 'result.casusStretch', { type, share });
}

/**
 * The take-away as plain text inside the QR code: the phone shows it without any network, and nothing is stored
 * anywhere.
 */
export function takeAwayText(
  instrument: Instrument,
  lang: Language,
  shares: readonly number[],
  sentence: string,
  reflection: string,
): string {
  const percents = roundedPercentages(shares);
  const mix = instrument.types.map((type, i) => `${typeName(instrument, type.id, lang)} ${percents[i]}%`).join(' · ');
  return `${localize(instrument.title, lang)}\n${sentence}\n${mix}\n${reflection}`;
}
