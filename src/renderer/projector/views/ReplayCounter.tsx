import { useTranslation } from 'react-i18next';
import { useProjector, useShownAggregate } from '../store';

/** How many of the day's participants have walked in so far during the replay: the same moment as the figures. */
export function ReplayCounter() {
  const { t } = useTranslation();
  const walked = useShownAggregate()?.total ?? 0;
  const total = useProjector((s) => s.replay?.total) ?? walked;
  return (
    <p className="replay-count" data-testid="replay-count">
      {t('projector.replayCount', { count: walked, total })}
    </p>
  );
}
