import { useTranslation } from 'react-i18next';
import { clockTime } from '../../../core/eventTime';
import { replayClock } from '../replay';
import { useProjector, useShownAggregate } from '../store';

/**
 * How many of the day's participants have walked in so far during the replay, and the event clock at that moment
 * (in the event's time zone): the same moment as the figures and the numbers at the corners.
 */
export function ReplayCounter() {
  const { t } = useTranslation();
  const walked = useShownAggregate()?.total ?? 0;
  const total = useProjector((s) => s.replay?.total) ?? walked;
  const clock = useProjector((s) => {
    // The hub's spans count the whole day; a round on its own has no clock.
    if (s.roundOnly || !s.talk) return null;
    const at = replayClock(s.talk.arrivals, total > 0 ? walked / total : 1);
    return at === null ? null : clockTime(at, s.settings.timeZone);
  });
  return (
    <p className="replay-count">
      {clock && (
        <span className="replay-clock" data-testid="replay-clock">
          {clock}
        </span>
      )}
      <span data-testid="replay-count">{t('projector.replayCount', { count: walked, total })}</span>
    </p>
  );
}
