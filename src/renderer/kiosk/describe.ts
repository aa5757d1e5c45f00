import type { TFunction } from 'i18next';
import { localize, type Instrument, type Language } from '../../core/instrument';
import { roundedPercentages, type CasusGap, type ProfileLabel } from '../../core/scoring';

const typeName = (instrument: Instrument, id: string, lang: Language): string => {
  const type = instrument.types.find((x) => x.id === id);
  return type ? localize(type.name, lang).replace(/^(De|The) /, '') : id;
};

/** The mix in one sentence ("Jij bent Verbinder met een flinke Ondernemer-kant."). */
export function mixSentence(label: ProfileLabel, instrument: Instrument, lang: Language, t: TFunction): string {
  switch (label.kind) {
    case 'leading':
      return t('result.leading', { primary: typeName(instrument, label.primary, lang) });
    case 'hybrid':
      return t(label.tied ? 'result.hybridTied' : 'result.hybrid', {
        primary: typeName(instrument, label.primary, lang),
        secondary: typeName(instrument, label.secondary, lang),
      });
    case 'chameleon':
      return t(instrument.types.length === 3 ? 'result.chameleon' : 'result.chameleonN');
  }
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
