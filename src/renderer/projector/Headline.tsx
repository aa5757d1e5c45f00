import type { TFunction } from 'i18next';
import { MIN_CROWD_FOR_DISTRIBUTION } from '../../core/aggregate';
import { clockTime } from '../../core/eventTime';
import {
  dayHeadline,
  gapHeadline,
  groupHeadline,
  leadingHeadline,
  splitHeadline,
  type Headline as Claim,
} from '../../core/headlines';
import { bareName, HEADLINE_WORDS, headlineSentence } from '../../core/headlineWords';
import { localize, type Instrument, type Language } from '../../core/instrument';
import { useLang } from '../common/useLang';
import { crowdShows, shownAggregate, useProjector } from './store';

/** Decides the claim for the view on screen: the pure rules in core/headlines.ts, fed by the store. */
function claimOf(s: ReturnType<typeof useProjector.getState>): Claim | null {
  const aggregate = shownAggregate(s);
  if (!s.instrument || !aggregate || !crowdShows(s)) return null;
  const threshold = Math.max(s.settings.suppressBelow, MIN_CROWD_FOR_DISTRIBUTION);
  switch (s.view) {
    case 'crowd':
    case 'bars':
      return leadingHeadline(aggregate, threshold);
    case 'casus':
      return gapHeadline(aggregate, threshold);
    case 'context': {
      const question = s.instrument.context[s.contextIndex];
      const groups = question && s.talk?.context[question.id];
      return groups ? groupHeadline(groups, s.hubAggregate!, threshold) : null;
    }
    case 'split':
      return s.talk ? splitHeadline(s.talk.split, threshold) : null;
    case 'replay':
      return s.talk && !s.roundOnly ? dayHeadline(s.talk.arrivals, threshold) : leadingHeadline(aggregate, threshold);
  }
}

/** Selected as a string: a claim is a new object on every store change, and equal words must not re-render. */
function useClaim(): Claim | null {
  const json = useProjector((s) => JSON.stringify(claimOf(s)));
  return JSON.parse(json) as Claim | null;
}

/** The words for a claim, in the page's language. */
export function claimText(
  claim: Claim,
  t: TFunction,
  instrument: Instrument,
  lang: Language,
  timeZone: string,
  contextIndex: number,
): string {
  const item = (id: string): string => {
    const it = instrument.items.find((x) => x.id === id);
    return it ? localize(it.title ?? it.prompt, lang) : id;
  };
  return headlineSentence(claim, HEADLINE_WORDS[lang], {
    type: (i) => bareName(localize(instrument.types[i]!.name, lang)),
    balanced: t('projector.balancedBar'),
    item,
    group: (id) => {
      const option = instrument.context[contextIndex]?.options.find((o) => o.id === id);
      return option ? localize(option.label, lang) : id;
    },
    clock: (ms) => clockTime(ms, timeZone),
  });
}

/** The view's finding in one sentence, or nothing when the data do not support one. */
export function Headline() {
  const { t, lang } = useLang();
  const claim = useClaim();
  const instrument = useProjector((s) => s.instrument);
  const timeZone = useProjector((s) => s.settings.timeZone);
  const contextIndex = useProjector((s) => s.contextIndex);
  if (!claim || !instrument) return null;
  return (
    <p className="headline" data-testid="headline" data-claim={claim.kind}>
      {claimText(claim, t, instrument, lang, timeZone, contextIndex)}
    </p>
  );
}
