import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Instrument, Language } from '../../../core/instrument';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { mixColors, profilePosition } from '../../../core/scoring';
import { CrowdStage } from '../stage/CrowdStage';
import { useKiosk } from '../store';
import { idleSettingsFrom } from '../useIdleReset';

/**
 * The moment after the last answer: the visitor's figure walks to its place in the type polygon among today's crowd,
 * then the result follows. A tap anywhere (or the button) goes straight on; with reduced motion it is skipped.
 */
export function Reveal({
  instrument,
  lang,
  shares,
  crowd,
}: {
  instrument: Instrument;
  lang: Language;
  shares: readonly number[];
  crowd: boolean;
}) {
  const { t } = useTranslation();
  const endReveal = useKiosk((s) => s.endReveal);
  const aggregate = useKiosk((s) => s.aggregate);
  const suppressBelow = useKiosk((s) => s.settings?.suppressBelow ?? DEFAULT_SETTINGS.suppressBelow);
  const seconds = useKiosk((s) => idleSettingsFrom(location.search, s.settings).reveal);
  const skip = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    skip.current?.focus();
    const timer = setTimeout(endReveal, seconds * 1000);
    return () => clearTimeout(timer);
  }, [endReveal, seconds]);

  const color = mixColors(
    instrument.types.map((x) => x.color),
    shares,
  );
  return (
    <div className="reveal" role="dialog" aria-modal="true" aria-labelledby="reveal-title" onClick={endReveal}>
      <p id="reveal-title" className="reveal-title" data-testid="reveal">
        {t(crowd ? 'reveal.title' : 'reveal.titleAlone')}
      </p>
      <CrowdStage
        types={instrument.types}
        lang={lang}
        totals={crowd ? aggregate : null}
        suppressBelow={suppressBelow}
        you={{ spot: profilePosition(shares), color, label: t('reveal.you') }}
        className="reveal-stage"
      />
      <button ref={skip} className="secondary" onClick={endReveal}>
        {t('reveal.skip')}
      </button>
    </div>
  );
}
