import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../common/useNow';
import { REPLAY_SECONDS } from '../store';

/** How many of the day's participants have walked in so far during the replay. */
export function ReplayCounter({ total }: { total: number }) {
  const { t } = useTranslation();
  const [startedAt] = useState(() => Date.now());
  const now = useNow(250);
  const walked = total === 0 ? 0 : Math.min(total, Math.ceil(((now - startedAt) / 1000 / REPLAY_SECONDS) * total));
  return (
    <p className="replay-count" data-testid="replay-count">
      {t('projector.replayCount', { count: walked, total })}
    </p>
  );
}
