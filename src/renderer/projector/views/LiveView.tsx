import { liveClaim, liveSentence, LIVE_LETTERS } from '../../../core/live';
import { bareName } from '../../../core/headlineWords';
import { localize } from '../../../core/instrument';
import { roundedPercentages } from '../../../core/scoring';
import { NamedMark } from '../../common/NamedMark';
import { useLang } from '../../common/useLang';
import { useLive } from '../live';
import { useProjector } from '../store';
import { LiveFigures } from './LiveFigures';

/** The colour of options before the reveal: one for all, so nothing tells the types apart. */
export const NEUTRAL = '#9aa5c4';

/**
 * The live moment on the projector: the situation and its options lettered (no types until the reveal), how many
 * answered, and from the threshold on the split in steps, with figures walking to the option they chose. The reveal
 * gives each option its type's colour and name and says in one sentence what the room did.
 */
export function LiveView() {
  const { t, lang } = useLang();
  const live = useLive((s) => s.live);
  const instrument = useProjector((s) => s.instrument);
  if (!live || !instrument) return null;
  const revealed = live.phase === 'revealed';
  const typeAt = (id: string | null): number => instrument.types.findIndex((type) => type.id === id);
  const types = live.options.map((o) => instrument.types[typeAt(o.type)] ?? null);
  const split = live.split;
  const percents = split ? roundedPercentages(split.counts.map((c) => c / Math.max(1, split.of))) : null;
  const claim = revealed
    ? liveClaim(
        split,
        live.options.map((o) => typeAt(o.type)),
        live.asks === null ? null : typeAt(live.asks),
        live.threshold,
      )
    : null;
  const words = {
    leads: t('live.leads'),
    close: t('live.close'),
    asksOther: t('live.asksOther'),
    asksSame: t('live.asksSame'),
    asksAlone: t('live.asksAlone'),
  };
  const sentence = claim && liveSentence(claim, words, (i) => bareName(localize(instrument.types[i]!.name, lang)));
  const held = split && live.answered > split.of && revealed ? live.answered - split.of : 0;
  return (
    <section className="live-view" data-testid="live-view" data-phase={live.phase} aria-labelledby="live-kicker">
      <header className="live-head">
        <p className="live-kicker" id="live-kicker">
          {revealed ? t('live.revealed') : t('live.question')}
        </p>
        <p className="live-count" data-testid="live-count" aria-live="polite">
          {t('live.answers', { count: live.answered })}
        </p>
      </header>
      {live.title && <p className="live-title">{localize(live.title, lang)}</p>}
      <p className="live-prompt">{localize(live.prompt, lang)}</p>
      {sentence && (
        <p className="headline live-headline" data-testid="live-headline">
          {sentence}
        </p>
      )}
      <ol className="live-options" style={{ gridTemplateColumns: `repeat(${live.options.length}, minmax(0, 1fr))` }}>
        {live.options.map((option, i) => {
          const type = revealed ? types[i] : null;
          const letter = LIVE_LETTERS[i]!;
          return (
            <li key={letter} className="live-option" data-testid={`live-option-${letter}`} data-type={type?.id ?? ''}>
              <span className="live-letter" style={{ background: type?.color ?? NEUTRAL }} aria-hidden="true">
                {letter}
              </span>
              <span className="sr-only">{letter}: </span>
              <span className="live-text">{localize(option.text, lang)}</span>
              {type && (
                <span className="live-type">
                  <NamedMark mark={type.mark} color={type.color} name={localize(type.name, lang)} />
                </span>
              )}
              {percents && split && (
                <span className="live-share" data-testid={`live-share-${letter}`}>
                  {percents[i]}% <small>({split.counts[i]})</small>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <LiveFigures
        counts={split?.counts ?? live.options.map(() => 0)}
        colors={types.map((type) => type?.color ?? NEUTRAL)}
        label={t('live.figuresAlt')}
      />
      {split ? (
        <p className="live-note" data-testid="live-note">
          {t('live.stepNote', { of: split.of })}
          {held > 0 && ` · ${t('live.heldBack', { count: held })}`}
        </p>
      ) : (
        <p className="live-note" data-testid="live-too-few">
          <strong className="too-few">{t('live.tooFew')}</strong> ·{' '}
          {t('live.tooFewNote', { threshold: live.threshold })}
        </p>
      )}
    </section>
  );
}
